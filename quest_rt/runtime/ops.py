"""Operators and statement helpers that compiled Quest code calls.

The compiler inlines the fast path of each operator (``a + b`` on two Ints with an
overflow check, a list index with an Int) and calls the function of the same name here
when the operands are anything else. Each function implements the whole Quest rule of
spec section 3, so inline fast paths may always fall back to it.
"""

from __future__ import annotations

import math

from quest_rt.runtime.bignum import BigInt, Decimal, exact, is_exact
from quest_rt.runtime.bounds import out_of_range
from quest_rt.runtime.errors import (
    ArgErr,
    AttrErr,
    Err,
    IndexErr,
    RuntimeErr,
    TypeErr,
    UserRaise,
    ValueErr,
)
from quest_rt.runtime.values import INT_MAX, INT_MIN, cls_name, eq, to_str

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_NUM = (int, float)


def _is_num(x: Any) -> bool:
    t = type(x)
    return t is int or t is float


def _operand_error(op: str, a: Any, b: Any) -> TypeErr:
    return TypeErr(f"unsupported operand types for {op}: {cls_name(a)} and {cls_name(b)}")


def _exact(op: str, a: Any, b: Any) -> Any:
    """``a op b`` with a BigInt or a Decimal on either side, else the operand error."""
    result = exact(op, a, b)
    if result is None:
        raise _operand_error(op, a, b)
    return result


def _int_result(value: int, what: str) -> int:
    if INT_MIN <= value <= INT_MAX:
        return value
    raise RuntimeErr(f"Integer overflow in {what}")


def int_overflow(what: str) -> Any:
    raise RuntimeErr(f"Integer overflow in {what}")


def arith_result(result: Any, op: str) -> Any:
    """The slow path of an inlined ``+``/``-`` whose CPython result was not an in-range Int
    or a Float: an overflow, or a Str/Array ``+`` (Quest's ``+`` is numeric only)."""
    t = type(result)
    if t is int:
        raise RuntimeErr(f"Integer overflow in {'subtraction' if op == '-' else 'addition'}")
    if t is float or t is BigInt or t is Decimal or op == "+=" and (t is str or t is list):
        return result
    kind = cls_name(result)
    raise TypeErr(f"unsupported operand types for {op}: {kind} and {kind}")


def add(a: Any, b: Any) -> Any:
    if _is_num(a) and _is_num(b):
        if type(a) is int and type(b) is int:
            return _int_result(a + b, "addition")
        return a + b
    return _exact("+", a, b)


def add_assign(a: Any, b: Any) -> Any:
    """``a += b``: numeric ``+``, except that two Strs concatenate and two Arrays give the
    joined Array (a new one: other references to ``a`` keep the old contents)."""
    ta = type(a)
    if ta is type(b) and (ta is str or ta is list):
        return a + b
    return add(a, b)


def sub(a: Any, b: Any) -> Any:
    if _is_num(a) and _is_num(b):
        if type(a) is int and type(b) is int:
            return _int_result(a - b, "subtraction")
        return a - b
    return _exact("-", a, b)


def mul(a: Any, b: Any) -> Any:
    ta, tb = type(a), type(b)
    if _is_num(a) and _is_num(b):
        if ta is int and tb is int:
            return _int_result(a * b, "multiplication")
        return a * b
    if ta is str and tb is int or ta is int and tb is str:
        count = b if tb is int else a
        if count < 0:
            raise ValueErr("Cannot repeat a string a negative number of times")
        return a * b
    return _exact("*", a, b)


def div(a: Any, b: Any) -> Any:
    """``/``: Int / Int truncates toward zero; division by zero is a RuntimeErr."""
    if not (_is_num(a) and _is_num(b)):
        return _exact("/", a, b)
    if b == 0:
        raise RuntimeErr("Division by zero")
    if type(a) is int and type(b) is int:
        q = a // b
        if q < 0 and q * b != a:
            q += 1
        return _int_result(q, "division")
    return a / b


def mod(a: Any, b: Any) -> Any:
    """``%``: the result takes the sign of the left operand; Float uses fmod."""
    if not (_is_num(a) and _is_num(b)):
        return _exact("%", a, b)
    if b == 0:
        raise RuntimeErr("Modulo by zero")
    if type(a) is int and type(b) is int:
        r = abs(a) % abs(b)
        return -r if a < 0 else r
    return math.fmod(a, b)


