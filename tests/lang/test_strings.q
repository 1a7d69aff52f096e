# Strings (spec 1.4, 3.3, 3.10, 4.2, 4.4, 5.5): literals and escapes, raw triple quotes,
# f-strings and format specs, indexing by character, UTF-8 byte length, the Str methods.
use "std/test" {module, describe, it, assert, assert_eq, assert_neq, assert_raises, assert_type}
use "./_support" {assert_error, assert_error_has, bug}

module("Language: strings")

describe("Escapes", fun ()
  it("turns \\n \\t \\r into one character each", fun ()
    assert_eq("a\nb".len(), 3)
    assert_eq("a\tb".split(""), ["a", chr(9), "b"])
    assert_eq("\r".ord(), 13)
    assert_eq("\n".ord(), 10)
  end)

  it("escapes backslash and both quotes", fun ()
    assert_eq("\\".len(), 1)
    assert_eq("\\".ord(), 92)
    assert_eq("q\"q".len(), 3)
    assert_eq("it\'s", "it's")
  end)

  it("treats single-quoted strings like double-quoted ones", fun ()
    assert_eq('a\nb', "a\nb")
    assert_eq('it\'s', "it's")
    assert_eq('say "hi"', "say \"hi\"")
  end)

  it("keeps an unknown backslash pair literally", fun ()
    assert_eq("\d".len(), 2)
    assert_eq("\d".split(""), ["\\", "d"])
    assert_eq("a\.b", "a\\.b")
  end)

  it("does not treat # inside a string as a comment", fun ()
    assert_eq("a # b".len(), 5)
  end)
end)

describe("Triple-quoted strings", fun ()
  it("are raw: backslashes are kept", fun ()
    assert_eq("""a\nb""", "a\\nb")
    assert_eq("""a\nb""".len(), 4)
    assert_eq('''\t'''.len(), 2)
  end)

  it("span lines and keep the newlines and indentation", fun ()
    let s = """line one
  line two"""
    assert_eq(s, "line one\n  line two")
    assert_eq(s.split("\n").len(), 2)
  end)

  it("may contain single quotes and lone double quotes", fun ()
    assert_eq("""say "hi" """, "say \"hi\" ")
    assert_eq('''it's''', "it's")
  end)

  it("end at the first closing triple", fun ()
    let s = """a""" .. "b"
    assert_eq(s, "ab")
  end)

  it("do not interpolate", fun ()
    let name = "x"
    assert_eq("""{name}""".len(), 6)
    assert_eq("""#{name}""".len(), 7)
  end)
end)

describe("Plain strings", fun ()
  it("never interpolate {name}", fun ()
    let name = "Ada"
    assert_eq("Hello {name}", "Hello " .. "{" .. "name" .. "}")
    assert_eq('{name}'.len(), 6)
  end)
end)

describe("f-strings", fun ()
  it("hold any expression in a hole, with an optional format spec ([EXT] ours)", fun ()
    let n = 5
    let user = {"name": "Ada", "tags": ["x", "y"]}
    assert_eq(f"{n + 1}", "6")
    assert_eq(f"{n * 2:05}", "00010")
    assert_eq(f"{user.name} has {user['tags'].len()} tags", "Ada has 2 tags")
    assert_eq(f"{n > 3 ? 'big' : 'small'}", "big")
    assert_eq(f"{n > 3 ? n : 0:>3}", "  5")
    assert_eq(f"{nil ?: 'none'}", "none")
    assert_eq(f"{[1, 2].map(fun (x) x * 10 end)}", "[10, 20]")
  end)

  it("insert a variable's string form", fun ()
    let name = "Quest"
    let n = 42
    let x = 3.0
    let none = nil
    let arr = [1, "a"]
    assert_eq(f"hi {name}", "hi Quest")
    assert_eq(f"{n}{n}", "4242")
    assert_eq(f"{x}", "3")
    assert_eq(f"{none}", "nil")
    assert_eq(f"{arr}", "[1, a]")
  end)

  it("work with single quotes and process escapes", fun ()
    let name = "Ada"
    assert_eq(f'hi {name}', "hi Ada")
    assert_eq(f"a\t{name}".len(), 5)
  end)

  it("raise NameErr at run time for an unknown name", fun ()
    assert_error(NameErr, fun () f"{no_such_name}" end, "Undefined variable: no_such_name")
  end)

  it("see the current value of the variable", fun ()
    let n = 1
    let show = fun () f"n={n}" end
    n = 2
    assert_eq(show(), "n=2")
  end)
end)

