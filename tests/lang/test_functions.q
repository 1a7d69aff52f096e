# Functions (spec 2.12, 2.14, 3.11, 3.12, 5.9, 6.1–6.3): defaults evaluated at call time, named
# arguments, *rest/**opts, spreads, ArgErr cases, annotations, return values, docstrings.
use "std/test" {module, describe, it, assert, assert_eq, assert_neq, assert_raises, assert_nil, assert_type}
use "./_support" {assert_error, assert_error_has, bug, error_of}

module("Language: functions")

fun area(w, h = w)
  w * h
end

fun two(a, b)
  [a, b]
end

fun all_kinds(a, b = 10, *rest, **opts)
  [a, b, rest, opts]
end

let default_calls = 0

fun next_id()
  default_calls += 1
  default_calls
end

fun with_id(id = next_id())
  id
end

fun documented()
  "Adds nothing; documents itself."
  42
end

fun undocumented()
  1
end

describe("Defaults", fun ()
  it("fill parameters that were not given", fun ()
    assert_eq(area(3, 4), 12)
    assert_eq(all_kinds(1), [1, 10, [], {}])
  end)

  it("see the earlier parameters", fun ()
    assert_eq(area(3), 9)
  end)

  it("are evaluated at each call, and only when needed", fun ()
    let before = default_calls
    assert_eq(with_id(), before + 1)
    assert_eq(with_id(), before + 2)
    assert_eq(with_id(99), 99)
    assert_eq(default_calls, before + 2)
  end)

  it("see the current value of captured variables", fun ()
    let base = 1
    let f = fun (x = base) x end
    base = 7
    assert_eq(f(), 7)
  end)

  it("give each call a fresh default object", fun ()
    let f = fun (acc = []) acc.push(1) acc end
    assert_eq(f(), [1])
    assert_eq(f(), [1])
  end)

  it("propagate an error raised while evaluating them", fun ()
    let f = fun (x = ValueErr.new("from default").message().to_int()) x end
    assert_raises(ValueErr, f)
    assert_eq(f(5), 5)
  end)

  it("make a required parameter after an optional one an error when the declaration runs", fun ()
    let declare = fun ()
      fun bad(a = 1, b) b end
    end
    assert(error_of(declare) != nil)
  end)
end)

describe("Named arguments", fun ()
  it("bind by name in any order", fun ()
    assert_eq(area(h: 2, w: 5), 10)
    assert_eq(two(b: 1, a: 2), [2, 1])
  end)

  it("follow positional arguments", fun ()
    let many = fun (a, b, c) [a, b, c] end
    assert_eq(many(1, c: 3, b: 2), [1, 2, 3])
  end)

  it("let a later parameter's default see an earlier named one", fun ()
    assert_eq(area(w: 4), 16)
  end)

  it("go to **opts when no parameter has that name", fun ()
    assert_eq(all_kinds(1, k: "v"), [1, 10, [], {"k": "v"}])
    assert_eq(all_kinds(a: 1, b: 2, z: 3), [1, 2, [], {"z": 3}])
  end)

  it("reach built-in methods and native functions", fun ()
    use "std/math"
    assert_eq({"a": 1}.get("z", default: 0), 0)
    assert_eq("a-b".replace(old: "-", new: "+"), "a+b")
    assert_eq(math.round(2.345, places: 2), 2.35)
  end)
end)

describe("Variadic parameters", fun ()
  it("collect extra positionals in *rest", fun ()
    assert_eq(all_kinds(1, 2, 3, 4), [1, 2, [3, 4], {}])
  end)

  it("always bind *rest and **opts", fun ()
    let f = fun (*rest, **opts) [rest, opts] end
    assert_eq(f(), [[], {}])
    assert_type(f()[0], Array)
    assert_type(f()[1], Dict)
  end)

  it("work in lambdas, **kwargs included", fun ()
    let lam = fun (x, y = 2, *r, **kw) [x, y, r, kw] end
    assert_eq(lam(1, z: 3), [1, 2, [], {"z": 3}])
    assert_eq(lam(1, 2, 3), [1, 2, [3], {}])
  end)
end)

