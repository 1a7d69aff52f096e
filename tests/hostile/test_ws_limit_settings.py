"""The WebSocket limits of issue 9 are settable from Quest (``web.set_websocket_*``)
and from quest.toml's ``[std.web]`` table, with Quest-worded errors for bad values;
``quest serve`` applies quest.toml to the server it runs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from quest_rt.runtime.errors import Err
from quest_rt.std import web as std_web
from quest_rt.web import WebSettings

from .test_limit_settings import fresh_state, run_quest  # noqa: F401  (fixture, helper)
from .wsclient import RawClient, frame


def test_each_websocket_limit_is_set_from_quest() -> None:
    settings = run_quest(
        "web.set_websocket_compression(true)\n"
        "web.set_websocket_queue_bytes(1024 * 1024)\n"
        "web.set_websocket_queue_messages(64)\n"
        "web.set_websocket_message_timeout(0)\n"
        "web.set_websocket_ping_interval(20)\n"
        "web.set_websocket_ping_timeout(2.5)\n"
    )
    assert settings.ws_compression is True
    assert (settings.ws_queue_bytes, settings.ws_queue_depth) == (1 << 20, 64)
    assert settings.ws_message_timeout == 0.0
    assert (settings.ws_ping_interval, settings.ws_ping_timeout) == (20.0, 2.5)


def test_the_defaults_are_the_documented_ones() -> None:
    settings = WebSettings()
    assert settings.ws_compression is False
    assert (settings.ws_queue_bytes, settings.ws_queue_depth) == (4 << 20, 1024)
    assert settings.ws_message_timeout == 30.0
    assert (settings.ws_ping_interval, settings.ws_ping_timeout) == (45.0, 15.0)
    doc = (Path(__file__).parents[2] / "docs" / "websockets.md").read_text()
    for call, default in [
        ("web.set_websocket_compression", "off"),
        ("web.set_websocket_queue_bytes", "4 MiB"),
        ("web.set_websocket_queue_messages", "1,024"),
        ("web.set_websocket_message_timeout", "30 s"),
        ("web.set_websocket_ping_interval", "45 s"),
        ("web.set_websocket_ping_timeout", "15 s"),
    ]:
        assert re.search(rf"`{re.escape(call)}\(.*?\)`.*\| {re.escape(default)} \|", doc), call


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            "web.set_websocket_queue_bytes(0)",
            "ValueErr: web.set_websocket_queue_bytes: size in bytes must be positive, got 0",
        ),
        (
            "web.set_websocket_queue_messages(0)",
            "ValueErr: web.set_websocket_queue_messages: count of messages must be positive, got 0",
        ),
        (
            "web.set_websocket_ping_interval(-1)",
            "ValueErr: web.set_websocket_ping_interval expects a number of seconds >= 0, got -1",
        ),
        (
            "web.set_websocket_ping_timeout(0)",
            "ValueErr: web.set_websocket_ping_timeout: seconds must be positive, got 0",
        ),
        (
            "web.set_websocket_compression(1)",
            "TypeErr: web.set_websocket_compression expects a Bool enabled, got Int",
        ),
    ],
)
def test_bad_values_get_quest_errors(call: str, message: str) -> None:
    with pytest.raises(Err) as caught:
        run_quest(call)
    assert caught.value.str() == message


def test_quest_toml_fills_in_what_the_program_left() -> None:
    run_quest("web.set_websocket_ping_interval(5)\n")
    std_web.apply_config(
        {
            "websocket_ping_interval": 60,
            "websocket_compression": True,
            "websocket_queue_bytes": 65536,
            "websocket_message_timeout": 3,
        }
    )
    settings = std_web.state().app.settings
    assert settings.ws_ping_interval == 5.0  # the program's value wins
    assert settings.ws_compression is True
    assert (settings.ws_queue_bytes, settings.ws_message_timeout) == (65536, 3.0)


def test_quest_toml_values_are_checked_like_quest_ones() -> None:
    run_quest("")
    with pytest.raises(Err) as caught:
        std_web.apply_config({"websocket_compression": "yes"})
    assert caught.value.str() == (
        "TypeErr: web.set_websocket_compression expects a Bool enabled, got Str"
    )


APP = """use "std/web" as web
web.websocket("/ws", fun (socket)
  socket.on_message(fun (data) socket.send(data) end)
end)
"""


def test_quest_serve_applies_quest_toml_to_websockets(tmp_path: Path) -> None:
    # A message timeout from quest.toml closes a half-sent message with 1008.
    (tmp_path / "app.q").write_text(APP)
    (tmp_path / "quest.toml").write_text("[std.web]\nwebsocket_message_timeout = 0.3\n")
    proc = subprocess.Popen(
        [sys.executable, "-m", "quest_rt", "serve", "app.q", "--port", "0"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert proc.stdout is not None
        port = None
        for _ in range(200):
            found = re.search(r"Serving on http://[\d.]+:(\d+)", proc.stdout.readline())
            if found:
                port = int(found.group(1))
                break
        assert port is not None
        client = RawClient.connect(port)
        client.send(frame(0x1, b"never finished", fin=False))
        close = client.close_frame()
        assert close is not None and (close.code, close.reason) == (1008, "message timeout")
        client.close()
    finally:
        proc.terminate()
        proc.communicate(timeout=20)
