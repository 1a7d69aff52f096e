"""Helpers shared by the WebSocket test modules: an echo endpoint and close checks."""

from __future__ import annotations

import trio
import trio.testing
import trio_websocket
from trio_websocket import ConnectionClosed

from quest_rt.web import TransportKind, WebApp, WebSocketConnection


def echo_endpoint(conn: WebSocketConnection) -> None:
    def on_message(data: str | bytes) -> None:
        if isinstance(data, str):
            conn.send_text_nowait("Echo: " + data)
        else:
            conn.send_bytes_nowait(data)

    conn.on_message(on_message)


def url(port: int, path: str = "/ws") -> str:
    return f"ws://127.0.0.1:{port}{path}"


async def expect_close(ws: trio_websocket.WebSocketConnection) -> int:
    """Read until the server closes; the close code it sent."""
    with trio.fail_after(10):
        while True:
            try:
                await ws.get_message()
            except ConnectionClosed as exc:
                return exc.reason.code


def failure_code(app: WebApp, code: int) -> int:
    """The close code a client sees when the server must *fail* the connection.

    RFC 6455 §7.1.7 says the server SHOULD send a close frame with the reason; the
    direct transport does. hypercorn drops TCP without one on protocol errors and
    invalid UTF-8, so its client sees 1006 (a hypercorn behaviour we cannot change
    from ASGI; one reason the direct transport is the default).
    """
    return code if app.settings.transport is TransportKind.DIRECT else 1006


async def wait_until(predicate, timeout: float = 10) -> None:
    """Wait, without sleeping a fixed time, until ``predicate()`` holds."""
    with trio.fail_after(timeout):
        while not predicate():
            await trio.testing.wait_all_tasks_blocked(cushion=0.001)
            if not predicate():
                await trio.sleep(0.001)
