"""The Phoenix socket over real WebSockets, on both transports: the upgrade
decisions, the channel protocol end to end, idle timeout and clean-up."""

from __future__ import annotations

import pytest
import trio_websocket

from quest_rt.web.channels import ChannelHub, mount

from ..wshelpers import echo_endpoint, expect_close, wait_until
from .phx import Phx


def chat_hub() -> tuple[ChannelHub, list[str]]:
    hub = ChannelHub()
    log: list[str] = []

    def room(channel, topic, params):
        def on_join(payload):
            hub.track(channel, topic, channel.get("user", "anon"), {"via": "test"})
            return {"user": channel.get("user")}

        channel.on_join(on_join)
        channel.on("shout", lambda p: hub.broadcast(topic, "shout", p))
        channel.on_leave(lambda: log.append(f"leave {topic}"))

    hub.channel("room:*", room)
    return hub, log


async def refused(port: int, path: str, headers=None) -> int:
    with pytest.raises(trio_websocket.ConnectionRejected) as rejected:
        async with trio_websocket.open_websocket_url(
            f"ws://127.0.0.1:{port}{path}",
            extra_headers=[(k.encode(), v.encode()) for k, v in (headers or {}).items()],
        ):
            pass
    return rejected.value.status_code


async def test_join_broadcast_and_presence_between_two_clients(app, start_server, nursery):
    hub, _ = chat_hub()
    mount(app, hub, connect=lambda params, upgrade: {"user": params["user"]})
    port = await start_server(app)
    ann = await Phx.connect(nursery, port, query="user=ann&_mounts=0&junk=undefined")
    bob = await Phx.connect(nursery, port, query="user=bob")
    ann_ref, reply = await ann.join("room:1")
    assert reply == {"status": "ok", "response": {"user": "ann"}}
    state = await ann.next("presence_state")
    assert state[0] == ann_ref and list(state[4]) == ["ann"]
    await bob.join("room:1")
    assert sorted((await bob.next("presence_state"))[4]) == ["ann", "bob"]
    own = await ann.next("presence_diff")  # ann's own track, held until her reply
    assert list(own[4]["joins"]) == ["ann"]
    joined = await ann.next("presence_diff")
    assert list(joined[4]["joins"]) == ["bob"]
    assert await bob.push("1", "room:1", "shout", {"m": "hi"}) == {"status": "ok", "response": {}}
    assert await ann.next("shout") == [None, None, "room:1", "shout", {"m": "hi"}]
    assert (await ann.push(None, "phoenix", "heartbeat"))["status"] == "ok"
    await bob.ws.aclose()
    left = await ann.next("presence_diff")
    assert list(left[4]["leaves"]) == ["bob"]


async def test_the_upgrade_refuses_bad_vsn_refused_connect_and_foreign_origins(app, start_server):
    mount(app, ChannelHub(), "/socket", connect=lambda params, upgrade: params.get("token") == "s3")
    port = await start_server(app)
    assert await refused(port, "/socket/websocket?token=s3") == 403  # vsn missing: 1.0.0
    assert await refused(port, "/socket/websocket?token=s3&vsn=1.0.0") == 403
    assert await refused(port, "/socket/websocket?token=no&vsn=2.0.0") == 403
    evil = {"origin": "https://evil.example"}
    assert await refused(port, "/socket/websocket?token=s3&vsn=2.0.0", evil) == 403
    own = {"origin": f"http://127.0.0.1:{port}"}
    async with trio_websocket.open_websocket_url(
        f"ws://127.0.0.1:{port}/socket/websocket?token=s3&vsn=2.0.0",
        extra_headers=[(b"origin", own["origin"].encode())],
    ):
        pass


async def test_channels_coexist_with_a_layer_one_path(app, start_server, nursery):
    hub, _ = chat_hub()
    mount(app, hub)
    app.websocket("/echo", echo_endpoint)
    port = await start_server(app)
    async with trio_websocket.open_websocket_url(f"ws://127.0.0.1:{port}/echo") as ws:
        await ws.send_message("hi")
        assert await ws.get_message() == "Echo: hi"
    client = await Phx.connect(nursery, port)
    _, reply = await client.join("room:x")
    assert reply["status"] == "ok"


async def test_a_silent_client_is_closed_with_1001(app, start_server, nursery):
    hub, _ = chat_hub()
    hub.idle_timeout = 0.3
    mount(app, hub)
    port = await start_server(app)
    client = await Phx.connect(nursery, port)
    assert await expect_close(client.ws) == 1001


async def test_a_closed_connection_leaves_nothing_behind(app, start_server, nursery):
    hub, log = chat_hub()
    mount(app, hub)
    port = await start_server(app)
    client = await Phx.connect(nursery, port)
    await client.join("room:a")
    await client.join("room:b")
    assert hub.pubsub.statistics().subscriptions == 2
    await client.ws.aclose()
    await wait_until(lambda: hub.pubsub.statistics().owners == 0)
    stats = hub.pubsub.statistics()
    assert (stats.subscriptions, stats.topics) == (0, 0)
    assert sorted(log) == ["leave room:a", "leave room:b"]
    assert hub.list("room:a") == {}
