class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def scale(self, k):
        self.x = self.x * k
        self.y = self.y * k
        return self

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Counter:
    __slots__ = ("count",)

    def __init__(self, count=0):
        self.count = count

    def bump(self, n):
        self.count += n


def main():
    acc = Vec(0, 0)
    delta = Vec(1, 2)
    counter = Counter()
    for _ in range(0, 20000):
        acc = acc.add(delta)
        counter.bump(acc.dot(delta) % 7)
    acc.scale(2)
    return acc.x + acc.y + counter.count
