"""Control flow (spec 2.4–2.12): if, loops, break/continue, return, raise, try, match, with.

Loops whose iteration frame declares a variable captured by a closure get their body
emitted as a nested ``def`` called once per iteration (``Loop.body_function``, decided by
``scope.py``), because Python cells live per call and Quest wants one per iteration.
Inside such a body function ``break`` is ``return ·BREAK``, ``continue`` is ``return``,
and a Quest ``return`` is ``return (·RET, value)``, unwrapped at the call site.
"""

from __future__ import annotations

import ast

from quest_rt.compiler.calls import annotation_value, scope_declarations
from quest_rt.compiler.emitter import (
    NO_TAIL,
    Emitter,
    FunctionContext,
    LoopContext,
    Tail,
    call,
    compiles,
    const,
    helper,
    name,
)
from quest_rt.runtime.errors import ERROR_TYPES
from quest_rt.syntax import ast as q
from quest_rt.syntax.records import fields


@compiles(q.ExprStmt)
def compile_expr_stmt(em: Emitter, node: q.ExprStmt, tail: Tail) -> list[ast.stmt]:
    return em.tail_value(em.expr(node.expr), tail)


@compiles(q.If)
def compile_if(em: Emitter, node: q.If, tail: Tail) -> list[ast.stmt]:
    orelse: list[ast.stmt] = []
    if node.orelse is not None:
        orelse = em.block(node.orelse, tail)
    elif tail.mode == "result" or (tail.mode == "return" and tail.returns is not None):
        orelse = em.tail_nil(tail)
    for branch in reversed(node.branches):
        saved, em.pending = em.pending, []
        test = em.expr(branch.cond)
        pre, em.pending = em.pending, saved
        stmt = ast.If(test, em.block(branch.body, tail), orelse)
        orelse = pre + [stmt] if pre else [stmt]
    return orelse


# ---------------------------------------------------------------- loops


def _module_level(pyscope) -> bool:
    while pyscope is not None and pyscope.kind == "loop":
        pyscope = pyscope.parent
    return pyscope is None or pyscope.is_module


def _emit_loop_body(em: Emitter, node: q.While | q.For, params: list[str]) \
        -> tuple[list[ast.stmt], list[ast.stmt]]:
    """(statements before the loop, the loop's body statements)."""
    loop = em.info.loops[id(node)]
    if not loop.body_function:
        em.fn.loops.append(LoopContext(node, False))
        try:
            return [], em.block(node.body)
        finally:
            em.fn.loops.pop()
    pyscope = loop.frame.pyscope
    fname = em.temp("loop")
    outer = em.fn
    em.fn = FunctionContext(pyscope, [LoopContext(node, True)], returns=outer.returns,
                            fname=outer.fname, in_loop_body_function=True)
    saved_pending, em.pending = em.pending, []
    try:
        body = em.block(node.body)
    finally:
        em.fn = outer
        em.pending = saved_pending
    arguments = ast.arguments(posonlyargs=[], args=[ast.arg(p) for p in params], vararg=None,
                              kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[])
    define = ast.FunctionDef(fname, arguments, scope_declarations(pyscope) + body, [], None)
    result = em.temp("r")
    handle: list[ast.stmt] = [ast.If(ast.Compare(name(result), [ast.Is()], [helper("BREAK")]),
                                     [ast.Break()], [])]
    if not _module_level(pyscope):
        if outer.in_loop_body_function:
            handle.append(ast.Return(name(result)))
        else:
            handle.append(ast.Return(ast.Subscript(name(result), const(1), ast.Load())))
    invoke = [
        ast.Assign([name(result, True)], call(name(fname), *[name(p) for p in params])),
        ast.If(ast.Compare(name(result), [ast.IsNot()], [const(None)]), handle, []),
    ]
    return [define], invoke


def _nodes(node: object):
    """Every Quest node under ``node`` (fields, tuples of nodes), ``node`` included."""
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, tuple):
            stack.extend(n)
        elif isinstance(n, q.Node):
            yield n
            stack.extend(getattr(n, name) for name in fields(n))


def _plus_one(em: Emitter, stmt: q.Stmt, counter) -> bool:
    if not (isinstance(stmt, q.Assign) and isinstance(stmt.target, q.Name)
            and em.binding(stmt.target) is counter):
        return False
    value = stmt.value
    if stmt.op == "+":
        return isinstance(value, q.Int) and value.value == 1
    return stmt.op is None and isinstance(value, q.Binary) and value.op == "+" and \
        isinstance(value.left, q.Name) and em.binding(value.left) is counter and \
        isinstance(value.right, q.Int) and value.right.value == 1


