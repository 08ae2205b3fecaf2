# _ast: the node classes (fields, attributes, optional fields), AST.__init__, __reduce__, match
import _ast as ast
print(ast.Load().__reduce__())
for c in (ast.Load, ast.alias, ast.keyword):
    try: c(1, 2, 3)
    except TypeError as e: print(e)
print(repr(ast.AST.__doc__), ast.AST._fields, ast.AST.__module__, ast.mod.__doc__)
x = ast.Name('x', ast.Load(), lineno=3); print(x.lineno, x.end_lineno, sorted(x.__dict__))
n = ast.BinOp(left=1); print(n.__dict__, n.__reduce__()[1:])
try: ast.BinOp(1, left=2)
except TypeError as e: print(e)
print(ast.BinOp.__mro__, ast.Constant(5).kind)
print(len([n for n in dir(ast) if isinstance(getattr(ast, n), type) and issubclass(getattr(ast, n), ast.AST)]))
match ast.BinOp(ast.Constant(1), ast.Add(), ast.Constant(2)):
    case ast.BinOp(ast.Constant(a), ast.Add(), ast.Constant(b)):
        print("matched", a, b)
print(ast.PyCF_ONLY_AST, ast.expr._attributes, ast.stmt._fields, ast.FunctionDef._fields, ast.FunctionDef.__dict__.get("returns", "missing"))
