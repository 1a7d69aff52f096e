# Recursion (spec 6.4): at least 1,000 nested Quest calls work; runaway recursion is a Quest
# RuntimeErr that can be caught, never a crash of the host.
use "std/test" {module, describe, it, assert, assert_eq, assert_raises}
use "./_support" {assert_error, assert_error_has, bug, error_of}

module("Language: recursion")

fun depth(n)
  if n == 0 0 else 1 + depth(n - 1) end
end

fun fib(n)
  if n < 2 n else fib(n - 1) + fib(n - 2) end
end

fun runaway(n)
  runaway(n + 1)
end

fun ping(n)
  pong(n + 1)
end

fun pong(n)
  ping(n + 1)
end

type Node
  pub next
  fun length()
    if self.next == nil 1 else 1 + self.next.length() end
  end
  fun forever() self.forever() end
end

describe("Deep recursion", fun ()
  it("supports 1,000 nested calls", fun ()
    assert_eq(depth(1000), 1000)
  end)

  it("supports a few thousand nested calls", fun ()
    assert_eq(depth(2500), 2500)
  end)

  it("supports deep recursion through methods", fun ()
    let list = nil
    for i in 1 to 1000
      list = Node.new(list)
    end
    assert_eq(list.length(), 1000)
  end)

  it("supports deep recursion through a lambda held in a variable", fun ()
    let count = fun (n) if n == 0 0 else 1 + count(n - 1) end end
    assert_eq(count(1000), 1000)
  end)

  it("computes tree recursion", fun ()
    assert_eq(fib(20), 6765)
  end)
end)

describe("Runaway recursion", fun ()
  it("raises RuntimeErr with a recursion message", fun ()
    assert_error_has(RuntimeErr, fun () runaway(0) end, "maximum recursion depth")
  end)

  it("raises RuntimeErr for mutual recursion", fun ()
    assert_error_has(RuntimeErr, fun () ping(0) end, "maximum recursion depth")
  end)

  it("raises RuntimeErr through methods", fun ()
    assert_raises(RuntimeErr, fun () Node.new(nil).forever() end)
  end)

  it("is caught by catch e: RuntimeErr and leaves the interpreter usable", fun ()
    let caught = nil
    try
      runaway(0)
    catch e: RuntimeErr
      caught = e.type()
    end
    assert_eq(caught, RuntimeErr)
    assert_eq(depth(500), 500)
  end)

  it("runs ensure blocks while unwinding", fun ()
    let ensured = 0
    let down = fun (n)
      try
        down(n + 1)
      ensure
        ensured += 1
      end
    end
    assert_raises(RuntimeErr, fun () down(0) end)
    assert(ensured > 100, "ensure ran " .. ensured .. " times")
  end)
end)
