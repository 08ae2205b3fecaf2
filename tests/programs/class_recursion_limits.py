class Loop:
    def __getattr__(self, name):
        return self.missing

try:
    Loop().x
except RecursionError as e:
    print("RecursionError from __getattr__")

class ReprLoop:
    def __repr__(self):
        return repr(self)
try:
    repr(ReprLoop())
except RecursionError:
    print("RecursionError from __repr__")

class EqLoop:
    def __eq__(self, o):
        return self == o
try:
    EqLoop() == 1
except RecursionError:
    print("RecursionError from __eq__")

class InitLoop:
    def __init__(self):
        InitLoop()
try:
    InitLoop()
except RecursionError:
    print("RecursionError from __init__")

class PropLoop:
    @property
    def p(self):
        return self.p
try:
    PropLoop().p
except RecursionError:
    print("RecursionError from property")

class AddLoop:
    def __add__(self, o):
        return self + o
try:
    AddLoop() + 1
except RecursionError:
    print("RecursionError from __add__")
class SetLoop:
    def __setattr__(self, k, v):
        setattr(self, k, v)
try:
    SetLoop().a = 1
except RecursionError:
    print("RecursionError from __setattr__")
print("survived")