describe("Format specs", fun ()
  it("right-aligns every kind by default", fun ()
    let n = 42
    let s = "Ada"
    let b = true
    let x = 2.5
    assert_eq(f"[{n:5}]", "[   42]")
    assert_eq(f"[{s:5}]", "[  Ada]")
    assert_eq(f"[{b:6}]", "[  true]")
    assert_eq(f"[{x:5}]", "[  2.5]")
  end)

  it("aligns left, right and centre", fun ()
    let x = 42
    assert_eq(f"{x:<5}|", "42   |")
    assert_eq(f"{x:>5}|", "   42|")
    assert_eq(f"{x:^5}", " 42  ")
    assert_eq(f"{x:^6}", "  42  ")
  end)

  it("takes a fill character before the alignment", fun ()
    let s = "Ada"
    assert_eq(f"{s:*^7}", "**Ada**")
    assert_eq(f"{s:-<6}", "Ada---")
  end)

  it("pads with zeros", fun ()
    let n = 42
    let neg = -42
    assert_eq(f"{n:05}", "00042")
    assert_eq(f"{neg:05}", "-0042")
  end)

  it("handles the sign flags", fun ()
    let n = 42
    let neg = -42
    assert_eq(f"{n:+}", "+42")
    assert_eq(f"{n:-}", "42")
    assert_eq(f"{n: }", " 42")
    assert_eq(f"{neg: }", "-42")
    assert_eq(f"{n:+05}", "+0042")
  end)

  it("formats bases, with # for the prefix", fun ()
    let n = 255
    assert_eq(f"{n:x}", "ff")
    assert_eq(f"{n:X}", "FF")
    assert_eq(f"{n:b}", "11111111")
    assert_eq(f"{n:o}", "377")
    assert_eq(f"{n:#x}", "0xff")
    assert_eq(f"{n:#b}", "0b11111111")
    assert_eq(f"{n:#o}", "0o377")
  end)

  it("truncates a Float to Int for the base types", fun ()
    let f = 255.9
    assert_eq(f"{f:x}", "ff")
  end)

  it("gives Floats and Ints that many decimals with a precision", fun ()
    let pi = 3.14159
    let three = 3
    assert_eq(f"{pi:.2}", "3.14")
    assert_eq(f"{three:.2}", "3.00")
    assert_eq(f"{pi:8.3}", "   3.142")
    assert_eq(f"{pi:<8.3}|", "3.142   |")
  end)

  it("truncates a Str to the precision", fun ()
    let s = "Ada"
    assert_eq(f"{s:.2}", "Ad")
    assert_eq(f"{s:>5.2}", "   Ad")
  end)

  it("counts characters, not bytes, for the width", fun ()
    let s = "é"
    assert_eq(f"{s:3}", "  é")
  end)

  it("formats in a scientific notation with e", fun ()
    let big = 12345.678
    let text = f"{big:e}"
    assert(text.contains("e"), text)
    assert(text.startswith("1.2345"), text)
  end)
end)

describe("Str.fmt", fun ()
  it("fills {} with the next argument", fun ()
    assert_eq("{} and {}".fmt("a", 1), "a and 1")
  end)

  it("fills {0} by index and mixes with specs", fun ()
    assert_eq("{1}{0}{1}".fmt("a", "b"), "bab")
    assert_eq("{:>4}|{1:<3}|{0}".fmt(7, "ab"), "   7|ab |7")
    assert_eq("{0:05}".fmt(42), "00042")
    assert_eq("{:.2}".fmt(3.14159), "3.14")
  end)

  it("writes literal braces with {{ and }}", fun ()
    assert_eq("{{}} {}".fmt(1), "{} 1")
  end)

  it("raises ArgErr when arguments are missing", fun ()
    assert_raises(ArgErr, fun () "{} {}".fmt(1) end)
    assert_raises(ArgErr, fun () "{3}".fmt(1) end)
  end)
end)

