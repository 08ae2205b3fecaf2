# if/elif/else chains and nested conditions.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        if n % 2 == 0:
            return "small even"
        else:
            return "small odd"
    else:
        return "large"


for n in [-5, 0, 3, 4, 10, 99]:
    print(n, classify(n))

x = 7
if x:
    print("truthy")
if not x:
    print("never")
else:
    print("else branch")
if x > 100:
    print("big")
elif x > 5:
    print("medium")
grade = 83
if grade >= 90:
    letter = "A"
elif grade >= 80:
    letter = "B"
else:
    letter = "C"
print(letter)
