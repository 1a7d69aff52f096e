"""The Layer-1 WebSocket connection handlers see, independent of the transport under it.

A :class:`WebSocketConnection` is what ``web.websocket(path, fun (socket) ... end)``
hands to Quest code: identity (``id``, ``path``, ``headers``, ``query``,
``remote_ip``, the ``assigns`` its endpoint accepted it with), a metadata dict,
never-waiting sends, ``close``, four callback slots, and a mailbox. It knows nothing
about sockets: a :class:`WebSocketTransport` (the seam, one per transport —
:mod:`quest_rt.web.ws.direct` or :mod:`quest_rt.web.asgi`) moves the bytes and
calls back into the connection from the connection's reader task:

    transport task                      connection
    ──────────────                      ──────────
    handshake done        ──────────►   opened()    → on_connect(conn), on_open()
    a whole message       ──────────►   received()  → on_message(data)       ┐ through
    (timers, layers)      ──────────►   post(fn)    → fn()                   ┘ the mailbox
    reader done           ──────────►   await stop_handlers()
    TCP gone / closed     ──────────►   finished()  → on_close(code, reason), exactly once
                          ◄──────────   send_message_nowait(), start_close()

Every handler call goes through the connection's :class:`~.mailbox.Mailbox`, so a
connection's handlers run one at a time in arrival order, whichever task asked for
them, and a handler that blocks through greenback suspends only its own connection.

Error handling — one mechanism, chosen by the layer:
    Every job in the mailbox carries an ``on_error(exc)``. Layer 1's (the default,
    used for ``on_connect``/``on_open``/``on_message`` and for ``post`` without
    ``on_error``) logs the exception through the app's ``format_error`` hook, calls
    the socket's ``on_error`` handler and closes with 1011. A layer above passes its
    own to :meth:`post` (a channel replies ``phx_error`` for one topic and keeps the
    socket; a LiveView crashes one view), or installs one for every message with
    :meth:`set_message_error_policy`. Nothing is re-raised: the server keeps
    serving every other connection. A full outbound queue (the transport raises
    ``trio.WouldBlock``) closes the connection with
    :data:`~quest_rt.web.settings.CLOSE_SLOW_CONSUMER`; that is the one place the
    slow-client signal is handled. A full mailbox closes it the same way.
"""

from __future__ import annotations

import abc
import enum
import logging
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import trio

