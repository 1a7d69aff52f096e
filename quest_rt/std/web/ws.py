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
        """id() -> Str: the connection's unique id (a UUID)

        Example:
            use "std/web" as web
            web.websocket("/doc-id", fun (socket)
              socket.send("" .. socket.id().len())
            end)
            let server = web.test_server()
            let client = ws.test_client(server.ws_url("/doc-id")).connect()
            client.receive()  # => "36"
            server.stop()
        """
        return self._conn.id

    def send(self, message: Any) -> None:
        """send(message): queue a text message for this client; never waits (a client that stops reading is closed with 1008)

        Example:
            use "std/web" as web
            web.websocket("/doc-send", fun (socket)
              socket.send("welcome")
            end)
            let server = web.test_server()
            let client = ws.test_client(server.ws_url("/doc-send")).connect()
            client.receive()  # => "welcome"
            server.stop()
        """
        self._conn.send_text_nowait(_text(message, "WebSocket.send"))

    def send_bytes(self, data: Any) -> None:
        """send_bytes(data): queue a binary message (Bytes)

        Example:
            use "std/web" as web
            web.websocket("/doc-send-bytes", fun (socket)
              socket.send_bytes(b"\x01\x02")
            end)
            let server = web.test_server()
            let client = ws.test_client(server.ws_url("/doc-send-bytes")).connect()
            client.receive()  # => b"\x01\x02"
            server.stop()
        """
        self._conn.send_bytes_nowait(need_bytes(data, "WebSocket.send_bytes", "data"))

    def close(self, code: Any = 1000, reason: Any = "") -> None:
        """close(code = 1000, reason = ""): start the closing handshake; messages already queued go first

        Example:
            use "std/web" as web
            web.websocket("/doc-close", fun (socket)
              socket.close(4401, "Unauthorized")
            end)
            let server = web.test_server()
            let client = ws.test_client(server.ws_url("/doc-close")).connect()
            try
              client.receive()
            catch e: RuntimeErr
            end
            client.close_code()  # => 4401
            server.stop()
        """
        code = need_int(code, "WebSocket.close", "code")
        try:
            self._conn.close(code, need_str(reason, "WebSocket.close", "reason"))
        except ValueError as exc:
            raise ValueErr(str(exc)) from None

    def state(self) -> str:
        """state() -> Str: "open", "closing" or "closed"

        Example:
            use "std/web" as web
            web.websocket("/doc-state", fun (socket)
              socket.send(socket.state())
            end)
            let server = web.test_server()
            let client = ws.test_client(server.ws_url("/doc-state")).connect()
            client.receive()  # => "open"
            server.stop()
        """
        return self._conn.state

    def get(self, key: Any) -> Any:
        """get(key): connection metadata set with set (or by the endpoint's authorize), nil when unset

        Example:
            use "std/web" as web
            web.websocket("/doc-get", fun (socket)
              socket.send("" .. socket.get("missing"))
            end)
            let server = web.test_server()
            let client = ws.test_client(server.ws_url("/doc-get")).connect()
            client.receive()  # => "nil"
            server.stop()
        """
        return self._conn.get(key)

    def set(self, key: Any, value: Any) -> None:
        """set(key, value): store connection metadata, read back with get

        Example:
            use "std/web" as web
            web.websocket("/doc-set", fun (socket)
              socket.set("room", "lobby")
              socket.send(socket.get("room"))
            end)
            let server = web.test_server()
            let client = ws.test_client(server.ws_url("/doc-set")).connect()
            client.receive()  # => "lobby"
            server.stop()
        """
        self._conn.set(need_str(key, "WebSocket.set", "key"), value)

    def remote_ip(self) -> str:
        """remote_ip() -> Str: the client's address

        Example:
            use "std/web" as web
            web.websocket("/doc-ip", fun (socket)
              socket.send(socket.remote_ip())
            end)
            let server = web.test_server()
            let client = ws.test_client(server.ws_url("/doc-ip")).connect()
            client.receive()  # => "127.0.0.1"
            server.stop()
        """
        return self._conn.remote_ip

    def path(self) -> str:
        """path() -> Str: the endpoint path the client connected to

        Example:
            use "std/web" as web
            web.websocket("/doc-path", fun (socket)
              socket.send(socket.path())
            end)
            let server = web.test_server()
            let client = ws.test_client(server.ws_url("/doc-path")).connect()
            client.receive()  # => "/doc-path"
            server.stop()
        """
        return self._conn.path

    def headers(self) -> dict:
        """headers() -> Dict: the upgrade request's headers, lower-case names

        Example:
            use "std/web" as web
            web.websocket("/doc-headers", fun (socket)
              socket.send(socket.headers()["x-team"])
            end)
            let server = web.test_server()
            let client = ws.test_client(server.ws_url("/doc-headers"), {"X-Team": "blue"}).connect()
            client.receive()  # => "blue"

            server.stop()
        """
        return dict(self._conn.headers)

    def on_open(self, fn: Any) -> None:
        """on_open(fun () ... end): run once the connect handler has returned

        Example:
            use "std/web" as web
            web.websocket("/doc-on-open", fun (socket)
              socket.on_open(fun () socket.send("opened") end)
            end)
            let server = web.test_server()
            let client = ws.test_client(server.ws_url("/doc-on-open")).connect()
            client.receive()  # => "opened"
            server.stop()
        """
        self._conn.on_open(need_fn(fn, "WebSocket.on_open"))

    def on_message(self, fn: Any) -> None:
        """on_message(fun (data) ... end): run for each message; Str for text messages, Bytes for binary

        Example:
            use "std/web" as web
            web.websocket("/doc-on-message", fun (socket)
              socket.on_message(fun (data) socket.send("Echo: " .. data) end)
            end)
            let server = web.test_server()
            let client = ws.test_client(server.ws_url("/doc-on-message")).connect()
            client.send("hi")
            client.receive()  # => "Echo: hi"
            server.stop()
        """
        self._conn.on_message(need_fn(fn, "WebSocket.on_message"))

    def on_close(self, fn: Any) -> None:
        """on_close(fun (code, reason) ... end): run exactly once when the connection ends

        Example:
            use "std/web" as web
            let closed = []
            web.websocket("/doc-on-close", fun (socket)
              socket.on_message(fun (data) socket.close(1000, "bye") end)
              socket.on_close(fun (code, reason) closed.push(code) end)
            end)
            let server = web.test_server()
            let client = ws.test_client(server.ws_url("/doc-on-close")).connect()
            client.send("leave")
            try
              client.receive()
            catch e: RuntimeErr
            end
            client.close_code()  # => 1000
            server.stop()
        """
        self._conn.on_close(need_fn(fn, "WebSocket.on_close"))

    def on_error(self, fn: Any) -> None:
        """on_error(fun (error) ... end): run when one of this connection's handlers raised; the connection is then closed with 1011

        Example:
            use "std/web" as web
            let errors = []
            web.websocket("/doc-on-error", fun (socket)
              socket.on_error(fun (e) errors.push(e.message()) end)
              socket.on_message(fun (data) raise ValueErr.new("bad " .. data) end)
            end)
            let server = web.test_server()
            let client = ws.test_client(server.ws_url("/doc-on-error")).connect()
            client.send("input")
            try
              client.receive()
            catch e: RuntimeErr
            end
            client.close_code()  # => 1011
            server.stop()
        """
        need_fn(fn, "WebSocket.on_error")
        self._conn.on_error(lambda exc: fn(to_quest(exc)))

    def __str__(self) -> str:
        return f"<WebSocket {self._conn.id} {self._conn.path} {self._conn.state}>"


