"""Int and Float methods (spec 5.3, 5.4).

The arithmetic methods are the operators (``3.plus(4)`` is ``3 + 4``, with the same
overflow and division rules, from ``ops``); the comparison methods are ``==`` and the
ordering of spec 3.4. Where the two types differ:

* ``pow``: Int to a non-negative Int power stays Int (overflow checked), any other
  combination is a Float computed with IEEE rules (``(-8.0).pow(0.5)`` is NaN, not a
  Python complex number; ``0.pow(-1)`` is ``inf``);
* ``min``/``max``: results have the receiver's type (a Float argument of an Int is
  truncated first);
* ``floor``/``ceil``/``round`` of a Float are Ints (``round`` goes half away from zero,
  so ``2.5.round()`` is 3 and ``-2.5.round()`` is -3); of an Int they are the identity;
  ``trunc`` keeps the receiver's type.
"""

from __future__ import annotations

import math

from quest_rt.runtime import ops
from quest_rt.runtime.dispatch import method
from quest_rt.runtime.errors import RuntimeErr
from quest_rt.runtime.methods.arguments import float_to_int, int_result, need_num
from quest_rt.runtime.values import compare, eq, float_str

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

NUMBERS = (int, float)


def _name(x: Any, m: str) -> str:
    return ("Int." if type(x) is int else "Float.") + m


# ---------------------------------------------------------------- both: arithmetic


@method(NUMBERS, "plus", "add")
def number_plus(x: Any, n: Any) -> Any:
    """plus(n) -> Num: x + n (alias add)

    Example:
        2.plus(3)  # => 5
        2.5.add(1)  # => 3.5
    """
    return ops.add(x, need_num(n, _name(x, "plus")))


@method(NUMBERS, "minus", "sub")
def number_minus(x: Any, n: Any) -> Any:
    """minus(n) -> Num: x - n (alias sub)

    Example:
        10.minus(4)  # => 6
        1.5.sub(1)  # => 0.5
    """
    return ops.sub(x, need_num(n, _name(x, "minus")))


@method(NUMBERS, "times", "mul")
def number_times(x: Any, n: Any) -> Any:
    """times(n) -> Num: x * n (alias mul)

    Example:
        6.times(7)  # => 42
        1.5.mul(2)  # => 3.0
    """
    return ops.mul(x, need_num(n, _name(x, "times")))


@method(NUMBERS, "div")
def number_div(x: Any, n: Any) -> Any:
    """div(n) -> Num: x / n (Int / Int truncates toward zero; zero is a RuntimeErr)

    Example:
        7.div(2)  # => 3
        7.0.div(2)  # => 3.5
    """
    return ops.div(x, need_num(n, _name(x, "div")))


@method(NUMBERS, "mod")
def number_mod(x: Any, n: Any) -> Any:
    """mod(n) -> Num: x % n (sign of x; zero is a RuntimeErr)

    Example:
        7.mod(3)  # => 1
        let n = -7
        n.mod(3)  # => -1
    """
    return ops.mod(x, need_num(n, _name(x, "mod")))


# ---------------------------------------------------------------- both: comparison


@method(NUMBERS, "eq")
def number_eq(x: Any, v: Any) -> bool:
    """eq(v) -> Bool: x == v

    Example:
        3.eq(3)  # => true
        3.eq("3")  # => false
    """
    return eq(x, v)


@method(NUMBERS, "neq")
def number_neq(x: Any, v: Any) -> bool:
    """neq(v) -> Bool: x != v

    Example:
        3.neq(4)  # => true
    """
    return not eq(x, v)


@method(NUMBERS, "gt")
def number_gt(x: Any, n: Any) -> bool:
    """gt(n) -> Bool: x > n

    Example:
        5.gt(3)  # => true
    """
    return compare(x, need_num(n, _name(x, "gt"))) > 0


@method(NUMBERS, "lt")
def number_lt(x: Any, n: Any) -> bool:
    """lt(n) -> Bool: x < n

    Example:
        5.lt(3)  # => false
    """
    return compare(x, need_num(n, _name(x, "lt"))) < 0


@method(NUMBERS, "gte")
def number_gte(x: Any, n: Any) -> bool:
    """gte(n) -> Bool: x >= n

    Example:
        3.gte(3)  # => true
    """
    return compare(x, need_num(n, _name(x, "gte"))) >= 0


