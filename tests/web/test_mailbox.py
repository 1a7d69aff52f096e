"""One mailbox per connection: handlers never overlap, whoever schedules them (issue 6).

The reproduction the issue was built from: a timer's handler blocks through greenback
(a Quest ``time.sleep``), a message arrives meanwhile. Before the mailbox, the reader
ran ``on_message`` in the middle of the timer ("timer start / on_message ran / timer
end"); now the message waits its turn. Every test runs on both transports.
"""

from __future__ import annotations

import logging

import greenback
import pytest
import trio
import trio.testing
from trio_websocket import open_websocket_url

from .clients import RawWebSocket, client_frame
from .wshelpers import echo_endpoint, expect_close, url, wait_until


async def test_message_waits_for_a_blocked_timer_handler(app, start_server):
    log: list[str] = []
    timer_started = trio.Event()
    release = trio.Event()

    def on_connect(conn):
        def timer():
            log.append("timer start")
            timer_started.set()
            greenback.await_(release.wait())  # what a Quest time.sleep does
            log.append("timer end")

        def on_message(data):
            log.append("on_message ran")
            conn.send_text_nowait("after " + data)

        conn.on_message(on_message)
        conn.call_later(0, timer)

    app.websocket("/ws", on_connect)
    port = await start_server(app)
    async with open_websocket_url(url(port)) as ws:
        with trio.fail_after(10):
            await timer_started.wait()
        await ws.send_message("hello")
        # The reader has taken the message and found the mailbox busy.
        await trio.testing.wait_all_tasks_blocked()
        assert log == ["timer start"]
        release.set()
        with trio.fail_after(10):
            assert await ws.get_message() == "after hello"
    assert log == ["timer start", "timer end", "on_message ran"]


async def test_posted_jobs_and_messages_run_in_arrival_order(app, start_server):
    # A job blocks in the mailbox task; the reader keeps reading, so the messages
    # queue behind it, and a job posted when it resumes goes after them.
    seen: list[str] = []
    gate = trio.Event()
    gate_reached = trio.Event()

    def on_connect(conn):
        def blocking_job():
            seen.append("job")
            gate_reached.set()
            greenback.await_(gate.wait())
            conn.post(seen.append, "posted")

        def on_message(data):
            seen.append(data)
            if data == "block":
                conn.post(blocking_job)
            elif data == "last":
                conn.post(lambda: conn.send_text_nowait(",".join(seen)))

        conn.on_message(on_message)

    app.websocket("/ws", on_connect)
    port = await start_server(app)
    async with open_websocket_url(url(port)) as ws:
        await ws.send_message("block")
        with trio.fail_after(10):
            await gate_reached.wait()
        for name in ("one", "two", "last"):
            await ws.send_message(name)
        await trio.testing.wait_all_tasks_blocked()
        assert seen == ["block", "job"]  # read, but waiting their turn
        gate.set()
        with trio.fail_after(10):
            order = await ws.get_message()
    assert order == "block,job,one,two,last,posted"


async def test_a_handler_blocking_in_the_reader_holds_only_its_own_connection(app, start_server):
    # The fast path runs a message's handler in the reader task: while it blocks,
    # that connection reads nothing more (its peer meets TCP backpressure) and a
    # job posted meanwhile runs right after it.
    seen: list[str] = []
    gate = trio.Event()
    gate_reached = trio.Event()

    def on_connect(conn):
        def on_message(data):
            seen.append(data)
            if data == "block":
                conn.post(seen.append, "posted")
                gate_reached.set()
                greenback.await_(gate.wait())
            elif data == "last":
                conn.send_text_nowait(",".join(seen))

        conn.on_message(on_message)

    app.websocket("/ws", on_connect)
    app.websocket("/echo", echo_endpoint)
    port = await start_server(app)
    async with open_websocket_url(url(port)) as ws, open_websocket_url(url(port, "/echo")) as e:
        await ws.send_message("block")
        with trio.fail_after(10):
            await gate_reached.wait()
        await ws.send_message("last")
        await e.send_message("meanwhile")
        with trio.fail_after(10):
            assert await e.get_message() == "Echo: meanwhile"
        gate.set()
        with trio.fail_after(10):
            assert await ws.get_message() == "block,posted,last"


async def test_a_job_posted_by_another_connection_runs_in_the_target_connection(app, start_server):
    # A broadcast from A that runs code for B must not run it in A's task: if B's
    # code blocks, A keeps being served.
    conns = {}
    release = trio.Event()
    b_blocked = trio.Event()

    def on_connect(conn):
        conns[conn.query.get("name")] = conn

        def on_message(data):
            if data == "poke b":

                def in_b():
                    b_blocked.set()
                    greenback.await_(release.wait())
                    conns["b"].send_text_nowait("b done")

                conns["b"].post(in_b)
            conn.send_text_nowait("ack " + data)

        conn.on_message(on_message)

    app.websocket("/ws", on_connect)
    port = await start_server(app)
    async with (
        open_websocket_url(url(port, "/ws?name=a")) as a,
        open_websocket_url(url(port, "/ws?name=b")) as b,
    ):
        await wait_until(lambda: "b" in conns)
        await a.send_message("poke b")
        with trio.fail_after(10):
            assert await a.get_message() == "ack poke b"
            await b_blocked.wait()
            await a.send_message("still here")
            assert await a.get_message() == "ack still here"
        release.set()
        with trio.fail_after(10):
            assert await b.get_message() == "b done"


