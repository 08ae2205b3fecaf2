# pathlib and fnmatch: pure path manipulation, matching, and a small tree on disk
import pathlib, fnmatch
p = pathlib.PurePosixPath("/usr/lib/python3.11/os.py")
print(p.name, p.stem, p.suffix, p.parent, p.parts, p.with_suffix(".pyc"), p.relative_to("/usr"))
print(pathlib.PurePosixPath("a") / "b" / "c.txt", p.match("*.py"), p.is_absolute())
print(fnmatch.fnmatch("data.csv", "*.csv"), fnmatch.filter(["a.py", "b.txt", "c.py"], "*.py"), fnmatch.translate("*.t?t"))
