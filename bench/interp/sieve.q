# Sieve of Eratosthenes: Array reads and writes in nested loops.
fun sieve(limit)
  let flags = Array.new(limit + 1, true)
  flags[0] = false
  flags[1] = false
  let i = 2
  while i * i <= limit
    if flags[i]
      let j = i * i
      while j <= limit
        flags[j] = false
        j += i
      end
    end
    i += 1
  end
  let count = 0
  for f in flags
    if f count += 1 end
  end
  count
end

fun main()
  sieve(200000)
end
