"""The ASGI application hypercorn runs, and the hypercorn WebSocket transport.

:class:`AsgiApp` answers ``http`` scopes with :func:`quest_rt.web.http.pipeline.handle_http`
and ``websocket`` scopes with :class:`AsgiWebSocket`, the reference transport:
hypercorn does the handshake and framing (wsproto inside), we get one ASGI event
per message. With the direct transport selected (the default), hypercorn still sees
the upgrades the direct listener does not take (a keep-alive connection that
upgrades after a plain request): those are refused with 400, since this path has no
message timeout and no idle pings; it serves WebSockets only when an app selects
the hypercorn transport.

The connection runs two tasks in its nursery, as DESIGN describes: the ASGI task
(this one) receives events and runs the handlers; a writer drains the bounded
outbound memory channel into hypercorn's ``send``.

Known hypercorn behaviours this transport inherits:

- ``websocket.disconnect`` carries 1006 when the peer closed (1000 only after we
  closed), never the peer's own code: ``on_close`` sees 1006 where the direct
  transport reports e.g. 4000.
- On invalid UTF-8 and protocol errors hypercorn drops TCP without sending the
  close frame RFC 6455 §7.1.7 asks for (the client sees 1006, not 1007/1002).
- hypercorn writes to the socket inside a shielded scope, so a peer that never
  reads holds the writer task until TCP gives up. The connection is still closed
  logically on time (``on_close`` runs, the registry entry goes) after the close
  timeout; only that task lingers.
- hypercorn accepts permessage-deflate whenever the client offers it, with
  wsproto's extension, which inflates a whole frame at once (a 917 KB frame became
  900 MiB before the message limit was looked at, issue 9). There is no ASGI way to
  decline an extension or to bound it, so this module replaces the extension
  hypercorn builds (:func:`install_deflate_policy`, below): compression is declined
  unless the app turned :attr:`WebSettings.ws_compression` on, and is then
  :class:`~quest_rt.web.ws.deflate.BoundedDeflate`. A bomb costs at most the
  message limit; hypercorn then drops TCP (1006), as on any parse failure.
- hypercorn buffers a fragmented message itself (bounded by the message limit) and
  never tells the app about pongs, so ``ws_message_timeout`` and the idle pings
  (``ws_ping_interval``) are the direct transport's; here a silent or half-sent
  client is held until TCP gives up or the server stops. The direct transport is
  the default and takes every upgrade on a fresh connection (browsers always open
  one for a WebSocket).
"""

from __future__ import annotations

import time
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

import trio
from hypercorn.protocol import ws_stream
from wsproto.extensions import Extension, PerMessageDeflate

from . import portal
from .http.pipeline import handle_http
from .settings import TransportKind
from .ws.connection import WebSocketConnection, WebSocketTransport
from .ws.deflate import BoundedDeflate
from .ws.upgrade import (
    Refuse,
    UpgradeRequest,
    admit,
    log_upgrade,
    open_connection,
    parse_query,
)

if TYPE_CHECKING:
    from .app import WebApp
    from .settings import WebSettings

__all__ = ["AsgiApp", "AsgiWebSocket", "install_deflate_policy", "upgrade_headers"]

# ── permessage-deflate on hypercorn's path ─────────────────────────────────

#: What the upgrade being accepted in this task allows: the message size limit when
#: its app turned compression on, None (decline) otherwise. Set by AsgiApp around
#: ``websocket.accept``, which hypercorn handles synchronously in the calling task.
_DEFLATE_LIMIT: ContextVar[int | None] = ContextVar("quest_rt_deflate_limit", default=None)


class _DeclinedDeflate(PerMessageDeflate):
    """Answers every permessage-deflate offer with "no": never enabled."""

    def accept(self, offer: str) -> None:
        return None


def _deflate_for_this_upgrade() -> Extension:
    """Stands in for ``PerMessageDeflate()`` in hypercorn's ``Handshake.accept``."""
    limit = _DEFLATE_LIMIT.get()
    return _DeclinedDeflate() if limit is None else BoundedDeflate(limit)


def install_deflate_policy() -> None:
    """Make hypercorn build our extension instead of wsproto's.

    hypercorn 0.18.0 (pinned) builds its WebSocket extensions in one place,
    ``hypercorn.protocol.ws_stream.Handshake.accept``, with ``[PerMessageDeflate()]``
    looked up in that module's namespace; this rebinds that one name. Outside an
    AsgiApp accept (another ASGI app in the process) the offer is declined.
    ``tests/web/test_deflate.py`` checks that the pinned hypercorn still makes the
    call, and the behaviour on both transports.
    """
    ws_stream.PerMessageDeflate = _deflate_for_this_upgrade  # type: ignore[attr-defined]


install_deflate_policy()


def upgrade_headers(raw_headers: list[tuple[bytes, bytes]]) -> dict[str, str]:
    """Header pairs → {lower-case name: value}, repeated names joined with ", "."""
    headers: dict[str, str] = {}
    for raw_name, raw_value in raw_headers:
        name = raw_name.decode("latin-1").lower()
        value = raw_value.decode("latin-1")
        headers[name] = headers[name] + ", " + value if name in headers else value
    return headers


