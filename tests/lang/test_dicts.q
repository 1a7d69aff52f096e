# Dicts (spec 3.9, 3.10, 4.2, 4.3, 5.8, 2.6): literals, key string conversion, missing keys,
# the sorted string form, `set`/`remove` returning new Dicts, iteration.
use "std/test" {module, describe, it, assert, assert_eq, assert_neq, assert_raises, assert_type, assert_nil}
use "./_support" {assert_error, assert_error_has, bug}

module("Language: dicts")

describe("Literals", fun ()
  it("take string keys and bare-identifier keys", fun ()
    let d = {"name": "Ada", age: 36}
    assert_eq(d["name"], "Ada")
    assert_eq(d["age"], 36)
  end)

  it("use a bare identifier key as its literal name, never a variable", fun ()
    let x = "var"
    let d = {x: 1}
    assert_eq(d.keys(), ["x"])
    assert_nil(d["var"])
  end)

  it("keep the last of duplicate keys", fun ()
    let d = {a: 1, a: 2}
    assert_eq(d.len(), 1)
    assert_eq(d["a"], 2)
  end)

  it("accept a trailing comma", fun ()
    assert_eq({a: 1,}, {"a": 1})
  end)

  it("create a new object at each evaluation", fun ()
    let make = fun () {} end
    let a = make()
    a["k"] = 1
    assert_eq(make(), {})
  end)
end)

describe("Indexing", fun ()
  it("reads a key", fun ()
    assert_eq({"a": 1}["a"], 1)
  end)

  it("gives nil for a missing key", fun ()
    assert_nil({"a": 1}["b"])
    assert_nil({}["x"])
  end)

  it("inserts and replaces with index assignment", fun ()
    let d = {"a": 1}
    d["a"] = 2
    d["b"] = 3
    assert_eq(d, {"a": 2, "b": 3})
  end)

  it("converts keys to their string form", fun ()
    let d = {}
    d[1] = "one"
    d[nil] = "n"
    d[true] = "t"
    d[2.0] = "two"
    assert_eq(d.keys(), ["1", "nil", "true", "2"])
    assert_eq(d["1"], "one")
    assert_eq(d[1], "one")
    assert_eq(d["nil"], "n")
    assert_eq(d[2], "two")
  end)

  it("cannot be written with dot syntax: AttrErr", fun ()
    let d = {}
    assert_raises(AttrErr, fun () d.key = 1 end)
    assert_eq(d, {})
  end)

  it("assigns through nested containers", fun ()
    let d = {"list": [1, 2], "inner": {"n": 1}}
    d["list"][0] = 9
    d["inner"]["n"] += 1
    assert_eq(d, {"list": [9, 2], "inner": {"n": 2}})
  end)
end)

describe("String form", fun ()
  it("sorts the pairs by key and prints values in string form", fun ()
    assert_eq({b: 2, a: "x"}.str(), "{a: x, b: 2}")
    assert_eq({}.str(), "{}")
    assert_eq({"k": {"n": [1, "s"]}}.str(), "{k: {n: [1, s]}}")
  end)

  it("sorts the keys as strings", fun ()
    assert_eq({"10": 1, "9": 2}.str(), "{10: 1, 9: 2}")
  end)

  it("caps the depth of a self-referencing dict", fun ()
    let d = {}
    d["self"] = d
    let text = d.str()
    assert(text.contains("{...}"), text.slice(0, 80))
  end)
end)

describe("Equality", fun ()
  it("compares keys and values, in any order", fun ()
    assert_eq({"a": 1, "b": [1]}, {"b": [1], "a": 1})
    assert_eq({}, {})
    assert_eq({"a": 1}, {"a": 1.0})
  end)

  it("is false for different values or keys", fun ()
    assert_neq({"a": 1}, {"a": 2})
    assert_neq({"a": 1}, {"a": 1, "b": 2})
    assert_neq({"a": 1}, {"b": 1})
  end)
end)

describe("Reference semantics", fun ()
  it("shares a dict between variables", fun ()
    let a = {}
    let b = a
    b["k"] = 1
    assert_eq(a, {"k": 1})
  end)
end)

