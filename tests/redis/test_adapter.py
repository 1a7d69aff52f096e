"""The PubSub adapters behind one suite (local and Redis), then what only Redis does:
other nodes, restarts, the record."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import trio

from quest_rt.web.pubsub import Broadcast, LocalAdapter, PubSub
from quest_rt.web.pubsub.redis import RedisAdapter

from .server import RedisServer


class Sink:
    """A fastlane subscriber that records payloads and says when one arrived."""

    def __init__(self) -> None:
        self.got: list[str | bytes] = []
        self.arrived = trio.Event()

    def send(self, payload: str | bytes, frame: bytes) -> bool:
        self.got.append(payload)
        self.arrived.set()
        return True

    async def wait(self, count: int = 1) -> None:
        with trio.fail_after(10):
            while len(self.got) < count:
                self.arrived = trio.Event()
                await self.arrived.wait()


def codec(message: Broadcast) -> tuple[str | bytes, bytes]:
    if type(message.payload) is bytes:
        return message.payload, b"F"
    return f"{message.topic}|{message.event}|{message.payload}", b"F"


async def start_node(nursery: trio.Nursery, url: str) -> tuple[PubSub, RedisAdapter]:
    adapter = RedisAdapter(url, backoff=(0.05, 0.2))
    pubsub = PubSub(adapter)
    subscribed = trio.Event()
    adapter.on_subscribed.append(subscribed.set)
    nursery.start_soon(adapter.run)
    with trio.fail_after(10):
        await subscribed.wait()
    return pubsub, adapter


@pytest.fixture(params=["local", "redis"])
async def node(request, nursery) -> AsyncIterator[PubSub]:
    """One node's PubSub, on each adapter: the semantics on one node are the same."""
    if request.param == "local":
        yield PubSub(LocalAdapter())
        return
    server = RedisServer(request.getfixturevalue("tmp_path"))
    server.start()
    try:
        pubsub, _ = await start_node(nursery, server.url)
        yield pubsub
    finally:
        server.stop()


async def test_a_broadcast_reaches_local_subscribers_at_once_and_once(node, nursery):
    sinks = [Sink() for _ in range(3)]
    for sink in sinks:
        node.subscribe("room:1", nursery, codec=codec, send=sink.send)
    assert node.broadcast("room:1", "shout", {"n": 1}) == 3
    assert [s.got for s in sinks] == [["room:1|shout|{'n': 1}"]] * 3
    assert node.statistics().encodings == 1


async def test_broadcast_from_skips_the_sender_on_its_node(node, nursery):
    a, b = Sink(), Sink()
    sub_a = node.subscribe("t", nursery, codec=codec, send=a.send)
    node.subscribe("t", nursery, codec=codec, send=b.send)
    assert node.broadcast_from(sub_a, "t", "typing", {}) == 1
    assert a.got == [] and len(b.got) == 1


async def test_callback_subscribers_get_the_broadcast_record(node, nursery):
    got: list[Broadcast] = []
    node.subscribe("t", nursery, callback=got.append)
    node.broadcast("t", "e", b"\x00\x01")
    assert got == [Broadcast("t", "e", b"\x00\x01")]


# ── only Redis ────────────────────────────────────────────────────────────


async def test_broadcasts_cross_nodes_once_each(redis_server: RedisServer, nursery):
    a, _ = await start_node(nursery, redis_server.url)
    b, adapter_b = await start_node(nursery, redis_server.url)
    on_a, on_b, on_b2 = Sink(), Sink(), Sink()
    sub_a = a.subscribe("room", nursery, codec=codec, send=on_a.send)
    b.subscribe("room", nursery, codec=codec, send=on_b.send)
    b.subscribe("room", nursery, codec=codec, send=on_b2.send)

    assert a.broadcast("room", "msg", {"text": "hi"}) == 1
    assert b.broadcast("room", "msg", b"\xffbin") == 2
    await on_a.wait(2)
    await on_b.wait(2)
    # broadcast_from: the sender skipped on its node, nobody skipped elsewhere (the
    # excluded id is node A's, and B's ids are its own).
    assert a.broadcast_from(sub_a, "room", "typing", {}) == 0
    await on_b.wait(3)
    await on_b2.wait(3)
    # A marker after it proves A did not get its own "typing" back from Redis.
    b.broadcast("room", "marker", {})
    await on_a.wait(3)
    assert on_a.got == ["room|msg|{'text': 'hi'}", b"\xffbin", "room|marker|{}"]
    assert on_b.got == on_b2.got
    # B's own broadcast is delivered at once, A's when it arrives: no order across nodes.
    assert sorted(map(repr, on_b.got[:3])) == sorted(
        map(repr, ["room|msg|{'text': 'hi'}", b"\xffbin", "room|typing|{}"])
    )
    assert adapter_b.statistics.received == 2
    # each remote broadcast decoded once and encoded once for B's two subscribers
    assert b.statistics().encodings == 4


