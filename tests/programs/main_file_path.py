# CPython runs a script under its absolute path: __file__ is absolute (the
# test harness shows the directory as {PROGRAMS}) while sys.argv[0] is the
# path exactly as given on the command line.
import sys

print(__file__)
print(sys.argv[0])
print(__name__)
