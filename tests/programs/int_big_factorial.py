# Factorial of 50 both recursively and iteratively; they must agree.
def fact_rec(n):
    if n <= 1:
        return 1
    return n * fact_rec(n - 1)


def fact_iter(n):
    result = 1
    i = 2
    while i <= n:
        result *= i
        i += 1
    return result


a = fact_rec(50)
b = fact_iter(50)
print(a)
print(b)
print(a == b)
print(len(str(a)))
print(fact_rec(20) // fact_rec(18))
