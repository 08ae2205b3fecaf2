# os's struct sequences made by hand: stat_result from 10 or 13 items, terminal_size.
import os
r = os.stat_result(range(10))
print(r, r.st_atime, r.st_mtime_ns, r.st_blksize)
r2 = os.stat_result(range(13))
print(r2.st_atime, r2.st_ctime)
try:
    os.stat_result((1, 2))
except TypeError as e:
    print(e)
st = os.stat('.')
print(r.__reduce__()[0] is os.stat_result, st == os.stat_result(st.__reduce__()[1][0], st.__reduce__()[1][1]) or True)
print(os.terminal_size((80, 24)), os.terminal_size((80, 24)).columns)
