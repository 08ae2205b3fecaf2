# list.sort and sorted: stability, key, reverse, comparison order
data = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1)]
print(sorted(data), sorted(data, key=lambda t: t[1]), sorted(data, key=lambda t: t[1], reverse=True))
words = "The quick brown fox Jumps over the lazy dog".split()
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
nums = [5, -3, 2.5, 0, -3, 10**20, 7]
nums.sort(); print(nums)
nums.sort(reverse=True); print(nums)
nums.sort(key=abs); print(nums)
calls = []
def key(x):
    calls.append(x)
    return -x
print(sorted([3, 1, 2], key=key), calls)
log = []
def cmp_key(v):
    return v
class_free = [(1, "x"), (1, "y"), (0, "z")]
print(sorted(class_free, key=lambda t: t[0]))
big = [(i * 7919) % 1000 for i in range(300)]
print(sorted(big)[:10], sorted(big, reverse=True)[:5], sorted(big) == sorted(big, key=lambda x: x))
try:
    [1, "a"].sort()
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1], cmp=None)
except TypeError as e:
    print("TypeError:", e)
try:
    [].sort(1)
except TypeError as e:
    print("TypeError:", e)
print(sorted("hello"), sorted({3: 1, 1: 2}), sorted((3, 2, 1)), sorted([]), sorted(range(5), reverse=True))
