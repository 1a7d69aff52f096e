"""The per-connection protocol, sans-IO: messages in, replies and pushes out.

Each test drives :class:`ChannelSocket` objects sharing one hub, with a list as the
wire and the test's nursery as the subscription owner; the same objects run under
the endpoint in test_endpoint.py.
"""

from __future__ import annotations

import json
import logging

import pytest

from quest_rt.web.channels import ChannelHub, ChannelSocket


class Wire:
    """What a ChannelSocket sent, decoded (bytes stay bytes)."""

    def __init__(self) -> None:
        self.sent: list[str | bytes] = []

    def send(self, payload: str | bytes, frame: bytes | None) -> bool:
        self.sent.append(payload)
        return True

    def take(self) -> list:
        out = [json.loads(p) if isinstance(p, str) else p for p in self.sent]
        self.sent.clear()
        return out


def client(hub: ChannelHub, nursery, name: str = "c1", assigns=None) -> tuple[ChannelSocket, Wire]:
    wire = Wire()
    return ChannelSocket(hub, conn_id=name, owner=nursery, send=wire.send, assigns=assigns), wire


def msg(join_ref, ref, topic, event, payload=None) -> str:
    return json.dumps([join_ref, ref, topic, event, {} if payload is None else payload])


def reply(join_ref, ref, topic, status, response) -> list:
    return [join_ref, ref, topic, "phx_reply", {"status": status, "response": response}]


@pytest.fixture
def hub() -> ChannelHub:
    hub = ChannelHub()
    log: list[str] = []
    hub.log = log  # type: ignore[attr-defined]

    def room(channel, topic, params):
        log.append(f"join {topic} {params}")

        def on_join(payload):
            if payload.get("deny"):
                return {"error": "unauthorized"}
            if payload.get("boom"):
                raise RuntimeError("join boom")
            channel.set("name", payload.get("name"))
            hub.broadcast(topic, "joined", {"name": payload.get("name")})
            return {"welcome": payload.get("name")}

        def shout(payload):
            hub.broadcast(topic, "shout", payload)

        def typing(payload):
            hub.broadcast_from(channel, topic, "typing", {"name": channel.get("name")})
            return {"ok": True}

        def crash(payload):
            raise ValueError("handler boom")

        channel.on_join(on_join)
        channel.on("shout", shout)
        channel.on("typing", typing)
        channel.on("crash", crash)
        channel.on("echo_bytes", lambda payload: payload)
        channel.on("unencodable", lambda payload: {"value": object()})
        channel.on("whoami", lambda payload: {"user": channel.get("user"), "id": channel.id})
        channel.on_leave(lambda: log.append(f"leave {topic} {channel.get('name')}"))

    hub.channel("room:*", room)
    return hub


async def test_join_replies_with_on_joins_dict_then_broadcasts_from_on_join(hub, nursery):
    sock, wire = client(hub, nursery)
    sock.receive(msg("1", "1", "room:a", "phx_join", {"name": "ann"}))
    assert wire.take() == [
        reply("1", "1", "room:a", "ok", {"welcome": "ann"}),
        [None, None, "room:a", "joined", {"name": "ann"}],
    ]
    assert hub.log == ["join room:a {'name': 'ann'}"]


async def test_heartbeat_unmatched_and_unjoined_topics(hub, nursery):
    sock, wire = client(hub, nursery)
    sock.receive(msg(None, "2", "phoenix", "heartbeat"))
    sock.receive(msg("3", "3", "lobby", "phx_join"))
    sock.receive(msg(None, "4", "room:b", "shout", {"x": 1}))
    assert wire.take() == [
        reply(None, "2", "phoenix", "ok", {}),
        reply("3", "3", "lobby", "error", {"reason": "unmatched topic"}),
        reply(None, "4", "room:b", "error", {"reason": "unmatched topic"}),
    ]


async def test_an_error_dict_refuses_the_join_as_is_and_leaves_nothing(hub, nursery):
    sock, wire = client(hub, nursery)
    sock.receive(msg("1", "1", "room:a", "phx_join", {"deny": True}))
    assert wire.take() == [reply("1", "1", "room:a", "error", {"error": "unauthorized"})]
    assert sock.channels == {}
    assert hub.pubsub.statistics().subscriptions == 0


async def test_a_join_that_raises_is_join_crashed(hub, nursery, caplog):
    sock, wire = client(hub, nursery)
    with caplog.at_level(logging.ERROR):
        sock.receive(msg("1", "1", "room:a", "phx_join", {"boom": True}))
    assert wire.take() == [reply("1", "1", "room:a", "error", {"reason": "join crashed"})]
    assert "join boom" in caplog.text
    assert hub.pubsub.statistics().subscriptions == 0


