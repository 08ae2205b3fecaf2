class Vector:
    __slots__ = ("_c",)
    def __init__(self, *components):
        self._c = tuple(components)
    def __len__(self):
        return len(self._c)
    def __getitem__(self, i):
        if not isinstance(i, int):
            return Vector(*self._c[i])
        return self._c[i]
    def __iter__(self):
        return iter(self._c)
    def __repr__(self):
        return "Vector(" + ", ".join([repr(c) for c in self._c]) + ")"
    def __eq__(self, other):
        return isinstance(other, Vector) and self._c == other._c
    def __hash__(self):
        return hash(self._c)
    def _check(self, other):
        if len(self) != len(other):
            raise ValueError(f"dimension mismatch: {len(self)} vs {len(other)}")
    def __add__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        self._check(other)
        return Vector(*[self[i] + other[i] for i in range(len(self))])
    def __sub__(self, other):
        return self + (-other)
    def __neg__(self):
        return Vector(*[-c for c in self])
    def __mul__(self, k):
        if isinstance(k, Vector):
            self._check(k)
            return sum([self[i] * k[i] for i in range(len(self))])
        return Vector(*[c * k for c in self])
    __rmul__ = __mul__
    def __abs__(self):
        return sum([c * c for c in self]) ** 0.5
    def __bool__(self):
        for c in self._c:
            if c:
                return True
        return False
    def __lt__(self, other):
        return abs(self) < abs(other)

v, w = Vector(1, 2, 3), Vector(4, 5, 6)
print(v + w, w - v, v * 2, 3 * v, v * w, -v)
print(abs(Vector(3, 4)), bool(Vector(0, 0)), bool(v), len(v), v[1], v[1:])
print(v == Vector(1, 2, 3), v != w, {v: "first"}[Vector(1, 2, 3)])
vs = [w, v, Vector(0, 1, 0)]
vs.sort()
print(vs)
try:
    v + Vector(1)
except ValueError as e:
    print(e)
try:
    v + 1
except TypeError as e:
    print(e)
x, y, z = v
r = list(v)
r.reverse()
print(x, y, z, r)
try:
    v.extra = 1
except AttributeError as e:
    print(e)
