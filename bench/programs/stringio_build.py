# In-memory streams: building text with StringIO.write and getvalue, reading
# it back line by line, and the same round trip through BytesIO.
import io


def build_text(n):
    out = io.StringIO()
    for i in range(n):
        out.write("row ")
        out.write(str(i % 97))
        out.write(";\n")
    return out.getvalue()


def read_text(text):
    total = 0
    for line in io.StringIO(text):
        total += len(line)
    return total


def bytes_round_trip(n):
    out = io.BytesIO()
    for i in range(n):
        out.write(b"record:")
        out.write(b"%d\n" % (i % 89))
    data = out.getvalue()
    inp = io.BytesIO(data)
    count = 0
    while True:
        line = inp.readline()
        if not line:
            break
        count += len(line)
    inp.seek(0)
    while inp.read(16):
        count += 1
    return len(data), count


text = build_text(300000)
print(len(text), read_text(text), bytes_round_trip(300000))
