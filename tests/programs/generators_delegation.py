def inner():
    try:
        yield 1
        yield 2
    except KeyError as e:
        print("inner caught", repr(e))
        return "inner-ret"
    finally:
        print("inner finally")

def outer():
    try:
        r = yield from inner()
        print("outer got", r)
        yield "after"
    finally:
        print("outer finally")

o = outer()
print(next(o))
print(o.throw(KeyError("k")))
o.close()

o2 = outer()
print(next(o2))
o2.close()
print("closed")

def tree(n):
    if n == 0:
        yield "leaf"
        return
    yield from tree(n - 1)
    yield n
print(list(tree(3)))

def genexc():
    try:
        raise ValueError("inside")
    except ValueError:
        yield 1
        import sys
        print("exc in gen:", sys.exc_info()[1])
        yield 2

ge = genexc()
print(next(ge))
import sys
print("outside:", sys.exc_info()[1])
print(next(ge))

def tb_gen():
    yield 1
    raise IndexError("from gen")
for v in tb_gen():
    print(v)
