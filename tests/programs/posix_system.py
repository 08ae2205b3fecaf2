# os.system-style commands: exit statuses, and output order with buffered stdout.
import posix, sys
print('before')
r = posix.system('echo from-shell')
print(r, posix.waitstatus_to_exitcode(posix.system('exit 3')))
