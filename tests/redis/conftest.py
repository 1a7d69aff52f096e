"""Fixtures for the Redis tests: a private server per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .server import RedisServer


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def nodes(redis_server: RedisServer, tmp_path: Path) -> Iterator:
    """``start(app_source, count) -> [QuestNode, ...]`` against the test's Redis;
    every node is stopped at the end."""
    from .nodes import QuestNode

    started: list[QuestNode] = []

    def start(source: str, count: int = 2, **env: str) -> list[QuestNode]:
        env.setdefault("QUEST_PRESENCE_TIMEOUT", "1")
        app = tmp_path / "app.q"
        app.write_text(source)
        new = [QuestNode(app, redis_server.url, **env) for _ in range(count)]
        started.extend(new)
        return new

    yield start
    for node in started:
        if node.proc.poll() is None:
            node.kill()