def send_to(connection_id: Any, message: Any) -> bool:
    """send_to(connection_id, message) -> Bool: queue a text message for one connection; false if no such open connection

    Example:
        ws.send_to("no-such-connection", "hello")  # => false
    """
    return _registry().send_to(
        need_str(connection_id, "ws.send_to", "connection_id"), _text(message, "ws.send_to")
    )


def broadcast(path: Any, message: Any) -> int:
    """broadcast(path, message) -> Int: queue a text message for every connection on path (encoded once); the number that took it

    Example:
        ws.broadcast("/nobody-here", "news")  # => 0
    """
    return _registry().broadcast(
        need_str(path, "ws.broadcast", "path"), _text(message, "ws.broadcast")
    )


def broadcast_if(path: Any, predicate: Any, message: Any) -> int:
    """broadcast_if(path, fun (socket) -> Bool, message) -> Int: like broadcast, to the connections the function accepts

    Example:
        use "std/web" as web
        web.websocket("/doc-broadcast-if", fun (socket)
          socket.set("team", "blue")
          socket.send("ready")
        end)
        let server = web.test_server()
        let client = ws.test_client(server.ws_url("/doc-broadcast-if")).connect()
        client.receive()  # => "ready"
        ws.broadcast_if("/doc-broadcast-if", fun (s) s.get("team") == "blue" end, "go")  # => 1
        client.receive()  # => "go"
        server.stop()
    """
    need_fn(predicate, "ws.broadcast_if", "predicate")
    return _registry().broadcast_if(
        need_str(path, "ws.broadcast_if", "path"),
        lambda conn: predicate(QuestSocket.of(conn)),
        _text(message, "ws.broadcast_if"),
    )


