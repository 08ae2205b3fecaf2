# complex str/repr and formatting
for z in [0j, 1j, -1j, 1 + 1j, -1.5 - 2.25j, complex(1e20, 1e-20), complex(0.1, 0.2), complex(-0.0, 0.0), 3 + 0j, complex(2, -0.0)]:
    print(repr(z), str(z), format(z), f"{z}")
print(format(1 + 2j, ".2f") if False else str(1 + 2j), [1j, 2 + 0j], (1j,), {1j: 1})
