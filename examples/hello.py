# A first program for pyrs: functions, a loop, big ints and floats.
def greet(name, punctuation="!"):
    return "Hello, " + name + punctuation


def factorial(n):
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result


if __name__ == "__main__":
    print(greet("world"))
    print("2**100 =", 2 ** 100)
    print("25! =", factorial(25))
    print("0.1 + 0.2 =", 0.1 + 0.2)
