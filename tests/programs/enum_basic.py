import enum
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique, StrEnum

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

print(Color.RED, repr(Color.RED), Color(2), Color['BLUE'], Color.RED.name, Color.RED.value)
print(list(Color), len(Color), Color.RED in Color, Color.RED is Color(1))
print([c.name for c in Color], Color.__members__.keys())
print(isinstance(Color.RED, Color), type(Color.RED), Color.RED == 1, Color.RED == Color.RED)
try:
    Color(7)
except ValueError as e:
    print('ValueError', e)
try:
    Color['PURPLE']
except KeyError as e:
    print('KeyError', e)

class Shape(IntEnum):
    CIRCLE = 1
    SQUARE = 2

print(Shape.CIRCLE, repr(Shape.SQUARE), Shape.CIRCLE + 1, Shape.SQUARE == 2, sorted([Shape.SQUARE, Shape.CIRCLE]))
print(int(Shape.SQUARE), f'{Shape.CIRCLE}', str(Shape.CIRCLE))

class Perm(Flag):
    R = 4
    W = 2
    X = 1

rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, list(rw), bool(Perm(0)), rw & Perm.R)

class Num(IntFlag):
    A = 1
    B = 2
print(Num.A | Num.B, repr(Num.A | 4), Num.A | 2)

class Auto(Enum):
    X = auto()
    Y = auto()
print(Auto.X.value, Auto.Y.value)

class Mood(StrEnum):
    HAPPY = auto()
    SAD = 'sad'
print(Mood.HAPPY, repr(Mood.SAD), Mood.HAPPY.upper(), Mood('sad'))

try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print('ValueError', e)

class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def surface_gravity(self):
        G = 6.67300E-11
        return G * self.mass / (self.radius * self.radius)
print(round(Planet.EARTH.surface_gravity, 2), Planet.MERCURY.mass)

class Alias(Enum):
    A = 1
    B = 1
print(Alias.B, Alias.B is Alias.A, list(Alias), list(Alias.__members__))

Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value)
print(Color.RED.__class__.__name__, Color.__name__, hash(Color.RED) == hash(Color.RED))
d = {Color.RED: 'r'}; print(d[Color.RED])
match Color.GREEN:
    case Color.RED: print('red')
    case Color.GREEN: print('green')
import copy
print(copy.copy(Color.RED) is Color.RED, copy.deepcopy(Color.BLUE) is Color.BLUE)
