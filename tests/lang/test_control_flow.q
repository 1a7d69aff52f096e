# Control flow (spec 2.4–2.8, 6.3): if/elif/else and its value, while, every for form
# (collections, ranges with steps, counting down), break/continue, match with value and range arms.
use "std/test" {module, describe, it, assert, assert_eq, assert_neq, assert_raises, assert_nil}
use "./_support" {assert_error, assert_error_has, bug}

module("Language: control flow")

fun collect(make)
  let out = []
  make(out)
  out
end

describe("if / elif / else", fun ()
  it("runs the first branch whose condition is truthy", fun ()
    let grade = fun (s)
      let g = nil
      if s >= 90 g = "A" elif s >= 80 g = "B" elif s >= 70 g = "C" else g = "F" end
      g
    end
    assert_eq(grade(95), "A")
    assert_eq(grade(85), "B")
    assert_eq(grade(75), "C")
    assert_eq(grade(10), "F")
  end)

  it("gives a function the value of its last if statement", fun ()
    let classify = fun (n)
      if n > 0
        "positive"
      elif n < 0
        "negative"
      else
        "zero"
      end
    end
    assert_eq(classify(5), "positive")
    assert_eq(classify(-5), "negative")
    assert_eq(classify(0), "zero")
  end)

  it("is nil when no branch ran", fun ()
    let maybe = fun (x) if x "yes" end end
    assert_nil(maybe(false))
    assert_eq(maybe(1), "yes")
  end)

  it("takes the value of the last statement of the branch", fun ()
    let f = fun () if true let a = 1 a + 1 end end
    assert_eq(f(), 2)
  end)

  it("is nil when the branch ends with a let or an assignment", fun ()
    let f = fun () if true let a = 1 end end
    let x = 0
    let g = fun () if true x = 5 end end
    assert_nil(f())
    assert_nil(g())
    assert_eq(x, 5)
  end)

  it("uses truthiness for conditions", fun ()
    let hits = []
    for v in [0, 1, "", "a", [], [0], nil, {}]
      if v
        hits.push(v)
      end
    end
    assert_eq(hits, [1, "a", [0]])
  end)

  it("fits on one line", fun ()
    let x = 0
    if true x = 1 end
    assert_eq(x, 1)
  end)
end)

describe("while", fun ()
  it("re-evaluates the condition before each iteration", fun ()
    let i = 0
    let seen = []
    while i < 3
      seen.push(i)
      i += 1
    end
    assert_eq(seen, [0, 1, 2])
  end)

  it("does not run the body when the condition is false at first", fun ()
    let ran = false
    while false
      ran = true
    end
    assert_eq(ran, false)
  end)

  it("gives each iteration a fresh frame for its lets", fun ()
    let i = 0
    let values = []
    while i < 2
      let v = i * 10
      values.push(v)
      i += 1
    end
    assert_eq(values, [0, 10])
  end)

  it("has the value nil as the last statement of a function", fun ()
    let f = fun ()
      let i = 0
      while i < 1
        i += 1
      end
    end
    assert_nil(f())
  end)
end)

describe("for over collections", fun ()
  it("iterates array elements", fun ()
    assert_eq(collect(fun (out) for x in [1, 2, 3] out.push(x * 2) end end), [2, 4, 6])
  end)

  it("gives the element and its 0-based index", fun ()
    assert_eq(collect(fun (out) for x, i in ["a", "b"] out.push(i .. x) end end), ["0a", "1b"])
  end)

  it("iterates dict keys, or keys and values", fun ()
    assert_eq(collect(fun (out) for k in {"a": 1, "b": 2} out.push(k) end end), ["a", "b"])
    assert_eq(collect(fun (out) for k, v in {"a": 1, "b": 2} out.push(k .. v) end end), ["a1", "b2"])
  end)

  it("iterates the characters of a string", fun ()
    assert_eq(collect(fun (out) for ch in "héy" out.push(ch) end end), ["h", "é", "y"])
  end)

  it("does nothing for empty collections", fun ()
    assert_eq(collect(fun (out) for x in [] out.push(x) end end), [])
    assert_eq(collect(fun (out) for x in "" out.push(x) end end), [])
  end)

  it("raises TypeErr for values that cannot be iterated", fun ()
    type Thing
      pub v = 1
    end
    assert_error(TypeErr, fun () for i in 5 end end, "Cannot iterate over Int")
    assert_raises(TypeErr, fun () for i in nil end end)
    assert_raises(TypeErr, fun () for i in Thing.new() end end)
  end)

  it("has the value nil as the last statement of a function", fun ()
    let f = fun () for i in [1] i end end
    assert_nil(f())
  end)
end)

