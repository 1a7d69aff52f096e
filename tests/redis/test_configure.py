"""``std/web/pubsub``'s configure from Quest: QEP block 33, the URL from the environment
or quest.toml, and Quest-worded errors."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import trio

from quest_rt.runtime import loader
from quest_rt.runtime.errors import TypeErr, ValueErr
from quest_rt.std import web as std_web
from quest_rt.std.web.pubsub import apply_environment, program_pubsub
from quest_rt.web.pubsub import LocalAdapter
from quest_rt.web.pubsub.redis import RedisAdapter

from .nodes import QuestNode
from .server import RedisServer

QEP = Path(__file__).resolve().parents[1] / "conformance" / "qep054"
_counter = itertools.count()


@pytest.fixture(autouse=True)
def fresh_program(monkeypatch, tmp_path: Path):
    """A new program state, no pubsub variables, and a working directory without quest.toml."""
    for name in ("QUEST_PUBSUB_URL", "QUEST_PUBSUB_CHANNEL", "QUEST_PRESENCE_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    std_web.STATE = None
    yield
    std_web.STATE = None


def run(source: str) -> None:
    namespace = loader.new_namespace(f"<pubsub-app-{next(_counter)}>")
    path = f"<pubsub-src-{next(_counter)}>"
    loader.run_code(loader.compile_source(source, path).code, namespace)


def test_block_33_configures_redis_and_broadcasts():
    prelude = 'use "std/web/pubsub" as pubsub\nlet payload = {"text": "hi"}\n'
    run(prelude + (QEP / "33_multi_node_broadcasting.q").read_text())
    adapter = program_pubsub().adapter
    assert isinstance(adapter, RedisAdapter)
    assert (adapter.url, adapter.channel) == ("redis://localhost", "quest:pubsub")
    # The broadcast is queued for Redis (the server's task sends it once serving).
    [record] = adapter._queue
    assert adapter.decode(b"other " + record.split(b" ", 1)[1]).payload == {"text": "hi"}
    assert len(std_web.state().app.services) == 1


def test_without_configure_the_adapter_is_local_and_needs_no_redis():
    run('use "std/web/pubsub" as pubsub\nputs(pubsub.broadcast("t", "e", {}))\n')
    assert isinstance(program_pubsub().adapter, LocalAdapter)
    apply_environment()
    assert isinstance(program_pubsub().adapter, LocalAdapter)
    assert std_web.state().app.services == []


def test_the_url_comes_from_the_environment_then_quest_toml(monkeypatch, tmp_path: Path):
    (tmp_path / "quest.toml").write_text(
        '[std.web.pubsub]\nurl = "redis://toml-host:6380"\nchannel = "app:toml"\n'
    )
    apply_environment()
    adapter = program_pubsub().adapter
    assert (adapter.url, adapter.channel) == ("redis://toml-host:6380", "app:toml")

    std_web.STATE = None
    monkeypatch.setenv("QUEST_PUBSUB_URL", "redis://env-host")
    run(
        'use "std/web/pubsub" as pubsub\nuse "std/web/pubsub/redis" as redis\n'
        "pubsub.configure(adapter: redis)\n"
    )
    adapter = program_pubsub().adapter
    assert (adapter.url, adapter.channel) == ("redis://env-host", "app:toml")
    # configure's own url wins; a second configure replaces the first service.
    run(
        'use "std/web/pubsub" as pubsub\nuse "std/web/pubsub/redis" as redis\n'
        'pubsub.configure(adapter: redis, url: "redis://code-host", channel: "c")\n'
    )
    adapter = program_pubsub().adapter
    assert (adapter.url, adapter.channel) == ("redis://code-host", "c")
    assert len(std_web.state().app.services) == 1


PRELUDE = 'use "std/web/pubsub" as pubsub\nuse "std/web/pubsub/redis" as redis\n'


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            "pubsub.configure(adapter: 5)",
            TypeErr,
            "pubsub.configure expects adapter: the std/web/pubsub/redis module or nil, got Int",
        ),
        (
            'pubsub.configure(adapter: redis, url: "http://x")',
            ValueErr,
            "pubsub.configure: bad Redis URL 'http://x'",
        ),
        (
            "pubsub.configure(adapter: redis)",
            ValueErr,
            "pubsub.configure: no Redis URL: pass url:, or set QUEST_PUBSUB_URL",
        ),
        ("pubsub.configure(adapter: redis, url: 5)", TypeErr, "pubsub.configure"),
        (
            'pubsub.configure(adapter: redis, url: "redis://h", presence_timeout: 0)',
            ValueErr,
            "pubsub.configure: presence_timeout must be more than 0 seconds, got 0",
        ),
        ('pubsub.broadcast(1, "e", {})', TypeErr, "pubsub.broadcast"),
    ],
)
def test_bad_arguments_are_quest_errors(call: str, error: type, message: str):
    with pytest.raises(error) as info:
        run(PRELUDE + call + "\n")
    assert message in str(info.value)
    assert "Traceback" not in str(info.value) and "redis.exceptions" not in str(info.value)


async def test_quest_serve_takes_the_url_from_quest_toml(redis_server: RedisServer, tmp_path):
    (tmp_path / "quest.toml").write_text(f'[std.web.pubsub]\nurl = "{redis_server.url}"\n')
    (tmp_path / "app.q").write_text(
        'use "std/web/channels" as channels\n'
        'channels.channel("room:*", fun (socket, topic, params) end)\n'
    )
    node = await trio.to_thread.run_sync(lambda: QuestNode(tmp_path / "app.q", ""))
    try:
        assert f"at {redis_server.url} as node" in node.log
    finally:
        assert await trio.to_thread.run_sync(node.stop) == 0
    assert "serving on" in node.log
