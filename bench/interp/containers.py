def main():
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    counts = {}
    n = len(words)
    for i in range(0, 60000):
        w = words[(i * 7) % n]
        c = counts.get(w)
        if c is None:
            counts[w] = 1
        else:
            counts[w] = c + 1
    values = []
    for k in list(counts.keys()):
        values.append(counts[k])
    total = 0
    for v in values:
        total += v
    squares = []
    for i in range(0, 30000):
        squares.append(i * i)
    acc = 0
    j = 0
    while j < len(squares):
        acc = (acc + squares[j]) % 1000003
        j += 1
    return total + acc
