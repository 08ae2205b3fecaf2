# Positional and keyword arguments and defaults.
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct


print(greet("Ada"))
print(greet("Ada", "Hi"))
print(greet("Ada", punct="?"))
print(greet(greeting="Yo", name="Bob"))
print(greet("Cy", "Hey", "."))

def power(base, exp=2):
    return base ** exp


print(power(3), power(2, 10), power(exp=3, base=4))

def describe(a, b=None, c=0):
    print("a", a, "b", b, "c", c)


describe(1)
describe(1, 2)
describe(1, c=3)
describe(c=5, a=6, b=7)

def no_args():
    return "nothing"


print(no_args())

def default_evaluated_once(x, acc=[]):
    acc.append(x)
    return len(acc)


print(default_evaluated_once(1), default_evaluated_once(2), default_evaluated_once(3, []))
