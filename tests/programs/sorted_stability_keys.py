# sorted stability with many equal keys, and multi-pass sorting
records = [("amy", 3, "x"), ("bob", 1, "y"), ("cat", 3, "z"), ("dan", 2, "x"), ("eve", 1, "z"), ("fay", 2, "y")]
by_num = sorted(records, key=lambda r: r[1])
print([r[0] for r in by_num])
by_tag_then_num = sorted(sorted(records, key=lambda r: r[1]), key=lambda r: r[2])
print([r[0] for r in by_tag_then_num])
print([r[0] for r in sorted(records, key=lambda r: (r[2], -r[1]))])
print([r[0] for r in sorted(records, key=lambda r: r[1], reverse=True)])
vals = [(i % 5, i) for i in range(40)]
s = sorted(vals, key=lambda t: t[0])
print(all([s[i][1] < s[i + 1][1] for i in range(len(s) - 1) if s[i][0] == s[i + 1][0]]))
print(s[:6])
