"""The rendered structure a compiled template produces (the seam to LiveView's diffs).

Quest-free on purpose (see :mod:`quest_rt.common`): the compiler's render functions
build it, the LiveView diff engine reads it, and neither side imports the other.

A template is split at compile time into *statics* (the literal text between tags, a
tuple of strings fixed for the template) and *dynamics* (one value per ``<%= %>``,
``<% if %>`` or ``<% for %>`` between two statics). This is the shape of Phoenix
LiveView's rendered structure, which LiveView diffs and sends; here it also renders to
HTML. Example::

    <p>Count: <%= count %></p>   with count = 3
    Rendered(statics=("<p>Count: ", "</p>"), dynamics=["3"])

* a ``<%= %>`` dynamic is an escaped ``str`` (``nil`` renders as ``""``; values from
  templates and ``Raw`` are not escaped again);
* an ``if`` dynamic is the ``Rendered`` of the branch taken, or ``""``;
* a ``for`` dynamic is a ``Comprehension``: the loop body's statics once, and one
  dynamics list per item.

``fingerprint`` identifies the statics (computed at compile time) so a diff engine can
tell "same template, new values" from "different template".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Comprehension", "Raw", "Rendered", "escape"]

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})


class Raw(str):
    """HTML that must not be escaped again (``lv.raw``, nested templates)."""

    __slots__ = ()


def escape(text: str) -> str:
    return text.translate(_ESCAPES)


@dataclass(eq=False, slots=True)
class Rendered:
    statics: tuple[str, ...]
    dynamics: list[Any]
    fingerprint: int = 0

    def to_html(self) -> str:
        parts = [self.statics[0]]
        for i, d in enumerate(self.dynamics):
            parts.append(d if type(d) is str or type(d) is Raw else d.to_html())
            parts.append(self.statics[i + 1])
        return "".join(parts)

    def __str__(self) -> str:
        return self.to_html()

    quest_name = "Rendered"


@dataclass(eq=False, slots=True)
class Comprehension:
    statics: tuple[str, ...]
    entries: list[list[Any]] = field(default_factory=list)
    fingerprint: int = 0

    def to_html(self) -> str:
        out = []
        for dynamics in self.entries:
            out.append(Rendered(self.statics, dynamics).to_html())
        return "".join(out)

    def __str__(self) -> str:
        return self.to_html()
