"""Events from a live component's markup go to that component.

In Phoenix an element inside a LiveComponent sends its events to the parent view
unless it says ``phx-target={@myself}``. The QEP's components name no target (its
SearchComponent's ``phx-click="select"`` must reach the SearchComponent), so the
server adds ``phx-target="<cid>"`` to every element of a component's render that has
an event binding and no ``phx-target`` of its own. The client then sends those events
with ``"cid"`` (wire-protocol.md §6.5), exactly as if the template had said so.

This works on the statics of the component's diff, the only place tags are written:
the statics of one template, joined with a placeholder where each dynamic goes, are
scanned tag by tag (a tag may span dynamics, ``<li phx-value-id="<%= id %>">``), and
the attribute is inserted right after the tag name, which is always static text.
Markup produced inside a dynamic (``lv.raw("<button phx-click=...>")``) is not
rewritten: give it a ``phx-target`` yourself.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["target_diff", "target_statics"]

#: Bindings whose events the client sends to a ``phx-target``.
_EVENT_ATTR = re.compile(
    r"[\s\x00]phx-(?:click|click-away|change|submit|blur|focus|keyup|keydown"
    r"|window-(?:blur|focus|keyup|keydown)|viewport-(?:top|bottom))\s*=",
    re.IGNORECASE,
)
_HAS_TARGET = re.compile(r"[\s\x00]phx-target\s*=", re.IGNORECASE)
_TAG_START = re.compile(r"<[A-Za-z][^\s/>\x00]*")
_HOLE = "\x00"
_CACHE_LIMIT = 4096
_cache: dict[tuple[tuple[str, ...], int], list[str]] = {}


def _tag_end(text: str, pos: int) -> int:
    """The index just past the ``>`` closing the tag whose name ends at ``pos``."""
    quote = ""
    n = len(text)
    while pos < n:
        c = text[pos]
        if quote:
            if c == quote:
                quote = ""
        elif c == '"' or c == "'":
            quote = c
        elif c == ">":
            return pos + 1
        pos += 1
    return n


def target_statics(statics: list[str], cid: int) -> list[str]:
    """``statics`` with ``phx-target="<cid>"`` added to every tag that binds an event
    and has no target."""
    key = (tuple(statics), cid)
    found = _cache.get(key)
    if found is not None:
        return list(found)
    text = _HOLE.join(statics)
    out: list[str] = []
    pos = 0
    for start in _TAG_START.finditer(text):
        if start.start() < pos:
            continue  # inside a tag already handled (a "<" in an attribute value)
        end = _tag_end(text, start.end())
        tag = text[start.start() : end]
        if _EVENT_ATTR.search(tag) and not _HAS_TARGET.search(tag):
            out.append(text[pos : start.end()])
            out.append(f' phx-target="{cid}"')
            out.append(text[start.end() : end])
        else:
            out.append(text[pos:end])
        pos = end
    out.append(text[pos:])
    result = "".join(out).split(_HOLE)
    if len(_cache) >= _CACHE_LIMIT:
        _cache.clear()
    _cache[key] = result
    return list(result)


def target_diff(node: Any, cid: int) -> None:
    """Rewrite, in place, every static list of a component's diff (see the module
    docstring)."""
    if type(node) is not dict:
        return
    statics = node.get("s")
    if type(statics) is list:
        node["s"] = target_statics(statics, cid)
    table = node.get("p")
    if type(table) is dict:
        for k, v in table.items():
            table[k] = target_statics(v, cid)
    for k, v in node.items():
        if type(v) is dict and k != "p":
            target_diff(v, cid)
