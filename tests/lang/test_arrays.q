# Arrays (spec 3.9, 3.10, 4.1, 4.2, 5.7, 2.6): literals, reference semantics, indexing and
# index assignment, the string form, and every Array method.
use "std/test" {module, describe, it, assert, assert_eq, assert_neq, assert_raises, assert_type, assert_nil}
use "./_support" {assert_error, assert_error_has, bug}

module("Language: arrays")

describe("Literals", fun ()
  it("hold values of any kind, nested", fun ()
    let a = [1, "two", [3], nil, true, 2.5]
    assert_eq(a.len(), 6)
    assert_eq(a[2][0], 3)
    assert_eq([].len(), 0)
  end)

  it("accept a trailing comma", fun ()
    assert_eq([1, 2,], [1, 2])
  end)

  it("create a new object at each evaluation", fun ()
    let make = fun () [] end
    let a = make()
    let b = make()
    a.push(1)
    assert_eq(b, [])
  end)
end)

describe("Reference semantics", fun ()
  it("shares an array between variables", fun ()
    let a = [1]
    let b = a
    b.push(2)
    assert_eq(a, [1, 2])
  end)

  it("shares an array passed to a function", fun ()
    let a = []
    let add = fun (xs) xs.push("x") end
    add(a)
    assert_eq(a, ["x"])
  end)
end)

describe("Indexing", fun ()
  it("reads by position, negative from the end", fun ()
    let a = [10, 20, 30]
    assert_eq(a[0], 10)
    assert_eq(a[-1], 30)
    assert_eq(a[-3], 10)
  end)

  it("raises IndexErr naming index and length when reading out of range", fun ()
    let a = [1]
    assert_error(IndexErr, fun () a[5] end, "Index 5 out of range for Array of length 1")
    assert_error(IndexErr, fun () a[-2] end, "Index -2 out of range for Array of length 1")
    assert_raises(IndexErr, fun () [][0] end)
  end)

  it("names index and length for computed indices and nested arrays", fun ()
    let grid = [[1, 2], [3]]
    let row = 1
    let i = 1
    assert_error(IndexErr, fun () grid[row][i] end, "Index 1 out of range for Array of length 1")
    assert_error(IndexErr, fun () grid[i + 1] end, "Index 2 out of range for Array of length 2")
    let n: Int = 3
    let xs: Array = [1, 2]
    assert_error(IndexErr, fun () xs[n - 1] end, "Index 2 out of range for Array of length 2")
    assert_error(IndexErr, fun () xs[n] = 0 end, "Index 3 out of range for Array of length 2")
  end)

  it("names index and length when the container and the index are a function's locals", fun ()
    # typed locals compile to the fast path with no type test; CPython 3.13 loads two
    # locals with one instruction, which the recovery of the operands has to take apart
    fun after(xs: Array, i: Int) xs[i + 1] end
    fun before(xs: Array, i: Int) xs[i - 1] end
    fun product(xs: Array, i: Int, j: Int) xs[i * j] end
    fun total(xs: Array, i: Int, j: Int) xs[i + j] end
    fun store(xs: Array, i: Int) xs[i + 1] = 0 end
    let xs = [1, 2]
    assert_error(IndexErr, fun () after(xs, 1) end, "Index 2 out of range for Array of length 2")
    assert_error(IndexErr, fun () before(xs, 3) end, "Index 2 out of range for Array of length 2")
    assert_error(IndexErr, fun () product(xs, 1, 3) end, "Index 3 out of range for Array of length 2")
    assert_error(IndexErr, fun () total(xs, 1, 3) end, "Index 4 out of range for Array of length 2")
    assert_error(IndexErr, fun () store(xs, 1) end, "Index 2 out of range for Array of length 2")
  end)

  it("an IndexErr is also a RuntimeErr (code written for the reference still catches it)", fun ()
    assert_raises(RuntimeErr, fun () [1][5] end)
    let caught = nil
    try
      [1][5]
    catch e: RuntimeErr
      caught = e.type()
    end
    assert_eq(caught, IndexErr)
  end)

  it("raises TypeErr for a non-Int index", fun ()
    assert_raises(TypeErr, fun () [1]["x"] end)
  end)

  it("raises for several indices", fun ()
    assert_raises(TypeErr, fun () [1, 2][0, 1] end)
  end)

  it("assigns in range, negative from the end", fun ()
    let a = [1, 2, 3]
    a[0] = "a"
    a[-1] = "z"
    assert_eq(a, ["a", 2, "z"])
  end)

  it("raises IndexErr when assigning out of range", fun ()
    let a = [1, 2]
    assert_raises(IndexErr, fun () a[5] = 1 end)
    assert_raises(IndexErr, fun () a[-3] = 1 end)
    assert_eq(a, [1, 2])
  end)

  it("assigns through nested indices and compound operators", fun ()
    let grid = [[1, 2, 3], [4, 5, 6]]
    grid[1][2] *= 2
    grid[0][0] += 10
    assert_eq(grid, [[11, 2, 3], [4, 5, 12]])
  end)

  it("continues an expression onto a following line that starts with [", fun ()
    let a = [[1, 2], [3, 4]]
    let picked = a
    [1][0]
    assert_eq(picked, 3)
  end)
end)

