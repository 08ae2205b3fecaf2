class Point:
    """A point."""
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def __repr__(self):
        return "Point(%d, %d)" % (self.x, self.y)


p = Point(3, 4)
print(p, p.norm2(), p.dims, Point.dims)
print(Point.__name__, Point.__qualname__, Point.__module__, Point.__doc__)
print(type(p) is Point, type(Point) is type)
p.z = 9
print(p.__dict__)
print(list(p.__dict__))
Point.dims = 3
print(p.dims)
p.dims = 7
print(p.dims, Point.dims)
del p.dims
print(p.dims)
print(Point.norm2(p))
m = p.norm2
print(m(), m.__self__ is p, m.__func__ is Point.norm2)
print(Point.__bases__, Point.__base__)
