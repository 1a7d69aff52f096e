"""A request whose body did not arrive whole never reaches the app (issue 13).

Each case sends a request head by hand on a raw socket, then leaves before the body is
complete (EOF, an unfinished chunked body, a TCP reset). The app records every call it
gets; the test waits for the access-log line of the request (an event, not a sleep) and
then checks that the handler was never called and the line says "aborted". A control
case sends the whole body. A Content-Length over the body limit is answered 413 from
the head alone.
"""

from __future__ import annotations

import logging
import socket
import struct

import pytest
import trio
import trio.testing

from quest_rt.web import WebApp


class AccessLines(logging.Handler):
    """Collects access-log lines and wakes a waiter when one arrives.

    The server runs in the test's own Trio loop, so ``emit`` runs on the loop thread
    and may set a ``trio.Event`` directly.
    """

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []
        self._arrived = trio.Event()

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())
        self._arrived.set()

    async def next_line(self, timeout: float = 10) -> str:
        with trio.fail_after(timeout):
            while not self.lines:
                await self._arrived.wait()
                self._arrived = trio.Event()
        return self.lines.pop(0)


@pytest.fixture
def access_lines():
    handler = AccessLines()
    logger = logging.getLogger("quest_rt.web.access")
    old_level = logger.level
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(old_level)


@pytest.fixture
def recording_app(transport) -> tuple[WebApp, list[dict]]:
    """An app whose handler records every request; on both transports, since plain
    HTTP reaches hypercorn by either path (direct listener hand-off, or hypercorn's
    own listener)."""
    calls: list[dict] = []
    app = WebApp()
    app.settings.transport = transport

    def handle(request):
        calls.append(request)
        return {"status": 200, "body": "saved " + str(len(request["body"]))}

    app.handle_request = handle
    return app, calls


def _head(content_length: int | None = None, *, chunked: bool = False) -> bytes:
    lines = [b"POST /save HTTP/1.1", b"Host: localhost", b"Content-Type: text/plain"]
    if content_length is not None:
        lines.append(b"Content-Length: %d" % content_length)
    if chunked:
        lines.append(b"Transfer-Encoding: chunked")
    return b"\r\n".join(lines) + b"\r\n\r\n"


async def _send_then_leave(port: int, data: bytes) -> None:
    stream = await trio.open_tcp_stream("127.0.0.1", port)
    await stream.send_all(data)
    await stream.aclose()


async def test_short_body_then_eof_never_reaches_the_handler(
    recording_app, start_server, access_lines
):
    app, calls = recording_app
    port = await start_server(app)
    await _send_then_leave(port, _head(1000) + b"0123456789")
    line = await access_lines.next_line()
    assert '"POST /save" aborted' in line
    assert "10 of 1000 bytes" in line
    assert " 200 " not in line
    assert calls == []


async def test_chunked_body_without_its_last_chunk_never_reaches_the_handler(
    recording_app, start_server, access_lines
):
    app, calls = recording_app
    port = await start_server(app)
    await _send_then_leave(port, _head(chunked=True) + b"5\r\nhello\r\n5\r\nworld\r\n")
    line = await access_lines.next_line()
    assert '"POST /save" aborted' in line
    assert calls == []


async def test_reset_during_the_body_never_reaches_the_handler(
    recording_app, start_server, access_lines
):
    app, calls = recording_app
    port = await start_server(app)
    stream = await trio.open_tcp_stream("127.0.0.1", port)
    # A reset can make the kernel drop bytes the server has not read yet, head
    # included; "Expect: 100-continue" tells us when the server holds the head.
    head = _head(1000).replace(b"\r\n\r\n", b"\r\nExpect: 100-continue\r\n\r\n")
    await stream.send_all(head)
    answer = b""
    with trio.fail_after(10):
        while b"\r\n\r\n" not in answer:
            answer += await stream.receive_some()
    assert answer.startswith(b"HTTP/1.1 100"), answer
    await stream.send_all(b"x" * 500)
    # SO_LINGER with a zero timeout: close() sends RST instead of FIN.
    stream.socket.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    await stream.aclose()
    line = await access_lines.next_line()
    assert '"POST /save" aborted' in line
    assert calls == []


