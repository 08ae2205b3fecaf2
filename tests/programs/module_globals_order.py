# Module code runs top to bottom; a global used by a function only needs to
# exist when the function is called.
def show():
    return "limit is " + str(LIMIT)


try:
    show()
except NameError as e:
    print("too early:", e)
LIMIT = 3
print(show())
LIMIT = LIMIT * 2
print(show())
