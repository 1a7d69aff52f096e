# Recursive Fibonacci: function calls and Int arithmetic.
fun fib(n)
  if n < 2 return n end
  fib(n - 1) + fib(n - 2)
end

fun main()
  fib(25)
end
