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
"""

from .app import WebApp, default_encode_json, default_format_error
from .bridge import BridgeError, run_sync, sleep
from .connection import ConnectionState, ConnectionStatistics, WebSocketConnection
from .registry import ConnectionRegistry, RegistryStatistics
from .server import ServerThread, run, serve, start_in_thread, wait_for_signal
from .settings import CLOSE_SLOW_CONSUMER, TransportKind, WebSettings
from .testing import ReceiveTimeout, WebSocketClosed, WebSocketTestClient

__all__ = [
    "CLOSE_SLOW_CONSUMER",
    "BridgeError",
    "ConnectionRegistry",
    "ConnectionState",
    "ConnectionStatistics",
    "ReceiveTimeout",
    "RegistryStatistics",
    "ServerThread",
    "TransportKind",
    "WebApp",
    "WebSettings",
    "WebSocketClosed",
    "WebSocketConnection",
    "WebSocketTestClient",
    "default_encode_json",
    "default_format_error",
    "run",
    "run_sync",
    "serve",
    "sleep",
    "start_in_thread",
    "wait_for_signal",
]
