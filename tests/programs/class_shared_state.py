class Bag:
    items = []
    def __init__(self, own=False):
        if own:
            self.items = []
    def add(self, x):
        self.items.append(x)
        return self

a, b, c = Bag(), Bag(), Bag(own=True)
a.add(1)
b.add(2)
c.add(3)
print(Bag.items, a.items, b.items, c.items)
print(a.items is Bag.items, c.items is Bag.items)

class Counter:
    total = 0
    def __init__(self):
        Counter.total += 1
        self.id = Counter.total
cs = [Counter() for _ in range(3)]
print([x.id for x in cs], Counter.total)

class Sub(Counter):
    total = 100
s = Sub()
print(s.id, Sub.total, Counter.total)
a.add(4).add(5)
print(len(Bag.items))
