"""Newlines are whitespace (spec 1.1): greedy continuation, except bare `return`/`raise`."""

from __future__ import annotations

from quest_rt.syntax import ast

from .support import stmts, sx


def test_a_line_starting_with_bracket_continues_the_expression():
    # `foo()` then `[1, 2].each(f)` is an index of the call result (spec 1.1)
    assert sx(stmts("foo()\n[1, 2].each(f)")) == ((".each", ("[]", ("call", "foo"), 1, 2), "f"),)


def test_a_line_starting_with_paren_is_a_call():
    assert sx(stmts("x = f\n(1)")) == (("=", "x", ("call", "f", 1)),)


def test_a_line_starting_with_minus_or_plus_continues_a_binary():
    assert sx(stmts("x = a\n- b")) == (("=", "x", ("-", "a", "b")),)
    assert sx(stmts("x = a\n+ b\n  + c")) == (("=", "x", ("+", ("+", "a", "b"), "c")),)


def test_method_chains_split_before_the_dot():
    source = """
let evens = nums
  .filter(fun (n) n % 2 == 0 end)
  .map(fun (n) n * 10 end)
"""
    (let,) = stmts(source)
    chain = sx(let.bindings[0].value)
    assert chain[0] == ".map" and chain[1][0] == ".filter" and chain[1][1] == "nums"


def test_a_line_starting_with_a_name_or_literal_is_a_new_statement():
    assert sx(stmts('a = 1\nb = 2\n"s"\nc')) == (("=", "a", 1), ("=", "b", 2), ("str", "s"), "c")


def test_dict_literal_after_a_condition_starts_the_body():
    (fun,) = stmts('fun handle_request(request) {"status": 200, "body": "Hello"} end')
    assert sx(fun.body) == (("dict", ("status", 200), ("body", ("str", "Hello"))),)


def test_bare_return_before_a_newline():
    source = "fun f()\n  return\n  -1\nend"
    (fun,) = stmts(source)
    assert sx(fun.body) == (("return",), ("u-", 1))


def test_bare_return_allows_a_trailing_comment_and_crlf():
    (fun,) = stmts("fun f()\r\n  return   # done\r\n  g()\r\nend\r\n")
    assert sx(fun.body) == (("return",), ("call", "g"))


def test_return_with_a_value_on_the_same_line():
    (fun,) = stmts("fun f()\n  return -1\nend")
    assert sx(fun.body) == (("return", ("u-", 1)),)


def test_return_before_end_on_the_same_line_is_bare():
    (fun,) = stmts("fun f() if x return end 1 end")
    assert sx(fun.body[0].branches[0].body) == (("return",),)


def test_return_at_end_of_file_is_bare():
    assert sx(stmts("return")) == (("return",),)


def test_bare_raise_before_a_newline():
    (tr,) = stmts("try x catch e\n  raise\n  (cleanup)()\nend")
    assert sx(tr.catches[0].body) == (("raise",), ("call", "cleanup"))


def test_words_starting_with_return_are_names():
    assert sx(stmts("returned\nraised\nreturn_value")) == ("returned", "raised", "return_value")


def test_return_as_a_member_name_before_a_newline():
    (node,) = stmts("x.return\n")
    assert isinstance(node.expr, ast.Member) and node.expr.name == "return"


def test_byte_order_mark_and_empty_sources():
    assert sx(stmts("\ufeffx = 1")) == (("=", "x", 1),)
    assert stmts("") == () and stmts("  \n# only a comment\n") == ()


def test_long_chains_do_not_exhaust_the_stack():
    (assign,) = stmts("x = " + " .. ".join(["a"] * 3000))
    depth, node = 0, assign.value
    while isinstance(node, ast.Binary):
        depth, node = depth + 1, node.left
    assert depth == 2999
