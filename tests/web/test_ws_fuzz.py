"""Fuzzing the WebSocket frame reader with Hypothesis (issue 9).

Two properties, on arbitrary byte streams (well-formed frames, frames with wrong
bits, invalid UTF-8, bad close payloads and plain garbage, cut at arbitrary points):

1. **The reader is wsproto.** The direct transport's reader — the fast path of
   :mod:`quest_rt.web.ws.fastpath` for simple frames, wsproto for the rest, the
   frame-boundary switching between them, the size accounting — delivers exactly
   the messages a plain wsproto server connection fed the same chunks delivers,
   and answers with the same close code; no exception escapes; a failure's close
   reason is one of the fixed texts, never Python's.
2. **A real server survives it.** Over loopback, the server answers each stream as
   the protocol says (a close frame with an allowed code, or nothing), logs no
   internal error, and serves a well-behaved client afterwards.

Example counts are small in CI (deterministic); ``QUEST_FUZZ_EXAMPLES=N`` raises
them, which ``scripts/fuzz.py`` does for nightly-style runs (random seeds).
"""

from __future__ import annotations

import logging
import os
import socket
import struct

import pytest
import trio
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wsproto.connection import Connection, ConnectionState, ConnectionType
from wsproto.events import CloseConnection, Message, TextMessage

from quest_rt.web import WebApp, WebSocketConnection, start_in_thread
from quest_rt.web.ws.direct import FAILURE_REASONS, DirectWebSocket
from quest_rt.web.ws.fastpath import unmask

#: Examples per property; QUEST_FUZZ_EXAMPLES scales both (scripts/fuzz.py).
SCALE = int(os.environ.get("QUEST_FUZZ_EXAMPLES", "0"))
NIGHTLY = SCALE > 0


