"""What a server serves: the HTTP pipeline pieces, WebSocket endpoints, hooks, settings.

A :class:`WebApp` is plain data plus registration methods; serving it is
:func:`quest_rt.web.serve`'s job. The Quest binding (``std/web``) keeps one WebApp
per running program and forwards ``web.static``, ``web.middleware``,
``web.websocket`` ... to it, passing Quest functions straight through: Quest
values are Python values and Quest functions are ordinary synchronous callables.

Request handling order (language spec §12.2): static mounts (longest prefix) →
request middleware → redirects → engine routes (:meth:`WebApp.route`) →
``handle_request`` → after-middleware → default headers; an exception in between
goes to the 500 handler. See :mod:`.http.pipeline`.
"""

from __future__ import annotations

import json
import traceback
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from types import FrameType
from typing import Any

from .http.cors import CorsPolicy
from .http.routes import Route, RouteTable
from .settings import WebSettings
from .ws.connection import WebSocketConnection
from .ws.registry import ConnectionRegistry
from .ws.upgrade import Authorize, Endpoint

__all__ = ["WebApp", "default_encode_json", "default_format_error"]

Request = dict[str, Any]
Response = dict[str, Any]


def default_format_error(exc: BaseException) -> str:
    """The Python traceback of ``exc``. The Quest runtime supplies one that prints the
    Quest traceback (``app.q:14 in handle_message``) instead."""
    return "".join(traceback.format_exception(exc)).rstrip()


def default_encode_json(value: Any) -> str:
    """Compact JSON with sorted keys: stable bytes for equal values."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class WebApp:
    """The registrations of one web application.

    Attributes:
        settings: host, port and limits (:class:`WebSettings`).
        handle_request: ``fn(request) -> response | None``, or None for "no handler"
            (every unmatched request is then a 404).
        format_error: ``fn(exc) -> str`` used to log handler exceptions.
        describe_frame: ``fn(frame) -> str | None``: where a handler frame is
            (``app.q:12``), None for any other frame; the loop watchdog uses it to
            name a handler that blocks the loop, and interrupts only such frames.
        handler_interrupt: ``fn(seconds) -> exception type`` raised in a handler
            that blocked the loop past ``settings.handler_time_limit``; None: the
            watchdog only warns.
        encode_json: ``fn(value) -> str`` used for a response's ``json`` key.
        registry: the live WebSocket connections (``ws.broadcast`` and friends).
    """

    def __init__(self, settings: WebSettings | None = None) -> None:
        self.settings = settings if settings is not None else WebSettings()
        self.handle_request: Callable[[Request], Response | None] | None = None
        self.format_error: Callable[[BaseException], str] = default_format_error
        self.encode_json: Callable[[Any], str] = default_encode_json
        self.describe_frame: Callable[[FrameType], str | None] | None = None
        self.handler_interrupt: Callable[[float], type[BaseException]] | None = None
        self.registry = ConnectionRegistry()
        # {url_prefix: directory}; lookups try the longest prefix first.
        self.static_mounts: dict[str, Path] = {}
        self.middlewares: list[Callable[[Request], Request | Response | None]] = []
        self.after_middlewares: list[Callable[[Request, Response], Response]] = []
        # {from_path: (to_url, status)}
        self.redirects: dict[str, tuple[str, int]] = {}
        # {status: fn}; 500 → fn(request, message), 404 → fn(request)
        self.error_handlers: dict[int, Callable[..., Response]] = {}
        self.default_headers: dict[str, str] = {}
        #: HTTP routes the engine and its layers own, ahead of handle_request.
        self.routes = RouteTable()
        #: Cross-origin policy for HTTP answers (None: no CORS headers at all).
        self.cors: CorsPolicy | None = None
        # {path: Endpoint}
        self.websocket_endpoints: dict[str, Endpoint] = {}
        #: ``async fn()`` run by ``serve()`` in its nursery for the server's life and
        #: cancelled after the connections are done (a PubSub adapter's tasks).
        self.services: list[Callable[[], Awaitable[Any]]] = []

    # ── HTTP (language spec §12.5) ─────────────────────────────────────────

    def static(self, url_prefix: str, directory: str | Path) -> None:
        """Serve files under ``directory`` at ``url_prefix``; re-registering replaces.

        Raises:
            ValueError: ``url_prefix`` does not start with ``/``.
        """
        if not url_prefix.startswith("/"):
            raise ValueError(f"static url path must start with '/': {url_prefix!r}")
        prefix = url_prefix.rstrip("/") or "/"
        self.static_mounts[prefix] = Path(directory)

    def middleware(self, fn: Callable[[Request], Request | Response | None]) -> None:
        """Add request middleware: ``fn(request)`` returns the (possibly modified)
        request, or a response dict (one with ``status``) that short-circuits."""
        self.middlewares.append(fn)

    def after(self, fn: Callable[[Request, Response], Response]) -> None:
        """Add after-middleware: ``fn(request, response)`` returns the response."""
        self.after_middlewares.append(fn)

    def redirect(self, from_path: str, to_url: str, status: int = 302) -> None:
        self.redirects[from_path] = (to_url, status)

    def on_error(self, status: int, fn: Callable[..., Response]) -> None:
        """Register the 500 handler ``fn(request, message)`` or the 404 handler
        ``fn(request)``."""
        self.error_handlers[status] = fn

    def set_default_headers(self, headers: dict[str, str]) -> None:
        self.default_headers = dict(headers)

    def set_max_body_size(self, size: int) -> None:
        self.settings.max_body_size = size

    def route(
        self, method: str, pattern: str, handler: Callable[[Request], Response | None]
    ) -> Route:
        """Serve ``pattern`` (``/live/:id``, ``/users/{id<int>}``, ``/assets/*rest``)
        with ``handler(request) -> response``, ahead of ``handle_request``; the
        parameters arrive in ``request["params"]``. ``method`` ``"*"`` matches any.
        A handler returning None leaves the request to ``handle_request``, as if no
        route had matched.

        Raises:
            ValueError: a malformed pattern.
        """
        return self.routes.add(method, pattern, handler)

    # ── WebSockets (QEP-054 Layer 1) ───────────────────────────────────────

    def websocket(
        self,
        path: str,
        on_connect: Callable[[WebSocketConnection], Any],
        *,
        authorize: Authorize | None = None,
        check_origin: bool | Sequence[str] = True,
    ) -> Endpoint:
        """Accept WebSocket upgrades on ``path``; re-registering replaces.

        Args:
            on_connect: ``fn(conn)``, run when a client connects, before ``on_open``;
                it may register callbacks or close.
            authorize: ``fn(upgrade) -> Accept(assigns) | Refuse(status)``, run
                before the 101 with the path, query, headers and peer address
                (:mod:`quest_rt.web.ws.upgrade`).
            check_origin: which browser origins may connect: True (this host
                only), False (any), or an allowlist (``"https://*.example.com"``).

        Raises:
            ValueError: ``path`` does not start with ``/`` or an origin is malformed.
        """
        endpoint = Endpoint(path, on_connect, authorize, check_origin)
        self.websocket_endpoints[path] = endpoint
        return endpoint
