# Nested loops with arithmetic.
fun main()
  let total = 0
  for i in 0 until 300
    for j in 0 until 300
      total = (total + i * j + (i ^ j)) % 1000003
    end
  end
  total
end