@method(NUMBERS, "lte")
def number_lte(x: Any, n: Any) -> bool:
    """lte(n) -> Bool: x <= n

    Example:
        2.5.lte(2)  # => false
    """
    return compare(x, need_num(n, _name(x, "lte"))) <= 0


# ---------------------------------------------------------------- both: the rest


@method(NUMBERS, "neg")
def number_neg(x: Any) -> Any:
    """neg() -> Num: -x

    Example:
        5.neg()  # => -5
    """
    return ops.neg(x)


@method(NUMBERS, "to_string")
def number_to_string(x: Any) -> str:
    """to_string() -> Str: the string form (3.0 gives "3")

    Example:
        42.to_string()  # => "42"
        3.0.to_string()  # => "3"
    """
    return str(x) if type(x) is int else float_str(x)


def float_pow(base: float, exponent: float) -> float:
    """``base ** exponent`` with IEEE results where Python raises or goes complex."""
    try:
        return math.pow(base, exponent)
    except ZeroDivisionError:
        return _zero_to_negative_power(base, exponent)
    except ValueError:
        if base == 0 and exponent < 0:
            return _zero_to_negative_power(base, exponent)
        return math.nan  # a negative base to a non-integral power
    except OverflowError:
        odd = float(exponent).is_integer() and int(exponent) % 2 == 1
        return -math.inf if base < 0 and odd else math.inf


def _zero_to_negative_power(base: float, exponent: float) -> float:
    odd = float(exponent).is_integer() and int(exponent) % 2 == 1
    return math.copysign(math.inf, base) if odd else math.inf


# ---------------------------------------------------------------- Int


@method(int, "abs")
def int_abs(x: int) -> int:
    """abs() -> Int: the absolute value

    Example:
        let n = -7
        n.abs()  # => 7
    """
    return int_result(abs(x), "abs")


@method(int, "sign")
def int_sign(x: int) -> int:
    """sign() -> Int: -1, 0 or 1

    Example:
        let n = -7
        n.sign()  # => -1
        0.sign()  # => 0
    """
    return (x > 0) - (x < 0)


@method(int, "pow")
def int_pow(x: int, e: Any) -> Any:
    """pow(e) -> Num: x to the power e (Int for an Int e >= 0, else Float)

    Example:
        2.pow(10)  # => 1024
        2.pow(-1)  # => 0.5
    """
    need_num(e, "Int.pow")
    if type(e) is float or e < 0:
        return float_pow(float(x), float(e))
    if abs(x) >= 2 and e >= 64:
        raise RuntimeErr("Integer overflow in pow")  # |x|^64 >= 2^64: not computed
    return int_result(x ** e, "pow")


@method(int, "min")
def int_min(x: int, o: Any) -> int:
    """min(o) -> Int: the smaller of x and o (a Float o is truncated)

    Example:
        3.min(5)  # => 3
        3.min(1.9)  # => 1
    """
    o = need_num(o, "Int.min")
    return min(x, o if type(o) is int else float_to_int(o, "Int.min"))


@method(int, "max")
def int_max(x: int, o: Any) -> int:
    """max(o) -> Int: the larger of x and o (a Float o is truncated)

    Example:
        3.max(5)  # => 5
    """
    o = need_num(o, "Int.max")
    return max(x, o if type(o) is int else float_to_int(o, "Int.max"))


@method(int, "round")
def int_round(x: int) -> int:
    """round() -> Int: x itself

    Example:
        7.round()  # => 7
    """
    return x


@method(int, "floor")
def int_floor(x: int) -> int:
    """floor() -> Int: x itself

    Example:
        7.floor()  # => 7
    """
    return x


@method(int, "ceil")
def int_ceil(x: int) -> int:
    """ceil() -> Int: x itself

    Example:
        7.ceil()  # => 7
    """
    return x


@method(int, "trunc")
def int_trunc(x: int) -> int:
    """trunc() -> Int: x itself

    Example:
        7.trunc()  # => 7
    """
    return x


@method(int, "to_f64", "to_num")
def int_to_f64(x: int) -> float:
    """to_f64() -> Float: x as a Float (alias to_num)

    Example:
        7.to_f64()  # => 7.0
        7.to_num()  # => 7.0
    """
    return float(x)