def neg(a: Any) -> Any:
    t = type(a)
    if t is int:
        return _int_result(-a, "negation")
    if t is float or t is BigInt or t is Decimal:
        return -a
    raise TypeErr(f"unsupported operand type for unary -: {cls_name(a)}")


def pos(a: Any) -> Any:
    if _is_num(a) or is_exact(a):
        return a
    raise TypeErr(f"unsupported operand type for unary +: {cls_name(a)}")


def _bit_operand(x: Any, op: str) -> int:
    t = type(x)
    if t is int:
        return x
    if t is bool:
        return int(x)
    if t is float:
        return int(x)
    raise TypeErr(f"unsupported operand type for {op}: {cls_name(x)}")


def invert(a: Any) -> int:
    if type(a) is not int:
        raise TypeErr(f"unsupported operand type for unary ~: {cls_name(a)}")
    return ~a


def bitand(a: Any, b: Any) -> int:
    return _bit_operand(a, "&") & _bit_operand(b, "&")


def bitor(a: Any, b: Any) -> int:
    return _bit_operand(a, "|") | _bit_operand(b, "|")


def bitxor(a: Any, b: Any) -> int:
    return _bit_operand(a, "^") ^ _bit_operand(b, "^")


def shl(a: Any, b: Any) -> int:
    x, n = _bit_operand(a, "<<"), _bit_operand(b, "<<")
    if n < 0 or n >= 64:
        raise RuntimeErr("shift overflow")
    return _int_result(x << n, "shift")


def shr(a: Any, b: Any) -> int:
    x, n = _bit_operand(a, ">>"), _bit_operand(b, ">>")
    if n < 0 or n >= 64:
        raise RuntimeErr("shift overflow")
    return x >> n


def concat(a: Any, b: Any) -> Any:
    """``..`` (spec 3.3): string forms joined; Array .. Array (or nil) is a new Array."""
    ta, tb = type(a), type(b)
    if ta is list and (tb is list or b is None):
        return a + b if tb is list else list(a)
    if tb is list and a is None:
        return list(b)
    return (a if ta is str else to_str(a)) + (b if tb is str else to_str(b))


def ne(a: Any, b: Any) -> bool:
    return not eq(a, b)


# ---------------------------------------------------------------- indexing


def _fitting_index(i: Any) -> Any:
    """A BigInt index that fits is used as an Int (spec 3.10); anything else unchanged."""
    if type(i) is BigInt and INT_MIN <= i <= INT_MAX:
        return int(i)
    return i


def _char_index(s: str, i: Any) -> str:
    if type(i) is not int and type(i := _fitting_index(i)) is not int:
        raise TypeErr(f"String index must be an Int, got {cls_name(i)}")
    n = len(s)
    j = i + n if i < 0 else i
    if not 0 <= j < n:
        raise IndexErr(out_of_range(s, i))
    return s[j]


def index(obj: Any, i: Any) -> Any:
    """``obj[i]`` read (spec 3.10)."""
    t = type(obj)
    if t is list:
        if type(i) is not int and type(i := _fitting_index(i)) is not int:
            raise TypeErr(f"Array index must be an Int, got {cls_name(i)}")
        try:
            return obj[i]
        except IndexError:
            raise IndexErr(out_of_range(obj, i)) from None
    if t is dict:
        return obj.get(i if type(i) is str else to_str(i))
    if t is str:
        return _char_index(obj, i)
    if t is bytes:
        if type(i) is not int and type(i := _fitting_index(i)) is not int:
            raise TypeErr(f"Bytes index must be an Int, got {cls_name(i)}")
        n = len(obj)
        j = i + n if i < 0 else i
        if not 0 <= j < n:
            raise IndexErr(out_of_range(obj, i))
        return obj[j]
    getter = getattr(obj, "quest_index", None)
    if getter is not None:
        return getter(i)
    raise TypeErr(f"{cls_name(obj)} does not support indexing")


def index_multi(obj: Any, *indices: Any) -> Any:
    raise TypeErr(f"{cls_name(obj)} does not support multi-dimensional indexing")