describe("String form", fun ()
  it("joins the elements' string forms without quoting strings", fun ()
    assert_eq(["a", 1].str(), "[a, 1]")
    assert_eq([1, [2, ["x"]]].str(), "[1, [2, [x]]]")
    assert_eq([nil, true, 2.0].str(), "[nil, true, 2]")
    assert_eq([].str(), "[]")
  end)

  it("caps the depth of a self-referencing array", fun ()
    let a = []
    a.push(a)
    let text = a.str()
    assert(text.contains("[...]"), text.slice(0, 80))
    assert(text.len() < 1000)
  end)
end)

describe("Equality", fun ()
  it("compares element-wise and recursively", fun ()
    assert_eq([1, [2, "a"]], [1, [2, "a"]])
    assert_eq([1, 2], [1.0, 2.0])
    assert_neq([1, 2], [2, 1])
    assert_neq([1], [1, 2])
    assert_neq([1], 1)
  end)
end)

describe("len, push, pop, shift, unshift", fun ()
  it("len counts elements", fun ()
    assert_eq([1, 2, 3].len(), 3)
  end)

  it("push appends and returns the array itself", fun ()
    let a = [1]
    let r = a.push(2)
    assert_eq(a, [1, 2])
    r.push(3)
    assert_eq(a, [1, 2, 3])
    assert_eq(a.push(4).push(5).len(), 5)
  end)

  it("pop removes and returns the last element", fun ()
    let a = [1, 2]
    assert_eq(a.pop(), 2)
    assert_eq(a, [1])
  end)

  it("shift removes and returns the first element", fun ()
    let a = [1, 2]
    assert_eq(a.shift(), 1)
    assert_eq(a, [2])
  end)

  it("unshift prepends and returns the array", fun ()
    let a = [2]
    assert_eq(a.unshift(1), [1, 2])
    assert_eq(a, [1, 2])
  end)

  it("raises RuntimeErr for pop, shift, first and last on an empty array", fun ()
    assert_raises(RuntimeErr, fun () [].pop() end)
    assert_raises(RuntimeErr, fun () [].shift() end)
    assert_raises(RuntimeErr, fun () [].first() end)
    assert_raises(RuntimeErr, fun () [].last() end)
  end)
end)

describe("insert, remove, remove_at, clear", fun ()
  it("insert places an element before index i, at len appends", fun ()
    let a = [1, 3]
    assert_eq(a.insert(1, 2), [1, 2, 3])
    a.insert(3, 4)
    assert_eq(a, [1, 2, 3, 4])
  end)

  it("insert past the end is IndexErr", fun ()
    assert_raises(IndexErr, fun () [1].insert(5, 0) end)
  end)

  it("remove deletes the first equal element and says whether it found one", fun ()
    let a = [1, 2, 1]
    assert_eq(a.remove(1), true)
    assert_eq(a, [2, 1])
    assert_eq(a.remove(9), false)
    assert_eq(a, [2, 1])
  end)

  it("remove_at returns the removed element, IndexErr out of range", fun ()
    let a = ["a", "b"]
    assert_eq(a.remove_at(0), "a")
    assert_eq(a, ["b"])
    assert_raises(IndexErr, fun () a.remove_at(5) end)
  end)

  it("clear empties the array in place", fun ()
    let a = [1, 2]
    let b = a
    assert_eq(a.clear(), [])
    assert_eq(b, [])
  end)
end)

