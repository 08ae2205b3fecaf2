# open(): text and binary files, iteration, context managers
import_free_name = "/tmp/pyrs_file_io_test.tmp"
with open(import_free_name, "w") as f:
    print(type(f).__name__, f.name, f.mode, f.closed, f.writable(), f.readable())
    print(f.write("line one\n"), f.write("línea dos\r\nthree"))
    f.writelines(["\n", "four\n"])
print(f.closed)
with open(import_free_name) as f:
    print(repr(f.readline()), repr(f.readline()), repr(f.read(3)), repr(f.read()))
    print(repr(f.read()), repr(f.readline()))
with open(import_free_name, encoding="utf-8") as f:
    print([line for line in f])
with open(import_free_name) as f:
    print(f.readlines())
f = open(import_free_name, "a")
f.write("five\n")
f.close()
print(open(import_free_name).read().splitlines())
with open(import_free_name, "rb") as f:
    print(type(f).__name__, f.read(4), f.readline(), f.tell())
    f.seek(0)
    print(f.read()[-10:], list(f))
with open(import_free_name, "wb") as f:
    print(type(f).__name__, f.write(b"\x00\x01bin\n"), f.write(bytearray(b"ary")))
with open(import_free_name, "rb") as f:
    data = f.read()
print(data, len(data))
print(print("to file", file=open(import_free_name, "w")))
print(open(import_free_name).read() == "")
for bad in [lambda: open("/nonexistent/dir/x"), lambda: open(import_free_name, "rw"), lambda: open(import_free_name, "z"), lambda: f.read(), lambda: open(import_free_name, "rb", encoding="utf-8")]:
    try:
        bad()
    except (OSError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    with open(import_free_name, "w") as g:
        g.write("x")
        raise KeyError("inside")
except KeyError as e:
    print("KeyError:", e, g.closed)
with open(import_free_name, "w") as g:
    try:
        g.write(5)
    except TypeError as e:
        print("TypeError:", e)
