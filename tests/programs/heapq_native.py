import heapq
print(heapq.heappop.__name__, heapq.heappush.__module__, len.__module__)
for t in ['heapq.heappop([])', 'heapq.heapreplace([], 1)', 'heapq.heappush(1, 2)', 'heapq.heappush([])', 'heapq.heapify((1,))', 'heapq.heappushpop([], 5)', 'heapq.heappush([1], "a")']:
    try:
        print(t, eval(t))
    except Exception as e:
        print(t, type(e).__name__, e)
state = [7]
def rnd(n):
    state[0] = (state[0] * 1103515245 + 12345) % 2147483648
    return state[0] % n
for n in [0, 1, 5, 100, 2501, 3000, 10000]:
    data = [rnd(1000) for _ in range(n)]
    h = list(data); heapq.heapify(h)
    print(n, sum(i * v for i, v in enumerate(h)) % 1000003, [heapq.heappop(h) for _ in range(min(5, n))])
    h2 = list(data); heapq._heapify_max(h2)
    print(n, sum(i * v for i, v in enumerate(h2)) % 1000003, h2[:3])
calls = []
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o): calls.append((self.v, o.v)); return self.v < o.v
h = []
for v in [5, 3, 8, 1, 9, 2]:
    heapq.heappush(h, K(v))
heapq.heappop(h); heapq.heapreplace(h, K(4)); heapq.heappushpop(h, K(0)); heapq.heappushpop(h, K(7))
print(calls, [k.v for k in h])
print(heapq.nsmallest(3, [5, 1, 4, 1, 5, 9, 2, 6]), heapq.nlargest(3, range(20), key=lambda x: -x))
print(list(heapq.merge([1, 3], [2, 4], [0])))
