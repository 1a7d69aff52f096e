"""BigInt and Decimal methods (spec 5.11), their type objects, and the conversions to them
from Str and Int (``"12n".to_bigint()``, ``"19.99".to_decimal()``, ``5.to_bigint()``).

The values themselves live in ``runtime.bignum``; this module only gives them Quest names.
A Decimal keeps the form it was written in (``Decimal.new("19.90").to_string()`` is
``"19.90"``), and its arithmetic is exact up to 28 significant digits.
"""

from __future__ import annotations

import decimal

from quest_rt.runtime.bignum import CONTEXT, BigInt, Decimal, exact, to_bigint, to_decimal
from quest_rt.runtime.dispatch import method
from quest_rt.runtime.errors import RuntimeErr, TypeErr, ValueErr
from quest_rt.runtime.methods.arguments import need_int
from quest_rt.runtime.values import INT_MAX, INT_MIN, cls_name, compare, float_str

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class DecimalType:
    """The Quest type object ``Decimal``: ``Decimal.new("19.99")``, ``Decimal.zero()``."""

    quest_name = "Decimal"

    @staticmethod
    def new(value: Any) -> Decimal:
        "new(value) -> Decimal: from a Str as written (\"19.90\"), an Int or a BigInt"
        return to_decimal(value)

    @staticmethod
    def zero() -> Decimal:
        "zero() -> Decimal: 0"
        return Decimal(0)


def _bigint_new(value: Any) -> BigInt:
    "new(value) -> BigInt: from a Str (\"123\", \"0xFF\", \"12n\") or an Int"
    t = type(value)
    if t is str:
        return to_bigint(value)
    if t is int or t is BigInt:
        return BigInt(value)
    raise TypeErr(f"BigInt.new expects a Str or an Int, got {cls_name(value)}")


BigInt.new = staticmethod(_bigint_new)  # type: ignore[attr-defined]


# ---------------------------------------------------------------- conversions to them


@method(str, "to_bigint")
def str_to_bigint(s: str) -> BigInt:
    """to_bigint() -> BigInt: decimal or 0x/0b/0o digits, `_` separators, an optional `n`

    Example:
        "0xFF".to_bigint()  # => 255n
        "1_000n".to_bigint() * 2  # => 2000n
    """
    return to_bigint(s)


@method(str, "to_decimal")
def str_to_decimal(s: str) -> Decimal:
    """to_decimal() -> Decimal: the number as written ("19.90" keeps its zero)

    Example:
        "19.90".to_decimal().to_string()  # => "19.90"
    """
    return to_decimal(s)


@method(int, "to_bigint")
def int_to_bigint(n: int) -> BigInt:
    """to_bigint() -> BigInt: the same integer as a BigInt

    Example:
        9223372036854775807.to_bigint() + 1  # => 9223372036854775808n
    """
    return BigInt(n)


@method(int, "to_decimal")
def int_to_decimal(n: int) -> Decimal:
    """to_decimal() -> Decimal: the same integer as a Decimal

    Example:
        3.to_decimal().to_string()  # => "3"
    """
    return Decimal(n)


# ---------------------------------------------------------------- shared by both


def _arith(op: str, name: str) -> Any:
    def fn(x: Any, other: Any) -> Any:
        result = exact(op, x, other)
        if result is None:
            raise TypeErr(f"{cls_name(x)}.{name} expects a number, got {cls_name(other)}")
        return result

    fn.__doc__ = f"{name}(other) -> the value {op} other"
    return fn


def _arith_method(op: str, names: tuple[str, ...]) -> Any:
    fn = _arith(op, names[0])
    if len(names) > 1:
        fn.__doc__ += f" (alias {names[1]})"
    return fn


for _kind in (BigInt, Decimal):
    for _op, _names in (("+", ("plus", "add")), ("-", ("minus", "sub")),
                        ("*", ("times", "mul")), ("/", ("div",)), ("%", ("mod",))):
        method(_kind, *_names)(_arith_method(_op, _names))


