"""Statements of spec section 2: valid spellings build the right nodes, invalid ones fail."""

from __future__ import annotations

import pytest

from quest_rt.syntax import ast

from .support import stmt, stmts, sx, syntax_error


def test_let_with_several_bindings_and_annotations():
    node = stmt('let a = 1, b: Int = 2, c: Str? = "x"')
    assert isinstance(node, ast.Let) and not node.pub
    assert [b.name for b in node.bindings] == ["a", "b", "c"]
    assert node.bindings[0].annotation is None
    assert node.bindings[1].annotation.name == "Int"
    assert node.bindings[2].annotation.optional
    assert sx(node.bindings[2].value) == ("str", "x")


def test_const_and_pub_prefixes():
    const = stmt("const LIMIT: Int = 100")
    assert isinstance(const, ast.Const) and const.name == "LIMIT" and const.annotation.name == "Int"
    assert stmt("pub const X = 1").pub
    assert stmt("pub let x = 1").pub
    assert stmt("pub fun f() end").pub
    assert stmt("pub type T end").pub
    assert stmt("pub trait T end").pub


ASSIGNMENTS = [
    ("x = 10", ("=", "x", 10)),
    ("x += 1", ("+=", "x", 1)),
    ("x -= 1", ("-=", "x", 1)),
    ("x *= 2", ("*=", "x", 2)),
    ("x /= 2", ("/=", "x", 2)),
    ("x %= 2", ("%=", "x", 2)),
    ("arr[0] = 5", ("=", ("[]", "arr", 0), 5)),
    ("grid[1][2] *= 2", ("*=", ("[]", ("[]", "grid", 1), 2), 2)),
    ('d["k"] = v', ("=", ("[]", "d", ("str", "k")), "v")),
    ("obj.field = v", ("=", (".", "obj", "field"), "v")),
    ("self.items[0] = v", ("=", ("[]", (".", "self", "items"), 0), "v")),
    ("x.end = 1", ("=", (".", "x", "end"), 1)),
    ("m[1, 2] = 0", ("=", ("[]", "m", 1, 2), 0)),
]


@pytest.mark.parametrize("source, shape", ASSIGNMENTS, ids=[s for s, _ in ASSIGNMENTS])
def test_assignment_forms(source, shape):
    node = stmt(source)
    assert isinstance(node, ast.Assign)
    assert sx(node) == shape


BAD_TARGETS = [
    ("f().x = 1", "cannot assign to the result of a call with `=`"),
    ("f() = 1", "cannot assign to the result of a call"),
    ("a.b().c += 1", "cannot assign to the result of a call with `+=`"),
    ("1 = x", "cannot assign to this expression"),
    ("(a + b) = 1", "cannot assign to this expression"),
    ("Int = 3", "cannot assign to the type name `Int`"),
]


@pytest.mark.parametrize("source, message", BAD_TARGETS, ids=[s for s, _ in BAD_TARGETS])
def test_invalid_assignment_targets(source, message):
    err = syntax_error(source)
    assert message in err.message
    assert (err.line, err.col) == (1, 1)


def test_if_elif_else():
    node = stmt('if s >= 90 g = "A" elif s >= 80 g = "B" elif x g = "C" else g = "D" end')
    assert isinstance(node, ast.If)
    assert [sx(b.cond) for b in node.branches] == [(">=", "s", 90), (">=", "s", 80), "x"]
    assert [len(b.body) for b in node.branches] == [1, 1, 1]
    assert sx(node.orelse) == (("=", "g", ("str", "D")),)
    assert stmt("if x end").orelse is None
    assert stmt("if x else end").orelse == ()


def test_while():
    node = stmt("while i < 3 i += 1 end")
    assert isinstance(node, ast.While) and sx(node.cond) == ("<", "i", 3)


FOR_LOOPS = [
    ("for x in xs end", ("x",), "xs"),
    ("for item, i in items end", ("item", "i"), "items"),
    ("for i in 0 to 10 end", ("i",), (0, 10, True, None)),
    ("for i in 0 until 10 end", ("i",), (0, 10, False, None)),
    ("for i in 0 to 100 step 5 end", ("i",), (0, 100, True, 5)),
    ("for i in 10 to 0 step -1 end", ("i",), (10, 0, True, ("u-", 1))),
    ("for i in a.len() until b + 1 end", ("i",), ((".len", "a"), ("+", "b", 1), False, None)),
]


@pytest.mark.parametrize("source, names, iterable", FOR_LOOPS, ids=[s for s, *_ in FOR_LOOPS])
def test_for_loops(source, names, iterable):
    node = stmt(source)
    assert isinstance(node, ast.For) and node.names == names
    it = node.iterable
    if isinstance(it, ast.Range):
        assert (sx(it.start), sx(it.end), it.inclusive, sx(it.step)) == iterable
    else:
        assert sx(it) == iterable


