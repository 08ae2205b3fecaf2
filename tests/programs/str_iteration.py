# Iterating over strings: counting, searching, comparing characters.
def count_vowels(s):
    n = 0
    for ch in s:
        if ch in "aeiouAEIOU":
            n += 1
    return n


def is_palindrome(s):
    i = 0
    j = len(s) - 1
    while i < j:
        if s[i] != s[j]:
            return False
        i += 1
        j -= 1
    return True


print(count_vowels("The quick brown fox jumps over the lazy dog"))
for w in ["racecar", "level", "python", "", "ab", "a"]:
    print(repr(w), is_palindrome(w))

def char_histogram(s):
    counts = {}
    for ch in s:
        if ch in counts:
            counts[ch] += 1
        else:
            counts[ch] = 1
    return counts


h = char_histogram("mississippi")
for k in h:
    print(k, h[k])
