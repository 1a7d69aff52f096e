"""Presence replication's rules on one node, fed the records another node would send
(the adapter is real but not started: what this node sends stays in its queue)."""

from __future__ import annotations

import trio

from quest_rt.web.channels import ChannelHub
from quest_rt.web.channels.cluster import TOPIC, ClusterPresence
from quest_rt.web.pubsub import Broadcast, PubSub
from quest_rt.web.pubsub.redis import RedisAdapter


def setup(nursery):
    adapter = RedisAdapter("redis://127.0.0.1:1", node_id="me")
    hub = ChannelHub(PubSub(adapter))
    cluster = ClusterPresence(hub, adapter, heartbeat=1, timeout=5)
    cluster.install()
    diffs: list[dict] = []
    hub.pubsub.subscribe("room", nursery, callback=lambda m: diffs.append(m.payload))
    return adapter, hub, cluster, diffs


def record(event: str, **body) -> Broadcast:
    return Broadcast(TOPIC, event, {"node": "other", **body})


def sent(adapter: RedisAdapter) -> list[tuple[str, dict]]:
    out = []
    for raw in adapter._queue:
        message = RedisAdapter("redis://x", node_id="reader").decode(raw)
        out.append((message.event, message.payload))
    return out


async def test_state_from_a_node_is_merged_and_diffed_for_local_clients(nursery):
    adapter, hub, cluster, diffs = setup(nursery)
    hub.track("chan-1", "room", "ann", {"n": 1})
    bob = {"phx_ref": "b1", "n": 2}
    cluster._receive(record("state", topics={"room": {"bob": {"b1": bob}}}))
    assert sorted(hub.list("room")) == ["ann", "bob"]
    assert diffs[-1] == {"joins": {"bob": {"metas": [bob]}}, "leaves": {}}
    # The same state again: nothing changed, no diff for the clients.
    count = len(diffs)
    cluster._receive(record("state", topics={"room": {"bob": {"b1": bob}}}))
    assert len(diffs) == count
    # A state without bob (he left while Redis was away): a leave.
    cluster._receive(record("state", topics={}))
    assert diffs[-1] == {"joins": {}, "leaves": {"bob": {"metas": [bob]}}}
    assert list(hub.list("room")) == ["ann"]


async def test_a_silent_node_expires_and_a_diff_from_an_unknown_node_asks_for_state(nursery):
    adapter, hub, cluster, diffs = setup(nursery)
    cy = {"phx_ref": "c1"}
    cluster._receive(record("diff", topic="room", joins={"cy": {"metas": [cy]}}, leaves={}))
    assert list(hub.list("room")) == ["cy"]
    assert ("sync", {"node": "me"}) in sent(adapter)
    cluster._expire(trio.current_time() + 4)
    assert list(hub.list("room")) == ["cy"]
    cluster._expire(trio.current_time() + 6)
    assert hub.list("room") == {}
    assert diffs[-1] == {"joins": {}, "leaves": {"cy": {"metas": [cy]}}}


async def test_local_tracks_are_announced_and_sync_is_answered_with_state(nursery):
    adapter, hub, cluster, _ = setup(nursery)
    hub.track("chan-1", "room", "ann", {})
    [(event, body)] = [m for m in sent(adapter) if m[0] == "diff"]
    assert body["topic"] == "room" and list(body["joins"]) == ["ann"]
    cluster._receive(record("sync"))
    [(_, state)] = [m for m in sent(adapter) if m[0] == "state"]
    assert list(state["topics"]["room"]) == ["ann"]
    # Records of this node's own id are ignored.
    cluster._receive(Broadcast(TOPIC, "down", {"node": "me"}))
    assert list(hub.list("room")) == ["ann"]
