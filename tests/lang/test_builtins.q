# Built-in functions and method dispatch (spec 5.1, 5.2, 5.6, 1.5), the newline rules of 1.1,
# and assignment and index targets that are not allowed (2.3, 3.10).
use "std/test" {module, describe, it, assert, assert_eq, assert_neq, assert_raises, assert_nil, assert_type}
use "./_support" {assert_error, assert_error_has, bug}
use "std/sys"
use "std/io"

module("Language: built-ins and dispatch")

# What `fn()` writes to stdout.
fun printed(fn)
  let buf = io.StringIO.new()
  with sys.redirect_stream(sys.stdout, buf)
    fn()
  end
  buf.get_value()
end

describe("puts and print", fun ()
  it("puts writes the string forms with no separator and a newline", fun ()
    assert_eq(printed(fun () puts("a", 1, nil, 2.0, [1, "x"]) end), "a1nil2[1, x]\n")
  end)

  it("puts with no argument writes just a newline", fun ()
    assert_eq(printed(fun () puts() end), "\n")
  end)

  it("print writes without the newline", fun ()
    assert_eq(printed(fun () print("a", "b") print(1) end), "ab1")
  end)

  it("puts and print return nil", fun ()
    let r = nil
    printed(fun () r = [puts("x"), print("y")] end)
    assert_eq(r, [nil, nil])
  end)
end)

describe("chr, ord, is_array", fun ()
  it("chr makes a one-character string and rejects invalid code points", fun ()
    assert_eq(chr(65), "A")
    assert_eq(chr(65.7), "A")
    assert_raises(ValueErr, fun () chr(1114112) end)
  end)

  it("ord gives the first code point and rejects an empty string", fun ()
    assert_eq(ord("A"), 65)
    assert_raises(ValueErr, fun () ord("") end)
  end)

  it("is_array tells arrays apart", fun ()
    assert(is_array([]))
    assert(not is_array({}))
    assert(not is_array(nil))
  end)
end)

describe("Names that are not built-ins", fun ()
  it("has no global len, str, println, type, range, input or exit", fun ()
    assert_raises(NameErr, fun () len("x") end)
    assert_raises(NameErr, fun () str(1) end)
    assert_raises(NameErr, fun () println("x") end)
    assert_raises(NameErr, fun () range(3) end)
    assert_raises(NameErr, fun () input() end)
    assert_raises(NameErr, fun () exit(1) end)
  end)
end)

describe("Type-name literals", fun ()
  it("evaluate to the name as a Str", fun ()
    assert_eq([Int, Float, Str, Bool, Array, Dict, Bytes, Uuid, Num, Obj],
      ["Int", "Float", "Str", "Bool", "Array", "Dict", "Bytes", "Uuid", "Num", "Obj"])
    assert_type(Int, Str)
  end)

  it("still give Array.new the Array constructor", fun ()
    assert_eq(Array.new(2, "x"), ["x", "x"])
  end)

  it("make exception types real type objects", fun ()
    assert_eq(ValueErr.cls(), "Type")
    assert_neq(ValueErr, "ValueErr")
  end)
end)

describe("Universal methods", fun ()
  it("answer cls on every built-in value", fun ()
    assert_eq([1.cls(), 1.5.cls(), "s".cls(), true.cls(), [].cls(), {}.cls()],
      ["Int", "Float", "Str", "Bool", "Array", "Dict"])
  end)

  it("answer str and _rep", fun ()
    assert_eq(1.5.str(), "1.5")
    assert_eq([1, "a"].str(), "[1, a]")
    assert_eq("a"._rep(), "\"a\"")
    assert_eq(true._rep(), "true")
  end)

  it("answer _id with an Int that differs between objects and not for one object", fun ()
    let a = []
    let b = []
    assert_type(a._id(), Int)
    assert_eq(a._id(), a._id())
    assert_neq(a._id(), b._id())
  end)

  it("answer _doc with a Str", fun ()
    assert_type([]._doc(), Str)
    assert_type(5._doc(), Str)
  end)

  it("give Bool eq and neq", fun ()
    assert(true.eq(true))
    assert(true.neq(false))
    assert(not false.eq(true))
  end)

  it("raise AttrErr for an unknown method", fun ()
    assert_error(AttrErr, fun () [].nope() end, "Array has no method 'nope'")
    assert_raises(AttrErr, fun () 5.nope() end)
  end)

  it("do not reach Python methods of built-in values", fun ()
    assert_raises(AttrErr, fun () [].append(1) end)
    assert_raises(AttrErr, fun () "a".join(["b"]) end)
    assert_raises(AttrErr, fun () {}.update({}) end)
  end)
end)

