# Recursive and iterative Fibonacci.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


for i in range(15):
    print(i, fib(i))
print(fib(22))
print(fib_iter(100))
print(fib_iter(300))
