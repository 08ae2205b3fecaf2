# An exception raised three frames deep and never caught: CPython prints the
# whole traceback, innermost call last, and exits with status 1.
def parse(value):
    if value == 3:
        raise ValueError("bad " + str(value))
    return value


def process(values):
    total = 0
    for v in values:
        total += parse(v)
    return total


def main():
    print("start")
    print(process([1, 2]))
    print(process([1, 2, 3]))


main()
