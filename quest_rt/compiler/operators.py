"""Operators (spec section 3): literals, names and every unary/binary operator.

Each operator has a *fast path* — CPython's own operator where Quest and Python agree —
guarded by a type test unless inference proved the operand types, and a *slow path*: the
runtime function of ``quest_rt.runtime.ops`` with the complete Quest rule. For example,
``a + b`` with unknown operands becomes::

    (·t if (·tt := ·type(·t := (·l1 := a) + (·r2 := b))) is ·int
            and (·t <= 2**30 - 1 and ·t >= -(2**30 - 1) or ·t <= 2**63 - 1 and ·t >= -2**63)
            or ·tt is ·float
     else ·add(·l1, ·r2))

CPython raises its own TypeError for ``1 + "a"``; the runtime translates it into Quest's
TypeErr wherever a Quest program can observe it (``errors.to_quest``).

Operand evaluation order is always left to right. Where a test has to look at both
operands before either is used, the chained comparison ``·type(·l := a) is ·type(·r := b)``
evaluates both (a chain short-circuits only after its first link).
"""

from __future__ import annotations

import ast

from quest_rt.compiler.emitter import Emitter, call, compiles, const, helper, name
from quest_rt.compiler.inference import NUMERIC
from quest_rt.compiler.scope import PYTHON_CONSTANTS
from quest_rt.runtime.values import INT_MAX, INT_MIN
from quest_rt.syntax import ast as q

_ARITH = {"+": (ast.Add, "add", "addition"), "-": (ast.Sub, "sub", "subtraction"),
          "*": (ast.Mult, "mul", "multiplication")}
_COMPARE = {"<": (ast.Lt, "lt"), ">": (ast.Gt, "gt"), "<=": (ast.LtE, "le"),
            ">=": (ast.GtE, "ge")}
_BITWISE = {"&": (ast.BitAnd, "bitand"), "|": (ast.BitOr, "bitor"), "^": (ast.BitXor, "bitxor")}


def _is(a: ast.expr, b: ast.expr) -> ast.Compare:
    return ast.Compare(a, [ast.Is()], [b])


def _type(e: ast.expr) -> ast.Call:
    return call(helper("type"), e)


#: The largest Int CPython keeps in one 30-bit digit. CPython specialises `<=` of two Ints
#: only when both fit one digit; against INT_MAX the comparison stays generic, which costs
#: 3.12 and 3.13 more than 3.11 (fib warm: 2.4x CPython on 3.11, 2.8x on 3.13). So each
#: overflow test first compares with this bound, which nearly every result is within, and
#: only a larger result meets the 64-bit one (fib warm 2.3x on every version).
_ONE_DIGIT = (1 << 30) - 1


def _in_range(first: ast.expr, later: ast.expr) -> ast.expr:
    """``first`` (the result, perhaps a walrus; ``later`` reads it again) is a 64-bit Int.

    Single comparisons joined by and/or, not chains: a chain's clean-up blocks would hide
    the subscript's operands from ``runtime.bounds``."""
    def between(e: ast.expr, low: int, high: int) -> ast.expr:
        return _and(ast.Compare(e, [ast.LtE()], [const(high)]),
                    ast.Compare(later, [ast.GtE()], [const(low)]))

    return _or(between(first, -_ONE_DIGIT, _ONE_DIGIT), between(later, INT_MIN, INT_MAX))


def _within_bound(first: ast.expr, later: ast.expr, grows: bool) -> ast.expr:
    """``first`` has not crossed the one 64-bit bound it can move towards."""
    if grows:
        return _or(ast.Compare(first, [ast.LtE()], [const(_ONE_DIGIT)]),
                   ast.Compare(later, [ast.LtE()], [const(INT_MAX)]))
    return _or(ast.Compare(first, [ast.GtE()], [const(-_ONE_DIGIT)]),
               ast.Compare(later, [ast.GtE()], [const(INT_MIN)]))


def _ifexp(test: ast.expr, body: ast.expr, orelse: ast.expr) -> ast.IfExp:
    return ast.IfExp(test, body, orelse)


def _and(*values: ast.expr) -> ast.BoolOp:
    return ast.BoolOp(ast.And(), list(values))


def _or(*values: ast.expr) -> ast.BoolOp:
    return ast.BoolOp(ast.Or(), list(values))


# ---------------------------------------------------------------- literals and names


@compiles(q.Int)
def compile_int(em: Emitter, node: q.Int) -> ast.expr:
    return const(node.value)


@compiles(q.Float)
def compile_float(em: Emitter, node: q.Float) -> ast.expr:
    return const(node.value)


