import math


def axis(n, lo, hi):
    out = []
    for i in range(0, n):
        out.append(lo + (hi - lo) * i / n)
    return out


def mandel(xs, ys, limit):
    count = 0
    edge = 0
    for ci in ys:
        for cr in xs:
            zr = 0.0
            zi = 0.0
            i = 0
            while i < limit and zr * zr + zi * zi <= 4.0:
                t = zr * zr - zi * zi + cr
                zi = 2.0 * zr * zi + ci
                zr = t
                i += 1
            if i == limit:
                count += 1
            elif abs(zr - zi) < 2.0:
                f = math.floor(zr * 10.0)
                edge += f % 7 if f >= 0 else -(-f % 7)
    return count * 1000 + edge


def main():
    return mandel(axis(64, -2.0, 0.5), axis(48, -1.0, 1.0), 60)
