"""``std/encoding/json`` and its alias ``std/json`` (spec 11.4).

Encoding first turns a Quest value into plain JSON-able Python (``_plain``), checking
every value on the way, then lets the ``json`` module write it with sorted keys::

    stringify({"b": 1.0, "a": [b"hi", nil]})   # '{"a":["aGk=",null],"b":1.0}'

* Int → integer, Float → number that always shows it is a Float (``1.0``), NaN and
  infinities → ValueErr (JSON has no spelling for them);
* Bytes → base64 text, Uuid → hyphenated text, a struct → an object of its fields
  (declaration order does not matter: keys are sorted), Timestamp and the other time
  values → their string form;
* functions, modules, types and other native objects → ValueErr.

``encode(value)`` is the same compact encoding for Python callers (the web engine uses it
for every JSON payload it sends).

Decoding maps objects to Dicts, arrays to Arrays, integers to Int (outside 64 bits: Float,
as the reference's serde_json does), other numbers to Float, ``null`` to nil. ``NaN`` and
``Infinity``, which Python's decoder would accept, are rejected: they are not JSON.
"""

from __future__ import annotations

import base64
import json
import math
import uuid
from typing import Any

from quest_rt.runtime.errors import TypeErr, ValueErr
from quest_rt.runtime.objects import QuestModule, Struct
from quest_rt.runtime.values import INT_MAX, INT_MIN, cls_name, to_str
from quest_rt.std.arguments import wrong_kind

__all__ = ["encode", "create"]

#: deeper than this is almost surely a cycle (an Array holding itself)
_MAX_DEPTH = 200


def _text_form_types() -> tuple[type, ...]:
    from quest_rt.std import time

    return (time.Timestamp, time.Zoned, time.Date, time.Time, time.Span)


def _plain(value: Any, depth: int = 0) -> Any:
    """``value`` as JSON-able Python (dict, list, str, int, float, bool, None)."""
    t = type(value)
    if value is None or t is str or t is bool or t is int:
        return value
    if t is float:
        if not math.isfinite(value):
            raise ValueErr(f"Cannot convert {to_str(value)} to JSON")
        return value
    if depth > _MAX_DEPTH:
        raise ValueErr("Cannot convert to JSON: value is nested too deeply (cyclic?)")
    if t is list or t is tuple:
        return [_plain(v, depth + 1) for v in value]
    if t is dict:
        return {k if type(k) is str else to_str(k): _plain(v, depth + 1)
                for k, v in value.items()}
    if t is bytes:
        return base64.b64encode(value).decode("ascii")
    if t is uuid.UUID:
        return str(value)
    if isinstance(value, Struct):
        return {f.name: _plain(getattr(value, f.slot, None), depth + 1)
                for f in type(value).quest_fields}
    if isinstance(value, _text_form_types()):
        return str(value)
    raise ValueErr(f"Cannot convert {cls_name(value)} to JSON")


def _dumps(value: Any, **options: Any) -> str:
    try:
        plain = _plain(value)
    except RecursionError:
        raise ValueErr("Cannot convert to JSON: value is nested too deeply (cyclic?)") from None
    return json.dumps(plain, sort_keys=True, ensure_ascii=False, allow_nan=False, **options)


def encode(value: Any) -> str:
    """Compact JSON with sorted keys for a Quest value (ValueErr if it has no JSON form)."""
    return _dumps(value, separators=(",", ":"))


def stringify(value: Any) -> str:
    """stringify(value) -> Str: compact JSON, keys sorted

    Example:
        json.stringify({"b": 1, "a": [true, nil]})  # => "{\\"a\\":[true,null],\\"b\\":1}"
    """
    return encode(value)


def stringify_pretty(value: Any) -> str:
    """stringify_pretty(value) -> Str: JSON indented by 2 spaces, keys sorted

    Example:
        json.stringify_pretty({"a": 1})  # => "{\\n  \\"a\\": 1\\n}"
    """
    return _dumps(value, indent=2, separators=(",", ": "))


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not valid JSON")


def _int(text: str) -> int | float:
    n = int(text)
    return n if INT_MIN <= n <= INT_MAX else float(n)


def _decode(text: Any) -> Any:
    if type(text) is bytes:
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise ValueErr("Invalid JSON: bytes are not valid UTF-8") from None
    if type(text) is not str:
        raise wrong_kind(text, "json.parse", "Str or Bytes", "text")
    try:
        return json.loads(text, parse_int=_int, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise ValueErr(f"Invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") \
            from None
    except (ValueError, RecursionError) as exc:
        raise ValueErr(f"Invalid JSON: {exc}") from None


def parse(text: Any) -> Any:
    """parse(text) -> value: the value JSON text describes (objects become Dicts, arrays
    Arrays, null nil); ValueErr if it is not JSON

    Example:
        json.parse("{\\"a\\": [1, 2.5, null]}")  # => {"a": [1, 2.5, nil]}
    """
    return _decode(text)


def try_parse(text: Any) -> Any:
    """try_parse(text) -> value or nil: like parse, but nil instead of an error

    Example:
        json.try_parse("[1]")  # => [1]
        json.try_parse("{oops")  # => nil
    """
    try:
        return _decode(text)
    except (ValueErr, TypeErr):
        return None


def is_valid(text: Any) -> bool:
    """is_valid(text) -> Bool: whether text is valid JSON

    Example:
        json.is_valid("[1, 2]")  # => true
        json.is_valid("{oops")  # => false
    """
    try:
        _decode(text)
    except (ValueErr, TypeErr):
        return False
    return True


def create() -> QuestModule:
    return QuestModule("json", {
        "parse": parse, "try_parse": try_parse, "is_valid": is_valid,
        "stringify": stringify, "stringify_pretty": stringify_pretty,
    }, None)