async def test_a_duplicate_join_closes_the_old_channel_first(hub, nursery):
    sock, wire = client(hub, nursery)
    sock.receive(msg("1", "1", "room:a", "phx_join", {"name": "ann"}))
    wire.take()
    sock.receive(msg("5", "5", "room:a", "phx_join", {"name": "ann2"}))
    out = wire.take()
    assert out[0] == ["1", "1", "room:a", "phx_close", {}]
    assert out[1] == reply("5", "5", "room:a", "ok", {"welcome": "ann2"})
    assert hub.log[-2:] == ["leave room:a ann", "join room:a {'name': 'ann2'}"]
    assert hub.pubsub.statistics().subscriptions == 1


async def test_leave_is_answered_ok_then_on_leave_runs_even_for_unknown_topics(hub, nursery):
    sock, wire = client(hub, nursery)
    sock.receive(msg("1", "1", "room:a", "phx_join", {"name": "ann"}))
    wire.take()
    sock.receive(msg("1", "2", "room:a", "phx_leave"))
    sock.receive(msg(None, "3", "lv:", "phx_leave"))
    assert wire.take() == [
        reply("1", "2", "room:a", "ok", {}),
        ["1", "1", "room:a", "phx_close", {}],
        reply(None, "3", "lv:", "ok", {}),
    ]
    assert hub.log[-1] == "leave room:a ann"
    assert sock.channels == {}


async def test_a_crash_errors_one_topic_and_the_other_channel_keeps_working(hub, nursery, caplog):
    sock, wire = client(hub, nursery)
    sock.receive(msg("1", "1", "room:a", "phx_join", {"name": "ann"}))
    sock.receive(msg("2", "2", "room:b", "phx_join", {"name": "ann"}))
    wire.take()
    with caplog.at_level(logging.ERROR):
        sock.receive(msg("1", "3", "room:a", "crash"))
    assert wire.take() == [["1", "1", "room:a", "phx_error", {"reason": "channel_crash"}]]
    assert "handler boom" in caplog.text
    assert hub.log[-1] == "leave room:a ann"
    sock.receive(msg("2", "4", "room:b", "whoami"))
    assert wire.take() == [reply("2", "4", "room:b", "ok", {"user": None, "id": "c1"})]
    # the client rejoins by itself: a fresh join
    sock.receive(msg("9", "9", "room:a", "phx_join", {"name": "ann"}))
    assert wire.take()[0] == reply("9", "9", "room:a", "ok", {"welcome": "ann"})


async def test_stale_join_refs_are_dropped(hub, nursery):
    sock, wire = client(hub, nursery)
    sock.receive(msg("1", "1", "room:a", "phx_join", {"name": "ann"}))
    wire.take()
    sock.receive(msg("0", "2", "room:a", "typing"))
    sock.receive(msg("0", "3", "room:a", "phx_leave"))
    assert wire.take() == [reply("0", "3", "room:a", "ok", {})]
    assert "room:a" in sock.channels


async def test_malformed_frames_are_dropped_or_answered_and_hurt_nothing(hub, nursery):
    sock, wire = client(hub, nursery)
    sock.receive(msg("1", "1", "room:a", "phx_join", {"name": "ann"}))
    wire.take()
    for bad in ("nope", "[1,2]", '{"x":1}', '["1",7,"room:a","e",{}]', b"\x07junk"):
        sock.receive(bad)
    sock.receive('["1","5","room:a","typing",[1,2]]')
    assert wire.take() == [reply(None, "5", "room:a", "error", {"reason": "malformed message"})]
    sock.receive(msg("1", "6", "room:a", "typing"))
    assert wire.take() == [reply("1", "6", "room:a", "ok", {"ok": True})]


async def test_the_channel_limit_refuses_one_join_too_many(hub, nursery):
    hub.max_channels = 3
    sock, wire = client(hub, nursery)
    for i in range(4):
        sock.receive(msg(str(i), str(i), f"room:{i}", "phx_join", {}))
    assert wire.take()[-1] == reply(
        "3", "3", "room:3", "error", {"reason": "too many channels joined"}
    )
    assert len(sock.channels) == 3


