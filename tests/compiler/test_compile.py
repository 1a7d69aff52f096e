"""What compiles and what is rejected at compile time, with a position (spec 1, 2, 3.11, 14).

Run-time errors stay run-time errors: ``f(a: 1, 2)`` and ``break`` at the top level compile
(``quest check`` accepts them) and raise when executed. The ``.q`` suites under
``tests/lang/`` cover what compiled programs do.
"""

from __future__ import annotations

import pytest

from quest_rt.syntax.errors import QuestCompileError, QuestSyntaxError
from tests.compiler.support import can_compile, cant_compile, run

ACCEPTED = [
    # run-time ArgErr, not syntax errors (spec 3.11)
    "fun f(a, b) a end\nf(a: 1, 2)",
    "fun f(a, b) a end\nf(**{}, 1)",
    "fun f(a) a end\nf(a: 1, a: 2)",
    # run-time RuntimeErr (spec 2.7)
    "break",
    "fun f() continue end",
    # [EXT E8] a second let of one name in one frame
    "let html = 1\nlet html = 2",
    "fun f()\n  let a = 1\n  let a = a + 1\n  a\nend",
    # statements without separators, several per line (spec 1.1)
    "let a = 1  let b = 2  a = b",
    "#!/usr/bin/env quest\nputs(1)",
    # method chains split before the dot
    "let evens = [1, 2]\n  .filter(fun (n) n % 2 == 0 end)\n  .map(fun (n) n * 10 end)",
    # keywords after a dot (spec 1.2)
    "let e = nil\nlet f = fun () e.type() end\nlet g = fun () e.end() end\nlet h = fun () e.in end",
    # [EXT E4] predicate names, E2 ternary, elvis
    "fun can_access?(u, d) true end\ncan_access?(1, 2)",
    'let x = 1\nlet y = x > 0 ? "p" : x < 0 ? "n" : "z"',
    "let a = nil\nlet b = a?:1",
    "type T\n  pub email: Str?\nend",
    # [EXT E5] interpolation
    'let n = 1\nlet s = "n=#{n + 1}"',
    # trailing commas (spec 3.9) and selective imports (spec 9.1)
    'let a = [1, 2,]\nlet d = {a: 1, "b": 2,}',
    'use "std/math" as m {pi, sqrt as root,}',
    # the matrix literal parses; evaluating it is a run-time error [LATER]
    "let m = [1, 2; 3, 4]",
    # return at the top level, bare return followed by a statement (spec 2.12)
    "puts(1)\nreturn\nputs(2)",
    "fun f()\n  return\n  puts(2)\nend",
    # pub at any level (spec 2.11)
    "fun f()\n  pub let x = 1\n  x\nend",
    # declarations inside functions and blocks
    "fun f()\n  type Local\n    pub v = 1\n  end\n  Local.new()\nend",
    "if true\n  fun g() 1 end\nend",
    # del of an unknown name or of an outer-frame name compiles (run-time NameErr/RuntimeErr)
    "fun f() del nothing end",
    "let x = 1\nfun f() del x end",
    # annotations everywhere (spec 6.1)
    'fun f(a: Int, b: Str = "x", *rest: Int, **opts: Str) -> Str b end',
    # an f-string with an empty spec
    'let x = 1\nlet s = f"{x:}"',
    # a lambda as a whole statement or argument
    "fun (x) x end",
    "[1].map(fun (x)\n  let y = x\n  y\nend)",
]


@pytest.mark.parametrize("source", ACCEPTED)
def test_compiles(source):
    can_compile(source)


