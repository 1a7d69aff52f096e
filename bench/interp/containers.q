# Dict and Array heavy work: counting words, building and reading arrays.
fun main()
  let words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
  let counts = {}
  let n = words.len()
  for i in 0 until 60000
    let w = words[(i * 7) % n]
    let c = counts[w]
    if c == nil
      counts[w] = 1
    else
      counts[w] = c + 1
    end
  end
  let values = []
  for k in counts.keys()
    values.push(counts[k])
  end
  let total = 0
  for v in values total += v end
  let squares = []
  for i in 0 until 30000
    squares.push(i * i)
  end
  let acc = 0
  let j = 0
  while j < squares.len()
    acc = (acc + squares[j]) % 1000003
    j += 1
  end
  total + acc
end
