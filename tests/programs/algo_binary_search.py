# Binary search over a sorted list, with probe counts.
def binary_search(items, target):
    lo = 0
    hi = len(items) - 1
    probes = 0
    while lo <= hi:
        probes += 1
        mid = (lo + hi) // 2
        if items[mid] == target:
            return mid, probes
        elif items[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1, probes


data = []
for i in range(0, 1000, 3):
    data.append(i)
for target in [0, 3, 999, 501, 500, 998, -1, 2000]:
    print(target, binary_search(data, target))