def test_break_continue_return_raise():
    body = stmts("while x break continue end return 1 return raise e raise")
    loop, ret_value, bare_return, raise_value, bare_raise = body
    assert [type(s) for s in loop.body] == [ast.Break, ast.Continue]
    assert sx(ret_value) == ("return", 1) and sx(bare_return) == ("return",)
    assert sx(raise_value) == ("raise", "e") and sx(bare_raise) == ("raise",)


def test_match_arms():
    node = stmt(
        """match code
        in 200, 201, 204
          "ok"
        in 400 to 499
          "client"
        in 500 until 600 step 2
          "even"
        else
          "other"
        end"""
    )
    assert isinstance(node, ast.Match) and sx(node.subject) == "code"
    values, inclusive, stepped = node.arms
    assert sx(values.values) == (200, 201, 204) and values.range is None
    assert inclusive.values == () and inclusive.range.inclusive
    assert (sx(stepped.range.start), sx(stepped.range.step)) == (500, 2)
    assert not stepped.range.inclusive
    assert sx(node.orelse) == (("str", "other"),)
    assert stmt("match x in 1 2 end").orelse is None


def test_try_catch_ensure():
    node = stmt(
        "try risky() catch e: ValueErr a() catch e: mod.MyErr b() catch e c() ensure d() end"
    )
    assert isinstance(node, ast.Try)
    typed, qualified, untyped = node.catches
    assert (typed.name, typed.type.name, typed.type.module) == ("e", "ValueErr", None)
    assert (qualified.type.name, qualified.type.module) == ("MyErr", "mod")
    assert untyped.type is None
    assert sx(node.ensure) == (("call", "d"),)
    only_ensure = stmt("try x ensure y end")
    assert only_ensure.catches == () and sx(only_ensure.ensure) == ("y",)
    assert stmt("try x catch e y end").ensure is None


def test_with():
    node = stmt("with open_resource() as r, other() work(r) end")
    assert isinstance(node, ast.With)
    assert [(sx(i.expr), i.name) for i in node.items] == [
        (("call", "open_resource"), "r"),
        (("call", "other"), None),
    ]
    assert sx(node.body) == (("call", "work", "r"),)


USES = [
    ('use "std/test"', ("std/test", None, None)),
    ('use "std/test" as t', ("std/test", "t", None)),
    (
        'use "std/test" {describe, it as spec}',
        ("std/test", None, (("describe", None), ("it", "spec"))),
    ),
    ('use "p" {a, b,}', ("p", None, (("a", None), ("b", None)))),
    ('use "p" as m {a}', ("p", "m", (("a", None),))),
    ("use 'p' {}", ("p", None, ())),
]


@pytest.mark.parametrize("source, expected", USES, ids=[s for s, _ in USES])
def test_use_forms(source, expected):
    node = stmt(source)
    names = None if node.names is None else tuple((n.name, n.alias) for n in node.names)
    assert (node.path, node.alias, names) == expected


def test_del():
    node = stmt("del x")
    assert isinstance(node, ast.Del) and node.name == "x"


def test_function_declarations():
    node = stmt('fun f(a, b: Int, c = 10, d: Str = "x", *rest: Int, **opts) -> Str? "doc" a end')
    assert isinstance(node, ast.FunDecl) and node.name == "f" and not node.static
    kinds = [
        (p.name, p.kind, p.annotation and p.annotation.name, sx(p.default)) for p in node.params
    ]
    assert kinds == [
        ("a", "normal", None, None),
        ("b", "normal", "Int", None),
        ("c", "normal", None, 10),
        ("d", "normal", "Str", ("str", "x")),
        ("rest", "star", "Int", None),
        ("opts", "dstar", None, None),
    ]
    assert node.returns.name == "Str" and node.returns.optional
    # the docstring is just the first statement of the body
    assert sx(node.body) == (("str", "doc"), "a")
    assert stmt("fun can_access?(u, d) true end").name == "can_access?"
    assert stmt("fun f(a,) end").params[0].name == "a"


def test_lambda_parameters_and_return_annotation():
    node = stmt("fun (x = 1, *r) -> Int x end").expr
    assert isinstance(node, ast.Lambda)
    assert [(p.name, p.kind) for p in node.params] == [("x", "normal"), ("r", "star")]
    assert node.returns.name == "Int"


