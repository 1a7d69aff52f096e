# The compiler's fast paths keep Quest's semantics (spec 3.2, 3.10, 5.x): loops compiled
# with an unconditional back edge, type tests hoisted out of loops, the overflow check
# dropped only on a counter bounded by `<`, native Array/Str/Dict methods and indexing.
use "std/test" {module, describe, it, assert_eq}
use "./_support" {assert_error, assert_error_has}

module("Language: fast paths")

const INT_MAX = 9223372036854775807

fun count_up(k, n)
  while k < n
    k += 1
  end
  k
end

fun count_by_two(k, n)
  while k < n
    k += 2
  end
  k
end

fun count_twice(k, n)
  while k < n
    k += 1
    if k == n k += 1 end
  end
  k
end

describe("while loops", fun ()
  it("re-test the condition after continue and stop at break", fun ()
    let seen = []
    let i = 0
    while i < 10
      i += 1
      if i % 2 == 0 continue end
      if i > 7 break end
      seen.push(i)
    end
    assert_eq(seen, [1, 3, 5, 7])
    assert_eq(i, 9)
  end)

  it("are nil as a value and skip a false condition entirely", fun ()
    let ran = false
    while false
      ran = true
    end
    assert_eq(ran, false)
  end)

  it("count up to an Int bound, also INT_MAX itself, without overflow", fun ()
    assert_eq(count_up(0, 10), 10)
    assert_eq(count_up(INT_MAX - 3, INT_MAX), INT_MAX)
  end)

  it("still check the counter when the bound is a Float", fun ()
    assert_eq(count_up(0, 2.5), 3)
    assert_error(RuntimeErr, fun () count_up(INT_MAX - 1, 1e30) end,
                 "Integer overflow in addition")
  end)

  it("still check a counter stepped by more than one or stored twice", fun ()
    assert_eq(count_by_two(0, 5), 6)
    assert_error(RuntimeErr, fun () count_by_two(INT_MAX - 1, INT_MAX) end,
                 "Integer overflow in addition")
    assert_eq(count_twice(0, 10), 11)
    assert_error(RuntimeErr, fun () count_twice(INT_MAX - 1, INT_MAX) end,
                 "Integer overflow in addition")
  end)
end)

fun first_items(xs)
  let out = []
  let i = 0
  while i < 3
    let row = xs[i]
    let j = 0
    while j < 2
      out.push(row[j])
      j += 1
    end
    i += 1
  end
  out
end

describe("type tests hoisted out of loops", fun ()
  it("follow a let that holds another type on each outer iteration", fun ()
    assert_eq(first_items([[1, 2], "ab", {"0": "d", "x": 1}]), [1, 2, "a", "b", "d", nil])
  end)

  it("keep the error of a receiver that cannot be indexed", fun ()
    assert_error_has(TypeErr, fun () first_items([[1, 2], 5, []]) end, "Int")
  end)
end)

fun get_key(d)
  d["key"]
end

fun from_two_back(s, n)
  let out = []
  let k = 0
  while k < n
    let j = k - 2
    out.push(s[j])
    k += 1
  end
  out
end

describe("native methods and indexing", fun ()
  it("index a Dict of unknown type by a Str literal, nil when absent", fun ()
    assert_eq(get_key({"key": 7}), 7)
    assert_eq(get_key({}), nil)
  end)

  it("index a Str or an Array by an Int in a loop, negative from the end", fun ()
    assert_eq(from_two_back("abc", 3), ["b", "c", "a"])
    assert_eq(from_two_back([1, 2, 3], 3), [2, 3, 1])
    assert_error(IndexErr, fun () from_two_back("abc", 6) end,
                 "Index 3 out of range for Str of length 3")
    assert_error(IndexErr, fun () from_two_back([1, 2, 3], 6) end,
                 "Index 3 out of range for Array of length 3")
    assert_eq(from_two_back({"-2": "x", "0": "z"}, 3), ["x", nil, "z"])
    assert_error_has(TypeErr, fun () from_two_back(5, 1) end, "Int")
  end)

  it("pop, first and last an Array, and raise Quest's error when it is empty", fun ()
    let a = [1, 2, 3]
    assert_eq(a.pop(), 3)
    assert_eq(a.first(), 1)
    assert_eq(a.last(), 2)
    let e = []
    assert_error(RuntimeErr, fun () e.pop() end, "Cannot pop from an empty array")
    assert_error(RuntimeErr, fun () e.last() end, "Cannot get the last element of an empty array")
  end)

  it("give a Str's first code point and refuse an empty Str", fun ()
    assert_eq("A".ord(), 65)
    assert_eq("é!".ord(), 233)
    assert_error(ValueErr, fun () "".ord() end, "Str.ord of an empty string")
  end)
end)

fun float_plus(x, y)
  let f = x * 1.5
  f + y
end

fun below(limit)
  let x = 0.5 * limit
  let steps = 0
  while x < limit
    x = x + 1.0
    steps += 1
  end
  steps
end

describe("Float arithmetic and ordering", fun ()
  it("adds a Float and a value of unknown type: a Float, or Quest's error", fun ()
    assert_eq(float_plus(2, 1), 4.0)
    assert_eq(float_plus(2.0, 0.5), 3.5)
    assert_error_has(TypeErr, fun () float_plus(2, "a") end, "")
  end)

  it("orders Floats and Ints, and refuses NaN", fun ()
    assert_eq(below(4), 2)
    assert_eq(below(3.0), 2)
    let nan = 1e308 * 10 - 1e308 * 10
    assert_error(RuntimeErr, fun () below(nan) end, "Cannot compare NaN")
    let inf = 1e308 * 10
    assert_eq(1.5 < inf, true)
    assert_eq((0.0 - 2.5).abs(), 2.5)
    assert_eq((0.0 - 2.5).abs() <= 2.5, true)
  end)
end)
