# sys.exit() and sys.exit(None) exit with status 0 and print nothing.
import sys

print("done")
sys.exit()
