"""Expressions: the precedence table of spec 3.1, postfix forms, calls, literals' shapes."""

from __future__ import annotations

import pytest

from quest_rt.syntax import ast

from .support import expr, stmt, sx, syntax_error

# Every row of the table (spec 3.1), each against its neighbours; the "surprises" included.
PRECEDENCE = [
    # level 1-2: ternary (right-assoc) is looser than elvis
    ("a ? b : c ? d : e", ("?", "a", "b", ("?", "c", "d", "e"))),
    ("a ?: b ? c : d", ("?", ("?:", "a", "b"), "c", "d")),
    ("x > 0 ? 'pos' : 'neg'", ("?", (">", "x", 0), ("str", "pos"), ("str", "neg"))),
    # level 2: elvis, left-assoc, looser than `or`
    ("a ?: b ?: c", ("?:", ("?:", "a", "b"), "c")),
    ("a ?: b or c", ("?:", "a", ("or", "b", "c"))),
    # level 3-4: `or` looser than `and`
    ("a or b and c", ("or", "a", ("and", "b", "c"))),
    ("a and b or c", ("or", ("and", "a", "b"), "c")),
    ("a or b or c", ("or", ("or", "a", "b"), "c")),
    # level 5: `not` is looser than comparison and bitwise, tighter than `and`
    ("not a == b", ("not", ("==", "a", "b"))),
    ("not a and b", ("and", ("not", "a"), "b")),
    ("not not a", ("not", ("not", "a"))),
    ("not a | b", ("not", ("|", "a", "b"))),
    # levels 6-9: | ^ & << >>, all looser than comparison
    ("a | b ^ c", ("|", "a", ("^", "b", "c"))),
    ("a ^ b & c", ("^", "a", ("&", "b", "c"))),
    ("a & b << c", ("&", "a", ("<<", "b", "c"))),
    ("a << b >> c", (">>", ("<<", "a", "b"), "c")),
    ("x & 1 == 0", ("&", "x", ("==", 1, 0))),
    ("a << b < c", ("<<", "a", ("<", "b", "c"))),
    # level 10: comparisons chain pairwise, left to right
    ("a < b < c", ("<", ("<", "a", "b"), "c")),
    ("a == b != c", ("!=", ("==", "a", "b"), "c")),
    ("a <= b >= c", (">=", ("<=", "a", "b"), "c")),
    ("a > b", (">", "a", "b")),
    # level 11: `..` between `==` and `+`
    ('"a" .. "b" == "ab"', ("==", ("..", ("str", "a"), ("str", "b")), ("str", "ab"))),
    ('"n=" .. 1 + 2', ("..", ("str", "n="), ("+", 1, 2))),
    ("a .. b .. c", ("..", ("..", "a", "b"), "c")),
    # level 12-13
    ("a + b * c", ("+", "a", ("*", "b", "c"))),
    ("a - b - c", ("-", ("-", "a", "b"), "c")),
    ("a * b / c % d", ("%", ("/", ("*", "a", "b"), "c"), "d")),
    # level 14: unary binds tighter than `*`, looser than postfix
    ("-a * b", ("*", ("u-", "a"), "b")),
    ("-x.abs()", ("u-", (".abs", "x"))),
    ("~a + +b", ("+", ("u~", "a"), ("u+", "b"))),
    ("- -a", ("u-", ("u-", "a"))),
    ("-a[0]", ("u-", ("[]", "a", 0))),
    # level 15: postfix, left to right
    ("a.b.c", (".", (".", "a", "b"), "c")),
    ("a.b(1).c[2](3)", ("call", ("[]", (".", (".b", "a", 1), "c"), 2), 3)),
    ("f()()", ("call", ("call", "f"))),
    ("x[1, 2]", ("[]", "x", 1, 2)),
    # level 16: parentheses
    ("(a + b) * c", ("*", ("+", "a", "b"), "c")),
    ("(a or b) and c", ("and", ("or", "a", "b"), "c")),
    ("(fun (x) x end)(1)", ("call", ("fun", ("x",), "x"), 1)),
]


@pytest.mark.parametrize("source, shape", PRECEDENCE, ids=[s for s, _ in PRECEDENCE])
def test_precedence(source, shape):
    assert sx(expr(source)) == shape


def test_lambda_is_the_loosest_level():
    # A lambda is a whole expression: it cannot be an operand without parentheses.
    assert sx(expr("fun (a, b) a + b end")) == ("fun", ("a", "b"), ("+", "a", "b"))
    assert "unexpected `fun`" in syntax_error("x = 1 + fun () 2 end").message
    assert sx(expr("c ? fun () 1 end : fun () 2 end"))[0] == "?"


