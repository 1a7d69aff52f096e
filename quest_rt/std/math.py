"""``std/math`` (spec 9.4): the reference module, exactly — ``pi``, ``tau``, a dozen
functions of one number returning a Float, and ``round``.

The functions follow IEEE floats as the reference (Rust ``f64``) does: ``sqrt(-1)`` and
``asin(2)`` are NaN and ``ln(0)`` is ``-inf`` rather than errors.

``round(x, places)`` rounds half away from zero *as the number is written*: it works on
the shortest decimal form of ``x`` (``2.675`` rounds to ``2.68``), not on the binary value
just below it that a multiply-round-divide would see.
"""

from __future__ import annotations

import decimal
import math
from collections.abc import Callable
from typing import Any

from quest_rt.runtime.errors import ValueErr
from quest_rt.runtime.objects import QuestModule
from quest_rt.std.arguments import need_int, need_number, non_negative


def _float(x: Any, fname: str) -> float:
    """The argument as a Float; NaN and infinities pass (IEEE results, see above)."""
    need_number(x, f"math.{fname}", finite=False)
    try:
        return float(x)
    except OverflowError:
        raise ValueErr(f"math.{fname}: {x} is too large for a Float") from None


#: function -> (what it computes, an example and its value), for the docstrings
_ABOUT = {
    "abs": ("the absolute value", "math.abs(-2)  # => 2.0"),
    "sqrt": ("the square root (NaN below zero)", "math.sqrt(16)  # => 4.0"),
    "floor": ("the largest whole number <= x", "math.floor(2.7)  # => 2.0"),
    "ceil": ("the smallest whole number >= x", "math.ceil(2.1)  # => 3.0"),
    "sin": ("the sine of x radians", "math.sin(0)  # => 0.0"),
    "cos": ("the cosine of x radians", "math.cos(0)  # => 1.0"),
    "tan": ("the tangent of x radians", "math.tan(0)  # => 0.0"),
    "asin": ("the arc sine in radians (NaN outside [-1, 1])", "math.asin(1) == math.pi / 2  # => true"),
    "acos": ("the arc cosine in radians (NaN outside [-1, 1])", "math.acos(1)  # => 0.0"),
    "atan": ("the arc tangent in radians", "math.atan(0)  # => 0.0"),
    "exp": ("e to the power x", "math.exp(0)  # => 1.0"),
    "ln": ("the natural logarithm (-inf at 0, NaN below)", "math.ln(1)  # => 0.0"),
    "log10": ("the base-10 logarithm", "math.log10(1000)  # => 3.0"),
}


def _unary(fname: str, fn: Callable[[float], float]) -> Callable[[Any], float]:
    def apply(x: Any) -> float:
        return fn(_float(x, fname))

    about, example = _ABOUT[fname]
    apply.__name__ = fname
    apply.__qualname__ = fname
    apply.__doc__ = f"{fname}(x) -> Float: {about}\n\nExample:\n    {example}\n"
    return apply


def _ieee(fn: Callable[[float], float], domain: Callable[[float], bool],
          outside: Callable[[float], float]) -> Callable[[float], float]:
    """``fn`` where ``domain`` holds, else the IEEE result ``outside(x)`` Rust gives."""
    def apply(x: float) -> float:
        if x != x:
            return x
        if not domain(x):
            return outside(x)
        try:
            return fn(x)
        except OverflowError:
            return math.inf
    return apply


def _nan(_x: float) -> float:
    return math.nan


def _log(fn: Callable[[float], float]) -> Callable[[float], float]:
    return _ieee(fn, lambda x: x > 0, lambda x: -math.inf if x == 0 else math.nan)


def _exp(x: float) -> float:
    try:
        return math.exp(x)
    except OverflowError:
        return math.inf


def _trig(fn: Callable[[float], float]) -> Callable[[float], float]:
    return _ieee(fn, math.isfinite, _nan)


FUNCTIONS: dict[str, Callable[[float], float]] = {
    "abs": abs,
    "sqrt": _ieee(math.sqrt, lambda x: x >= 0, _nan),
    "floor": lambda x: float(math.floor(x)) if math.isfinite(x) else x,
    "ceil": lambda x: float(math.ceil(x)) if math.isfinite(x) else x,
    "sin": _trig(math.sin),
    "cos": _trig(math.cos),
    "tan": _trig(math.tan),
    "asin": _ieee(math.asin, lambda x: -1 <= x <= 1, _nan),
    "acos": _ieee(math.acos, lambda x: -1 <= x <= 1, _nan),
    "atan": math.atan,
    "exp": _exp,
    "ln": _log(math.log),
    "log10": _log(math.log10),
}


def round_(x: Any, places: Any = 0) -> float:
    """round(x, places = 0) -> Float: x rounded to places decimals, halves away from zero
    (2.675 rounds to 2.68: the number as written, not its binary neighbour)

    Example:
        math.round(2.5)  # => 3.0
        math.round(2.675, 2)  # => 2.68
    """
    value = _float(x, "round")
    non_negative(need_int(places, "math.round", "number of places"), "math.round", "places")
    if not math.isfinite(value):
        return value
    exact = decimal.Decimal(repr(value))
    rounded = exact.quantize(decimal.Decimal(1).scaleb(-places),
                             rounding=decimal.ROUND_HALF_UP,
                             context=decimal.Context(prec=max(400, places + 400)))
    return math.copysign(float(rounded), value) if float(rounded) == 0 else float(rounded)


round_.__name__ = "round"


def create() -> QuestModule:
    members: dict[str, Any] = {"pi": math.pi, "tau": math.tau, "round": round_}
    for name, fn in FUNCTIONS.items():
        members[name] = _unary(name, fn)
    return QuestModule("math", members, None)
