class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
    def __repr__(self):
        return "Stack(" + super().__repr__() + ")"

s = Stack()
s.push(1)
s.push(2)
s += [3]
print(s, len(s), s.peek(), s[0], s[1:], list(s), 2 in s)
print(isinstance(s, list), type(s).__name__, bool(Stack()), bool(s))
print(s == [1, 2, 3], [1, 2, 3] == s, s + [4])
s.sort(reverse=True) if False else s.reverse()
print(s)

class Tracked(list):
    def __init__(self, items, tag):
        super().__init__(items)
        self.tag = tag
    def __setitem__(self, i, v):
        print("set", i, v)
        super().__setitem__(i, v)
    def __getitem__(self, i):
        v = super().__getitem__(i)
        return v * 10 if isinstance(i, int) else v
    def __len__(self):
        return super().__len__() + 100

t = Tracked([1, 2, 3], "t")
t[0] = 5
print(t[0], t.tag, len(t), t[0:2])
for x in t:
    print("iter", x)
print(sum(Stack([1, 2, 3])), sorted(Stack([3, 1])) if False else max(Stack([3, 1])))
class Empty(list):
    pass
e = Empty([4, 5])
print(e, e.copy(), type(e.copy()).__name__)
