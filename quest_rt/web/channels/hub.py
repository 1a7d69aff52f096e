"""The channel layer of one app: routes, the PubSub it broadcasts through, presence.

A :class:`ChannelHub` is what an app declares channels on and broadcasts with; the
endpoint (:mod:`.endpoint`) gives every connection a
:class:`~.socket.ChannelSocket` bound to it. Plain Python, no Quest::

    hub = ChannelHub()

    def room(channel, topic, params):
        channel.on_join(lambda params: {"welcome": params.get("name")})
        channel.on("shout", lambda payload: hub.broadcast(topic, "shout", payload))

    hub.channel("room:*", room)
    mount(app, hub)                      # /ws/websocket

Topic patterns: ``*`` matches any run of characters (``"room:*"`` matches
``"room:lobby"`` and ``"room:"``); the first pattern registered that matches wins;
registering a pattern again replaces its join function in place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any

from ..pubsub import Broadcast, PubSub
from ..ws.registry import ConnectionRegistry, on_loop_thread
from .presence import Tracker
from .serializer import Encoder, default_encode_json
from .wire import IDLE_TIMEOUT, MAX_CHANNELS, PRESENCE_DIFF

if TYPE_CHECKING:
    from .channel import Channel

__all__ = ["ChannelHub", "JoinFunction", "RateLimit"]

#: ``fn(channel, topic, params)``: registers the channel's callbacks for one join.
JoinFunction = Callable[["Channel", str, dict[str, Any]], Any]
#: ``fn(channel, event, payload) -> bool``: True refuses the event ("rate limited").
RateLimit = Callable[["Channel", str, Any], Any]


def _pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(".*".join(re.escape(part) for part in pattern.split("*")), re.DOTALL)


class ChannelHub:
    """Routes, broadcasting and presence for every channel of one app.

    Attributes:
        pubsub: where channels subscribe and broadcasts go (a remote adapter here
            makes broadcasts reach other nodes).
        presence: the node's presences.
        presence_enabled: send ``presence_state`` to every joiner after its join
            reply (turned on by the first :meth:`track`, or by a binding that
            offers presence, so a client's ``Presence`` syncs from its first join).
        rate_limit: the rate-limit hook, called before every event handler.
        max_channels: joined channels allowed per connection (Phoenix: 100).
        idle_timeout: seconds of client silence before the endpoint closes the socket.
        subscribe_topics: each join subscribes its channel to its topic, so that
            broadcasts on the topic reach it; off for LiveView, whose ``lv:<id>``
            topics are never broadcast to (it saves a subscription per view).
    """

    def __init__(
        self,
        pubsub: PubSub | None = None,
        *,
        encode_json: Callable[[Any], str] = default_encode_json,
        format_error: Callable[[BaseException], str] | None = None,
        max_channels: int = MAX_CHANNELS,
        idle_timeout: float = IDLE_TIMEOUT,
    ) -> None:
        self.pubsub = pubsub if pubsub is not None else PubSub()
        self.encoder = Encoder(encode_json)
        self.presence = Tracker()
        self.presence_enabled = False
        self.rate_limit: RateLimit | None = None
        self.max_channels = max_channels
        self.idle_timeout = idle_timeout
        self.format_error = format_error
        self.subscribe_topics = True
        # [(pattern text, compiled, join function)], in registration order.
        self._routes: list[tuple[str, re.Pattern[str], JoinFunction]] = []
        # What on_loop_thread marshals through; the endpoint sets the app's.
        self._registry = ConnectionRegistry()
        # One codec object for every channel subscription: the PubSub encodes a
        # broadcast once per codec, so sharing it is what makes the encode happen once.
        self.codec = self._encode_broadcast

    # ── routes ─────────────────────────────────────────────────────────────

    def channel(self, pattern: str, join: JoinFunction) -> None:
        """Route topics matching ``pattern`` to ``join``."""
        for i, (text, _, _) in enumerate(self._routes):
            if text == pattern:
                self._routes[i] = (pattern, _pattern(pattern), join)
                return
        self._routes.append((pattern, _pattern(pattern), join))

    def match(self, topic: str) -> JoinFunction | None:
        for _, compiled, join in self._routes:
            if compiled.fullmatch(topic):
                return join
        return None

    @property
    def patterns(self) -> list[str]:
        return [text for text, _, _ in self._routes]

    # ── broadcasting ───────────────────────────────────────────────────────

    @on_loop_thread
    def broadcast(self, topic: str, event: str, payload: Any) -> int:
        """Send ``event`` to every channel joined on ``topic``; returns the local
        deliveries."""
        return self.pubsub.broadcast(topic, event, payload)

    @on_loop_thread
    def broadcast_from(self, channel: Channel, topic: str, event: str, payload: Any) -> int:
        """Like :meth:`broadcast`, skipping ``channel`` (it receives not one frame)."""
        sub = channel._sub
        if sub is not None and sub.topic == topic:
            return self.pubsub.broadcast_from(sub, topic, event, payload)
        return self.pubsub.broadcast(topic, event, payload)

    def _encode_broadcast(self, message: Broadcast) -> tuple[str | bytes, bytes]:
        return self.encoder.broadcast(message.topic, message.event, message.payload)

    # ── presence ───────────────────────────────────────────────────────────

    @on_loop_thread
    def track(self, owner: Hashable, topic: str, key: str, meta: dict[str, Any]) -> None:
        """Track ``meta`` under ``key`` on ``topic`` for ``owner`` (a channel, which
        is untracked when it ends) and broadcast the ``presence_diff``."""
        self.presence_enabled = True
        self.broadcast(topic, PRESENCE_DIFF, self.presence.track(owner, topic, key, meta))

    @on_loop_thread
    def untrack(self, owner: Hashable, topic: str) -> bool:
        """Stop tracking ``owner`` on ``topic``; False if it was not tracked."""
        change = self.presence.untrack(owner, topic)
        if change is None:
            return False
        self.broadcast(topic, PRESENCE_DIFF, change)
        return True

    def untrack_all(self, owner: Hashable) -> None:
        if self.presence.tracked(owner):
            for topic, change in self.presence.untrack_all(owner):
                self.broadcast(topic, PRESENCE_DIFF, change)

    @on_loop_thread
    def list(self, topic: str) -> dict[str, Any]:
        """The presences of ``topic``: ``{key: {"metas": [meta + phx_ref, ...]}}``."""
        return self.presence.list(topic)
