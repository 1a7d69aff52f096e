"""LiveView's rendered/diff wire format, computed from compiled templates.

A compiled template renders to the structure of :mod:`quest_rt.common.rendered`:
statics (a tuple fixed per template), dynamics (escaped strings, nested ``Rendered``
for ``if`` branches and nested templates, ``Comprehension`` for ``for`` loops). This
module turns one such render into the JSON object the ``phoenix_live_view`` 1.2 client
merges (wire-protocol.md section 6.4), remembering per view what the client holds so
that later renders send only what changed.

**What the server remembers** (a :class:`ViewTree` per view): for every slot holding a
nested render, which template the client has for it (its *fingerprint*), and for
comprehension items, every value sent (items are compared, see below). Example, a
counter with an optional notice::

    template  <h1><%= count %></h1><% if note %><p><%= note %></p><% end %>

    first render  {"0": "0", "1": "", "s": ["<h1>", "</h1>", ""]}
    tree          _Print(fingerprint=<root>, children={})
    note = "hi"   {"1": {"0": "hi", "s": ["<p>", "</p>"]}}        # new branch: statics
    tree          _Print(<root>, children={1: _Print(<branch>, {})})
    note = "ho"   {"1": {"0": "ho"}}                              # same branch: values
    count = 1     {"0": "1"}                  # the if is not even evaluated

**Change tracking.** The caller passes the set of assigns changed since the last render
and the view's assigns Dict. A ``Rendered`` computed from that Dict whose statics the
client already has is evaluated with the changed set, so tags that read none of them
are not run and yield ``None`` ("unchanged", nothing sent). Anything else (a new
template, a template rendered from another Dict) is evaluated in full.

**Comprehensions** use the keyed format of LiveView 1.1+ (``k``/``kc``): items by
position. A ``for`` is re-evaluated as a whole when an assign it reads changes (its
items are not assigns, and Quest values may have been mutated in place, E15), so the
tree keeps the values last sent for each item and the diff carries, per item, only the
slots whose value differs: toggling one item of a 100-item list sends that item's
changed slot. Items added at the end are sent whole; ``kc`` drops the ones past the end.
An item of plain values that equals one the client holds at another position is sent
as a move (``"3": 2`` with ``"km": true``), so a prepend or a removal in the middle
costs a few bytes per shifted item (:func:`_moves`).

**Shared statics.** A static list needed more than once in one message (the same
``if`` branch in many items, two loops over one template) is sent once in the message's
root ``"p"`` table and referenced by index (``"s": 0``); a list needed once is sent
inline, which is smaller. The client resolves ``p`` while applying the message and then
drops it, so the table is per message (section 6.4); across messages statics are sent
once per slot and fingerprint.

Error handling: evaluating dynamics runs the template's tags, so a Quest error raised by
a tag propagates out of :meth:`ViewTree.diff` (its traceback names the tag's ``.q``
line). The tree is then partly updated: the caller must :meth:`~ViewTree.reset` it
(a crashed view rejoins with a full render anyway).
"""

from __future__ import annotations

from typing import Any

from quest_rt.common.rendered import Changed, ComponentRef, Comprehension, Raw, Rendered

__all__ = [
    "COMPONENTS",
    "EVENTS",
    "KEYED",
    "KEYED_COUNT",
    "KEYED_MOVED",
    "REPLY",
    "ROOT",
    "STATIC",
    "STREAM",
    "TEMPLATES",
    "TITLE",
    "ViewTree",
]

# Wire keys of the rendered/diff format (wire-protocol.md 6.4; the client's constants).
STATIC = "s"  # statics: a list of strings, or an index into the message's "p"
KEYED = "k"  # a comprehension's items by position
KEYED_COUNT = "kc"  # the number of items after this diff
KEYED_MOVED = "km"  # present when an item moved
TEMPLATES = "p"  # the message's table of shared static lists
ROOT = "r"  # inside a rendered: its output is exactly one element (components)
STREAM = "stream"
# Top-level extras of a diff, added by the view, never by this module.
COMPONENTS = "c"
EVENTS = "e"
REPLY = "r"  # at the top level "r" is a hook reply, not the root flag
TITLE = "t"

