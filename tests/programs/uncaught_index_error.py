# An uncaught IndexError in a loop that runs one step too far.
items = [10, 20, 30]
i = 0
while i <= len(items):
    print(items[i])
    i += 1
