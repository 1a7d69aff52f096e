# A small bytecode interpreter: a stack machine whose program is a Str, one character
# per instruction, run by a `while` loop with `match`.
fun run(code, start)
  let stack = [start]
  let acc = 0
  let pc = 0
  let n = code.len()
  let steps = 0
  while pc < n
    let op = code[pc]
    pc += 1
    steps += 1
    match op
    in " "
      nil
    in "d"
      stack.push(stack[stack.len() - 1])
    in "+"
      let b = stack.pop()
      stack.push(stack.pop() + b)
    in "-"
      let b = stack.pop()
      stack.push(stack.pop() - b)
    in "*"
      let b = stack.pop()
      stack.push(stack.pop() * b)
    in "%"
      let b = stack.pop()
      stack.push(stack.pop() % b)
    in "a"
      acc = (acc + stack.pop()) % 1000003
    in "j"
      if stack.pop() != 0
        pc = 0
      end
    else
      stack.push(op.ord() - 48)
    end
  end
  acc * 1000 + steps % 1000
end

fun main()
  run("dd*a d3*7+a d9%a 1-dj", 6000)
end
