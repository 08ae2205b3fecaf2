E = type("E", (Exception,), {"__module__": "mymod"})
try:
    raise E("in other module")
except E as e:
    print(type(e).__module__, repr(e))

class Local(Exception):
    pass
print(Local.__module__)
raise E("uncaught from mymod")
