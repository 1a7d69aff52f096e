"""The Layer-1 WebSocket connection handlers see, independent of the transport under it.

A :class:`WebSocketConnection` is what ``web.websocket(path, fun (socket) ... end)``
hands to Quest code: identity (``id``, ``path``, ``headers``, ``remote_ip``), a
metadata dict, never-waiting sends, ``close``, and four callback slots. It knows
nothing about sockets: a :class:`WebSocketTransport` (the seam, one per transport —
:mod:`quest_rt.web.ws.direct` or :mod:`quest_rt.web.asgi`) moves the bytes and
calls back into the connection from the connection's own task:

    transport task                      connection
    ──────────────                      ──────────
    handshake done        ──────────►   opened()    → on_connect(conn), on_open()
    a whole message       ──────────►   received()  → on_message(data)
    TCP gone / closed     ──────────►   finished()  → on_close(code, reason), exactly once
                          ◄──────────   send_message_nowait(), start_close()

Because one task delivers every event of a connection, handlers of one connection
run one at a time, in arrival order, and a handler that blocks through greenback
suspends only that task. The transport's task holds a greenback portal.

Error handling:
    A handler that raises is logged through the app's ``format_error`` hook,
    ``on_error(exc)`` is called, and the connection is closed with 1011. Nothing is
    re-raised: the server keeps serving every other connection. A full outbound
    queue (the transport raises ``trio.WouldBlock``) closes the connection with
    :data:`~quest_rt.web.settings.CLOSE_SLOW_CONSUMER`; that is the one place the
    slow-client signal is handled.
"""

from __future__ import annotations

import abc
import enum
import logging
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import greenback
import trio

from ..settings import CLOSE_SLOW_CONSUMER

if TYPE_CHECKING:
    from .registry import ConnectionRegistry

__all__ = [
    "CLOSE_INTERNAL_ERROR",
    "ConnectionState",
    "ConnectionStatistics",
    "WebSocketConnection",
    "WebSocketTransport",
]

log = logging.getLogger("quest_rt.web")

#: RFC 6455 1011: sent when a Layer-1 handler raises (DESIGN, wire-protocol §9.2).
CLOSE_INTERNAL_ERROR = 1011


class ConnectionState(enum.Enum):
    """Lifecycle of a connection; the values are what ``socket.state()`` returns."""

    OPEN = "open"
    #: We or the peer sent a close frame; no more messages are delivered or sent.
    CLOSING = "closing"
    #: TCP is gone, ``on_close`` has run, the registry entry is removed.
    CLOSED = "closed"


@dataclass(frozen=True)
class ConnectionStatistics:
    state: str
    #: Outbound messages waiting for the client right now.
    queued: int
    #: Most messages that ever waited at once.
    queue_peak: int
    #: The queue depth at which the client is closed as a slow consumer.
    queue_limit: int
    messages_received: int
    messages_sent: int


class WebSocketTransport(abc.ABC):
    """The seam between a connection and the code that moves its bytes.

    Every method is synchronous and never waits: they are called from handlers.
    The transport does the waiting in its own task.
    """

    @abc.abstractmethod
    def send_message_nowait(self, payload: str | bytes, frame: bytes | None) -> None:
        """Queue one message. ``frame`` is the payload already encoded as an unmasked
        RFC 6455 frame (a broadcast encodes once for all recipients) or None.

        Raises:
            trio.WouldBlock: the outbound queue is full (a slow consumer).
        """

    @abc.abstractmethod
    def start_close(self, code: int, reason: str, *, discard_queue: bool) -> None:
        """Begin the closing handshake: send a close frame after the queued messages
        (or instead of them, when ``discard_queue``), then wait for the peer's close
        frame, bounded by the close timeout, and drop TCP."""

    @abc.abstractmethod
    def queue_stats(self) -> tuple[int, int, int]:
        """(queued now, peak, limit) of the outbound queue."""

    @abc.abstractmethod
    def nursery(self) -> trio.Nursery:
        """The connection's nursery, cancelled when the connection ends."""


def _validate_close(code: int, reason: str) -> None:
    # Codes an application may put on the wire (wire-protocol §9.2 table).
    if not (code in (1000, 1001, 1002, 1003) or 1007 <= code <= 1014 or 3000 <= code <= 4999):
        raise ValueError(
            f"close code {code} may not be sent (use 1000, 1001-1003, 1007-1014 or 3000-4999)"
        )
    if len(reason.encode("utf-8")) > 123:
        raise ValueError("close reason longer than 123 bytes of UTF-8")


