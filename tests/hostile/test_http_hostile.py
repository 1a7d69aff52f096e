"""Hostile HTTP clients (issue 9): request-smuggling shapes and slow bodies.

Each case is a raw socket on loopback against a real server; after each one a
well-behaved client must still get its 200.
"""

from __future__ import annotations

import socket

import pytest

from quest_rt.web import TransportKind, WebApp

from .httpclient import (
    closed_by_server,
    connect,
    exchange,
    fd_count,
    read_response,
    running,
    served,
)


def make_app(transport: TransportKind = TransportKind.DIRECT) -> WebApp:
    app = WebApp()
    app.settings.transport = transport
    calls: list[str] = []
    app.calls = calls  # type: ignore[attr-defined]

    def handle(request: dict) -> dict:
        calls.append(request["path"])
        return {"status": 200, "body": "ok"}

    app.handle_request = handle
    return app


OK = b"GET /first HTTP/1.1\r\nHost: x\r\n\r\n"

SMUGGLING = {
    "content-length-and-chunked": (
        b"POST /smuggle HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        400,
    ),
    "http-9.9": (b"GET /smuggle HTTP/9.9\r\nHost: x\r\n\r\n", 505),
    "http-2.0-plain": (b"GET /smuggle HTTP/2.0\r\nHost: x\r\n\r\n", 505),
    "obs-fold-space": (b"GET /smuggle HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n", 400),
    "obs-fold-tab": (b"GET /smuggle HTTP/1.1\r\nHost: x\r\nX-A: a\r\n\tb\r\n\r\n", 400),
}


@pytest.mark.parametrize("transport", list(TransportKind), ids=lambda k: k.value)
@pytest.mark.parametrize("keep_alive", [False, True], ids=["first-head", "keep-alive-head"])
@pytest.mark.parametrize("case", sorted(SMUGGLING))
def test_smuggling_shapes_are_refused_and_closed(
    case: str, keep_alive: bool, transport: TransportKind
) -> None:
    raw, expected = SMUGGLING[case]
    app = make_app(transport)
    with running(app) as server:
        if keep_alive:
            # The second head is parsed by hypercorn's h11 on a reused connection.
            with connect(server) as sock:
                sock.sendall(OK + raw)
                assert read_response(sock) == (200, b"ok")
                assert read_response(sock) == (expected, b"")
                closed = closed_by_server(sock)
        else:
            status, body, closed = exchange(server, raw)
            assert status == expected
            assert body == b""  # a fixed, empty body: never a parser message
        assert closed
        assert "/smuggle" not in app.calls  # type: ignore[attr-defined]
        assert served(server)


def test_an_upgrade_head_with_obs_fold_is_refused_by_the_listener() -> None:
    app = make_app()
    app.websocket("/ws", lambda conn: None)
    with running(app) as server:
        status, body, closed = exchange(
            server,
            b"GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
            b"X-A: a\r\n b\r\n\r\n",
        )
        assert (status, body, closed) == (400, b"Bad Request", True)
        assert served(server)


def test_plain_requests_still_pass() -> None:
    app = make_app()
    with running(app) as server:
        status, body, closed = exchange(
            server, b"POST /a HTTP/1.0\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi"
        )
        assert (status, body, closed) == (200, b"ok", True)
        status, body, _ = exchange(
            server,
            b"POST /b HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n"
            b"\r\n2\r\nhi\r\n0\r\n\r\n",
        )
        assert (status, body) == (200, b"ok")


def slow_app() -> WebApp:
    app = make_app()
    app.settings.body_timeout = 0.3
    app.settings.body_min_rate = 2000
    return app


def test_a_body_that_stops_arriving_gets_408_and_close() -> None:
    app = slow_app()
    before = fd_count()
    with running(app) as server, connect(server) as sock:
        # "Content-Length: 1 MB, then 1 KB": under the 413 limit, never completed.
        sock.sendall(
            b"POST /slow HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n" + b"x" * 1024
        )
        assert served(server)  # the stalled body holds nobody else up
        assert read_response(sock) == (408, b"Request Timeout")
        assert closed_by_server(sock)
        assert "/slow" not in app.calls  # type: ignore[attr-defined]
    assert fd_count() <= before  # the server's socket and loop are gone


def test_a_body_dripping_below_the_minimum_rate_gets_408() -> None:
    app = slow_app()
    with running(app) as server, connect(server) as sock:
        sock.sendall(b"POST /drip HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n")
        # 100 bytes every 0.1 s is 1,000 B/s, half the minimum: answered within
        # the grace plus a few drips (bounded by the count below), never served.
        answer = None
        sock.settimeout(0.1)
        for _ in range(100):
            try:
                sock.sendall(b"y" * 100)
            except (BrokenPipeError, ConnectionResetError):
                break
            try:
                answer = sock.recv(65536)
            except TimeoutError:
                continue
            break
        assert answer is not None and answer.startswith(b"HTTP/1.1 408 ")
        assert "/drip" not in app.calls  # type: ignore[attr-defined]
        assert served(server)


def test_a_chunked_body_that_stalls_gets_408() -> None:
    app = slow_app()
    with running(app) as server, connect(server) as sock:
        sock.sendall(
            b"POST /chunks HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n"
        )
        assert read_response(sock) == (408, b"Request Timeout")
        assert closed_by_server(sock)
        assert served(server)


def test_a_body_at_a_good_pace_is_served() -> None:
    app = slow_app()
    with running(app) as server:
        body = b"z" * 200_000
        status, payload, _ = exchange(
            server,
            b"POST /fast HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: %d\r\n\r\n%s"
            % (len(body), body),
        )
        assert (status, payload) == (200, b"ok")


def trickle_until_closed(sock: socket.socket, pieces: int = 100) -> bool:
    """Send a header line every 0.1 s (the socket's timeout paces it) until the
    server closes; True if it did within ``pieces`` lines."""
    sock.settimeout(0.1)
    for i in range(pieces):
        try:
            sock.sendall(b"X-Slow-%d: 1\r\n" % i)
            if sock.recv(65536) == b"":
                return True
        except TimeoutError:
            continue
        except (BrokenPipeError, ConnectionResetError):
            return True
    return False


@pytest.mark.parametrize("transport", list(TransportKind), ids=lambda k: k.value)
@pytest.mark.parametrize("keep_alive", [False, True], ids=["first-head", "keep-alive-head"])
def test_a_head_sent_slowly_is_dropped(transport: TransportKind, keep_alive: bool) -> None:
    # The first head is bounded by the direct listener's header timeout (hypercorn's
    # idle timer on the hypercorn transport); a later head on a keep-alive connection
    # by hypercorn's keep-alive timer, which runs until a whole head has arrived.
    app = make_app(transport)
    app.settings.header_timeout = 0.5
    app.settings.keep_alive_timeout = 0.5
    before = fd_count()
    with running(app) as server, connect(server) as sock:
        if keep_alive:
            sock.sendall(OK)
            assert read_response(sock) == (200, b"ok")
        sock.sendall(b"GET /slow HTTP/1.1\r\nHost: x\r\n")
        assert trickle_until_closed(sock)
        assert served(server)
    assert fd_count() <= before
    assert "/slow" not in app.calls  # type: ignore[attr-defined]
