# Truthiness (spec 4.1), equality and ordering (spec 3.4), including mixed kinds.
use "std/test" {module, describe, it, assert, assert_eq, assert_neq, assert_raises}
use "./_support" {assert_error, assert_error_has, bug}

module("Language: truthiness, equality and ordering")

type Empty
end

fun truthy(x)
  if x
    return true
  end
  false
end

describe("Truthiness", fun ()
  it("treats nil and false as falsy", fun ()
    assert_eq(truthy(nil), false)
    assert_eq(truthy(false), false)
  end)

  it("treats zero numbers as falsy", fun ()
    assert_eq(truthy(0), false)
    assert_eq(truthy(0.0), false)
    assert_eq(truthy(-0.0), false)
  end)

  it("treats empty strings and containers as falsy", fun ()
    assert_eq(truthy(""), false)
    assert_eq(truthy([]), false)
    assert_eq(truthy({}), false)
  end)

  it("treats other numbers and strings as truthy", fun ()
    assert(truthy(1))
    assert(truthy(-1))
    assert(truthy(0.5))
    assert(truthy("0"))
    assert(truthy(" "))
    assert(truthy("false"))
  end)

  it("treats non-empty containers as truthy, whatever they hold", fun ()
    assert(truthy([0]))
    assert(truthy([nil]))
    assert(truthy({"a": nil}))
  end)

  it("treats struct instances, functions, types, modules and errors as truthy", fun ()
    use "std/math"
    assert(truthy(Empty.new()))
    assert(truthy(truthy))
    assert(truthy(fun () nil end))
    assert(truthy(Empty))
    assert(truthy(math))
    assert(truthy(ValueErr.new("")))
    assert(truthy(true))
  end)

  it("is used by while, not and the ternary", fun ()
    let n = 3
    let steps = 0
    while n
      n -= 1
      steps += 1
    end
    assert_eq(steps, 3)
    assert_eq(not "", true)
    assert_eq([] ? "t" : "f", "f")
  end)
end)

describe("Equality", fun ()
  it("compares Int and Float numerically", fun ()
    assert(1 == 1.0)
    assert(0 == -0.0)
    assert(not (1 == 1.5))
  end)

  it("compares strings, Bools and nil by value", fun ()
    assert("ab" == "a" .. "b")
    assert(true == true)
    assert(not (true == false))
    assert(nil == nil)
  end)

  it("says different kinds are unequal", fun ()
    assert(not (1 == "1"))
    assert(not (0 == false))
    assert(not (nil == false))
    assert(not (1 == true))
    assert(not (1.0 == true))
    assert(not ("" == nil))
    assert(not ([] == {}))
  end)

  it("keeps Bool and Int apart inside containers", fun ()
    assert(not ([1] == [true]))
    assert(not ({"a": 1} == {"a": true}))
  end)

  it("compares arrays element-wise and dicts by keys and values", fun ()
    assert([1, [2]] == [1, [2.0]])
    assert({"a": [1]} == {"a": [1]})
  end)

  it("compares type objects by name", fun ()
    assert(ValueErr == ValueErr)
    assert(not (ValueErr == TypeErr))
    let e = ValueErr.new("x")
    assert(e.type() == ValueErr)
  end)

  it("evaluates type-name words to their name as a Str", fun ()
    assert(Int == "Int")
    assert(Str == "Str")
    assert_eq(Array .. "", "Array")
  end)

  it("compares structs, functions, errors and modules by identity", fun ()
    use "std/math"
    use "std/math" as math2
    let a = Empty.new()
    let b = a
    assert(a == b)
    assert(not (a == Empty.new()))
    let f = fun () 1 end
    let g = f
    assert(f == g)
    let h = fun () 1 end
    assert(not (f == h))
    assert(not (ValueErr.new("a") == ValueErr.new("a")))
    assert(math == math2)
  end)

  it("never raises, whatever the operands", fun ()
    assert(not (Empty.new() == 1))
    assert(not (truthy == nil))
    assert(not ([1] == "[1]"))
  end)

  it("has != as the exact negation of ==", fun ()
    assert(1 != 2)
    assert(not (1 != 1.0))
    assert(1 != "1")
    assert(nil != false)
  end)
end)

describe("Ordering", fun ()
  it("orders numbers numerically across Int and Float", fun ()
    assert(1 < 1.5)
    assert(2.5 > 2)
    assert(3 <= 3.0)
    assert(3.0 >= 3)
    assert(-1 < 0)
  end)

  it("orders strings by code point", fun ()
    assert("a" < "b")
    assert("Z" < "a")
    assert("abc" > "ab")
  end)

  it("orders false before true", fun ()
    assert(false < true)
    assert(not (true < false))
  end)

  it("sorts nil before everything", fun ()
    assert(nil < false)
    assert(nil < 0)
    assert(nil < "")
    assert(nil < [1])
    assert("a" > nil)
    assert(not (nil < nil))
    assert(nil <= nil)
  end)

  it("sorts Bool before Int and Str, Int before Str", fun ()
    assert(true < 0)
    assert(false < "a")
    assert(1 < "a")
    assert("a" > 99)
  end)

  it("ranks kinds transitively: nil, Bool, numbers, Str, Array, the rest ([EXT] spec 3.4)", fun ()
    assert([1] < [2])
    assert(not ([1] >= [2]))
    assert([1] < [1, 0])
    assert("z" < [0])
    assert(1 < {})
    assert(true < [])
    assert(1.5 < "a")
    assert(not ("a" < 1.5))
    assert({} <= {"a": 1} and {} >= {"a": 1})
  end)

  it("evaluates a comparison chain pairwise left to right", fun ()
    assert_eq(1 < 2 < 3, true)
    assert_eq(3 > 2 > 1, false)
  end)

  it("never raises for non-numbers", fun ()
    assert(not (Empty.new() < Empty.new()))
    assert(Empty.new() <= Empty.new())
    assert(5 <= Empty.new())
  end)
end)
