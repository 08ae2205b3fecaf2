# Builtin exceptions raised by operations, caught, printed with str and repr.
def attempt(label, func):
    try:
        result = func()
        print(label, "ok", result)
    except Exception as e:
        print(label, type(e).__name__, e)
        print("   ", repr(e))


def zero_div():
    return 1 // 0


def float_div():
    return 1.0 / 0


def mod_zero():
    return 5 % 0


def bad_index():
    return [1, 2, 3][3]


def bad_tuple_index():
    return (1,)[-2]


def bad_str_index():
    return "abc"[5]


def bad_key():
    return {"a": 1}["b"]


def bad_int_key():
    return {1: 2}[99]


def bad_add():
    return 1 + "a"


def bad_concat():
    return "a" + 1


def bad_int():
    return int("12abc")


def bad_float():
    return float("x1")


def bad_attr():
    return (5).nonexistent


def bad_call():
    return len(5)


def bad_unpack():
    a, b = [1, 2, 3]
    return a


attempt("zero_div", zero_div)
attempt("float_div", float_div)
attempt("mod_zero", mod_zero)
attempt("bad_index", bad_index)
attempt("bad_tuple_index", bad_tuple_index)
attempt("bad_str_index", bad_str_index)
attempt("bad_key", bad_key)
attempt("bad_int_key", bad_int_key)
attempt("bad_add", bad_add)
attempt("bad_concat", bad_concat)
attempt("bad_int", bad_int)
attempt("bad_float", bad_float)
attempt("bad_attr", bad_attr)
attempt("bad_call", bad_call)
attempt("bad_unpack", bad_unpack)
