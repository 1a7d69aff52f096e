"""``std/web/presence``: who is on a channel topic.

A thin binding of the channel hub's presence tracker. Using this module makes every
successful join receive ``presence_state`` right after its join reply, so the
phoenix.js ``Presence`` of each client syncs from its first join; every track and
untrack is broadcast as ``presence_diff``. A channel that leaves, crashes or loses its
connection is untracked automatically.

The key (Phoenix's track takes one explicitly): ``key:`` when given, else the string
form of ``meta["user_id"]`` when the meta has one, else the connection's id — so two
tabs of one user are one key with two metas.
"""

from __future__ import annotations

from typing import Any

from quest_rt.runtime.objects import QuestModule
from quest_rt.runtime.values import to_str
from quest_rt.std.arguments import need_dict, need_str, optional
from quest_rt.std.web.channels import QuestChannel, _channel_of, hub


def _key(channel: Any, meta: dict, key: Any) -> str:
    if key is not None:
        return key
    user = meta.get("user_id")
    return to_str(user) if user is not None else channel.id


def track(socket: Any, topic: Any, meta: Any, key: Any = None) -> None:
    """track(socket, topic, meta, key: nil): track meta for socket's channel on topic"""
    channel = _channel_of(socket, "presence.track")
    topic = need_str(topic, "presence.track", "topic")
    meta = need_dict(meta, "presence.track", "meta")
    key = optional(need_str, key, "presence.track", "key")
    hub().track(channel, topic, _key(channel, meta, key), meta)


def untrack(socket: Any, topic: Any) -> bool:
    """untrack(socket, topic) -> Bool: whether socket's channel was tracked on topic"""
    channel = _channel_of(socket, "presence.untrack")
    return hub().untrack(channel, need_str(topic, "presence.untrack", "topic"))


def list(topic: Any) -> dict:  # noqa: A001 — the QEP's name
    """list(topic) -> Dict {key: {"metas": [meta + "phx_ref", ...]}}"""
    return hub().list(need_str(topic, "presence.list", "topic"))


def create() -> QuestModule:
    hub().presence_enabled = True
    return QuestModule("presence", {"track": track, "untrack": untrack, "list": list}, None)


__all__ = ["QuestChannel", "create"]
