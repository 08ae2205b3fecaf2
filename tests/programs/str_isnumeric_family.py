# isdecimal / isdigit / isnumeric across digit kinds
for s in ["0123", "٠١٢", "۳۴", "०१२", "１２", "²³", "①②", "½¾", "Ⅻ", "一二三", "1.5", "-1", "", "12a", "⑩"]:
    print(repr(s), s.isdecimal(), s.isdigit(), s.isnumeric(), s.isalnum())
print(int("١٢٣"), int("１２"), float("٣.٥"))
