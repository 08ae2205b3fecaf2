# Exceptions raised and caught in a loop, through one extra frame.
def checked_div(a, b):
    if b == 0:
        raise ZeroDivisionError("b is zero")
    if a < 0:
        raise ValueError("negative")
    return a // b


def run(n):
    ok = 0
    zero = 0
    neg = 0
    for i in range(n):
        try:
            ok += checked_div(i - 10, i % 7)
        except ZeroDivisionError:
            zero += 1
        except ValueError as e:
            neg += len(str(e))
        finally:
            ok += 1
    return ok, zero, neg


print(run(2000000))
