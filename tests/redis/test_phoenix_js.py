"""The official phoenix client under Node, on two ``quest serve`` nodes sharing one
Redis (tests/redis/cluster.mjs): Presence converges across nodes, broadcasts and
broadcast_from cross them. The app is the channels conformance app
(tests/e2e/channels/app.q), unchanged: QUEST_PUBSUB_URL alone puts it on Redis."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import trio

from .nodes import ROOT, QuestNode
from .server import RedisServer

NODE = shutil.which("node") or "/usr/bin/node"
APP = ROOT / "tests" / "e2e" / "channels" / "app.q"


@pytest.fixture(autouse=True)
def phoenix_client_installed() -> None:
    if not (ROOT / "node_modules" / "phoenix" / "package.json").exists():
        pytest.skip("the phoenix npm client is not installed (npm ci; scripts/test does it)")


async def test_phoenix_js_presence_converges_across_nodes(redis_server: RedisServer):
    a, b = [
        await trio.to_thread.run_sync(lambda: QuestNode(APP, redis_server.url)) for _ in range(2)
    ]
    try:
        result = await trio.to_thread.run_sync(
            lambda: subprocess.run(
                [
                    NODE,
                    str(ROOT / "tests" / "redis" / "cluster.mjs"),
                    f"ws://127.0.0.1:{a.port}/ws",
                    f"ws://127.0.0.1:{b.port}/ws",
                ],
                capture_output=True,
                text=True,
                timeout=30,
                cwd=ROOT,
            )
        )
        assert result.stdout.strip().endswith("PASS"), result.stdout + result.stderr
    finally:
        for node in (a, b):
            assert await trio.to_thread.run_sync(node.stop) == 0
