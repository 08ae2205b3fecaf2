# posix process and device calls: fork/waitpid/_exit with wait statuses,
# execv in a child, statvfs, device numbers, ownership no-ops.
import posix, sys

r, w = posix.pipe()
pid = posix.fork()
if pid == 0:
    posix.close(r)
    posix.write(w, b'hello from the child')
    posix._exit(7)
posix.close(w)
print(posix.read(r, 100))
posix.close(r)
got, status = posix.waitpid(pid, 0)
print(got == pid, posix.WIFEXITED(status), posix.WEXITSTATUS(status), posix.WIFSIGNALED(status))
print(posix.waitstatus_to_exitcode(status))

pid = posix.fork()
if pid == 0:
    posix.execv('/bin/sh', ['sh', '-c', 'exit 3'])
_, status = posix.waitpid(pid, 0)
print('exec child exit', posix.WEXITSTATUS(status))

pid = posix.fork()
if pid == 0:
    posix.kill(posix.getpid(), 9)
_, status = posix.waitpid(pid, 0)
print(posix.WIFSIGNALED(status), posix.WTERMSIG(status), posix.waitstatus_to_exitcode(status))

try:
    posix.waitpid(pid, 0)
except ChildProcessError as e:
    print(type(e).__name__, e.errno)

st = posix.statvfs('/')
print(type(st).__name__, len(st), st.f_bsize > 0, st.f_namemax >= 255, st[0] == st.f_bsize)
print(posix.fstatvfs(0).f_bsize > 0)
d = posix.makedev(8, 1)
print(posix.major(d), posix.minor(d))
posix.chown('/tmp', -1, -1)
print(isinstance(posix.getgroups(), list), posix.getpgrp() > 0)
try:
    posix.execv('/nonexistent/prog', ['prog'])
except FileNotFoundError as e:
    print(type(e).__name__, e.errno)
try:
    posix.execv('/bin/sh', [])
except ValueError as e:
    print('ValueError:', e)
