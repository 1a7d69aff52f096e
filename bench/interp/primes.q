# Trial division: modulo, comparisons and early exit.
fun is_prime(n)
  if n < 2 return false end
  let d = 2
  while d * d <= n
    if n % d == 0 return false end
    d += 1
  end
  true
end

fun main()
  let count = 0
  for n in 0 until 30000
    if is_prime(n) count += 1 end
  end
  count
end
