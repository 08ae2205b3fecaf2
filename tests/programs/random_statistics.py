# random (Mersenne Twister as CPython seeds it), statistics, tempfile, hashlib/secrets basics
import random, statistics, tempfile, os, hashlib
random.seed(12345)
print(random.random(), random.randint(1, 100), random.choice("abcdef"), random.sample(range(100), 5))
r = random.Random("seed string")
print(r.uniform(1, 2), r.gauss(0, 1), r.randrange(0, 1000, 7), r.getrandbits(70))
xs = list(range(10)); random.Random(3).shuffle(xs); print(xs)
print(random.Random(5).choices("abc", weights=[5, 1, 1], k=6), random.Random(9).triangular(0, 10, 3))
data = [2.5, 3.25, 5.5, 1.0, 4.75, 3.25]
print(statistics.mean(data), statistics.median(data), statistics.mode(data), statistics.stdev(data), statistics.pvariance(data))
print(statistics.fmean([1, 2, 3]), statistics.geometric_mean([1, 4]), statistics.quantiles(range(1, 11), n=4))
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "f.txt")
    with open(p, "w") as fh:
        fh.write("hello")
    print(os.listdir(d), os.path.getsize(p))
with tempfile.NamedTemporaryFile("w+", suffix=".txt") as tf:
    tf.write("abc"); tf.seek(0); print(tf.read(), tf.name.endswith(".txt"))
print(os.path.exists(d), hashlib.sha256(b"abc").hexdigest()[:16], hashlib.md5(b"").hexdigest())
