def make(n, seed):
    m = []
    i = 0
    while i < n:
        row = []
        j = 0
        while j < n:
            row.append((i * seed + j * 7) % 17)
            j += 1
        m.append(row)
        i += 1
    return m


def matmul(a, b, n):
    c = []
    i = 0
    while i < n:
        row = []
        ai = a[i]
        j = 0
        while j < n:
            s = 0
            k = 0
            while k < n:
                s = s + ai[k] * b[k][j]
                k += 1
            row.append(s)
            j += 1
        c.append(row)
        i += 1
    return c


def main():
    n = 70
    c = matmul(make(n, 3), make(n, 5), n)
    total = 0
    for row in c:
        for x in row:
            total = (total + x) % 1000003
    return total
