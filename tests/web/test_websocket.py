"""Layer-1 WebSockets (issue 3): the socket API, ordering, blocking, slow consumers,
failures, the registry and shutdown — against both transports, with real clients.

Every test takes the ``transport`` fixture through ``app``: the same suite proves
the hypercorn path and the direct path behind the seam.
"""

from __future__ import annotations

import logging
import uuid

import greenback
import pytest
import trio
import trio.testing
from trio_websocket import ConnectionClosed, open_websocket_url

from quest_rt.web import TransportKind
from quest_rt.web.bridge import sleep as bridge_sleep

from .wshelpers import echo_endpoint, expect_close, url, wait_until


async def test_echo_text_and_binary(app, start_server):
    app.websocket("/ws", echo_endpoint)
    port = await start_server(app)
    async with open_websocket_url(url(port)) as ws:
        await ws.send_message("Hello")
        assert await ws.get_message() == "Echo: Hello"
        await ws.send_message(b"\x00\xffbin")
        assert await ws.get_message() == b"\x00\xffbin"
        await ws.send_message("héllo ✓ 𝄞")
        assert await ws.get_message() == "Echo: héllo ✓ 𝄞"


async def test_on_open_runs_after_connect_handler_and_can_send(app, start_server):
    calls = []

    def on_connect(conn):
        calls.append("connect")
        conn.on_open(lambda: (calls.append("open"), conn.send_text_nowait("Welcome!")))

    app.websocket("/ws", on_connect)
    port = await start_server(app)
    async with open_websocket_url(url(port)) as ws:
        assert await ws.get_message() == "Welcome!"
    assert calls == ["connect", "open"]


async def test_connection_exposes_id_path_headers_ip_state_and_metadata(app, start_server):
    seen = {}

    def on_connect(conn):
        conn.set("room", "general")
        seen.update(
            id=conn.id,
            path=conn.path,
            auth=conn.headers.get("authorization"),
            ip=conn.remote_ip,
            state=conn.state,
            room=conn.get("room"),
            missing=conn.get("nope"),
        )
        conn.on_message(lambda data: conn.send_text_nowait(conn.get("room") + ":" + data))

    app.websocket("/ws", on_connect)
    port = await start_server(app)
    async with open_websocket_url(url(port), extra_headers=[(b"Authorization", b"Bearer t")]) as ws:
        await ws.send_message("hi")
        assert await ws.get_message() == "general:hi"
    assert uuid.UUID(seen["id"]).version == 4
    assert seen["path"] == "/ws"
    assert seen["auth"] == "Bearer t"
    assert seen["ip"] == "127.0.0.1"
    assert seen["state"] == "open"
    assert seen["room"] == "general"
    assert seen["missing"] is None


async def test_connect_handler_may_close_with_4401_before_any_message(app, start_server):
    opened = []

    def on_connect(conn):
        conn.on_open(lambda: opened.append(True))
        if conn.headers.get("authorization") != "valid":
            conn.close(4401, "Unauthorized")

    app.websocket("/ws/secure", on_connect)
    port = await start_server(app)
    async with open_websocket_url(url(port, "/ws/secure")) as ws:
        with pytest.raises(ConnectionClosed) as closed:
            with trio.fail_after(10):
                await ws.get_message()
    assert closed.value.reason.code == 4401
    assert closed.value.reason.reason == "Unauthorized"
    assert opened == []


async def test_handlers_of_one_connection_run_one_at_a_time_in_order(app, start_server):
    received = []
    active = []

    def on_connect(conn):
        def on_message(data):
            active.append(data)
            assert len(active) == 1, "handlers overlapped"
            bridge_sleep(0.001)  # suspends this task: the next message must still wait
            received.append(data)
            active.remove(data)
            if data == "19":
                conn.send_text_nowait("done")

        conn.on_message(on_message)

    app.websocket("/ws", on_connect)
    port = await start_server(app)
    async with open_websocket_url(url(port)) as ws:
        for i in range(20):
            await ws.send_message(str(i))
        assert await ws.get_message() == "done"
    assert received == [str(i) for i in range(20)]


