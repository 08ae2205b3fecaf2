# compile, exec, eval with globals and locals
print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}), eval("a + b", {"a": 1}, {"b": 2}), eval("  5"))
g = {}
exec("y = 10\ndef f(n):\n    return n + y\nz = f(5)", g)
print(g["y"], g["z"], sorted([k for k in g if k != "__builtins__"]))
code = compile("q = 6 * 7", "<mine>", "exec")
ns = {}
exec(code, ns)
print(ns["q"], type(code).__name__, code.co_filename)
e = compile("ns['q'] + 1", "<e>", "eval")
print(eval(e))
exec("print('exec prints', 1 + 1)")
loc = {}
exec("v = [i for i in range(3)]", {}, loc)
print(loc)
x = 5
print(eval("x + 1"))
def fn():
    w = 3
    return eval("w * 2")
print(fn())
for src, mode in [("1 +", "eval"), ("def", "exec"), ("x = ", "exec")]:
    try:
        compile(src, "<bad>", mode)
    except SyntaxError as err:
        print("SyntaxError:", err.msg, err.lineno)
try:
    compile("1", "f", "nope")
except ValueError as err:
    print("ValueError:", err)
try:
    eval("undefined_name")
except NameError as err:
    print("NameError:", err)
try:
    exec("1", [])
except TypeError as err:
    print("TypeError:", err)
