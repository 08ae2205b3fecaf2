class Empty:
    def __len__(self):
        return 0
class Full:
    def __len__(self):
        return 3
class Truthy:
    def __bool__(self):
        return False
    def __len__(self):
        return 10
class Plain:
    pass
for o in [Empty(), Full(), Truthy(), Plain()]:
    print(type(o).__name__, bool(o), "yes" if o else "no", not o)
print(len(Full()))
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print(e)
class NegLen:
    def __len__(self):
        return -1
try:
    len(NegLen())
except ValueError as e:
    print(e)
class StrLen:
    def __len__(self):
        return "3"
try:
    len(StrLen())
except TypeError as e:
    print(e)
try:
    len(Plain())
except TypeError as e:
    print(e)
while Full():
    print("loop once")
    break
print(Empty() or "fallback", Full() and "both")
