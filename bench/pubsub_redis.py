"""Broadcasts across nodes on Redis against one node, in the same run.

    .venv/bin/python bench/pubsub_redis.py [--subscribers 2000] [--burst 50] [--rounds 40]

Two configurations of Phoenix channel subscribers on topic ``room:1`` (raw sockets
from ``wsload``; every client joins with a v2 ``phx_join``):

- **single**: one node (local adapter) with all N subscribers; the baseline;
- **cluster**: two nodes on one private redis-server, N/2 subscribers each.

A control client on the first node pushes ``shout``; the node's handler broadcasts
it. Figures:

- deliveries/s: a burst of ``--burst`` shouts back to back, until every subscriber
  has all of them (N × burst / time);
- p99 latency: ``--rounds`` single shouts, one at a time, from the push to each
  subscriber's arrival, every delivery counted;
- publish cost on the sending node: in-process, a PubSub on the Redis adapter with no
  subscribers broadcasting 20,000 times: process CPU (loop, encoder and publisher
  thread together) per broadcast, against the local adapter's.
"""

from __future__ import annotations

import argparse
import json
import os
import select
import shutil
import subprocess
import sys
import time
from functools import partial

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from wsload import (  # noqa: E402
    close_all,
    connect_many,
    free_port,
    percentile,
    raise_fd_limit,
    split_frames,
    text_frame,
)

TOPIC = "room:1"


# ── a node (child process) ──────────────────────────────────────────────────


def run_node(port: int, redis_url: str | None) -> None:
    import trio

    from quest_rt.web import WebApp, serve
    from quest_rt.web.channels import ChannelHub, mount
    from quest_rt.web.pubsub import PubSub
    from quest_rt.web.pubsub.redis import RedisAdapter

    app = WebApp()
    app.settings.access_log = False
    adapter = RedisAdapter(redis_url) if redis_url else None
    hub = ChannelHub(PubSub(adapter))
    if adapter is not None:
        app.services.append(adapter.run)
        subscribed = trio.Event()
        adapter.on_subscribed.append(subscribed.set)

    def room(channel, topic, params):
        channel.on_join(lambda params: {})
        channel.on("shout", lambda payload: hub.broadcast(topic, "shout", payload) and None)

    hub.channel("room:*", room)
    mount(app, hub, "/ws", check_origin=False)

    async def main() -> None:
        async with trio.open_nursery() as nursery:
            bound = await nursery.start(partial(serve, app, host="127.0.0.1", port=port))
            if adapter is not None:
                await subscribed.wait()
            print("READY", bound, flush=True)

    trio.run(main)


class Node:
    def __init__(self, redis_url: str | None) -> None:
        self.port = free_port()
        argv = [sys.executable, __file__, "--node", str(self.port)]
        if redis_url:
            argv += ["--redis", redis_url]
        self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        if not line.startswith("READY"):
            raise RuntimeError(f"node did not start: {line!r}")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(15)


# ── clients ─────────────────────────────────────────────────────────────────


def join_all(port: int, count: int) -> list:
    socks = connect_many(port, count, path="/ws/websocket?vsn=2.0.0")
    frame = text_frame(json.dumps(["1", "1", TOPIC, "phx_join", {}]).encode())
    for s in socks:
        s.setblocking(True)
        s.sendall(frame)
        s.setblocking(False)
    arrivals(socks, b'"phx_reply"', 1, time.perf_counter())
    return socks


def arrivals(socks: list, token: bytes, per_socket: int, started: float) -> list[float]:
    """Read until every socket has ``per_socket`` messages containing ``token``;
    the arrival times (seconds after ``started``) of every one."""
    ep = select.epoll()
    by_fd = {s.fileno(): s for s in socks}
    bufs = {fd: bytearray() for fd in by_fd}
    left = dict.fromkeys(by_fd, per_socket)
    for fd in by_fd:
        ep.register(fd, select.EPOLLIN)
    times: list[float] = []
    deadline = time.perf_counter() + 120
    waiting = len(by_fd)
    while waiting:
        if time.perf_counter() > deadline:
            raise TimeoutError(f"{waiting} subscribers are still waiting")
        for fd, _ in ep.poll(0.5):
            data = by_fd[fd].recv(1 << 20)
            if not data:
                raise ConnectionError("a node closed a subscriber")
            bufs[fd] += data
            now = time.perf_counter()
            for message in split_frames(bufs[fd]):
                if token in message and left[fd] > 0:
                    left[fd] -= 1
                    times.append(now - started)
                    if left[fd] == 0:
                        waiting -= 1
    ep.close()
    return times


def shout(control, text: str) -> None:
    control.setblocking(True)
    control.sendall(text_frame(json.dumps(["1", "2", TOPIC, "shout", {"t": text}]).encode()))
    control.setblocking(False)


