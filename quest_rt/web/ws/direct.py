"""The direct WebSocket transport: one Trio task per connection, wsproto for parsing.

Why it exists: hypercorn's ASGI WebSocket path spends 200–330 µs of server CPU
per message here (Trio scheduling and per-message cancel scopes), which caps a
Layer-1 echo at a few thousand messages per second (issue 3). This path keeps the
cost per message to what the work needs:

- **One task per connection.** It waits for the socket to become readable, reads
  with ``os.read`` (one scheduler pass per wake-up, instead of the extra
  checkpoints of ``SocketStream.receive_some``), feeds wsproto, and runs the
  handlers for every complete message itself, in order.
- **Sends try the socket first.** ``send_message_nowait`` writes the frame with a
  non-blocking ``os.write``; only what the kernel refuses is appended to a backlog
  (bounded, :attr:`WebSettings.ws_queue_depth` frames) and a drain task is started
  in the connection's nursery, and it exits when the backlog is empty. An echo
  therefore costs no scheduler pass at all on the sending side.
- **Frames are encoded by** :func:`quest_rt.web.ws.frames.encode_frame` (so a
  broadcast's frame is shared) unless permessage-deflate was negotiated, in which
  case wsproto encodes per connection (its compressor has per-connection state)
  and inflation is bounded by :mod:`.deflate`.

Limits, all from :class:`WebSettings` (issue 9): the backlog holds at most
``ws_queue_depth`` frames and ``ws_queue_bytes`` bytes before a send closes the
connection with 1008; a message must arrive whole within ``ws_message_timeout`` of
its first byte (1008); a peer silent for ``ws_ping_interval`` is pinged and closed
with 1001 if nothing arrives within ``ws_ping_timeout``. The last two are kept by
one timer per connection (:meth:`DirectWebSocket._watch`, on :mod:`.timers`: one
task for all connections), due at the next moment one of them could be; the
reader only stamps when it starts waiting for bytes.

The closing handshake: whoever closes first, the reader task keeps reading until
the peer's close frame arrives or :attr:`WebSettings.ws_close_timeout` passes (a
deadline on the read scope, settable from synchronous code), then waits at most as
long again for the backlog to drain, then closes TCP and reports ``finished``.
"""

from __future__ import annotations

import logging
import math
import os
from collections import deque
from typing import TYPE_CHECKING, Any

import trio
from wsproto.connection import Connection, ConnectionState, ConnectionType
from wsproto.events import (
    CloseConnection,
    Message,
    Ping,
    TextMessage,
)
from wsproto.extensions import Extension
from wsproto.utilities import LocalProtocolError, generate_accept_token

from .. import portal
from ..settings import CLOSE_SLOW_CONSUMER
from . import timers
from .connection import WebSocketConnection, WebSocketTransport
from .deflate import accept_deflate
from .fastpath import FrameBoundary, take_simple_frames
from .frames import OPCODE_BINARY, OPCODE_TEXT, encode_frame

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..settings import WebSettings

__all__ = ["DirectWebSocket", "handshake_response"]

#: Bytes asked of the kernel per read: large enough for a burst of small frames.
READ_SIZE = 65536

log = logging.getLogger("quest_rt.web")

CLOSE_MESSAGE_TOO_BIG = 1009
#: A peer that did not answer a ping: "going away", so a live client reconnects.
CLOSE_PING_TIMEOUT = 1001

#: The reasons sent when the peer broke the protocol: fixed texts (issue 9), never
#: the parser's own message, which is Python's (codec errors, opcode reprs).
FAILURE_REASONS = {1002: "protocol error", 1007: "invalid UTF-8", 1009: "message too big"}


def handshake_response(
    key: bytes, offered_extensions: list[str], compression: bool, max_message: int
) -> tuple[bytes, list[Extension]]:
    """The ``101 Switching Protocols`` answer to a valid upgrade (RFC 6455 §4.2.2)
    and the extensions it agreed to: permessage-deflate only when ``compression``,
    inflating at most ``max_message`` bytes per message."""
    lines = [
        b"HTTP/1.1 101 Switching Protocols",
        b"Upgrade: websocket",
        b"Connection: Upgrade",
        b"Sec-WebSocket-Accept: " + generate_accept_token(key),
    ]
    extensions: list[Extension] = []
    if compression and offered_extensions:
        accepted, extensions = accept_deflate(offered_extensions, max_message)
        if accepted is not None:
            lines.append(b"Sec-WebSocket-Extensions: " + accepted)
    return b"\r\n".join(lines) + b"\r\n\r\n", extensions