async def test_nodes_resubscribe_after_redis_restarts(redis_server: RedisServer, nursery):
    a, adapter_a = await start_node(nursery, redis_server.url)
    b, adapter_b = await start_node(nursery, redis_server.url)
    local_a, on_b = Sink(), Sink()
    a.subscribe("t", nursery, codec=codec, send=local_a.send)
    b.subscribe("t", nursery, codec=codec, send=on_b.send)
    a.broadcast("t", "before", {})
    await on_b.wait(1)

    resubscribed = trio.Event()
    both = {adapter_a: False, adapter_b: False}

    def mark(adapter):
        both[adapter] = True
        if all(both.values()):
            resubscribed.set()

    adapter_a.on_subscribed.append(lambda: mark(adapter_a))
    adapter_b.on_subscribed.append(lambda: mark(adapter_b))
    await trio.to_thread.run_sync(lambda: redis_server.stop(kill=True))
    # Redis away: the node still serves its own subscribers at once.
    assert a.broadcast("t", "while-down", {}) == 1
    assert local_a.got[-1] == "t|while-down|{}"
    await trio.to_thread.run_sync(redis_server.start)
    with trio.fail_after(15):
        await resubscribed.wait()
    a.broadcast("t", "after", {})
    await on_b.wait(2)
    assert on_b.got[0] == "t|before|{}"
    assert on_b.got[-1] == "t|after|{}"
    assert adapter_a.statistics.connects == 2 and adapter_b.statistics.connects == 2


async def test_the_queue_is_bounded_and_drops_the_oldest():
    adapter = RedisAdapter("redis://127.0.0.1:1", queue_limit=3)
    pubsub = PubSub(adapter)
    for i in range(5):
        pubsub.broadcast("t", "e", {"i": i})
    assert adapter.statistics.dropped == 2
    assert [adapter.decode(b"other " + r.split(b" ", 1)[1]).payload for r in adapter._queue] == [
        {"i": 2},
        {"i": 3},
        {"i": 4},
    ]


def test_a_record_from_this_node_is_skipped_and_others_decode():
    mine = RedisAdapter("redis://localhost", node_id="aaaa")
    theirs = RedisAdapter("redis://localhost", node_id="bbbb")
    record = mine.encode(Broadcast("t", "e", {"x": [1, "é"]}, exclude=7))
    assert mine.decode(record) is None
    assert theirs.decode(record) == Broadcast("t", "e", {"x": [1, "é"]})
    assert theirs.decode(mine.encode(Broadcast("t", "e", b"\x00"))).payload == b"\x00"


def test_a_bad_url_is_refused_when_configured():
    with pytest.raises(ValueError):
        RedisAdapter("http://localhost")


async def test_control_records_reach_the_handler_and_no_subscriber(
    redis_server: RedisServer, nursery
):
    a, adapter_a = await start_node(nursery, redis_server.url)
    b, adapter_b = await start_node(nursery, redis_server.url)
    got: list[Broadcast] = []
    arrived = trio.Event()
    adapter_b.control["internal"] = lambda message: (got.append(message), arrived.set())
    snoop_a, snoop_b, marker = Sink(), Sink(), Sink()
    a.subscribe("internal", nursery, codec=codec, send=snoop_a.send)
    b.subscribe("internal", nursery, codec=codec, send=snoop_b.send)
    b.subscribe("other", nursery, codec=codec, send=marker.send)
    adapter_a.send_control("internal", "state", {"secret": 1})
    with trio.fail_after(10):
        await arrived.wait()
    assert got == [Broadcast("internal", "state", {"secret": 1})]
    # A broadcast sent after it has arrived too: the subscribers of the control
    # topic saw nothing on either node.
    a.broadcast("other", "marker", {})
    await marker.wait(1)
    assert snoop_a.got == snoop_b.got == []
