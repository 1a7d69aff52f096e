"""How to talk to Redis from Trio: coredis (anyio) against redis-py in worker threads.

    .venv/bin/pip install -e '.[bench]'        # coredis, for the comparison only
    .venv/bin/python bench/redis_clients.py [--messages 20000]

Starts a private redis-server on a free port, then for each client:

- publish: PUBLISH of 64 B one at a time (awaited each), and pipelined 100 at a time;
  wall and process CPU per message;
- receive: a subscriber in this process while another process publishes ``--messages``
  records of 200 B (pipelined); process CPU per message received, from the first to
  the last. redis-py reads in a worker thread and hands batches to Trio with
  ``run_sync_soon`` (what the adapter does); coredis iterates its PubSub.

The figures chose the adapter's client (docs/scaling.md).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from wsload import free_port  # noqa: E402

PUBLISHER = """
import sys, redis
r = redis.Redis(port=int(sys.argv[1]))
pipe = r.pipeline(transaction=False)
for i in range(int(sys.argv[2])):
    pipe.publish("bench", b"x" * 200)
    if i % 100 == 99:
        pipe.execute()
pipe.publish("bench", b"END")
pipe.execute()
"""


def per_message(t0: float, c0: float, n: int) -> tuple[float, float]:
    return (time.perf_counter() - t0) / n * 1e6, (time.process_time() - c0) / n * 1e6


async def coredis_publish(port: int, n: int) -> tuple[tuple, tuple]:
    import coredis

    client = coredis.Redis(port=port)
    async with client:
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in range(n):
            await client.publish("p", b"x" * 64)
        one = per_message(t0, c0, n)
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in range(n // 100):
            async with client.pipeline(transaction=False) as pipe:
                for _ in range(100):
                    pipe.publish("p", b"x" * 64)
        return one, per_message(t0, c0, n)


async def redispy_publish(port: int, n: int) -> tuple[tuple, tuple]:
    import redis
    import trio

    client = redis.Redis(port=port)
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(n):
        await trio.to_thread.run_sync(client.publish, "p", b"x" * 64)
    one = per_message(t0, c0, n)

    def batch() -> None:
        pipe = client.pipeline(transaction=False)
        for _ in range(100):
            pipe.publish("p", b"x" * 64)
        pipe.execute()

    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(n // 100):
        await trio.to_thread.run_sync(batch)
    return one, per_message(t0, c0, n)


def start_publisher(port: int, n: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", PUBLISHER, str(port), str(n)])


async def coredis_receive(port: int, n: int) -> float:
    import coredis

    client = coredis.Redis(port=port)
    got = 0
    async with client, client.pubsub(channels=["bench"], ignore_subscribe_messages=True) as ps:
        proc = start_publisher(port, n)
        async for message in ps:
            if message["data"] == b"END":
                break
            got += 1
            if got == 1:
                c0 = time.process_time()
    proc.wait()
    return (time.process_time() - c0) / (got - 1) * 1e6


async def redispy_receive(port: int, n: int) -> float:
    import redis
    import trio

    sub = redis.Redis(port=port).pubsub(ignore_subscribe_messages=True)
    sub.subscribe("bench")
    sub.get_message(timeout=1)
    token = trio.lowlevel.current_trio_token()
    done = trio.Event()
    box = {"got": 0, "c0": 0.0}

    def deliver(batch: list) -> None:
        box["got"] += len(batch)

    def reader() -> None:
        while True:
            message = sub.get_message(timeout=1.0)
            if message is None:
                continue
            if not box["c0"]:
                box["c0"] = time.process_time()
            batch = [message]
            while (more := sub.get_message(timeout=0)) is not None:
                batch.append(more)
            token.run_sync_soon(deliver, batch)
            if batch[-1]["data"] == b"END":
                token.run_sync_soon(done.set)
                return

    proc = start_publisher(port, n)
    async with trio.open_nursery() as nursery:
        nursery.start_soon(trio.to_thread.run_sync, reader)
        await done.wait()
    proc.wait()
    sub.close()
    return (time.process_time() - box["c0"]) / (box["got"] - 1) * 1e6


def main() -> None:
    import trio

    parser = argparse.ArgumentParser(description="Redis clients on Trio")
    parser.add_argument("--messages", type=int, default=20000)
    parser.add_argument("--publishes", type=int, default=5000)
    args = parser.parse_args()
    port = free_port()
    server = subprocess.Popen(
        [
            shutil.which("redis-server") or "/usr/bin/redis-server",
            "--port",
            str(port),
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
    for line in server.stdout:
        if "Ready to accept connections" in line:
            break
    try:
        rows = []
        for name, publish, receive in (
            ("coredis", coredis_publish, coredis_receive),
            ("redis-py in a thread", redispy_publish, redispy_receive),
        ):
            one, piped = trio.run(publish, port, args.publishes)
            received = trio.run(receive, port, args.messages)
            rows.append((name, one, piped, received))
    finally:
        server.terminate()
        server.wait(10)
    print(f"\nµs per message (wall / CPU); {args.publishes} PUBLISH, {args.messages} received")
    print(f"{'client':<22}{'publish 1 by 1':>18}{'pipelined x100':>18}{'receive CPU':>14}")
    for name, one, piped, received in rows:
        print(
            f"{name:<22}{one[0]:>9.1f} /{one[1]:>6.1f}{piped[0]:>10.1f} /{piped[1]:>6.1f}"
            f"{received:>14.1f}"
        )


if __name__ == "__main__":
    main()
