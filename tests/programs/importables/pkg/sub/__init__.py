from ..helper import twice as t2
__all__ = ["t2", "K"]
K = 5
_hidden = 1