def test_keywords_after_dot_are_member_names():
    assert sx(expr("range.end()")) == (".end", "range")
    assert sx(expr("e.type()")) == (".type", "e")
    assert sx(expr("x.in.if.return")) == (".", (".", (".", "x", "in"), "if"), "return")


def test_predicate_names_end_in_question_mark():
    assert sx(expr("valid?(x)")) == ("call", "valid?", "x")
    assert sx(expr("user.admin?()")) == (".admin?", "user")
    # `?` not glued to `(` is the ternary.
    assert sx(expr("x ?(y) : z")) == ("?", "x", "y", "z")
    assert sx(expr("a ?: b")) == ("?:", "a", "b")


CALLS = [
    ("f()", ("call", "f")),
    ("f(1, 2)", ("call", "f", 1, 2)),
    ("f(1,)", ("call", "f", 1)),
    ("f(*xs)", ("call", "f", ("*", "xs"))),
    ("f(**opts)", ("call", "f", ("**", "opts"))),
    ("f(a, *b, k: 1, **d)", ("call", "f", "a", ("*", "b"), ("k:", 1), ("**", "d"))),
    ("f(**d, port: 8080)", ("call", "f", ("**", "d"), ("port:", 8080))),
    # positional after named parses: it is a run-time ArgErr (spec 3.11)
    ("f(a: 1, 2)", ("call", "f", ("a:", 1), 2)),
    ("f(k: c ? 1 : 2)", ("call", "f", ("k:", ("?", "c", 1, 2)))),
    ("o.m(x: Str)", (".m", "o", ("x:", ("type", "Str")))),
    ("Array.new(3, 0)", (".new", ("type", "Array"), 3, 0)),
]


@pytest.mark.parametrize("source, shape", CALLS, ids=[s for s, _ in CALLS])
def test_calls(source, shape):
    assert sx(expr(source)) == shape


LITERAL_SHAPES = [
    ("[]", ("array",)),
    ("[1, 2,]", ("array", 1, 2)),
    ("[[1], []]", ("array", ("array", 1), ("array",))),
    ("[1, 2; 3, 4]", ("matrix", (1, 2), (3, 4))),
    ("[1; 2; 3]", ("matrix", (1,), (2,), (3,))),
    ("{}", ("dict",)),
    ('{"name": "Ada", age: 36,}', ("dict", ("name", ("str", "Ada")), ("age", 36))),
    ("{'a': 1}", ("dict", ("a", 1))),
    ("{a: {b: [1]}}", ("dict", ("a", ("dict", ("b", ("array", 1)))))),
    ("true", True),
    ("false", False),
    ("nil", None),
    ("Int", ("type", "Int")),
    ("Obj", ("type", "Obj")),
    ("Decimal", "Decimal"),
    ("self", "self"),
]


@pytest.mark.parametrize("source, shape", LITERAL_SHAPES, ids=[s for s, _ in LITERAL_SHAPES])
def test_literal_shapes(source, shape):
    assert sx(expr(source)) == shape


def test_every_type_word_is_a_type_name():
    for word in "Int Float Str Bool Array Dict Bytes Uuid Num Obj".split():
        node = expr(word)
        assert isinstance(node, ast.TypeName) and node.name == word


INVALID = [
    ("f(1 2)", "unexpected number `2`; expected `)` or `,`"),
    ("[1, 2", "`[` is never closed (expected `]`)"),
    ("{1: 2}", "unexpected number `1`; expected `}`, a string or a name"),
    ("{a + 1: 2}", "unexpected `+`; expected `:`"),
    ("{type: 1}", 'cannot be used as a bare dict key (quote it: `"type"`)'),
    ("f(step: 1)", "`step` is a reserved word"),
    ("x[]", "unexpected `]`; expected an expression"),
    ("a ? b", "unexpected end of input; expected `:`"),
    ("f(,)", "unexpected `,`; expected `)` or an expression"),
    ("x = 1 +", "unexpected end of input; expected an expression"),
    ("a.5", "unexpected number `5`; expected a name"),
    ("a ** b", "unexpected `**`; expected end of input or a statement"),
]


@pytest.mark.parametrize("source, message", INVALID, ids=[s for s, _ in INVALID])
def test_invalid_expressions(source, message):
    assert message in syntax_error(source).message


def test_expression_statement_shape():
    node = stmt("\nfoo(1)")
    assert isinstance(node, ast.ExprStmt) and sx(node) == ("call", "foo", 1)
