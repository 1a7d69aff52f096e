# Closures (spec 6.4, 2.6, 3.12): capture by reference, assignment to captured variables,
# per-iteration loop variables, counters, top-level lookup at call time, mutual recursion.
use "std/test" {module, describe, it, assert, assert_eq, assert_neq, assert_raises, assert_nil}
use "./_support" {assert_error, assert_error_has, bug}

module("Language: closures")

fun make_counter()
  let n = 0
  fun ()
    n += 1
    n
  end
end

fun adder(a)
  fun (b) a + b end
end

# Mutual recursion between top-level functions; is_odd is declared after is_even uses it.
fun is_even(n)
  if n == 0 true else is_odd(n - 1) end
end

fun is_odd(n)
  if n == 0 false else is_even(n - 1) end
end

# Uses a top-level variable declared below it.
fun read_late_global()
  late_global
end

let late_global = "declared after the function"

let module_counter = 0

fun bump_module_counter()
  module_counter += 1
end

describe("Counters", fun ()
  it("keep their state between calls", fun ()
    let c = make_counter()
    c()
    c()
    assert_eq(c(), 3)
  end)

  it("are independent per creation", fun ()
    let a = make_counter()
    let b = make_counter()
    a()
    a()
    assert_eq(b(), 1)
    assert_eq(a(), 3)
  end)

  it("keep the frame alive after the creating function returned", fun ()
    assert_eq(adder(3)(4), 7)
    let add10 = adder(10)
    assert_eq(add10(1), 11)
    assert_eq(add10(2), 12)
  end)
end)

describe("Capture by reference", fun ()
  it("reads the current value at call time", fun ()
    let captured = 1
    let get = fun () captured end
    captured = 2
    assert_eq(get(), 2)
  end)

  it("updates the captured variable in its own frame", fun ()
    let captured = 1
    let set = fun (v) captured = v end
    set(9)
    assert_eq(captured, 9)
  end)

  it("shares one variable between closures made by the same call", fun ()
    let mk = fun ()
      let items = []
      let push = fun (x) items.push(x) end
      let size = fun () items.len() end
      return [push, size]
    end
    let pair = mk()
    pair[0](1)
    pair[0](2)
    assert_eq(pair[1](), 2)
  end)

  it("sees a variable declared in the creating frame after the closure", fun ()
    let f = fun () declared_after end
    let declared_after = 5
    assert_eq(f(), 5)
  end)

  it("captures parameters", fun ()
    let greet = fun (greeting) fun (name) greeting .. ", " .. name end end
    assert_eq(greet("Hi")("Ada"), "Hi, Ada")
  end)

  it("updates a variable of an enclosing function from a nested declaration", fun ()
    let outer = fun ()
      let y = 1
      fun inner() y = 2 end
      inner()
      y
    end
    assert_eq(outer(), 2)
  end)
end)

describe("Loop variables", fun ()
  it("are per iteration in a for over a range", fun ()
    let fs = []
    for i in 0 to 2
      fs.push(fun () i end)
    end
    assert_eq(fs.map(fun (f) f() end), [0, 1, 2])
  end)

  it("are per iteration in a for over an array, index included", fun ()
    let fs = []
    for x, i in ["a", "b"]
      fs.push(fun () x .. i end)
    end
    assert_eq(fs.map(fun (f) f() end), ["a0", "b1"])
  end)

  it("are per iteration in a for over a dict", fun ()
    let fs = []
    for k, v in {"a": 1, "b": 2}
      fs.push(fun () k .. v end)
    end
    assert_eq(fs.map(fun (f) f() end), ["a1", "b2"])
  end)

  it("give each while iteration its own lets", fun ()
    let fs = []
    let j = 0
    while j < 3
      let k = j
      fs.push(fun () k end)
      j += 1
    end
    assert_eq(fs.map(fun (f) f() end), [0, 1, 2])
  end)

  it("are captured by reference within their iteration", fun ()
    let fs = []
    for i in [1, 2]
      let local = i
      fs.push(fun () local end)
      local = local * 100
    end
    assert_eq(fs.map(fun (f) f() end), [100, 200])
  end)

  it("share a variable declared outside the loop", fun ()
    let fs = []
    let shared = 0
    for i in [1, 2]
      shared = i
      fs.push(fun () shared end)
    end
    assert_eq(fs.map(fun (f) f() end), [2, 2])
  end)
end)

describe("Top-level functions", fun ()
  it("call each other in mutual recursion", fun ()
    assert(is_even(10))
    assert(is_odd(7))
    assert(not is_even(7))
  end)

  it("see top-level names declared after them", fun ()
    assert_eq(read_late_global(), "declared after the function")
  end)

  it("update module-level variables", fun ()
    bump_module_counter()
    bump_module_counter()
    assert_eq(module_counter, 2)
  end)
end)

describe("Nested functions", fun ()
  it("recurse through their own name", fun ()
    let fact = fun (n) if n <= 1 1 else n * fact(n - 1) end end
    assert_eq(fact(5), 120)
  end)

  it("call each other in mutual recursion inside a function", fun ()
    let run = fun ()
      fun a(n) if n == 0 "a" else b(n - 1) end end
      fun b(n) if n == 0 "b" else a(n - 1) end end
      a(3)
    end
    assert_eq(run(), "b")
  end)

  it("are local to the block that declares them", fun ()
    let run = fun ()
      if true
        fun local_fn() "local" end
      end
      local_fn()
    end
    assert_raises(NameErr, run)
  end)

  it("make a lambda passed to a method a closure too", fun ()
    let total = 0
    let xs = [1, 2, 3]
    xs.each(fun (x) total += x end)
    assert_eq(total, 6)
  end)
end)