describe("Spreads", fun ()
  it("spread an Array into positional arguments", fun ()
    let many = fun (a, b, c) [a, b, c] end
    assert_eq(many(*[1, 2, 3]), [1, 2, 3])
    assert_eq(many(*[1, 2], 3), [1, 2, 3])
    assert_eq(many(1, *[2, 3]), [1, 2, 3])
    assert_eq(all_kinds(*[1, 2, 3]), [1, 2, [3], {}])
  end)

  it("spread a Dict into named arguments", fun ()
    assert_eq(all_kinds(**{"a": 5, "q": 6}), [5, 10, [], {"q": 6}])
  end)

  it("let later named arguments override a spread", fun ()
    let configure = fun (host = "h", port = 1) [host, port] end
    let defaults = {"host": "example", "port": 80}
    assert_eq(configure(**defaults, port: 8080), ["example", 8080])
    assert_eq(all_kinds(1, **{"b": 3}, b: 4), [1, 4, [], {}])
  end)

  it("need an Array for * and a Dict for **", fun ()
    assert_raises(ArgErr, fun () two(*5) end)
    assert_raises(ArgErr, fun () two(*{"a": 1}) end)
    assert_raises(ArgErr, fun () two(**[1]) end)
  end)
end)

describe("Argument errors", fun ()
  it("reject too many positional arguments", fun ()
    assert_error_has(ArgErr, fun () two(1, 2, 3) end, "two expects 2 arguments, got 3")
  end)

  it("reject a missing required parameter", fun ()
    let e = error_of(fun () two(1) end)
    assert_eq(e.type(), ArgErr)
    assert(e.message().lower().contains("missing required parameter 'b'"), e.message())
  end)

  it("reject a parameter given both positionally and by name", fun ()
    assert_raises(ArgErr, fun () two(1, a: 2) end)
  end)

  it("reject an unknown named argument without **opts", fun ()
    let e = error_of(fun () two(1, c: 2) end)
    assert_eq(e.type(), ArgErr)
    assert(e.message().lower().contains("unknown keyword argument"), e.message())
    assert(e.message().contains("c"), e.message())
  end)

  it("reject a positional argument after a named one at run time", fun ()
    assert_raises(ArgErr, fun () two(a: 1, 2) end)
  end)

  it("reject a duplicate named argument", fun ()
    assert_raises(ArgErr, fun () two(a: 1, a: 2) end)
  end)

  it("apply to lambdas too", fun ()
    let lam = fun (x) x end
    assert_raises(ArgErr, fun () lam() end)
    assert_raises(ArgErr, fun () lam(1, 2) end)
  end)
end)

describe("Annotations", fun ()
  it("accept matching arguments", fun ()
    let typed = fun (x: Int, y: Str = "s") y .. x end
    assert_eq(typed(1), "s1")
    assert_eq(typed(1, "t"), "t1")
  end)

  it("raise TypeErr for a mismatch, naming the parameter", fun ()
    let typed = fun (x: Int, y: Str = "s") y .. x end
    assert_error(TypeErr, fun () typed("a") end, "Parameter 'x' expects type Int, got Str")
    assert_error(TypeErr, fun () typed(1, 2) end, "Parameter 'y' expects type Str, got Int")
  end)

  it("check Bool exactly", fun ()
    let b = fun (flag: Bool) flag end
    assert_eq(b(true), true)
    assert_error(TypeErr, fun () b(1) end, "Parameter 'flag' expects type Bool, got Int")
  end)

  it("do not promote Int to Float", fun ()
    let f = fun (x: Float) x end
    assert_raises(TypeErr, fun () f(1) end)
    assert_eq(f(1.5), 1.5)
    let i = fun (x: Int) x end
    assert_raises(TypeErr, fun () i(1.5) end)
  end)

  it("let Num accept Int and Float", fun ()
    let num = fun (n: Num) n end
    assert_eq(num(1), 1)
    assert_eq(num(1.5), 1.5)
    assert_error(TypeErr, fun () num("x") end, "Parameter 'n' expects type Num, got Str")
  end)

  it("title-case lower-case annotations", fun ()
    let lower = fun (n: int, s: str) n end
    assert_eq(lower(3, "x"), 3)
    assert_error(TypeErr, fun () lower("s", "x") end, "Parameter 'n' expects type Int, got Str")
  end)

  it("let Obj accept anything", fun ()
    let any = fun (o: Obj) o end
    assert_nil(any(nil))
    assert_eq(any([1]), [1])
  end)

  it("check Array, Dict and Nil", fun ()
    let f = fun (a: Array, d: Dict, n: Nil) 1 end
    assert_eq(f([], {}, nil), 1)
    assert_error(TypeErr, fun () f({}, {}, nil) end, "Parameter 'a' expects type Array, got Dict")
    assert_raises(TypeErr, fun () f([], [], nil) end)
    assert_raises(TypeErr, fun () f([], {}, 0) end)
  end)

  it("match instances of a user type", fun ()
    type Pt
      pub v = 1
    end
    let f = fun (p: Pt) p.v end
    assert_eq(f(Pt.new()), 1)
    assert_error(TypeErr, fun () f(1) end, "Parameter 'p' expects type Pt, got Int")
  end)

  it("check a default value too", fun ()
    let f = fun (y: Str = 5) y end
    assert_raises(TypeErr, f)
  end)

  it("check the elements of *rest and the values of **opts", fun ()
    let r = fun (*xs: Int) xs end
    let o = fun (**kw: Int) kw end
    assert_eq(r(1, 2), [1, 2])
    assert_raises(TypeErr, fun () r(1, "a") end)
    assert_raises(TypeErr, fun () o(a: "s") end)
  end)

  it("raise TypeErr for an annotation that names no type", fun ()
    let f = fun (x: Banana) x end
    assert_raises(TypeErr, fun () f(1) end)
  end)

  it("check a return annotation on the returned value", fun ()
    let f = fun (x) -> Int x end
    assert_eq(f(1), 1)
    assert_error_has(TypeErr, fun () f("s") end, "Int")
  end)
end)

