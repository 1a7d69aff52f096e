"""Topics → subscribers on one node, and the fan-out of a broadcast to them.

Data structures::

    _topics  {"room:lobby": {subscription_id: Subscription, ...}, ...}
    _owned   {owner: {subscription_id: Subscription, ...}}     (owner: a connection)

A :class:`Subscription` is one of two kinds:

- **fastlane** (``codec`` and ``send`` set): the subscriber is a client socket. A
  broadcast is turned into wire bytes by ``codec(message) -> (payload, frame)`` once
  per codec per node — the first fastlane subscriber pays, every other one gets the
  same ``payload`` and pre-encoded RFC 6455 ``frame`` — and written with
  ``send(payload, frame)`` (a connection's ``send_prepared``), which queues and never
  waits. This is Phoenix's fastlane and Layer 1's ``ws.broadcast`` shape: one encode,
  then a loop of non-waiting writes.
- **callback** (``callback`` set): ``callback(message)`` runs synchronously; code
  that must run in a connection's mailbox posts itself there (LiveView's
  ``handle_info``).

Resource handling:
    A subscription is owned by a connection (anything with ``start_soon``, the
    connection's nursery). The first subscription of an owner starts one guard task
    in the owner's nursery; when the nursery is cancelled (the connection ended,
    however it ended) the guard's ``finally`` drops every subscription the owner
    still has. So nothing outlives its connection, even if the layer above forgets.
"""

from __future__ import annotations

import itertools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol

import trio

from .adapter import Adapter, LocalAdapter

__all__ = ["Broadcast", "Codec", "Owner", "PubSub", "PubSubStatistics", "Subscription"]


@dataclass(frozen=True, slots=True)
class Broadcast:
    """One broadcast, as it travels between nodes: plain data only.

    Attributes:
        payload: a JSON-able value (a dict for channels) or bytes.
        exclude: the id of the subscription that must not receive it
            (``broadcast_from``), or None.
    """

    topic: str
    event: str
    payload: Any
    exclude: int | None = None


#: ``codec(message) -> (payload, frame)``: the text or bytes a client receives and
#: the same already encoded as a server-to-client WebSocket frame.
Codec = Callable[[Broadcast], tuple[str | bytes, bytes]]


class Owner(Protocol):
    """What owns subscriptions: a WebSocket connection (or a Trio nursery in tests)."""

    def start_soon(self, async_fn: Callable[..., Awaitable[Any]], *args: Any) -> Any: ...


class Subscription:
    """One subscriber of one topic. Built by :meth:`PubSub.subscribe`.

    ``send`` may be replaced by the layer above while the subscriber is not ready to
    receive (a channel buffers broadcasts until its join reply is out).
    """

    __slots__ = ("callback", "codec", "id", "owner", "send", "topic")

    def __init__(
        self,
        sub_id: int,
        topic: str,
        owner: Owner,
        codec: Codec | None,
        send: Callable[[str | bytes, bytes], Any] | None,
        callback: Callable[[Broadcast], Any] | None,
    ) -> None:
        self.id = sub_id
        self.topic = topic
        self.owner = owner
        self.codec = codec
        self.send = send
        self.callback = callback

    def __repr__(self) -> str:
        return f"<Subscription {self.id} {self.topic!r}>"


@dataclass(frozen=True)
class PubSubStatistics:
    topics: int
    subscriptions: int
    #: Owners (connections) with at least one subscription.
    owners: int
    broadcasts: int
    #: Messages handed to subscribers on this node.
    deliveries: int
    #: Times a codec ran: at most one per codec per broadcast.
    encodings: int


