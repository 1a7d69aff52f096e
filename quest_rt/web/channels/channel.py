"""One joined channel: a topic on one connection, with the app's callbacks.

A :class:`Channel` is what a channel's join function receives (``socket`` in the
QEP's ``channels.channel("room:*", fun (socket, topic, params) ... end)``): it
belongs to one join of one topic on one connection; a rejoin is a new Channel.
The app registers ``on_join``/``on``/``on_leave`` on it, keeps values with
``set``/``get`` and pushes to its one client with :meth:`push`.

Lifecycle (:class:`ChannelState`)::

    JOINING ──join reply ok──► JOINED ──leave / crash / duplicate join / socket end──► CLOSED
       └──── refused or the join function raised ────────────────────────────────────┘

While JOINING, everything addressed to the client (its own pushes and the topic's
broadcasts, even those sent from inside ``on_join``) is held back and written right
after the join reply, so the reply always comes first (wire-protocol §4.1).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..pubsub import Subscription
    from .socket import ChannelSocket

__all__ = ["Channel", "ChannelState"]


class ChannelState(enum.Enum):
    JOINING = "joining"
    JOINED = "joined"
    CLOSED = "closed"


class Channel:
    """One join of ``topic`` on one connection (see the module docstring).

    Attributes:
        topic: the concrete topic joined (``"room:lobby"``).
        join_ref: the client's ref of the join; every direct push carries it.
        binding: free for a language binding's own object (the Quest socket).
    """

    __slots__ = (
        "_handlers",
        "_on_join",
        "_on_leave",
        "_pending",
        "_socket",
        "_sub",
        "assigns",
        "binding",
        "join_ref",
        "state",
        "topic",
    )

    def __init__(self, socket: ChannelSocket, topic: str, join_ref: str | None) -> None:
        self._socket = socket
        self.topic = topic
        self.join_ref = join_ref
        self.state = ChannelState.JOINING
        self.assigns: dict[str, Any] = {}
        self.binding: Any = None
        self._handlers: dict[str, Callable[[Any], Any]] = {}
        self._on_join: Callable[[Any], Any] | None = None
        self._on_leave: Callable[[], Any] | None = None
        # Outbound messages held while JOINING: [(payload, frame or None), ...].
        self._pending: list[tuple[str | bytes, bytes | None]] | None = []
        self._sub: Subscription | None = None

    def __repr__(self) -> str:
        return f"<Channel {self.topic!r} join_ref={self.join_ref} {self.state.value}>"

    @property
    def id(self) -> str:
        """The connection's id (shared by every channel of one connection)."""
        return self._socket.id

    @property
    def socket(self) -> ChannelSocket:
        return self._socket

    def on_join(self, fn: Callable[[Any], Any]) -> None:
        """``fn(params)`` runs once, right after the join function; its return value
        is the join reply (see :func:`~.socket.join_reply`)."""
        self._on_join = fn

    def on(self, event: str, fn: Callable[[Any], Any]) -> None:
        """``fn(payload)`` handles the client's ``event``; its return value is the
        reply (a dict or bytes: ``ok`` with it; anything else: ``ok`` with ``{}``)."""
        self._handlers[event] = fn

    def on_leave(self, fn: Callable[[], Any]) -> None:
        """``fn()`` runs once when a joined channel ends: the client left, joined the
        topic again, its handler crashed, or the connection ended."""
        self._on_leave = fn

    def get(self, key: str, default: Any = None) -> Any:
        """A value set on this channel, else one the connection was accepted with
        (the endpoint's ``connect``), else ``default``."""
        if key in self.assigns:
            return self.assigns[key]
        return self._socket.assigns.get(key, default)

    def set(self, key: str, value: Any) -> None:
        self.assigns[key] = value

    def push(self, event: str, payload: Any) -> bool:
        """Send ``event`` to this channel's client only; never waits. A dict payload
        travels as JSON, bytes as a binary frame. False once the channel is closed."""
        if self.state is ChannelState.CLOSED:
            return False
        data = self._socket.hub.encoder.push(self.join_ref, self.topic, event, payload)
        return self._deliver(data, None)

    def _deliver(self, data: str | bytes, frame: bytes | None) -> bool:
        # The subscription's ``send`` while JOINING; the socket's own send after.
        pending = self._pending
        if pending is not None:
            pending.append((data, frame))
            return True
        return self._socket.send(data, frame) is not False

    def _release(self) -> list[tuple[str | bytes, bytes | None]]:
        """JOINING → JOINED: what was held back, for the socket to write."""
        pending, self._pending = self._pending or [], None
        self.state = ChannelState.JOINED
        if self._sub is not None:
            self._sub.send = self._socket.send
        return pending
