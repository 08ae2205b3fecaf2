import types
ns = types.SimpleNamespace(a=1, b='x'); ns.c = [3]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b='x', c=[3]))
mp = types.MappingProxyType({'k': 1})
print(mp['k'], len(mp), list(mp), 'k' in mp, mp.get('z', 0))
def f(): pass
print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance(types, types.ModuleType))
class C:
    def m(self): pass
print(isinstance(C().m, types.MethodType), isinstance((x for x in []), types.GeneratorType), types.NoneType, types.EllipsisType, types.NotImplementedType)
m = types.ModuleType('mymod', 'doc'); m.x = 5; print(m.__name__, m.__doc__, m.x)
Dyn = types.new_class('Dyn', (C,), {}, lambda ns: ns.update(v=42)); print(Dyn.__name__, Dyn.v, Dyn.__mro__[1].__name__)
print(types.resolve_bases((C,)), types.prepare_class('X', (C,))[0])
bound = types.MethodType(lambda self: self.v, Dyn()); print(bound())
print(types.GenericAlias(list, (int,)))
print(types.UnionType, int | str | None)
async def co(): pass
c = co(); print(isinstance(c, types.CoroutineType)); c.close()
print(types.CellType.__name__, types.CodeType.__name__, types.FrameType.__name__, types.TracebackType.__name__)
