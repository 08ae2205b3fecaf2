# sys.exit(3) exits with status 3; SystemExit can be caught and inspected.
import sys

try:
    sys.exit(7)
except SystemExit as e:
    print("caught SystemExit", e.code)


def finish(code):
    print("finishing with", code)
    sys.exit(code)


finish(3)
print("never printed")