@compiles(q.BigInt)
def compile_bigint(em: Emitter, node: q.BigInt) -> ast.expr:
    return call(helper("BigInt"), const(node.value))


@compiles(q.Str)
def compile_str(em: Emitter, node: q.Str) -> ast.expr:
    return const(node.value)


@compiles(q.Bytes)
def compile_bytes(em: Emitter, node: q.Bytes) -> ast.expr:
    return const(node.value)


@compiles(q.Bool)
def compile_bool(em: Emitter, node: q.Bool) -> ast.expr:
    return const(node.value)


@compiles(q.Nil)
def compile_nil(em: Emitter, node: q.Nil) -> ast.expr:
    return const(None)


@compiles(q.TypeName)
def compile_type_name(em: Emitter, node: q.TypeName) -> ast.expr:
    return const(node.name)


@compiles(q.Name)
def compile_name(em: Emitter, node: q.Name) -> ast.expr:
    if em.template_assigns is not None:
        from quest_rt.compiler.templates import template_name

        return template_name(em, node)
    b = em.binding(node)
    if b is None and node.name in PYTHON_CONSTANTS:
        return name(node.name + "·")
    if b is None and node.name in _MAGIC:
        return _MAGIC[node.name](em, node)
    return name(b.pyname if b is not None else node.name)


# Magic values (spec 1.5), unless a binding of the same name shadows them.
_MAGIC = {
    "__file__": lambda em, node: call(helper("magic_file"), helper("FILE")),
    "__line__": lambda em, node: const(node.line),
    # a method is named as declared (`m`, not `T.m`)
    "__function__": lambda em, node: const(em.fn.fname.rsplit(".", 1)[-1] or "<module>"),
}


def string_form(em: Emitter, node: q.Expr, value: ast.expr) -> ast.expr:
    """The Quest string form (spec 4.2) of an already compiled value."""
    return string_form_of(em, value, em.type_of(node))


@compiles(q.FStr)
def compile_fstr(em: Emitter, node: q.FStr) -> ast.expr:
    values: list[ast.expr] = []
    for part in node.parts:
        if isinstance(part, str):
            if part:
                values.append(const(part))
            continue
        value = em.expr(part.expr)
        if part.spec is None:
            piece = string_form(em, part.expr, value)
        else:
            piece = call(helper("format_spec"), value, const(part.spec))
        values.append(ast.FormattedValue(piece, -1, None))
    return ast.JoinedStr(values) if values else const("")


@compiles(q.Interp)
def compile_interp(em: Emitter, node: q.Interp) -> ast.expr:
    values: list[ast.expr] = []
    for part in node.parts:
        if isinstance(part, str):
            if part:
                values.append(const(part))
        else:
            values.append(ast.FormattedValue(string_form(em, part, em.expr(part)), -1, None))
    return ast.JoinedStr(values) if values else const("")


@compiles(q.ArrayLit)
def compile_array(em: Emitter, node: q.ArrayLit) -> ast.expr:
    return ast.List([em.expr(i) for i in node.items], ast.Load())


@compiles(q.MatrixLit)
def compile_matrix(em: Emitter, node: q.MatrixLit) -> ast.expr:
    return call(helper("matrix_error"))


@compiles(q.DictLit)
def compile_dict(em: Emitter, node: q.DictLit) -> ast.expr:
    keys: list[ast.expr | None] = []
    values: list[ast.expr] = []
    for key, value in node.pairs:
        keys.append(const(key))
        values.append(em.expr(value))
    return ast.Dict(keys, values)


# ---------------------------------------------------------------- logic


@compiles(q.Logical)
def compile_logical(em: Emitter, node: q.Logical) -> ast.expr:
    op = ast.And() if node.op == "and" else ast.Or()
    return ast.BoolOp(op, [em.expr(node.left), em.expr(node.right)])


@compiles(q.Not)
def compile_not(em: Emitter, node: q.Not) -> ast.expr:
    return ast.UnaryOp(ast.Not(), em.expr(node.operand))


@compiles(q.Elvis)
def compile_elvis(em: Emitter, node: q.Elvis) -> ast.expr:
    first, later = em.hold(em.expr(node.left), "e")
    return _ifexp(ast.Compare(first, [ast.IsNot()], [const(None)]), later, em.expr(node.right))


@compiles(q.Ternary)
def compile_ternary(em: Emitter, node: q.Ternary) -> ast.expr:
    return _ifexp(em.expr(node.cond), em.expr(node.then), em.expr(node.otherwise))


# ---------------------------------------------------------------- unary