describe("Indexing", fun ()
  it("indexes by Unicode character, negative from the end", fun ()
    assert_eq("héllo"[0], "h")
    assert_eq("héllo"[1], "é")
    assert_eq("héllo"[-1], "o")
    assert_eq("日本"[1], "本")
    assert_type("abc"[0], Str)
  end)

  it("raises IndexErr out of range", fun ()
    assert_raises(IndexErr, fun () "abc"[3] end)
    assert_raises(IndexErr, fun () "abc"[-4] end)
    assert_raises(IndexErr, fun () ""[0] end)
    let s = "abc"
    assert_error(IndexErr, fun () s[3] end, "Index 3 out of range for Str of length 3")
    let b = s.bytes()
    assert_error(IndexErr, fun () b[-4] end, "Index -4 out of range for Bytes of length 3")
    assert_error(IndexErr, fun () b.get(3) end, "Index 3 out of range for Bytes of length 3")
  end)

  it("raises TypeErr for a non-Int index", fun ()
    assert_raises(TypeErr, fun () "abc"["x"] end)
    assert_raises(TypeErr, fun () "abc"[nil] end)
  end)

  it("cannot be assigned: TypeErr", fun ()
    let s = "abc"
    assert_raises(TypeErr, fun () s[0] = "x" end)
    assert_eq(s, "abc")
  end)

  it("iterates characters with for", fun ()
    let chars = []
    for ch in "héy"
      chars.push(ch)
    end
    assert_eq(chars, ["h", "é", "y"])
  end)
end)

describe("len", fun ()
  it("counts UTF-8 bytes", fun ()
    assert_eq("".len(), 0)
    assert_eq("abc".len(), 3)
    assert_eq("héllo".len(), 6)
    assert_eq("日本".len(), 6)
    assert_eq("🔔".len(), 4)
  end)
end)

describe("Comparison", fun ()
  it("compares by value", fun ()
    assert_eq("abc", "ab" .. "c")
    assert_neq("abc", "abd")
    assert_neq("abc", "ABC")
  end)

  it("orders lexicographically by code point", fun ()
    assert("abc" < "abd")
    assert("ab" < "abc")
    assert("B" < "a")
    assert("Z" < "é")
    assert(not ("b" < "a"))
    assert("" < "a")
  end)

  it("has eq and neq methods", fun ()
    assert("abc".eq("abc"))
    assert("abc".neq("abd"))
    assert(not "abc".neq("abc"))
  end)
end)

describe("Case methods", fun ()
  it("converts with upper and lower, Unicode included", fun ()
    assert_eq("abc".upper(), "ABC")
    assert_eq("ÀB".lower(), "àb")
    assert_eq("é".upper(), "É")
  end)

  it("capitalizes the first letter and lowers the rest", fun ()
    assert_eq("hello".capitalize(), "Hello")
    assert_eq("hELLO wORLD".capitalize(), "Hello world")
  end)

  it("title-cases every word", fun ()
    assert_eq("hello world".title(), "Hello World")
  end)
end)

describe("Trimming", fun ()
  it("trims whitespace on both ends or one", fun ()
    assert_eq("  x  ".trim(), "x")
    assert_eq("  x  ".ltrim(), "x  ")
    assert_eq("  x  ".rtrim(), "  x")
    assert_eq("\n\tx\n".trim(), "x")
  end)
end)

describe("Searching", fun ()
  it("tests containment and both ends, with both spellings", fun ()
    assert("hello".contains("ell"))
    assert(not "hello".contains("z"))
    assert("hello".startswith("he"))
    assert("hello".starts_with("he"))
    assert("hello".endswith("lo"))
    assert("hello".ends_with("lo"))
    assert(not "hello".starts_with("lo"))
  end)

  it("finds the first position with index_of, -1 when absent", fun ()
    assert_eq("Hello World".index_of("o"), 4)
    assert_eq("abc".index_of("a"), 0)
    assert_eq("x".index_of("y"), -1)
  end)

  it("counts non-overlapping occurrences", fun ()
    assert_eq("aaaa".count("aa"), 2)
    assert_eq("banana".count("a"), 3)
    assert_eq("abc".count("z"), 0)
  end)
end)