describe("for over ranges", fun ()
  it("includes the end with to", fun ()
    assert_eq(collect(fun (out) for i in 0 to 3 out.push(i) end end), [0, 1, 2, 3])
  end)

  it("excludes the end with until", fun ()
    assert_eq(collect(fun (out) for i in 0 until 3 out.push(i) end end), [0, 1, 2])
  end)

  it("steps", fun ()
    assert_eq(collect(fun (out) for i in 0 to 10 step 5 out.push(i) end end), [0, 5, 10])
    assert_eq(collect(fun (out) for i in 0 to 9 step 4 out.push(i) end end), [0, 4, 8])
    assert_eq(collect(fun (out) for i in 0 until 8 step 4 out.push(i) end end), [0, 4])
  end)

  it("counts down with a negative step", fun ()
    assert_eq(collect(fun (out) for i in 10 to 0 step -5 out.push(i) end end), [10, 5, 0])
    assert_eq(collect(fun (out) for i in 3 to 0 step -1 out.push(i) end end), [3, 2, 1, 0])
  end)

  it("counts down by 1 without a step when start > end", fun ()
    assert_eq(collect(fun (out) for i in 3 to 0 out.push(i) end end), [3, 2, 1, 0])
    assert_eq(collect(fun (out) for i in 3 until 0 out.push(i) end end), [3, 2, 1])
  end)

  it("handles equal bounds and negative numbers", fun ()
    assert_eq(collect(fun (out) for i in 2 to 2 out.push(i) end end), [2])
    assert_eq(collect(fun (out) for i in 2 until 2 out.push(i) end end), [])
    assert_eq(collect(fun (out) for i in -3 to -1 out.push(i) end end), [-3, -2, -1])
  end)

  it("truncates Float bounds and steps to Int", fun ()
    assert_eq(collect(fun (out) for i in 1.9 to 3.2 out.push(i) end end), [1, 2, 3])
    assert_eq(collect(fun (out) for i in 0 to 4 step 2.9 out.push(i) end end), [0, 2, 4])
  end)

  it("evaluates the bounds once", fun ()
    let n = 2
    let seen = []
    for i in 0 to n
      n = 10
      seen.push(i)
    end
    assert_eq(seen, [0, 1, 2])
  end)

  it("raises ValueErr for a step of 0", fun ()
    assert_raises(ValueErr, fun () for i in 0 to 3 step 0 end end)
  end)
end)

describe("break and continue", fun ()
  it("leave or skip the innermost while", fun ()
    let seen = []
    let i = 0
    while i < 10
      i += 1
      if i % 2 == 0
        continue
      end
      if i > 7
        break
      end
      seen.push(i)
    end
    assert_eq(seen, [1, 3, 5, 7])
  end)

  it("leave or skip the innermost for", fun ()
    let seen = []
    for i in 0 to 10
      if i == 1 continue end
      if i == 4 break end
      seen.push(i)
    end
    assert_eq(seen, [0, 2, 3])
  end)

  it("act only on the innermost loop", fun ()
    let pairs = []
    for a in 0 to 2
      for b in 0 to 2
        if b == 1 break end
        pairs.push([a, b])
      end
    end
    assert_eq(pairs, [[0, 0], [1, 0], [2, 0]])
  end)

  it("cross if, match and try", fun ()
    let seen = []
    for i in 0 to 5
      try
        match i
        in 1
          continue
        in 3
          if true break end
        end
      catch e
        seen.push("caught")
      end
      seen.push(i)
    end
    assert_eq(seen, [0, 2])
  end)

  it("are RuntimeErr outside a loop", fun ()
    assert_raises(RuntimeErr, fun () break end)
    assert_raises(RuntimeErr, fun () continue end)
  end)

  it("do not cross a function boundary", fun ()
    let stop = fun () break end
    let result = []
    for i in [1, 2]
      try
        stop()
      catch e: RuntimeErr
        result.push(i)
      end
    end
    assert_eq(result, [1, 2])
  end)
end)

