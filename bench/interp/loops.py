def main():
    total = 0
    for i in range(0, 300):
        for j in range(0, 300):
            total = (total + i * j + (i ^ j)) % 1000003
    return total