# ---------------------------------------------------------------- Float


@method(float, "abs")
def float_abs(x: float) -> float:
    """abs() -> Float: the absolute value

    Example:
        let x = -2.5
        x.abs()  # => 2.5
    """
    return abs(x)


@method(float, "sign")
def float_sign(x: float) -> float:
    """sign() -> Float: -1.0, 0.0 or 1.0 (NaN for NaN)

    Example:
        let x = -2.5
        x.sign()  # => -1.0
    """
    if x != x:
        return x
    return float((x > 0) - (x < 0))


@method(float, "pow")
def float_pow_method(x: float, e: Any) -> float:
    """pow(e) -> Float: x to the power e

    Example:
        2.0.pow(3)  # => 8.0
        9.0.pow(0.5)  # => 3.0
    """
    return float_pow(x, float(need_num(e, "Float.pow")))


def _float_min(a: float, b: float) -> float:
    # IEEE minNum (Rust's f64::min): a NaN operand is ignored.
    if a != a:
        return b
    if b != b:
        return a
    return min(a, b)


@method(float, "min")
def float_min(x: float, o: Any) -> float:
    """min(o) -> Float: the smaller of x and o

    Example:
        1.5.min(2)  # => 1.5
    """
    return _float_min(x, float(need_num(o, "Float.min")))


@method(float, "max")
def float_max(x: float, o: Any) -> float:
    """max(o) -> Float: the larger of x and o

    Example:
        1.5.max(2)  # => 2.0
    """
    o = float(need_num(o, "Float.max"))
    if x != x:
        return o
    if o != o:
        return x
    return max(x, o)


@method(float, "floor")
def float_floor(x: float) -> int:
    """floor() -> Int: the largest Int <= x

    Example:
        2.7.floor()  # => 2
        let x = -2.5
        x.floor()  # => -3
    """
    return float_to_int(math.floor(x) if math.isfinite(x) else x, "Float.floor")


@method(float, "ceil")
def float_ceil(x: float) -> int:
    """ceil() -> Int: the smallest Int >= x

    Example:
        2.1.ceil()  # => 3
    """
    return float_to_int(math.ceil(x) if math.isfinite(x) else x, "Float.ceil")


@method(float, "round")
def float_round(x: float) -> int:
    """round() -> Int: the nearest Int, halves away from zero (2.5 gives 3, -2.5 gives -3)

    Example:
        2.5.round()  # => 3
        2.4.round()  # => 2
    """
    if not math.isfinite(x):
        return float_to_int(x, "Float.round")
    magnitude = abs(x)
    whole = math.floor(magnitude)
    if magnitude - whole >= 0.5:  # exact: a non-negative double minus its floor
        whole += 1
    return int_result(-whole if x < 0 else whole, "Float.round")


@method(float, "trunc")
def float_trunc(x: float) -> float:
    """trunc() -> Float: x with its fraction dropped (toward zero)

    Example:
        2.7.trunc()  # => 2.0
    """
    if not math.isfinite(x):
        return x
    return math.copysign(float(math.trunc(x)), x)


@method(float, "to_int")
def float_to_int_method(x: float) -> int:
    """to_int() -> Int: x truncated toward zero

    Example:
        2.7.to_int()  # => 2
        let x = -2.7
        x.to_int()  # => -2
    """
    return float_to_int(x, "Float.to_int")


@method(float, "to_f64", "to_num")
def float_to_f64(x: float) -> float:
    """to_f64() -> Float: x itself (alias to_num)

    Example:
        2.5.to_f64()  # => 2.5
    """
    return x


@method(float, "is_nan")
def float_is_nan(x: float) -> bool:
    """is_nan() -> Bool: whether x is NaN

    Example:
        2.5.is_nan()  # => false
    """
    return x != x


@method(float, "is_infinite")
def float_is_infinite(x: float) -> bool:
    """is_infinite() -> Bool: whether x is inf or -inf

    Example:
        1e308.times(10.0).is_infinite()  # => true
        2.5.is_infinite()  # => false
    """
    return math.isinf(x)


@method(float, "is_finite")
def float_is_finite(x: float) -> bool:
    """is_finite() -> Bool: whether x is neither NaN nor infinite

    Example:
        2.5.is_finite()  # => true
    """
    return math.isfinite(x)
