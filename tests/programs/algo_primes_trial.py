# Trial-division primality and prime factorisation, including a big number.
def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


def factorize(n):
    factors = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors.append(d)
            n //= d
        d += 1
    if n > 1:
        factors.append(n)
    return factors


count = 0
for n in range(1000):
    if is_prime(n):
        count += 1
print(count)
print(factorize(360), factorize(97), factorize(2 ** 32 + 1), factorize(600851475143))
print(is_prime(1000003), is_prime(1000001))
