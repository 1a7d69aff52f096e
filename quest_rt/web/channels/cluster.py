"""Presence across nodes: every node's tracker also holds the other nodes' presences.

Each node keeps tracking its own channels in a :class:`ClusterTracker` (the
:class:`~.presence.Tracker` that also announces its changes) and learns the others'
from control messages of topic :data:`TOPIC`, which the Redis adapter carries in the
same stream as broadcasts (so in order with them, per sending node) but hands to
:meth:`ClusterPresence._receive` only — never to subscribers, so no client joining a
topic of that name can read them::

    "diff"       {"node", "topic", "joins", "leaves"}  a local track/untrack
    "state"      {"node", "topics": {topic: {key: {ref: meta}}}}  everything it tracks
    "sync"       {"node"}   "send me your state" (a node that just (re)subscribed)
    "heartbeat"  {"node"}   every ``heartbeat`` seconds
    "down"       {"node"}   a node shutting down cleanly

The clients of a node converge without extra traffic: a track on node B is already
broadcast as ``presence_diff`` to every node's subscribers of the topic. What the
control messages add is ``presence.list`` and ``presence_state`` on join (remote
entries merged in), and the leaves nobody would otherwise send.

Failure, heartbeats rather than expiring Redis keys: a node silent for ``timeout``
seconds (killed, partitioned, or Redis away) has its presences removed and a
``presence_diff`` of leaves delivered to this node's subscribers. Heartbeats need no
Redis data and no polling of keys, they ride the one subscription every node already
has, and the same timer covers "Redis unreachable" — after which the returning node's
``state`` (sent on every resubscription, answered by every other node's) re-adds what
is still there, diffed against what this node last knew, so clients see the joins and
leaves that happened meanwhile.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import trio

from ..pubsub import Broadcast
from .presence import Entries, Tracker, diff
from .wire import PRESENCE_DIFF

if TYPE_CHECKING:
    from collections.abc import Hashable

    from .hub import ChannelHub

__all__ = ["TOPIC", "ClusterPresence", "ClusterTracker", "run_with_presence"]

log = logging.getLogger("quest_rt.web.pubsub")

#: The topic of presence control records (node-to-node, see the adapter's ``control``).
TOPIC = "quest:presence"


class ClusterTracker(Tracker):
    """A node's tracker plus the presences of the other nodes, by node."""

    def __init__(self, announce: Any) -> None:
        super().__init__()
        self._announce = announce
        # {node: {topic: {key: {ref: meta}}}}
        self.remote: dict[str, dict[str, Entries]] = {}

    def track(self, owner: Hashable, topic: str, key: str, meta: dict[str, Any]) -> dict[str, Any]:
        change = super().track(owner, topic, key, meta)
        self._announce(topic, change)
        return change

    def untrack(self, owner: Hashable, topic: str) -> dict[str, Any] | None:
        change = super().untrack(owner, topic)
        if change is not None:
            self._announce(topic, change)
        return change

    def list(self, topic: str) -> dict[str, dict[str, list[dict[str, Any]]]]:
        state = super().list(topic)
        for topics in self.remote.values():
            for key, metas in topics.get(topic, {}).items():
                if metas:
                    state.setdefault(key, {"metas": []})["metas"].extend(metas.values())
        return state

    def local_entries(self) -> dict[str, Entries]:
        return self._topics