class WebSocketConnection:
    """One accepted WebSocket, as Layer-1 handlers see it (QEP-054 "WebSocket Object API").

    Attributes:
        id: a uuid4 string, unique for the process lifetime.
        path: the endpoint path the client connected to.
        headers: the upgrade request's headers, lower-case names, str values.
        remote_ip: the client's address.
    """

    __slots__ = (
        "_close_code",
        "_close_reason",
        "_meta",
        "_on_close",
        "_on_error",
        "_on_message",
        "_on_open",
        "_registry",
        "_state",
        "_transport",
        "format_error",
        "headers",
        "id",
        "messages_received",
        "messages_sent",
        "path",
        "remote_ip",
    )

    def __init__(
        self,
        *,
        path: str,
        headers: dict[str, str],
        remote_ip: str,
        registry: ConnectionRegistry,
        format_error: Callable[[BaseException], str],
    ) -> None:
        self.id = str(uuid.uuid4())
        self.path = path
        self.headers = headers
        self.remote_ip = remote_ip
        self.format_error = format_error
        self.messages_received = 0
        self.messages_sent = 0
        self._registry = registry
        self._state = ConnectionState.OPEN
        self._transport: WebSocketTransport | None = None
        self._meta: dict[str, Any] = {}
        self._on_open: Callable[[], Any] | None = None
        self._on_message: Callable[[str | bytes], Any] | None = None
        self._on_close: Callable[[int, str], Any] | None = None
        self._on_error: Callable[[BaseException], Any] | None = None
        self._close_code = 1006
        self._close_reason = ""

    def __repr__(self) -> str:
        return f"<WebSocketConnection {self.id} {self.path} {self._state.value}>"

    # ── what handlers call ──────────────────────────────────────────────────

    @property
    def state(self) -> str:
        """``"open"``, ``"closing"`` or ``"closed"``."""
        return self._state.value

    def get(self, key: str, default: Any = None) -> Any:
        """Connection metadata set with :meth:`set` (``default`` when absent)."""
        return self._meta.get(key, default)

    def set(self, key: str, value: Any) -> None:
        self._meta[key] = value

    def on_open(self, fn: Callable[[], Any]) -> None:
        """Register ``fn()``, called once after the connect handler returns."""
        self._on_open = fn

    def on_message(self, fn: Callable[[str | bytes], Any]) -> None:
        """Register ``fn(data)``: str for a text message, bytes for a binary one."""
        self._on_message = fn

    def on_close(self, fn: Callable[[int, str], Any]) -> None:
        """Register ``fn(code, reason)``, called exactly once when the connection ends.
        ``code`` is the peer's close code when it closed, ours when we did, 1006 when
        TCP dropped without a close frame."""
        self._on_close = fn

    def on_error(self, fn: Callable[[BaseException], Any]) -> None:
        """Register ``fn(exc)``, called when one of this connection's handlers raised."""
        self._on_error = fn

    def send_text_nowait(self, text: str) -> bool:
        """Queue a text message; never waits.

        Returns:
            True if queued; False if the connection is not open (the message is
            dropped) or the queue was full (the connection is then closed as a slow
            consumer).
        """
        return self.send_prepared(text, None)

    def send_bytes_nowait(self, data: bytes) -> bool:
        """Queue a binary message; never waits. Returns as :meth:`send_text_nowait`."""
        return self.send_prepared(bytes(data), None)

    def close(self, code: int = 1000, reason: str = "") -> None:
        """Start closing with ``code``/``reason``; messages already queued go first.

        Raises:
            ValueError: ``code`` is not one an endpoint may send, or ``reason`` is
                longer than 123 bytes.
        """
        _validate_close(code, reason)
        if self._registry.needs_loop_thread():
            self._registry.call_in_loop(self.close, code, reason)
            return
        self._begin_close(code, reason, discard_queue=False)

    def start_soon(self, async_fn: Callable[..., Awaitable[Any]], *args: Any) -> None:
        """Run ``async_fn(*args)`` as a task of this connection (timers such as
        ``lv.schedule``, pushes from layers above). It is cancelled when the
        connection ends, so nothing outlives it.

        Raises:
            RuntimeError: the connection is already closed.
        """
        if self._state is ConnectionState.CLOSED or self._transport is None:
            raise RuntimeError(f"connection {self.id} is closed")
        self._transport.nursery().start_soon(self._guarded, async_fn, args)

    async def _guarded(
        self, async_fn: Callable[..., Awaitable[Any]], args: tuple[Any, ...]
    ) -> None:
        # Such tasks run handler code too: give them a portal, and treat their
        # exceptions like a handler's (log, on_error, close 1011) instead of
        # letting them tear down the connection's nursery and the server.
        await greenback.ensure_portal()
        try:
            await async_fn(*args)
        except Exception as exc:
            self._handler_failed(exc)

    def statistics(self) -> ConnectionStatistics:
        queued, peak, limit = self._transport.queue_stats() if self._transport else (0, 0, 0)
        return ConnectionStatistics(
            state=self._state.value,
            queued=queued,
            queue_peak=peak,
            queue_limit=limit,
            messages_received=self.messages_received,
            messages_sent=self.messages_sent,
        )

    # ── what the registry and transports call ──────────────────────────────

    def send_prepared(self, payload: str | bytes, frame: bytes | None) -> bool:
        """Queue ``payload`` (with its pre-encoded ``frame``, if any). The one place
        where a full queue (``trio.WouldBlock``) becomes a slow-consumer close."""
        if self._state is not ConnectionState.OPEN:
            return False
        if self._registry.needs_loop_thread():
            return self._registry.call_in_loop(self.send_prepared, payload, frame)
        try:
            self._transport.send_message_nowait(payload, frame)
        except trio.WouldBlock:
            self._registry.count_slow_consumer()
            log.warning("closing slow WebSocket consumer %s on %s", self.id, self.path)
            self._begin_close(CLOSE_SLOW_CONSUMER, "slow consumer", discard_queue=True)
            return False
        self.messages_sent += 1
        return True

    def attach(self, transport: WebSocketTransport) -> None:
        self._transport = transport

    def opened(self, on_connect: Callable[[WebSocketConnection], Any]) -> None:
        """Run the endpoint's connect handler, then ``on_open`` unless it closed us."""
        self._registry.add(self)
        if self._call(on_connect, self) and self._on_open is not None:
            if self._state is ConnectionState.OPEN:
                self._call(self._on_open)

    def received(self, data: str | bytes) -> None:
        """Deliver one whole message to ``on_message`` (dropped once closing)."""
        if self._state is ConnectionState.OPEN:
            self.messages_received += 1
            if self._on_message is not None:
                self._call(self._on_message, data)

    def peer_closing(self, code: int, reason: str) -> None:
        """The peer sent a close frame (or violated the protocol, ``code`` says how)."""
        if self._state is ConnectionState.OPEN:
            self._state = ConnectionState.CLOSING
            self._close_code, self._close_reason = code, reason

    def finished(self, code: int | None = None, reason: str = "") -> None:
        """TCP is closed: leave the registry and call ``on_close`` exactly once.

        ``code`` overrides what we recorded (a transport that learns the peer's code
        late passes it here); None keeps the code of whoever closed first, or 1006.
        """
        if self._state is ConnectionState.CLOSED:
            return
        if code is not None and self._state is ConnectionState.OPEN:
            self._close_code, self._close_reason = code, reason
        self._state = ConnectionState.CLOSED
        self._registry.remove(self)
        if self._on_close is not None:
            self._call(self._on_close, self._close_code, self._close_reason)

    @property
    def close_code(self) -> int:
        """The code of whoever closed first (1006 until then or if TCP dropped)."""
        return self._close_code

    @property
    def close_reason(self) -> str:
        return self._close_reason

    # ── internals ──────────────────────────────────────────────────────────

    def _begin_close(self, code: int, reason: str, *, discard_queue: bool) -> None:
        if self._state is not ConnectionState.OPEN:
            return
        self._state = ConnectionState.CLOSING
        self._close_code, self._close_reason = code, reason
        if self._transport is not None:
            self._transport.start_close(code, reason, discard_queue=discard_queue)

    def _call(self, fn: Callable[..., Any], *args: Any) -> bool:
        """Run one handler; on an exception log it, call on_error, close with 1011.

        Only ``Exception`` is caught: cancellation and KeyboardInterrupt propagate.
        """
        try:
            fn(*args)
        except Exception as exc:
            self._handler_failed(exc)
            return False
        return True

    def _handler_failed(self, exc: Exception) -> None:
        log.error(
            "WebSocket handler failed on %s (connection %s):\n%s",
            self.path,
            self.id,
            self.format_error(exc),
        )
        if self._on_error is not None:
            try:
                self._on_error(exc)
            except Exception as nested:
                log.error("on_error handler failed too:\n%s", self.format_error(nested))
        self._begin_close(CLOSE_INTERNAL_ERROR, "internal error", discard_queue=False)