REJECTED = [
    # (source, error class, line, col, words of the message)
    ("let x = if true 1 end", QuestSyntaxError, 1, 9, "`if` is a reserved word"),
    ("fun f(step) 1 end", QuestSyntaxError, 1, 7, "`step` is a reserved word"),
    ("let d = {type: 1}", QuestSyntaxError, 1, 10, "reserved word"),
    ("f().x = 1", QuestSyntaxError, 1, 1, "no calls"),
    ('let s = f"{}"', QuestSyntaxError, 1, 11, "f-string hole"),
    ("x =", QuestSyntaxError, 1, 4, "expected an expression"),
    ("let d = {1: 2}", QuestSyntaxError, 1, 10, "unexpected number"),
    ('let s = "unclosed', QuestSyntaxError, 1, 9, "unclosed string"),
    ("let s = 'abc", QuestSyntaxError, 1, 9, "unclosed string"),
    ('let t = """abc', QuestSyntaxError, 1, 9, "unclosed triple-quoted string"),
    ("if x == 1 puts(1)", QuestSyntaxError, 1, 18, "has no matching `end`"),
    ("fun f() let x = 1", QuestSyntaxError, 1, 18, "has no matching `end`"),
    ("fun f(**k, *a) end", QuestSyntaxError, 1, 12, "`**` parameter"),
    ("fun f(*a, b) end", QuestSyntaxError, 1, 11, "`*` parameter"),
    ("0x1G", QuestSyntaxError, 1, 4, "invalid digit"),
    ("12abc", QuestSyntaxError, 1, 3, "digits cannot run into letters"),
    ("99999999999999999999", QuestSyntaxError, 1, 1, "does not fit in 64 bits"),
    ("fun f(a, a) a end", QuestCompileError, 1, 1, "appears more than once"),
    ("const X = 1 const X = 2", QuestCompileError, 1, 13, "cannot redeclare constant 'X'"),
    # [EXT E8] a let over a const of the same frame stays an error
    ("const K = 1\nlet K = 2", QuestCompileError, 2, 5, "constant 'K'"),
    ("fun name 1 end", QuestSyntaxError, 1, 10, "needs a parameter list"),
    ("let x", QuestSyntaxError, 1, 5, "needs a value"),
    ("const X", QuestSyntaxError, 1, 7, "needs a value"),
    ("5 = x", QuestSyntaxError, 1, 1, "cannot assign"),
    ('let s = "#{}"', QuestSyntaxError, 1, 10, "empty `#{}`"),
    ("let b = 1 == fun () 1 end", QuestSyntaxError, 1, 14, "expected an expression"),
    ("let a = (1", QuestSyntaxError, 1, 9, "never closed"),
    ("puts(1))", QuestSyntaxError, 1, 8, "unmatched `)`"),
    ("if x = 1 puts(x) end", QuestSyntaxError, 1, 6, "use `==`"),
    ("let end = 1", QuestSyntaxError, 1, 5, "`end`"),
    ("use std/math", QuestSyntaxError, 1, 5, "expected a string"),
    ("try 1 end", QuestSyntaxError, 1, 1, "`catch`"),
    ("trait T fun m() 1 end end", QuestSyntaxError, 1, 17, "unexpected number"),
    ("del x.y", QuestSyntaxError, 1, 6, "unexpected `.`"),
    ("x.1", QuestSyntaxError, 1, 3, "expected a name"),
    ("puts(1)\n\n  let y = )", QuestSyntaxError, 3, 11, "unmatched `)`"),
]


@pytest.mark.parametrize(
    "source, error, line, col, words",
    REJECTED,
    ids=[r[0].replace("\n", "⏎")[:40] for r in REJECTED],
)
def test_rejected_with_a_position(source, error, line, col, words):
    exc = cant_compile(source)
    assert type(exc) is error
    assert (exc.line, exc.col) == (line, col), exc.format()
    assert words in exc.message, exc.format()


def test_error_report_shows_the_line_and_a_caret():
    exc = cant_compile("let a = 1\nlet b = (a +\n")
    lines = exc.format().splitlines()
    assert lines[0].startswith("t.q:")
    assert ": syntax error: " in lines[0]
    assert lines[1].rstrip().endswith("let b = (a +")
    caret_col = lines[2].index("^") - lines[2].index("|") - 2
    assert caret_col == exc.col - 1


def test_keywords_cannot_be_named_arguments():
    cant_compile("fun f(x) x end\nf(end: 1)")


def test_runtime_errors_are_not_compile_errors():
    # f(a: 1, 2) compiles and raises ArgErr only when the call runs (spec 3.11)
    out = run(
        'fun f(a, b) a end\ntry\n  f(a: 1, 2)\ncatch e: ArgErr\n  puts("ArgErr at run time")\nend\n'
    )
    assert out == "ArgErr at run time\n"


def test_code_after_a_bare_return_is_not_run():
    assert run('puts("a")\nreturn\nputs("b")\n') == "a\n"


def test_interpolation_holds_a_dict_literal_with_string_keys():
    # spec 1.4 [EXT]: `#{expr}` takes any Quest expression
    assert run('puts("a #{ {"k": 1}["k"] } b")\n') == "a 1 b\n"


# Python's keywords and built-in names are ordinary Quest identifiers (spec 1.2): the compiler
# must rename or shield them wherever it emits a Python name.
PYTHON_WORDS = [
    "class",
    "def",
    "lambda",
    "import",
    "pass",
    "yield",
    "await",
    "async",
    "global",
    "nonlocal",
    "is",
    "from",
    "assert",
    "except",
    "finally",
    "list",
    "object",
    "__builtins__",
    "exec",
    "__name__",
    "__file__",
    "print",
    "len",
]


def _python_word_program(word: str) -> str:
    return (
        f"let {word} = 5\nputs({word})\n"
        f"fun f({word}) {word} + 1 end\nputs(f(1))\n"
        f"let d = {{{word}: 7}}\nputs(d.{word})\n"
        f"type T\n  pub {word} = 2\nend\nputs(T.new().{word})\n"
    )


@pytest.mark.parametrize("word", PYTHON_WORDS)
def test_python_words_are_ordinary_identifiers(word):
    assert run(_python_word_program(word)) == "5\n2\n7\n2\n"


@pytest.mark.parametrize("word", ["None", "True", "False"])
def test_python_constants_are_ordinary_identifiers(word):
    assert run(_python_word_program(word)) == "5\n2\n7\n2\n"
