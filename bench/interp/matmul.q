# Matrix multiply over nested Arrays, the classic way: while loops and an index per
# element, each function called once (as in a script).
fun make(n, seed)
  let m = []
  let i = 0
  while i < n
    let row = []
    let j = 0
    while j < n
      row.push((i * seed + j * 7) % 17)
      j += 1
    end
    m.push(row)
    i += 1
  end
  m
end

fun matmul(a, b, n)
  let c = []
  let i = 0
  while i < n
    let row = []
    let ai = a[i]
    let j = 0
    while j < n
      let s = 0
      let k = 0
      while k < n
        s = s + ai[k] * b[k][j]
        k += 1
      end
      row.push(s)
      j += 1
    end
    c.push(row)
    i += 1
  end
  c
end

fun main()
  let n = 70
  let c = matmul(make(n, 3), make(n, 5), n)
  let total = 0
  for row in c
    for x in row
      total = (total + x) % 1000003
    end
  end
  total
end
