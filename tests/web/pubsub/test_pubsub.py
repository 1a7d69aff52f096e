"""The PubSub engine without Quest and without sockets: topics, fan-out, ownership."""

from __future__ import annotations

import pytest
import trio
import trio.testing

from quest_rt.web.pubsub import Adapter, Broadcast, PubSub


class Sink:
    """A fastlane target that records what it was given (a connection's send_prepared)."""

    def __init__(self, accept: bool = True) -> None:
        self.got: list[tuple[str | bytes, bytes]] = []
        self.accept = accept

    def send(self, payload: str | bytes, frame: bytes) -> bool:
        self.got.append((payload, frame))
        return self.accept


def counting_codec(calls: list[Broadcast]):
    def codec(message: Broadcast) -> tuple[str, bytes]:
        calls.append(message)
        text = f"{message.topic}|{message.event}|{message.payload}"
        return text, b"F" + text.encode()

    return codec


async def test_a_broadcast_is_encoded_once_and_the_same_bytes_reach_every_subscriber(nursery):
    pubsub = PubSub()
    calls: list[Broadcast] = []
    codec = counting_codec(calls)
    sinks = [Sink() for _ in range(50)]
    for sink in sinks:
        pubsub.subscribe("room:1", nursery, codec=codec, send=sink.send)
    other = Sink()
    pubsub.subscribe("room:2", nursery, codec=codec, send=other.send)

    assert pubsub.broadcast("room:1", "shout", {"n": 1}) == 50
    assert len(calls) == 1
    frames = {id(sink.got[0][1]) for sink in sinks}
    assert len(frames) == 1  # one bytes object shared by all
    assert sinks[0].got[0] == ("room:1|shout|{'n': 1}", b"Froom:1|shout|{'n': 1}")
    assert other.got == []
    assert pubsub.statistics().encodings == 1


async def test_broadcast_from_skips_only_the_sender(nursery):
    pubsub = PubSub()
    codec = counting_codec([])
    a, b, c = Sink(), Sink(), Sink()
    sub_a = pubsub.subscribe("t", nursery, codec=codec, send=a.send)
    pubsub.subscribe("t", nursery, codec=codec, send=b.send)
    pubsub.subscribe("t", nursery, codec=codec, send=c.send)
    assert pubsub.broadcast_from(sub_a, "t", "typing", {}) == 2
    assert a.got == [] and len(b.got) == 1 and len(c.got) == 1


async def test_callback_subscribers_get_the_record_and_two_codecs_encode_once_each(nursery):
    pubsub = PubSub()
    seen: list[Broadcast] = []
    calls1: list[Broadcast] = []
    calls2: list[Broadcast] = []
    pubsub.subscribe("t", nursery, callback=seen.append)
    for codec in (counting_codec(calls1), counting_codec(calls2)):
        for _ in range(3):
            pubsub.subscribe("t", nursery, codec=codec, send=Sink().send)
    assert pubsub.broadcast("t", "e", 1) == 7
    assert seen == [Broadcast("t", "e", 1)]
    assert len(calls1) == len(calls2) == 1


async def test_a_refused_write_is_not_counted_as_a_delivery(nursery):
    pubsub = PubSub()
    codec = counting_codec([])
    pubsub.subscribe("t", nursery, codec=codec, send=Sink(accept=False).send)
    pubsub.subscribe("t", nursery, codec=codec, send=Sink().send)
    assert pubsub.broadcast("t", "e", {}) == 1


async def test_a_callback_may_unsubscribe_during_the_fan_out(nursery):
    pubsub = PubSub()
    subs = []

    def leave_all(message: Broadcast) -> None:
        for sub in subs:
            pubsub.unsubscribe(sub)

    subs.append(pubsub.subscribe("t", nursery, callback=leave_all))
    sink = Sink()
    subs.append(pubsub.subscribe("t", nursery, codec=counting_codec([]), send=sink.send))
    pubsub.broadcast("t", "e", {})
    assert pubsub.subscribers("t") == []
    assert pubsub.statistics().topics == 0


async def test_unsubscribe_twice_is_harmless_and_empty_topics_disappear(nursery):
    pubsub = PubSub()
    sub = pubsub.subscribe("t", nursery, callback=lambda m: None)
    pubsub.unsubscribe(sub)
    pubsub.unsubscribe(sub)
    assert pubsub.statistics().topics == 0
    assert pubsub.statistics().subscriptions == 0


async def test_subscriptions_end_with_their_owners_nursery():
    pubsub = PubSub()
    async with trio.open_nursery() as outer:
        async with trio.open_nursery() as owner:
            pubsub.subscribe("a", owner, callback=lambda m: None)
            pubsub.subscribe("b", owner, callback=lambda m: None)
            pubsub.subscribe("a", outer, callback=lambda m: None)
            await trio.testing.wait_all_tasks_blocked()
            assert pubsub.statistics().owners == 2
            owner.cancel_scope.cancel()
        stats = pubsub.statistics()
        assert (stats.owners, stats.subscriptions, stats.topics) == (1, 1, 1)
        outer.cancel_scope.cancel()
    assert pubsub.statistics().subscriptions == 0


async def test_subscribe_needs_exactly_one_kind(nursery):
    pubsub = PubSub()
    with pytest.raises(ValueError, match="codec and send"):
        pubsub.subscribe("t", nursery)
    with pytest.raises(ValueError, match="codec and send"):
        pubsub.subscribe("t", nursery, codec=counting_codec([]), send=Sink().send, callback=print)


class QueuedAdapter(Adapter):
    """A stand-in for a remote adapter: publishing queues; a task delivers later,
    as a Redis subscriber task would."""

    def __init__(self) -> None:
        self.send_channel, self.receive_channel = trio.open_memory_channel[Broadcast](100)

    def attach(self, pubsub: PubSub) -> None:
        self.pubsub = pubsub

    def publish(self, message: Broadcast) -> int:
        self.send_channel.send_nowait(message)
        return 0

    async def run(self) -> None:
        async for message in self.receive_channel:
            self.pubsub.deliver_local(message)


async def test_the_adapter_seam_allows_asynchronous_delivery(nursery):
    adapter = QueuedAdapter()
    pubsub = PubSub(adapter)
    nursery.start_soon(adapter.run)
    calls: list[Broadcast] = []
    codec = counting_codec(calls)
    a, b = Sink(), Sink()
    sub_a = pubsub.subscribe("t", nursery, codec=codec, send=a.send)
    pubsub.subscribe("t", nursery, codec=codec, send=b.send)
    assert pubsub.broadcast_from(sub_a, "t", "e", {"x": 1}) == 0
    assert b.got == []
    await trio.testing.wait_all_tasks_blocked()
    assert a.got == [] and len(b.got) == 1
    assert calls == [Broadcast("t", "e", {"x": 1}, sub_a.id)]
