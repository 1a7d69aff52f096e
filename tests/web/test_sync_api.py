"""The synchronous surface Quest code uses: thread server, test client, sync bridge,
and the process-level behaviours (SIGTERM shutdown, import isolation)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading

import greenback
import pytest
import trio
from trio_websocket import ConnectionClosed, HandshakeError, open_websocket_url

from quest_rt.web import (
    BridgeError,
    ReceiveTimeout,
    WebApp,
    WebSocketClosed,
    WebSocketTestClient,
    run_sync,
    sleep,
    start_in_thread,
)


def echo_app() -> WebApp:
    app = WebApp()
    app.websocket(
        "/ws", lambda conn: conn.on_message(lambda d: conn.send_text_nowait("Echo: " + d))
    )
    app.handle_request = lambda request: {"status": 200, "body": "hello"}
    return app


def test_qep_websocket_test_snippet_runs_from_plain_synchronous_code():
    # QEP-054 "WebSocket Tests": start a server, connect, send, receive, close, stop.
    server = start_in_thread(echo_app())
    try:
        client = WebSocketTestClient(f"ws://localhost:{server.port}/ws")
        client.connect()
        client.send("Hello")
        assert client.receive() == "Echo: Hello"
        client.close()
        assert client.close_code == 1000
        assert type(client.close_code) is int  # not wsproto's CloseReason enum (a Quest Int)
    finally:
        server.stop()


def test_test_client_receive_times_out_with_a_clear_error():
    server = start_in_thread(echo_app())
    try:
        client = WebSocketTestClient(server.ws_url("/ws"))
        client.connect()
        with pytest.raises(ReceiveTimeout, match=r"no message from ws://.* within 0.05 s"):
            client.receive(timeout=0.05)
        client.close()
    finally:
        server.stop()


def test_test_client_reports_the_servers_close_code_and_binary_messages():
    app = WebApp()

    def on_connect(conn):
        def on_message(data):
            if data == b"bye":
                conn.close(4001, "later")
            else:
                conn.send_bytes_nowait(data[::-1])

        conn.on_message(on_message)

    app.websocket("/ws", on_connect)
    server = start_in_thread(app)
    try:
        client = WebSocketTestClient(server.ws_url("/ws"))
        client.connect()
        client.send_bytes(b"abc")
        assert client.receive() == b"cba"
        client.send_bytes(b"bye")
        with pytest.raises(WebSocketClosed) as closed:
            client.receive()
        assert (closed.value.code, closed.value.reason) == (4001, "later")
        assert (client.close_code, client.close_reason) == (4001, "later")
        client.close()
    finally:
        server.stop()


def test_test_client_connect_to_a_closed_port_raises():
    server = start_in_thread(echo_app())
    port = server.port
    server.stop()
    with pytest.raises(OSError):
        WebSocketTestClient(f"ws://127.0.0.1:{port}/ws").connect()


def test_stopping_a_thread_server_closes_its_websockets_with_1001():
    server = start_in_thread(echo_app())
    client = WebSocketTestClient(server.ws_url("/ws"))
    client.connect()
    client.send("x")
    assert client.receive() == "Echo: x"
    server.stop()
    with pytest.raises(WebSocketClosed) as closed:
        client.receive()
    assert closed.value.code == 1001
    client.close()


def test_registry_calls_from_the_starting_thread_are_marshalled_onto_the_loop():
    app = echo_app()
    server = start_in_thread(app)
    try:
        client = WebSocketTestClient(server.ws_url("/ws"))
        client.connect()
        client.send("x")
        assert client.receive() == "Echo: x"
        (conn,) = app.registry.connections("/ws")  # called from this (non-loop) thread
        assert app.registry.broadcast("/ws", "news") == 1
        assert client.receive() == "news"
        assert conn.send_text_nowait("direct")
        assert client.receive() == "direct"
        client.close()
    finally:
        server.stop()


async def test_test_client_works_inside_a_trio_task_with_a_portal(start_server):
    port = await start_server(echo_app())
    await greenback.ensure_portal()

    def quest_test_body():  # synchronous, like Quest code
        client = WebSocketTestClient(f"ws://127.0.0.1:{port}/ws")
        client.connect()
        client.send("from a task")
        message = client.receive()
        client.close()
        return message

    assert quest_test_body() == "Echo: from a task"


# ── bridge ──────────────────────────────────────────────────────────────────


async def double_later(x):
    await trio.sleep(0)
    return x * 2


def test_run_sync_from_a_plain_thread_uses_the_background_loop():
    assert run_sync(double_later, 21) == 42
    results = []
    threads = [
        threading.Thread(target=lambda: results.append(run_sync(double_later, 1))) for _ in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [2, 2, 2, 2]


async def test_run_sync_in_a_task_with_a_portal_suspends_only_that_task():
    await greenback.ensure_portal()
    other_ran = trio.Event()

    async def wait_for_other():
        await other_ran.wait()
        return "after other"

    async def other():
        other_ran.set()

    async with trio.open_nursery() as nursery:
        nursery.start_soon(other)
        # Would deadlock if run_sync blocked the loop instead of suspending.
        assert run_sync(wait_for_other) == "after other"


async def test_run_sync_in_a_task_without_a_portal_refuses_clearly():
    with pytest.raises(BridgeError, match="without a greenback portal"):
        run_sync(double_later, 1)
    with pytest.raises(BridgeError):
        sleep(0.01)


def test_sleep_without_a_loop_is_time_sleep():
    sleep(0.001)  # must simply return: no loop, nothing to stall


async def test_sleep_in_a_task_with_a_portal_lets_others_run():
    await greenback.ensure_portal()
    ran = []

    async def other():
        ran.append("other")

    async with trio.open_nursery() as nursery:
        nursery.start_soon(other)
        sleep(0.01)  # synchronous, yet the other task gets to run meanwhile
        ran.append("after sleep")
    assert ran == ["other", "after sleep"]


# ── process level ───────────────────────────────────────────────────────────


SERVER_SCRIPT = textwrap.dedent(
    """
    import sys
    from quest_rt.web import WebApp, run
    app = WebApp()
    app.settings.port = int(sys.argv[1])
    app.websocket("/ws", lambda conn: conn.on_open(lambda: conn.send_text_nowait("ready")))
    run(app, host="127.0.0.1", port=0 if sys.argv[1] == "0" else None)
    """
)


async def test_sigterm_closes_open_websockets_with_1001_and_exits_cleanly(tmp_path):
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    script = tmp_path / "server.py"
    script.write_text(SERVER_SCRIPT)
    proc = subprocess.Popen(
        [sys.executable, str(script), str(port)],
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        with trio.fail_after(20):
            while True:
                try:
                    async with open_websocket_url(f"ws://127.0.0.1:{port}/ws") as ws:
                        assert await ws.get_message() == "ready"
                        proc.send_signal(signal.SIGTERM)
                        with pytest.raises(ConnectionClosed) as closed:
                            await ws.get_message()
                        assert closed.value.reason.code == 1001
                        break
                except (OSError, HandshakeError):
                    await trio.sleep(0.05)  # the child is still starting
        with trio.fail_after(20):
            while proc.poll() is None:
                await trio.sleep(0.05)
        assert proc.returncode == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_engine_imports_nothing_from_the_compiler_runtime_or_std():
    code = (
        "import sys, quest_rt.web; "
        "bad = [m for m in sys.modules if m.startswith(('quest_rt.compiler', 'quest_rt.runtime', "
        "'quest_rt.std', 'quest_rt.syntax'))]; print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_bridge_imports_nothing_else_from_the_engine():
    code = (
        "import sys, quest_rt.web.bridge; "
        "print(sorted(m for m in sys.modules if m.startswith('quest_rt.web.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['quest_rt.web.bridge']"


def test_a_refused_upgrade_is_an_error_of_connect_and_the_client_loop_survives():
    # The refusal used to escape the client's session task and end the shared
    # background loop (TrioInternalError): every later client in the process failed.
    from quest_rt.web import Refuse, WebApp, start_in_thread
    from quest_rt.web.ws.testing import UpgradeRefused

    app = WebApp()
    app.websocket("/ws", lambda conn: None, authorize=lambda upgrade: Refuse(403, "Forbidden"))
    app.websocket("/ok", lambda conn: conn.send_text_nowait("hi"))
    server = start_in_thread(app)
    try:
        for _ in range(3):
            client = WebSocketTestClient(server.ws_url("/ws"))
            with pytest.raises(UpgradeRefused, match="refused the WebSocket upgrade with 403"):
                client.connect()
        client = WebSocketTestClient(server.ws_url("/ok"))
        client.connect()
        assert client.receive() == "hi"
        client.close()
    finally:
        server.stop()
