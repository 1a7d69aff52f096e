"""Event values from the LiveView client, decoded into the payload a handler receives.

The client sends each kind of event differently (wire-protocol.md §6.5):

==========================  =====================================================
``click``, ``blur``/``focus``  a JSON object: every ``phx-value-*`` as a string, plus
                            ``"value"`` (the element's own value, ``""`` for a button)
``keyup`` / ``keydown``     the same with ``"key"``
``hook``                    any JSON the hook pushed
``form``                    an URL-encoded string of the form's fields, and a separate
                            ``meta`` object (``_target``: the input that changed)
==========================  =====================================================

:func:`event_payload` turns each into a dict. Forms are decoded like Plug's query
strings: ``user[email]=a`` → ``{"user": {"email": "a"}}``, ``tags[]=a&tags[]=b`` →
``{"tags": ["a", "b"]}``, a repeated plain name keeps its last value. ``_target``
becomes the list of the changed input's name segments (``["user", "email"]``).

The client adds an empty ``_unused_<name>`` field for each input the user has not
touched yet; those are taken out of the fields and listed, by full name, in
``"_unused"`` (``["user[email]"]``) so a handler can hide errors for untouched fields
without tripping over extra keys.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl

__all__ = ["MalformedEvent", "decode_form", "event_payload", "target_path"]

_SEGMENT = re.compile(r"\[([^\[\]]*)\]")
_UNUSED = "_unused_"
#: Nesting deeper than this is refused (a hostile form name like a[a][a]... x 10,000).
_MAX_DEPTH = 32


class MalformedEvent(ValueError):
    """An event whose value is not what its type says."""


def _split(name: str) -> list[str]:
    """``user[address][city]`` → ``["user", "address", "city"]``; ``tags[]`` ends in ``""``."""
    head, bracket, rest = name.partition("[")
    if not bracket:
        return [name]
    parts = [head]
    pos = len(head)
    while pos < len(name):
        found = _SEGMENT.match(name, pos)
        if found is None:  # a stray bracket: the rest is part of the last name
            parts[-1] += name[pos:]
            break
        parts.append(found.group(1))
        pos = found.end()
    if len(parts) > _MAX_DEPTH:
        raise MalformedEvent(f"form field name nested more than {_MAX_DEPTH} deep")
    return parts


def _put(target: dict[str, Any], parts: list[str], value: str) -> None:
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if not last and parts[i + 1] == "":
            # name[] : a list of values (the segment after is the empty one)
            current = target.get(part)
            if type(current) is not list:
                current = target[part] = []
            current.append(value)
            return
        if last:
            target[part] = value
            return
        child = target.get(part)
        if type(child) is not dict:
            child = target[part] = {}
        target = child


def decode_form(encoded: str) -> dict[str, Any]:
    """The fields of a URL-encoded form, nested by their bracketed names; ``_unused_``
    markers are collected under ``"_unused"`` (see the module docstring)."""
    fields: dict[str, Any] = {}
    unused: list[str] = []
    for name, value in parse_qsl(encoded, keep_blank_values=True, max_num_fields=10_000):
        parts = _split(name)
        if parts[-1].startswith(_UNUSED):
            parts[-1] = parts[-1][len(_UNUSED) :]
            unused.append(parts[0] + "".join(f"[{p}]" for p in parts[1:]))
            continue
        if parts[0] == "":
            continue  # "[x]=1": no name
        _put(fields, parts, value)
    if unused:
        fields["_unused"] = unused
    return fields


def target_path(target: Any) -> list[str] | None:
    """``meta._target`` as name segments; None when the client had no input name."""
    if type(target) is not str or target == "undefined" or not target:
        return None
    return [p for p in _split(target) if p != ""]


def event_payload(kind: Any, value: Any, meta: Any = None) -> Any:
    """The payload handed to ``handle_event`` for an event of ``kind`` with ``value``.

    Raises:
        MalformedEvent: a form value that is not a string, or an object-typed event
            whose value is not an object.
    """
    if kind == "form":
        if type(value) is not str:
            raise MalformedEvent("a form event's value must be a URL-encoded string")
        payload = decode_form(value)
        if type(meta) is dict:
            for key, extra in meta.items():
                if key == "_target":
                    path = target_path(extra)
                    if path is not None:
                        payload["_target"] = path
                elif key not in payload:
                    payload[key] = extra
        return payload
    if kind == "hook":
        return value if value is not None else {}
    if value is None:
        return {}
    if type(value) is not dict:
        raise MalformedEvent(f"a {kind} event's value must be an object")
    return value