describe("Return values", fun ()
  it("return the value of the last statement", fun ()
    let f = fun (x) x * 2 end
    assert_eq(f(4), 8)
  end)

  it("return early with return", fun ()
    let early = fun (x) if x return "early" end "late" end
    assert_eq(early(true), "early")
    assert_eq(early(false), "late")
  end)

  it("return from nested loops", fun ()
    let find = fun ()
      for i in 0 to 10
        for j in 0 to 10
          if j == 2 return [i, j] end
        end
      end
    end
    assert_eq(find(), [0, 2])
  end)

  it("make a bare return give nil", fun ()
    let f = fun () return end
    assert_nil(f())
  end)

  it("treat return followed by a line break as a bare return", fun ()
    let ran = false
    let f = fun ()
      return
      ran = true
    end
    assert_nil(f())
    assert_eq(ran, false)
  end)

  it("return nil for an empty body, a final let, assignment, loop or declaration", fun ()
    let empty = fun () end
    let final_let = fun () let a = 1 end
    let final_assign = fun () let a = 1 a = 2 end
    let final_loop = fun () for i in [1] i end end
    let final_decl = fun () fun inner() 1 end end
    assert_nil(empty())
    assert_nil(final_let())
    assert_nil(final_assign())
    assert_nil(final_loop())
    assert_nil(final_decl())
  end)
end)

describe("Function values", fun ()
  it("document themselves with a leading string literal", fun ()
    assert_eq(documented._doc(), "Adds nothing; documents itself.")
    assert_eq(documented(), 42)
  end)

  it("describe undocumented functions and lambdas", fun ()
    assert_eq(undocumented._doc(), "User-defined function: undocumented")
    let lam = fun () 1 end
    assert_eq(lam._doc(), "Anonymous function")
  end)

  it("have a name and a string form", fun ()
    let lam = fun () 1 end
    assert_eq(documented._name(), "documented")
    assert_eq(documented.str(), "<fun documented>")
    assert_eq(lam.str(), "<fun <anonymous>>")
    assert_eq("" .. undocumented, "<fun undocumented>")
  end)

  it("name built-in functions", fun ()
    assert_eq(puts.str(), "<fun puts>")
  end)

  it("name a native module function with its module", fun ()
    use "std/math"
    assert_eq(math.sqrt.str(), "<fun math.sqrt>")
  end)

  it("are values that can be passed and called", fun ()
    let apply = fun (f, x) f(x) end
    assert_eq(apply(fun (v) v + 1 end, 1), 2)
    let alias = area
    assert_eq(alias(2), 4)
    assert_eq(area.cls(), "Fun")
  end)

  it("raise TypeErr when a non-function is called", fun ()
    let five = 5
    assert_raises(TypeErr, fun () five() end)
  end)
end)
