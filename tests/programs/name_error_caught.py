# NameError for missing globals and builtins, caught and printed.
def use_missing():
    return missing_name + 1


try:
    use_missing()
except NameError as e:
    print(type(e).__name__, e)
    print(repr(e))
try:
    print(undefined_at_module_level)
except NameError as e:
    print("caught:", e)