async def test_raising_handler_closes_1011_calls_on_error_and_others_keep_working(
    app, start_server, caplog
):
    errors = []

    def on_connect(conn):
        def on_message(data):
            if data == "boom":
                raise ValueError("handler exploded")
            conn.send_text_nowait("Echo: " + data)

        conn.on_message(on_message)
        conn.on_error(errors.append)

    app.websocket("/ws", on_connect)
    port = await start_server(app)
    async with open_websocket_url(url(port)) as bystander, open_websocket_url(url(port)) as victim:
        await victim.send_message("boom")
        assert await expect_close(victim) == 1011
        await bystander.send_message("still here?")
        assert await bystander.get_message() == "Echo: still here?"
    assert [str(e) for e in errors] == ["handler exploded"]
    assert "handler exploded" in caplog.text
    assert "Traceback" in caplog.text


async def test_blocking_handler_does_not_delay_another_connections_echo(app, start_server):
    release = trio.Event()
    order = []

    def on_connect(conn):
        def on_message(data):
            if data == "block":
                greenback.await_(release.wait())  # how Quest's time.sleep waits
                order.append("blocked handler done")
                conn.send_text_nowait("unblocked")
            else:
                order.append("echo " + data)
                conn.send_text_nowait("Echo: " + data)

        conn.on_message(on_message)

    app.websocket("/ws", on_connect)
    port = await start_server(app)
    async with open_websocket_url(url(port)) as sleeper, open_websocket_url(url(port)) as other:
        await sleeper.send_message("block")
        await trio.testing.wait_all_tasks_blocked()
        await other.send_message("ping")
        with trio.fail_after(10):
            assert await other.get_message() == "Echo: ping"
        release.set()
        assert await sleeper.get_message() == "unblocked"
    assert order == ["echo ping", "blocked handler done"]


async def test_sleeping_handler_does_not_delay_another_connections_echo(app, start_server):
    def on_connect(conn):
        def on_message(data):
            if data == "sleep":
                greenback.await_(trio.sleep(0.5))
                conn.send_text_nowait("slept")
            else:
                conn.send_text_nowait("Echo: " + data)

        conn.on_message(on_message)

    app.websocket("/ws", on_connect)
    port = await start_server(app)
    arrivals = []
    async with open_websocket_url(url(port)) as sleeper, open_websocket_url(url(port)) as other:
        async with trio.open_nursery() as nursery:

            async def collect(ws, name):
                arrivals.append((name, await ws.get_message()))

            nursery.start_soon(collect, sleeper, "sleeper")
            await sleeper.send_message("sleep")
            await trio.testing.wait_all_tasks_blocked()
            await other.send_message("ping")
            await collect(other, "other")
    # The echo overtook the sleeping handler's reply: the loop was never stalled.
    assert arrivals == [("other", "Echo: ping"), ("sleeper", "slept")]


