class BadStr(Exception):
    def __str__(self):
        raise ValueError("cannot render")
try:
    raise BadStr("x")
except BadStr as e:
    print("caught", repr(e))
raise BadStr("uncaught")
