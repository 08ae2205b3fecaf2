class Custom(Exception):
    def __init__(self, a, b):
        super().__init__(a, b)
        self.a, self.b = a, b
    def __str__(self):
        return f"a={self.a} b={self.b}"

class Outer:
    class Nested(Custom):
        pass

raise Outer.Nested(1, 2)
