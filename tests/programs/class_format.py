class Money:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        if spec == "":
            return f"${self.v}"
        return f"${self.v:{spec}}"
    def __str__(self):
        return f"Money({self.v})"
m = Money(3.14159)
print( f"{m}", f"{m:>10.1f}", "{:.3f}".format(m))
class NoFormat:
    def __str__(self):
        return "nf"
print(f"{NoFormat()}", "{}".format(NoFormat()))
try:
    f"{NoFormat():x}"
except TypeError as e:
    print(e)
class BadFormat:
    def __format__(self, spec):
        return 1
try:
    f"{BadFormat()}"
except TypeError as e:
    print(e)
print(f"{NoFormat()!r:.3}" if False else "skip")
