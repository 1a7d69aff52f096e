# Operators (spec 3.1–3.8, 2.3): precedence and its surprises, concatenation, logical
# operators returning operands, elvis, the [EXT] ternary, assignment and compound assignment.
use "std/test" {module, describe, it, assert, assert_eq, assert_neq, assert_raises, assert_nil}
use "./_support" {assert_error, assert_error_has, bug}

module("Language: operators")

fun boom()
  raise "must not be evaluated"
end

describe("Arithmetic precedence", fun ()
  it("binds * / % tighter than + -", fun ()
    assert_eq(2 + 3 * 4, 14)
    assert_eq(2 + 3 * 4 - 1, 13)
    assert_eq((2 + 3) * 4, 20)
    assert_eq(2 * 3 % 4, 2)
  end)

  it("associates to the left", fun ()
    assert_eq(10 - 2 - 3, 5)
    assert_eq(100 / 10 / 5, 2)
    assert_eq(2 - -1, 3)
  end)

  it("binds unary minus tighter than *", fun ()
    assert_eq(-2 * -3, 6)
    assert_eq(-2 + 5, 3)
  end)

  it("evaluates operands left to right", fun ()
    let log = []
    let l = fun () log.push("l") 1 end
    let r = fun () log.push("r") 2 end
    l() + r() * l()
    assert_eq(log, ["l", "r", "l"])
  end)
end)

describe("Precedence surprises", fun ()
  it("binds bitwise operators looser than comparison", fun ()
    let x = 6
    assert_eq(x & 1 == 0, 0)
    assert_eq((x & 1) == 0, true)
    assert_eq(1 | 2 == 3, 1)
  end)

  it("binds .. looser than + and tighter than ==", fun ()
    assert_eq("n=" .. 1 + 2, "n=3")
    assert_eq(1 + 2 .. 3 + 4, "37")
    assert_eq("a" .. "b" == "ab", true)
    assert_eq(1 .. 2 == "12", true)
  end)

  it("binds not looser than comparison", fun ()
    assert_eq(not 1 == 2, true)
    assert_eq(not 1 == 1, false)
  end)

  it("binds not tighter than and", fun ()
    assert_eq(not 1 == 2 and "yes", "yes")
    assert_eq(not nil and not false, true)
  end)

  it("binds shifts looser than +", fun ()
    assert_eq(1 << 2 + 1, 8)
    assert_eq((1 << 2) + 1, 5)
  end)

  it("orders the bitwise operators | below ^ below &", fun ()
    assert_eq(2 ^ 3 & 1, 3)
    assert_eq(1 | 2 ^ 3, 1)
    assert_eq(6 | 1 & 2, 6)
  end)

  it("binds a method call tighter than unary minus", fun ()
    assert_eq(-5.abs(), -5)
    assert_eq(-"ab".len(), -2)
  end)
end)

describe("Concatenation", fun ()
  it("joins the string forms of both operands", fun ()
    assert_eq("n=" .. 5, "n=5")
    assert_eq("x" .. nil, "xnil")
    assert_eq("v" .. 2.0, "v2")
    assert_eq(true .. false, "truefalse")
    assert_eq(1 .. 2, "12")
  end)

  it("prints containers in their string form", fun ()
    assert_eq("x" .. [1, "a"], "x[1, a]")
    assert_eq("" .. {"b": 1, "a": 2}, "{a: 2, b: 1}")
  end)

  it("chains left to right", fun ()
    assert_eq("a" .. 1 .. "b" .. 2, "a1b2")
  end)
end)

describe("and / or", fun ()
  it("and returns the first falsy operand, else the last", fun ()
    assert_eq(1 and 2, 2)
    assert_nil(nil and 1)
    assert_eq([] and 1, [])
    assert_eq(0 and boom(), 0)
  end)

  it("or returns the first truthy operand, else the last", fun ()
    assert_eq(nil or "x", "x")
    assert_eq(0 or 5, 5)
    assert_eq("" or "d", "d")
    assert_nil(false or nil)
    assert_eq("a" or boom(), "a")
  end)

  it("binds and tighter than or", fun ()
    assert_eq(1 or 2 and 3, 1)
    assert_eq(true or false and false, true)
    assert_eq((true or false) and false, false)
  end)

  it("not returns a Bool", fun ()
    assert_eq(not nil, true)
    assert_eq(not "a", false)
    assert_eq(not not 1, true)
    assert_eq(not [], true)
  end)
end)