describe("nil", fun ()
  it("answers is and nothing else", fun ()
    assert(nil.is("Nil"))
    assert_error(AttrErr, fun () nil.cls() end, "Cannot call method 'cls' on nil")
    assert_raises(AttrErr, fun () nil.str() end)
    assert_raises(AttrErr, fun () nil.len() end)
  end)

  it("cannot be indexed", fun ()
    assert_raises(TypeErr, fun () nil[0] end)
  end)
end)

describe("Invalid targets", fun ()
  it("raises TypeErr when indexing a value that does not support it", fun ()
    assert_raises(TypeErr, fun () 5[0] end)
    assert_raises(TypeErr, fun () true[0] end)
  end)

  it("raises TypeErr when assigning an index of a value that does not support it", fun ()
    let n = 5
    assert_raises(TypeErr, fun () n[0] = 1 end)
  end)

  it("raises AttrErr when assigning a field of a non-struct", fun ()
    let n = 5
    let s = "x"
    assert_raises(AttrErr, fun () n.x = 1 end)
    assert_raises(AttrErr, fun () s.field = 1 end)
  end)
end)

describe("Newlines", fun ()
  it("continue a binary expression on a line starting with -", fun ()
    let x = 5
    -3
    assert_eq(x, 2)
  end)

  it("call on a line starting with (", fun ()
    let g = fun (v) v * 2 end
    let r = g
    (4)
    assert_eq(r, 8)
  end)

  it("continue a method chain on a line starting with .", fun ()
    let evens = [1, 2, 3, 4]
      .filter(fun (n) n % 2 == 0 end)
      .map(fun (n) n * 10 end)
    assert_eq(evens, [20, 40])
  end)

  it("allow several statements on one line", fun ()
    let a = 1  let b = 2  a = a + b
    assert_eq(a, 3)
  end)

  ## a comment starting with two hashes is an ordinary comment
  it("ignore comments at the end of a line", fun ()
    let v = 1 # not code: v = 2
    assert_eq(v, 1)
  end)
end)

describe("Argument count errors", fun ()
  it("say 'expects N arguments, got M' for built-in functions and methods", fun ()
    use "std/math"
    assert_error(ArgErr, fun () chr(65, 66) end, "chr expects 1 arguments, got 2")
    assert_error(ArgErr, fun () math.sqrt(4, 2) end, "math.sqrt expects 1 arguments, got 2")
    assert_error(ArgErr, fun () "abc".upper(1) end, "Str.upper() expects 0 arguments, got 1")
    assert_error(ArgErr, fun () [1].push(1, 2) end, "Array.push(x) expects 1 arguments, got 2")
  end)
end)

const TOP_LEVEL_FUNCTION = __function__

describe("Magic values (spec 1.5)", fun ()
  it("__file__ is the absolute path of the current file", fun ()
    assert(__file__.starts_with("/"), __file__)
    assert(__file__.ends_with("tests/lang/test_builtins.q"), __file__)
  end)

  it("__line__ is the line of the token", fun ()
    let here = __line__
    let next = __line__
    assert_eq(next, here + 1)
    assert_type(here, Int)
  end)

  it("__function__ names the enclosing function, <module> at top level", fun ()
    fun outer_name()
      __function__
    end
    assert_eq(outer_name(), "outer_name")
    let anon = fun () __function__ end
    assert_eq(anon(), "<anonymous>")
    type Named
      fun which() __function__ end
    end
    assert_eq(Named.new().which(), "which")
    assert_eq(TOP_LEVEL_FUNCTION, "<module>")
  end)

  it("a declared name shadows a magic value", fun ()
    let __line__ = "mine"
    assert_eq(__line__, "mine")
  end)
end)
