(a + b * 2) if c else [x for x in range(3) if x] or {k: v for k, v in d.items()}
