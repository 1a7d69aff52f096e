"""Literals (spec 1.3-1.5): numbers, the string forms, f-strings, `#{}`, bytes."""

from __future__ import annotations

import pytest

from quest_rt.syntax import ast

from .support import expr, sx, syntax_error

NUMBERS = [
    ("42", 42),
    ("0", 0),
    ("007", 7),
    ("1_000_000", 1_000_000),
    ("0xFF", 255),
    ("0XfF", 255),
    ("0x_ff_ff", 0xFFFF),
    ("0b1010", 10),
    ("0B1_0", 2),
    ("0o755", 0o755),
    ("0O17", 15),
    ("9223372036854775807", 2**63 - 1),
    ("0x7FFFFFFFFFFFFFFF", 2**63 - 1),
    ("3.14", 3.14),
    ("1_000.5", 1000.5),
    ("1e10", 1e10),
    ("2.5E-3", 2.5e-3),
    ("1e+5", 1e5),
    ("0e0", 0.0),
    # digit separators in exponents (issue 10)
    ("1e1_0", 1e10),
    ("1e1_00", 1e100),
    ("1_000e1_0", 1e13),
    ("2.5E-1_0", 2.5e-10),
]

BIGINTS = [
    ("0n", 0),
    ("123n", 123),
    ("1_000n", 1000),
    ("0xFFn", 255),
    ("0b1_0n", 2),
    ("0o17n", 15),
    ("123456789012345678901234567890n", 123456789012345678901234567890),
    ("0xFFFFFFFFFFFFFFFFFFn", 0xFFFFFFFFFFFFFFFFFF),
]


@pytest.mark.parametrize("source, value", BIGINTS, ids=[s for s, _ in BIGINTS])
def test_bigint_literals(source, value):
    node = expr(source)
    assert type(node) is ast.BigInt
    assert node.value == value


@pytest.mark.parametrize("source, value", NUMBERS, ids=[s for s, _ in NUMBERS])
def test_numbers(source, value):
    node = expr(source)
    assert type(node) is (ast.Float if isinstance(value, float) else ast.Int)
    assert node.value == value


def test_dots_after_numbers():
    assert sx(expr("5.str()")) == (".str", 5)
    assert sx(expr("1..2")) == ("..", 1, 2)
    assert sx(expr("1.5.floor()")) == (".floor", 1.5)
    assert sx(expr("-5")) == ("u-", 5)  # no negative literals


BAD_NUMBERS = [
    ("12abc", 3, "`12abc` is not a valid number: digits cannot run into letters"),
    ("0x1G", 4, "invalid digit `G` in hexadecimal number `0x1G`"),
    ("0b102", 5, "invalid digit `2` in binary number `0b102`"),
    ("0o8", 3, "invalid digit `8` in octal number `0o8`"),
    ("0x", 1, "`0x` has no digits"),
    ("1.5e", 1, "`1.5e` is not a valid number"),
    ("1.5n", 4, "`1.5n` is not a valid number"),
    ("0xFGn", 4, "invalid digit `G` in hexadecimal number `0xFGn`"),
    ("9223372036854775808", 1, "does not fit in 64 bits (the largest Int is 9223372036854775807)"),
    ("0x10000000000000000", 1, "does not fit in 64 bits"),
    ("1e999", 1, "float literal `1e999` is too large"),
]


@pytest.mark.parametrize("source, offset, message", BAD_NUMBERS, ids=[s for s, *_ in BAD_NUMBERS])
def test_bad_numbers(source, offset, message):
    err = syntax_error("x = " + source)
    assert message in err.message
    assert (err.line, err.col) == (1, 4 + offset)


STRINGS = [
    ('"plain"', "plain", False),
    ("'single'", "single", False),
    (r'"a\nb\tc\rd"', "a\nb\tc\rd", False),
    (r'"q\"q\'q\\q"', "q\"q'q\\q", False),
    (r"'it\'s'", "it's", False),
    (r'"\d+\.\w"', r"\d+\.\w", False),  # other backslash pairs stay (regexes rely on it)
    (r'"\\d"', r"\d", False),
    ('"Hello {name}"', "Hello {name}", False),  # plain strings never interpolate
    ("'#{x}'", "#{x}", False),  # `#{}` only in double-quoted strings
    ('"""raw \\n "quoted" \n line"""', 'raw \\n "quoted" \n line', True),
    ("'''a''' ", "a", True),
    ('""""""', "", True),
    ('"""#{x}"""', "#{x}", True),
    ('"# not a comment"', "# not a comment", False),
    ('"héllo ✓"', "héllo ✓", False),
]


@pytest.mark.parametrize("source, value, triple", STRINGS, ids=[s for s, *_ in STRINGS])
def test_strings(source, value, triple):
    node = expr(source)
    assert isinstance(node, ast.Str)
    assert (node.value, node.triple) == (value, triple)


def test_triple_quoted_ends_at_first_closing_triple():
    assert sx(expr('"""a""" .. """b"""')) == ("..", ("str", "a"), ("str", "b"))


def test_fstrings():
    node = expr(r'f"Hi {name}, {pi:.2} {n:05}\n"')
    assert isinstance(node, ast.FStr)
    text = [p if isinstance(p, str) else (sx(p.expr), p.spec) for p in node.parts]
    assert text == ["Hi ", ("name", None), ", ", ("pi", ".2"), " ", ("n", "05"), "\n"]
    assert expr("f'{x:#x}'").parts[0].spec == "#x"
    assert expr('f"plain } brace"').parts == ("plain } brace",)
    assert expr('f""').parts == ()


