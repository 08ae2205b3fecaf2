# __init__ of mutable builtins re-initialises in place (what super().__init__ reaches)
a = [1, 2]
list.__init__(a, "xy")
print(a)
list.__init__(a)
print(a)
d = {1: 2}
dict.__init__(d, [(3, 4)], z=5)
print(d)
s = {1}
set.__init__(s, [7, 8])
print(s)
set.__init__(s)
print(s)
for f in (lambda: list.__init__(a, 1), lambda: dict.__init__(d, 1, 2), lambda: set.__init__(s, 1)):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