def test_type_declaration():
    node = stmt(
        """type Account "A bank account"
          pub owner: Str
          pub balance: Num = 0
          pub note: Str?
          kind: mod.Kind
          history = []
          secret
          fun deposit(amount) self.balance += amount end
          fun self.open(owner) Account.new(owner: owner) end
          pub fun summary() self.owner end
          impl Printable
            fun describe() self.owner end
          end
          impl fmt.Show
            pub fun show() "" end
          end
        end"""
    )
    assert isinstance(node, ast.TypeDecl) and node.doc == "A bank account"
    fields = [
        (
            f.name,
            f.pub,
            f.annotation and (f.annotation.module, f.annotation.name, f.annotation.optional),
            sx(f.default),
        )
        for f in node.fields
    ]
    assert fields == [
        ("owner", True, (None, "Str", False), None),
        ("balance", True, (None, "Num", False), 0),
        ("note", True, (None, "Str", True), None),
        ("kind", False, ("mod", "Kind", False), None),
        ("history", False, None, ("array",)),
        ("secret", False, None, None),
    ]
    assert [(m.name, m.static, m.pub) for m in node.methods] == [
        ("deposit", False, False),
        ("open", True, False),
        ("summary", False, True),
    ]
    assert [(i.trait, i.trait_module, [m.name for m in i.methods]) for i in node.impls] == [
        ("Printable", None, ["describe"]),
        ("Show", "fmt", ["show"]),
    ]
    assert node.impls[1].methods[0].pub
    assert stmt("type T end").doc is None


def test_trait_declaration():
    node = stmt(
        """trait Labelled "Things with labels"
          fun label(prefix, width) -> Str
          fun describe()
        end"""
    )
    assert isinstance(node, ast.TraitDecl) and node.doc == "Things with labels"
    assert [(m.name, len(m.params), m.returns and m.returns.name) for m in node.methods] == [
        ("label", 2, "Str"),
        ("describe", 0, None),
    ]
    assert stmt("trait T end").methods == ()


def test_many_statements_on_one_line():
    assert sx(stmts("a = 1  b = 2 puts(a)")) == (
        ("=", "a", 1),
        ("=", "b", 2),
        ("call", "puts", "a"),
    )


def test_comments_and_shebang():
    body = stmts('#!/usr/bin/env quest\n## doc\nx = 1 # trailing\n"# not a comment"\n')
    assert sx(body) == (("=", "x", 1), ("str", "# not a comment"))


INVALID = [
    ("let x", "`let x` needs a value: write `let x = ...`"),
    ("let a = 1, b", "`let b` needs a value"),
    ("const X", "`const X` needs a value"),
    ("let 1 = 2", "unexpected number `1`; expected a name"),
    ("if x", "`if` (opened at line 1) has no matching `end`"),
    ("while x", "`while` (opened at line 1) has no matching `end`"),
    ("for x xs end", "unexpected name `xs`; expected `,` or `in`"),
    ("for a, b, c in x end", "unexpected `,`; expected `in`"),
    ("match x in 1 end", "a `match` arm needs at least one statement"),
    ("match x in 1 to 2 end", "a `match` arm needs at least one statement"),
    ("try x end", "`try` needs at least one `catch` clause or an `ensure` clause"),
    ("try x catch end", "unexpected `end`; expected a name"),
    ("with end", "unexpected `end`; expected an expression"),
    ("use std", "unexpected name `std`; expected a string"),
    ('use "x" as "y"', 'unexpected string `"y"`; expected a name'),
    ("del x.y", "unexpected `.`"),
    ("fun f end", "a function declaration needs a parameter list"),
    ("fun f(*a, b) end", "parameter `b` comes after the `*` parameter"),
    ("fun f(**a, b) end", "parameter `b` comes after the `**` parameter, which must be last"),
    ("fun f(*a, *b) end", "only one `*` parameter is allowed"),
    ("fun f(**a = {}) end", "the `**a` parameter cannot have a default value"),
    ("fun f(step) end", "`step` is a reserved word and cannot be used as a parameter name"),
    ("fun end() end", "unexpected `end`; expected a name"),
    ("fun if() end", "`if` is a reserved word and cannot be used as a function name"),
    ("type T fun other.m() end end", "a class method is declared as `fun self.m(...)`"),
    ("type T x = end", "unexpected `end`; expected an expression"),
    ("trait T fun m() 1 end", "unexpected number `1`"),
    ("pub x = 1", "unexpected name `x`"),
    ("let x = if a 1 end", "unexpected `if`; expected an expression"),
    ("x = 1 = 2", "unexpected `=`"),
]


@pytest.mark.parametrize("source, message", INVALID, ids=[s for s, _ in INVALID])
def test_invalid_statements(source, message):
    assert message in syntax_error(source).message
