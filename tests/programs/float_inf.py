# Infinities and float edge cases.
inf = float('inf')
print(inf, -inf, inf + 1, inf > 1e308, -inf < -1e308)
print(inf * 0 == inf * 0)
print(1e300 * 1e10, 1e-300 * 1e-300)
print(5e-324, 5e-324 / 2)
print(float('nan') == float('nan'))
print(1.7976931348623157e308)