@compiles(q.Unary)
def compile_unary(em: Emitter, node: q.Unary) -> ast.expr:
    operand = node.operand
    if node.op == "-" and isinstance(operand, q.Int | q.Float):
        return const(-operand.value)
    value = em.expr(operand)
    t = em.type_of(operand)
    if node.op == "+":
        return value if t in NUMERIC else call(helper("pos"), value)
    if node.op == "~":
        if t == "int":
            return ast.UnaryOp(ast.Invert(), value)
        return call(helper("invert"), value)
    if t == "float":
        return ast.UnaryOp(ast.USub(), value)
    if t == "int":
        tmp = em.temp("t")
        negated = ast.NamedExpr(name(tmp, True), ast.UnaryOp(ast.USub(), value))
        return _ifexp(_within_bound(negated, name(tmp), grows=True),
                      name(tmp), call(helper("int_overflow"), const("negation")))
    return call(helper("neg"), value)


# ---------------------------------------------------------------- binary


@compiles(q.Binary)
def compile_binary(em: Emitter, node: q.Binary) -> ast.expr:
    left = em.expr(node.left)
    right = em.expr(node.right)
    return binary(em, node.op, left, em.type_of(node.left), right, em.type_of(node.right))


def binary(em: Emitter, op: str, left: ast.expr, lt: str | None, right: ast.expr,
           rt: str | None, *, compound: bool = False) -> ast.expr:
    """``left op right`` on compiled operands of known (or unknown: None) types.

    ``compound`` is for ``left op= right``: there ``+`` also joins two Strs or two Arrays
    (the reference special-cases them in compound assignment only)."""
    if op in _ARITH:
        return arithmetic(em, op, left, lt, right, rt, compound)
    if op == "/":
        return division(em, left, lt, right, rt)
    if op == "%":
        return modulo(em, left, lt, right, rt)
    if op == "..":
        return concatenation(em, left, lt, right, rt)
    if op in ("==", "!="):
        test = equality(em, left, lt, right, rt)
        return test if op == "==" else ast.UnaryOp(ast.Not(), test)
    if op in _COMPARE:
        return comparison(em, op, left, lt, right, rt)
    if op in _BITWISE:
        pyop, slow = _BITWISE[op]
        if lt == "int" and rt == "int":
            return ast.BinOp(left, pyop(), right)
        return call(helper(slow), left, right)
    if op == "<<":
        return call(helper("shl"), left, right)
    if op == ">>":
        return call(helper("shr"), left, right)
    raise ValueError(f"unknown operator {op}")


def _int_literal(e: ast.expr) -> int | None:
    if isinstance(e, ast.Constant) and type(e.value) is int:
        return e.value
    return None


def arithmetic(em: Emitter, op: str, left: ast.expr, lt: str | None, right: ast.expr,
               rt: str | None, compound: bool = False) -> ast.expr:
    pyop, slow, what = _ARITH[op]
    if compound and op == "+":
        slow = "add_assign"
    if lt in NUMERIC and rt in NUMERIC and "float" in (lt, rt):
        return ast.BinOp(left, pyop(), right)
    tmp = em.temp("t")
    if lt == "int" and rt == "int":
        result = ast.NamedExpr(name(tmp, True), ast.BinOp(left, pyop(), right))
        literal = _int_literal(right)
        if op in ("+", "-") and literal is not None:
            # one bound can only be crossed in one direction
            grows = (literal >= 0) == (op == "+")
            test = _within_bound(result, name(tmp), grows)
        else:
            test = _in_range(result, name(tmp))
        return _ifexp(test, name(tmp), call(helper("int_overflow"), const(what)))
    if isinstance(right, ast.Constant) and type(right.value) is float or \
            isinstance(left, ast.Constant) and type(left.value) is float:
        # a Float literal: the result is a Float or CPython raises TypeError
        return ast.BinOp(left, pyop(), right)
    if "float" in (lt, rt):
        # one operand is known to be a Float: test for a Float result first and only
        # (inference.binary_type claims a Float here)
        lf, ll = em.hold(left, "l")
        rf, rl = em.hold(right, "r")
        result = ast.NamedExpr(name(tmp, True), ast.BinOp(lf, pyop(), rf))
        return _ifexp(_is(_type(result), helper("float")), name(tmp),
                      call(helper(slow), ll, rl))
    literal = _int_literal(right)
    if literal is not None and op in ("+", "-") and lt in (None, "num"):
        # `x + 1`: CPython gives an Int or a Float, or raises TypeError for anything else,
        # so only the one bound the literal moves towards needs a test
        lf, ll = em.hold(left, "l")
        grows = (literal >= 0) == (op == "+")
        result = ast.NamedExpr(name(tmp, True), ast.BinOp(lf, pyop(), right))
        test = _within_bound(result, name(tmp), grows)
        return _ifexp(test, name(tmp), call(helper(slow), ll, right))
    ttmp = em.temp("tt")
    if op in ("+", "-"):
        # CPython's result alone tells what happened: an Int (range-checked), a Float,
        # or a Str/Array from adding two of them, which Quest refuses
        result = ast.NamedExpr(name(tmp, True), ast.BinOp(left, pyop(), right))
        is_int = _is(ast.NamedExpr(name(ttmp, True), _type(result)), helper("int"))
        test = _or(_and(is_int, _in_range(name(tmp), name(tmp))), _is(name(ttmp), helper("float")))
        return _ifexp(test, name(tmp), call(helper("arith_result"), name(tmp),
                                            const(op + "=" if compound else op)))
    lf, ll = em.hold(left, "l")
    rf, rl = em.hold(right, "r")
    result = ast.NamedExpr(name(tmp, True), ast.BinOp(lf, pyop(), rf))
    is_int = _is(ast.NamedExpr(name(ttmp, True), _type(result)), helper("int"))
    test = _or(_and(is_int, _in_range(name(tmp), name(tmp))), _is(name(ttmp), helper("float")))
    return _ifexp(test, name(tmp), call(helper(slow), ll, rl))


