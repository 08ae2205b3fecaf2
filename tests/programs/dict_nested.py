# Nested dicts and lists as records; lookups through several levels.
people = {
    "ada": {"born": 1815, "langs": ["analytical engine"]},
    "grace": {"born": 1906, "langs": ["cobol", "flow-matic"]},
    "guido": {"born": 1956, "langs": ["abc", "python"]},
}
for name in people:
    rec = people[name]
    print(name, rec["born"], len(rec["langs"]), rec["langs"][-1])
people["guido"]["langs"][1] = "Python"
print(people["guido"])
oldest = None
for name in people:
    if oldest is None or people[name]["born"] < people[oldest]["born"]:
        oldest = name
print("oldest:", oldest)
index = {}
for name in people:
    for lang in people[name]["langs"]:
        index[lang] = name
print(index)