def fuzz_settings(ci_examples: int, share: float = 1.0) -> settings:
    return settings(
        max_examples=max(1, int(SCALE * share)) if NIGHTLY else ci_examples,
        derandomize=not NIGHTLY,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# ── streams ────────────────────────────────────────────────────────────────

CLOSE_CODES = [1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1011, 1015, 1016, 2999, 3000, 4999]


def encode(first: int, payload: bytes, masked: bool, length_form: int) -> bytes:
    """A frame from its first byte; ``length_form`` 0 picks the shortest length
    encoding, 1 forces 16 bits, 2 forces 64 bits (non-minimal ones are protocol
    errors the reader must catch)."""
    n = len(payload)
    mask_bit = 0x80 if masked else 0
    if length_form == 0 and n < 126:
        header = bytes((first, mask_bit | n))
    elif length_form <= 1 and n < 65536:
        header = struct.pack("!BBH", first, mask_bit | 126, n)
    else:
        header = struct.pack("!BBQ", first, mask_bit | 127, n)
    if not masked:
        return header + payload
    mask = os.urandom(4) if NIGHTLY else b"\x5a\x17\xc3\x09"
    return header + mask + unmask(payload, mask)


text_payloads = st.one_of(
    st.text(max_size=200).map(lambda t: t.encode("utf-8")),
    st.sampled_from([b"\xff", b"ok \xed\xa0\x80", b"\xc3", b"\xf4\x90\x80\x80", b"\xe2\x82"]),
)

frame = st.one_of(
    # data frames and continuations, mostly well-formed
    st.builds(
        lambda opcode, fin, rsv, masked, form, payload: encode(
            (0x80 if fin else 0) | (rsv << 4) | opcode, payload, masked, form
        ),
        st.sampled_from([0x0, 0x1, 0x2]),
        st.booleans(),
        st.sampled_from([0, 0, 0, 0, 1, 4]),
        st.sampled_from([True, True, True, False]),
        st.sampled_from([0, 0, 0, 1, 2]),
        st.one_of(text_payloads, st.binary(max_size=300)),
    ),
    # control frames: ping, pong, close with codes and reasons, reserved opcodes
    st.builds(
        lambda opcode, fin, payload: encode((0x80 if fin else 0) | opcode, payload, True, 0),
        st.sampled_from([0x8, 0x9, 0xA, 0x3, 0xB]),
        st.sampled_from([True, True, True, False]),
        st.one_of(
            st.binary(max_size=130),
            st.builds(
                lambda code, reason: struct.pack("!H", code) + reason,
                st.sampled_from(CLOSE_CODES),
                text_payloads,
            ),
        ),
    ),
    st.binary(min_size=1, max_size=40),  # garbage
)


@st.composite
def chunked_streams(draw) -> list[bytes]:
    """A stream of frames cut into reads at arbitrary points."""
    data = b"".join(draw(st.lists(frame, min_size=1, max_size=12)))
    cuts = sorted(set(draw(st.lists(st.integers(1, max(1, len(data) - 1)), max_size=6))))
    bounds = [0, *[c for c in cuts if c < len(data)], len(data)]
    return [data[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]


# ── property 1: the reader against plain wsproto ───────────────────────────


def wsproto_alone(chunks: list[bytes], max_message: int) -> tuple[list[str | bytes], int | None]:
    """What a plain wsproto server delivers from ``chunks``, with the same size rule
    (a message over ``max_message`` bytes, text counted in UTF-8, closes with 1009):
    (whole messages, the close code it answers with or None while still open)."""
    ws = Connection(ConnectionType.SERVER)
    messages: list[str | bytes] = []
    parts: list = []
    size = 0
    for chunk in chunks:
        ws.receive_data(chunk)
        for event in ws.events():
            if isinstance(event, Message):
                data = event.data
                size += (
                    len(data.encode("utf-8", "surrogatepass"))
                    if isinstance(data, str)
                    else len(data)
                )
                if size > max_message:
                    return messages, 1009
                parts.append(data)
                if event.message_finished:
                    messages.append(
                        "".join(parts) if isinstance(event, TextMessage) else b"".join(parts)
                    )
                    parts, size = [], 0
            elif isinstance(event, CloseConnection):
                return messages, event.code
    return messages, None


def direct_reader(chunks: list[bytes], max_message: int):
    """Feed ``chunks`` to a real :class:`DirectWebSocket` reader (its socket is one
    end of a socketpair) and parse what it wrote back with a wsproto client:
    (delivered messages, the close frame it sent or None)."""
    delivered: list[str | bytes] = []

    async def main():
        ours, theirs = socket.socketpair()
        app = WebApp()
        app.settings.ws_max_message_size = max_message
        conn = WebSocketConnection(
            path="/ws", headers={}, remote_ip="", registry=app.registry, format_error=str
        )
        stream = trio.SocketStream(trio.socket.from_stdlib_socket(ours))
        transport = DirectWebSocket(stream, conn, app.settings, [], b"")
        conn.on_message(delivered.append)
        for chunk in chunks:
            if transport.feed(chunk):
                break
        ours.close()
        written = b""
        theirs.setblocking(False)
        while True:
            try:
                data = theirs.recv(65536)
            except BlockingIOError:
                break
            if not data:
                break
            written += data
        theirs.close()
        return written

    written = trio.run(main)
    client = Connection(ConnectionType.CLIENT)
    client.receive_data(written)
    closes = [e for e in client.events() if isinstance(e, CloseConnection)]
    return delivered, closes[0] if closes else None


@fuzz_settings(ci_examples=300)
@given(chunked_streams(), st.sampled_from([20, 100, 1000, 1 << 20]))
def test_the_reader_delivers_what_wsproto_delivers(chunks, max_message):
    expected_messages, expected_code = wsproto_alone(chunks, max_message)
    messages, close = direct_reader(chunks, max_message)
    assert messages == expected_messages
    if expected_code is None:
        assert close is None
        return
    assert close is not None and close.code == expected_code
    if expected_code in FAILURE_REASONS:  # a failure of ours, not the peer's close
        peer_close = any(e.code == expected_code for e in _peer_closes(chunks))
        if not peer_close:
            assert close.reason == FAILURE_REASONS[expected_code]


def _peer_closes(chunks: list[bytes]) -> list[CloseConnection]:
    """Close frames the peer itself sent (as opposed to failures wsproto reports)."""
    ws = Connection(ConnectionType.SERVER)
    found = []
    for chunk in chunks:
        ws.receive_data(chunk)
        for event in ws.events():
            if isinstance(event, CloseConnection):
                if ws.state is ConnectionState.REMOTE_CLOSING:
                    found.append(event)
                return found
    return found


# ── property 2: a real server keeps serving ────────────────────────────────

#: Close codes a server may answer a hostile stream with: a failure (1002, 1007,
#: 1009), a timeout (1001, 1008), or the echo of the client's own close frame.
FAILURES = {1001, 1002, 1007, 1008, 1009}


class Errors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(scope="module")
def fuzz_server():
    app = WebApp()
    app.settings.access_log = False
    app.settings.ws_max_message_size = 1000

    def echo(conn):
        conn.on_message(
            lambda data: (
                conn.send_text_nowait(data)
                if isinstance(data, str)
                else conn.send_bytes_nowait(data)
            )
        )

    app.websocket("/ws", echo)
    errors = Errors()
    logging.getLogger("quest_rt.web").addHandler(errors)
    server = start_in_thread(app)
    try:
        yield server, errors
    finally:
        server.stop()
        logging.getLogger("quest_rt.web").removeHandler(errors)


def open_raw(port: int) -> tuple[socket.socket, bytes]:
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.sendall(
        b"GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
    )
    head = b""
    while b"\r\n\r\n" not in head:
        data = sock.recv(65536)
        assert data, head
        head += data
    assert head.startswith(b"HTTP/1.1 101 "), head
    return sock, head.partition(b"\r\n\r\n")[2]


def well_behaved_client_is_served(port: int) -> bool:
    sock, rest = open_raw(port)
    with sock:
        sock.sendall(encode(0x81, b"still there?", True, 0))
        parser = Connection(ConnectionType.CLIENT)
        parser.receive_data(rest)
        while True:
            for event in parser.events():
                return isinstance(event, TextMessage) and event.data == "still there?"
            data = sock.recv(65536)
            if not data:
                return False
            parser.receive_data(data)


@fuzz_settings(ci_examples=40, share=0.1)
@given(chunked_streams())
def test_a_server_answers_any_stream_and_keeps_serving(fuzz_server, chunks):
    server, errors = fuzz_server
    sock, rest = open_raw(server.port)
    peer_codes = {e.code for e in _peer_closes(chunks)}
    with sock:
        for chunk in chunks:
            try:
                sock.sendall(chunk)
            except (BrokenPipeError, ConnectionResetError):
                break  # the server already failed the connection
        try:
            sock.shutdown(socket.SHUT_WR)  # then the server's read ends: no waiting
        except OSError:
            pass
        received = rest
        try:
            while data := sock.recv(65536):
                received += data
        except ConnectionResetError:
            pass
    parser = Connection(ConnectionType.CLIENT)
    parser.receive_data(received)
    closes = [e for e in parser.events() if isinstance(e, CloseConnection)]
    if closes:
        code = closes[0].code
        assert code in FAILURES | peer_codes or code == 1005, code
        if code in FAILURE_REASONS and code not in peer_codes:
            assert closes[0].reason == FAILURE_REASONS[code]
    assert not errors.records, [r.getMessage() for r in errors.records]
    assert server.is_alive()
    assert well_behaved_client_is_served(server.port)
