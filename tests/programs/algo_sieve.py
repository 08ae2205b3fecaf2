# Sieve of Eratosthenes with a list of booleans.
def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = False
    is_prime[1] = False
    p = 2
    while p * p <= limit:
        if is_prime[p]:
            m = p * p
            while m <= limit:
                is_prime[m] = False
                m += p
        p += 1
    primes = []
    for n in range(limit + 1):
        if is_prime[n]:
            primes.append(n)
    return primes


primes = sieve(200)
print(primes)
print(len(sieve(10000)), sieve(10000)[-1])
