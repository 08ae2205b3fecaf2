class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__ if isinstance(item, type) else item}]"
print(Box[int], Box["x"], Box[1, 2])
class Sub(Box):
    pass
print(Sub[str])
try:
    Box()[0]
except TypeError as e:
    print(e)
class Plain:
    pass
try:
    Plain[int]
except TypeError as e:
    print(e)
class Both:
    def __class_getitem__(cls, k):
        return "class"
    def __getitem__(self, k):
        return "instance"
print(Both[0], Both()[0])