describe("Splitting and slicing", fun ()
  it("splits on a separator, keeping empty parts", fun ()
    assert_eq("a,b,,c".split(","), ["a", "b", "", "c"])
    assert_eq("room:lobby".split(":")[1], "lobby")
  end)

  it("splits into characters with an empty separator", fun ()
    assert_eq("abc".split(""), ["a", "b", "c"])
    assert_eq("hé".split(""), ["h", "é"])
  end)

  it("slices characters [start, end)", fun ()
    assert_eq("hello".slice(1, 3), "el")
    assert_eq("héllo".slice(1, 3), "él")
  end)

  it("counts negative slice bounds from the end and clamps", fun ()
    assert_eq("abc".slice(-2, 3), "bc")
    assert_eq("abc".slice(1, 10), "bc")
    assert_eq("abc".slice(-10, 1), "a")
  end)

  it("gives an empty string when start is after end", fun ()
    assert_eq("abc".slice(2, 1), "")
  end)
end)

describe("Building strings", fun ()
  it("replaces all occurrences", fun ()
    assert_eq("a-b-c".replace("-", "+"), "a+b+c")
    assert_eq("abc".replace("z", "y"), "abc")
  end)

  it("repeats and concatenates", fun ()
    assert_eq("ab".repeat(3), "ababab")
    assert_eq("ab".repeat(0), "")
    assert_eq("a".concat("b"), "ab")
    assert_eq("a".concat(1), "a1")
    assert_raises(ValueErr, fun () "ab".repeat(-1) end)
  end)

  it("returns new strings and leaves the receiver alone", fun ()
    let s = "abc"
    s.upper()
    s.replace("a", "z")
    assert_eq(s, "abc")
  end)
end)

describe("Conversions", fun ()
  it("parses Ints, trimming and accepting _ and prefixes", fun ()
    assert_eq(" 42 ".to_int(), 42)
    assert_eq("-7".to_int(), -7)
    assert_eq("1_000".to_int(), 1000)
    assert_eq("0x1F".to_int(), 31)
    assert_eq("0b101".to_int(), 5)
    assert_eq("0o17".to_int(), 15)
  end)

  it("raises ValueErr for a bad Int", fun ()
    assert_raises(ValueErr, fun () "x".to_int() end)
    assert_raises(ValueErr, fun () "1.5".to_int() end)
    assert_raises(ValueErr, fun () "".to_int() end)
  end)

  it("parses Floats", fun ()
    assert_eq(" 2.5 ".to_float(), 2.5)
    assert_eq("1_000.5".to_float(), 1000.5)
    assert_type("3".to_float(), Float)
    assert_raises(ValueErr, fun () "x".to_float() end)
  end)

  it("converts code points with ord, chr and Str.ord", fun ()
    assert_eq(ord("a"), 97)
    assert_eq(ord("é"), 233)
    assert_eq(ord("abc"), 97)
    assert_eq(chr(233), "é")
    assert_eq(chr(128276), "🔔")
    assert_eq("abc".ord(), 97)
  end)

  it("rejects ord of an empty string and chr of an invalid code point", fun ()
    assert_raises(ValueErr, fun () ord("") end)
    assert_raises(ValueErr, fun () chr(-1) end)
  end)
end)

describe("Character classes", fun ()
  it("answers the is* predicates", fun ()
    assert("123".isdigit())
    assert(not "12a".isdigit())
    assert("abc".isalpha())
    assert("a1".isalnum())
    assert(" \t".isspace())
    assert("ABC".isupper())
    assert("abc".islower())
    assert("Hello World".istitle())
    assert("abc".isascii())
    assert(not "é".isascii())
  end)

  it("answers false for the empty string", fun ()
    assert(not "".isdigit())
    assert(not "".isalpha())
    assert(not "".isspace())
    assert(not "".isupper())
  end)
end)

describe("String form and _rep", fun ()
  it("is the string itself, and _rep adds double quotes without escaping", fun ()
    assert_eq("abc".str(), "abc")
    assert_eq("abc"._rep(), "\"abc\"")
    assert_eq("a\"b"._rep(), "\"a\"b\"")
    assert_eq("".cls(), "Str")
  end)
end)
