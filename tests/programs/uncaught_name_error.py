# An uncaught NameError at module level after some output.
print("about to fail")
value = 1
print(valeu)
