X = "namespace ok"
