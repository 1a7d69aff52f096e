"""The rendered structure a compiled template produces (the seam to LiveView's diffs).

Quest-free on purpose (see :mod:`quest_rt.common`): the compiler's render functions
build it, the LiveView diff engine (:mod:`quest_rt.web.liveview.diff`) reads it, and
neither side imports the other.

A template is split at compile time into *statics* (the literal text between tags, a
tuple of strings fixed for the template) and *dynamics* (one value per ``<%= %>``,
``<% if %>`` or ``<% for %>`` between two statics). This is the shape of Phoenix
LiveView's rendered structure, which LiveView diffs and sends; here it also renders to
HTML. Example::

    <p>Count: <%= count %></p><%= if big %><b>!</b><% end %>     with count = 3

    Rendered(statics=("<p>Count: ", "</p>", ""), dynamics=<fn>, fingerprint=0x5a...,
             assigns={"count": 3, "big": False})
    rendered.values(None)            -> ["3", ""]
    rendered.values({"big"})         -> [None, ""]    # count not re-evaluated

* a ``<%= %>`` dynamic is an escaped ``str`` (``nil`` renders as ``""``; values from
  templates and ``Raw`` are not escaped again);
* an ``if`` dynamic is the ``Rendered`` of the branch taken, or ``""``;
* a ``for`` dynamic is a ``Comprehension``: the loop body's statics once, and one
  dynamics list per item.

**Change tracking.** ``dynamics`` of a top-level template (and of an ``if`` branch in
it) is a function of the *changed set*: ``None`` means "evaluate everything"; a set of
assign names means "evaluate only the dynamics whose read set (recorded by the compiler)
meets it, and yield ``None`` for the others". The diff engine decides which to pass: the
changed set when the client already has this template's statics (same fingerprint) and
the template read ``assigns`` (the view's own assigns Dict), ``None`` otherwise. Inside a
``for`` body the dynamics are evaluated at once, item by item, and ``dynamics`` is a plain
list: the diff engine compares those item by item instead.

``fingerprint`` identifies the template code (computed at compile time from its tags
and text) so a diff engine can tell "same template, new values" from "different
template", even between templates whose text is equal.
"""

from __future__ import annotations

from collections.abc import Callable, Set

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["Changed", "ComponentRef", "Comprehension", "Raw", "Rendered", "escape"]

#: The changed set handed to lazy dynamics: assign names, or None for "everything".
Changed = Set[str] | None

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})


class Raw(str):
    """HTML that must not be escaped again (``lv.raw``, nested templates)."""

    __slots__ = ()


def escape(text: str) -> str:
    return text.translate(_ESCAPES)


class Rendered:
    """A rendered template: its statics and the values between them.

    This class and ``Comprehension`` are plain slotted classes, not dataclasses: every
    Quest program's built-ins hold them, and ``dataclasses`` costs ~5 ms of start-up.
    """

    __slots__ = ("statics", "dynamics", "fingerprint", "assigns")

    statics: tuple[str, ...]
    #: the values between the statics, or a function of the changed set returning them
    dynamics: list[Any] | Callable[[Changed], list[Any]]
    fingerprint: int
    #: the assigns Dict the dynamics read (their read sets name its keys); None if eager
    assigns: dict[str, Any] | None

    def __init__(
        self,
        statics: tuple[str, ...],
        dynamics: list[Any] | Callable[[Changed], list[Any]],
        fingerprint: int = 0,
        assigns: dict[str, Any] | None = None,
    ) -> None:
        self.statics = statics
        self.dynamics = dynamics
        self.fingerprint = fingerprint
        self.assigns = assigns

    def __repr__(self) -> str:
        return (
            f"Rendered(statics={self.statics!r}, dynamics={self.dynamics!r}, "
            f"fingerprint={self.fingerprint!r}, assigns={self.assigns!r})"
        )

    def values(self, changed: Changed = None) -> list[Any]:
        """The dynamics, evaluating only those whose reads meet ``changed`` (None: all).

        A dynamic that was not evaluated is ``None``. Evaluation runs the template's
        tags, so an error raised here is the error of a tag (its ``.q`` line is in the
        traceback). Evaluate once per render: each call runs the tags again.
        """
        d = self.dynamics
        return d if type(d) is list else d(changed)  # type: ignore[operator]

    def to_html(self) -> str:
        statics = self.statics
        parts = [statics[0]]
        for i, d in enumerate(self.values(None)):
            parts.append(d if type(d) is str or type(d) is Raw else d.to_html())
            parts.append(statics[i + 1])
        return "".join(parts)

    def __str__(self) -> str:
        return self.to_html()

    quest_name = "Rendered"


class ComponentRef:
    """A live component in a template's output (``lv.live_component``): on the wire its
    number (``cid``), whose render travels in the diff's ``"c"`` table; as HTML, the
    component's own render."""

    __slots__ = ("cid", "_html")

    quest_name = "LiveComponent"

    def __init__(self, cid: int, html: Callable[[], str]) -> None:
        self.cid = cid
        self._html = html

    def to_html(self) -> str:
        return self._html()

    def __str__(self) -> str:
        return self.to_html()


class Comprehension:
    """The entries of a ``for`` in a template, sharing one set of statics."""

    __slots__ = ("statics", "entries", "fingerprint")

    statics: tuple[str, ...]
    entries: list[list[Any]]
    fingerprint: int

    def __init__(
        self, statics: tuple[str, ...], entries: list[list[Any]] | None = None, fingerprint: int = 0
    ) -> None:
        self.statics = statics
        self.entries = [] if entries is None else entries
        self.fingerprint = fingerprint

    def __repr__(self) -> str:
        return (
            f"Comprehension(statics={self.statics!r}, entries={self.entries!r}, "
            f"fingerprint={self.fingerprint!r})"
        )

    def to_html(self) -> str:
        out = []
        for dynamics in self.entries:
            out.append(Rendered(self.statics, dynamics).to_html())
        return "".join(out)

    def __str__(self) -> str:
        return self.to_html()

    quest_name = "Comprehension"
