"""Syntax error reports: exact text for the common slips, caret placement, error classes."""

from __future__ import annotations

import pickle
import textwrap

import pytest

from quest_rt.syntax import diagnostics
from quest_rt.syntax.errors import QuestCompileError, QuestSyntaxError
from quest_rt.syntax.parser import parse, parse_expression, quest_parser

from .support import syntax_error


def report(source: str, path: str = "chat.q") -> str:
    with pytest.raises(QuestSyntaxError) as info:
        parse(source, path)
    return info.value.format()


def lines(text: str) -> str:
    return textwrap.dedent(text).strip("\n")


def test_missing_end_names_the_block_and_where_it_opened():
    source = "\n" * 8 + lines(
        """
        fun handle(msg)
          if msg
            reply(msg)
          end

        fun broadcast(msg)
          send(msg)
        end
        """
    )
    assert report(source) == lines(
        """
        chat.q:14:1: syntax error: `fun handle` (opened at line 9) has no matching `end`
           14 | fun broadcast(msg)
              | ^
        """
    )


# (source, full report) for the common slips; the caret column is part of the contract.
SLIPS = [
    (
        "if x\n  y()\n",
        """
        chat.q:2:6: syntax error: `if` (opened at line 1) has no matching `end`
            2 |   y()
              |      ^
        """,
    ),
    (
        "let h = fun (socket)\n  go(socket)\nlet z = 1\n",
        """
        chat.q:3:1: syntax error: `fun (socket)` (opened at line 1) has no matching `end`
            3 | let z = 1
              | ^
        """,
    ),
    (
        "if a\n  x()\nelse if b\n  y()\nend\n",
        """
        chat.q:5:4: syntax error: `if` (opened at line 1) has no matching `end`; note that `else if` (line 3) opens a new `if` that needs its own `end`: did you mean `elif`?
            5 | end
              |    ^
        """,
    ),
    (
        "if count = 3\n  go()\nend\n",
        """
        chat.q:1:10: syntax error: `=` assigns a value; to compare in a condition use `==`
            1 | if count = 3
              |          ^
        """,
    ),
    (
        "while s.len() = 0 end",
        """
        chat.q:1:15: syntax error: `=` assigns a value; to compare in a condition use `==`
            1 | while s.len() = 0 end
              |               ^
        """,
    ),
    (
        'puts("hello)\n',
        """
        chat.q:1:6: syntax error: unclosed string: no closing `"` on this line
            1 | puts("hello)
              |      ^
        """,
    ),
    (
        "foo(1))\n",
        """
        chat.q:1:7: syntax error: unmatched `)`: there is no open bracket for it to close
            1 | foo(1))
              |       ^
        """,
    ),
    (
        "let total\ntotal = 1\n",
        """
        chat.q:1:5: syntax error: `let total` needs a value: write `let total = ...`
            1 | let total
              |     ^
        """,
    ),
    (
        "fun f(step)\nend\n",
        """
        chat.q:1:7: syntax error: `step` is a reserved word and cannot be used as a parameter name
            1 | fun f(step)
              |       ^
        """,
    ),
    (
        "x = [1, 2\ny = 3\n",
        """
        chat.q:2:1: syntax error: unexpected name `y`; expected `]`, `,` or `;` (the `[` opened at line 1 is not closed)
            2 | y = 3
              | ^
        """,
    ),
    (
        "call(a, b\n",
        """
        chat.q:1:5: syntax error: `(` is never closed (expected `)`)
            1 | call(a, b
              |     ^
        """,
    ),
    (
        "x = 1 +\n\n",
        """
        chat.q:1:8: syntax error: unexpected end of input; expected an expression
            1 | x = 1 +
              |        ^
        """,
    ),
    (
        "end\n",
        """
        chat.q:1:1: syntax error: `end` does not close any open block
            1 | end
              | ^
        """,
    ),
    (
        "\tif a && b end",
        """
        chat.q:1:8: syntax error: `&&` is not a Quest operator; use `and`
            1 | \tif a && b end
              | \t      ^
        """,
    ),
]


@pytest.mark.parametrize("source, expected", SLIPS, ids=[s for s, _ in SLIPS])
def test_common_slips(source, expected):
    assert report(source) == lines(expected)


