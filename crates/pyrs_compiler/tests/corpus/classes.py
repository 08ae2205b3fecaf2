import os
import os.path as osp
from collections import OrderedDict as OD, deque

class A:
    """Doc."""
    x = 1

    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v + self.x

class B(A):
    def get(self):
        return super().get() * 2

print(A(1).get(), B(2).get(), osp.join("a", "b"), OD, deque)
