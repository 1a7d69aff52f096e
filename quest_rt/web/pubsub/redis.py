"""The Redis adapter: one app's broadcasts reach every node through one Redis channel.

Model (docs/scaling.md says the same for users)::

    handler ──broadcast──▶ PubSub ──publish──▶ RedisAdapter
                              ▲                   │ 1. deliver_local at once (this node)
                              │                   │ 2. encode once, append to _queue (bounded,
                              │                   │    never waits)
                              │            publisher task: one pipeline of PUBLISH per wake-up
                              │                   ▼
                              │               Redis channel "quest:pubsub"
                              │                   │
                              └──deliver_local── subscriber thread on every node: messages whose
                                  (other nodes)   origin is this node are skipped

Why these choices:

- **One channel per app, not per topic.** One SUBSCRIBE per node for its whole life:
  no SUBSCRIBE round trip when a client joins a topic (so no window in which a fresh
  subscriber misses a broadcast), no churn as topics come and go, and one
  resubscription after a reconnect. The price is that every node receives every
  broadcast, also for topics it has no subscriber of; that costs one JSON decode and
  a dict lookup, measured in bench/pubsub_redis.py.
- **redis-py (sync) in worker threads**, not coredis on anyio: measured here
  (docs/scaling.md) publishing pipelined costs the same, and receiving costs half the
  CPU per message (12-19 µs against 23-29 µs); and a reader thread that hands batches
  to Trio with ``run_sync_soon`` keeps reconnection in our hands, where we log it and
  re-announce presences.
- **The sender delivers locally at once**; each record carries the origin node id
  and a node skips its own records, so no client on the sending node gets a
  broadcast twice. ``exclude`` (``broadcast_from``) is a subscription id of the
  sending node only: other nodes deliver with no exclusion, as ids are per node.

Failure: while Redis is away the node keeps serving its own clients (local delivery
does not touch Redis). Queued records wait (at most ``queue_limit``, oldest dropped
first) and are flushed after the reconnect; a pipeline that fails midway is lost;
other nodes receive nothing sent while they were unsubscribed. Redis pub/sub is
at-most-once, and so is this adapter.
"""

from __future__ import annotations

import base64
import json
import logging
import secrets
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import redis
import trio
from redis.backoff import NoBackoff
from redis.retry import Retry

from .adapter import Adapter
from .pubsub import Broadcast

if TYPE_CHECKING:
    from .pubsub import PubSub

__all__ = ["RedisAdapter", "RedisStatistics"]

log = logging.getLogger("quest_rt.web.pubsub")

#: Seconds a reader thread blocks in one read; also how soon it notices a stop.
_POLL = 0.25
#: Records sent in one pipeline at most (a burst larger than this takes several).
_BATCH = 1000
#: Errors that mean "Redis is not reachable now", as opposed to a bug.
_DOWN = (redis.ConnectionError, redis.TimeoutError, OSError)


class RedisStatistics:
    """Counters of one adapter (read them from the serving loop)."""

    __slots__ = ("connects", "dropped", "lost", "published", "received", "skipped_own")

    def __init__(self) -> None:
        self.published = 0  #: records sent to Redis
        self.dropped = 0  #: records dropped because the queue was full
        self.lost = 0  #: records in a pipeline that failed
        self.received = 0  #: records from other nodes, delivered locally
        self.skipped_own = 0  #: this node's own records, come back and skipped
        self.connects = 0  #: successful subscriptions (the first and every reconnect)


