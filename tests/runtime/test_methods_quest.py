"""The method tables through real Quest code: ``quest -e`` in a subprocess, checking
what the program prints. Expressions run in one batch program (one subprocess for the
whole table); a few behaviours that need their own program follow."""

from __future__ import annotations

import subprocess
import sys

import pytest

SEPARATOR = "·end·"

# (Quest expression, what puts prints for it)
VALUES = [
    # Int / Float
    ("3.plus(4)", "7"), ("7.div(2)", "3"), ("-7.mod(3)", "-1"), ("2.pow(10)", "1024"),
    ("2.pow(-1)", "0.5"), ("-5.abs()", "-5"), ("(-5).abs()", "5"), ("3.max(9)", "9"),
    ("2.5.round()", "3"), ("(-2.5).round()", "-3"), ("2.5.round().cls()", "Int"),
    ("2.7.floor()", "2"), ("2.7.trunc()", "2"), ("2.7.trunc().cls()", "Float"),
    ("3.to_f64().cls()", "Float"), ("3.0.to_string()", "3"), ("1.5.is_finite()", "true"),
    ("1.eq(1.0)", "true"), ("5.is(Int)", "true"), ("5.cls()", "Int"),
    # Str
    ('"héllo".len()', "6"), ('"héllo".slice(1, 3)', "él"), ('"hello".slice(-3, -1)', "ll"),
    ('"a,b,c".split(",")', "[a, b, c]"), ('"abc".split("")', "[a, b, c]"),
    ('"  hi  ".trim() .. "|"', "hi|"), ('"hello world".title()', "Hello World"),
    ('"hELLO".capitalize()', "Hello"), ('"banana".count("an")', "2"),
    ('"banana".index_of("n")', "2"), ('"x".repeat(3)', "xxx"), ('"n=".concat(5)', "n=5"),
    ('"1_000".to_int() + 1', "1001"), ('"0xff".to_int()', "255"), ('" 2.5 ".to_float()', "2.5"),
    ('"{} is {:>5}|".fmt("x", 42)', "x is    42|"), ('"{:.2}".fmt(3.14159)', "3.14"),
    ('"abc".startswith("ab") and "abc".ends_with("bc")', "true"), ('"".isdigit()', "false"),
    ('"hi".encode("b64")', "aGk="), ('"aGk=".decode("b64")', "hi"), ('"hi".encode("hex")', "6869"),
    ('"abc".hash("md5")', "900150983cd24fb0d6963f7d28e17f72"),
    ('"a\\tb".expandtabs(4)', "a   b"), ('"hé".bytes()', 'b"h\\xc3\\xa9"'),
    # Bytes
    ('"hé".bytes().len()', "3"), ('"abc".bytes().get(1)', "98"), ('"hé".bytes().decode()', "hé"),
    ('"AB".bytes().to_array()', "[65, 66]"), ('"AB".bytes().hex()', "4142"),
    # Array
    ("[3, 1, 2].sorted()", "[1, 2, 3]"), ('[2, "b", nil, 1, true].sorted()', "[nil, true, 1, 2, b]"),
    ('[[2], "b", [1, 0], 1.5].sorted()', "[1.5, b, [1, 0], [2]]"),
    ('{"a": 1, "b": 2}.items()', "[[a, 1], [b, 2]]"),
    # spec 3.4 [EXT]: a transitive order, Floats rank with the other numbers
    ('[2, "b", nil, 1.5, true].sorted()', "[nil, true, 1.5, 2, b]"),
    ("[1, 2, 3].map(fun (x) x * 2 end)", "[2, 4, 6]"),
    ("[1, 2, 3, 4].filter(fun (x) x % 2 == 0 end)", "[2, 4]"),
    ("[1, 2, 3].reduce(fun (acc, x) acc + x end, 10)", "16"),
    ("[1, 2, 3].any(fun (x) x > 2 end)", "true"), ("[1, 2, 3].all(fun (x) x > 2 end)", "false"),
    ("[1, 5, 7].find(fun (x) x > 3 end)", "5"), ("[1, 5].find_index(fun (x) x > 9 end)", "-1"),
    ('[1, "a", nil].join("-")', "1-a-nil"), ("[1, 2].contains(2.0)", "true"),
    ("[1, 2, 1].count(1)", "2"), ("[1, 2].index_of(3)", "-1"), ("[].empty()", "true"),
    ("[1, 2].push(3).push(4)", "[1, 2, 3, 4]"), ("[1, 2, 3].reverse()", "[3, 2, 1]"),
    ("[1, 2, 3].slice(1, 10)", "[2, 3]"), ("[1].concat([2])", "[1, 2]"),
    ("[1, 2].first() + [1, 2].last()", "3"), ("[5, 6].get(1)", "6"),
    ("[1, 3].insert(1, 2)", "[1, 2, 3]"), ("[1, 2].remove(2)", "true"),
    ("[1, 2, 3].remove_at(0)", "1"), ("[1, 2].clear()", "[]"), ("[1, 2].pop()", "2"),
    ("[1, 2].shift()", "1"), ("[2].unshift(1)", "[1, 2]"), ("[1, 2].len()", "2"),
    # Dict
    ('{"b": 1, "a": 2}.keys()', "[b, a]"), ('{"a": 1}.values()', "[1]"),
    ('{"1": "one"}.get(1)', "one"), ('{"a": 1}.get("z", 0)', "0"), ('{"a": 1}.get("z")', "nil"),
    ('{"a": 1}.set("b", 2)', "{a: 1, b: 2}"), ('{"a": 1, "b": 2}.remove("a")', "{b: 2}"),
    ('{"a": 1}.contains("a")', "true"), ("{}.empty()", "true"), ('{"a": [1]}.clone()', "{a: [1]}"),
    ('{"a": 1}.len()', "1"),
    # named arguments carry the documented parameter names
    ('{"a": 1}.get("z", default: 0)', "0"), ('{"a": 1}.set(v: 2, k: "b")', "{a: 1, b: 2}"),
    ("[1, 2].reduce(fun (a, x) a + x end, init: 10)", "13"), ('"a\tb".expandtabs(n: 2)', "a b"),
    # Bool, functions, types
    ("true.eq(true)", "true"), ("false.neq(true)", "true"), ("true.cls()", "Bool"),
    ("ValueErr.str()", "ValueErr"), ("ValueErr._name()", "ValueErr"),
    ('ValueErr.new("m").str()', "ValueErr: m"), ("puts._name()", "puts"),
    ("(fun (x) x end)._doc()", "Anonymous function"),
]