describe("reverse and reversed", fun ()
  it("reverse works in place and returns the array", fun ()
    let a = [1, 2, 3]
    assert_eq(a.reverse(), [3, 2, 1])
    assert_eq(a, [3, 2, 1])
  end)

  it("reversed returns a new array", fun ()
    let a = [1, 2, 3]
    assert_eq(a.reversed(), [3, 2, 1])
    assert_eq(a, [1, 2, 3])
  end)
end)

describe("sort and sorted", fun ()
  it("sorted returns a new ascending array", fun ()
    let a = [3, 1, 2]
    assert_eq(a.sorted(), [1, 2, 3])
    assert_eq(a, [3, 1, 2])
  end)

  it("sort sorts in place", fun ()
    let a = ["b", "C", "a"]
    a.sort()
    assert_eq(a, ["C", "a", "b"])
  end)

  it("mixes Int and Float numerically", fun ()
    assert_eq([1, 2.5, 0].sorted(), [0, 1, 2.5])
  end)

  it("orders mixed kinds nil < Bool < Int < Str", fun ()
    assert_eq([2, "a", nil, true, false, 1].sorted(), [nil, false, true, 1, 2, "a"])
  end)

  it("is stable", fun ()
    let sorted = [2, 1.0, 1, 0].sorted()
    assert_eq(sorted[1].cls(), "Float")
    assert_eq(sorted[2].cls(), "Int")
  end)

  it("orders arrays lexicographically, a prefix first ([EXT] spec 3.4)", fun ()
    assert_eq([[2], [1]].sorted(), [[1], [2]])
    assert_eq([[1, 2], [1], [0, 9]].sorted(), [[0, 9], [1], [1, 2]])
  end)

  it("take key: and reverse: ([EXT] ours)", fun ()
    let words = ["bb", "a", "ccc", "dd"]
    assert_eq(words.sorted(key: fun (w) w.len() end), ["a", "bb", "dd", "ccc"])
    assert_eq(words.sorted(key: fun (w) w.len() end, reverse: true), ["ccc", "bb", "dd", "a"])
    assert_eq(words.sorted(reverse: true), ["dd", "ccc", "bb", "a"])
    let rows = [{"n": "b", "age": 3}, {"n": "a", "age": 3}, {"n": "c", "age": 1}]
    rows.sort(key: fun (r) [r["age"], r["n"]] end)
    assert_eq(rows.map(fun (r) r["n"] end), ["c", "a", "b"])
  end)

  it("min and max, with key: ([EXT] ours)", fun ()
    assert_eq([3, 1, 2].min(), 1)
    assert_eq([3, 1, 2].max(), 3)
    assert_eq(["bb", "a", "cc"].max(key: fun (w) w.len() end), "bb")
    assert_eq(["bb", "a", "cc"].min(key: fun (w) w.len() end), "a")
    assert_raises(RuntimeErr, fun () [].min() end)
  end)
end)

describe("get, first, last, slice", fun ()
  it("get reads an element", fun ()
    assert_eq([1, 2, 3].get(1), 2)
  end)

  it("get out of range or negative is IndexErr naming index and length", fun ()
    assert_error(IndexErr, fun () [].get(0) end, "Index 0 out of range for Array of length 0")
    assert_error(IndexErr, fun () [1].get(-1) end, "Index -1 out of range for Array of length 1")
  end)

  it("first and last", fun ()
    assert_eq([1, 2, 3].first(), 1)
    assert_eq([1, 2, 3].last(), 3)
  end)

  it("slice returns a new array [start, end)", fun ()
    let a = [1, 2, 3, 4]
    let s = a.slice(1, 3)
    assert_eq(s, [2, 3])
    s.push(9)
    assert_eq(a, [1, 2, 3, 4])
  end)

  it("slice counts negatives from the end, clamps, and is empty when start > end", fun ()
    assert_eq([1, 2, 3].slice(-2, 10), [2, 3])
    assert_eq([1, 2, 3].slice(2, 1), [])
  end)
end)

