class Node:
    __slots__ = ("key", "value", "prev", "next")
    def __init__(self, key=None, value=None):
        self.key, self.value = key, value
        self.prev = self.next = None

class LRUCache:
    def __init__(self, capacity):
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self.capacity = capacity
        self.map = {}
        self.head, self.tail = Node(), Node()
        self.head.next, self.tail.prev = self.tail, self.head
        self.hits = self.misses = 0

    def _unlink(self, node):
        node.prev.next, node.next.prev = node.next, node.prev

    def _push_front(self, node):
        node.prev, node.next = self.head, self.head.next
        self.head.next.prev = node
        self.head.next = node

    def __getitem__(self, key):
        node = self.map.get(key)
        if node is None:
            self.misses += 1
            raise KeyError(key)
        self.hits += 1
        self._unlink(node)
        self._push_front(node)
        return node.value

    def __setitem__(self, key, value):
        node = self.map.get(key)
        if node is not None:
            node.value = value
            self._unlink(node)
        else:
            if len(self.map) >= self.capacity:
                lru = self.tail.prev
                self._unlink(lru)
                del self.map[lru.key]
                print("evict", lru.key)
            node = Node(key, value)
            self.map[key] = node
        self._push_front(node)

    def __contains__(self, key):
        return key in self.map

    def __len__(self):
        return len(self.map)

    def __iter__(self):
        node = self.head.next
        keys = []
        while node is not self.tail:
            keys.append(node.key)
            node = node.next
        return iter(keys)

    def __repr__(self):
        items = ", ".join([f"{k!r}: {self.map[k].value!r}" for k in self])
        return f"LRUCache({self.capacity}, {{{items}}})"

cache = LRUCache(3)
for k in "abc":
    cache[k] = ord(k)
print(cache)
print(cache["a"])
cache["d"] = 100
print(cache, "b" in cache, len(cache))
cache["c"] = -1
cache["e"] = 5
print(list(cache), cache.hits, cache.misses)
try:
    cache["zzz"]
except KeyError as e:
    print("KeyError", e, cache.misses)
try:
    LRUCache(0)
except ValueError as e:
    print(e)
try:
    Node().other = 1
except AttributeError as e:
    print(e)
