# exec/eval namespaces: functions see the globals they were defined in
g = {"base": 100}
exec("def add(n):\n    return base + n\n", g)
print(g["add"](5))
g["base"] = 1
print(g["add"](5), eval("add(2)", g))
l = {}
exec("a = 1\nb = a + 1", g, l)
print(sorted(l.items()), "a" in g)
print(eval("[x * 2 for x in range(3)]"), eval("{'k': len('abc')}"), eval("(lambda q: q + 1)(1)"))
src = "total = 0\nfor i in range(4):\n    total += i\n"
ns = {}
exec(compile(src, "<loop>", "exec"), ns)
print(ns["total"])
print(eval(compile("1 if True else 2", "<e>", "eval")), type(eval("__builtins__", {})).__name__)
exec("import_result = len('four')", ns)
print(ns["import_result"])
try:
    exec("raise ValueError('from exec')")
except ValueError as e:
    print("ValueError:", e)
