# iter(callable, sentinel) with functions and bound methods
data = [3, 2, 1, 0, 5]
it = iter(data.pop, 1)
print(list(it), data)
lines = ["a", "b", "", "c"]
pos = [0]
def readline():
    pos[0] += 1
    return lines[pos[0] - 1]
print(list(iter(readline, "")))
def raiser():
    raise StopIteration
print(list(iter(raiser, None)))
n = [0]
def counter():
    n[0] += 1
    return n[0] * 1.0
print(list(iter(counter, 4)), callable(iter), type(iter(int, 1)).__name__)
