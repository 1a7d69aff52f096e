"""Layer-1 protocol hygiene (RFC 6455, wire-protocol §9.2): limits, invalid frames, the
handshake, extensions — with raw-socket clients where no library would misbehave.
"""

from __future__ import annotations

import pytest
import trio
import trio.testing
import trio_websocket
from trio_websocket import open_websocket_url

from quest_rt.web import TransportKind, WebApp

from .clients import RawWebSocket, client_frame
from .wshelpers import echo_endpoint, expect_close, failure_code, url


async def test_unregistered_path_is_refused_at_the_handshake_with_404(app, start_server):
    # 404 on both transports, like a page that does not exist (issue 6: one
    # pre-handshake path; hypercorn alone used to answer 403).
    app.websocket("/ws", echo_endpoint)
    port = await start_server(app)
    with pytest.raises(trio_websocket.ConnectionRejected) as rejected:
        async with open_websocket_url(url(port, "/other")):
            pass
    assert rejected.value.status_code == 404


async def test_oversized_message_closes_with_1009(app, start_server):
    app.settings.ws_max_message_size = 1000
    app.websocket("/ws", echo_endpoint)
    port = await start_server(app)
    async with open_websocket_url(url(port)) as ws:
        await ws.send_message("x" * 1000)  # at the limit: accepted
        assert await ws.get_message() == "Echo: " + "x" * 1000
        await ws.send_message("x" * 1001)
        assert await expect_close(ws) == 1009


async def test_oversized_fragmented_message_closes_with_1009(app, start_server):
    app.settings.ws_max_message_size = 1000
    app.websocket("/ws", echo_endpoint)
    port = await start_server(app)
    raw = await RawWebSocket.connect(port)
    await raw.send(client_frame(0x2, b"a" * 600, fin=False))
    await raw.send(client_frame(0x0, b"b" * 600, fin=True))
    assert await raw.close_code() == 1009
    await raw.aclose()


async def test_invalid_utf8_in_a_text_frame_closes_with_1007(app, start_server):
    app.websocket("/ws", echo_endpoint)
    port = await start_server(app)
    raw = await RawWebSocket.connect(port)
    await raw.send(client_frame(0x1, b"ok \xed\xa0\x80 surrogate"))
    assert await raw.close_code() == failure_code(app, 1007)
    await raw.aclose()


async def test_unmasked_client_frame_is_a_protocol_error_1002(app, start_server):
    app.websocket("/ws", echo_endpoint)
    port = await start_server(app)
    raw = await RawWebSocket.connect(port)
    await raw.send(client_frame(0x1, b"hello", masked=False))
    assert await raw.close_code() == failure_code(app, 1002)
    await raw.aclose()


async def test_reserved_opcode_is_a_protocol_error_1002(app, start_server):
    app.websocket("/ws", echo_endpoint)
    port = await start_server(app)
    raw = await RawWebSocket.connect(port)
    await raw.send(client_frame(0x3, b"?"))
    assert await raw.close_code() == failure_code(app, 1002)
    await raw.aclose()


async def test_ping_is_answered_and_fragments_are_reassembled(app, start_server):
    app.websocket("/ws", echo_endpoint)
    port = await start_server(app)
    raw = await RawWebSocket.connect(port)
    await raw.send(client_frame(0x1, "hé".encode()[:2], fin=False))
    await raw.send(client_frame(0x9, b"are you there"))  # a control frame between fragments
    await raw.send(client_frame(0x0, "hé".encode()[2:] + b"llo", fin=True))
    from wsproto.events import Pong, TextMessage

    pong = await raw.next_event()
    assert isinstance(pong, Pong) and pong.payload == b"are you there"
    message = await raw.next_event()
    assert isinstance(message, TextMessage) and message.data == "Echo: héllo"
    await raw.aclose()


async def test_direct_transport_answers_a_wrong_version_with_426(start_server):
    app = WebApp()
    app.settings.transport = TransportKind.DIRECT
    app.websocket("/ws", echo_endpoint)
    port = await start_server(app)
    from .clients import raw_http

    answer = await raw_http(
        port,
        b"GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 8\r\n\r\n",
    )
    assert answer.startswith(b"HTTP/1.1 426 ")
    assert b"Sec-WebSocket-Version: 13" in answer


async def test_direct_transport_handshake_accept_key_matches_rfc_example(start_server):
    app = WebApp()
    app.websocket("/ws", echo_endpoint)
    port = await start_server(app)
    stream = await trio.open_tcp_stream("127.0.0.1", port)
    async with stream:
        await stream.send_all(
            b"GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: keep-alive, Upgrade\r\n"
            b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
        )
        head = b""
        with trio.fail_after(10):
            while b"\r\n\r\n" not in head:
                head += await stream.receive_some()
    assert head.startswith(b"HTTP/1.1 101 ")
    assert b"Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=" in head
    assert b"Sec-WebSocket-Extensions" not in head  # compression is off by default


async def test_direct_transport_negotiates_permessage_deflate_only_when_enabled(start_server):
    from wsproto import WSConnection
    from wsproto.connection import ConnectionType
    from wsproto.events import AcceptConnection, Request, TextMessage
    from wsproto.extensions import PerMessageDeflate

    app = WebApp()
    app.settings.ws_compression = True
    app.websocket("/ws", echo_endpoint)
    port = await start_server(app)
    stream = await trio.open_tcp_stream("127.0.0.1", port)
    client = WSConnection(ConnectionType.CLIENT)
    deflate = PerMessageDeflate()
    await stream.send_all(
        client.send(Request(host="127.0.0.1", target="/ws", extensions=[deflate]))
    )
    events = []
    with trio.fail_after(10):
        while not any(isinstance(e, AcceptConnection) for e in events):
            client.receive_data(await stream.receive_some())
            events.extend(client.events())
    (accepted,) = [e for e in events if isinstance(e, AcceptConnection)]
    assert [x.name for x in accepted.extensions] == ["permessage-deflate"]
    big = "compress me " * 200
    await stream.send_all(client.send(TextMessage(data=big)))
    text = ""
    with trio.fail_after(10):
        while not text.endswith(big):
            client.receive_data(await stream.receive_some())
            text += "".join(e.data for e in client.events() if isinstance(e, TextMessage))
    assert text == "Echo: " + big
    (conn,) = app.registry.connections("/ws")
    assert app.registry.broadcast("/ws", big) == 1  # per-connection encoding under deflate
    received = ""
    with trio.fail_after(10):
        while received != big:
            client.receive_data(await stream.receive_some())
            received += "".join(e.data for e in client.events() if isinstance(e, TextMessage))
    await stream.aclose()


@pytest.mark.parametrize(
    "key",
    [b"not base64!", b"c2hvcnQ=", b"dGhpcyBrZXkgaXMgd2F5IHRvbyBsb25nIQ=="],
    ids=["junk", "short", "long"],
)
async def test_an_upgrade_with_a_malformed_key_is_refused(app, start_server, key):
    from .clients import raw_http

    app.websocket("/ws", echo_endpoint)
    port = await start_server(app)
    answer = await raw_http(
        port,
        b"GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        b"Sec-WebSocket-Key: "
        + key
        + b"\r\nSec-WebSocket-Version: 13\r\nConnection: close\r\n\r\n",
    )
    assert not answer.startswith(b"HTTP/1.1 101")
    assert len(app.registry) == 0
