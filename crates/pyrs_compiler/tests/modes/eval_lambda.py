lambda x, *a, y=1, **k: (x, a, y, k, __debug__, f"{x!r:>{y}}")
