def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

c = make_counter()
c(); c()
print(len(c.__closure__), c.__closure__[0].cell_contents)
print(c.__code__.co_freevars, make_counter.__code__.co_cellvars)

def outer():
    x = 1
    y = "two"
    def inner():
        return x, y
    return inner
cells = outer().__closure__
print([cell.cell_contents for cell in cells])

def late():
    def get():
        return v
    cell = get.__closure__[0]
    try:
        cell.cell_contents
    except ValueError as e:
        print("ValueError:", e)
    v = 5
    return cell.cell_contents
print(late())
print(type(cells[0]).__name__)