def bounded_counter(em: Emitter, node: q.While) -> None:
    """Drop the overflow check of ``k += 1`` in ``while k < n``, where provably safe.

    The loop runs its body only after ``k < n`` held; when ``n`` is an Int (at most
    INT_MAX) and that increment, a statement of the body itself (not of a nested loop),
    is the body's one store to ``k``, then ``k + 1 <= n`` cannot overflow. When ``n``'s
    type is only known at run time through a hoisted flag, the increment tests that flag.
    Must run with the loop's context open (the flag belongs to the loop).
    """
    cond = node.cond
    if em.info.loops[id(node)].body_function or not (
            isinstance(cond, q.Binary) and cond.op == "<" and isinstance(cond.left, q.Name)):
        return
    counter = em.binding(cond.left)
    if counter is None or counter.type != "int" or counter.assigned_in_nested or \
            counter.captured:
        return
    increments = [s for s in node.body if _plus_one(em, s, counter)]
    stores = [n for n in _nodes(node.body)
              if isinstance(n, q.Assign) and isinstance(n.target, q.Name)
              and em.binding(n.target) is counter or isinstance(n, q.Del)]
    if len(increments) != 1 or stores != increments:
        return
    if em.type_of(cond.right) == "int":
        em.bounded_increments[id(increments[0])] = None
    elif isinstance(cond.right, q.Name) and em.binding(cond.right) is not None:
        flag = em.type_test(name(em.binding(cond.right).pyname), "int")
        if isinstance(flag, ast.Name):
            em.bounded_increments[id(increments[0])] = flag


@compiles(q.While)
def compile_while(em: Emitter, node: q.While, tail: Tail) -> list[ast.stmt]:
    saved, em.pending = em.pending, []
    # the condition runs once per iteration: its type tests may use hoisted flags
    em.fn.loops.append(LoopContext(node, False))
    try:
        test = em.expr(node.cond)
        bounded_counter(em, node)
    finally:
        em.fn.loops.pop()
    pre, em.pending = em.pending, saved
    define, body = _emit_loop_body(em, node, [])
    # `while True: if not test: break` rather than `while test:`: CPython 3.11 compiles
    # the latter's back edge to a conditional jump, which never counts towards
    # specialising the function, so a loop in a function called once stays slow
    exit_test = ast.If(ast.UnaryOp(ast.Not(), test), [ast.Break()], [])
    return pre + define + [ast.While(const(True), [exit_test, *body], [])] + em.tail_nil(tail)


@compiles(q.For)
def compile_for(em: Emitter, node: q.For, tail: Tail) -> list[ast.stmt]:
    saved, em.pending = em.pending, []
    it = node.iterable
    if isinstance(it, q.Range):
        args = [em.expr(it.start), em.expr(it.end), const(it.inclusive)]
        if it.step is not None:
            args.append(em.expr(it.step))
        iterable: ast.expr = call(helper("range_of"), *args)
    elif len(node.names) == 1:
        iterable = call(helper("iter_values"), em.expr(it))
    else:
        iterable = call(helper("iter_pairs"), em.expr(it))
    pre, em.pending = em.pending, saved
    pynames = [em.info.decls[id(node), i].pyname for i in range(len(node.names))]  # type: ignore
    if len(node.names) == 2 and isinstance(it, q.Range):
        return pre + [ast.Expr(call(helper("range_pair_error")))]
    define, body = _emit_loop_body(em, node, pynames)
    if len(pynames) == 1:
        target: ast.expr = name(pynames[0], True)
    else:
        target = ast.Tuple([name(p, True) for p in pynames], ast.Store())
    return pre + define + [ast.For(target, iterable, body, [])] + em.tail_nil(tail)


@compiles(q.Break)
def compile_break(em: Emitter, node: q.Break, tail: Tail) -> list[ast.stmt]:
    if not em.fn.loops:
        return [ast.Expr(call(helper("break_outside_loop")))]
    if em.fn.loops[-1].body_function:
        return [ast.Return(helper("BREAK"))]
    return [ast.Break()]


@compiles(q.Continue)
def compile_continue(em: Emitter, node: q.Continue, tail: Tail) -> list[ast.stmt]:
    if not em.fn.loops:
        return [ast.Expr(call(helper("continue_outside_loop")))]
    if em.fn.loops[-1].body_function:
        return [ast.Return(None)]
    return [ast.Continue()]


@compiles(q.Return)
def compile_return(em: Emitter, node: q.Return, tail: Tail) -> list[ast.stmt]:
    value = em.expr(node.value) if node.value is not None else const(None)
    if _module_level(em.fn.pyscope):
        stmts: list[ast.stmt] = []
        if node.value is not None:
            stmts.append(ast.Expr(value))
        return stmts + [ast.Raise(call(helper("ModuleReturn")), None)]
    value = em.checked_return(value, em.fn)
    if em.fn.in_loop_body_function:
        return [ast.Return(ast.Tuple([helper("RET"), value], ast.Load()))]
    return [ast.Return(value)]


@compiles(q.Raise)
def compile_raise(em: Emitter, node: q.Raise, tail: Tail) -> list[ast.stmt]:
    if node.value is None:
        return [ast.Raise(None, None)]
    return [ast.Raise(call(helper("raise_value"), em.expr(node.value)), None)]