describe("concat and join", fun ()
  it("concat returns a new array", fun ()
    let a = [1]
    assert_eq(a.concat([2, 3]), [1, 2, 3])
    assert_eq(a, [1])
  end)

  it("concat needs an Array", fun ()
    assert_raises(TypeErr, fun () [1].concat(2) end)
  end)

  it("join uses the elements' string forms", fun ()
    assert_eq([1, "a", nil, 2.0].join("-"), "1-a-nil-2")
    assert_eq([].join(","), "")
    assert_eq(["x"].join(", "), "x")
  end)
end)

describe("contains, index_of, count, empty", fun ()
  it("use == for comparison", fun ()
    assert([1, 2].contains(2))
    assert([1.0].contains(1))
    assert([[1]].contains([1]))
    assert(not [1].contains("1"))
  end)

  it("index_of gives the first position or -1", fun ()
    assert_eq([1, 2, 1].index_of(1), 0)
    assert_eq([1, 2, 1].index_of(2), 1)
    assert_eq([1].index_of(5), -1)
  end)

  it("count counts equal elements", fun ()
    assert_eq([1, 2, 1, 1.0].count(1), 3)
  end)

  it("empty", fun ()
    assert([].empty())
    assert(not [nil].empty())
  end)
end)

describe("Higher-order methods", fun ()
  it("map and filter return new arrays", fun ()
    let a = [1, 2, 3]
    assert_eq(a.map(fun (x) x * 2 end), [2, 4, 6])
    assert_eq(a.filter(fun (x) x > 1 end), [2, 3])
    assert_eq(a, [1, 2, 3])
  end)

  it("each passes the element, or element and index to a two-parameter function", fun ()
    let seen = []
    let one = [5, 6]
    let two = [7, 8]
    one.each(fun (x) seen.push(x) end)
    two.each(fun (x, i) seen.push([x, i]) end)
    assert_eq(seen, [5, 6, [7, 0], [8, 1]])
  end)

  it("each returns nil", fun ()
    assert_nil([1].each(fun (x) x end))
  end)

  it("reduce folds left to right from init", fun ()
    assert_eq([1, 2, 3].reduce(fun (acc, x) acc + x end, 10), 16)
    assert_eq(["a", "b"].reduce(fun (acc, x) acc .. x end, ">"), ">ab")
    assert_eq([].reduce(fun (acc, x) acc + x end, 0), 0)
  end)

  it("any and all return Bools and short-circuit", fun ()
    let calls = 0
    assert_eq([1, 2, 3].any(fun (x) calls += 1 x == 1 end), true)
    assert_eq(calls, 1)
    calls = 0
    assert_eq([1, 2, 3].all(fun (x) calls += 1 x > 1 end), false)
    assert_eq(calls, 1)
    assert_eq([].all(fun (x) false end), true)
    assert_eq([].any(fun (x) true end), false)
  end)

  it("find gives the first match or nil", fun ()
    assert_eq([1, 2, 3].find(fun (x) x > 1 end), 2)
    assert_nil([1].find(fun (x) x > 5 end))
  end)

  it("find_index gives the first matching index or -1", fun ()
    assert_eq([1, 2].find_index(fun (x) x == 2 end), 1)
    assert_eq([1].find_index(fun (x) false end), -1)
  end)

  it("accept built-in functions as well as lambdas", fun ()
    assert_eq([97, 98].map(chr), ["a", "b"])
  end)
end)

describe("Array.new", fun ()
  it("makes an empty array, n nils, or n references to one value", fun ()
    assert_eq(Array.new(), [])
    assert_eq(Array.new(3), [nil, nil, nil])
    assert_eq(Array.new(2, 0), [0, 0])
  end)

  it("shares the fill value between the slots", fun ()
    let a = Array.new(2, [])
    a[0].push(1)
    assert_eq(a, [[1], [1]])
  end)
end)

describe("Iteration", fun ()
  it("iterates a snapshot: pushing inside the loop does not extend it", fun ()
    let a = [1, 2]
    for x in a
      a.push(x)
    end
    assert_eq(a, [1, 2, 1, 2])
  end)

  it("gives the element and its index with two variables", fun ()
    let out = []
    for v, i in ["a", "b"]
      out.push(i .. v)
    end
    assert_eq(out, ["0a", "1b"])
  end)
end)

describe("Type checks", fun ()
  it("answers cls, is and is_array", fun ()
    assert_type([1], Array)
    assert([].is(Array))
    assert(is_array([]))
    assert(not is_array("[]"))
  end)
end)