def get_connections(path: Any) -> list:
    """get_connections(path) -> Array: the open sockets on path, oldest first

    Example:
        ws.get_connections("/nobody-here")  # => []
    """
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
        """connect() -> WebSocketTestClient: open the connection (raises IOErr if the server refuses or is not there)

        Example:
            use "std/web" as web
            web.websocket("/doc-connect", fun (socket)
              socket.send("hello")
            end)
            let server = web.test_server()
            let client = ws.test_client(server.ws_url("/doc-connect")).connect()
            client.receive()  # => "hello"
            server.stop()
        """
        self._call(self._client.connect)
        return self

    def send(self, message: Any) -> None:
        """send(message): send a text message to the server

        Example:
            use "std/web" as web
            web.websocket("/doc-client-send", fun (socket)
              socket.on_message(fun (m) socket.send(m.upper()) end)
            end)
            let server = web.test_server()
            let client = ws.test_client(server.ws_url("/doc-client-send")).connect()
            client.send("shout")
            client.receive()  # => "SHOUT"
            server.stop()
        """
        self._call(self._client.send, _text(message, "WebSocketTestClient.send"))

    def send_bytes(self, data: Any) -> None:
        """send_bytes(data): send a binary message (Bytes) to the server

        Example:
            use "std/web" as web
            web.websocket("/doc-client-send-bytes", fun (socket)
              socket.on_message(fun (m) socket.send("" .. m.len()) end)
            end)
            let server = web.test_server()
            let client = ws.test_client(server.ws_url("/doc-client-send-bytes")).connect()
            client.send_bytes(b"\x00\x01\x02")
            client.receive()  # => "3"
            server.stop()
        """
        data = need_bytes(data, "WebSocketTestClient.send_bytes", "data")
        self._call(self._client.send_bytes, data)

    def receive(self, timeout: Any = 5.0) -> Any:
        """receive(timeout = 5) -> Str or Bytes: the next message; RuntimeErr when none arrives in time or the server closed

        Example:
            use "std/web" as web
            web.websocket("/doc-receive", fun (socket)
              socket.send("first")
            end)
            let server = web.test_server()
            let client = ws.test_client(server.ws_url("/doc-receive")).connect()
            client.receive(2)  # => "first"
            server.stop()
        """
        timeout = need_number(timeout, "WebSocketTestClient.receive", "of seconds")
        return self._call(self._client.receive, float(timeout))

    def close(self, code: Any = 1000, reason: Any = "") -> None:
        """close(code = 1000, reason = ""): close the connection and wait for the server's answer

        Example:
            use "std/web" as web
            web.websocket("/doc-client-close", fun (socket)
              socket.on_close(fun (code, reason) nil end)
            end)
            let server = web.test_server()
            let client = ws.test_client(server.ws_url("/doc-client-close")).connect()
            client.close()
            client.close_code()  # => 1000
            server.stop()
        """
        code = need_int(code, "WebSocketTestClient.close", "code")
        self._call(
            self._client.close, code, need_str(reason, "WebSocketTestClient.close", "reason")
        )

    def close_code(self) -> Any:
        """close_code() -> Int or nil: the close code once the connection has ended, nil before

        Example:
            use "std/web" as web
            web.websocket("/doc-close-code", fun (socket)
              socket.send("x")
            end)
            let server = web.test_server()
            let client = ws.test_client(server.ws_url("/doc-close-code")).connect()
            client.close_code()  # => nil
            server.stop()
        """
        return self._client.close_code

    def close_reason(self) -> Any:
        """close_reason() -> Str or nil: the close reason once the connection has ended, nil before

        Example:
            use "std/web" as web
            web.websocket("/doc-close-reason", fun (socket)
              socket.close(4000, "done")
            end)
            let server = web.test_server()
            let client = ws.test_client(server.ws_url("/doc-close-reason")).connect()
            try
              client.receive()
            catch e: RuntimeErr
            end
            client.close_reason()  # => "done"
            server.stop()
        """
        return self._client.close_reason

    def __str__(self) -> str:
        return f"<WebSocketTestClient {self.url}>"


def test_client(url: Any, headers: Any = None) -> TestClient:
    """test_client(url, headers = nil) -> WebSocketTestClient: a blocking client for tests
    (connect, send, send_bytes, receive, close)

    Example:
        use "std/web" as web
        web.websocket("/doc-test-client", fun (socket)
          socket.on_message(fun (m) socket.send("Echo: " .. m) end)
        end)
        let server = web.test_server()
        let client = ws.test_client(server.ws_url("/doc-test-client")).connect()
        client.send("ping")
        client.receive()  # => "Echo: ping"
        client.close()
        server.stop()
    """
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
