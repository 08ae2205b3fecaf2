class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            print("created")
        return cls._inst
    def __init__(self):
        print("init")

a = Singleton()
b = Singleton()
print(a is b)

class Weird:
    def __new__(cls, v):
        return v * 2
    def __init__(self, v):
        print("never")

print(Weird(21))

class Counter:
    count = 0
    def __new__(cls, *a, **k):
        cls.count += 1
        return super().__new__(cls)
    def __init__(self, name, *, tag="t"):
        self.name = name
        self.tag = tag

c1 = Counter("a")
c2 = Counter("b", tag="x")
print(Counter.count, c1.name, c2.tag)
