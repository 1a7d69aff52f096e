"""Two and three real ``quest serve`` nodes of one app on one private Redis, driven by
real WebSocket clients (Phoenix v2 on trio-websocket): broadcasts, broadcast_from,
presence lists and diffs across nodes, a node killed, Redis restarted."""

from __future__ import annotations

from functools import partial

import trio

from tests.web.channels.phx import Phx

from .server import RedisServer

APP = """
use "std/web/channels" as channels
use "std/web/presence" as presence
use "std/web/pubsub" as pubsub
use "std/web/pubsub/redis" as redis

# The URL comes from QUEST_PUBSUB_URL: the same code on a laptop and in production.
pubsub.configure(adapter: redis)

channels.channel("room:*", fun (socket, topic, params)
    socket.on_join(fun (payload)
        presence.track(socket, topic, {"user_id": payload["user"]})
        return {}
    end)
    socket.on("shout", fun (payload)
        channels.broadcast(topic, "shout", payload)
    end)
    socket.on("typing", fun (payload)
        channels.broadcast_from(socket, topic, "typing", payload)
        return {}
    end)
    socket.on("list", fun (payload)
        return {"users": presence.list(topic).keys().sorted()}
    end)
end)
"""


async def join(nursery, port: int, user: str, topic: str = "room:1") -> tuple[Phx, str]:
    client = await Phx.connect(nursery, port)
    ref, reply = await client.join(topic, {"user": user})
    assert reply["status"] == "ok", reply
    return client, ref


async def users(client: Phx, ref: str, topic: str = "room:1") -> list[str]:
    reply = await client.push(ref, topic, "list")
    return reply["response"]["users"]


async def until_users(client: Phx, ref: str, expected: list[str]) -> None:
    """Ask again after each presence_diff this client receives (no sleeping)."""
    with trio.fail_after(15):
        while (got := await users(client, ref)) != expected:
            await client.next("presence_diff")
    assert got == expected


async def events(client: Phx, count: int) -> list[tuple[str, object]]:
    """The next ``count`` broadcasts (shout, typing) the client receives, in order."""
    got = []
    while len(got) < count:
        message = client.inbox.pop(0) if client.inbox else await client.read()
        if message[3] in ("shout", "typing"):
            got.append((message[3], message[4]))
    return got


async def test_broadcasts_reach_every_node_once(nodes, nursery):
    a, b, c = await trio.to_thread.run_sync(nodes, APP, 3)
    ann, ann_ref = await join(nursery, a.port, "ann")
    bob, bob_ref = await join(nursery, b.port, "bob")
    cy, cy_ref = await join(nursery, c.port, "cy")

    await ann.push(ann_ref, "room:1", "shout", {"text": "hello"})
    for client in (ann, bob, cy):
        message = await client.next("shout")
        assert message[4] == {"text": "hello"}

    # broadcast_from: skipped for the sender only, once for everyone else. Bob's
    # marker after it travels the same way, so it arrives second everywhere.
    await bob.push(bob_ref, "room:1", "typing", {"who": "bob"})
    await bob.push(bob_ref, "room:1", "shout", {"text": "marker"})
    for client in (ann, cy):
        assert await events(client, 2) == [
            ("typing", {"who": "bob"}),
            ("shout", {"text": "marker"}),
        ]
    assert await events(bob, 1) == [("shout", {"text": "marker"})]
    # And nothing twice: one more round shows nothing was left in between.
    await cy.push(cy_ref, "room:1", "shout", {"text": "end"})
    for client in (ann, bob, cy):
        assert await events(client, 1) == [("shout", {"text": "end"})]


