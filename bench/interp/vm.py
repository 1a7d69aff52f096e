def run(code, start):
    stack = [start]
    acc = 0
    pc = 0
    n = len(code)
    steps = 0
    while pc < n:
        op = code[pc]
        pc += 1
        steps += 1
        match op:
            case " ":
                pass
            case "d":
                stack.append(stack[len(stack) - 1])
            case "+":
                b = stack.pop()
                stack.append(stack.pop() + b)
            case "-":
                b = stack.pop()
                stack.append(stack.pop() - b)
            case "*":
                b = stack.pop()
                stack.append(stack.pop() * b)
            case "%":
                b = stack.pop()
                stack.append(stack.pop() % b)
            case "a":
                acc = (acc + stack.pop()) % 1000003
            case "j":
                if stack.pop() != 0:
                    pc = 0
            case _:
                stack.append(ord(op) - 48)
    return acc * 1000 + steps % 1000


def main():
    return run("dd*a d3*7+a d9%a 1-dj", 6000)
