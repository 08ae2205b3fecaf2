# reversed over many sequence kinds
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("héllo")), list(reversed(range(0, 10, 3))), list(reversed(b"ab")), list(reversed(bytearray(b"cd"))))
print(list(reversed({"a": 1, "b": 2})), list(reversed({"a": 1}.items())), list(reversed([])), "".join(reversed("abc")))
r = reversed([1, 2, 3])
print(next(r), list(r), list(r))
lst = [1, 2, 3]
r = reversed(lst)
lst.pop()
print(list(r))
for bad in ({1, 2}, 5, iter([1])):
    try:
        reversed(bad)
    except TypeError as e:
        print("TypeError:", e)
