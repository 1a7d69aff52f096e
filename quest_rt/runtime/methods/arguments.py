"""Argument checks shared by the method tables.

A built-in method that gets an argument of the wrong kind raises TypeErr with a message
naming the Quest method and both kinds: ``Array.join expects a Str separator, got Int``.
Wrong argument *counts* never reach these helpers: CPython refuses the call and
``dispatch.call_method`` turns that into an ArgErr.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from quest_rt.runtime.dispatch import CO_VARARGS
from quest_rt.runtime.errors import RuntimeErr, TypeErr, ValueErr
from quest_rt.runtime.values import INT_MAX, INT_MIN, cls_name

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def wrong_type(method: str, wanted: str, value: Any) -> TypeErr:
    """``Str.repeat expects an Int, got Str``."""
    return TypeErr(f"{method} expects {wanted}, got {cls_name(value)}")


def need_int(value: Any, method: str, wanted: str = "an Int") -> int:
    if type(value) is not int:
        raise wrong_type(method, wanted, value)
    return value


def need_str(value: Any, method: str, wanted: str = "a Str") -> str:
    if type(value) is not str:
        raise wrong_type(method, wanted, value)
    return value


def need_num(value: Any, method: str) -> int | float:
    t = type(value)
    if t is not int and t is not float:
        raise wrong_type(method, "a number", value)
    return value


def need_list(value: Any, method: str, wanted: str = "an Array") -> list:
    if type(value) is not list:
        raise wrong_type(method, wanted, value)
    return value


def need_callable(value: Any, method: str) -> Callable[..., Any]:
    if not callable(value) or isinstance(value, type):
        raise wrong_type(method, "a function", value)
    return value


def int_result(value: int, what: str) -> int:
    """Ints are 64-bit (spec 3.2): anything outside is a RuntimeErr."""
    if INT_MIN <= value <= INT_MAX:
        return value
    raise RuntimeErr(f"Integer overflow in {what}")


def float_to_int(x: float, method: str) -> int:
    """Truncate a Float to an Int: NaN and infinities are ValueErr, overflow RuntimeErr."""
    if not math.isfinite(x):
        raise ValueErr(f"{method}: cannot convert {'NaN' if x != x else 'infinity'} to Int")
    return int_result(int(x), method)


def slice_bounds(length: int, start: Any, end: Any, method: str) -> tuple[int, int]:
    """``slice(start, end)`` bounds (spec 5.5): negatives from the end, clamped.

    Python's own slice arithmetic already clamps and gives an empty result when start
    is past end; this only checks the kinds and resolves an omitted end.
    """
    need_int(start, method, "Int bounds")
    if end is None:
        return start, length
    need_int(end, method, "Int bounds")
    return start, end


def arity(fn: Any) -> int | None:
    """How many positional parameters a Quest function declares, or None if unknown.

    Quest functions compile to ``def``s, so ``__code__.co_argcount`` is the number of
    declared parameters. A bound method does not count its ``self``; a struct with
    ``_call`` counts its ``_call``'s. A function taking ``*rest`` accepts any count and
    any other callable (a built-in, ``functools.partial``...) is unknown: both None.
    """
    code = getattr(fn, "__code__", None)
    if code is not None:
        if code.co_flags & CO_VARARGS:
            return None
        count = code.co_argcount
        if getattr(fn, "__self__", None) is not None:
            count -= 1
        return count
    call = getattr(fn, "_call", None)
    if call is not None and call is not fn:
        return arity(call)
    return None