def division(em: Emitter, left: ast.expr, lt: str | None, right: ast.expr,
             rt: str | None) -> ast.expr:
    if lt in NUMERIC and rt in NUMERIC and "float" in (lt, rt):
        return ast.BinOp(left, ast.Div(), right)
    literal = _int_literal(right)
    if lt == "int" and literal is not None and literal > 0:
        # truncation toward zero for a positive divisor: floor for n >= 0, mirrored below
        first, later = em.hold(left, "l")
        neg = ast.UnaryOp(ast.USub(), ast.BinOp(ast.UnaryOp(ast.USub(), later), ast.FloorDiv(),
                                                right))
        return _ifexp(ast.Compare(first, [ast.GtE()], [const(0)]),
                      ast.BinOp(later, ast.FloorDiv(), right), neg)
    return call(helper("div"), left, right)


def modulo(em: Emitter, left: ast.expr, lt: str | None, right: ast.expr,
           rt: str | None) -> ast.expr:
    literal = _int_literal(right)
    positive_literal = literal is not None and literal > 0
    if positive_literal and lt == "int":
        first, later = em.hold(left, "l")
        neg = ast.UnaryOp(ast.USub(), ast.BinOp(ast.UnaryOp(ast.USub(), later), ast.Mod(),
                                                right))
        return _ifexp(ast.Compare(first, [ast.GtE()], [const(0)]),
                      ast.BinOp(later, ast.Mod(), right), neg)
    if rt == "int" or positive_literal:
        # the common `n % i` with an Int divisor: Python's % agrees for n >= 0 and i > 0
        lf, ll = em.hold(left, "l")
        rf, rl = em.hold(right, "r")
        if lt == "int":
            left_ok: ast.expr = ast.Compare(lf, [ast.GtE()], [const(0)])
        else:
            left_ok = _and(em.type_test(lf, "int"),
                           ast.Compare(ll, [ast.GtE()], [const(0)]))
        test = _and(left_ok, ast.Compare(rf, [ast.Gt()], [const(0)]))
        return _ifexp(test, ast.BinOp(ll, ast.Mod(), rl), call(helper("mod"), ll, rl))
    return call(helper("mod"), left, right)


def string_form_of(em: Emitter, value: ast.expr, t: str | None) -> ast.expr:
    if t == "str":
        return value
    if t == "int":
        return call(helper("str"), value)
    first, later = em.hold(value)
    return _ifexp(em.type_test(first, "str"), later, call(helper("to_str"), later))


def concatenation(em: Emitter, left: ast.expr, lt: str | None, right: ast.expr,
                  rt: str | None) -> ast.expr:
    if lt == "str" or (rt == "str" and lt not in ("list", "nil")):
        # one side is a Str, so this is never an Array concatenation
        return ast.BinOp(string_form_of(em, left, lt), ast.Add(), string_form_of(em, right, rt))
    lf, ll = em.hold(left, "l")
    rf, rl = em.hold(right, "r")
    test = ast.Compare(_type(lf), [ast.Is(), ast.Is()], [_type(rf), helper("str")])
    return _ifexp(test, ast.BinOp(ll, ast.Add(), rl), call(helper("concat"), ll, rl))


