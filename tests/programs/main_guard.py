# The classic entry point idiom: __name__ is "__main__" when run as a script.
def main():
    print("running main")
    print("name is", __name__)


if __name__ == "__main__":
    main()
else:
    print("imported")
print(type(__name__))
