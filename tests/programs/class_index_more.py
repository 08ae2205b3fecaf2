class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
print("ab" * Idx(3), [0] * Idx(2), Idx(2) * "xy", (1,) * Idx(2))
print(range(10)[Idx(3)], range(5)[Idx(-1)])
class NotIdx:
    pass
try:
    "ab" * NotIdx()
except TypeError as e:
    print(e)
class I2(int):
    pass
print("z" * I2(3), [1, 2, 3][I2(1)])
