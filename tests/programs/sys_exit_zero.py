# sys.exit(0) stops the program with status 0; finally blocks still run.
import sys

print("before exit")
try:
    sys.exit(0)
finally:
    print("finally runs on SystemExit")
print("never printed")
