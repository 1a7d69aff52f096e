"""Connection limits (issue 9): a client that opens connections until a limit gets 503,
nobody gets a traceback in the log, and accepting resumes when connections close.

In-process servers (``start_in_thread``) for the counted limits; a ``quest serve``
subprocess under a low ``RLIMIT_NOFILE`` for the descriptor limit itself.
"""

from __future__ import annotations

import logging
import re
import resource
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from quest_rt.web import WebApp
from quest_rt.web.admission import default_max_connections, raise_fd_limit

from .httpclient import exchange, fd_count, read_response, running, served

HEAD = b"GET /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"


def make_app(**limits: int) -> WebApp:
    app = WebApp()
    app.handle_request = lambda request: {"status": 200, "body": "ok"}
    for name, value in limits.items():
        setattr(app.settings, name, value)
    return app


class Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def records() -> Iterator[Records]:
    handler = Records()
    logger = logging.getLogger("quest_rt.web")
    logger.addHandler(handler)
    old = logger.level
    logger.setLevel(logging.INFO)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old)


def idle(port: int, source: str = "127.0.0.1") -> socket.socket:
    """A connected client that sends nothing (the server holds it until its head timeout)."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=10, source_address=(source, 0))
    sock.settimeout(10)
    return sock


def test_over_max_connections_new_clients_get_503_until_one_closes(records: Records) -> None:
    before = fd_count()
    app = make_app(max_connections=5)
    with running(app) as server, ExitStack() as held:
        clients = [held.enter_context(idle(server.port)) for _ in range(5)]
        # The server counts a connection once it accepted it; a request on a sixth
        # connection is answered only after the five are counted (accept is in order).
        refused = [exchange(server, HEAD) for _ in range(20)]
        assert all(r == (503, b"Service Unavailable", True) for r in refused)
        clients[0].close()
        # Accepting resumes when a connection closes: the next client is served.
        for _ in range(50):
            status, body, _ = exchange(server, HEAD)
            if status == 200:
                break
        assert (status, body) == (200, b"ok")
    refusals = [r for r in records.records if "refusing new connections" in r.getMessage()]
    assert 1 <= len(refusals) <= 2  # one line per second at most, for 20+ refusals
    assert all(r.exc_info is None for r in records.records)  # never a traceback
    assert fd_count() <= before  # every socket, held or refused, was closed


def test_an_upgrade_over_the_limit_is_refused_with_503() -> None:
    app = make_app(max_connections=1)
    app.websocket("/ws", lambda conn: None)
    with running(app) as server, idle(server.port):
        status, body, closed = exchange(
            server,
            b"GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
        )
        assert (status, body, closed) == (503, b"Service Unavailable", True)


def test_the_per_ip_limit_leaves_other_addresses_served() -> None:
    app = make_app(max_connections_per_ip=3)
    with running(app) as server, ExitStack() as held:
        for _ in range(3):
            held.enter_context(idle(server.port, "127.0.0.1"))
        assert exchange(server, HEAD)[:2] == (503, b"Service Unavailable")
        # Another address on the loopback network is not this client's.
        with socket.create_connection(
            (server.host, server.port), timeout=10, source_address=("127.0.0.2", 0)
        ) as other:
            other.sendall(HEAD)
            assert read_response(other) == (200, b"ok")
    with running(make_app()) as server:
        assert served(server)


def test_the_default_maximum_leaves_room_for_files() -> None:
    assert default_max_connections(1024) == 768
    assert default_max_connections(65536) == 64512
    soft = raise_fd_limit()
    assert soft == resource.getrlimit(resource.RLIMIT_NOFILE)[1] or soft > 0


APP = """use "std/web" as web
{config}
fun handle_request(request)
  {{"status": 200, "body": "ok"}}
end
"""


def quest_serve_with_nofile(
    directory: Path, nofile: int, config: str
) -> tuple[subprocess.Popen, int]:
    (directory / "app.q").write_text(APP.format(config=config))

    def limit_fds() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, nofile))

    proc = subprocess.Popen(
        [sys.executable, "-m", "quest_rt", "serve", "app.q", "--port", "0"],
        cwd=directory,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=limit_fds,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        found = re.search(r"Serving on http://[\d.]+:(\d+)", line)
        if found:
            return proc, int(found.group(1))
    raise AssertionError("the server did not start")


@pytest.mark.parametrize(
    "config",
    ["", "web.set_max_connections(1000)"],
    ids=["default-maximum", "maximum-above-the-fd-limit"],
)
def test_at_the_fd_limit_no_traceback_and_accepting_resumes(tmp_path: Path, config: str) -> None:
    # With the default maximum the server answers 503 before it runs out of
    # descriptors; with a maximum above the fd limit accept() itself fails (EMFILE)
    # and the server waits for a close. Either way: no traceback, then service.
    proc, port = quest_serve_with_nofile(tmp_path, 128, config)
    assert proc.stdout is not None
    try:
        with ExitStack() as held:
            for _ in range(150):
                held.enter_context(idle(port))
            # The server says so once it is at its limit (a line, not a traceback).
            for _ in range(100):
                line = proc.stdout.readline()
                assert "Traceback" not in line
                if "refusing new connections" in line:
                    break
            else:
                raise AssertionError("no refusal was logged")
            if not config:
                assert exchange_port(port) == 503
        # All closed: the next client is served (bounded retries while the server
        # notices the closes).
        for _ in range(100):
            status = exchange_port(port)
            if status == 200:
                break
        assert status == 200
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=30)
    assert "Traceback" not in out


def exchange_port(port: int) -> int:
    """The status of one request on a fresh connection, 0 if none came."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            sock.settimeout(5)
            sock.sendall(HEAD)
            return read_response(sock)[0]
    except (ConnectionResetError, TimeoutError):
        return 0
