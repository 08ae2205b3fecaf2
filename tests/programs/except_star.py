def handle(eg):
    try:
        raise eg
    except* ValueError as e:
        print("ValueErrors:", repr(e))
    except* TypeError as e:
        print("TypeErrors:", repr(e))

handle(ExceptionGroup("g", [ValueError(1), TypeError(2), ValueError(3)]))
try:
    handle(ExceptionGroup("g2", [ValueError(1), KeyError("k")]))
except ExceptionGroup as rest:
    print("left over:", repr(rest))
try:
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print("wrapped:", repr(e), repr(e.exceptions[0]))
        raise KeyError("new")
except ExceptionGroup as g:
    print("raised from handler:", repr(g))
try:
    raise TypeError("plain")
except* (ValueError, TypeError) as e:
    print("tuple match", type(e).__name__, len(e.exceptions))