fun classify(code)
  match code
  in 200, 201, 204
    "ok"
  in 400 to 499
    "client error"
  in 500 until 600 step 2
    "even server error"
  else
    "other"
  end
end

describe("match", fun ()
  it("matches value arms with several values", fun ()
    assert_eq(classify(200), "ok")
    assert_eq(classify(204), "ok")
  end)

  it("matches range arms, inclusive with to", fun ()
    assert_eq(classify(400), "client error")
    assert_eq(classify(499), "client error")
    assert_eq(classify(499.5), "other")
  end)

  it("matches range arms with until and step", fun ()
    assert_eq(classify(500), "even server error")
    assert_eq(classify(502), "even server error")
    assert_eq(classify(503), "other")
    assert_eq(classify(600), "other")
  end)

  it("measures the step from the lower bound", fun ()
    let m = fun (x) match x in 1 to 10 step 3 "hit" else "miss" end end
    assert_eq(m(1), "hit")
    assert_eq(m(4), "hit")
    assert_eq(m(10), "hit")
    assert_eq(m(5), "miss")
  end)

  it("mixes Int and Float in ranges without a step", fun ()
    let m = fun (x) match x in 0 to 1.5 "low" else "high" end end
    assert_eq(m(1), "low")
    assert_eq(m(0.5), "low")
    assert_eq(m(2), "high")
  end)

  it("compares value arms with ==", fun ()
    let m = fun (x) match x in 4 "four" in "a" "str" in [1] "array" in nil "nil" end end
    assert_eq(m(4.0), "four")
    assert_eq(m("a"), "str")
    assert_eq(m([1]), "array")
    assert_eq(m(nil), "nil")
    assert_nil(m(false))
  end)

  it("gives nil when nothing matches and there is no else", fun ()
    let m = fun (x) match x in 1 "one" end end
    assert_nil(m(2))
  end)

  it("runs the first matching arm only", fun ()
    let m = fun (x) match x in 1 to 10 "range" in 5 "five" end end
    assert_eq(m(5), "range")
  end)

  it("evaluates the subject once", fun ()
    let count = 0
    let subject = fun () count += 1 5 end
    let r = nil
    match subject()
    in 1
      r = "a"
    in 2, 3
      r = "b"
    in 4 to 4
      r = "c"
    in 5
      r = "d"
    end
    assert_eq(r, "d")
    assert_eq(count, 1)
  end)

  it("raises TypeErr when a range arm meets a non-number", fun ()
    assert_raises(TypeErr, fun () match "s" in 1 to 2 "x" end end)
    assert_raises(TypeErr, fun () match nil in 1 to 2 "x" end end)
  end)

  it("does not reach a range arm after a value arm matched", fun ()
    let m = fun () match "a" in "a" "hit" in 1 to 2 "x" end end
    assert_eq(m(), "hit")
  end)

  it("needs Ints everywhere with a step", fun ()
    assert_raises(TypeErr, fun () match 1.5 in 0 to 4 step 2 "x" end end)
  end)

  it("needs a positive step", fun ()
    assert_raises(ValueErr, fun () match 4 in 0 to 4 step -2 "x" end end)
  end)

  it("gives each arm its own frame", fun ()
    let m = fun (x) match x in 1 let q = 5 q * 2 end end
    assert_eq(m(1), 10)
  end)

  it("lets return inside an arm leave the function", fun ()
    let find = fun (xs)
      for x in xs
        match x
        in 3
          return "found"
        end
      end
      "none"
    end
    assert_eq(find([1, 3]), "found")
    assert_eq(find([]), "none")
  end)
end)