class ClusterPresence:
    """Replicates ``hub``'s presences between the nodes of its PubSub.

    Args:
        adapter: the node's :class:`~..pubsub.redis.RedisAdapter` (its id is the node's).
        heartbeat: seconds between heartbeats.
        timeout: seconds of silence after which a node's presences are removed.
    """

    def __init__(
        self, hub: ChannelHub, adapter: Any, *, heartbeat: float = 1.0, timeout: float = 5.0
    ) -> None:
        self.hub = hub
        self.adapter = adapter
        self.node_id = adapter.node_id
        self.heartbeat = heartbeat
        self.timeout = timeout
        self.tracker = ClusterTracker(self._announce_diff)
        self._seen: dict[str, float] = {}

    def install(self) -> None:
        """Make the hub track through this (before the first client can join)."""
        self.hub.presence = self.tracker

    async def run(self) -> None:
        """Receive control messages and send heartbeats until cancelled; announce
        "down" when cancelled (a clean shutdown)."""
        self.adapter.control[TOPIC] = self._receive
        try:
            await self._beat()
        finally:
            self.adapter.control.pop(TOPIC, None)
            self._send("down", {})

    def announce(self) -> None:
        """After a (re)subscription: this node's state, and a request for everyone's."""
        self._send("state", {"topics": self.tracker.local_entries()})
        self._send("sync", {})

    # ── sending ────────────────────────────────────────────────────────────

    def _send(self, event: str, body: dict[str, Any]) -> None:
        self.adapter.send_control(TOPIC, event, {"node": self.node_id, **body})

    def _announce_diff(self, topic: str, change: dict[str, Any]) -> None:
        self._send("diff", {"topic": topic, **change})

    async def _beat(self) -> None:
        while True:
            try:
                self._send("heartbeat", {})
                self._expire(trio.current_time())
            except Exception:
                # Logged, not raised: this task shares the server's nursery.
                log.exception("presence: heartbeat or expiry failed")
            await trio.sleep(self.heartbeat)

    # ── receiving ──────────────────────────────────────────────────────────

    def _receive(self, message: Broadcast) -> None:
        body = message.payload
        node = body.get("node") if isinstance(body, dict) else None
        if node is None or node == self.node_id:
            return
        event = message.event
        known = node in self._seen
        self._seen[node] = trio.current_time()
        remote = self.tracker.remote
        if event == "down":
            self._drop(node, "shut down")
        elif event == "state":
            self._replace(node, body.get("topics") or {})
        elif event == "sync":
            self._send("state", {"topics": self.tracker.local_entries()})
        elif event == "diff":
            entries = remote.setdefault(node, {}).setdefault(body["topic"], {})
            _apply(entries, body.get("joins") or {}, body.get("leaves") or {})
        if not known and event in ("heartbeat", "diff"):
            # A node we had no state for (new, or expired and back): ask for it.
            self._send("sync", {})

    def _replace(self, node: str, topics: dict[str, Entries]) -> None:
        old = self.tracker.remote.get(node, {})
        self.tracker.remote[node] = topics
        for topic in set(old) | set(topics):
            before, after = old.get(topic, {}), topics.get(topic, {})
            joins = _minus(after, before)
            leaves = _minus(before, after)
            if joins or leaves:
                self._deliver(topic, diff(joins, leaves))

    def _expire(self, now: float) -> None:
        for node, seen in list(self._seen.items()):
            if now - seen > self.timeout:
                self._drop(node, f"silent for {now - seen:.1f}s")

    def _drop(self, node: str, why: str) -> None:
        self._seen.pop(node, None)
        topics = self.tracker.remote.pop(node, {})
        count = sum(len(metas) for entries in topics.values() for metas in entries.values())
        if count or why == "shut down":
            log.info("presence: node %s %s; removed its %d presence(s)", node, why, count)
        for topic, entries in topics.items():
            if entries:
                self._deliver(topic, diff({}, entries))

    def _deliver(self, topic: str, change: dict[str, Any]) -> None:
        # This node's subscribers only: every node computes its own leaves.
        self.hub.pubsub.deliver_local(Broadcast(topic, PRESENCE_DIFF, change))


async def run_with_presence(adapter: Any, hub: ChannelHub | None, timeout: float = 5.0) -> None:
    """Run ``adapter`` (a :class:`~..pubsub.redis.RedisAdapter`) and, when the app has
    channels, presence replication over it: a node silent ``timeout`` seconds loses
    its presences (heartbeats every ``timeout / 4``)."""
    if hub is None:
        await adapter.run()
        return
    cluster = ClusterPresence(hub, adapter, heartbeat=timeout / 4, timeout=timeout)
    cluster.install()
    adapter.on_subscribed.append(cluster.announce)
    # The adapter stops after the cluster: the "down" the cluster queues as it stops
    # is then flushed by the adapter's own shutdown.
    adapter_scope = trio.CancelScope(shield=True)

    async def run_adapter() -> None:
        with adapter_scope:
            await adapter.run()

    async with trio.open_nursery() as nursery:
        nursery.start_soon(run_adapter)
        try:
            await cluster.run()
        finally:
            adapter_scope.cancel()


def _apply(entries: Entries, joins: dict[str, Any], leaves: dict[str, Any]) -> None:
    """Apply a ``presence_diff`` payload (``{key: {"metas": [...]}}``) to entries."""
    for key, value in joins.items():
        for meta in value.get("metas", []):
            entries.setdefault(key, {})[meta["phx_ref"]] = meta
    for key, value in leaves.items():
        metas = entries.get(key)
        if metas is None:
            continue
        for meta in value.get("metas", []):
            metas.pop(meta["phx_ref"], None)
        if not metas:
            del entries[key]


def _minus(a: Entries, b: Entries) -> Entries:
    """The metas of ``a`` whose ref is not in ``b``, by key."""
    out: Entries = {}
    for key, metas in a.items():
        other = b.get(key, {})
        kept = {ref: meta for ref, meta in metas.items() if ref not in other}
        if kept:
            out[key] = kept
    return out
