# Nested functions: enclosing-scope reads (LEGB) and functions returned as values.
x = "global x"


def outer():
    x = "outer x"

    def inner():
        return x

    return inner()


def outer2():
    def inner():
        return x

    return inner()


def make_adder(n):
    def add(m):
        return n + m

    return add


def make_counter():
    count = [0]

    def step():
        count[0] += 1
        return count[0]

    return step


print(outer(), "|", outer2())
add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1), make_adder(-1)(1))
c = make_counter()
c()
c()
print(c())

def level1():
    a = 1

    def level2():
        b = 2

        def level3():
            return a + b + 3

        return level3()

    return level2()


print(level1())
