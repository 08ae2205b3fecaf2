# input() with the prompt on stdout and EOFError at the end of (empty) stdin
try:
    line = input("name? ")
except EOFError as e:
    print("EOFError:", e)
try:
    input()
except EOFError as e:
    print("EOFError:", repr(e))
try:
    input(1, 2)
except TypeError as e:
    print("TypeError:", e)