def measure(ports: list[int], subscribers: int, burst: int, rounds: int) -> dict[str, float]:
    share = subscribers // len(ports)
    groups = [join_all(port, share) for port in ports]
    control = join_all(ports[0], 1)[0]
    socks = [s for group in groups for s in group]
    try:
        latencies: list[float] = []
        for i in range(rounds):
            token = f"L{i:05d}"
            started = time.perf_counter()
            shout(control, token)
            latencies += arrivals(socks, token.encode(), 1, started)
        latencies.sort()
        started = time.perf_counter()
        for i in range(burst):
            shout(control, f"B{i:05d}")
        took = max(arrivals(socks, b'"B0', burst, started))
        return {
            "rate": len(socks) * burst / took,
            "p50": percentile(latencies, 0.50),
            "p99": percentile(latencies, 0.99),
        }
    finally:
        close_all(socks + [control])


# ── publish cost, in process ────────────────────────────────────────────────


def publish_cost(redis_url: str, count: int = 20_000) -> tuple[float, float, float]:
    """(redis µs CPU per broadcast, local µs, redis µs on the handler's path)."""
    import trio

    from quest_rt.web.pubsub import LocalAdapter, PubSub
    from quest_rt.web.pubsub.redis import RedisAdapter

    payload = {"user": "ann", "text": "x" * 40}

    def cost_local() -> float:
        pubsub = PubSub(LocalAdapter())
        c0 = time.process_time()
        for _ in range(count):
            pubsub.broadcast(TOPIC, "shout", payload)
        return (time.process_time() - c0) / count * 1e6

    async def cost_redis() -> tuple[float, float]:
        adapter = RedisAdapter(redis_url, queue_limit=count)
        pubsub = PubSub(adapter)
        subscribed = trio.Event()
        adapter.on_subscribed.append(subscribed.set)
        async with trio.open_nursery() as nursery:
            nursery.start_soon(adapter.run)
            await subscribed.wait()
            c0 = time.process_time()
            path = 0.0
            for _ in range(count // 100):
                t = time.perf_counter()
                for _ in range(100):
                    pubsub.broadcast(TOPIC, "shout", payload)
                path += time.perf_counter() - t
                await trio.sleep(0)
            while adapter.statistics.published < count:
                await trio.sleep(0.001)
            cpu = (time.process_time() - c0) / count * 1e6
            nursery.cancel_scope.cancel()
        return cpu, path / count * 1e6

    redis_cpu, handler = trio.run(cost_redis)
    return redis_cpu, cost_local(), handler


# ── main ────────────────────────────────────────────────────────────────────


def main() -> None:
    parser = argparse.ArgumentParser(description="cross-node broadcast benchmark")
    parser.add_argument("--subscribers", type=int, default=2000)
    parser.add_argument("--burst", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--node", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--redis", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.node is not None:
        run_node(args.node, args.redis)
        return
    raise_fd_limit()
    server = shutil.which("redis-server") or "/usr/bin/redis-server"
    redis_port = free_port()
    redis = subprocess.Popen(
        [
            server,
            "--port",
            str(redis_port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    for line in redis.stdout:
        if "Ready to accept connections" in line:
            break
    url = f"redis://127.0.0.1:{redis_port}"
    results = {}
    try:
        single = Node(None)
        try:
            results["single"] = measure([single.port], args.subscribers, args.burst, args.rounds)
        finally:
            single.stop()
        cluster = [Node(url), Node(url)]
        try:
            ports = [n.port for n in cluster]
            results["cluster"] = measure(ports, args.subscribers, args.burst, args.rounds)
        finally:
            for node in cluster:
                node.stop()
        redis_cpu, local_cpu, handler = publish_cost(url)
    finally:
        redis.terminate()
        redis.wait(10)
    base = results["single"]["rate"]
    n = args.subscribers
    print(f"\n{n} subscribers of one topic; burst of {args.burst}, {args.rounds} latency rounds")
    print(f"{'config':<28}{'deliveries/s':>14}{'p50 ms':>9}{'p99 ms':>9}{'ratio':>8}")
    for name, label in (("single", "1 node, local adapter"), ("cluster", "2 nodes on Redis")):
        r = results[name]
        print(
            f"{label:<28}{r['rate']:>14.0f}{r['p50'] * 1e3:>9.1f}{r['p99'] * 1e3:>9.1f}"
            f"{r['rate'] / base:>7.2f}x"
        )
    print("\nPublish cost on the sending node, no subscribers, 20,000 broadcasts:")
    print(f"  Redis adapter: {redis_cpu:.1f} µs CPU per broadcast (process, threads included)")
    print(f"                 {handler:.1f} µs on the handler's path (encode + queue)")
    print(f"  local adapter: {local_cpu:.1f} µs CPU per broadcast (baseline)")


if __name__ == "__main__":
    main()