SHORT = [
    ("if a: b() end", "Quest blocks do not use `:`; the body simply follows (`if cond ... end`)"),
    (
        "for x in xs:\nend",
        "Quest blocks do not use `:`; the body simply follows (`if cond ... end`)",
    ),
    (
        "fun f\n  1\nend",
        "a function declaration needs a parameter list, even an empty one: `fun name()`",
    ),
    ("a || b", "`||` is not a Quest operator; use `or`"),
    ("x = !a", "`!` is not a Quest operator: use `not x`, or `!=` for inequality"),
    ("if a else b elif c end", "`elif` cannot follow `else` in an `if` block"),
    ("try a ensure b catch e c end", "`catch` cannot follow `ensure` in a `try` block"),
    ("x = 1 else", "`else` outside an `if` or `match` block"),
    ("try a elif b end", "`elif` outside an `if` block"),
    ("catch e", "`catch` outside an `try` block"),
    ("f(a]", "`]` does not match the `(` opened at line 1; expected `)`"),
    ("f(a\nend", "`end` found while the `(` opened at line 1 is still open; expected `)`"),
    ("@decorate\nlet x = 1", "unexpected `let`; expected `@` or `fun`"),
    ('% fun f()', "unexpected end of input; expected `->` or a string"),
    (
        "x = step",
        "unexpected `step`; expected an expression (`step` is a reserved word, not a name)",
    ),
    ("let a = 1, in = 2", "`in` is a reserved word and cannot be used as a variable name"),
    ("for to in x end", "`to` is a reserved word and cannot be used as a variable name"),
    ("type T pub type: Str end", "`type` is a reserved word and cannot be used as a field name"),
    ("x = $", "unexpected character `$`"),
    ("x.", "unexpected end of input; expected a name"),
]


@pytest.mark.parametrize("source, message", SHORT, ids=[s for s, _ in SHORT])
def test_messages(source, message):
    assert syntax_error(source).message == message


def test_messages_never_show_internal_terminal_names():
    for source in ["f(", "x = ", "fun f(", "if x", "[1, ", "a ? b", "type T", "{a: "]:
        message = syntax_error(source).message
        assert "__ANON" not in message and "RPAR" not in message and "LPAR" not in message


def test_every_slip_example_reproduces_its_message():
    parser = quest_parser()
    for message, examples in diagnostics.SLIPS.items():
        for example in examples:
            if example.startswith("!"):
                with pytest.raises(QuestSyntaxError) as info:
                    parse_expression(example[1:], "t.q")
            else:
                with pytest.raises(QuestSyntaxError) as info:
                    parse(example, "t.q")
            expected = message.removeprefix(diagnostics.ANY_TOKEN)
            first_token = example.lstrip("!").split()[0]
            assert info.value.message == expected.format(token=first_token) or (
                "{token}" in expected
            ), (example, info.value.message)
    assert diagnostics._failure_key(parser, "if a = 1 end") is not None


def test_every_reserved_word_example_names_its_place():
    for place, examples in diagnostics.RESERVED_WORD_PLACES.items():
        for example in examples:
            message = syntax_error(example).message
            assert message.startswith("`") and "is a reserved word" in message, example
            assert message.endswith(place.format(token="step")), (example, message)


def test_error_fields_and_str():
    err = syntax_error("x = (1")
    assert (err.path, err.line, err.col, err.source_line) == ("t.q", 1, 5, "x = (1")
    assert str(err) == err.format()
    assert isinstance(err, Exception)


def test_compile_error_shares_the_format():
    err = QuestCompileError("`break` outside a loop", "app.q", 2, 3, source="x = 1\n  break\n")
    assert err.format() == lines(
        """
        app.q:2:3: error: `break` outside a loop
            2 |   break
              |   ^
        """
    )
    assert QuestCompileError("m", "a.q", 7, 1).format() == "a.q:7:1: error: m"


def test_errors_pickle_with_their_fields():
    err = syntax_error("let x")
    again = pickle.loads(pickle.dumps(err))
    assert (again.message, again.line, again.col, again.source_line) == (
        err.message,
        err.line,
        err.col,
        err.source_line,
    )


def test_wide_line_numbers_keep_the_caret_aligned():
    source = "\n" * 123456 + "x = )"
    text = report(source, "big.q")
    assert text.splitlines()[1:] == [" 123457 | x = )", "        |     ^"]


def test_expression_errors_point_into_the_enclosing_file():
    file_text = 'x = 1\nlv.template("""<%= a + %>""")\n'
    with pytest.raises(QuestSyntaxError) as info:
        parse_expression(" a + ", "v.q", line=2, col=19, file_text=file_text)
    err = info.value
    assert (err.line, err.col) == (2, 23)
    assert err.message == "unexpected end of the expression; expected an expression"
    assert err.source_line == 'lv.template("""<%= a + %>""")'
