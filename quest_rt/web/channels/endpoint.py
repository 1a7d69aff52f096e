"""The Phoenix socket endpoint: a Layer-1 WebSocket path speaking the channel protocol.

:func:`mount` registers ``<path>/websocket`` on a :class:`~quest_rt.web.WebApp`
(``new Socket("/ws")`` in a page connects to ``/ws/websocket``). Before the 101,
in Layer 1's ``authorize`` step (wire-protocol §2.2):

1. the origin check (Layer 1's, the endpoint's ``check_origin``) → 403;
2. ``vsn`` must be a 2.x serializer version (missing means 1.0.0) → 403;
3. the app's ``connect(params, upgrade)``, with ``params`` the query parameters but
   ``vsn``: a falsy return refuses with 403, ``True`` accepts, a mapping accepts and
   becomes values every channel of the connection can ``get``.

After the 101 the connection gets a :class:`~.socket.ChannelSocket`: its messages go
to ``receive`` (in the connection's mailbox, one at a time), its end to ``terminate``,
and a timer (:mod:`~quest_rt.web.ws.timers`, not a task per socket) closes it with
1001 once the client has been silent for ``hub.idle_timeout`` seconds (a live client
heartbeats every 30).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import trio

from ..ws import timers
from ..ws.upgrade import Accept, Endpoint, Refuse, UpgradeRequest
from .hub import ChannelHub
from .socket import ChannelSocket
from .wire import CLOSE_IDLE, DEFAULT_MOUNT

if TYPE_CHECKING:
    from ..app import WebApp
    from ..ws.connection import WebSocketConnection

__all__ = ["Connect", "mount", "socket_path"]

log = logging.getLogger("quest_rt.web.channels")

#: ``connect(params, upgrade) -> Mapping | bool | None`` (see the module docstring).
Connect = Callable[[dict[str, str], UpgradeRequest], Any]


def socket_path(mount_path: str) -> str:
    """``"/ws"`` → ``"/ws/websocket"`` (the client always appends ``/websocket``)."""
    return mount_path.rstrip("/") + "/websocket"


def mount(
    app: WebApp,
    hub: ChannelHub,
    path: str = DEFAULT_MOUNT,
    *,
    connect: Connect | None = None,
    check_origin: bool | Sequence[str] = True,
) -> Endpoint:
    """Serve ``hub``'s channels at ``<path>/websocket``.

    Raises:
        ValueError: ``path`` does not start with ``/`` or an origin is malformed.
    """
    if not path.startswith("/"):
        raise ValueError(f"channel socket path must start with '/': {path!r}")
    hub._registry = app.registry
    if hub.format_error is None:
        hub.format_error = app.format_error

    def authorize(upgrade: UpgradeRequest) -> Accept | Refuse:
        vsn = upgrade.query.get("vsn", "1.0.0")
        if not vsn.startswith("2."):
            log.warning("refused channel socket %s: serializer vsn=%s", upgrade.path, vsn)
            return Refuse(403, "Forbidden")
        if connect is None:
            return Accept()
        params = {k: v for k, v in upgrade.query.items() if k != "vsn"}
        decision = connect(params, upgrade)
        if not decision:
            return Refuse(403, "Forbidden")
        return Accept(assigns=decision if isinstance(decision, Mapping) else {})

    def on_connect(conn: WebSocketConnection) -> None:
        socket = ChannelSocket(
            hub,
            conn_id=conn.id,
            owner=conn,
            send=conn.send_prepared,
            assigns=conn.assigns,
            clock=trio.current_time,
        )
        timeout = hub.idle_timeout

        def close_when_idle(now: float) -> float | None:
            due = socket.last_seen + timeout
            if now < due:
                return due
            log.info("closing channel socket %s: silent for %.0f s", conn.id, timeout)
            conn.close(CLOSE_IDLE, "idle timeout")
            return None

        idle = timers.schedule(socket.last_seen + timeout, close_when_idle)

        def on_close(code: int, reason: str) -> None:
            idle.cancel()
            socket.terminate()

        conn.on_message(socket.receive)
        conn.on_close(on_close)

    return app.websocket(
        socket_path(path), on_connect, authorize=authorize, check_origin=check_origin
    )