describe("Elvis ?:", fun ()
  it("returns the left operand unless it is nil", fun ()
    assert_eq(nil ?: 2, 2)
    assert_eq("a" ?: "b", "a")
  end)

  it("is triggered only by nil", fun ()
    assert_eq(false ?: 1, false)
    assert_eq(0 ?: 1, 0)
    assert_eq("" ?: 1, "")
  end)

  it("chains", fun ()
    assert_eq(nil ?: nil ?: 3, 3)
  end)

  it("does not evaluate the right operand when not needed", fun ()
    assert_eq(1 ?: boom(), 1)
  end)

  it("binds looser than or and comparison", fun ()
    assert_eq(nil or nil ?: 5, 5)
    assert_eq(1 ?: 2 == 2, 1)
    assert_eq(nil ?: 1 + 1, 2)
  end)

  it("supports the default idiom x = x ?: []", fun ()
    let x = nil
    x = x ?: []
    assert_eq(x, [])
  end)
end)

describe("Ternary [EXT]", fun ()
  it("picks a branch by truthiness", fun ()
    assert_eq(true ? "y" : "n", "y")
    assert_eq(0 ? "y" : "n", "n")
    assert_eq(nil ? 1 : 2, 2)
  end)

  it("is right-associative", fun ()
    let sign = fun (x) x > 0 ? "pos" : x < 0 ? "neg" : "zero" end
    assert_eq(sign(3), "pos")
    assert_eq(sign(-3), "neg")
    assert_eq(sign(0), "zero")
  end)

  it("evaluates only the chosen branch", fun ()
    assert_eq(true ? 1 : boom(), 1)
    assert_eq(false ? boom() : 2, 2)
  end)

  it("has the lowest precedence", fun ()
    assert_eq(true ? 1 : 2 .. "x", 1)
    assert_eq(1 + 1 == 2 ? "ok" : "no", "ok")
    assert_eq(nil ?: 0 ? "t" : "f", "f")
  end)

  it("keeps a?:b as elvis", fun ()
    let a = nil
    assert_eq(a?:5, 5)
  end)
end)

describe("Assignment", fun ()
  it("evaluates the right-hand side before the target's index", fun ()
    let log = []
    let arr = [0, 0]
    let idx = fun () log.push("idx") 0 end
    let val = fun () log.push("val") 5 end
    arr[idx()] = val()
    assert_eq(log, ["val", "idx"])
    assert_eq(arr, [5, 0])
  end)

  it("applies every compound operator", fun ()
    let x = 7
    x += 3
    assert_eq(x, 10)
    x -= 4
    assert_eq(x, 6)
    x *= -3
    assert_eq(x, -18)
    x /= 4
    assert_eq(x, -4)
    x %= 3
    assert_eq(x, -1)
  end)

  it("follows the operator's rules for kinds", fun ()
    let s = 1
    s += 0.5
    assert_eq(s, 1.5)
    let t = "ab"
    t *= 2
    assert_eq(t, "abab")
    assert_raises(TypeErr, fun () t += 1 end)
  end)

  it("+= concatenates two Strs and joins two Arrays, while + stays numeric", fun ()
    let t = "ab"
    t += "c"
    assert_eq(t, "abc")
    let xs = [1]
    let alias = xs
    xs += [2, 3]
    assert_eq(xs, [1, 2, 3])
    assert_eq(alias, [1])
    let d = {"s": "x", "a": []}
    d["s"] += "y"
    d["a"] += [1]
    assert_eq(d, {"s": "xy", "a": [1]})
    let join = fun (a, b) a += b a end
    assert_eq(join("p", "q"), "pq")
    assert_eq(join([nil], [true]), [nil, true])
    assert_eq(join(1, 2), 3)
    assert_raises(TypeErr, fun () "a" + "b" end)
    assert_raises(TypeErr, fun () [1] + [2] end)
    assert_raises(TypeErr, fun () join("a", [1]) end)
  end)

  it("applies compound operators to index and field targets", fun ()
    let d = {"n": 1}
    d["n"] += 1
    let a = [[1]]
    a[0][0] -= 5
    assert_eq(d["n"], 2)
    assert_eq(a, [[-4]])
  end)

  it("raises NameErr for a compound assignment to an undeclared name", fun ()
    assert_raises(NameErr, fun () never_declared += 1 end)
  end)
end)
