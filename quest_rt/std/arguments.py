"""Argument checks for the std bindings: one wording for every module.

A std function given an argument of the wrong kind raises TypeErr naming the function as
Quest code calls it, the kind it wanted and the Quest type it got::

    web.test_server expects an Int port, got Str
    time.sleep expects a number of seconds, got Str

This is the wording of the method tables (``runtime.methods.arguments.wrong_type``, which
builds the message here too), so ``"x".repeat("2")`` and ``io.read(1)`` read alike. The
checks live in ``std`` rather than in the runtime package because the bindings need kinds
the method tables never check (Dict, Bool, Bytes, a finite number, nil-or-something, a
bound) and the runtime should not grow for them.

Every check takes the value, the Quest name of the function (``"io.read"``,
``"StringIO.seek"``) and optionally a noun for the argument (``"path"``), and returns the
value unchanged when it is acceptable, so a binding reads::

    port = need_int(port, "web.test_server", "port")
    timeout = optional(need_number, timeout, "WebSocketConnection.receive", "of seconds")

A value of the right kind but out of range is a ValueErr in the same voice
(``time.sleep: seconds must not be negative, got -1``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, TypeVar

from quest_rt.runtime.errors import TypeErr, ValueErr
from quest_rt.runtime.methods.arguments import wrong_type
from quest_rt.runtime.values import float_str, is_function

__all__ = [
    "need_bool",
    "need_bytes",
    "need_dict",
    "need_fn",
    "need_int",
    "need_list",
    "need_number",
    "need_str",
    "need_str_or_bytes",
    "non_negative",
    "optional",
    "wrong_kind",
]

T = TypeVar("T")


def wrong_kind(value: Any, fname: str, kind: str, what: str = "") -> TypeErr:
    """``{fname} expects {kind} {what}, got {Type}``: for checks this module lacks."""
    return wrong_type(fname, f"{kind} {what}" if what else kind, value)


def need_str(value: Any, fname: str, what: str = "") -> str:
    if type(value) is not str:
        raise wrong_kind(value, fname, "a Str", what)
    return value


def need_int(value: Any, fname: str, what: str = "") -> int:
    if type(value) is not int:
        raise wrong_kind(value, fname, "an Int", what)
    return value


def need_number(value: Any, fname: str, what: str = "", *, finite: bool = True) -> int | float:
    """An Int or a Float; a NaN or infinite Float is a ValueErr unless ``finite=False``."""
    t = type(value)
    if t is int:
        return value
    if t is not float:
        raise wrong_kind(value, fname, "a number", what)
    if finite and not math.isfinite(value):
        raise ValueErr(
            f"{fname} expects a finite number{' ' + what if what else ''}, got {float_str(value)}"
        )
    return value


def need_bool(value: Any, fname: str, what: str = "") -> bool:
    if type(value) is not bool:
        raise wrong_kind(value, fname, "a Bool", what)
    return value


def need_dict(value: Any, fname: str, what: str = "") -> dict:
    if type(value) is not dict:
        raise wrong_kind(value, fname, "a Dict", what)
    return value


def need_list(value: Any, fname: str, what: str = "") -> list:
    if type(value) is not list:
        raise wrong_kind(value, fname, "an Array", what)
    return value


def need_bytes(value: Any, fname: str, what: str = "") -> bytes:
    if type(value) is not bytes:
        raise wrong_kind(value, fname, "Bytes", what)
    return value


def need_str_or_bytes(value: Any, fname: str, what: str = "") -> str | bytes:
    if type(value) is not str and type(value) is not bytes:
        raise wrong_kind(value, fname, "Str or Bytes", what)
    return value


def need_fn(value: Any, fname: str, what: str = "") -> Callable[..., Any]:
    """A Quest function, a bound method or a native function (not a type)."""
    if isinstance(value, type) or not (is_function(value) or callable(value)):
        raise wrong_kind(value, fname, "a Fun", what)
    return value


def optional(
    check: Callable[[Any, str, str], T], value: Any, fname: str, what: str = ""
) -> T | None:
    """``check`` unless ``value`` is nil, which passes through."""
    return None if value is None else check(value, fname, what)


def non_negative(value: int | float, fname: str, what: str) -> int | float:
    """A number already checked for kind that must be >= 0 (else ValueErr)."""
    if value < 0:
        raise ValueErr(f"{fname}: {what} must not be negative, got {value}")
    return value
