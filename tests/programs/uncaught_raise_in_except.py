# An exception raised while handling another: CPython prints both, joined by
# "During handling of the above exception, another exception occurred:".
def lookup(d, key):
    try:
        return d[key]
    except KeyError:
        raise ValueError("no entry for " + repr(key))


print(lookup({"a": 1}, "a"))
print(lookup({"a": 1}, "b"))
