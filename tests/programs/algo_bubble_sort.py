# Bubble sort in place on a list, counting swaps.
def bubble_sort(items):
    n = len(items)
    swaps = 0
    i = 0
    while i < n:
        swapped = False
        j = 0
        while j < n - 1 - i:
            if items[j] > items[j + 1]:
                items[j], items[j + 1] = items[j + 1], items[j]
                swaps += 1
                swapped = True
            j += 1
        if not swapped:
            break
        i += 1
    return swaps


data = [64, 34, 25, 12, 22, 11, 90, 5, -3, 34]
print(bubble_sort(data), data)
words = ["pear", "apple", "fig", "banana", "cherry"]
print(bubble_sort(words), words)
already = [1, 2, 3]
print(bubble_sort(already), already)
big = []
for i in range(60):
    big.append((i * 37) % 61)
print(bubble_sort(big), big[:10], big[-3:])
