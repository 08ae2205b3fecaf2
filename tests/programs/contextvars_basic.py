# contextvars: ContextVar get/set/reset, Token, Context.run and copy_context isolation
import contextvars
v = contextvars.ContextVar("v", default=1)
w = contextvars.ContextVar("w")
print(v.name, v.get(), v.get(5), w.get("dflt"))
try:
    w.get()
except LookupError as e:
    print("LookupError", type(e.args[0]).__name__, e.args[0].name)
t = v.set(10)
print(v.get(), t.var is v, t.old_value is contextvars.Token.MISSING, repr(contextvars.Token.MISSING))
v.reset(t)
print(v.get())
try:
    v.reset(t)
except RuntimeError as e:
    print("RuntimeError", str(e).split(" var=")[0])
t2 = w.set("a")
try:
    v.reset(t2)
except ValueError as e:
    print("ValueError", str(e).endswith("was created by a different ContextVar"))
ctx = contextvars.copy_context()
def inside(x, y=0):
    w.set("inside")
    v.set(x + y)
    return v.get(), w.get(), len(contextvars.copy_context())
print(ctx.run(inside, 3, y=4))
print(v.get(), w.get(), ctx[v], ctx.get(w), v in ctx, len(ctx))
print(sorted(var.name for var in ctx), sorted(k.name for k in ctx.keys()), sorted(map(str, ctx.values())))
c2 = ctx.copy()
c2.run(v.set, 99)
print(ctx[v], c2[v])
try:
    ctx[1]
except TypeError as e:
    print("TypeError", e)
def reenter():
    ctx.run(lambda: None)
try:
    ctx.run(reenter)
except RuntimeError as e:
    print("RuntimeError", str(e).startswith("cannot enter context"))
print(type(contextvars.Context()).__name__, len(contextvars.Context()))
print(contextvars.ContextVar[int] is contextvars.ContextVar)
