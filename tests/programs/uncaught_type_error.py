# An uncaught TypeError from adding an int and a str.
def label(n):
    return 1 + "a"


print("computing")
x = label(3)