async def test_slow_consumer_is_disconnected_while_another_client_keeps_up(app, start_server):
    app.settings.ws_queue_depth = 8
    app.settings.ws_close_timeout = 30.0  # long enough for the slow client to read the close
    closes = {}

    def on_connect(conn):
        conn.on_close(lambda code, reason: closes.setdefault(conn.get("name"), code))
        conn.on_message(lambda name: conn.set("name", name) or conn.send_text_nowait("named"))

    app.websocket("/ws", on_connect)
    port = await start_server(app)
    payload = "x" * 65536
    # message_queue_size=1: once one message is unread, trio-websocket stops reading
    # the socket, so the kernel buffers fill and the server's queue backs up.
    async with (
        open_websocket_url(url(port), message_queue_size=1) as slow,
        open_websocket_url(url(port)) as fast,
    ):
        for ws, name in ((slow, "slow"), (fast, "fast")):
            await ws.send_message(name)
            assert await ws.get_message() == "named"
        sent = 0
        with trio.fail_after(60):
            while app.registry.statistics().slow_consumer_closes == 0:
                assert app.registry.broadcast("/ws", payload) >= 1
                sent += 1
                assert await fast.get_message() == payload  # the fast client keeps pace
                assert sent < 5000, "the slow consumer was never disconnected"
        # The fast client is untouched: still open, still echoing.
        assert [c.get("name") for c in app.registry.connections("/ws") if c.state == "open"] == [
            "fast"
        ]
        await fast.send_message("still fast")
        assert await fast.get_message() == "named"
        # The slow client, once it reads again, finds 1008 after the backlog.
        assert await expect_close(slow) == 1008
    assert closes["slow"] == 1008
    assert app.registry.statistics().slow_consumer_closes == 1


async def test_broadcast_broadcast_if_and_send_to(app, start_server):
    def on_connect(conn):
        conn.on_message(lambda room: conn.set("room", room) or conn.send_text_nowait("joined"))

    app.websocket("/chat", on_connect)
    app.websocket("/other", echo_endpoint)
    port = await start_server(app)
    async with (
        open_websocket_url(url(port, "/chat")) as a,
        open_websocket_url(url(port, "/chat")) as b,
        open_websocket_url(url(port, "/other")) as elsewhere,
    ):
        for ws, room in ((a, "general"), (b, "random")):
            await ws.send_message(room)
            assert await ws.get_message() == "joined"
        registry = app.registry
        assert registry.broadcast("/chat", "to all") == 2
        assert await a.get_message() == "to all"
        assert await b.get_message() == "to all"
        assert registry.broadcast_if("/chat", lambda c: c.get("room") == "general", "room") == 1
        assert await a.get_message() == "room"
        (conn_b,) = [c for c in registry.connections("/chat") if c.get("room") == "random"]
        assert registry.send_to(conn_b.id, "just you")
        assert await b.get_message() == "just you"
        assert not registry.send_to("no-such-id", "nobody")
        # The endpoint on /other got nothing: its next message is its own echo.
        await elsewhere.send_message("mine")
        assert await elsewhere.get_message() == "Echo: mine"
        assert registry.statistics().by_path == (("/chat", 2), ("/other", 1))


async def test_registry_forgets_closed_connections_and_on_close_runs_once(app, start_server):
    closes = []

    def on_connect(conn):
        conn.on_close(lambda code, reason: closes.append((conn.id, code, conn.state)))

    app.websocket("/ws", on_connect)
    port = await start_server(app)
    async with open_websocket_url(url(port)) as ws:
        await wait_until(lambda: len(app.registry) == 1)
        (conn,) = app.registry.connections("/ws")
        await ws.aclose(4000, "bye")
    await wait_until(lambda: len(closes) == 1)
    await trio.testing.wait_all_tasks_blocked()
    assert app.registry.connections("/ws") == []
    assert app.registry.get(conn.id) is None
    stats = app.registry.statistics()
    assert (stats.connections, stats.accepted_total, stats.closed_total) == (0, 1, 1)
    # hypercorn's websocket.disconnect says 1006 for a peer's close, whatever code
    # the peer sent; the direct transport reports the peer's own code.
    expected = 4000 if app.settings.transport is TransportKind.DIRECT else 1006
    assert closes == [(conn.id, expected, "closed")]
    assert conn.state == "closed"


async def test_server_close_reports_its_code_to_on_close_and_the_client(app, start_server):
    closes = []

    def on_connect(conn):
        conn.on_close(lambda code, reason: closes.append((code, reason)))
        conn.on_message(lambda data: conn.close(4000, "done"))

    app.websocket("/ws", on_connect)
    port = await start_server(app)
    async with open_websocket_url(url(port)) as ws:
        await ws.send_message("close me")
        assert await expect_close(ws) == 4000
    await wait_until(lambda: closes)
    assert closes == [(4000, "done")]