class AsgiApp:
    """The ASGI 3 callable for one :class:`~quest_rt.web.app.WebApp`."""

    def __init__(self, app: WebApp) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        kind = scope["type"]
        if kind == "http":
            await handle_http(self.app, scope, receive, send)
        elif kind == "websocket":
            await self._websocket(scope, receive, send)
        elif kind == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return

    async def _websocket(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        await receive()  # websocket.connect
        client = scope.get("client")
        upgrade = UpgradeRequest(
            path=scope["path"],
            query=parse_query(scope["query_string"].decode("latin-1")),
            headers=upgrade_headers(scope["headers"]),
            remote_ip=client[0] if client else "",
        )
        started = time.perf_counter()
        if self.app.settings.transport is TransportKind.DIRECT:
            # The listener takes every upgrade that starts a connection; one that
            # follows a plain request on a keep-alive connection (browsers never do
            # this) would be served here without the direct transport's message
            # timeout and idle pings (hypercorn reassembles messages and answers
            # pings itself), so a client could hold an unfinished message forever.
            log_upgrade(self.app, upgrade, 400, started)
            await _deny(send, Refuse(400, "WebSocket upgrades must open their own connection"))
            return
        endpoint = self.app.websocket_endpoints.get(upgrade.path)
        if endpoint is None:
            log_upgrade(self.app, upgrade, 404, started)
            await _deny(send, Refuse(404, "Not Found"))
            return
        # authorize may block (a token lookup): it gets a portal while it runs.
        decision = await portal.call(admit, self.app, endpoint, upgrade)
        if isinstance(decision, Refuse):
            log_upgrade(self.app, upgrade, decision.status, started)
            await _deny(send, decision)
            return
        log_upgrade(self.app, upgrade, 101, started)
        settings = self.app.settings
        allowed = _DEFLATE_LIMIT.set(
            settings.ws_max_message_size if settings.ws_compression else None
        )
        try:
            await send({"type": "websocket.accept"})
        finally:
            _DEFLATE_LIMIT.reset(allowed)
        conn = open_connection(self.app, upgrade, decision)
        await AsgiWebSocket(conn, send, settings).run(receive, endpoint.on_connect)


async def _deny(send: Any, refusal: Refuse) -> None:
    """Answer an upgrade with an HTTP status (the ASGI WebSocket denial response)."""
    body = refusal.reason.encode("utf-8")
    await send(
        {
            "type": "websocket.http.response.start",
            "status": refusal.status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "websocket.http.response.body", "body": body})


class AsgiWebSocket(WebSocketTransport):
    """The hypercorn transport: a bounded memory channel drained by a writer task.

    The channel holds at most ``ws_queue_depth`` messages; a send finding
    ``ws_queue_bytes`` bytes waiting is refused too (the connection then closes
    with 1008), so one client holds at most that plus one message.
    """

    def __init__(self, conn: WebSocketConnection, send: Any, settings: WebSettings) -> None:
        self._conn = conn
        self._send = send
        self._limit = settings.ws_queue_depth
        self._byte_limit = settings.ws_queue_bytes
        self._close_timeout = settings.ws_close_timeout
        # (size in bytes, ASGI message)
        self._outbox, self._inbox = trio.open_memory_channel[tuple[int, dict[str, Any]]](
            self._limit
        )
        self._queued = 0
        self._close_message: dict[str, Any] | None = None
        self._read_scope = trio.CancelScope()
        self._peak = 0
        self._nursery: trio.Nursery | None = None
        conn.attach(self)

    def send_message_nowait(self, payload: str | bytes, frame: bytes | None) -> None:
        if self._queued >= self._byte_limit and self._queued:
            raise trio.WouldBlock
        if isinstance(payload, str):
            message = {"type": "websocket.send", "text": payload}
            size = len(payload) if payload.isascii() else len(payload.encode("utf-8"))
        else:
            message = {"type": "websocket.send", "bytes": payload}
            size = len(payload)
        # trio.WouldBlock when ws_queue_depth messages wait: the seam's signal
        self._outbox.send_nowait((size, message))
        self._queued += size
        queued = self._outbox.statistics().current_buffer_used
        if queued > self._peak:
            self._peak = queued

    def start_close(self, code: int, reason: str, *, discard_queue: bool) -> None:
        if discard_queue:
            while True:
                try:
                    self._inbox.receive_nowait()
                except (trio.WouldBlock, trio.EndOfChannel, trio.ClosedResourceError):
                    break
            self._queued = 0
        self._close_message = {"type": "websocket.close", "code": code, "reason": reason}
        # Closing the send side ends the writer's loop after what is queued; the
        # writer then sends the close message, which never competes for a slot.
        self._outbox.close()
        self._read_scope.deadline = trio.current_time() + self._close_timeout

    def queue_stats(self) -> tuple[int, int, int]:
        return self._inbox.statistics().current_buffer_used, self._peak, self._limit

    def byte_stats(self) -> tuple[int, int]:
        return self._queued, self._byte_limit

    def nursery(self) -> trio.Nursery:
        assert self._nursery is not None
        return self._nursery

    async def run(self, receive: Any, on_connect: Any) -> None:
        # Handler code runs through portal.call: it may block through greenback.
        conn = self._conn
        code: int | None = None
        try:
            async with trio.open_nursery() as nursery:
                self._nursery = nursery
                nursery.start_soon(self._writer)
                await portal.call(conn.opened, on_connect)
                with self._read_scope:
                    while True:
                        message = await receive()
                        kind = message["type"]
                        if kind == "websocket.receive":
                            text = message.get("text")
                            data = text if text is not None else message["bytes"]
                            await portal.call(conn.received, data)
                            if conn.reading_paused():
                                await conn.wait_mailbox_space()
                        elif kind == "websocket.disconnect":
                            code = message.get("code", 1005)
                            break
                # Report the end before the nursery waits: a writer stuck in
                # hypercorn's shielded send must not delay on_close (module doc).
                await conn.stop_handlers()
                await portal.call(conn.finished, code)
                nursery.cancel_scope.cancel()
        finally:
            await portal.call(conn.finished, code)

    async def _writer(self) -> None:
        async with self._inbox:
            async for size, message in self._inbox:
                self._queued -= size
                await self._send(message)
        if self._close_message is not None:
            await self._send(self._close_message)
