# The global statement, module-level names read from functions, and shadowing.
counter = 0


def increment():
    global counter
    counter += 1
    return counter


def read_only():
    return counter * 10


def shadow():
    counter = "local"
    return counter


for _ in range(3):
    increment()
print(counter, read_only(), shadow(), counter)

def define_global():
    global created_later
    created_later = "made inside a function"


define_global()
print(created_later)

def shadow_builtin():
    len = 5
    return len


print(shadow_builtin(), len("builtin still visible"))