FSTRING_EXPRESSIONS = [
    # [EXT] any expression in a hole (issue 10); the spec follows the first top-level `:`
    ('f"{a.b}"', (".", "a", "b"), None),
    ('f"{1}"', 1, None),
    ('f"{n + 1:05}"', ("+", "n", 1), "05"),
    ("f\"{d['k']}\"", ("[]", "d", ("str", "k")), None),
    ('f"{c ? a : b}"', ("?", "c", "a", "b"), None),
    ('f"{c ? a : b:>3}"', ("?", "c", "a", "b"), ">3"),
    ('f"{x ?: y}"', ("?:", "x", "y"), None),
    ('f"{f(k: 1)}"', ("call", "f", ("k:", 1)), None),
    ("f\"{ {'a': 1}.len() }\"", (".len", ("dict", ("a", 1))), None),
]


@pytest.mark.parametrize("source, tree, spec", FSTRING_EXPRESSIONS,
                         ids=[s for s, _, _ in FSTRING_EXPRESSIONS])
def test_fstring_holes_hold_expressions(source, tree, spec):
    (part,) = expr(source).parts
    assert sx(part.expr) == tree
    assert part.spec == spec


BAD_FSTRINGS = [('f"{}"', "empty f-string hole"), ('f"{x"', "never closed"),
                ('f"{end}"', "`end`"), ('f"{1 +}"', "expected an expression")]


@pytest.mark.parametrize("source, words", BAD_FSTRINGS, ids=[s for s, _ in BAD_FSTRINGS])
def test_bad_fstring_holes(source, words):
    err = syntax_error("x = " + source)
    assert words in err.message
    assert err.col >= 4 + source.index("{") + 1


def test_interpolation():
    node = expr('"ws://localhost:#{server.port}/ws"')
    assert sx(node) == ("interp", "ws://localhost:", (".", "server", "port"), "/ws")
    assert sx(expr(r'"\t#{a + 1}#{b}"')) == ("interp", "\t", ("+", "a", 1), "b")
    assert sx(expr('"#{d["}"]} and #{ {a: 1}.len() }"')) == (
        "interp",
        ("[]", "d", ("str", "}")),
        " and ",
        (".len", ("dict", ("a", 1))),
    )
    # an escaped `\#{` is not a hole; the backslash pair stays as written
    assert sx(expr(r'"\#{x}"')) == ("str", r"\#{x}")


BAD_INTERPOLATIONS = [
    ('"a #{b"', 3, "`#{` in this string is never closed with `}`"),
    ('"a #{}"', 3, "empty `#{}` in string: put an expression inside"),
    ('"a #{ b + }"', 9, "unexpected end of the expression; expected an expression"),
    ('"a #{let x = 1}"', 5, "`let` starts a statement; only an expression is allowed here"),
    ('"#{x = 1}"', 5, "assignment is a statement; only an expression is allowed here"),
]


@pytest.mark.parametrize(
    "source, offset, message", BAD_INTERPOLATIONS, ids=[s for s, *_ in BAD_INTERPOLATIONS]
)
def test_bad_interpolations(source, offset, message):
    err = syntax_error("x = " + source)
    assert err.message == message
    assert (err.line, err.col) == (1, 5 + offset)


BYTES = [
    ('b"abc"', b"abc"),
    ("b'it\\'s'", b"it's"),
    (r'b"\x00\xff\n\r\t\0\\\""', b'\x00\xff\n\r\t\x00\\"'),
    ('b""', b""),
]


@pytest.mark.parametrize("source, value", BYTES, ids=[s for s, _ in BYTES])
def test_bytes(source, value):
    node = expr(source)
    assert isinstance(node, ast.Bytes) and node.value == value


BAD_BYTES = [
    (r'b"\q"', 2, "invalid escape `\\q` in a bytes literal"),
    (r'b"\x4"', 2, "`\\x` in a bytes literal needs two hex digits"),
    ('b"é"', 2, "bytes literals hold ASCII only"),
]


@pytest.mark.parametrize("source, offset, message", BAD_BYTES, ids=[s for s, *_ in BAD_BYTES])
def test_bad_bytes(source, offset, message):
    err = syntax_error("x = " + source)
    assert message in err.message
    assert err.col == 5 + offset


UNCLOSED = [
    ('x = "abc', 5, 'unclosed string: no closing `"` on this line'),
    ("x = 'abc", 5, "unclosed string: no closing `'` on this line"),
    ('x = "abc\ndef"', 5, 'unclosed string: no closing `"` on this line'),
    ('x = """abc', 5, 'unclosed triple-quoted string: no closing `"""`'),
    ("x = '''abc\n", 5, "unclosed triple-quoted string: no closing `'''`"),
    ('x = f"abc', 6, 'unclosed string: no closing `"` on this line'),
]


@pytest.mark.parametrize("source, col, message", UNCLOSED, ids=[s for s, *_ in UNCLOSED])
def test_unclosed_strings(source, col, message):
    err = syntax_error(source)
    assert err.message == message
    assert (err.line, err.col) == (1, col)


def test_literal_only_places_reject_interpolation():
    assert "not allowed in a dict key" in syntax_error('{"#{k}": 1}').message
    assert "not allowed in a module path" in syntax_error('use "#{p}"').message
