# padding counts code points, not bytes
for s in ["é", "日本", "😀", "ab"]:
    print(repr(s.center(6, "·")), repr(s.ljust(4, "✓")), repr(s.rjust(4)), repr(s.zfill(4)), len(s.center(6)))
print("{:^7}|{:<5}|{:>5}".format("日本", "é", "😀"), f"{'ü':*^5}", "%-4s|%4s" % ("é", "日"))
