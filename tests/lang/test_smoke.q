# Smoke tests of the basics: arithmetic, strings, truthiness. Run by `quest test tests/lang`
# and, through tests/conftest.py, by pytest (one item per `it`).
use "std/test" {module, describe, it, assert, assert_eq, assert_neq, assert_near, assert_raises}

module("Smoke")

describe("Int arithmetic", fun ()
  it("adds, subtracts and multiplies", fun ()
    assert_eq(2 + 3, 5)
    assert_eq(2 - 3, -1)
    assert_eq(4 * 5, 20)
  end)

  it("divides toward zero", fun ()
    assert_eq(7 / 2, 3)
    assert_eq(-7 / 2, -3)
  end)

  it("takes the sign of the left operand for %", fun ()
    assert_eq(-7 % 3, -1)
    assert_eq(7 % -3, 1)
  end)

  it("follows precedence and parentheses", fun ()
    assert_eq(2 + 3 * 4, 14)
    assert_eq((2 + 3) * 4, 20)
  end)

  it("raises RuntimeErr on division by zero", fun ()
    assert_raises(RuntimeErr, fun () 1 / 0 end)
  end)
end)

describe("Float arithmetic", fun ()
  it("mixes Int and Float into Float", fun ()
    assert_eq(1 + 0.5, 1.5)
    assert_eq(7.0 / 2, 3.5)
  end)

  it("compares Int and Float numerically", fun ()
    assert_eq(1, 1.0)
    assert_near(0.1 + 0.2, 0.3, 0.000001)
  end)
end)

describe("Strings", fun ()
  it("concatenates string forms with ..", fun ()
    assert_eq("n=" .. 5, "n=5")
    assert_eq("v" .. 2.0, "v2")
    assert_eq("x" .. nil, "xnil")
  end)

  it("repeats with *", fun ()
    assert_eq("ab" * 3, "ababab")
  end)

  it("interpolates f-strings", fun ()
    let name = "Quest"
    let n = 42
    assert_eq(f"hi {name}", "hi Quest")
    assert_eq(f"{n:05}", "00042")
  end)

  it("keeps triple-quoted strings raw", fun ()
    assert_eq("""a\nb""", "a\\nb")
  end)

  it("compares by value and code point", fun ()
    assert_eq("abc", "ab" .. "c")
    assert_neq("abc", "abd")
    assert("abc" < "abd")
  end)
end)

describe("Truthiness", fun ()
  it("treats nil, false, 0, empty string and empty containers as falsy", fun ()
    assert(not nil)
    assert(not false)
    assert(not 0)
    assert(not "")
    assert(not [])
    assert(not {})
  end)

  it("distinguishes kinds in equality", fun ()
    assert_neq(1, "1")
    assert_neq(0, false)
    assert_neq(nil, false)
  end)
end)