async def test_a_layer_chooses_its_own_error_policy(app, start_server, caplog):
    failures: list[str] = []

    def on_connect(conn):
        def crash():
            raise ValueError("one topic broke")

        def on_message(data):
            if data == "crash-job":
                conn.post(crash, on_error=lambda exc: failures.append(f"job: {exc}"))
            elif data == "crash-message":
                raise KeyError("bad frame")
            conn.send_text_nowait("ok " + data)

        conn.on_message(on_message)
        conn.set_message_error_policy(lambda exc: failures.append(f"message: {exc!r}"))

    app.websocket("/ws", on_connect)
    port = await start_server(app)
    async with open_websocket_url(url(port)) as ws:
        await ws.send_message("crash-job")
        await ws.send_message("crash-message")
        await ws.send_message("fine")
        with trio.fail_after(10):
            assert await ws.get_message() == "ok crash-job"
            assert await ws.get_message() == "ok fine"  # the connection stayed open
    assert failures == ["job: one topic broke", "message: KeyError('bad frame')"]
    assert "handler failed" not in caplog.text


async def test_layer_one_policy_closes_1011_when_a_posted_job_raises(app, start_server):
    errors = []

    def on_connect(conn):
        conn.on_error(errors.append)
        conn.on_message(lambda data: conn.post(lambda: 1 / 0))

    app.websocket("/ws", on_connect)
    app.websocket("/echo", echo_endpoint)
    port = await start_server(app)
    async with open_websocket_url(url(port)) as ws:
        await ws.send_message("go")
        assert await expect_close(ws) == 1011
    assert [type(e) for e in errors] == [ZeroDivisionError]
    async with open_websocket_url(url(port, "/echo")) as other:
        await other.send_message("x")
        assert await other.get_message() == "Echo: x"


async def test_an_error_policy_that_raises_falls_back_to_layer_one(app, start_server, caplog):
    def on_connect(conn):
        def broken_policy(exc):
            raise RuntimeError("policy broke too")

        conn.on_message(lambda data: conn.post(lambda: 1 / 0, on_error=broken_policy))

    app.websocket("/ws", on_connect)
    port = await start_server(app)
    with caplog.at_level(logging.ERROR, logger="quest_rt.web"):
        async with open_websocket_url(url(port)) as ws:
            await ws.send_message("go")
            assert await expect_close(ws) == 1011
    assert "policy broke too" in caplog.text


async def test_a_full_mailbox_closes_the_connection_like_a_slow_consumer(app, start_server):
    app.settings.ws_mailbox_depth = 4
    release = trio.Event()
    posted: list[bool] = []

    def on_connect(conn):
        def on_message(data):
            for _ in range(6):
                posted.append(conn.post(lambda: None))
            greenback.await_(release.wait())

        conn.on_message(on_message)

    app.websocket("/ws", on_connect)
    port = await start_server(app)
    async with open_websocket_url(url(port)) as ws:
        await ws.send_message("flood")
        code = await expect_close(ws)
        release.set()
    assert code == 1008
    assert posted == [True] * 4 + [False, False]


async def test_reader_stops_reading_while_the_mailbox_is_full(app, start_server):
    # A peer flooding a connection whose handler is blocked meets TCP backpressure:
    # the mailbox never holds more than its depth plus one read's worth of messages.
    app.settings.ws_mailbox_depth = 8
    release = trio.Event()
    blocked = trio.Event()
    conns = []
    handled: list[str] = []

    def on_connect(conn):
        conns.append(conn)

        def blocking_job():
            blocked.set()
            greenback.await_(release.wait())

        def on_message(data):
            handled.append(data)
            if data == "block":
                conn.post(blocking_job)  # blocks the mailbox task; the reader reads on

        conn.on_message(on_message)

    app.websocket("/ws", on_connect)
    port = await start_server(app)
    raw = await RawWebSocket.connect(port)
    await raw.send(client_frame(0x1, b"block"))
    with trio.fail_after(10):
        await blocked.wait()
    frame = client_frame(0x1, b"x" * 1000)
    with trio.move_on_after(2):  # bounded: the socket buffers fill, then send blocks
        for _ in range(20_000):
            await raw.send(frame)
    await trio.testing.wait_all_tasks_blocked()
    stats = conns[0].statistics()
    assert stats.mailbox_waiting < 8 + 65536 // 1000 + 1
    assert stats.mailbox_waiting >= 8
    release.set()
    await raw.aclose()


@pytest.mark.parametrize("depth", [1, 3])
async def test_mailbox_depth_one_still_delivers_every_message_in_order(app, start_server, depth):
    app.settings.ws_mailbox_depth = depth
    got: list[str] = []

    def on_connect(conn):
        def on_message(data):
            got.append(data)
            greenback.await_(trio.sleep(0))  # a handler that yields to the loop
            conn.send_text_nowait(data)

        conn.on_message(on_message)

    app.websocket("/ws", on_connect)
    port = await start_server(app)
    async with open_websocket_url(url(port)) as ws:
        for i in range(50):
            await ws.send_message(str(i))
        with trio.fail_after(10):
            echoed = [await ws.get_message() for _ in range(50)]
    assert echoed == [str(i) for i in range(50)] == got
