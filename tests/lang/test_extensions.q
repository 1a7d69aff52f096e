# The dialect extensions of seed-extensions.md used by the QEP-054 snippets, at the language
# level: E2 ternary, E3 Dict dot access, E4 `name?(` identifiers, E5 `#{expr}` interpolation,
# E6 Array `..` Array, E7 Dict.empty(), E8 `let` rebinding, E9 Timestamp iso()/unix().
use "std/test" {module, describe, it, assert, assert_eq, assert_neq, assert_raises, assert_nil, assert_type}
use "./_support" {assert_error, assert_error_has, bug}
use "std/time"

module("Language: extensions")

fun can_access?(user, doc)
  user == "admin" or doc == "public"
end

fun exceeded_rate_limit?(count)
  count > 3
end

fun valid(x)
  "plain valid"
end

fun valid?(x)
  x > 0
end

type Member
  pub age = 20
  fun adult?() self.age >= 18 end
end

describe("E2 ternary", fun ()
  it("works as in the QEP templates", fun ()
    let open = true
    let notif = {"read": false}
    assert_eq(open ? 'block' : 'none', "block")
    assert_eq(notif.read ? '' : 'unread', "unread")
  end)

  it("nests to the right", fun ()
    let n = 0
    assert_eq(n > 0 ? "pos" : n < 0 ? "neg" : "zero", "zero")
  end)

  it("starts a ternary for x ?(y) written with a space", fun ()
    let c = true
    assert_eq(c ?(1) : 2, 1)
  end)
end)

describe("E3 Dict dot access", fun ()
  it("reads a key with .name", fun ()
    let metric = {"name": "cpu", "value": 42}
    assert_eq(metric.name, "cpu")
    assert_eq(metric.value, 42)
  end)

  it("gives nil for a missing key", fun ()
    let errors = {}
    assert_nil(errors.username)
    assert_nil({"a": 1}.b)
  end)

  it("chains through nested dicts", fun ()
    let nested = {"a": {"b": {"c": 1}}}
    assert_eq(nested.a.b.c, 1)
    assert_nil(nested.a.zz)
  end)

  it("reads keys named like methods or keywords, while calls stay methods", fun ()
    let d = {"len": 5, "type": "x", "end": 1}
    assert_eq(d.len, 5)
    assert_eq(d.len(), 3)
    assert_eq(d.type, "x")
    assert_eq(d.end, 1)
    assert_nil({}.keys)
  end)

  it("raises AttrErr when reading through a missing intermediate key", fun ()
    let d = {"a": nil}
    assert_raises(AttrErr, fun () d.a.b end)
  end)
end)

describe("E4 identifiers ending in ?", fun ()
  it("declares and calls predicate functions", fun ()
    assert(can_access?("admin", "secret"))
    assert(not can_access?("guest", "secret"))
    assert(not exceeded_rate_limit?(1))
    assert(exceeded_rate_limit?(5))
  end)

  it("keeps name? and name distinct", fun ()
    assert_eq(valid?(1), true)
    assert_eq(valid(1), "plain valid")
  end)

  it("works for methods", fun ()
    assert(Member.new().adult?())
    assert(not Member.new(age: 3).adult?())
  end)

  it("leaves optional field markers and elvis alone", fun ()
    type WithOptional
      pub email: Str?
    end
    let a = nil
    assert_nil(WithOptional.new().email)
    assert_eq(a ?: "d", "d")
  end)
end)

describe('E5 #{} interpolation', fun ()
  it("evaluates an expression in a double-quoted string", fun ()
    let name = "Ada"
    assert_eq("sum #{1 + 2} and #{name.upper()}", "sum 3 and ADA")
  end)

  it("inserts the string form", fun ()
    let n = nil
    assert_eq("a#{n}b#{2.0}c#{[1, "x"]}", "anilb2c[1, x]")
  end)

  it("reads members and indexes like the QEP's test URL", fun ()
    let server = {"port": 4000}
    assert_eq("ws://localhost:#{server.port}/ws", "ws://localhost:4000/ws")
    let d = {"k": 1}
    assert_eq("#{d["k"]}", "1")
  end)

  it("allows strings and braces inside the expression", fun ()
    assert_eq("#{"}"}", "}")
    assert_eq("#{"#{1 + 1}"}", "2")
    assert_eq("a #{ {} } b", "a {} b")
  end)

  it("keeps escapes around the interpolation", fun ()
    assert_eq("x\t#{1}".len(), 3)
  end)

  it("raises NameErr at run time for an unknown name", fun ()
    assert_error(NameErr, fun () "#{no_such_name}" end, "Undefined variable: no_such_name")
  end)

  it("does not apply to single-quoted, triple-quoted or f-strings", fun ()
    let name = "Ada"
    assert_eq('no #{name}'.len(), 10)
    assert_eq("""no #{name}""".len(), 10)
    assert_eq(f"{name} #{name}", "Ada #Ada")
  end)
end)

describe("E6 Array .. Array", fun ()
  it("concatenates into a new array, leaving both operands alone", fun ()
    let a = [1]
    let b = [2, 3]
    let c = a .. b
    assert_eq(c, [1, 2, 3])
    assert_eq(a, [1])
    assert_eq(b, [2, 3])
  end)

  it("prepends with [x] .. xs", fun ()
    let notifs = [{"id": 2}]
    notifs = [{"id": 1}] .. notifs
    assert_eq(notifs.map(fun (n) n["id"] end), [1, 2])
  end)

  it("copies the array when the other side is nil", fun ()
    let xs = [1]
    let ys = nil .. xs
    let zs = xs .. nil
    ys.push(2)
    zs.push(3)
    assert_eq(xs, [1])
    assert_eq(ys, [1, 2])
    assert_eq(zs, [1, 3])
  end)

  it("still makes a string when the other side is a Str", fun ()
    assert_eq("s" .. [1], "s[1]")
    assert_eq([1] .. "s", "[1]s")
  end)
end)

describe("E7 Dict.empty()", fun ()
  it("tells whether a dict has no entries", fun ()
    let errors = {}
    assert(errors.empty())
    errors["username"] = "too short"
    assert(not errors.empty())
  end)
end)

describe("E8 let rebinding in one frame", fun ()
  it("rebinds like the QEP's LiveView test", fun ()
    let html = "<p>Count: 0</p>"
    assert(html.contains("Count: 0"))
    let html = "<p>Count: 1</p>"
    assert(html.contains("Count: 1"))
  end)
end)

describe("E9 Timestamp iso() and unix()", fun ()
  it("iso gives the RFC 3339 UTC string, the same as str()", fun ()
    let t = time.from_timestamp(1700000000)
    assert_eq(t.iso(), "2023-11-14T22:13:20.000000000Z")
    assert_eq(t.iso(), t.str())
  end)

  it("unix gives Int seconds, the same as as_seconds()", fun ()
    let t = time.from_timestamp_ms(1700000000123)
    assert_eq(t.unix(), 1700000000)
    assert_eq(t.unix(), t.as_seconds())
    assert_type(time.now().unix(), Int)
  end)
end)