def _to_string(x: Any) -> str:
    "to_string() -> Str: the digits (a Decimal as written)"
    return str(x)


def _to_f64(x: Any) -> float:
    "to_f64() -> Float: the nearest Float (alias to_float)"
    return float(x)


def _to_int(x: Any) -> int:
    "to_int() -> Int: truncated toward zero (RuntimeErr outside the 64-bit range)"
    value = int(x)
    if not INT_MIN <= value <= INT_MAX:
        raise RuntimeErr(f"{cls_name(x)} {x} does not fit in an Int")
    return value


def _abs(x: Any) -> Any:
    "abs() -> the absolute value"
    return abs(x)


def _neg(x: Any) -> Any:
    "neg() -> the negated value"
    return -x


def _sign(x: Any) -> int:
    "sign() -> Int: -1, 0 or 1"
    return (x > 0) - (x < 0)


def _is_zero(x: Any) -> bool:
    "is_zero() -> Bool"
    return x == 0


def _cmp(x: Any, other: Any) -> int:
    "cmp(other) -> Int: -1, 0 or 1"
    return compare(x, other)


for _kind in (BigInt, Decimal):
    method(_kind, "to_string")(_to_string)
    method(_kind, "to_f64", "to_float")(_to_f64)
    method(_kind, "to_int")(_to_int)
    method(_kind, "abs")(_abs)
    method(_kind, "neg")(_neg)
    method(_kind, "sign")(_sign)
    method(_kind, "is_zero")(_is_zero)
    method(_kind, "cmp")(_cmp)


# ---------------------------------------------------------------- BigInt only


@method(BigInt, "to_bigint")
def bigint_to_bigint(n: BigInt) -> BigInt:
    "to_bigint() -> BigInt: itself"
    return n


@method(BigInt, "to_decimal")
def bigint_to_decimal(n: BigInt) -> Decimal:
    """to_decimal() -> Decimal: the same integer as a Decimal

    Example:
        3.to_decimal().to_string()  # => "3"
    """
    return Decimal(int(n))


@method(BigInt, "pow")
def bigint_pow(n: BigInt, e: Any) -> BigInt:
    "pow(e) -> BigInt: n to the power e (e a non-negative Int)"
    e = need_int(int(e) if type(e) is BigInt else e, "BigInt.pow")
    if e < 0:
        raise ValueErr("BigInt.pow expects a non-negative exponent")
    return BigInt(int(n) ** e)


# ---------------------------------------------------------------- Decimal only


@method(Decimal, "to_decimal")
def decimal_to_decimal(d: Decimal) -> Decimal:
    "to_decimal() -> Decimal: itself"
    return d


@method(Decimal, "round")
def decimal_round(d: Decimal, places: Any = 0) -> Decimal:
    "round(places = 0) -> Decimal: rounded half to even to that many decimals"
    places = need_int(places, "Decimal.round")
    try:
        return d.quantize(Decimal(1).scaleb(-places), context=CONTEXT)
    except decimal.InvalidOperation:
        raise ValueErr(f"Cannot round {d} to {places} places") from None


@method(Decimal, "fmt")
def decimal_fmt(d: Decimal, places: Any) -> str:
    "fmt(places) -> Str: fixed-point with that many decimals"
    places = need_int(places, "Decimal.fmt")
    return format(decimal_round(d, places), "f")


def float_to_decimal(x: float) -> Decimal:
    """A Float's shortest decimal form as a Decimal (``0.1`` gives ``0.1``)."""
    return Decimal(float_str(x))


@method(float, "to_decimal")
def float_method_to_decimal(x: float) -> Decimal:
    """to_decimal() -> Decimal: the Float's printed form as a Decimal (0.1 gives 0.1)

    Example:
        0.1.to_decimal().to_string()  # => "0.1"
    """
    if x != x or x in (float("inf"), float("-inf")):
        raise ValueErr(f"Cannot convert {float_str(x)} to Decimal")
    return float_to_decimal(x)


__all__ = ["DecimalType", "float_to_decimal"]
