class MyError(Exception):
    pass

def fail():
    raise MyError("something went wrong")

print("before")
fail()
