class CM:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, *a):
        print("exit", a[0])
        return True

def use():
    with CM() as c, CM():
        print("body", type(c).__name__)
        raise ValueError
    return "done"

print(use())

def gen():
    x = yield 1
    print("got", x)
    yield from [2, 3]
    return 4

g = gen()
print(next(g), g.send("s"), next(g))
x = "a" "b" + "c" * 3
print(x, -1, (1, -2.5), 2 ** -1, 1 if x else 2)
print(f"{x:>{10}}", f"{'q'!a}")

# A compound statement whose last statement ends with `;` spans the `;`.
class Ctx:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        print('exit', a[0])
        return True

def semis():
    with Ctx():
        x = 1;
    for i in range(2):
        pass;
    with Ctx():
        raise ValueError();
    return x

print(semis())
