"""Helpers for the syntax tests: parse shortcuts, a compact tree notation, a node walker."""

from __future__ import annotations

import pytest

from quest_rt.syntax import ast
from quest_rt.syntax.errors import QuestSyntaxError
from quest_rt.syntax.parser import parse, parse_expression
from quest_rt.syntax.records import fields


def stmts(source: str) -> tuple[ast.Stmt, ...]:
    return parse(source, "t.q").body


def stmt(source: str) -> ast.Stmt:
    body = stmts(source)
    assert len(body) == 1, body
    return body[0]


def expr(source: str) -> ast.Expr:
    return parse_expression(source, "t.q")


def syntax_error(source: str) -> QuestSyntaxError:
    """The error ``parse`` raises; fails the test if ``source`` parses."""
    with pytest.raises(QuestSyntaxError) as info:
        parse(source, "t.q")
    return info.value


def sx(node):
    """A compact, position-free rendering of a node, for asserting tree shapes.

    ``1 + 2 * x`` is ``("+", 1, ("*", 2, "x"))``; calls are ``("call", f, *args)``,
    method calls ``(".name", obj, *args)``, member reads ``(".", obj, "name")``.
    """
    match node:
        case ast.Name(name=name):
            return name
        case ast.TypeName(name=name):
            return ("type", name)
        case ast.Int(value=v) | ast.Float(value=v) | ast.Bool(value=v):
            return v
        case ast.Nil():
            return None
        case ast.Str(value=v):
            return ("str", v)
        case ast.Binary(op=op, left=left, right=right) | ast.Logical(op=op, left=left, right=right):
            return (op, sx(left), sx(right))
        case ast.Elvis(left=left, right=right):
            return ("?:", sx(left), sx(right))
        case ast.Ternary(cond=c, then=t, otherwise=o):
            return ("?", sx(c), sx(t), sx(o))
        case ast.Not(operand=x):
            return ("not", sx(x))
        case ast.Unary(op=op, operand=x):
            return ("u" + op, sx(x))
        case ast.Call(func=f, args=args):
            return ("call", sx(f), *map(sx, args))
        case ast.MethodCall(obj=o, name=name, args=args):
            return ("." + name, sx(o), *map(sx, args))
        case ast.Member(obj=o, name=name):
            return (".", sx(o), name)
        case ast.Index(obj=o, indices=idx):
            return ("[]", sx(o), *map(sx, idx))
        case ast.Arg(kind="pos", value=v):
            return sx(v)
        case ast.Arg(kind="named", name=name, value=v):
            return (name + ":", sx(v))
        case ast.Arg(kind=kind, value=v):
            return ("*" if kind == "star" else "**", sx(v))
        case ast.ArrayLit(items=items):
            return ("array", *map(sx, items))
        case ast.MatrixLit(rows=rows):
            return ("matrix", *(tuple(map(sx, r)) for r in rows))
        case ast.DictLit(pairs=pairs):
            return ("dict", *((k, sx(v)) for k, v in pairs))
        case ast.Lambda(params=params, body=body):
            return ("fun", tuple(p.name for p in params), *map(sx, body))
        case ast.ExprStmt(expr=e):
            return sx(e)
        case ast.Assign(target=t, value=v, op=op):
            return ((op or "") + "=", sx(t), sx(v))
        case ast.Return(value=v):
            return ("return", sx(v)) if v is not None else ("return",)
        case ast.Raise(value=v):
            return ("raise", sx(v)) if v is not None else ("raise",)
        case ast.Interp(parts=parts):
            return ("interp", *(p if isinstance(p, str) else sx(p) for p in parts))
        case tuple():
            return tuple(map(sx, node))
    return node


def walk(node):
    """Every AST node under ``node`` (itself included), depth first."""
    if isinstance(node, ast.Node):
        yield node
        for name in fields(node):
            if name != "source":
                yield from walk(getattr(node, name))
    elif isinstance(node, tuple):
        for item in node:
            yield from walk(item)
