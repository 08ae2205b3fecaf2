try:
    class A:
        x = 1
        raise ValueError("in body")
except ValueError as e:
    print("caught", e)
print("A" in globals())
def make():
    class Local:
        y = undefined_name
    return Local
try:
    make()
except NameError as e:
    print(e)
class B:
    try:
        z = 1 / 0
    except ZeroDivisionError:
        z = "recovered"
    for i in range(3):
        if i == 1:
            break
    w = i
print(B.z, B.w)
class C:
    def method(self):
        raise RuntimeError("from method")
    attr = [1, 2][5]