async def test_whole_body_reaches_the_handler(recording_app, start_server, access_lines):
    app, calls = recording_app
    port = await start_server(app)
    body = b"x" * 1000
    stream = await trio.open_tcp_stream("127.0.0.1", port)
    async with stream:
        await stream.send_all(_head(1000) + body[:10])
        await trio.testing.wait_all_tasks_blocked()
        await stream.send_all(body[10:])
        answer = b""
        with trio.fail_after(10):
            while b"saved 1000" not in answer:
                data = await stream.receive_some()
                assert data, f"connection closed early: {answer!r}"
                answer += data
    assert answer.startswith(b"HTTP/1.1 200")
    line = await access_lines.next_line()
    assert '"POST /save" 200' in line
    assert len(calls) == 1 and calls[0]["body"] == "x" * 1000


async def test_whole_chunked_body_reaches_the_handler(recording_app, start_server, access_lines):
    app, calls = recording_app
    port = await start_server(app)
    stream = await trio.open_tcp_stream("127.0.0.1", port)
    async with stream:
        await stream.send_all(_head(chunked=True) + b"5\r\nhello\r\n5\r\nworld\r\n0\r\n\r\n")
        answer = b""
        with trio.fail_after(10):
            while b"saved 10" not in answer:
                data = await stream.receive_some()
                assert data, f"connection closed early: {answer!r}"
                answer += data
    assert (await access_lines.next_line()).count('"POST /save" 200') == 1
    assert calls[0]["body"] == "helloworld"


async def test_content_length_over_the_limit_is_refused_from_the_head(
    recording_app, start_server, access_lines
):
    app, calls = recording_app
    port = await start_server(app)
    stream = await trio.open_tcp_stream("127.0.0.1", port)
    async with stream:
        # 10 GB announced, 1 KB sent: the answer must not wait for the rest, and the
        # server closes the connection instead of reading 10 GB to keep it alive.
        await stream.send_all(_head(10 * 1000**3) + b"y" * 1024)
        answer = b""
        with trio.fail_after(10):
            while data := await stream.receive_some():
                answer += data
    assert answer.startswith(b"HTTP/1.1 413"), answer
    assert '"POST /save" 413' in await access_lines.next_line()
    assert calls == []


async def test_body_over_the_limit_without_content_length_is_413(
    recording_app, start_server, access_lines
):
    app, calls = recording_app
    app.set_max_body_size(16)
    port = await start_server(app)
    stream = await trio.open_tcp_stream("127.0.0.1", port)
    async with stream:
        await stream.send_all(_head(chunked=True) + b"20\r\n" + b"z" * 32 + b"\r\n")
        answer = b""
        with trio.fail_after(10):
            while b"\r\n\r\n" not in answer:
                data = await stream.receive_some()
                if not data:
                    break
                answer += data
    assert answer.startswith(b"HTTP/1.1 413"), answer
    assert '"POST /save" 413' in await access_lines.next_line()
    assert calls == []


async def test_client_closing_right_after_the_answer_logs_no_server_error(
    recording_app, start_server, access_lines, caplog
):
    # hypercorn's reader could run send_eof while the request task was still writing
    # the end of the body: "Error in ASGI Framework" (BusyResourceError) in the log.
    app, calls = recording_app
    port = await start_server(app)
    with caplog.at_level(logging.ERROR):
        for announced in [10 * 1000**3, 5] * 10:
            stream = await trio.open_tcp_stream("127.0.0.1", port)
            await stream.send_all(_head(announced) + b"y" * min(announced, 1024))
            answer = b""
            with trio.fail_after(10):
                while b"Payload too large" not in answer and b"saved 5" not in answer:
                    data = await stream.receive_some()
                    assert data, answer
                    answer += data
            await stream.aclose()
            await access_lines.next_line()
        # The server has answered every request; let its tasks see the closes.
        await trio.testing.wait_all_tasks_blocked()
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert len(calls) == 10