class PubSub:
    """The node's topic table, behind an :class:`~.adapter.Adapter`.

    Every method is synchronous and never waits; all run on the serving loop.
    """

    def __init__(self, adapter: Adapter | None = None) -> None:
        self._topics: dict[str, dict[int, Subscription]] = {}
        self._owned: dict[Owner, dict[int, Subscription]] = {}
        self._ids = itertools.count(1)
        self._adapter = adapter if adapter is not None else LocalAdapter()
        self._adapter.attach(self)
        self._broadcasts = 0
        self._deliveries = 0
        self._encodings = 0

    @property
    def adapter(self) -> Adapter:
        return self._adapter

    def use(self, adapter: Adapter) -> None:
        """Route broadcasts through ``adapter`` from now on (configure, before serving)."""
        self._adapter = adapter
        adapter.attach(self)

    # ── subscribing ────────────────────────────────────────────────────────

    def subscribe(
        self,
        topic: str,
        owner: Owner,
        *,
        codec: Codec | None = None,
        send: Callable[[str | bytes, bytes], Any] | None = None,
        callback: Callable[[Broadcast], Any] | None = None,
    ) -> Subscription:
        """Subscribe ``owner`` to ``topic``: a fastlane (``codec`` + ``send``) or a
        ``callback``. The subscription ends with :meth:`unsubscribe` or when the
        owner's nursery ends.

        Raises:
            ValueError: neither or both kinds given.
            RuntimeError: the owner's nursery is closed (from ``owner.start_soon``).
        """
        if (codec is None or send is None) == (callback is None):
            raise ValueError("subscribe takes codec and send (fastlane) or a callback")
        owned = self._owned.get(owner)
        if owned is None:
            owner.start_soon(self._hold, owner)
            owned = self._owned[owner] = {}
        sub = Subscription(next(self._ids), topic, owner, codec, send, callback)
        self._topics.setdefault(topic, {})[sub.id] = sub
        owned[sub.id] = sub
        return sub

    def unsubscribe(self, sub: Subscription) -> None:
        """End one subscription; a second call does nothing."""
        subs = self._topics.get(sub.topic)
        if subs is None or subs.pop(sub.id, None) is None:
            return
        if not subs:
            del self._topics[sub.topic]
        owned = self._owned.get(sub.owner)
        if owned is not None:
            owned.pop(sub.id, None)

    def unsubscribe_owner(self, owner: Owner) -> int:
        """End every subscription of ``owner``; returns how many there were."""
        owned = self._owned.pop(owner, None)
        if not owned:
            return 0
        for sub in owned.values():
            subs = self._topics.get(sub.topic)
            if subs is not None and subs.pop(sub.id, None) is not None and not subs:
                del self._topics[sub.topic]
        return len(owned)

    async def _hold(self, owner: Owner) -> None:
        # The owner's guard: lives as long as the owner's nursery.
        try:
            await trio.sleep_forever()
        finally:
            self.unsubscribe_owner(owner)

    # ── broadcasting ───────────────────────────────────────────────────────

    def broadcast(self, topic: str, event: str, payload: Any) -> int:
        """Deliver to every subscriber of ``topic`` on every node. Returns the
        deliveries made on this node before returning."""
        self._broadcasts += 1
        return self._adapter.publish(Broadcast(topic, event, payload))

    def broadcast_from(self, sub: Subscription, topic: str, event: str, payload: Any) -> int:
        """Like :meth:`broadcast`, skipping ``sub`` (the sender's own subscription)."""
        self._broadcasts += 1
        return self._adapter.publish(Broadcast(topic, event, payload, sub.id))

    def deliver_local(self, message: Broadcast) -> int:
        """Hand ``message`` to this node's subscribers of its topic (the adapter
        calls this). Each codec runs at most once."""
        subs = self._topics.get(message.topic)
        if not subs:
            return 0
        exclude = message.exclude
        encoded: dict[Codec, tuple[str | bytes, bytes]] = {}
        sent = 0
        # A copy: a callback (or a slow consumer's close) may change the topic.
        for sub in list(subs.values()):
            if sub.id == exclude:
                continue
            codec = sub.codec
            if codec is None:
                sub.callback(message)  # type: ignore[misc]
                sent += 1
                continue
            pair = encoded.get(codec)
            if pair is None:
                pair = encoded[codec] = codec(message)
                self._encodings += 1
            if sub.send(*pair) is not False:  # type: ignore[misc]
                sent += 1
        self._deliveries += sent
        return sent

    # ── inspection ─────────────────────────────────────────────────────────

    def subscribers(self, topic: str) -> list[Subscription]:
        """The subscriptions of ``topic``, oldest first."""
        return list(self._topics.get(topic, {}).values())

    def statistics(self) -> PubSubStatistics:
        return PubSubStatistics(
            topics=len(self._topics),
            subscriptions=sum(len(s) for s in self._topics.values()),
            owners=len(self._owned),
            broadcasts=self._broadcasts,
            deliveries=self._deliveries,
            encodings=self._encodings,
        )