async def test_graceful_shutdown_sends_1001_to_open_websockets(app, start_server):
    app.websocket("/ws", echo_endpoint)
    stop = trio.Event()
    port = await start_server(app, shutdown_trigger=stop.wait)
    async with open_websocket_url(url(port)) as ws1, open_websocket_url(url(port)) as ws2:
        await ws1.send_message("up")
        assert await ws1.get_message() == "Echo: up"
        await ws2.send_message("up")
        assert await ws2.get_message() == "Echo: up"
        stop.set()
        assert await expect_close(ws1) == 1001
        assert await expect_close(ws2) == 1001


async def test_send_after_close_is_dropped_and_invalid_close_codes_are_refused(app, start_server):
    results = []

    def on_connect(conn):
        def on_message(data):
            with pytest.raises(ValueError):
                conn.close(1005)
            with pytest.raises(ValueError):
                conn.close(1000, "x" * 124)
            conn.close(1000)
            results.append((conn.state, conn.send_text_nowait("late")))

        conn.on_message(on_message)

    app.websocket("/ws", on_connect)
    port = await start_server(app)
    async with open_websocket_url(url(port)) as ws:
        await ws.send_message("go")
        assert await expect_close(ws) == 1000
    assert results == [("closing", False)]


async def test_handler_log_uses_the_apps_format_error_hook(app, start_server, caplog):
    app.format_error = lambda exc: f"QUEST TRACEBACK: {exc}"
    app.websocket("/ws", lambda conn: conn.on_message(lambda data: 1 / 0))
    port = await start_server(app)
    with caplog.at_level(logging.ERROR, logger="quest_rt.web"):
        async with open_websocket_url(url(port)) as ws:
            await ws.send_message("x")
            assert await expect_close(ws) == 1011
    assert "QUEST TRACEBACK: division by zero" in caplog.text


async def test_plain_http_and_websockets_share_one_port(app, start_server):
    from .clients import http_request

    app.handle_request = lambda request: {"status": 200, "body": "page"}
    app.websocket("/ws", echo_endpoint)
    port = await start_server(app)
    async with open_websocket_url(url(port)) as ws:
        response = await http_request(port, "GET", "/")
        assert (response.status, response.text) == (200, "page")
        await ws.send_message("x")
        assert await ws.get_message() == "Echo: x"


async def test_connection_tasks_run_in_its_nursery_and_are_cancelled_when_it_closes(
    app, start_server
):
    tick = trio.Event()
    cancelled = trio.Event()

    def on_connect(conn):
        async def timer():
            try:
                await tick.wait()
                conn.send_text_nowait("tick")
                await trio.sleep_forever()
            except trio.Cancelled:
                cancelled.set()
                raise

        conn.start_soon(timer)

    app.websocket("/ws", on_connect)
    port = await start_server(app)
    async with open_websocket_url(url(port)) as ws:
        tick.set()
        assert await ws.get_message() == "tick"
    with trio.fail_after(10):
        await cancelled.wait()
    assert len(app.registry) == 0


async def test_a_failing_connection_task_is_handled_like_a_failing_handler(app, start_server):
    errors = []

    def on_connect(conn):
        conn.on_error(errors.append)

        async def broken():
            raise RuntimeError("timer broke")

        conn.on_message(lambda data: conn.start_soon(broken))

    app.websocket("/ws", on_connect)
    app.websocket("/echo", echo_endpoint)
    port = await start_server(app)
    async with open_websocket_url(url(port)) as ws:
        await ws.send_message("go")
        assert await expect_close(ws) == 1011
    assert [str(e) for e in errors] == ["timer broke"]
    async with open_websocket_url(url(port, "/echo")) as other:  # the server still serves
        await other.send_message("x")
        assert await other.get_message() == "Echo: x"