describe("len, keys, values, contains", fun ()
  it("counts entries", fun ()
    assert_eq({"a": 1, "b": 2}.len(), 2)
    assert_eq({}.len(), 0)
  end)

  it("lists keys and values in insertion order", fun ()
    let d = {"b": 2}
    d["a"] = 1
    d["c"] = 3
    assert_eq(d.keys(), ["b", "a", "c"])
    assert_eq(d.values(), [2, 1, 3])
  end)

  it("tests a key, converting it", fun ()
    assert({"a": 1}.contains("a"))
    assert(not {"a": 1}.contains("b"))
    assert({"1": 1}.contains(1))
  end)
end)

describe("get", fun ()
  it("returns the value, nil or the default", fun ()
    let d = {"a": 1}
    assert_eq(d.get("a"), 1)
    assert_nil(d.get("z"))
    assert_eq(d.get("z", 0), 0)
    assert_eq(d.get("a", 0), 1)
  end)

  it("converts the key and accepts the default by name", fun ()
    assert_eq({"nil": 5}.get(nil), 5)
    assert_eq({"a": 1}.get("z", default: 7), 7)
  end)
end)

describe("set and remove", fun ()
  it("set returns a new dict and leaves the receiver unchanged", fun ()
    let d = {"a": 1}
    let d2 = d.set("b", 2)
    assert_eq(d, {"a": 1})
    assert_eq(d2, {"a": 1, "b": 2})
    assert_eq(d.set("a", 9), {"a": 9})
    assert_eq(d["a"], 1)
  end)

  it("set converts the key", fun ()
    assert_eq({}.set(1, "x"), {"1": "x"})
  end)

  it("remove returns a new dict without the key", fun ()
    let d = {"a": 1, "b": 2}
    let d2 = d.remove("a")
    assert_eq(d2, {"b": 2})
    assert_eq(d, {"a": 1, "b": 2})
  end)

  it("remove accepts a missing key and converts keys", fun ()
    let d = {"nil": 1, "x": 2}
    assert_eq(d.remove("nope"), d)
    assert_eq(d.remove(nil), {"x": 2})
  end)

  it("supports the update idiom d = d.set(k, v)", fun ()
    let users = {}
    users = users.set("u1", "Ada")
    users = users.set("u2", "Bob")
    users = users.remove("u1")
    assert_eq(users, {"u2": "Bob"})
  end)
end)

describe("clone, each, empty", fun ()
  it("clone is a shallow copy", fun ()
    let d = {"l": [1]}
    let c = d.clone()
    c["n"] = 1
    c["l"].push(2)
    assert_eq(d, {"l": [1, 2]})
    assert_eq(c, {"l": [1, 2], "n": 1})
  end)

  it("each calls f(key, value) in insertion order and returns nil", fun ()
    let pairs = []
    let d = {"b": 2, "a": 1}
    let result = d.each(fun (k, v) pairs.push(k .. "=" .. v) end)
    assert_eq(pairs, ["b=2", "a=1"])
    assert_nil(result)
  end)

  it("empty tells whether there are no entries", fun ()
    assert({}.empty())
    assert(not {"a": nil}.empty())
  end)
end)

describe("Methods that do not exist", fun ()
  it("has no merge or update; items() is [EXT] ours", fun ()
    assert_eq({"a": 1, "b": [2]}.items(), [["a", 1], ["b", [2]]])
    assert_eq({}.items(), [])
    assert_raises(AttrErr, fun () {}.merge({}) end)
    assert_raises(AttrErr, fun () {}.update({}) end)
  end)

  it("does not dispatch a method call to a stored function", fun ()
    let handlers = {"greet": fun () "hi" end}
    assert_raises(AttrErr, fun () handlers.greet() end)
    assert_eq(handlers["greet"](), "hi")
  end)
end)

describe("Iteration", fun ()
  it("yields keys with one variable, in insertion order", fun ()
    let keys = []
    for k in {"x": 1, "y": 2}
      keys.push(k)
    end
    assert_eq(keys, ["x", "y"])
  end)

  it("yields keys and values with two variables", fun ()
    let out = []
    for k, v in {"x": 1, "y": 2}
      out.push(k .. v)
    end
    assert_eq(out, ["x1", "y2"])
  end)

  it("iterates a snapshot: adding keys in the loop does not extend it", fun ()
    let d = {"a": 1}
    let seen = []
    for k in d
      seen.push(k)
      d["z" .. k] = 1
    end
    assert_eq(seen, ["a"])
    assert_eq(d, {"a": 1, "za": 1})
  end)
end)

describe("Type checks", fun ()
  it("answers cls and is", fun ()
    assert_type({}, Dict)
    assert({}.is(Dict))
    assert(not {}.is(Array))
  end)
end)