# ---------------------------------------------------------------- try


def _catch_type(em: Emitter, ref: q.TypeRef) -> tuple[ast.expr, bool]:
    """(the type value, whether it must be checked when the ``try`` starts)."""
    if ref.module is None and em.binding(ref) is None:
        # a built-in error type, a global declared elsewhere, or NameErr (spec 2.9)
        return name(ref.name), ref.name not in ERROR_TYPES
    return annotation_value(em, ref), True


@compiles(q.Try)
def compile_try(em: Emitter, node: q.Try, tail: Tail) -> list[ast.stmt]:
    pre: list[ast.stmt] = []
    body = em.block(node.body, tail)
    handlers: list[ast.ExceptHandler] = []
    if node.catches:
        caught, quest = em.temp("exc"), em.temp("err")
        chain: list[ast.stmt] = [ast.Raise(None, None)]
        for catch in reversed(node.catches):
            binding: list[ast.stmt] = []
            if catch.name is not None:
                b = em.info.decls[id(catch)]
                binding = [ast.Assign([name(b.pyname, True)], name(quest))]
            catch_body = binding + em.block(catch.body, tail)
            if catch.type is None or (catch.type.name == "Err" and catch.type.module is None
                                      and em.binding(catch.type) is None):
                chain = catch_body
                continue
            wanted, check = _catch_type(em, catch.type)
            if check:
                pre.append(ast.Expr(call(helper("check_catch_type"), wanted)))
            # isinstance: `catch e: RuntimeErr` also takes an IndexErr (spec 8.2)
            test = call(helper("isinstance"), name(quest), wanted)
            chain = [ast.If(test, catch_body, chain)]
        handler_body = [ast.Assign([name(quest, True)], call(helper("to_quest"), name(caught)))]
        handlers.append(ast.ExceptHandler(helper("Exception"), caught, handler_body + chain))
    final = em.block(node.ensure) if node.ensure is not None else []
    return pre + [ast.Try(body, handlers, [], final)]


# ---------------------------------------------------------------- match


def _arm_test(em: Emitter, subject: str, arm: q.MatchArm) -> ast.expr:
    from quest_rt.compiler.operators import equality

    if arm.range is not None:
        r = arm.range
        args = [name(subject), em.expr(r.start), em.expr(r.end), const(r.inclusive)]
        if r.step is not None:
            args.append(em.expr(r.step))
        return call(helper("match_range"), *args)
    tests = [equality(em, name(subject), None, em.expr(v), em.type_of(v)) for v in arm.values]
    return tests[0] if len(tests) == 1 else ast.BoolOp(ast.Or(), tests)


@compiles(q.Match)
def compile_match(em: Emitter, node: q.Match, tail: Tail) -> list[ast.stmt]:
    subject = em.temp("m")
    stmts: list[ast.stmt] = [ast.Assign([name(subject, True)], em.expr(node.subject))]
    orelse = em.block(node.orelse, tail) if node.orelse is not None else em.tail_nil(tail)
    for arm in reversed(node.arms):
        saved, em.pending = em.pending, []
        test = _arm_test(em, subject, arm)
        pre, em.pending = em.pending, saved
        orelse = pre + [ast.If(test, em.block(arm.body, tail), orelse)]
    return stmts + orelse


# ---------------------------------------------------------------- with


@compiles(q.With)
def compile_with(em: Emitter, node: q.With, tail: Tail) -> list[ast.stmt]:
    # `with` is a statement whose value is nil (spec 2): the body is never in tail position
    return _with_items(em, node, list(node.items)) + em.tail_nil(tail)


def _with_items(em: Emitter, node: q.With, items: list[q.WithItem]) -> list[ast.stmt]:
    if not items:
        return em.block(node.body)
    item, rest = items[0], items[1:]
    resource, done = em.temp("w"), em.temp("done")
    stmts: list[ast.stmt] = [ast.Assign([name(resource, True)], em.expr(item.expr))]
    entered = call(helper("with_enter"), name(resource))
    if item.name is not None:
        b = em.info.decls[id(item)]
        stmts.append(ast.Assign([name(b.pyname, True)], entered))
    else:
        stmts.append(ast.Expr(entered))
    stmts.append(ast.Assign([name(done, True)], const(False)))
    exit_call = call(helper("with_exit"), name(resource))
    handler = ast.ExceptHandler(helper("Exception"), None, [
        ast.Assign([name(done, True)], const(True)),
        ast.If(ast.UnaryOp(ast.Not(), exit_call), [ast.Raise(None, None)], []),
    ])
    final = [ast.If(ast.UnaryOp(ast.Not(), name(done)), [ast.Expr(exit_call)], [])]
    stmts.append(ast.Try(_with_items(em, node, rest), [handler], [], final))
    return stmts


__all__ = ["NO_TAIL"]
