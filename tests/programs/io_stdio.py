# The standard streams as programs write to them: write() returning the
# length, the binary buffer, writelines, print(file=...), flush ordering.
import sys

n = sys.stdout.write('héllo ')
print(n)
sys.stdout.writelines(['a\n', 'b\n'])
sys.stdout.flush()
sys.stdout.buffer.write(b'raw bytes\n')
sys.stdout.buffer.flush()
print('to stderr', file=sys.stderr)
sys.stderr.write('written to stderr\n')
print(sys.stdout, sys.stdout.buffer)
print(sys.stdout.fileno(), sys.stderr.fileno(), sys.stdout.writable(), sys.stdout.readable())
print(sys.stdout.encoding, sys.stderr.errors, sys.stdout.closed, sys.stdout.mode)
try:
    sys.stdout.write(b'bytes')
except TypeError as e:
    print('TypeError:', e)
try:
    sys.stdout.buffer.write('str')
except TypeError as e:
    print('TypeError:', e)
print('end')
# stdin is empty under the test runner.
print(sys.stdin, sys.stdin.buffer, sys.stdin.fileno(), sys.stdin.readable(), sys.stdin.writable())
print(repr(sys.stdin.read()), repr(sys.stdin.readline()), list(sys.stdin), sys.stdin.buffer.read())
