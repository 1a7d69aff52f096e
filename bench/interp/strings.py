def main():
    parts = []
    for i in range(0, 20000):
        s = "item-" + str(i) + ":" + str(i * 3)
        if len(s) > 12:
            parts.append(s.upper())
        else:
            parts.append(s)
    text = ",".join(parts)
    out = ""
    for _ in range(0, 2000):
        out = out + "x"
    return len(text) + len(out)
