# int formatting through format()
for n in [0, 7, -7, 255, -255, 1234567, 2**64]:
    print(format(n, "d"), format(n, "5d"), format(n, "<5"), format(n, "^7"), format(n, "+d"), format(n, " d"), format(n, "05d"), format(n, ","), format(n, "_"),
          format(n, "b"), format(n, "#b"), format(n, "o"), format(n, "#o"), format(n, "x"), format(n, "#X"), format(n, "_x"), format(n, "e"), format(n, ".2f"), format(n, "%"), format(n, "n"))
print(format(65, "c"), format(True, "d"), format(True, ""), format(False, "5"), format(10, "=+8"), format(-10, "=8"), format(42, "*^9"))
for bad in [".2d", "s", "z"]:
    try:
        format(5, bad)
    except ValueError as e:
        print("ValueError:", e)
print(f"{255:#x} {255:08b} {1000000:,d} {-42:>6} {3:03}")
