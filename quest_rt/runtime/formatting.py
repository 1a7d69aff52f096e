"""Format specs of f-strings and ``Str.fmt`` (spec 4.4).

``[[fill]align][sign][#][0][width][.precision][type]``. Unlike Python, the default
alignment is right for every kind (strings included), precision on an Int formats it
as a Float with that many decimals, and ``x``/``b``/``o`` on a Float truncate it first.
"""

from __future__ import annotations

import decimal
import re

from quest_rt.runtime.errors import ArgErr, ValueErr
from quest_rt.runtime.values import to_str

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_SPEC = re.compile(
    r"^(?:(?P<fill>.)?(?P<align>[<>^]))?(?P<sign>[+\- ])?(?P<alt>#)?(?P<zero>0)?"
    r"(?P<width>\d+)?(?:\.(?P<precision>\d+))?(?P<type>[xXboeE])?$", re.S)


def format_spec(value: Any, spec: str) -> str:
    m = _SPEC.match(spec)
    if m is None:
        raise ValueErr(f"Invalid format spec '{spec}'")
    fill = m.group("fill") or (" " if not m.group("zero") else "0")
    align = m.group("align") or ">"
    sign = m.group("sign") or "-"
    width = int(m.group("width") or 0)
    precision = m.group("precision")
    kind = m.group("type")
    t = type(value)
    exact = isinstance(value, int) and t is not bool or isinstance(value, decimal.Decimal)
    numeric = t is int or t is float or exact  # BigInt and Decimal format exactly
    if kind in ("x", "X", "b", "o"):
        if not numeric:
            raise ValueErr(f"Format type '{kind}' needs a number, got {to_str(value)}")
        n = int(value)
        body = format(abs(n), kind)
        if m.group("alt"):
            body = {"x": "0x", "X": "0X", "b": "0b", "o": "0o"}[kind] + body
        negative = n < 0
    elif kind in ("e", "E"):
        if not numeric:
            raise ValueErr(f"Format type '{kind}' needs a number, got {to_str(value)}")
        p = int(precision) if precision is not None else 6
        body = format(abs(float(value)), f".{p}{kind}")
        negative = value < 0
    elif numeric and precision is not None:
        exact_value = decimal.Decimal(value) if exact else abs(float(value))
        body = format(abs(exact_value), f".{int(precision)}f")
        negative = value < 0
    elif numeric:
        body = to_str(abs(value)) if value == value else to_str(value)
        negative = value < 0
    else:
        body = to_str(value)
        if precision is not None:
            body = body[:int(precision)]
        negative = False
    if numeric:
        prefix = "-" if negative else ("+" if sign == "+" else " " if sign == " " else "")
        if m.group("zero") and not m.group("align"):
            return prefix + body.rjust(max(width - len(prefix), 0), "0")
        body = prefix + body
    pad = width - len(body)
    if pad <= 0:
        return body
    if align == "<":
        return body + fill * pad
    if align == "^":
        left = pad // 2
        return fill * left + body + fill * (pad - left)
    return fill * pad + body


_FIELD = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")


def fmt(template: str, *args: Any) -> str:
    """``Str.fmt``: ``{}`` next argument, ``{0}`` by index, ``{:spec}``, ``{{``/``}}``."""
    auto = 0

    def replace(m: re.Match) -> str:
        nonlocal auto
        text = m.group(0)
        if text == "{{":
            return "{"
        if text == "}}":
            return "}"
        inner = m.group(1)
        key, _, spec = inner.partition(":")
        if key == "":
            index = auto
            auto += 1
        elif key.isdigit():
            index = int(key)
        else:
            raise ValueErr(f"Invalid placeholder '{{{inner}}}' in fmt")
        if index >= len(args):
            raise ArgErr(f"fmt: not enough arguments for placeholder {{{inner}}}")
        value = args[index]
        return format_spec(value, spec) if spec else to_str(value)

    return _FIELD.sub(replace, template)
