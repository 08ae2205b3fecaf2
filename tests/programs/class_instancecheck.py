class EvenMeta(type):
    def __instancecheck__(cls, obj):
        print("instancecheck", obj)
        return isinstance(obj, int) and obj % 2 == 0
    def __subclasscheck__(cls, sub):
        print("subclasscheck", sub.__name__)
        return hasattr(sub, "quack")

class Even(metaclass=EvenMeta):
    pass

print(isinstance(4, Even), isinstance(3, Even), isinstance("x", Even))
print(isinstance(4, (str, Even)))
class Duck:
    quack = True
class Cat:
    pass
print(issubclass(Duck, Even), issubclass(Cat, Even))
print(issubclass(Duck, (int, Even)))
e = Even()
print(isinstance(e, Even))
try:
    isinstance(1, 2)
except TypeError as err:
    print(err)
try:
    issubclass(1, int)
except TypeError as err:
    print(err)
try:
    issubclass(int, 1)
except TypeError as err:
    print(err)
print(isinstance(True, (int,)), isinstance(1, ((str, (float, int)),)))
