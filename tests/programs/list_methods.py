# Growing and shrinking lists with append and pop.
stack = []
for i in range(5):
    stack.append(i * i)
print(stack)
print(stack.pop(), stack.pop(), stack)
stack.append("top")
print(stack, len(stack))

def squares_upto(n):
    out = []
    i = 0
    while i * i <= n:
        out.append(i * i)
        i += 1
    return out


print(squares_upto(50))
evens = []
odds = []
for n in range(15):
    if n % 2 == 0:
        evens.append(n)
    else:
        odds.append(n)
print(evens, odds)