async def test_the_rate_limit_hook_refuses_events(hub, nursery):
    calls = []

    def limited(channel, event, payload):
        calls.append(event)
        return len(calls) > 1

    hub.rate_limit = limited
    sock, wire = client(hub, nursery)
    sock.receive(msg("1", "1", "room:a", "phx_join", {}))
    wire.take()
    sock.receive(msg("1", "2", "room:a", "typing"))
    sock.receive(msg("1", "3", "room:a", "typing"))
    assert wire.take() == [
        reply("1", "2", "room:a", "ok", {"ok": True}),
        reply("1", "3", "room:a", "error", {"reason": "rate limited"}),
    ]


async def test_broadcast_from_never_reaches_the_sender(hub, nursery):
    ann, ann_wire = client(hub, nursery, "ann")
    bob, bob_wire = client(hub, nursery, "bob")
    ann.receive(msg("1", "1", "room:a", "phx_join", {"name": "ann"}))
    bob.receive(msg("1", "1", "room:a", "phx_join", {"name": "bob"}))
    ann_wire.take(), bob_wire.take()
    ann.receive(msg("1", "2", "room:a", "typing"))
    assert ann_wire.take() == [reply("1", "2", "room:a", "ok", {"ok": True})]
    assert bob_wire.take() == [[None, None, "room:a", "typing", {"name": "ann"}]]


async def test_binary_payloads_in_and_out(hub, nursery):
    sock, wire = client(hub, nursery)
    sock.receive(msg("12", "12", "room:1", "phx_join", {}))
    wire.take()
    push = bytes((0, 2, 2, 6, 10)) + b"1213room:1echo_bytes" + b"\xde\xad"
    sock.receive(push)
    assert wire.take() == [bytes((1, 2, 2, 6, 2)) + b"1213room:1ok\xde\xad"]


async def test_presence_state_follows_the_join_reply_and_leaves_are_broadcast(nursery):
    hub = ChannelHub()

    def room(channel, topic, params):
        def on_join(payload):
            hub.track(channel, topic, payload["user"], {"user": payload["user"]})
            return {"n": len(hub.list(topic))}

        channel.on_join(on_join)

    hub.channel("room:*", room)
    ann, ann_wire = client(hub, nursery, "ann")
    bob, bob_wire = client(hub, nursery, "bob")
    ann.receive(msg("1", "1", "room:a", "phx_join", {"user": "ann"}))
    out = ann_wire.take()
    assert out[0] == reply("1", "1", "room:a", "ok", {"n": 1})
    assert out[1][:4] == ["1", None, "room:a", "presence_state"]
    assert list(out[1][4]) == ["ann"]
    assert out[2][3] == "presence_diff" and list(out[2][4]["joins"]) == ["ann"]
    bob.receive(msg("1", "1", "room:a", "phx_join", {"user": "bob"}))
    assert sorted(bob_wire.take()[1][4]) == ["ann", "bob"]
    ann_wire.take()
    bob.terminate()
    diff = ann_wire.take()
    assert diff == [
        [None, None, "room:a", "presence_diff", {"joins": {}, "leaves": diff[0][4]["leaves"]}]
    ]
    assert list(diff[0][4]["leaves"]) == ["bob"]
    assert list(hub.list("room:a")) == ["ann"]


async def test_terminate_runs_on_leave_and_ends_every_subscription(hub, nursery):
    sock, wire = client(hub, nursery, assigns={"user": "u1"})
    sock.receive(msg("1", "1", "room:a", "phx_join", {"name": "ann"}))
    sock.receive(msg("2", "2", "room:b", "phx_join", {"name": "ann"}))
    sock.receive(msg("2", "3", "room:b", "whoami"))
    assert wire.take()[-1] == reply("2", "3", "room:b", "ok", {"user": "u1", "id": "c1"})
    sock.terminate()
    assert sorted(hub.log[-2:]) == ["leave room:a ann", "leave room:b ann"]
    assert hub.pubsub.statistics().subscriptions == 0


async def test_a_reply_that_cannot_be_encoded_crashes_only_that_channel(hub, nursery, caplog):
    sock, wire = client(hub, nursery)
    sock.receive(msg("1", "1", "room:a", "phx_join", {"name": "ann"}))
    sock.receive(msg("2", "2", "room:b", "phx_join", {"name": "ann"}))
    wire.take()
    with caplog.at_level(logging.ERROR):
        sock.receive(msg("1", "3", "room:a", "unencodable"))
    assert wire.take() == [["1", "1", "room:a", "phx_error", {"reason": "channel_crash"}]]
    assert "not JSON serializable" in caplog.text
    sock.receive(msg("2", "4", "room:b", "whoami"))
    assert wire.take()[0][4]["status"] == "ok"
