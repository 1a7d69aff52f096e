"""Serving from the command line (issue 3, item 1): ``quest serve`` and ``web.run``."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest
import trio
import trio_websocket

from .clients import http_request

ROOT = Path(__file__).resolve().parents[2]


def start(args: list[str], cwd: Path) -> tuple[subprocess.Popen, int, list[str]]:
    proc = subprocess.Popen([sys.executable, "-m", "quest_rt", *args], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: list[str] = []
    assert proc.stdout is not None
    for line in proc.stdout:
        lines.append(line)
        m = re.search(r"Serving on http://[\d.]+:(\d+)", line)
        if m:
            return proc, int(m.group(1)), lines
    raise AssertionError("server did not start:\n" + "".join(lines))


def stop(proc: subprocess.Popen, lines: list[str], *, send: bool = True) -> str:
    """SIGTERM (unless the test sent it already: a second one can land while the
    interpreter is exiting, when Python's default handler is back) and wait."""
    if send:
        proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=30)
    return "".join(lines) + out


APP = """
use "std/web" as web
web.websocket("/ws", fun (socket)
  socket.on_message(fun (data) socket.send("Echo: " .. data) end)
end)
fun handle_request(request)
  {"status": 200, "body": "hello " .. request["path"]}
end
"""


async def test_web_run_serves_after_the_top_level(tmp_path: Path):
    (tmp_path / "app.q").write_text(APP + 'web.run(port: 0)\nputs("top level done")\n')
    proc, port, lines = await trio.to_thread.run_sync(start, ["app.q"], tmp_path)
    try:
        r = await http_request(port, "GET", "/x")
        assert (r.status, r.text) == (200, "hello /x")
        async with trio_websocket.open_websocket_url(f"ws://127.0.0.1:{port}/ws") as ws:
            await ws.send_message("hi")
            assert await ws.get_message() == "Echo: hi"
    finally:
        log = await trio.to_thread.run_sync(stop, proc, lines)
    assert proc.returncode == 0
    # code after web.run() runs before serving (spec 12.1)
    assert log.index("top level done") < log.index("Serving on")
    assert '"GET /x" 200' in log


async def test_shutdown_closes_websockets_with_1001(tmp_path: Path):
    (tmp_path / "app.q").write_text(APP)
    proc, port, lines = await trio.to_thread.run_sync(
        start, ["serve", "app.q", "--port", "0"], tmp_path)
    async with trio_websocket.open_websocket_url(f"ws://127.0.0.1:{port}/ws") as ws:
        await ws.send_message("hi")
        assert await ws.get_message() == "Echo: hi"
        proc.send_signal(signal.SIGTERM)
        try:
            await ws.get_message()
        except trio_websocket.ConnectionClosed as exc:
            assert exc.reason.code == 1001
        else:
            raise AssertionError("expected the server to close the WebSocket")
    await trio.to_thread.run_sync(partial(stop, proc, lines, send=False))
    assert proc.returncode == 0


async def test_quest_exception_gives_500_with_quest_traceback_in_log(tmp_path: Path):
    (tmp_path / "app.q").write_text(
        'fun handle_request(request)\n'
        '  if request["path"] == "/boom"\n'
        '    let parts = request["path"].split("/")\n'
        '    raise ValueErr.new("no such thing: " .. parts[1])\n'
        '  end\n'
        '  {"status": 200, "body": "fine"}\n'
        'end\n')
    proc, port, lines = await trio.to_thread.run_sync(
        start, ["serve", "app.q", "--port", "0"], tmp_path)
    try:
        r = await http_request(port, "GET", "/boom")
        assert r.status == 500
        r = await http_request(port, "GET", "/")
        assert (r.status, r.text) == (200, "fine")
    finally:
        log = await trio.to_thread.run_sync(stop, proc, lines)
    assert "app.q:4 in handle_request" in log
    assert "ValueErr: no such thing: boom" in log
    assert 'File "/' not in log  # no Python frames without QUEST_DEBUG


async def test_static_files_are_served_safely(tmp_path: Path):
    (tmp_path / "public").mkdir()
    (tmp_path / "public" / "site.css").write_text("body { color: red }")
    (tmp_path / "secret.txt").write_text("secret")
    (tmp_path / "app.q").write_text('use "std/web" as web\nweb.static("/static", "public")\n')
    proc, port, lines = await trio.to_thread.run_sync(
        start, ["serve", "app.q", "--port", "0"], tmp_path)
    try:
        r = await http_request(port, "GET", "/static/site.css")
        assert r.status == 200 and r.text == "body { color: red }"
        assert r.header("content-type").startswith("text/css")
        for probe in ("/static/../secret.txt", "/static/%2e%2e/secret.txt",
                      "/static/missing.css"):
            r = await http_request(port, "GET", probe)
            assert r.status == 404, probe
            assert b"secret" not in r.body
    finally:
        await trio.to_thread.run_sync(stop, proc, lines)


PLAIN_APP = 'fun handle_request(request)\n  {"status": 200, "body": "fine"}\nend\n'


def _serve_fails(tmp_path: Path, args: list[str], env: dict | None = None) -> tuple[int, str]:
    (tmp_path / "app.q").write_text(PLAIN_APP)

    run = subprocess.run(
        [sys.executable, "-m", "quest_rt", "serve", "app.q", *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )
    return run.returncode, run.stderr


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["--port", "abc"], None, "--port must be a port number from 0 to 65535, got 'abc'"),
        (["--port", "99999"], None, "--port must be a port number from 0 to 65535"),
        (["--port=-1"], None, "--port must be a port number from 0 to 65535, got '-1'"),
        (["--port"], None, "--port needs a value"),
        (["--bogus"], None, "unknown option --bogus"),
        (["--host", "no-such-host.invalid", "--port", "0"], None, "cannot listen on no-such-host"),
        ([], {"QUEST_PORT": "eighty"}, "QUEST_PORT must be a port number"),
    ],
)
def test_bad_serving_settings_get_one_line_and_status_2(tmp_path, args, env, message):
    status, stderr = _serve_fails(tmp_path, args, env)
    assert status == 2
    assert stderr.count("\n") == 1 and stderr.startswith("quest serve: ")
    assert message in stderr


def test_a_port_in_use_gets_one_line_and_status_2(tmp_path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        status, stderr = _serve_fails(tmp_path, ["--port", str(port)])
    assert status == 2
    assert stderr == f"quest serve: cannot listen on 127.0.0.1:{port}: Address already in use\n"


def test_a_directory_serves_its_app_q_when_it_has_no_index_q(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "app.q").write_text(PLAIN_APP)
    proc, port, lines = start(["serve", "site", "--port", "0"], tmp_path)
    try:
        import urllib.request

        with urllib.request.urlopen(f"http://127.0.0.1:{port}/") as response:
            assert response.read() == b"fine"
    finally:
        stop(proc, lines)
