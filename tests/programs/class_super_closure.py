class Base:
    def val(self):
        return 1

class Child(Base):
    def val(self):
        def inner():
            return super(Child, self).val() + 10
        return inner()
    def via_lambda(self):
        f = lambda: self
        return super().val() + 100
    def comp(self):
        return [super().val() for _ in range(2)] if False else super().val()

c = Child()
print(c.val(), c.via_lambda(), c.comp())

def outside():
    try:
        super()
    except RuntimeError as e:
        print("RuntimeError:", e)
outside()

class HasClass:
    def m(self):
        return __class__
print(HasClass().m().__name__)
