"""BigInt and Decimal (spec 1.3, 5.11): exact numbers beside the 64-bit Int and the Float.

``BigInt`` is a subclass of Python's ``int`` without the 64-bit bound. Compiled code keeps
its fast paths for ``type(x) is int``, which a BigInt never passes, so every operation on
one reaches the runtime helpers; the arithmetic methods are overridden so that a result
computed by CPython on the way (``big + 1`` on an inlined path) stays a BigInt instead of
quietly turning into an Int. ``Decimal`` is Python's ``decimal.Decimal`` under a 28-digit
context: its arithmetic is exact and ``str`` keeps the written form (``"19.90"``).

Mixing follows "the exact kind wins": Int with BigInt gives a BigInt, Int or BigInt with
Decimal gives a Decimal. A Float mixes with a BigInt (a Float result) but not with a
Decimal (TypeErr: that would lose the exactness the Decimal was chosen for).
"""

from __future__ import annotations

import decimal
import math
import operator
from collections.abc import Callable

from quest_rt.runtime.errors import RuntimeErr, TypeErr, ValueErr

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["BigInt", "Decimal", "CONTEXT", "exact", "to_bigint", "to_decimal", "is_exact"]

Decimal = decimal.Decimal

#: spec 5.11: 28 significant digits (Python's default precision, fixed here on purpose)
CONTEXT = decimal.Context(prec=28, rounding=decimal.ROUND_HALF_EVEN)


class BigInt(int):
    """An integer of any size (``123n``); prints without the ``n`` (``_rep`` adds it)."""

    __slots__ = ()
    quest_name = "BigInt"

    def __repr__(self) -> str:
        return int.__repr__(self) + "n"

    def __str__(self) -> str:
        return int.__repr__(self)

    def __format__(self, spec: str) -> str:
        return int.__format__(int(self), spec)


def _keep_big(name: str) -> Callable[[Any, Any], Any]:
    base = getattr(int, name)

    def op(self: BigInt, other: Any) -> Any:
        result = base(self, other)
        return BigInt(result) if type(result) is int else result

    op.__name__ = name
    return op


def _keep_big_unary(name: str) -> Callable[[Any], Any]:
    base = getattr(int, name)

    def op(self: BigInt) -> Any:
        return BigInt(base(self))

    op.__name__ = name
    return op


for _name in ("add", "sub", "mul", "floordiv", "mod", "pow", "and", "or", "xor", "lshift",
              "rshift"):
    setattr(BigInt, f"__{_name}__", _keep_big(f"__{_name}__"))
    setattr(BigInt, f"__r{_name}__", _keep_big(f"__r{_name}__"))
for _name in ("neg", "pos", "abs", "invert"):
    setattr(BigInt, f"__{_name}__", _keep_big_unary(f"__{_name}__"))


def is_exact(x: Any) -> bool:
    """Whether ``x`` is a BigInt or a Decimal (the kinds this module handles)."""
    t = type(x)
    return t is BigInt or t is Decimal


def _trunc_div(a: int, b: int) -> int:
    q = a // b
    return q + 1 if q < 0 and q * b != a else q


def _sign_mod(a: int, b: int) -> int:
    r = abs(a) % abs(b)
    return -r if a < 0 else r


_INT_OPS: dict[str, Callable[[int, int], int]] = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "/": _trunc_div, "%": _sign_mod,
}
_FLOAT_OPS: dict[str, Callable[[float, float], float]] = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
    "%": math.fmod,
}
_DECIMAL_OPS: dict[str, Callable[[Any, Any], Any]] = {
    "+": CONTEXT.add, "-": CONTEXT.subtract, "*": CONTEXT.multiply, "/": CONTEXT.divide,
    "%": CONTEXT.remainder,
}


def exact(op: str, a: Any, b: Any) -> Any:
    """``a op b`` (``+ - * / %``) when either side is a BigInt or a Decimal; ``None`` when
    neither is, so the caller raises its own operand error."""
    ta, tb = type(a), type(b)
    if ta is Decimal or tb is Decimal:
        if ta is float or tb is float:
            raise TypeErr(f"unsupported operand types for {op}: {_kind(a)} and {_kind(b)} "
                          "(convert the Float with Str.to_decimal() to keep it exact)")
        if not (_decimal_like(a) and _decimal_like(b)):
            return None
        if op in "/%" and b == 0:
            raise RuntimeErr("Division by zero" if op == "/" else "Modulo by zero")
        return _DECIMAL_OPS[op](Decimal(a), Decimal(b))
    if ta is BigInt or tb is BigInt:
        if ta is float or tb is float:
            if op in "/%" and b == 0:
                raise RuntimeErr("Division by zero" if op == "/" else "Modulo by zero")
            return _FLOAT_OPS[op](float(a), float(b))
        if not (ta in (int, BigInt) and tb in (int, BigInt)):
            return None
        if op in "/%" and b == 0:
            raise RuntimeErr("Division by zero" if op == "/" else "Modulo by zero")
        return BigInt(_INT_OPS[op](int(a), int(b)))
    return None


def _decimal_like(x: Any) -> bool:
    t = type(x)
    return t is Decimal or t is int or t is BigInt


def _kind(x: Any) -> str:
    from quest_rt.runtime.values import cls_name

    return cls_name(x)


# ---------------------------------------------------------------- conversions


def to_bigint(text: str) -> BigInt:
    """``Str.to_bigint()`` / ``BigInt.new(str)``: decimal or ``0x``/``0b``/``0o`` digits,
    ``_`` between digits, an optional sign, a trailing ``n`` and surrounding whitespace."""
    body = text.strip()
    if body.endswith("n"):
        body = body[:-1]
    sign = 1
    if body[:1] in ("+", "-"):
        sign, body = (-1 if body[0] == "-" else 1), body[1:]
    base = 10
    if len(body) > 2 and body[0] == "0" and body[1] in "xXbBoO":
        base, body = {"x": 16, "b": 2, "o": 8}[body[1].lower()], body[2:]
    if not body or body.startswith("_") or body.endswith("_") or "__" in body:
        raise ValueErr(f"Cannot convert '{text}' to BigInt")
    try:
        return BigInt(sign * int(body.replace("_", ""), base))
    except ValueError:
        raise ValueErr(f"Cannot convert '{text}' to BigInt") from None


def to_decimal(value: Any) -> Decimal:
    """``Decimal.new(x)`` / ``Str.to_decimal()``: from a Str (as written, ``_`` allowed
    between digits), an Int, a BigInt or a Decimal."""
    t = type(value)
    if t is Decimal:
        return value
    if t is int or t is BigInt:
        return Decimal(int(value))
    if t is str:
        text = value.strip().replace("_", "")
        try:
            result = Decimal(text)
        except decimal.InvalidOperation:
            raise ValueErr(f"Cannot convert '{value}' to Decimal") from None
        if not result.is_finite():
            raise ValueErr(f"Cannot convert '{value}' to Decimal")
        return result
    raise TypeErr(f"Decimal.new expects a Str or an Int, got {_kind(value)}")
