class Audited:
    cls_attr = "class"
    def __init__(self):
        self.inst = "instance"
    @property
    def prop(self):
        return "property"
    def method(self):
        return "method"
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("access", name)
        return super().__getattribute__(name)

a = Audited()
print(a.inst, a.cls_attr, a.prop, a.method())
try:
    a.missing
except AttributeError as e:
    print("AttributeError", e)
print(getattr(a, "missing", "dflt"))
print(hasattr(a, "inst"))

class Redirect:
    def __getattribute__(self, name):
        if name == "secret":
            return "redirected"
        return object.__getattribute__(self, name)
    def visible(self):
        return self.secret
r = Redirect()
print(r.secret, r.visible())
