# What dis reads from code objects and _opcode: co_lines, co_positions, _varname_from_oparg, stack_effect
def f(a, b):
    x = a + b
    def g():
        return x
    return g
c = f.__code__
print(list(c.co_lines()))
print(list(c.co_positions())[:6])
print([c._varname_from_oparg(i) for i in range(4)])
try:
    c._varname_from_oparg(9)
except IndexError as e:
    print(e)
import _opcode, opcode
for a in [(0,),(1,),(100,),(100,1),(90,),(114,0),(1,5),(300,),(9,),(100,None),(3,),(1,None)]:
  try: print(a, _opcode.stack_effect(*a))
  except Exception as e: print(a, type(e).__name__, e)
for kw in [dict(jump=True), dict(jump=False), dict(jump=None)]:
    print(kw, [_opcode.stack_effect(op, 1, **kw) for op in opcode.hasjrel + opcode.hasjabs])
try: _opcode.stack_effect('a')
except Exception as e: print(type(e).__name__, e)
try: _opcode.stack_effect(114, 0, True)
except Exception as e: print(type(e).__name__, e)
total = 0
for op in range(256):
    if opcode.opname[op][0] == '<': continue
    for arg in ([0, 1, 3, 7, 255] if op >= 90 else [None]):
        for j in (True, False, None):
            try: total += _opcode.stack_effect(op, arg, jump=j) if arg is not None else _opcode.stack_effect(op, jump=j)
            except ValueError as e: total += 1000
print(total)
