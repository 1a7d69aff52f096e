"""Before the handshake: query, authorize, origins and malformed upgrades (issue 6).

One hook for both transports: every test runs on the direct listener and on
hypercorn's ASGI path, with real clients.
"""

from __future__ import annotations

import logging

import pytest
import trio
import trio_websocket
from trio_websocket import open_websocket_url

from quest_rt.web import Accept, Refuse

from .clients import raw_http
from .wshelpers import echo_endpoint, url


async def _status_of_upgrade(port: int, path: str, headers: dict[str, str]) -> int:
    with pytest.raises(trio_websocket.ConnectionRejected) as rejected:
        async with open_websocket_url(url(port, path), extra_headers=list(headers.items())):
            pass
    return rejected.value.status_code


async def test_query_and_assigns_reach_the_connection(app, start_server):
    seen = {}

    def authorize(upgrade):
        seen["upgrade"] = (upgrade.path, dict(upgrade.query), upgrade.remote_ip)
        if upgrade.query.get("token") != "s3cret":
            return Refuse(403, "Forbidden")
        return Accept(assigns={"user_id": 7})

    def on_connect(conn):
        conn.send_text_nowait(f"{conn.assigns['user_id']} {sorted(conn.query.items())}")

    app.websocket("/ws", on_connect, authorize=authorize)
    port = await start_server(app)
    async with open_websocket_url(url(port, "/ws?token=s3cret&vsn=2.0.0&x=a%20b")) as ws:
        with trio.fail_after(10):
            message = await ws.get_message()
    assert message == "7 [('token', 's3cret'), ('vsn', '2.0.0'), ('x', 'a b')]"
    assert seen["upgrade"] == (
        "/ws",
        {"token": "s3cret", "vsn": "2.0.0", "x": "a b"},
        "127.0.0.1",
    )


async def test_a_refused_upgrade_gets_its_status_and_never_connects(app, start_server):
    connected = []
    app.websocket(
        "/ws",
        connected.append,
        authorize=lambda upgrade: (
            Refuse(401, "Unauthorized")
            if upgrade.headers.get("authorization") != "Bearer ok"
            else Accept()
        ),
    )
    port = await start_server(app)
    assert await _status_of_upgrade(port, "/ws", {"Authorization": "Bearer forged"}) == 401
    assert connected == []
    async with open_websocket_url(url(port), extra_headers=[("Authorization", "Bearer ok")]) as ws:
        await ws.send_message("x")
    assert len(connected) == 1


async def test_an_authorize_that_raises_refuses_with_500_and_logs(app, start_server, caplog):
    def authorize(upgrade):
        raise KeyError("no such user")

    app.websocket("/ws", echo_endpoint, authorize=authorize)
    app.websocket("/echo", echo_endpoint)
    port = await start_server(app)
    with caplog.at_level(logging.ERROR, logger="quest_rt.web"):
        assert await _status_of_upgrade(port, "/ws", {}) == 500
    assert "no such user" in caplog.text
    async with open_websocket_url(url(port, "/echo")) as ws:  # the server still serves
        await ws.send_message("x")
        assert await ws.get_message() == "Echo: x"


@pytest.mark.parametrize(
    ("origin", "allowed"),
    [
        (None, True),  # not a browser
        ("http://127.0.0.1:{port}", True),  # our own host
        ("http://evil.example", False),
        ("null", False),  # sandboxed frames, file: pages
        ("http://127.0.0.1:1", False),  # same host, another port
        ("https://127.0.0.1:{port}", True),  # host and port decide, as in Phoenix
    ],
)
async def test_browser_origins_are_checked_by_default(app, start_server, origin, allowed):
    app.websocket("/ws", echo_endpoint)
    port = await start_server(app)
    headers = {} if origin is None else {"Origin": origin.format(port=port)}
    if allowed:
        async with open_websocket_url(url(port), extra_headers=list(headers.items())) as ws:
            await ws.send_message("hi")
            assert await ws.get_message() == "Echo: hi"
    else:
        assert await _status_of_upgrade(port, "/ws", headers) == 403


async def test_an_origin_allowlist_with_wildcards(app, start_server):
    app.websocket("/ws", echo_endpoint, check_origin=["https://*.example.com", "//localhost:4000"])
    app.websocket("/any", echo_endpoint, check_origin=False)
    port = await start_server(app)
    for origin in ("https://app.example.com", "http://localhost:4000"):
        async with open_websocket_url(url(port), extra_headers=[("Origin", origin)]):
            pass
    for origin in ("http://app.example.com", "https://example.com.evil", "http://localhost:4001"):
        assert await _status_of_upgrade(port, "/ws", {"Origin": origin}) == 403
    async with open_websocket_url(url(port, "/any"), extra_headers=[("Origin", "null")]):
        pass


def test_a_malformed_allowlist_entry_is_refused_at_registration():
    from quest_rt.web import WebApp

    with pytest.raises(ValueError, match="no host"):
        WebApp().websocket("/ws", echo_endpoint, check_origin=["https://"])


_UPGRADE = (
    "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
    "Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n{extra}\r\n"
)


@pytest.mark.parametrize(
    "request_text",
    [
        _UPGRADE.format(path="/ws", key="not-base64!", extra=""),
        _UPGRADE.format(path="/ws", key="c2hvcnQ=", extra=""),  # 5 bytes, not 16
        _UPGRADE.format(path="/ws", key="dGhlIHNhbXBsZSBub25jZQ==", extra="").replace(
            "GET", "POST"
        ),
        _UPGRADE.format(path="/ws", key="dGhlIHNhbXBsZSBub25jZQ==", extra="").replace(
            "HTTP/1.1", "HTTP/1.0"
        ),
        # The compression-bomb shape of issue 9: a bad key plus permessage-deflate.
        _UPGRADE.format(
            path="/ws",
            key="bad",
            extra="Sec-WebSocket-Extensions: permessage-deflate\r\n",
        ),
    ],
    ids=["not-base64", "short-key", "post", "http-1.0", "bad-key-with-deflate"],
)
async def test_a_malformed_upgrade_is_answered_400_by_the_listener(
    start_server, request_text, caplog
):
    from quest_rt.web import WebApp

    app = WebApp()  # the direct listener: it answers every upgrade itself
    app.websocket("/ws", echo_endpoint)
    port = await start_server(app)
    with caplog.at_level(logging.INFO, logger="quest_rt.web.access"):
        answer = await raw_http(port, request_text.encode())
    assert answer.startswith(b"HTTP/1.1 400 "), answer
    assert b"101" not in answer and b"permessage-deflate" not in answer
    assert '"GET /ws" 400 websocket' in caplog.text or '"POST' not in request_text


async def test_every_upgrade_and_refusal_is_logged(app, start_server, caplog):
    app.websocket("/ws", echo_endpoint)
    port = await start_server(app)
    with caplog.at_level(logging.INFO, logger="quest_rt.web.access"):
        async with open_websocket_url(url(port)):
            pass
        await _status_of_upgrade(port, "/nowhere", {})
        await _status_of_upgrade(port, "/ws", {"Origin": "http://evil.example"})
    lines = [r.getMessage() for r in caplog.records if r.name == "quest_rt.web.access"]
    assert [line.split(" websocket")[0] for line in lines] == [
        '127.0.0.1 "GET /ws" 101',
        '127.0.0.1 "GET /nowhere" 404',
        '127.0.0.1 "GET /ws" 403',
    ]
