# str.format and format_map
print("{} {} {}".format(1, "a", [2]))
print("{0} {1} {0}".format("x", "y"))
print("{name} is {age}".format(name="Al", age=3))
print("{0[1]} {0[a]} {1.real} {1.imag}".format({1: "one", "a": "A"}, 3 + 4j))
print("{:>8}|{:<8}|{:^8}|{:*^9}".format("r", "l", "c", "s"))
print("{:08.3f}|{:+d}|{:,}|{:_x}|{:#b}|{:e}".format(3.14159, 5, 1234567, 0xdeadbeef, 5, 12345.6789))
print("{:{w}.{p}f}".format(3.14159, w=10, p=2))
print("{!r} {!s} {!a}".format("é", "é", "é"))
print("{{}} {{{}}}".format(7))
print("{0:%}".format(0.25), "{:.1%}".format(0.123))
print("{:10}|{:<10}|{:>10}".format(12, 12, "x"))
print("{a}-{b}".format_map({"a": 1, "b": 2}))
print("{x[0]} {y}".format_map({"x": "abc", "y": 2.5}))
for f, a, k in [("{", (), {}), ("}", (), {}), ("{0} {}", (1, 2), {}), ("{} {0}", (1, 2), {}), ("{2}", (1,), {}), ("{x}", (), {}), ("{!z}", (1,), {})]:
    try:
        print(f.format(*a, **k))
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__ + ":", e)
