"""``std/web/ws``: Layer-1 WebSockets for Quest (QEP-054 "WebSocket API").

The socket a ``web.websocket`` handler receives is a ``QuestSocket``: a thin view of the
engine's ``WebSocketConnection`` with the QEP's method names (``socket.id()``,
``socket.send(msg)``...). Callbacks are the Quest functions themselves, handed to the
engine unchanged. Module functions (``ws.broadcast``...) act on the program's one web
app; with no server running they act on nobody (QEP block 08 runs as a plain script).
"""

from __future__ import annotations

from typing import Any

from quest_rt.runtime.errors import IOErr, RuntimeErr, TypeErr, ValueErr, to_quest
from quest_rt.runtime.objects import QuestModule
from quest_rt.std.arguments import (
    need_bytes,
    need_dict,
    need_fn,
    need_int,
    need_number,
    need_str,
    optional,
)


def _registry() -> Any:
    from quest_rt.std.web import state

    return state().app.registry


def _text(value: Any, fname: str, what: str = "message") -> str:
    if type(value) is bytes:
        raise TypeErr(f"{fname} expects a Str {what}, got Bytes (use send_bytes for Bytes)")
    return need_str(value, fname, what)


class QuestSocket:
    """The ``socket`` of a Layer-1 handler."""

    __slots__ = ("_conn",)
    quest_name = "WebSocket"

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    @classmethod
    def of(cls, conn: Any) -> QuestSocket:
        """The one QuestSocket of an engine connection (kept as its ``binding``)."""
        sock = conn.binding
        if sock is None:
            sock = conn.binding = cls(conn)
        return sock

    def id(self) -> str:
        """id() -> Str: the connection's unique id (a UUID)"""
        return self._conn.id

    def send(self, message: Any) -> None:
        """send(message): queue a text message for this client"""
        self._conn.send_text_nowait(_text(message, "WebSocket.send"))

    def send_bytes(self, data: Any) -> None:
        """send_bytes(data): queue a binary message"""
        self._conn.send_bytes_nowait(need_bytes(data, "WebSocket.send_bytes", "data"))

    def close(self, code: Any = 1000, reason: Any = "") -> None:
        """close(code = 1000, reason = ""): start the closing handshake"""
        code = need_int(code, "WebSocket.close", "code")
        try:
            self._conn.close(code, need_str(reason, "WebSocket.close", "reason"))
        except ValueError as exc:
            raise ValueErr(str(exc)) from None

    def state(self) -> str:
        """state() -> "open" | "closing" | "closed\""""
        return self._conn.state

    def get(self, key: Any) -> Any:
        """get(key): connection metadata, nil when unset"""
        return self._conn.get(key)

    def set(self, key: Any, value: Any) -> None:
        """set(key, value): store connection metadata"""
        self._conn.set(need_str(key, "WebSocket.set", "key"), value)

    def remote_ip(self) -> str:
        """remote_ip() -> Str"""
        return self._conn.remote_ip

    def path(self) -> str:
        """path() -> Str: the endpoint path"""
        return self._conn.path

    def headers(self) -> dict:
        """headers() -> Dict: the upgrade request's headers, lower-case names"""
        return dict(self._conn.headers)

    def on_open(self, fn: Any) -> None:
        """on_open(fun () ... end)"""
        self._conn.on_open(need_fn(fn, "WebSocket.on_open"))

    def on_message(self, fn: Any) -> None:
        """on_message(fun (data) ... end): Str for text messages, Bytes for binary"""
        self._conn.on_message(need_fn(fn, "WebSocket.on_message"))

    def on_close(self, fn: Any) -> None:
        """on_close(fun (code, reason) ... end)"""
        self._conn.on_close(need_fn(fn, "WebSocket.on_close"))

    def on_error(self, fn: Any) -> None:
        """on_error(fun (error) ... end): a handler of this connection raised"""
        need_fn(fn, "WebSocket.on_error")
        self._conn.on_error(lambda exc: fn(to_quest(exc)))

    def __str__(self) -> str:
        return f"<WebSocket {self._conn.id} {self._conn.path} {self._conn.state}>"


