class Plugin:
    registry = {}
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry[cls.plugin_name] = cls
        print("registered", cls.plugin_name)

class Alpha(Plugin):
    pass
class Beta(Plugin, name="bee"):
    pass
class Gamma(Beta):
    pass
print(sorted(Plugin.registry) if False else list(Plugin.registry))
print(Beta.plugin_name, Gamma.plugin_name)
try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print(e)
try:
    class Bad2(kw=1):
        pass
except TypeError as e:
    print(e)

class Base:
    def __init_subclass__(cls):
        print("Base sees", cls.__name__, "implicit classmethod:", isinstance(cls, type))
class Child(Base):
    pass
class GrandChild(Child):
    pass
