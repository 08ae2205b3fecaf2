class Node:
    def accept(self, visitor):
        method = getattr(visitor, "visit_" + type(self).__name__, None)
        if method is None:
            return visitor.generic_visit(self)
        return method(self)

class Num(Node):
    def __init__(self, value):
        self.value = value

class BinOp(Node):
    def __init__(self, op, left, right):
        self.op, self.left, self.right = op, left, right

class Neg(Node):
    def __init__(self, operand):
        self.operand = operand

class Var(Node):
    def __init__(self, name):
        self.name = name

class Evaluator:
    ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b,
           "*": lambda a, b: a * b, "/": lambda a, b: a / b}
    def __init__(self, env):
        self.env = env
    def visit_Num(self, n):
        return n.value
    def visit_BinOp(self, n):
        return self.ops[n.op](n.left.accept(self), n.right.accept(self))
    def visit_Neg(self, n):
        return -n.operand.accept(self)
    def visit_Var(self, n):
        try:
            return self.env[n.name]
        except KeyError:
            raise NameError(f"unbound variable {n.name!r}") from None
    def generic_visit(self, n):
        raise TypeError(f"cannot evaluate {type(n).__name__}")

class Printer:
    def visit_Num(self, n):
        return str(n.value)
    def visit_BinOp(self, n):
        return f"({n.left.accept(self)} {n.op} {n.right.accept(self)})"
    def visit_Neg(self, n):
        return f"-{n.operand.accept(self)}"
    def visit_Var(self, n):
        return n.name
    def generic_visit(self, n):
        return "?"

class Unknown(Node):
    pass

tree = BinOp("+", Num(2), BinOp("*", Var("x"), Neg(Num(3))))
print(tree.accept(Printer()), "=", tree.accept(Evaluator({"x": 4})))
try:
    tree.accept(Evaluator({}))
except NameError as e:
    print("NameError:", e, e.__suppress_context__)
try:
    BinOp("/", Num(1), Unknown()).accept(Evaluator({}))
except TypeError as e:
    print("TypeError:", e)
print(BinOp("-", Unknown(), Num(1)).accept(Printer()))
