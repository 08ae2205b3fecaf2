# sys's struct sequences (version_info, flags, float_info, int_info, hash_info) and the int/str digit limit
import sys
print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 8), type(sys.version_info).__name__)
print(sys.version_info.releaselevel, len(sys.version_info), tuple(sys.version_info)[3:])
print(sys.float_info)
print(sys.int_info)
print(sys.hash_info.modulus, sys.hash_info.inf, sys.hash_info.width)
print(sys.flags.optimize, sys.flags.dont_write_bytecode, sys.flags.int_max_str_digits, len(sys.flags))
print(sys.float_info.epsilon, sys.float_info.max == 1.7976931348623157e308, sys.float_info.dig)
try:
    sys.version_info.major = 4
except AttributeError as e:
    print("AttributeError", e)
print(type(sys.version_info).n_fields, type(sys.version_info).n_sequence_fields, type(sys.float_info).__module__ if False else "")
print(sys.warnoptions, sys._xoptions)
print(sys.get_int_max_str_digits())
try:
    int("1" * 5000)
except ValueError as e:
    print(e)
sys.set_int_max_str_digits(5000)
print(len(str(int("1" * 5000))))
try:
    str(10 ** 5000)
except ValueError as e:
    print(e)
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print(e)
sys.set_int_max_str_digits(0)
print(len(str(10 ** 20000)), sys.get_int_max_str_digits())
match sys.version_info:
    case (major, minor, *_):
        print("match", major, minor)
