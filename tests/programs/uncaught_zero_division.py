# An uncaught ZeroDivisionError inside a function.
def average(items):
    return sum_items(items) / len(items)


def sum_items(items):
    total = 0
    for x in items:
        total += x
    return total


print(average([1, 2, 3]))
print(average([]))
