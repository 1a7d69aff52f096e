"""Conformance with the real client: the official ``phoenix`` npm package (1.8.16, pinned
by package-lock.json, installed by ``npm ci`` in scripts/test), under Node with ``ws`` as
its transport, against a real ``quest serve`` of tests/e2e/channels/app.q (issue 7,
point 6). Each scenario is a function of channels/client.mjs; it prints PASS or
FAIL <why>, and bounds every wait itself (20 s in all)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from .conftest import ROOT

NODE = shutil.which("node") or "/usr/bin/node"
CLIENT = ROOT / "tests" / "e2e" / "channels" / "client.mjs"
APP = "tests/e2e/channels/app.q"


@pytest.fixture(scope="module", autouse=True)
def phoenix_client_installed() -> None:
    if shutil.which(NODE) is None:
        pytest.skip(f"no Node.js at {NODE}")
    if not (ROOT / "node_modules" / "phoenix" / "package.json").exists():
        pytest.skip("the phoenix npm client is not installed (npm ci; scripts/test does it)")


def run(scenario: str, url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [NODE, str(CLIENT), scenario, url], capture_output=True, text=True, timeout=30, cwd=ROOT
    )


def ws_url(server) -> str:
    return server.url.replace("http://", "ws://") + "/ws"


@pytest.mark.parametrize(
    "scenario",
    ["joins", "events", "broadcasts", "presence", "crash", "leave", "heartbeat", "binary"],
)
def test_phoenix_js_scenario(scenario: str, quest_server):
    server = quest_server(APP)
    result = run(scenario, ws_url(server))
    assert result.stdout.strip().endswith("PASS"), result.stdout + result.stderr
    assert server.stop() == 0
    if scenario == "crash":
        log = "".join(server.output)
        assert "crash requested by the test" in log  # the Quest traceback is logged
        assert "app.q:" in log


def test_phoenix_js_reconnects_and_rejoins_after_a_server_restart(quest_server):
    first = quest_server(APP)
    port = re.search(r":(\d+)$", first.url).group(1)
    node = subprocess.Popen(
        [NODE, str(CLIENT), "restart", ws_url(first)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=ROOT,
    )
    try:
        assert node.stdout is not None
        line = node.stdout.readline()
        assert line.strip() == "RESTART", line + node.stdout.read()
        assert first.stop() == 0
        quest_server(APP, "--port", port)
        out, _ = node.communicate(timeout=30)
        assert out.strip().endswith("PASS"), out
    finally:
        if node.poll() is None:
            node.kill()
