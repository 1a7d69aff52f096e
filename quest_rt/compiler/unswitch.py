"""Loop unswitching on type flags: an innermost loop runs in a version without them.

A type test the compiler can compute once per call (a parameter never reassigned, a
``let`` never reassigned, see ``Emitter.type_test``) becomes a flag, ``·int_1 = ·type(n)
is ·int``, and the loop reads the flag where it would have called ``type()``::

    while True:
        if not (k < n if ·int_1 else ·lt(k, n)):
            break
        s = s + (ai[k] if ·list_2 else ·index(ai, k))
        k = k + 1 if ·int_1 else ·t3 if ... else ·int_overflow('addition')

Reading a flag is cheap, but an innermost loop reads several on every iteration (in a
matrix multiply, a fifth of the time). No flag can change while the loop runs, so the
loop is emitted twice, once with every flag it reads taken as true and its fast branch
kept alone, once as it was, behind one test of the flags::

    if ·int_1 and ·list_2:
        while True:
            if not k < n:
                break
            s = s + ai[k]
            k = k + 1
    else:
        <the loop as above>

Only innermost loops (no loop, function or lambda inside) are copied, so code grows by
at most the size of those loops, and a flag assigned inside the loop is never assumed.
"""

from __future__ import annotations

import ast
import copy

__all__ = ["unswitch_loops"]

#: larger innermost loops are left alone (their copy would cost more code than it saves)
MAX_LOOP_NODES = 3000

_NOT_INNERMOST = (ast.While, ast.For, ast.AsyncFor, ast.FunctionDef, ast.AsyncFunctionDef,
                  ast.Lambda, ast.ClassDef)


def unswitch_loops(stmts: list[ast.stmt], flags: set[str]) -> list[ast.stmt]:
    """``stmts`` with each innermost loop that reads some of ``flags`` unswitched."""
    if not flags:
        return stmts
    out: list[ast.stmt] = []
    for stmt in stmts:
        out.append(_visit(stmt, flags))
    return out


def _visit(stmt: ast.stmt, flags: set[str]) -> ast.stmt:
    if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return stmt  # another function: its own flags, unswitched when it was emitted
    if isinstance(stmt, ast.While | ast.For) and _innermost(stmt):
        return _unswitch(stmt, flags)
    for field in ("body", "orelse", "finalbody", "handlers"):
        block = getattr(stmt, field, None)
        if isinstance(block, list):
            setattr(stmt, field, [_visit(s, flags) if isinstance(s, ast.stmt) else
                                  _visit_handler(s, flags) for s in block])
    if isinstance(stmt, ast.Match):
        for case in stmt.cases:
            case.body = [_visit(s, flags) for s in case.body]
    return stmt


def _visit_handler(handler: ast.AST, flags: set[str]) -> ast.AST:
    if isinstance(handler, ast.ExceptHandler):
        handler.body = [_visit(s, flags) for s in handler.body]
    return handler


def _innermost(loop: ast.While | ast.For) -> bool:
    return not any(isinstance(n, _NOT_INNERMOST) for part in loop.body + loop.orelse
                   for n in ast.walk(part))


def _unswitch(loop: ast.While | ast.For, flags: set[str]) -> ast.stmt:
    read: set[str] = set()
    stored: set[str] = set()
    size = 0
    for n in ast.walk(loop):
        size += 1
        if isinstance(n, ast.Name) and n.id in flags:
            (read if isinstance(n.ctx, ast.Load) else stored).add(n.id)
    assumed = sorted(read - stored)
    if not assumed or size > MAX_LOOP_NODES:
        return loop
    fast = _Assume(set(assumed)).visit(copy.deepcopy(loop))
    test: ast.expr
    if len(assumed) == 1:
        test = ast.Name(assumed[0], ast.Load())
    else:
        test = ast.BoolOp(ast.And(), [ast.Name(f, ast.Load()) for f in assumed])
    branch = ast.If(test, [fast], [loop])
    for n in ast.walk(test):
        ast.copy_location(n, loop)
    return ast.copy_location(branch, loop)


class _Assume(ast.NodeTransformer):
    """Replaces the assumed flags by ``True`` and keeps only the branches that leaves."""

    def __init__(self, assumed: set[str]) -> None:
        self.assumed = assumed

    def visit_Name(self, node: ast.Name) -> ast.expr:
        if node.id in self.assumed and isinstance(node.ctx, ast.Load):
            return ast.copy_location(ast.Constant(True), node)
        return node

    def visit_IfExp(self, node: ast.IfExp) -> ast.expr:
        self.generic_visit(node)
        if _is_const(node.test, True):
            return node.body
        return node

    def visit_BoolOp(self, node: ast.BoolOp) -> ast.expr:
        self.generic_visit(node)
        if not isinstance(node.op, ast.And):
            return node
        values = [v for v in node.values if not _is_const(v, True)]
        if not values:
            return ast.copy_location(ast.Constant(True), node)
        if len(values) == 1:
            return values[0]
        node.values = values
        return node

    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast.expr:
        self.generic_visit(node)
        if isinstance(node.op, ast.Not) and _is_const(node.operand, True):
            return ast.copy_location(ast.Constant(False), node)
        return node

    def visit_If(self, node: ast.If) -> ast.stmt | list[ast.stmt]:
        self.generic_visit(node)
        if _is_const(node.test, True):
            return node.body
        return node


def _is_const(node: ast.expr, value: bool) -> bool:
    return isinstance(node, ast.Constant) and node.value is value
