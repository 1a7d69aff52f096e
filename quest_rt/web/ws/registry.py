"""The live WebSocket connections of one app, by path and by id, and fan-out to them.

Data structures::

    _by_path  {"/chat": {conn_id: WebSocketConnection, ...}, ...}
    _by_id    {conn_id: WebSocketConnection}

A connection is added when its handshake completes (before the connect handler
runs, so ``ws.broadcast`` from inside it already reaches the newcomer) and removed
exactly once, when it reaches CLOSED.

Broadcasting encodes the RFC 6455 frame **once** and hands the same bytes to every
recipient's transport, which writes them without awaiting each socket: measured
here, awaiting one send per subscriber cost 60–100 µs per delivery, writing the
shared frame 12–14 µs (issue 3).

Threads: the registry lives on the server's Trio loop. Quest test code may call
``ws.broadcast`` from the thread that started the server with
:func:`quest_rt.web.start_in_thread`; such calls are marshalled onto the loop with
``trio.from_thread`` (one check of the thread id on the fast path).
"""

from __future__ import annotations

import functools
import inspect
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

import trio

from .frames import OPCODE_TEXT, encode_frame

if TYPE_CHECKING:
    from .connection import WebSocketConnection

__all__ = ["ConnectionRegistry", "RegistryStatistics", "on_loop_thread"]

F = TypeVar("F", bound=Callable[..., Any])


def on_loop_thread(method: F) -> F:
    """Run ``method`` on the serving loop's thread, whichever thread calls it.

    For methods of :class:`ConnectionRegistry` and of objects that keep one as
    ``_registry`` (connections). Called on the loop thread (every handler) it is one
    thread-id check; called from another thread (Quest test code driving a
    :func:`~quest_rt.web.start_in_thread` server) it is marshalled with
    ``trio.from_thread`` and returns the method's result.
    """

    # Positional-only where the method takes no keywords: *args alone is the cheaper
    # call, and send_prepared is on every message's path.
    takes_keywords = any(
        p.kind in (p.KEYWORD_ONLY, p.VAR_KEYWORD)
        for p in inspect.signature(method).parameters.values()
    )
    get_ident = threading.get_ident

    if takes_keywords:

        @functools.wraps(method)
        def marshalled(self: Any, *args: Any, **kwargs: Any) -> Any:
            registry = self._registry
            loop_thread = registry._loop_thread
            if loop_thread is None or loop_thread == get_ident():
                return method(self, *args, **kwargs)
            return trio.from_thread.run_sync(
                partial(method, self, *args, **kwargs), trio_token=registry._token
            )

    else:

        @functools.wraps(method)
        def marshalled(self: Any, *args: Any) -> Any:
            registry = self._registry
            loop_thread = registry._loop_thread
            if loop_thread is None or loop_thread == get_ident():
                return method(self, *args)
            return trio.from_thread.run_sync(
                partial(method, self, *args), trio_token=registry._token
            )

    return marshalled  # type: ignore[return-value]


@dataclass(frozen=True)
class RegistryStatistics:
    #: Connections open (or closing) right now.
    connections: int
    #: ((path, count), ...) sorted by path.
    by_path: tuple[tuple[str, int], ...]
    accepted_total: int
    closed_total: int
    #: Connections closed because their outbound queue overflowed.
    slow_consumer_closes: int
    broadcasts: int
    #: Messages handed to transports by broadcast, broadcast_if and send_to.
    deliveries: int


class ConnectionRegistry:
    def __init__(self) -> None:
        self._by_path: dict[str, dict[str, WebSocketConnection]] = {}
        self._by_id: dict[str, WebSocketConnection] = {}
        self._accepted = 0
        self._closed = 0
        self._slow = 0
        self._broadcasts = 0
        self._deliveries = 0
        self._loop_thread: int | None = None
        self._token: trio.lowlevel.TrioToken | None = None

    # ── binding to the loop ────────────────────────────────────────────────

    def bind_to_current_loop(self) -> None:
        """Called by the server on start: remember which thread runs the loop."""
        self._loop_thread = threading.get_ident()
        self._token = trio.lowlevel.current_trio_token()

    def unbind(self) -> None:
        self._loop_thread = None
        self._token = None

    @property
    def _registry(self) -> ConnectionRegistry:
        # What on_loop_thread looks up: a connection's registry, or this one.
        return self

    # ── membership (transports) ────────────────────────────────────────────

    def add(self, conn: WebSocketConnection) -> None:
        self._by_path.setdefault(conn.path, {})[conn.id] = conn
        self._by_id[conn.id] = conn
        self._accepted += 1

    def remove(self, conn: WebSocketConnection) -> None:
        if self._by_id.pop(conn.id, None) is None:
            return
        on_path = self._by_path[conn.path]
        del on_path[conn.id]
        if not on_path:
            del self._by_path[conn.path]
        self._closed += 1

    def count_slow_consumer(self) -> None:
        self._slow += 1

    # ── what std/web/ws calls ──────────────────────────────────────────────

    def get(self, conn_id: str) -> WebSocketConnection | None:
        return self._by_id.get(conn_id)

    @on_loop_thread
    def connections(self, path: str) -> list[WebSocketConnection]:
        """The open connections on ``path``, oldest first."""
        return list(self._by_path.get(path, {}).values())

    @on_loop_thread
    def send_to(self, conn_id: str, text: str) -> bool:
        """Queue ``text`` for one connection. False if no such open connection."""
        conn = self._by_id.get(conn_id)
        if conn is None:
            return False
        self._deliveries += 1
        return conn.send_prepared(text, None)

    @on_loop_thread
    def broadcast(self, path: str, text: str) -> int:
        """Queue ``text`` for every connection on ``path``; returns how many took it."""
        return self._fan_out(path, None, text)

    @on_loop_thread
    def broadcast_if(
        self, path: str, predicate: Callable[[WebSocketConnection], Any], text: str
    ) -> int:
        """Like :meth:`broadcast`, to the connections for which ``predicate(conn)`` is
        truthy. An exception from ``predicate`` propagates to the caller."""
        return self._fan_out(path, predicate, text)

    @on_loop_thread
    def close_all(self, code: int, reason: str) -> None:
        """Start closing every connection (server shutdown uses 1001)."""
        for conn in list(self._by_id.values()):
            conn.close(code, reason)

    def __len__(self) -> int:
        return len(self._by_id)

    def statistics(self) -> RegistryStatistics:
        return RegistryStatistics(
            connections=len(self._by_id),
            by_path=tuple(sorted((p, len(c)) for p, c in self._by_path.items())),
            accepted_total=self._accepted,
            closed_total=self._closed,
            slow_consumer_closes=self._slow,
            broadcasts=self._broadcasts,
            deliveries=self._deliveries,
        )

    def _fan_out(
        self, path: str, predicate: Callable[[WebSocketConnection], Any] | None, text: str
    ) -> int:
        self._broadcasts += 1
        recipients = self._by_path.get(path)
        if not recipients:
            return 0
        frame = encode_frame(OPCODE_TEXT, text.encode("utf-8"))
        sent = 0
        # A copy: a slow consumer closed mid-loop leaves the dict only when its
        # TCP is gone, but a predicate may run Quest code that closes connections.
        for conn in list(recipients.values()):
            if predicate is not None and not predicate(conn):
                continue
            if conn.send_prepared(text, frame):
                sent += 1
        self._deliveries += sent
        return sent