def send_to(connection_id: Any, message: Any) -> bool:
    """send_to(connection_id, message) -> Bool: whether that connection took it"""
    return _registry().send_to(
        need_str(connection_id, "ws.send_to", "connection_id"), _text(message, "ws.send_to")
    )


def broadcast(path: Any, message: Any) -> int:
    """broadcast(path, message) -> Int: the number of connections that took it"""
    return _registry().broadcast(
        need_str(path, "ws.broadcast", "path"), _text(message, "ws.broadcast")
    )


def broadcast_if(path: Any, predicate: Any, message: Any) -> int:
    """broadcast_if(path, fun (socket) -> Bool, message) -> Int"""
    need_fn(predicate, "ws.broadcast_if", "predicate")
    return _registry().broadcast_if(
        need_str(path, "ws.broadcast_if", "path"),
        lambda conn: predicate(QuestSocket.of(conn)),
        _text(message, "ws.broadcast_if"),
    )


def get_connections(path: Any) -> list:
    """get_connections(path) -> Array of sockets, oldest first"""
    path = need_str(path, "ws.get_connections", "path")
    return [QuestSocket.of(c) for c in _registry().connections(path)]


class TestClient:
    """``ws.test_client(url)``: a blocking client for tests."""

    quest_name = "WebSocketTestClient"

    def __init__(self, url: str, headers: dict | None) -> None:
        from quest_rt.web import WebSocketTestClient

        self._client = WebSocketTestClient(url, headers=headers)
        self.url = url

    def _call(self, fn: Any, *args: Any) -> Any:
        from quest_rt.web import ReceiveTimeout, WebSocketClosed

        try:
            return fn(*args)
        except ReceiveTimeout as exc:
            raise RuntimeErr(f"receive timed out: {exc}") from None
        except WebSocketClosed as exc:
            raise RuntimeErr(str(exc)) from None
        except OSError as exc:
            raise IOErr(f"cannot connect to {self.url}: {exc.strerror or exc}") from None

    def connect(self) -> TestClient:
        """connect(): open the connection (raises if the server refuses)"""
        self._call(self._client.connect)
        return self

    def send(self, message: Any) -> None:
        """send(message)"""
        self._call(self._client.send, _text(message, "WebSocketTestClient.send"))

    def send_bytes(self, data: Any) -> None:
        """send_bytes(data)"""
        data = need_bytes(data, "WebSocketTestClient.send_bytes", "data")
        self._call(self._client.send_bytes, data)

    def receive(self, timeout: Any = 5.0) -> Any:
        """receive(timeout = 5) -> Str or Bytes: the next message"""
        timeout = need_number(timeout, "WebSocketTestClient.receive", "of seconds")
        return self._call(self._client.receive, float(timeout))

    def close(self, code: Any = 1000, reason: Any = "") -> None:
        """close(code = 1000, reason = "")"""
        code = need_int(code, "WebSocketTestClient.close", "code")
        self._call(
            self._client.close, code, need_str(reason, "WebSocketTestClient.close", "reason")
        )

    def close_code(self) -> Any:
        """close_code() -> Int or nil: the code the server closed with"""
        return self._client.close_code

    def close_reason(self) -> Any:
        """close_reason() -> Str or nil"""
        return self._client.close_reason

    def __str__(self) -> str:
        return f"<WebSocketTestClient {self.url}>"


def test_client(url: Any, headers: Any = None) -> TestClient:
    """test_client(url, headers = nil) -> client with connect/send/send_bytes/receive/close"""
    headers = optional(need_dict, headers, "ws.test_client", "of headers")
    return TestClient(need_str(url, "ws.test_client", "url"), headers)


def create() -> QuestModule:
    return QuestModule(
        "ws",
        {
            "send_to": send_to,
            "broadcast": broadcast,
            "broadcast_if": broadcast_if,
            "get_connections": get_connections,
            "test_client": test_client,
        },
        None,
    )
