"""quest-rt's web engine: HTTP and Layer-1 WebSockets on Trio + hypercorn, Quest-free.

Handlers are plain synchronous callables and requests/responses plain dicts, so the
Quest binding (``std/web``, ``std/web/ws``) passes Quest functions and values
straight through. Start here::

    from quest_rt.web import WebApp, serve

    app = WebApp()
    app.handle_request = lambda request: {"status": 200, "body": "Hello"}

    def on_connect(conn):
        conn.on_message(lambda data: conn.send_text_nowait("Echo: " + data))

    app.websocket("/ws", on_connect)
    # await serve(app, port=0)   or   quest_rt.web.run(app)   or   start_in_thread(app)

The names below are loaded on first use (PEP 562), so that importing
``quest_rt.web.bridge`` — which the runtime does — loads neither hypercorn nor the
rest of the engine.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# {public name: defining submodule}
_EXPORTS = {
    "Accept": "ws.upgrade",
    "Endpoint": "ws.upgrade",
    "Refuse": "ws.upgrade",
    "UpgradeRequest": "ws.upgrade",
    "check_origin": "ws.upgrade",
    "Route": "http.routes",
    "RouteTable": "http.routes",
    "WebApp": "app",
    "default_encode_json": "app",
    "default_format_error": "app",
    "BridgeError": "bridge",
    "run_sync": "bridge",
    "sleep": "bridge",
    "ConnectionState": "ws.connection",
    "ConnectionStatistics": "ws.connection",
    "WebSocketConnection": "ws.connection",
    "ConnectionRegistry": "ws.registry",
    "RegistryStatistics": "ws.registry",
    "ServerThread": "server",
    "run": "server",
    "serve": "server",
    "start_in_thread": "server",
    "wait_for_signal": "server",
    "CLOSE_SLOW_CONSUMER": "settings",
    "TransportKind": "settings",
    "WebSettings": "settings",
    "ReceiveTimeout": "ws.testing",
    "WebSocketClosed": "ws.testing",
    "WebSocketTestClient": "ws.testing",
}

__all__ = [
    "Accept",
    "BridgeError",
    "CLOSE_SLOW_CONSUMER",
    "ConnectionRegistry",
    "ConnectionState",
    "ConnectionStatistics",
    "Endpoint",
    "ReceiveTimeout",
    "Refuse",
    "RegistryStatistics",
    "Route",
    "RouteTable",
    "ServerThread",
    "TransportKind",
    "UpgradeRequest",
    "WebApp",
    "WebSettings",
    "WebSocketClosed",
    "WebSocketConnection",
    "WebSocketTestClient",
    "check_origin",
    "default_encode_json",
    "default_format_error",
    "run",
    "run_sync",
    "serve",
    "sleep",
    "start_in_thread",
    "wait_for_signal",
]
assert sorted(_EXPORTS) == __all__


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'quest_rt.web' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(list(globals()) + __all__)


if TYPE_CHECKING:
    from .app import WebApp, default_encode_json, default_format_error
    from .bridge import BridgeError, run_sync, sleep
    from .http.routes import Route, RouteTable
    from .server import ServerThread, run, serve, start_in_thread, wait_for_signal
    from .settings import CLOSE_SLOW_CONSUMER, TransportKind, WebSettings
    from .ws.connection import ConnectionState, ConnectionStatistics, WebSocketConnection
    from .ws.registry import ConnectionRegistry, RegistryStatistics
    from .ws.testing import ReceiveTimeout, WebSocketClosed, WebSocketTestClient
    from .ws.upgrade import Accept, Endpoint, Refuse, UpgradeRequest, check_origin