def setindex(obj: Any, i: Any, value: Any) -> None:
    """``obj[i] = value`` (spec 2.3)."""
    t = type(obj)
    if t is list:
        if type(i) is not int and type(i := _fitting_index(i)) is not int:
            raise TypeErr(f"Array index must be an Int, got {cls_name(i)}")
        try:
            obj[i] = value
        except IndexError:
            raise IndexErr(out_of_range(obj, i)) from None
        return
    if t is dict:
        obj[i if type(i) is str else to_str(i)] = value
        return
    if t is str or t is bytes:
        raise TypeErr(f"{cls_name(obj)} is immutable and does not support index assignment")
    raise TypeErr(f"{cls_name(obj)} does not support index assignment")


def setmember(obj: Any, name: str, value: Any) -> None:
    from quest_rt.runtime.errors import AttrErr
    from quest_rt.runtime.objects import Struct

    if not isinstance(obj, Struct):
        if type(obj) is dict:
            raise AttrErr(f"Cannot assign field '{name}' of a Dict with '.'; "
                          f"use d[\"{name}\"] = ...")
        raise AttrErr(f"Cannot assign field '{name}' on {cls_name(obj)}")
    field = type(obj).quest_field_map.get(name)
    if field is None:
        raise AttrErr(f"Type {type(obj).quest_name} has no field '{name}'")
    object.__setattr__(obj, field.slot, value)


# ---------------------------------------------------------------- loops


def _range_int(x: Any, what: str) -> int:
    t = type(x)
    if t is int:
        return x
    if t is float:
        return int(x)
    if t is BigInt:
        return int(x)
    if t is Decimal:
        raise TypeErr(f"Range {what} must be an Int, a Float or a BigInt, got Decimal "
                      "(a Decimal range is for match arms)")
    raise TypeErr(f"Range {what} must be a number, got {cls_name(x)}")


def range_of(start: Any, end: Any, inclusive: bool, step: Any = None) -> Any:
    """``a to b [step s]`` / ``a until b [step s]`` (spec 2.6); BigInts with a BigInt bound."""
    values = _int_range(start, end, inclusive, step)
    if type(start) is BigInt or type(end) is BigInt or type(step) is BigInt:
        return map(BigInt, values)
    return values


def _int_range(start: Any, end: Any, inclusive: bool, step: Any) -> range:
    a, b = _range_int(start, "start"), _range_int(end, "end")
    if step is None:
        s = 1 if a <= b else -1
    else:
        s = _range_int(step, "step")
        if s == 0:
            raise ValueErr("Range step cannot be 0")
    if inclusive:
        return range(a, b + (1 if s > 0 else -1), s)
    return range(a, b, s)


def iter_values(coll: Any) -> Any:
    """What ``for x in coll`` walks: a snapshot of an Array, Dict keys, Str characters."""
    t = type(coll)
    if t is list:
        return coll.copy()
    if t is dict:
        return list(coll)
    if t is str:
        return coll
    if t is range:
        return coll
    if t is bytes:
        return list(coll)
    it = getattr(coll, "quest_iter", None)
    if it is not None:
        return it()
    raise TypeErr(f"Cannot iterate over {cls_name(coll)}")


def iter_pairs(coll: Any) -> Any:
    """What ``for a, b in coll`` walks: (element, index) for Arrays, (key, value) for Dicts."""
    t = type(coll)
    if t is list:
        return [(v, i) for i, v in enumerate(coll)]
    if t is dict:
        return list(coll.items())
    if t is str:
        return [(c, i) for i, c in enumerate(coll)]
    it = getattr(coll, "quest_iter_pairs", None)
    if it is not None:
        return it()
    raise TypeErr(f"Cannot iterate over {cls_name(coll)} with two variables")


# ---------------------------------------------------------------- match


def match_range(subject: Any, start: Any, end: Any, inclusive: bool, step: Any = None) -> bool:
    """A ``match`` range arm (spec 2.8)."""
    for v, what in ((subject, "subject"), (start, "range start"), (end, "range end")):
        if not (_is_num(v) or is_exact(v)):
            raise TypeErr(f"match range {what} must be a number, got {cls_name(v)}")
    if step is not None and Decimal in (type(subject), type(start), type(end), type(step)):
        raise TypeErr("a Decimal match range cannot have a step")
    if type(subject) is float and Decimal in (type(start), type(end)) or \
            type(subject) is Decimal and float in (type(start), type(end)):
        raise TypeErr("match range: cannot compare a Decimal with a Float exactly")
    if inclusive:
        inside = start <= subject <= end
    else:
        inside = start <= subject < end
    if not inside:
        return False
    if step is None:
        return True
    subject, start, end, step = (int(v) if type(v) is BigInt else v
                                 for v in (subject, start, end, step))
    if not (type(step) is int and type(subject) is int and type(start) is int
            and type(end) is int):
        raise TypeErr("match range with step needs Int subject, bounds and step")
    if step <= 0:
        raise ValueErr("match range step must be positive")
    return (subject - start) % step == 0


