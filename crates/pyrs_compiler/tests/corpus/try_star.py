# try/except* (PEP 654): named and unnamed handlers, tuples of types, raising
# inside a handler, else and finally, and groups that escape.
def f(excs):
    try:
        raise ExceptionGroup('eg', excs)
    except* ValueError as e:
        print('value', e.exceptions)
    except* TypeError:
        print('type')
    except* (KeyError, IndexError) as e:
        print('lookup', repr(e))
        raise RuntimeError('again')

def g(excs):
    try:
        f(excs)
    except* RuntimeError as e:
        print('rt', len(e.exceptions))
    except* OSError:
        pass
    else:
        print('no error')
    finally:
        print('finally')

def h():
    try:
        pass
    except* ValueError:
        pass
    else:
        print('else')

for excs in ([ValueError(1)], [TypeError(2), ValueError(3)], [KeyError(4)], [OSError(5)]):
    try:
        g(excs)
    except BaseException as e:
        print('escaped', type(e).__name__, repr(e))
h()
