# args: alpha beta --gamma 42
# sys.argv holds the script path as given, then the arguments.
import sys

print(sys.argv)
print(len(sys.argv))
print(sys.argv[0])
for arg in sys.argv[1:]:
    print(repr(arg))
print(int(sys.argv[-1]) * 2)