class DirectWebSocket(WebSocketTransport):
    """Drives one accepted connection; see the module docstring for the design."""

    def __init__(
        self,
        stream: trio.SocketStream,
        conn: WebSocketConnection,
        settings: WebSettings,
        extensions: list[Extension],
        trailing: bytes,
    ) -> None:
        self._stream = stream
        self._fd = stream.socket.fileno()
        self._conn = conn
        # wsproto, made on first use (_parser): the fast path reads most connections'
        # every frame, so most never need its ~1 KB of per-connection state.
        self._ws: Connection | None = None
        self._extensions = extensions or None
        self._compressed = bool(extensions)
        self._trailing = trailing
        # True while the next byte starts a frame and no fragmented message is open:
        # then simple frames skip wsproto (see quest_rt.web.ws.fastpath).
        self._fast = not extensions
        self._boundary = FrameBoundary()
        self._limit = settings.ws_queue_depth
        self._byte_limit = settings.ws_queue_bytes
        self._max_message = settings.ws_max_message_size
        self._close_timeout = settings.ws_close_timeout
        self._message_timeout = settings.ws_message_timeout
        self._ping_interval = settings.ws_ping_interval
        self._ping_timeout = settings.ws_ping_timeout
        # Frames (bytes, or a memoryview remainder of a partly written one) that the
        # kernel has not taken yet, and their size. Non-empty ⇔ the drain task runs.
        self._backlog: deque[bytes | memoryview] = deque()
        self._queued = 0
        self._peak = 0
        # When the reader began waiting for bytes (None while it handles what it
        # read), and when the message still being read began (None between messages).
        self._idle_since: float | None = None
        self._message_started: float | None = None
        # The watcher's timer (moved earlier when a message starts) and when we
        # pinged a silent peer (None: no ping unanswered).
        self._watch_timer: timers.Timer | None = None
        self._pinged_at: float | None = None
        self._drained: trio.Event | None = None
        self._nursery: trio.Nursery | None = None
        self._read_scope = trio.CancelScope()
        self._broken = False
        # A fragmented message being reassembled, and its size in bytes.
        self._parts: list[Any] = []
        self._size = 0
        conn.attach(self)

    # ── the seam (called from handlers, never waits) ───────────────────────

    def send_message_nowait(self, payload: str | bytes, frame: bytes | None) -> None:
        if self._compressed:
            frame = self._parser().send(Message(data=payload))
        elif frame is None:
            if isinstance(payload, str):
                frame = encode_frame(OPCODE_TEXT, payload.encode("utf-8"))
            else:
                frame = encode_frame(OPCODE_BINARY, payload)
        if self._backlog:
            if len(self._backlog) >= self._limit or self._queued >= self._byte_limit:
                raise trio.WouldBlock
            self._spill(frame)
        else:
            self._write(frame)

    def start_close(self, code: int, reason: str, *, discard_queue: bool) -> None:
        if discard_queue and self._backlog:
            # Keep only a frame the kernel has half taken: cutting it would corrupt
            # the stream the close frame follows.
            head = self._backlog[0]
            self._backlog.clear()
            self._queued = 0
            if isinstance(head, memoryview):
                self._backlog.append(head)
                self._queued = len(head)
        self._send_control(CloseConnection(code=code, reason=reason))
        self._read_scope.deadline = trio.current_time() + self._close_timeout

    def queue_stats(self) -> tuple[int, int, int]:
        return len(self._backlog), self._peak, self._limit

    def byte_stats(self) -> tuple[int, int]:
        return self._queued, self._byte_limit

    def nursery(self) -> trio.Nursery:
        assert self._nursery is not None
        return self._nursery

    # ── the connection's task ──────────────────────────────────────────────

    async def run(self, on_connect: Callable[[WebSocketConnection], Any]) -> None:
        """Serve the connection until it closes; the 101 response is already sent."""
        # Handlers run in this task and may block through greenback.await_: each
        # call that runs them goes through portal.call (no portal while idle).
        conn = self._conn
        try:
            async with trio.open_nursery() as nursery:
                self._nursery = nursery
                if self._ping_interval > 0 or self._message_timeout > 0:
                    self._watch_timer = timers.schedule(trio.current_time(), self._watch)
                await portal.call(conn.opened, on_connect)
                with self._read_scope:
                    trailing, self._trailing = self._trailing, b""
                    if not (trailing and await portal.call(self.feed, trailing)):
                        await self._read_loop()
                if self._backlog and not self._broken:
                    with trio.move_on_after(self._close_timeout):
                        await self._wait_drained()
                # End the mailbox task from inside (its own scope) before the
                # nursery is cancelled: the Cancelled that ends it stops in that
                # scope instead of escaping the task, where an exception's traceback
                # can keep frames (and the connection) in a reference cycle until the
                # cyclic collector runs. (Before portal.call the task also ran in
                # greenback's shim, whose frame held that outcome.)
                await conn.stop_handlers()
                nursery.cancel_scope.cancel()
        finally:
            self._stream.socket.close()
            self._nursery = None
            if self._watch_timer is not None:
                self._watch_timer.cancel()
            if self._ws is not None:
                _break_parser_cycle(self._ws)
            await portal.call(conn.finished)

    async def _read_loop(self) -> None:
        fd = self._fd
        clock = trio.current_time
        while True:
            self._idle_since = clock()
            await trio.lowlevel.wait_readable(fd)
            self._idle_since = None
            try:
                data = os.read(fd, READ_SIZE)
            except BlockingIOError:
                continue
            except OSError:
                data = b""
            if not data:
                return  # TCP gone without a close frame: finished() reports 1006
            if await portal.call(self.feed, data):
                return
            if self._conn.reading_paused():
                # Handlers are behind (one is blocked): stop reading, so the peer
                # meets TCP backpressure instead of filling our memory.
                await self._conn.wait_mailbox_space()

    def feed(self, data: bytes) -> bool:
        """Handle bytes from the peer. True when the connection is done reading.

        Simple frames take the fast path (:mod:`.fastpath`) while we are at a frame
        boundary; everything else goes through wsproto until the boundary tracker
        says we are back at one.
        """
        if self._fast:
            used = take_simple_frames(data, self._max_message, self._deliver_fast)
            if used == len(data):
                return self._broken
            data = data[used:]
            self._fast = False
        self._parser().receive_data(data)
        if self._handle_events():
            return True
        if self._boundary.feed(data):
            self._message_started = None
            self._fast = not self._compressed
        elif self._message_started is None:
            # A message (or a frame) is open past this read: its clock starts.
            self._message_started = now = trio.current_time()
            if self._watch_timer is not None:
                self._watch_timer.reschedule(now + self._message_timeout)
        return False

    def _parser(self) -> Connection:
        ws = self._ws
        if ws is None:
            ws = self._ws = Connection(ConnectionType.SERVER, self._extensions)
        return ws

    def _deliver_fast(self, message: str | bytes) -> bool:
        conn = self._conn
        conn.received(message)
        return conn.state == "open" and not self._broken

    def _handle_events(self) -> bool:
        """Act on what wsproto parsed. True when the connection is done reading."""
        conn = self._conn
        ws = self._parser()
        for event in ws.events():
            if isinstance(event, Message):
                if event.message_finished and not self._parts:
                    data = event.data
                    if self._too_big(data):
                        continue
                    self._size = 0  # the limit is per message: the next one starts at 0
                    conn.received(data if isinstance(event, TextMessage) else bytes(data))
                    continue
                if self._too_big(event.data):
                    continue
                self._parts.append(event.data)
                if event.message_finished:
                    parts, self._parts, self._size = self._parts, [], 0
                    if isinstance(event, TextMessage):
                        conn.received("".join(parts))
                    else:
                        conn.received(b"".join(parts))
            elif isinstance(event, Ping):
                if ws.state is ConnectionState.OPEN:
                    self._send_control(event.response())
            elif isinstance(event, CloseConnection):
                if ws.state is ConnectionState.REMOTE_CLOSING:
                    # The peer's close frame: answer it (echoing the code) and stop.
                    conn.peer_closing(event.code, event.reason or "")
                    self._send_control(event.response())
                    return True
                if ws.state is ConnectionState.CLOSED:
                    return True  # the answer to the close we sent
                # A protocol violation (wsproto reports it as a close event and
                # stays OPEN): fail the connection with its code, don't wait. The
                # reason is ours: wsproto's is Python's text (a codec error...).
                reason = FAILURE_REASONS.get(event.code, "protocol error")
                conn.peer_closing(event.code, reason)
                if ws.state is ConnectionState.OPEN:
                    self._send_control(CloseConnection(code=event.code, reason=reason))
                return True
            # Pong: unsolicited pongs are keep-alives, nothing to do (RFC 6455 §5.5.3).
        return self._broken

    def _too_big(self, data: str | bytes) -> bool:
        """Account for one fragment; close with 1009 once a message exceeds the limit."""
        if self._conn.state != "open":
            return True  # closing: discard what still arrives
        if isinstance(data, str) and not data.isascii():
            self._size += len(data.encode("utf-8", "surrogatepass"))
        else:
            self._size += len(data)
        if self._size <= self._max_message:
            return False
        self._parts, self._size = [], 0
        self._conn.close(CLOSE_MESSAGE_TOO_BIG, "message too big")
        return True

    # ── writing ────────────────────────────────────────────────────────────

    def _send_control(self, event: Any) -> None:
        try:
            data = self._parser().send(event)
        except LocalProtocolError:
            return  # a close already went out; nothing more may follow it
        if self._backlog:
            self._spill(data)
        else:
            self._write(data)

    def _write(self, data: bytes) -> None:
        if self._broken:
            return
        try:
            written = os.write(self._fd, data)
        except BlockingIOError:
            written = 0
        except OSError:
            self._fail_broken()
            return
        if written < len(data):
            self._spill(memoryview(data)[written:])

    def _spill(self, data: bytes | memoryview) -> None:
        self._backlog.append(data)
        self._queued += len(data)
        if len(self._backlog) > self._peak:
            self._peak = len(self._backlog)
        if len(self._backlog) == 1 and self._nursery is not None:
            self._nursery.start_soon(self._drain)

    async def _drain(self) -> None:
        backlog = self._backlog
        fd = self._fd
        try:
            while backlog and not self._broken:
                await trio.lowlevel.wait_writable(fd)
                while backlog:
                    data = backlog[0]
                    try:
                        written = os.write(fd, data)
                    except BlockingIOError:
                        break
                    except OSError:
                        self._fail_broken()
                        return
                    self._queued -= written
                    if written < len(data):
                        backlog[0] = memoryview(data)[written:]
                        break
                    backlog.popleft()
        finally:
            if self._drained is not None:
                self._drained.set()
                self._drained = None

    async def _wait_drained(self) -> None:
        if self._backlog:
            self._drained = trio.Event()
            await self._drained.wait()

    def _fail_broken(self) -> None:
        """The peer is gone (EPIPE/ECONNRESET): stop writing and stop reading."""
        self._broken = True
        self._backlog.clear()
        self._queued = 0
        self._read_scope.cancel()

    # ── the watcher: unfinished messages and silent peers ─────────────────

    def _watch(self, now: float) -> float | None:
        """Close a connection whose message is not finished within
        ``ws_message_timeout`` (1008), ping a peer silent for ``ws_ping_interval``
        and close it (1001) if nothing arrives within ``ws_ping_timeout``. Returns
        when to look again (None: the connection is closing, nothing more to watch).

        Silence is time the reader spent waiting for bytes: while a handler runs
        in the reader, or the reader waits for the mailbox, the peer's bytes wait
        in the kernel and the peer is not silent. Any bytes answer a ping.
        """
        conn = self._conn
        if conn.state != "open":
            return None
        wake = math.inf
        started = self._message_started
        if self._message_timeout > 0 and started is not None:
            if now >= started + self._message_timeout:
                log.info(
                    "closing WebSocket %s on %s: a message unfinished after %g s",
                    conn.id,
                    conn.path,
                    self._message_timeout,
                )
                conn.close(CLOSE_SLOW_CONSUMER, "message timeout")
                return None
            wake = started + self._message_timeout
        if self._ping_interval > 0:
            idle_since = self._idle_since
            pinged_at = self._pinged_at
            if pinged_at is not None and (idle_since is None or idle_since > pinged_at):
                pinged_at = self._pinged_at = None  # something arrived after the ping
            if pinged_at is not None:
                if now >= pinged_at + self._ping_timeout:
                    log.info(
                        "closing WebSocket %s on %s: no answer to a ping in %g s",
                        conn.id,
                        conn.path,
                        self._ping_timeout,
                    )
                    conn.close(CLOSE_PING_TIMEOUT, "ping timeout")
                    return None
                wake = min(wake, pinged_at + self._ping_timeout)
            elif idle_since is None:
                wake = min(wake, now + self._ping_interval)
            elif now >= idle_since + self._ping_interval:
                self._send_control(Ping())
                self._pinged_at = now
                wake = min(wake, now + self._ping_timeout)
            else:
                wake = min(wake, idle_since + self._ping_interval)
        return wake


def _break_parser_cycle(ws: Connection) -> None:
    """Free a wsproto connection by reference counting.

    wsproto 1.3.2 (pinned) keeps its frame parser as a generator on the object that
    owns it (``FrameProtocol._parse_more``, whose frame holds that object): a
    reference cycle per connection, about 1 KB left for the cyclic collector
    (measured with ``tests/hostile/test_ws_churn.py``). Closing the generator
    clears its frame; the connection is finished with it anyway.
    """
    parser = getattr(getattr(ws, "_proto", None), "_parse_more", None)
    if parser is not None:
        parser.close()