class RedisAdapter(Adapter):
    """Broadcasts to every node subscribed to ``channel`` on the Redis at ``url``.

    Call :meth:`run` in the server's nursery (``serve()`` does, through
    ``WebApp.services``); until it runs, broadcasts are delivered locally and queued.

    Args:
        url: ``redis://[user:password@]host[:port][/db]`` (or ``rediss://``, ``unix://``).
        channel: the Redis channel; nodes of one app share it, other apps on the
            same Redis pick another.
        encode_json: encodes a payload (the app's JSON, so values reach remote
            clients exactly as local ones get them).
        queue_limit: records waiting for Redis at most; beyond, the oldest is dropped.
        backoff: first and largest delay between reconnection attempts, seconds.
    """

    def __init__(
        self,
        url: str,
        *,
        channel: str = "quest:pubsub",
        encode_json: Callable[[Any], str] | None = None,
        queue_limit: int = 10_000,
        backoff: tuple[float, float] = (0.1, 5.0),
        node_id: str | None = None,
    ) -> None:
        self.url = url
        self.channel = channel
        self.node_id = node_id if node_id is not None else secrets.token_hex(8)
        self.queue_limit = queue_limit
        self.backoff = backoff
        self.statistics = RedisStatistics()
        #: Called on the serving loop after every (re)subscription: presence
        #: re-announces itself here.
        self.on_subscribed: list[Callable[[], Any]] = []
        #: ``{topic: fn(message)}``: records of these topics are node-to-node traffic
        #: (presence replication), handed to ``fn`` and never to subscribers, so no
        #: client can join such a topic and read them.
        self.control: dict[str, Callable[[Broadcast], Any]] = {}
        self._encode_json = encode_json if encode_json is not None else _default_json
        self._prefix = self.node_id.encode() + b" "
        self._pubsub: PubSub | None = None
        self._queue: deque[bytes] = deque()
        self._wake = trio.Event()
        self._stopping = False
        # Checked now, so a bad URL is an error at configure time, not in a log.
        redis.connection.parse_url(url)

    # ── the seam ───────────────────────────────────────────────────────────

    def attach(self, pubsub: PubSub) -> None:
        self._pubsub = pubsub

    def publish(self, message: Broadcast) -> int:
        assert self._pubsub is not None, "adapter used before PubSub attached it"
        sent = self._pubsub.deliver_local(message)
        self.enqueue(self.encode(message))
        return sent

    def send_control(self, topic: str, event: str, payload: Any) -> None:
        """Send node-to-node traffic to the other nodes' :attr:`control` handlers."""
        self.enqueue(self.encode(Broadcast(topic, event, payload)))

    def enqueue(self, record: bytes) -> None:
        """Queue one encoded record for the publisher task; never waits."""
        queue = self._queue
        if len(queue) >= self.queue_limit:
            queue.popleft()
            self.statistics.dropped += 1
        queue.append(record)
        self._wake.set()

    # ── the record ─────────────────────────────────────────────────────────

    def encode(self, message: Broadcast) -> bytes:
        """``node_id SP json``: the origin first, so a node skips its own records
        without decoding them. A Bytes payload travels as base64 under ``"b"``."""
        payload = message.payload
        head = f'{{"t":{json.dumps(message.topic)},"e":{json.dumps(message.event)},'
        if type(payload) is bytes:
            body = f'{head}"b":"{base64.b64encode(payload).decode("ascii")}"}}'
        else:
            body = f'{head}"p":{self._encode_json(payload)}}}'
        return self._prefix + body.encode()

    def decode(self, record: bytes) -> Broadcast | None:
        """The Broadcast in a record from another node; None for this node's own."""
        if record.startswith(self._prefix):
            return None
        body = json.loads(record[record.index(b" ") + 1 :])
        payload = base64.b64decode(body["b"]) if "b" in body else body["p"]
        return Broadcast(body["t"], body["e"], payload)

    # ── the tasks ──────────────────────────────────────────────────────────

    async def run(self) -> None:
        """Publish and subscribe until cancelled (the server's shutdown)."""
        self._stopping = False
        try:
            async with trio.open_nursery() as nursery:
                nursery.start_soon(self._publisher)
                nursery.start_soon(self._subscriber)
        finally:
            self._stopping = True

    def _client(self) -> redis.Redis:
        return redis.Redis.from_url(
            self.url,
            socket_timeout=5.0,
            socket_connect_timeout=2.0,
            health_check_interval=5,
            # No retries inside redis-py: reconnection is ours, logged, with backoff.
            retry=Retry(NoBackoff(), 0),
        )

    async def _publisher(self) -> None:
        client = self._client()
        delay = self.backoff[0]
        down = False
        try:
            while True:
                if not self._queue:
                    self._wake = trio.Event()
                    await self._wake.wait()
                batch = [self._queue.popleft() for _ in range(min(len(self._queue), _BATCH))]
                try:
                    await trio.to_thread.run_sync(self._send, client, batch, abandon_on_cancel=True)
                except _DOWN as exc:
                    self.statistics.lost += len(batch)
                    if not down:
                        log.warning(
                            "pubsub: cannot publish to Redis (%s); %d broadcast(s) lost for "
                            "other nodes, local clients still served; retrying",
                            _reason(exc),
                            len(batch),
                        )
                    down = True
                    await trio.sleep(delay)
                    delay = min(delay * 2, self.backoff[1])
                    continue
                self.statistics.published += len(batch)
                if down:
                    log.info("pubsub: publishing to Redis again")
                    down = False
                    delay = self.backoff[0]
        finally:
            # A clean shutdown: what the last connections said (their leaves, the
            # presence "down") still goes out, if Redis answers within a second.
            if self._queue:
                batch = list(self._queue)
                self._queue.clear()
                with trio.CancelScope(shield=True), trio.move_on_after(1.0):
                    try:
                        await trio.to_thread.run_sync(
                            self._send, client, batch, abandon_on_cancel=True
                        )
                        self.statistics.published += len(batch)
                    except _DOWN:
                        self.statistics.lost += len(batch)
            client.close()

    def _send(self, client: redis.Redis, batch: list[bytes]) -> None:
        # Worker thread: one round trip for the whole batch.
        pipe = client.pipeline(transaction=False)
        for record in batch:
            pipe.publish(self.channel, record)
        pipe.execute()

    async def _subscriber(self) -> None:
        token = trio.lowlevel.current_trio_token()
        delay = self.backoff[0]
        attempts = 0
        while True:
            try:
                sub = await trio.to_thread.run_sync(self._subscribe, abandon_on_cancel=True)
            except _DOWN as exc:
                attempts += 1
                if attempts == 1 or attempts % 10 == 0:
                    log.warning(
                        "pubsub: Redis at %s unreachable (%s); local clients still served; "
                        "retrying in %.1fs (attempt %d)",
                        _safe_url(self.url),
                        _reason(exc),
                        delay,
                        attempts,
                    )
                await trio.sleep(delay)
                delay = min(delay * 2, self.backoff[1])
                continue
            self.statistics.connects += 1
            log.info(
                "pubsub: %s to Redis channel %r at %s as node %s%s",
                "subscribed" if self.statistics.connects == 1 else "resubscribed",
                self.channel,
                _safe_url(self.url),
                self.node_id,
                f" after {attempts} failed attempt(s)" if attempts else "",
            )
            attempts, delay = 0, self.backoff[0]
            for callback in list(self.on_subscribed):
                # A failing callback (presence state that cannot be encoded) must not
                # take the subscription, or the server, down with it.
                try:
                    callback()
                except Exception:
                    log.exception("pubsub: an on_subscribed callback failed")
            try:
                await trio.to_thread.run_sync(self._read, sub, token, abandon_on_cancel=True)
            except _DOWN as exc:
                log.warning(
                    "pubsub: lost the Redis subscription (%s); local clients still served; "
                    "reconnecting",
                    _reason(exc),
                )
            finally:
                sub.close()

    def _subscribe(self) -> redis.client.PubSub:
        # Worker thread: connect, SUBSCRIBE, and wait for the confirmation, so that
        # "subscribed" in the log means broadcasts from now on arrive.
        sub = self._client().pubsub()
        try:
            sub.subscribe(self.channel)
            while True:
                message = sub.get_message(timeout=5.0)
                if message is None:
                    raise redis.TimeoutError("no SUBSCRIBE confirmation in 5s")
                if message["type"] == "subscribe":
                    return sub
        except BaseException:
            sub.close()
            raise

    def _read(self, sub: redis.client.PubSub, token: trio.lowlevel.TrioToken) -> None:
        # Worker thread: read what is there, hand it to the loop as one batch.
        while not self._stopping:
            message = sub.get_message(timeout=_POLL)
            if message is None:
                continue
            batch = []
            while message is not None:
                if message["type"] == "message":
                    batch.append(message["data"])
                message = sub.get_message(timeout=0)
            if batch:
                token.run_sync_soon(self._deliver, batch)

    def _deliver(self, batch: list[bytes]) -> None:
        # Serving loop. An exception escaping a run_sync_soon callback would crash
        # the loop; one bad record (another app on our channel) is logged instead.
        pubsub = self._pubsub
        if pubsub is None:
            return
        stats = self.statistics
        for record in batch:
            try:
                message = self.decode(record)
                if message is None:
                    stats.skipped_own += 1
                    continue
                stats.received += 1
                handler = self.control.get(message.topic)
                if handler is not None:
                    handler(message)
                else:
                    pubsub.deliver_local(message)
            except Exception:
                log.exception("pubsub: cannot deliver a record from Redis: %r", record[:200])


def _default_json(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _reason(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


def _safe_url(url: str) -> str:
    """The URL without its password, for logs."""
    head, sep, tail = url.rpartition("@")
    if not sep:
        return url
    scheme, _, _ = head.partition("://")
    return f"{scheme}://***@{tail}"