_KEYS = tuple(str(i) for i in range(512))  # slot and item keys, decimal strings


def _key(i: int) -> str:
    return _KEYS[i] if i < 512 else str(i)


class _Print:
    """What the client holds for one rendered: its template and, per slot, the child.

    Outside comprehensions ``children`` is a dict from slot index to the ``_Print`` or
    ``_Items`` of a nested render (plain values are not kept: change tracking decides).
    Inside comprehension items, where values are compared, it is a list with one entry
    per slot: the value last sent, or the nested render's tree.
    """

    __slots__ = ("children", "fingerprint", "statics")

    def __init__(self, r: Rendered | Comprehension, children: dict[int, Any] | list[Any]) -> None:
        self.fingerprint = r.fingerprint
        self.statics = r.statics
        self.children = children


class _Items:
    """What the client holds for one comprehension: its template and its items."""

    __slots__ = ("fingerprint", "items", "statics")

    def __init__(self, c: Comprehension, items: list[list[Any]]) -> None:
        self.fingerprint = c.fingerprint
        self.statics = c.statics
        self.items = items


def _same(held: _Print | _Items, r: Rendered | Comprehension) -> bool:
    """Whether the client holds this template (then values suffice).

    The fingerprint identifies the template's code (computed by the compiler from its
    tags and text, as Phoenix does), so templates with equal text around different tags
    differ. The statics are compared as well, so that renders built by hand with the
    default fingerprint are told apart by their text; compiled code passes one constant
    tuple per template, so that check is usually an identity test.
    """
    return held.fingerprint == r.fingerprint and (
        held.statics is r.statics or held.statics == r.statics
    )


class _Context:
    """The state of one traversal: what changed, and the statics the message carries."""

    __slots__ = ("assigns", "changed", "shared")

    def __init__(self, changed: Changed, assigns: dict[str, Any] | None) -> None:
        #: the assigns changed since the last render, None for "all"
        self.changed = changed
        #: the Dict ``changed`` is about: only renders of it are tracked
        self.assigns = assigns
        #: statics -> the nodes of this message that carry them
        self.shared: dict[tuple[str, ...], list[dict[str, Any]]] = {}

    def tracking(self, rendered: Rendered) -> Changed:
        """The changed set to evaluate ``rendered`` with (None: evaluate everything)."""
        if self.changed is not None and rendered.assigns is self.assigns:
            return self.changed
        return None

    def put_statics(self, node: dict[str, Any], statics: tuple[str, ...]) -> None:
        node[STATIC] = list(statics)
        self.shared.setdefault(statics, []).append(node)

    def finish(self, diff: dict[str, Any]) -> dict[str, Any]:
        """Move static lists used more than once into the root ``"p"`` table."""
        table: dict[str, list[str]] = {}
        for nodes in self.shared.values():
            if len(nodes) > 1:
                pos = len(table)
                table[_key(pos)] = nodes[0][STATIC]
                for node in nodes:
                    node[STATIC] = pos
        if table:
            diff[TEMPLATES] = table
        return diff