# ---------------------------------------------------------------- calls


def spread(value: Any) -> list:
    if type(value) is not list:
        raise ArgErr(f"*spread needs an Array, got {cls_name(value)}")
    return value


def kwspread(value: Any) -> dict:
    if type(value) is not dict:
        raise ArgErr(f"**spread needs a Dict, got {cls_name(value)}")
    return value


def arg_order_error() -> Any:
    raise ArgErr("positional argument follows named argument")


def duplicate_named_error(name: str) -> Any:
    raise ArgErr(f"named argument '{name}' given more than once")


def merge_named(*dicts: dict) -> dict:
    """Named arguments when ``**spread`` is mixed with explicit ones: later ones win."""
    out: dict = {}
    for d in dicts:
        out.update(d)
    return out


# ---------------------------------------------------------------- exceptions


def raise_value(value: Any) -> BaseException:
    """What ``raise value`` raises (spec 2.9)."""
    from quest_rt.runtime.objects import is_error_value

    if isinstance(value, Err):
        return value
    if type(value) is str:
        return RuntimeErr(value)
    if isinstance(value, type) and issubclass(value, Err):
        return value("")
    if is_error_value(value):
        return UserRaise(value)
    raise TypeErr(f"Cannot raise {cls_name(value)}: must implement Error trait")


def catch_matches(error: Any, wanted: Any) -> bool:
    """Whether a ``catch e: T`` clause takes ``error`` (the value ``to_quest`` gave)."""
    from quest_rt.runtime.errors import Err as ErrBase
    from quest_rt.runtime.objects import StructType

    if wanted is ErrBase:
        return True
    if isinstance(wanted, type) and issubclass(wanted, ErrBase):
        return isinstance(error, wanted)  # IndexErr is a RuntimeErr (spec 8.2)
    if isinstance(wanted, StructType):
        return type(error) is wanted
    raise TypeErr(f"catch clause type must be an error type, got {cls_name(wanted)}")


def check_catch_type(wanted: Any) -> None:
    from quest_rt.runtime.errors import Err as ErrBase
    from quest_rt.runtime.objects import StructType

    if isinstance(wanted, type) and issubclass(wanted, ErrBase):
        return
    if isinstance(wanted, StructType):
        if not any(t.name == "Error" for t in wanted.quest_traits):
            raise TypeErr(f"Type {wanted.quest_name} in catch clause does not implement Error")
        return
    raise TypeErr(f"catch clause type must be an error type, got {cls_name(wanted)}")


# ---------------------------------------------------------------- with


def _context_call(resource: Any, name: str) -> Any:
    """``resource._enter()``/``_exit()`` for ``with`` (spec 2.10), or an AttrErr in the
    reference's words when the value is no context manager."""
    from quest_rt.runtime.dispatch import METHODS, UNIVERSAL, call_method

    table = METHODS.get(type(resource))
    if table is not None:
        present = name in table or name in UNIVERSAL
    else:
        present = callable(getattr(resource, name, None))
    if not present:
        raise AttrErr(f"{cls_name(resource)} has no method '{name}' (a `with` value needs "
                      "_enter and _exit)")
    return call_method(resource, name)


def with_enter(resource: Any) -> Any:
    return _context_call(resource, "_enter")


def with_exit(resource: Any) -> Any:
    return _context_call(resource, "_exit")


# ---------------------------------------------------------------- misc


def array_new(count: Any = None, value: Any = None) -> list:
    """``Array.new()``, ``Array.new(n)``, ``Array.new(n, v)``."""
    if count is None:
        return []
    if type(count) is not int:
        raise TypeErr(f"Array.new count must be an Int, got {cls_name(count)}")
    if count < 0:
        raise ValueErr("Array.new count must not be negative")
    return [value] * count


def matrix_error() -> Any:
    raise RuntimeErr("2D arrays not yet implemented")


def break_outside_loop() -> Any:
    raise RuntimeErr("break outside of a loop")


def continue_outside_loop() -> Any:
    raise RuntimeErr("continue outside of a loop")


def not_a_type_name(name: str) -> Any:
    raise TypeErr(f"Unknown type '{name}'")