# (Quest statement, the error it raises: "Type: message")
ERRORS = [
    ("[].pop()", "RuntimeErr: Cannot pop from an empty array"),
    ("[].first()", "RuntimeErr: Cannot get the first element of an empty array"),
    ("[1].get(5)", "IndexErr: Index 5 out of range for Array of length 1"),
    ("[1].get(-1)", "IndexErr: Index -1 out of range for Array of length 1"),
    ('[1].insert(3, "x")', "IndexErr: Insert index 3 out of range for Array of length 1"),
    ("[1].remove_at(1)", "IndexErr: Index 1 out of range for Array of length 1"),
    ("[1].join(1)", "TypeErr: Array.join expects a Str separator, got Int"),
    ("[1].map(5)", "TypeErr: Array.map expects a function, got Int"),
    ('"x".to_int()', "ValueErr: Cannot convert 'x' to Int"),
    ('"1.5x".to_float()', "ValueErr: Cannot convert '1.5x' to Float"),
    ('"x".repeat(-1)', "ValueErr: Str.repeat count must not be negative, got -1"),
    ('"{} {}".fmt(1)', "ArgErr: fmt: not enough arguments for placeholder {}"),
    ("2.pow(64)", "RuntimeErr: Integer overflow in pow"),
    ("9223372036854775807.plus(1)", "RuntimeErr: Integer overflow in addition"),
    ("1.div(0)", "RuntimeErr: Division by zero"),
    ('1.plus("a")', "TypeErr: Int.plus expects a number, got Str"),
    ('"abc".bytes().get(3)', "IndexErr: Index 3 out of range for Bytes of length 3"),
    ('{"a": 1}.each(fun (k) k end)',
     "ArgErr: Dict.each expects a function of two parameters (key, value), got one of 1"),
    # wrong argument counts: CPython refuses the call, dispatch makes it an ArgErr
    ("[1].push()", "ArgErr: Array.push(x) expects 1 arguments, got 0"),
    ("[1].push(1, 2)", "ArgErr: Array.push(x) expects 1 arguments, got 2"),
    ('"abc".upper(1)', "ArgErr: Str.upper() expects 0 arguments, got 1"),
    ('"abc".slice()', "ArgErr: Str.slice(start, end) expects 1 to 2 arguments, got 0"),
    ('{"a": 1}.get(nope: 1)', "ArgErr: Dict.get(k, default = nil) has no parameter named 'nope'"),
    # unknown methods and nil
    ("[1].append(2)", "AttrErr: Array has no method 'append'"),
    ('"a".join(["b"])', "AttrErr: Str has no method 'join'"),
    ("nil.str()", "AttrErr: Cannot call method 'str' on nil"),
    ("nil.len()", "AttrErr: Cannot call method 'len' on nil"),
    ("5._name()", "AttrErr: Int has no method '_name'"),
]


