# Functions may call functions defined later, as long as the call happens after
# both definitions have run.
def main():
    print(helper(3))
    print(other_helper("x"))


def helper(n):
    return twice(n) + 1


def twice(n):
    return n * 2


def other_helper(s):
    return s * helper(1)


main()
