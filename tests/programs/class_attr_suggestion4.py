class Proxy:
    def __getattr__(self, name):
        raise AttributeError(f"proxy has no {name}")
    def real(self):
        pass
try:
    Proxy().reel
except AttributeError as e:
    print(e, e.name, type(e.obj).__name__)
getattr(Proxy(), "reals")