def quest(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "quest_rt", "-e", code],
                          capture_output=True, text=True, timeout=60)


def _batch_program() -> str:
    lines = []
    for expr, _ in VALUES:
        lines.append(f"puts({expr})")
        lines.append(f'puts("{SEPARATOR}")')
    for stmt, _ in ERRORS:
        lines += ["try", f"  {stmt}", '  puts("no error")', "catch e",
                  '  puts(e.type(), ": ", e.message())', "end", f'puts("{SEPARATOR}")']
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def batch() -> list[str]:
    result = quest(_batch_program())
    assert result.returncode == 0, result.stderr
    pieces = result.stdout.split(SEPARATOR + "\n")
    assert pieces[-1] == ""
    return [p.removesuffix("\n") for p in pieces[:-1]]


@pytest.mark.parametrize("index, expr, want", [(i, e, w) for i, (e, w) in enumerate(VALUES)],
                         ids=[e for e, _ in VALUES])
def test_value(batch, index, expr, want):
    assert batch[index] == want


@pytest.mark.parametrize("index, stmt, want",
                         [(len(VALUES) + i, s, w) for i, (s, w) in enumerate(ERRORS)],
                         ids=[s for s, _ in ERRORS])
def test_error(batch, index, stmt, want):
    assert batch[index] == want


# ---------------------------------------------------------------- whole programs


def run_ok(code: str) -> str:
    result = quest(code)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_each_passes_index_to_a_two_parameter_function():
    out = run_ok('''
let letters = ["a", "b"]
letters.each(fun (x, i) puts(i, "=", x) end)
letters.each(fun (x) puts(x) end)
fun show(x, i) puts(x, "@", i) end
letters.each(show)
puts(letters.each(fun (x) x end))
''')
    assert out == "0=a\n1=b\na\nb\na@0\nb@1\nnil\n"


def test_dict_each_and_closures_over_an_accumulator():
    out = run_ok('''
let total = 0
{"a": 1, "b": 2}.each(fun (k, v) total = total + v end)
puts(total)
''')
    assert out == "3\n"


def test_callable_structs_as_callbacks():
    out = run_ok('''
type Doubler
  fun _call(x) x * 2 end
end
type Collector
  pub seen = []
  fun _call(x, i) self.seen.push(x .. i) end
end
puts([1, 2].map(Doubler.new()))
let collect = Collector.new()
let letters = ["a", "b"]
letters.each(collect)
puts(collect.seen)
''')
    assert out == "[2, 4]\n[a0, b1]\n"


def test_set_and_remove_leave_the_dict_alone():
    out = run_ok('''
let d = {"a": 1}
let e = d.set("b", 2).remove("a")
puts(d, " ", e)
d["c"] = 3
puts(d)
''')
    assert out == "{a: 1} {b: 2}\n{a: 1, c: 3}\n"


def test_sort_mutates_and_sorted_copies():
    out = run_ok('''
let a = [3, 1, 2]
let b = a.sorted()
puts(a, " ", b)
a.sort()
puts(a)
''')
    assert out == "[3, 1, 2] [1, 2, 3]\n[1, 2, 3]\n"


def test_docs_of_functions_types_and_traits():
    out = run_ok('''
fun greet(name)
  "Say hello"
  "hi " .. name
end
type Point
  pub x: Int
  y
end
trait Shape
  fun area() -> Num
end
puts(greet._doc())
puts(greet._name())
puts(Point._doc())
puts(Point.new(x: 1, y: 2)._doc() == Point._doc())
puts(Shape._doc())
puts(Shape.str())
''')
    assert out == ("Say hello\ngreet\nType definition: Point\nFields:\n  Int: x\n  y\ntrue\n"
                   "Trait definition: Shape\nRequired methods:\n  fun area() -> Num\n"
                   "trait Shape\n")


def test_an_uncaught_method_error_prints_its_type_and_exits_1():
    result = quest('puts("start")\nlet empty = []\nempty.pop()\n')
    assert result.returncode == 1
    assert result.stdout == "start\n"
    assert result.stderr.rstrip().endswith("RuntimeErr: Cannot pop from an empty array")
