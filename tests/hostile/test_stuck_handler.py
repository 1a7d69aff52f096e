"""A stuck Quest handler cannot take the server down (issue 9).

Each test runs a real ``quest serve`` subprocess whose handler loops for ever
(``while true``). The loop watchdog names the handler's line after 500 ms, interrupts
it with RuntimeErr past the limit (500 for a request, 1011 for a WebSocket) and the
server goes on; SIGTERM and SIGINT stop the server whatever the handler is doing.
"""

from __future__ import annotations

import base64
import os
import re
import signal
import socket
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from .httpclient import read_response

APP = """use "std/web" as web
{config}
web.websocket("/ws", fun (socket)
  socket.on_message(fun (data)
    if data == "spin"
      while true
        data = data .. ""
      end
    end
    socket.send("echo " .. data)
  end)
end)

fun handle_request(request)
  if request["path"] == "/spin"
    let n = 0
    while true
      n = n + 1
    end
  end
  {{"status": 200, "body": "ok"}}
end
"""

#: The lines of the request handler's loop (``while true`` and its body) and of the
#: WebSocket handler's loop in APP: the warning names the one running when it looked.
HTTP_SPIN_LINES = {"app.q:17", "app.q:18"}
WS_SPIN_LINES = {"app.q:6", "app.q:7"}


class Server:
    """``quest serve app.q`` on a free port; its output is read line by line."""

    def __init__(self, directory: Path, config: str = "") -> None:
        (directory / "app.q").write_text(APP.format(config=config))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "quest_rt", "serve", "app.q", "--port", "0"],
            cwd=directory,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: list[str] = []
        self.port = int(self.wait_for(r"Serving on http://[\d.]+:(\d+)").group(1))

    def wait_for(self, pattern: str, limit: int = 200) -> re.Match[str]:
        """The first output line (of at most ``limit`` more) matching ``pattern``."""
        assert self.proc.stdout is not None
        for _ in range(limit):
            line = self.proc.stdout.readline()
            if not line:
                break
            self.lines.append(line)
            found = re.search(pattern, line)
            if found:
                return found
        raise AssertionError(f"no line matching {pattern!r} in:\n" + "".join(self.lines))

    def connect(self) -> socket.socket:
        sock = socket.create_connection(("127.0.0.1", self.port), timeout=15)
        sock.settimeout(15)
        return sock

    def get(self, path: str) -> tuple[int, bytes]:
        with self.connect() as sock:
            sock.sendall(b"GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" % path.encode())
            return read_response(sock)

    def stop(self, signum: int = signal.SIGTERM, grace: float = 10) -> str:
        if self.proc.poll() is None:
            self.proc.send_signal(signum)
        out, _ = self.proc.communicate(timeout=grace + 5)
        return "".join(self.lines) + out

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.communicate()


@pytest.fixture
def serve(tmp_path: Path):
    servers: list[Server] = []

    def start(config: str = "") -> Server:
        servers.append(Server(tmp_path, config))
        return servers[-1]

    yield start
    for server in servers:
        server.kill()


def start_spin(server: Server) -> socket.socket:
    sock = server.connect()
    sock.sendall(b"GET /spin HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    return sock


def test_a_looping_request_handler_is_named_interrupted_and_the_server_goes_on(serve):
    server = serve("web.set_handler_time_limit(1)")
    spin = start_spin(server)
    warning = server.wait_for(r"WARNING a handler has blocked the server .* at (\S+)")
    assert warning.group(1) in HTTP_SPIN_LINES
    with spin:
        assert read_response(spin) == (500, b"Internal Server Error")
    server.wait_for(r"RuntimeErr: handler exceeded 1 s")
    assert server.get("/") == (200, b"ok")  # the server goes on
    log = server.stop()
    assert server.proc.returncode == 0
    assert log.count("WARNING a handler has blocked") == 1  # one line per stall
    assert "Traceback (most recent call last):\n  File" not in log  # Quest frames only


def ws_connect(server: Server) -> socket.socket:
    sock = server.connect()
    key = base64.b64encode(os.urandom(16))
    sock.sendall(
        b"GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        b"Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n" % key
    )
    head = b""
    while b"\r\n\r\n" not in head:
        head += sock.recv(1)
    assert head.startswith(b"HTTP/1.1 101 ")
    return sock


def ws_send(sock: socket.socket, text: str) -> None:
    payload = text.encode()
    mask = os.urandom(4)
    masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    sock.sendall(bytes([0x81, 0x80 | len(payload)]) + mask + masked)


def ws_receive(sock: socket.socket) -> tuple[int, bytes]:
    """(opcode, payload) of the next unfragmented, unmasked server frame."""

    def exactly(n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = sock.recv(n - len(data))
            assert chunk, "connection closed mid-frame"
            data += chunk
        return data

    first, second = exactly(2)
    length = second & 0x7F
    if length == 126:
        (length,) = struct.unpack("!H", exactly(2))
    elif length == 127:
        (length,) = struct.unpack("!Q", exactly(8))
    return first & 0x0F, exactly(length)


def test_a_looping_websocket_handler_gets_1011_and_others_are_served(serve):
    server = serve("web.set_handler_time_limit(1)")
    with ws_connect(server) as stuck, ws_connect(server) as other:
        ws_send(stuck, "spin")
        warning = server.wait_for(r"WARNING a handler has blocked the server .* at (\S+)")
        assert warning.group(1) in WS_SPIN_LINES
        opcode, payload = ws_receive(stuck)
        assert opcode == 0x8 and struct.unpack("!H", payload[:2])[0] == 1011
        ws_send(other, "hi")
        assert ws_receive(other) == (0x1, b"echo hi")
    assert server.get("/") == (200, b"ok")
    server.stop()
    assert server.proc.returncode == 0


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_stops_the_server_whatever_a_handler_is_doing(serve, signum):
    # Never interrupted for its time: only the shutdown can stop this handler.
    server = serve("web.set_handler_time_limit(0)\nweb.set_shutdown_timeout(3)")
    spin = start_spin(server)
    server.wait_for(r"WARNING a handler has blocked the server")
    log = server.stop(signum, grace=3)  # communicate() fails past grace + 5 s
    assert server.proc.returncode == 0
    assert "the server is shutting down" in log
    with spin:
        assert read_response(spin)[0] == 500


def test_quest_toml_sets_the_limit(serve, tmp_path: Path):
    (tmp_path / "quest.toml").write_text("[std.web]\nhandler_time_limit = 1\n")
    server = serve()
    with start_spin(server) as spin:
        assert read_response(spin) == (500, b"Internal Server Error")
    server.wait_for(r"RuntimeErr: handler exceeded 1 s")
    server.stop()


def test_quest_toml_rejects_an_unknown_limit(tmp_path: Path):
    (tmp_path / "quest.toml").write_text("[std.web]\nmax_conections = 10\n")
    (tmp_path / "app.q").write_text('use "std/web" as web\n')
    done = subprocess.run(
        [sys.executable, "-m", "quest_rt", "serve", "app.q", "--port", "0"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 2
    assert done.stderr == (
        "quest serve: ValueErr: quest.toml [std.web]: unknown setting max_conections\n"
    )