def _literal_kind(e: ast.expr) -> str | None:
    if not isinstance(e, ast.Constant):
        return None
    v = e.value
    if v is None:
        return "nil"
    if type(v) is bool:
        return "bool"
    if type(v) is str:
        return "str"
    if type(v) is int or type(v) is float:
        return "num"
    return None


def equality(em: Emitter, left: ast.expr, lt: str | None, right: ast.expr,
             rt: str | None) -> ast.expr:
    """``a == b`` as a Python expression that is True or False (spec 3.4)."""
    if _literal_kind(right) is None and _literal_kind(left) is not None:
        # literals are pure: moving one to the right does not change evaluation order
        left, lt, right, rt = right, rt, left, lt
    kind = _literal_kind(right)
    if kind == "nil":
        return _is(left, const(None))
    if kind == "bool":
        return _is(left, right)
    if kind == "str":
        return ast.Compare(left, [ast.Eq()], [right])
    if kind == "num":
        if lt in NUMERIC or right.value not in (0, 1):  # type: ignore[attr-defined]
            return ast.Compare(left, [ast.Eq()], [right])
        first, later = em.hold(left, "l")
        return _and(ast.Compare(_type(first), [ast.IsNot()], [helper("bool")]),
                    ast.Compare(later, [ast.Eq()], [right]))
    simple_types = ("int", "float", "num", "str")
    if lt in simple_types and rt in simple_types and (lt == rt or {lt, rt} <= set(NUMERIC)):
        return ast.Compare(left, [ast.Eq()], [right])
    lf, ll = em.hold(left, "l")
    rf, rl = em.hold(right, "r")
    test = ast.Compare(_type(lf), [ast.Is(), ast.In()], [_type(rf), helper("SCALARS")])
    return _ifexp(test, ast.Compare(ll, [ast.Eq()], [rl]), call(helper("eq"), ll, rl))


def comparison(em: Emitter, op: str, left: ast.expr, lt: str | None, right: ast.expr,
               rt: str | None) -> ast.expr:
    """``< > <= >=``: CPython's operator for two Ints or two Strs; everything else (a Float
    may be NaN, which Quest refuses to order; mixed kinds have Quest's own order) goes to
    the runtime's ``compare``."""
    pyop, slow = _COMPARE[op]
    if (lt == "int" and rt == "int") or (lt == "str" and rt == "str"):
        return ast.Compare(left, [pyop()], [right])
    if lt in NUMERIC and rt in NUMERIC:
        # numbers: CPython's order, unless an operand that may be a Float is NaN (x == x
        # is false only for NaN); the test evaluates the operands, left first
        lf, ll = em.hold(left, "l")
        rf, rl = em.hold(right, "r")
        parts: list[ast.expr] = []
        for first, later, t in ((lf, ll, lt), (rf, rl, rt)):
            literal = isinstance(first, ast.Constant)
            if t != "int" and not (literal and first.value == first.value):
                parts.append(ast.Compare(first, [ast.Eq()], [later]))
            elif first is not later:
                parts.append(_is(first, later))
        if not parts:
            return ast.Compare(left, [pyop()], [right])
        test = parts[0] if len(parts) == 1 else _and(*parts)
        return _ifexp(test, ast.Compare(ll, [pyop()], [rl]), call(helper(slow), ll, rl))
    if lt == "int":
        # only the right operand needs a test
        if em.is_simple(right) and (em.is_simple(left) or em.is_pure(left)):
            # reading the right variable first is harmless: the left has no effects;
            # a pure left is written in both branches and evaluated in one of them
            test = em.type_test(right, "int")
            return _ifexp(test, ast.Compare(left, [pyop()], [right]),
                          call(helper(slow), left, right))
        # `(·l := a) is ·l` evaluates the left operand first, whatever the right one does
        lf, ll = em.hold(left, "l")
        rf, rl = em.hold(right, "r")
        test = _and(_is(lf, ll), em.type_test(rf, "int"))
        return _ifexp(test, ast.Compare(ll, [pyop()], [rl]), call(helper(slow), ll, rl))
    if rt == "int":
        lf, ll = em.hold(left, "l")
        test = em.type_test(lf, "int")
        return _ifexp(test, ast.Compare(ll, [pyop()], [right]), call(helper(slow), ll, right))
    lf, ll = em.hold(left, "l")
    rf, rl = em.hold(right, "r")
    test = ast.Compare(_type(lf), [ast.Is(), ast.In()], [_type(rf), helper("ORDERED")])
    return _ifexp(test, ast.Compare(ll, [pyop()], [rl]), call(helper(slow), ll, rl))