async def test_presence_list_on_any_node_shows_every_node(nodes, nursery):
    a, b = await trio.to_thread.run_sync(nodes, APP, 2)
    ann, ann_ref = await join(nursery, a.port, "ann")
    bob, bob_ref = await join(nursery, b.port, "bob")
    await until_users(ann, ann_ref, ["ann", "bob"])
    await until_users(bob, bob_ref, ["ann", "bob"])

    # A third client joining node A later gets both in its presence_state.
    cy = await Phx.connect(nursery, a.port)
    ref = cy.next_ref()
    await cy.send(ref, ref, "room:1", "phx_join", {"user": "cy"})
    state = await cy.next("presence_state")
    assert sorted(state[4]) == ["ann", "bob"] or sorted(state[4]) == ["ann", "bob", "cy"]

    # Bob leaves node B: node A's clients see the leave and the list shrinks.
    await bob.send(bob_ref, bob.next_ref(), "room:1", "phx_leave")
    await until_users(ann, ann_ref, ["ann", "cy"])


async def test_a_killed_node_loses_its_presences_within_the_timeout(nodes, nursery):
    a, b = await trio.to_thread.run_sync(nodes, APP, 2)
    ann, ann_ref = await join(nursery, a.port, "ann")
    await join(nursery, b.port, "bob")
    await until_users(ann, ann_ref, ["ann", "bob"])
    mark = len(a.lines)
    await trio.to_thread.run_sync(b.kill)  # SIGKILL: no leave, no "down"
    with trio.fail_after(15):  # bob's own join diff may still be on its way first
        while not (change := (await ann.next("presence_diff"))[4])["leaves"]:
            pass
    assert list(change["leaves"]) == ["bob"] and change["joins"] == {}
    assert await users(ann, ann_ref) == ["ann"]
    a.wait_for(r"presence: node \w+ silent for [\d.]+s; removed its 1 presence", after=mark)


async def test_a_node_shutting_down_cleanly_says_so(nodes, nursery):
    # A timeout far beyond the test's bounded waits: only B's own messages can
    # remove bob from node A's list here.
    a, b = await trio.to_thread.run_sync(partial(nodes, APP, 2, QUEST_PRESENCE_TIMEOUT="600"))
    ann, ann_ref = await join(nursery, a.port, "ann")
    await join(nursery, b.port, "bob")
    await until_users(ann, ann_ref, ["ann", "bob"])
    mark = len(a.lines)
    assert await trio.to_thread.run_sync(b.stop) == 0  # SIGTERM: graceful
    await until_users(ann, ann_ref, ["ann"])
    await trio.to_thread.run_sync(lambda: a.wait_for(r"presence: node \w+ shut down", after=mark))


async def test_nodes_reconnect_after_redis_restarts(redis_server: RedisServer, nodes, nursery):
    a, b = await trio.to_thread.run_sync(nodes, APP, 2)
    ann, ann_ref = await join(nursery, a.port, "ann")
    bob, bob_ref = await join(nursery, b.port, "bob")
    await until_users(ann, ann_ref, ["ann", "bob"])
    marks = len(a.lines), len(b.lines)
    await trio.to_thread.run_sync(lambda: redis_server.stop(kill=True))
    await trio.to_thread.run_sync(lambda: a.wait_for("lost the Redis subscription", after=marks[0]))
    # Local clients are still served while Redis is away.
    await ann.push(ann_ref, "room:1", "shout", {"text": "local"})
    assert (await ann.next("shout"))[4] == {"text": "local"}

    await trio.to_thread.run_sync(redis_server.start)
    for node, mark in zip((a, b), marks, strict=True):
        await trio.to_thread.run_sync(
            lambda n=node, m=mark: n.wait_for(r"resubscribed to Redis channel", after=m)
        )
    # Presence converges again (state re-announced on resubscription) ...
    await until_users(ann, ann_ref, ["ann", "bob"])
    await until_users(bob, bob_ref, ["ann", "bob"])
    # ... and broadcasts flow again between the nodes.
    await bob.push(bob_ref, "room:1", "shout", {"text": "back"})
    with trio.fail_after(10):
        while (await ann.next("shout"))[4] != {"text": "back"}:
            pass
