# Mandelbrot set membership counts: float arithmetic in tight loops.
def mandelbrot(width, height, max_iter):
    inside = 0
    total_iters = 0
    y = 0
    while y < height:
        ci = 2.0 * y / height - 1.0
        x = 0
        while x < width:
            cr = 3.0 * x / width - 2.0
            zr = 0.0
            zi = 0.0
            n = 0
            while n < max_iter and zr * zr + zi * zi <= 4.0:
                t = zr * zr - zi * zi + cr
                zi = 2.0 * zr * zi + ci
                zr = t
                n += 1
            if n == max_iter:
                inside += 1
            total_iters += n
            x += 1
        y += 1
    return inside, total_iters


print(mandelbrot(320, 200, 200))
