# KeyError reprs and missing-key behaviour
d = {"a": 1, (1, 2): "t", None: "n"}
for k in ["b", (1, 3), 5, "", ("x",), None]:
    try:
        print(d[k])
    except KeyError as e:
        print("KeyError:", e, repr(e), e.args)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
print(d.get("b", "default"), d.pop("b", None), "a" in d)
