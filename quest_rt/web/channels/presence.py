"""Presence: who is on a topic, in the shapes phoenix.js ``Presence`` syncs (wire §5).

A topic's presences are a map from a **key** (a user, usually) to that key's
**metas**, one per tracked channel (two tabs of one user: one key, two metas)::

    {"alice": {"metas": [{"phx_ref": "Xk3f9QaB1", "online_at": 1}, ...]}, ...}

The shape functions (:func:`state_of`, :func:`diff`) are pure; :class:`Tracker` keeps
the node's presences and returns the ``presence_diff`` payload each change produces,
for the channel layer to broadcast. Every meta gets a ``phx_ref``, unique and stable
for the life of that track, so re-sending the state on a rejoin shows no spurious
leave/join (§5.4). Tracking again on the same topic from the same owner is an
update: a new ref, ``phx_ref_prev`` naming the old one, and a diff that joins the
new meta and leaves the old.

Data structures::

    _topics  {topic: {key: {phx_ref: meta_with_ref}}}      (insertion order = track order)
    _owners  {owner: {topic: (key, phx_ref)}}              (owner: a joined channel)
"""

from __future__ import annotations

import itertools
import secrets
from collections.abc import Hashable
from typing import Any

__all__ = ["Tracker", "diff", "state_of"]

Meta = dict[str, Any]
Entries = dict[str, dict[str, Meta]]


def state_of(entries: Entries) -> dict[str, dict[str, list[Meta]]]:
    """``{key: {ref: meta}}`` → the ``presence_state`` payload ``{key: {"metas": [...]}}``."""
    return {key: {"metas": list(metas.values())} for key, metas in entries.items() if metas}


def diff(joins: Entries, leaves: Entries) -> dict[str, Any]:
    """The ``presence_diff`` payload: ``{"joins": state, "leaves": state}``."""
    return {"joins": state_of(joins), "leaves": state_of(leaves)}


class Tracker:
    """The presences of one node, by topic and by owner."""

    def __init__(self) -> None:
        self._topics: dict[str, Entries] = {}
        self._owners: dict[Hashable, dict[str, tuple[str, str]]] = {}
        # Refs: a random per-process prefix (unique across restarts and, later,
        # nodes) and a counter (unique within the process).
        self._prefix = secrets.token_urlsafe(6)
        self._counter = itertools.count(1)

    def _new_ref(self) -> str:
        return f"{self._prefix}{next(self._counter):x}"

    def track(self, owner: Hashable, topic: str, key: str, meta: Meta) -> dict[str, Any]:
        """Track ``meta`` under ``key`` on ``topic`` for ``owner``; returns the diff.
        An owner already tracked on ``topic`` is updated (its key may change)."""
        entry = {**meta, "phx_ref": self._new_ref()}
        leaves: Entries = {}
        tracked = self._owners.setdefault(owner, {})
        previous = tracked.get(topic)
        if previous is not None:
            old_key, old_ref = previous
            old = self._remove(topic, old_key, old_ref)
            if old is not None:
                leaves = {old_key: {old_ref: old}}
                entry["phx_ref_prev"] = old_ref
        entries = self._topics.setdefault(topic, {})
        entries.setdefault(key, {})[entry["phx_ref"]] = entry
        tracked[topic] = (key, entry["phx_ref"])
        return diff({key: {entry["phx_ref"]: entry}}, leaves)

    def untrack(self, owner: Hashable, topic: str) -> dict[str, Any] | None:
        """Stop tracking ``owner`` on ``topic``; returns the diff, None if it was not
        tracked there."""
        tracked = self._owners.get(owner)
        if not tracked or topic not in tracked:
            return None
        key, ref = tracked.pop(topic)
        if not tracked:
            del self._owners[owner]
        meta = self._remove(topic, key, ref)
        return None if meta is None else diff({}, {key: {ref: meta}})

    def untrack_all(self, owner: Hashable) -> list[tuple[str, dict[str, Any]]]:
        """Stop tracking ``owner`` everywhere: ``[(topic, diff), ...]``."""
        return [
            (topic, change)
            for topic in list(self._owners.get(owner, {}))
            if (change := self.untrack(owner, topic)) is not None
        ]

    def list(self, topic: str) -> dict[str, dict[str, list[Meta]]]:
        """The ``presence_state`` of ``topic`` (``{}`` when nobody is tracked)."""
        return state_of(self._topics.get(topic, {}))

    def tracked(self, owner: Hashable) -> bool:
        return owner in self._owners

    def _remove(self, topic: str, key: str, ref: str) -> Meta | None:
        entries = self._topics.get(topic)
        if entries is None or key not in entries:
            return None
        meta = entries[key].pop(ref, None)
        if not entries[key]:
            del entries[key]
        if not entries:
            del self._topics[topic]
        return meta