from ..settings import CLOSE_SLOW_CONSUMER
from .mailbox import Mailbox
from .registry import on_loop_thread

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
    #: Bytes of the outbound messages waiting right now (a shared broadcast frame
    #: counts in full in each queue), and the size at which the client is closed.
    queued_bytes: int
    queue_byte_limit: int
    messages_received: int
    messages_sent: int
    #: Handler calls waiting in the mailbox right now, the most that ever waited,
    #: and the depth at which the connection is closed.
    mailbox_waiting: int
    mailbox_peak: int
    mailbox_limit: int


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
    def byte_stats(self) -> tuple[int, int]:
        """(bytes queued now, limit) of the outbound queue."""

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

    Built by :func:`quest_rt.web.ws.upgrade.open_connection`, for every transport.

    Attributes:
        id: a uuid4 string, unique for the process lifetime.
        path: the endpoint path the client connected to.
        headers: the upgrade request's headers, lower-case names, str values.
        query: the upgrade request's query string, parsed (last value wins).
        assigns: what the endpoint's ``authorize`` step accepted the connection with.
        remote_ip: the client's address.
        binding: free for the code that binds this connection to a language or a
            layer (the Quest socket object of ``std/web/ws``); the engine never reads it.
    """

    __slots__ = (
        "__weakref__",
        "_close_code",
        "_close_reason",
        "_mailbox",
        "_mailbox_done",
        "_mailbox_scope",
        "_message_error",
        "_meta",
        "_on_close",
        "_on_error",
        "_on_message",
        "_on_open",
        "_registry",
        "_state",
        "_transport",
        "assigns",
        "binding",
        "format_error",
        "headers",
        "id",
        "messages_received",
        "messages_sent",
        "path",
        "query",
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
        query: dict[str, str] | None = None,
        assigns: dict[str, Any] | None = None,
        mailbox_limit: int = 1024,
    ) -> None:
        self.id = str(uuid.uuid4())
        self.path = path
        self.headers = headers
        self.query = query if query is not None else {}
        self.assigns = assigns if assigns is not None else {}
        self.remote_ip = remote_ip
        self.format_error = format_error
        self.binding: Any = None
        self.messages_received = 0
        self.messages_sent = 0
        self._mailbox = Mailbox(mailbox_limit, self._handler_failed)
        # The mailbox task's scope and end, once started (lazily, by the first post).
        self._mailbox_scope: trio.CancelScope | None = None
        self._mailbox_done: trio.Event | None = None
        # None: Layer 1's policy (_handler_failed); a bound method per connection
        # would cost memory for nothing.
        self._message_error: Callable[[Exception], Any] | None = None
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

    @on_loop_thread
    def close(self, code: int = 1000, reason: str = "") -> None:
        """Start closing with ``code``/``reason``; messages already queued go first.

        Raises:
            ValueError: ``code`` is not one an endpoint may send, or ``reason`` is
                longer than 123 bytes.
        """
        _validate_close(code, reason)
        self._begin_close(code, reason, discard_queue=False)

    @on_loop_thread
    def post(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_error: Callable[[Exception], Any] | None = None,
    ) -> bool:
        """Run ``fn(*args)`` in this connection's mailbox, after the handler calls
        already waiting there; never waits, never runs ``fn`` in the calling task.

        Args:
            on_error: ``fn(exc)`` if ``fn`` raises — the calling layer's mapping of
                a failure. None: Layer 1's (log, ``on_error`` handler, close 1011).

        Returns:
            True if queued; False if the connection has ended (``fn`` is dropped)
            or its mailbox was full (it is then closed like a slow consumer).
        """
        if self._state is ConnectionState.CLOSED or self._transport is None:
            return False
        if self._mailbox_scope is None:
            self._transport.nursery().start_soon(self._run_mailbox)
            self._mailbox_scope = trio.CancelScope()
            self._mailbox_done = trio.Event()
        try:
            self._mailbox.post_nowait(fn, args, on_error or self._handler_failed)
        except trio.WouldBlock:
            log.warning(
                "closing WebSocket %s on %s: %d handler calls waiting (mailbox full)",
                self.id,
                self.path,
                self._mailbox.limit,
            )
            self._begin_close(CLOSE_SLOW_CONSUMER, "handler queue full", discard_queue=True)
            return False
        return True

    def call_later(
        self,
        seconds: float,
        fn: Callable[..., Any],
        *args: Any,
        on_error: Callable[[Exception], Any] | None = None,
    ) -> None:
        """After ``seconds``, :meth:`post` ``fn(*args)``: a timer whose code runs in
        the mailbox like every other handler call. Cancelled when the connection
        ends.

        Raises:
            RuntimeError: the connection is already closed.
        """

        async def timer() -> None:
            await trio.sleep(seconds)
            self.post(fn, *args, on_error=on_error)

        self.start_soon(timer)

    def set_message_error_policy(self, on_error: Callable[[Exception], Any]) -> None:
        """Use ``on_error(exc)`` instead of Layer 1's policy when ``on_message``
        raises (a layer that multiplexes the socket, like channels, maps a failure
        to one topic and keeps the connection)."""
        self._message_error = on_error

    def start_soon(self, async_fn: Callable[..., Awaitable[Any]], *args: Any) -> None:
        """Run ``async_fn(*args)`` as a task of this connection, for the *waiting*
        part of timers and pushes from layers above; the handler code it then runs
        goes through :meth:`post` (or use :meth:`call_later`). The task is cancelled
        when the connection ends, so nothing outlives it. An exception from it is
        handled like a handler's (Layer 1's policy).

        Raises:
            RuntimeError: the connection is already closed.
        """
        if self._state is ConnectionState.CLOSED or self._transport is None:
            raise RuntimeError(f"connection {self.id} is closed")
        self._transport.nursery().start_soon(self._guarded, async_fn, args)

    async def _guarded(
        self, async_fn: Callable[..., Awaitable[Any]], args: tuple[Any, ...]
    ) -> None:
        # Treat the task's exceptions like a handler's (log, on_error, close 1011)
        # instead of letting them tear down the connection's nursery and the server.
        try:
            await async_fn(*args)
        except Exception as exc:
            self._handler_failed(exc)

    def statistics(self) -> ConnectionStatistics:
        transport = self._transport
        queued, peak, limit = transport.queue_stats() if transport else (0, 0, 0)
        queued_bytes, byte_limit = transport.byte_stats() if transport else (0, 0)
        return ConnectionStatistics(
            state=self._state.value,
            queued=queued,
            queue_peak=peak,
            queue_limit=limit,
            queued_bytes=queued_bytes,
            queue_byte_limit=byte_limit,
            messages_received=self.messages_received,
            messages_sent=self.messages_sent,
            mailbox_waiting=self._mailbox.waiting,
            mailbox_peak=self._mailbox.peak,
            mailbox_limit=self._mailbox.limit,
        )

    # ── what the registry and transports call ──────────────────────────────

    @on_loop_thread
    def send_prepared(self, payload: str | bytes, frame: bytes | None) -> bool:
        """Queue ``payload`` (with its pre-encoded ``frame``, if any). The one place
        where a full queue (``trio.WouldBlock``) becomes a slow-consumer close."""
        if self._state is not ConnectionState.OPEN:
            return False
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
        """Run the endpoint's connect handler, then ``on_open`` unless it closed us
        (one job: a failing ``on_connect`` skips ``on_open``)."""
        self._registry.add(self)
        self._mailbox.deliver(self._open, on_connect, self._handler_failed)

    def received(self, data: str | bytes) -> None:
        """Deliver one whole message to ``on_message``, through the mailbox."""
        if self._state is ConnectionState.OPEN:
            self.messages_received += 1
            handler = self._on_message
            if handler is not None:
                on_error = self._message_error or self._handler_failed
                self._mailbox.deliver(handler, data, on_error, self._message)

    def reading_paused(self) -> bool:
        """True when the transport should stop reading until
        :meth:`wait_mailbox_space` returns (the mailbox is full)."""
        return self._mailbox.over_limit()

    async def wait_mailbox_space(self) -> None:
        await self._mailbox.wait_below_limit()

    async def stop_handlers(self) -> None:
        """The reader is done: cancel a handler still running in the mailbox task
        (it unwinds with ``Cancelled``), drop what waits, and return once nothing of
        this connection's code runs any more, so ``on_close`` runs alone."""
        self._mailbox.clear()
        if self._mailbox_scope is not None and self._mailbox_done is not None:
            self._mailbox_scope.cancel()
            await self._mailbox_done.wait()

    def peer_closing(self, code: int, reason: str) -> None:
        """The peer sent a close frame (or violated the protocol, ``code`` says how)."""
        if self._state is ConnectionState.OPEN:
            self._state = ConnectionState.CLOSING
            self._close_code, self._close_reason = code, reason

    def finished(self, code: int | None = None, reason: str = "") -> None:
        """TCP is closed: leave the registry and call ``on_close`` exactly once.

        ``code`` overrides what we recorded (a transport that learns the peer's code
        late passes it here); None keeps the code of whoever closed first, or 1006.
        Transports call it after :meth:`stop_handlers` (or once the connection's
        nursery is gone), so no other handler of this connection is running.
        """
        if self._state is ConnectionState.CLOSED:
            return
        if code is not None and self._state is ConnectionState.OPEN:
            self._close_code, self._close_reason = code, reason
        self._state = ConnectionState.CLOSED
        self._mailbox.clear()
        self._registry.remove(self)
        if self._on_close is not None:
            try:
                self._on_close(self._close_code, self._close_reason)
            except Exception as exc:
                self._handler_failed(exc)
        self._release()

    def _release(self) -> None:
        """Drop every reference that leads back to this connection, now that nothing
        of it runs any more, so reference counting frees it (and what its handlers
        hold) the moment the last outside reference goes.

        Without this, a closed connection sat in reference cycles — transport ↔
        connection, the mailbox's bound method, handler closures that capture the
        socket (``on_message`` → closure → socket → connection), the binding's
        socket object — and only the cyclic collector freed it: RSS grew round
        after round of clients (issue 9). ``tests/hostile`` checks it with the
        collector disabled. Identity, metadata and the close code stay readable.
        """
        self._mailbox.close()
        self._transport = None
        self._on_open = self._on_message = self._on_close = self._on_error = None
        self._message_error = None
        self._mailbox_scope = self._mailbox_done = None
        self.binding = None

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

    def _open(self, on_connect: Callable[[WebSocketConnection], Any]) -> None:
        on_connect(self)
        if self._on_open is not None and self._state is ConnectionState.OPEN:
            self._on_open()

    def _message(self, data: str | bytes) -> None:
        # Checked when the job runs, not when it was queued: a message behind one
        # whose handler closed the connection is dropped, as if it came after.
        if self._on_message is not None and self._state is ConnectionState.OPEN:
            self._on_message(data)

    async def _run_mailbox(self) -> None:
        """The mailbox task; :meth:`stop_handlers` ends it by cancelling its scope.

        The ``Cancelled`` that scope catches is dropped here with its traceback cut.
        On CPython 3.12+ the frame object of a finished coroutine keeps ``f_back``,
        the frame that last resumed it; for this task that is greenback's portal
        (``trampoline`` → ``outcome.Value.send``), whose locals still hold the
        outcome that delivered the cancellation. So the ``Cancelled`` would close a
        cycle: exception → traceback → this frame (``self``: the connection) →
        ``f_back`` → trampoline → ``Value(Error(Cancelled))`` → exception, and the
        connection would wait for the cyclic collector (3.11 leaves ``f_back``
        empty). Cutting the caught exception's traceback breaks it.
        """
        scope, done = self._mailbox_scope, self._mailbox_done
        assert scope is not None and done is not None
        cancelled: trio.Cancelled | None = None
        try:
            with scope:
                try:
                    await self._mailbox.run()
                except trio.Cancelled as exc:
                    cancelled = exc
                    raise
        finally:
            if cancelled is not None and scope.cancelled_caught:
                cancelled.__traceback__ = None
            cancelled = None
            done.set()

    def _handler_failed(self, exc: Exception) -> None:
        """Layer 1's error policy: log, the socket's ``on_error``, close with 1011."""
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