class ViewTree:
    """The server's record of the rendered tree one client holds for one view.

    ``diff(rendered)`` returns what to send so that the client's tree renders as
    ``rendered``: the full render the first time (the join reply's ``"rendered"``), then
    diffs (``{}`` when nothing changed). ``reset()`` forgets the client's tree; the next
    diff is a full render again (a rejoin, a crash).

    How a view uses it (wire-protocol.md 6.3, 6.6)::

        join     tree.reset(); reply {"rendered": tree.diff(render(assigns))}
        event    diff = tree.diff(render(assigns), changed, assigns)
                 reply {"diff": diff} (plus "e"/"t"), or {} when all is empty
        info     the same diff, pushed as a "diff" message when not empty

    where ``changed`` holds every assign name assigned since the previous ``diff`` call
    (E15: an assign is a change even with an equal value). Every returned diff must
    reach the client: the tree assumes it did.
    """

    __slots__ = ("_root",)

    def __init__(self) -> None:
        self._root: _Print | None = None

    def reset(self) -> None:
        self._root = None

    @property
    def rendered(self) -> bool:
        """Whether the client holds a render (the next diff is not a full one)."""
        return self._root is not None

    def diff(
        self, rendered: Rendered, changed: Changed = None, assigns: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """The rendered/diff object bringing the client from its tree to ``rendered``.

        Args:
            rendered: the view's render (a ``Rendered``; its dynamics not yet evaluated).
            changed: the assign names changed since the previous call, or None when
                unknown (every tag is evaluated and its value sent).
            assigns: the view's assigns Dict: ``changed`` applies to renders of it.

        Returns:
            A JSON-ready dict: with ``"s"`` at the root when the client needs the whole
            tree (first render, or the root template changed), else only what changed.
        """
        if type(rendered) is not Rendered:
            raise TypeError(f"a LiveView render must be a template, got {type(rendered).__name__}")
        ctx = _Context(changed, assigns)
        diff, self._root = _rendered(ctx, rendered, self._root, False)
        return ctx.finish(diff)


def _rendered(
    ctx: _Context, r: Rendered, held: Any, compare: bool
) -> tuple[dict[str, Any], _Print]:
    """The diff of one rendered against what the client holds (``held``).

    ``compare`` is set inside comprehension items: values are compared with the ones
    last sent (held in a list, one per slot) instead of trusting change tracking.
    """
    if type(held) is _Print and _same(held, r):
        if compare:
            return _changed_item(ctx, r.values(None), held.children), held
        return _changed_values(ctx, r.values(ctx.tracking(r)), held.children), held
    if compare:
        node, children = _full_item(ctx, r.values(None))
    else:
        node, children = _full_values(ctx, r.values(None))
    ctx.put_statics(node, r.statics)
    return node, _Print(r, children)


def _changed_values(ctx: _Context, values: list[Any], children: dict[int, Any]) -> dict[str, Any]:
    """Tracked mode: every evaluated slot is sent (a value, or a nested diff if not
    empty); ``children`` (nested renders by slot) is updated to what the client holds."""
    diff: dict[str, Any] = {}
    for i, v in enumerate(values):
        if v is None:  # not evaluated: the tags it reads did not change
            continue
        t = type(v)
        if t is str or t is Raw or t is int:
            children.pop(i, None)
            diff[_key(i)] = v
            continue
        sub, children[i] = _nested(ctx, v, children.get(i), False)
        if sub is not None and sub != {}:
            diff[_key(i)] = sub
    return diff


def _full_values(ctx: _Context, values: list[Any]) -> tuple[dict[str, Any], dict[int, Any]]:
    """Tracked mode: every slot, for a client that holds nothing of this render."""
    node: dict[str, Any] = {}
    children: dict[int, Any] = {}
    for i, v in enumerate(values):
        t = type(v)
        if t is str or t is Raw or t is int:
            node[_key(i)] = v
        else:
            node[_key(i)], children[i] = _nested(ctx, v, None, False)
    return node, children


def _changed_item(ctx: _Context, values: list[Any], held: list[Any]) -> dict[str, Any]:
    """Compare mode: the slots whose value differs from the one held; updates ``held``
    (one entry per slot: the value sent, or the nested render's tree)."""
    diff: dict[str, Any] = {}
    for i, v in enumerate(values):
        old = held[i]
        t = type(v)
        if t is str or t is Raw or t is int:
            if old != v:
                held[i] = v
                diff[_key(i)] = v
            continue
        sub, held[i] = _nested(ctx, v, old, True)
        if type(sub) is str:
            if old != sub:  # an empty loop: "" unless the client already has ""
                diff[_key(i)] = sub
        elif sub:
            diff[_key(i)] = sub
    return diff


def _full_item(ctx: _Context, values: list[Any]) -> tuple[dict[str, Any], list[Any]]:
    """Compare mode: every slot, and the list of what the client then holds."""
    node: dict[str, Any] = {}
    held = list(values)
    for i, v in enumerate(values):
        t = type(v)
        if t is str or t is Raw or t is int:
            node[_key(i)] = v
        else:
            node[_key(i)], held[i] = _nested(ctx, v, None, True)
    return node, held


def _nested(ctx: _Context, v: Any, held: Any, compare: bool) -> tuple[Any, Any]:
    """(wire value or diff, what the client then holds) for a nested render."""
    if type(v) is Rendered:
        return _rendered(ctx, v, held, compare)
    if type(v) is Comprehension:
        return _comprehension(ctx, v, held)
    if type(v) is ComponentRef:
        # A live component: its number here, its render in the diff's "c" table.
        return v.cid, None
    raise TypeError(
        f"a template dynamic must be a string, template or comprehension, got {type(v).__name__}"
    )


def _comprehension(ctx: _Context, c: Comprehension, held: Any) -> tuple[Any, Any]:
    """The keyed diff of a comprehension: per position, the item's changed slots."""
    entries = c.entries
    count = len(entries)
    if type(held) is _Items and _same(held, c):
        items = held.items
        before = len(items)
        # One list comparison per item (in C): items of plain values that are equal need
        # nothing more; the others are moved, diffed or sent whole below.
        stale = [i for i in range(min(before, count)) if items[i] != entries[i]]
        if not stale and count == before:
            return None, held
        stale.extend(range(before, count))
        moves = _moves(entries, items, stale, count) if before else {}
        moved = {i: list(items[j]) for i, j in moves.items()}  # copied before any merge
        keyed: dict[str, Any] = {}
        for i in stale:
            j = moves.get(i)
            if j is not None:
                keyed[_key(i)] = j
            elif i < before:
                sub = _changed_item(ctx, entries[i], items[i])
                if sub:
                    keyed[_key(i)] = sub
            else:
                keyed[_key(i)], moved[i] = _full_item(ctx, entries[i])
        if moved:
            held.items = [moved[i] if i in moved else items[i] for i in range(count)]
        elif count < before:
            del items[count:]
        if not keyed and count == before:
            return None, held
        keyed[KEYED_COUNT] = count
        if moves:
            keyed[KEYED_MOVED] = True
        return {KEYED: keyed}, held
    if not entries:
        # Phoenix's choice: an empty loop the client never saw is just "" (no statics
        # to send yet); the first items then arrive with their statics.
        return "", ""
    keyed = {}
    items = []
    for i, values in enumerate(entries):
        keyed[_key(i)], item = _full_item(ctx, values)
        items.append(item)
    keyed[KEYED_COUNT] = count
    node: dict[str, Any] = {KEYED: keyed}
    ctx.put_statics(node, c.statics)
    return node, _Items(c, items)


def _plain(values: list[Any]) -> tuple[Any, ...] | None:
    """The values of an item as a dict key, if they are all plain values."""
    for v in values:
        t = type(v)
        if t is not str and t is not Raw and t is not int:
            return None
    return tuple(values)


def _moves(
    entries: list[list[Any]], items: list[list[Any]], stale: list[int], count: int
) -> dict[int, int]:
    """New position -> old position, for items that only moved.

    An item whose slots are all plain values and equal, slot for slot, to an item the
    client holds at a position not kept in place (``stale``, or past the new end) is
    sent as that position (``"i": j`` with ``"km": true``) instead of as values: a
    prepend or a removal in the middle of a list then costs a few bytes per shifted
    item. Items holding nested renders are matched by position only (their held trees
    are not copied). Each old item moves at most once, since the client would
    otherwise share one object between two positions.
    """
    free: dict[tuple[Any, ...], list[int]] = {}
    for j in [j for j in stale if j < len(items)] + list(range(count, len(items))):
        sig = _plain(items[j])
        if sig is not None:
            free.setdefault(sig, []).append(j)
    if not free:
        return {}
    moves: dict[int, int] = {}
    for i in stale:
        sig = _plain(entries[i])
        candidates = free.get(sig) if sig is not None else None
        if candidates:
            moves[i] = candidates.pop(0)
    return moves
