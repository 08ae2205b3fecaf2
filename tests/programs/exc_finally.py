# try/except/else/finally ordering, including finally on return and break.
def run(n):
    try:
        print("try", n)
        if n == 1:
            raise ValueError("one")
        if n == 2:
            return "returned from try"
    except ValueError as e:
        print("except", e)
        return "returned from except"
    else:
        print("else", n)
    finally:
        print("finally", n)
    return "fell through"


for n in range(3):
    print(run(n))

def finally_overrides():
    try:
        return "try"
    finally:
        print("cleanup runs before the return completes")


print(finally_overrides())
for i in range(5):
    try:
        if i == 2:
            break
        print("body", i)
    finally:
        print("finally", i)
i = 0
while i < 3:
    i += 1
    try:
        if i == 2:
            continue
        print("while body", i)
    finally:
        print("while finally", i)
