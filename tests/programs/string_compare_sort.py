# Selection sort of strings; string comparison is by code point.
def selection_sort(items):
    n = len(items)
    for i in range(n):
        smallest = i
        for j in range(i + 1, n):
            if items[j] < items[smallest]:
                smallest = j
        if smallest != i:
            tmp = items[i]
            items[i] = items[smallest]
            items[smallest] = tmp
    return items


print(selection_sort(["banana", "Apple", "cherry", "apple", "Banana", "", "a"]))
print(selection_sort([3.5, -1, 2, 0.0, 10 ** 20, -2.5]))
print(selection_sort([(2, "b"), (1, "z"), (2, "a"), (1, "a")]))
