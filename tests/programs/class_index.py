class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
data = [10, 20, 30, 40]
print(data[Idx(1)], data[Idx(-1)], "abcd"[Idx(2)])
print(data[Idx(1):Idx(3)])
print(bin(Idx(5)) if False else int(Idx(7)))
try:
    data[Idx("x")]
except TypeError as e:
    print(e)
class NoIdx:
    pass
try:
    data[NoIdx()]
except TypeError as e:
    print(e)
print(data[Idx(0)::Idx(2)])
