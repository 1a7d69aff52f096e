"""Channels benchmarks (issue 7): Layer 2 against Layer 1 in the same run.

    .venv/bin/python bench/channels.py fanout     [--clients 1000,10000] [--rounds 5]
    .venv/bin/python bench/channels.py roundtrip  [--concurrency 1,50] [--duration 5]
    .venv/bin/python bench/channels.py joins      [--connections 100] [--topics 50]
    .venv/bin/python bench/channels.py memory     [--clients 10000] [--extra 4]

Servers run in their own processes (bench/servers.py): ``engine-direct`` is the
Layer-1 baseline (``ws.broadcast`` / a plain echo handler on the direct transport),
``channels`` the Phoenix socket on the same transport. The load client is
bench/wsload.py's raw epoll client; channel frames are hand-written v2 JSON.

- fanout: N+1 connections (each joined to ``bench:1`` for channels); one of them
  triggers a broadcast; the clock stops when the last one has it; deliveries/s,
  median of ``--rounds``, ratio to Layer 1's ``ws.broadcast`` to as many plain sockets.
- roundtrip: closed loop, one push in flight per connection, each answered by a
  ``phx_reply`` (channels) or an echo (Layer 1).
- joins: ``--connections`` sockets each join ``--topics`` topics, pipelined; joins/s
  until the last reply.
- memory: server RSS per connection with one joined channel, and per extra joined
  channel, at ``--clients`` connections; Layer 1's idle connection as the baseline.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import select
import socket
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from wsload import (  # noqa: E402
    ServerProcess,
    close_all,
    connect_many,
    cpu_seconds,
    echo_round_trips,
    raise_fd_limit,
    split_frames,
    text_frame,
    wait_for_message,
)

LAYER1 = "engine-direct"
CHANNELS = "channels"
SOCKETIO = "socketio"
SOCKET_PATH = "/ws/websocket?vsn=2.0.0"
SOCKETIO_PATH = "/socket.io/?EIO=4&transport=websocket"


def frame(join_ref, ref, topic, event, payload) -> bytes:
    return json.dumps([join_ref, ref, topic, event, payload], separators=(",", ":")).encode()


def wait_replies(socks, per_socket: int, timeout: float = 120.0) -> float:
    """Read until every socket got ``per_socket`` messages; the time of the last."""
    ep = select.epoll()
    by_fd = {s.fileno(): s for s in socks}
    bufs = {fd: bytearray() for fd in by_fd}
    missing = dict.fromkeys(by_fd, per_socket)
    for fd in by_fd:
        ep.register(fd, select.EPOLLIN)
    deadline = time.perf_counter() + timeout
    last = 0.0
    while missing:
        if time.perf_counter() > deadline:
            raise TimeoutError(f"{len(missing)} sockets still waiting for replies")
        for fd, _ in ep.poll(0.5):
            data = by_fd[fd].recv(262144)
            if not data:
                raise ConnectionError("server closed a connection")
            bufs[fd] += data
            got = len(split_frames(bufs[fd]))
            if got and fd in missing:
                missing[fd] -= got
                if missing[fd] <= 0:
                    del missing[fd]
                last = time.perf_counter()
    ep.close()
    return last


def send_all(socks, data_for) -> None:
    for i, s in enumerate(socks):
        s.setblocking(True)
        s.sendall(data_for(i))
        s.setblocking(False)


def join(socks, topics: list[str]) -> float:
    """Each socket joins every topic (pipelined); returns seconds until the last reply."""
    started = time.perf_counter()
    send_all(
        socks,
        lambda i: b"".join(
            text_frame(frame(str(n), str(n), topic, "phx_join", {}))
            for n, topic in enumerate(topics, 1)
        ),
    )
    return wait_replies(socks, len(topics)) - started


def connect_socketio(port: int, count: int, batch: int = 250) -> list[socket.socket]:
    """Engine.IO 4 over WebSocket: the upgrade, the server's open packet ``0{...}``,
    then ``40`` (connect to ``/``) answered by ``40{"sid":...}``."""
    request = (
        f"GET {SOCKETIO_PATH} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
        "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
    ).encode()
    socks: list[socket.socket] = []
    while len(socks) < count:
        group = []
        for _ in range(min(batch, count - len(socks))):
            s = socket.create_connection(("127.0.0.1", port))
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            s.sendall(request + base64.b64encode(os.urandom(16)) + b"\r\n\r\n")
            group.append(s)
        for s in group:
            data = b""
            while b"\r\n\r\n" not in data:
                data += s.recv(65536)
            head, _, rest = data.partition(b"\r\n\r\n")
            if b" 101 " not in head.split(b"\r\n", 1)[0]:
                raise ConnectionError(head.split(b"\r\n", 1)[0].decode())
            buf = bytearray(rest)
            s.sendall(text_frame(b"40"))
            connected = False
            while not connected:
                for message in split_frames(buf):
                    connected = connected or message.startswith(b"40")
                if not connected:
                    buf += s.recv(65536)
            s.setblocking(False)
        socks.extend(group)
    return socks


def open_clients(server: ServerProcess, count: int, kind: str, topic: str = "bench:1"):
    if kind == SOCKETIO:
        return connect_socketio(server.port, count)
    socks = connect_many(server.port, count, SOCKET_PATH if kind == CHANNELS else "/ws")
    if kind == CHANNELS:
        join(socks, [topic])
    return socks


def broadcast_frames(kind: str, text: str) -> tuple[bytes, bytes]:
    """(what the trigger sends, what every receiver gets)."""
    if kind == CHANNELS:
        return (
            frame("1", "r", "bench:1", "broadcast", {"p": text}),
            frame(None, None, "bench:1", "b", {"p": text}),
        )
    if kind == SOCKETIO:
        return f'42["broadcast","{text}"]'.encode(), f'42["b","{text}"]'.encode()
    return b"broadcast:" + text.encode(), text.encode()


def ping_frame(kind: str) -> bytes:
    """A message the server answers with exactly one message."""
    if kind == CHANNELS:
        return frame("1", "2", "bench:1", "ping", {"n": 1})
    if kind == SOCKETIO:
        return b'421["ping",{"n":1}]'  # emit with ack id 1; answered 431[{"n":1}]
    return b"x" * 32


def fanout(args) -> None:
    sizes = [int(n) for n in args.clients.split(",")]
    results = {}
    names = args.servers.split(",")
    for name in names:
        server = ServerProcess(name)
        try:
            for size in sizes:
                socks = open_clients(server, size + 1, name)
                time.sleep(1.0)
                durations = []
                for round_no in range(args.rounds):
                    text = f"{round_no:04d}" + "y" * 60
                    trigger, expected = broadcast_frames(name, text)
                    control = socks[0]
                    control.setblocking(True)
                    started = time.perf_counter()
                    control.sendall(text_frame(trigger))
                    control.setblocking(False)
                    durations.append(wait_for_message(socks, expected) - started)
                    time.sleep(0.3)
                close_all(socks)
                results[(name, size)] = statistics.median(durations)
                time.sleep(1.0)
        finally:
            server.stop()
    print(f"\nFan-out, one broadcast on one topic, median of {args.rounds}, baseline = Layer 1")
    print(f"{'server':<16}{'receivers':>10}{'last got it':>13}{'deliveries/s':>14}{'ratio':>8}")
    for size in sizes:
        base = (size + 1) / results[(LAYER1, size)]
        for name in names:
            took = results[(name, size)]
            rate = (size + 1) / took
            print(
                f"{name:<16}{size + 1:>10}{took * 1e3:>10.1f} ms{rate:>14.0f}{rate / base:>8.2f}x"
            )


def roundtrip(args) -> None:
    levels = [int(n) for n in args.concurrency.split(",")]
    results = {}
    names = args.servers.split(",")
    for name in names:
        server = ServerProcess(name)
        try:
            for conns in levels:
                socks = open_clients(server, conns, name)
                payload = ping_frame(name)
                server_cpu = server.cpu_seconds()
                count, latencies, client_cpu = echo_round_trips(socks, payload, 1.0, args.duration)
                server_cpu = server.cpu_seconds() - server_cpu
                latencies.sort()
                results[(name, conns)] = (
                    count / args.duration,
                    latencies,
                    server_cpu / max(count, 1),
                )
                close_all(socks)
                time.sleep(0.5)
        finally:
            server.stop()
    print(f"\nRound trips (push/reply vs Layer-1 echo), {args.duration:.0f} s, baseline = Layer 1")
    print(f"{'server':<16}{'conns':>6}{'msg/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'ratio':>8}")
    for conns in levels:
        base = results[(LAYER1, conns)][0]
        for name in names:
            rate, lat, _ = results[(name, conns)]
            p50 = lat[len(lat) // 2] * 1e3 if lat else float("nan")
            p99 = lat[int(len(lat) * 0.99)] * 1e3 if lat else float("nan")
            print(f"{name:<16}{conns:>6}{rate:>10.0f}{p50:>9.2f}{p99:>9.2f}{rate / base:>8.2f}x")


def joins(args) -> None:
    server = ServerProcess(CHANNELS)
    try:
        socks = connect_many(server.port, args.connections, SOCKET_PATH)
        topics = [f"bench:{n}" for n in range(args.topics)]
        cpu = cpu_seconds()
        took = join(socks, topics)
        total = args.connections * args.topics
        print(f"\nJoins: {args.connections} connections x {args.topics} topics, pipelined")
        print(
            f"{total} joins in {took * 1e3:.0f} ms = {total / took:.0f} joins/s "
            f"(load client CPU {cpu_seconds() - cpu:.2f} s)"
        )
        close_all(socks)
    finally:
        server.stop()


def memory(args) -> None:
    per_conn = {}
    extra = 0.0
    for name in (LAYER1, CHANNELS):
        server = ServerProcess(name)
        channels = name == CHANNELS
        try:
            warm = open_clients(server, 200, name, "bench:warm")
            close_all(warm)
            time.sleep(1.0)
            before = server.rss_bytes()
            socks = open_clients(server, args.clients, name)
            time.sleep(2.0)
            one = server.rss_bytes()
            per_conn[name] = (one - before) / args.clients
            if channels:
                join(socks, [f"bench:x{n}" for n in range(args.extra)])
                time.sleep(2.0)
                extra = (server.rss_bytes() - one) / (args.clients * args.extra)
            close_all(socks)
        finally:
            server.stop()
    print(f"\nMemory, server RSS at {args.clients} connections, baseline = Layer 1 (idle socket)")
    print(f"{'server':<16}{'KB/conn':>9}")
    for name in (LAYER1, CHANNELS):
        label = name + (" (1 channel)" if name == CHANNELS else "")
        print(f"{label:<28}{per_conn[name] / 1024:>9.1f}")
    print(f"{'per extra joined channel':<28}{extra / 1024:>9.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description="channels benchmarks")
    sub = parser.add_subparsers(dest="bench", required=True)
    servers = f"{LAYER1},{CHANNELS},{SOCKETIO}"
    p = sub.add_parser("fanout")
    p.add_argument("--servers", default=servers, help="the first is the baseline")
    p.add_argument("--clients", default="1000,10000")
    p.add_argument("--rounds", type=int, default=5)
    p = sub.add_parser("roundtrip")
    p.add_argument("--servers", default=servers, help="the first is the baseline")
    p.add_argument("--concurrency", default="1,50")
    p.add_argument("--duration", type=float, default=5.0)
    p = sub.add_parser("joins")
    p.add_argument("--connections", type=int, default=100)
    p.add_argument("--topics", type=int, default=50)
    p = sub.add_parser("memory")
    p.add_argument("--clients", type=int, default=10000)
    p.add_argument("--extra", type=int, default=4)
    args = parser.parse_args()
    raise_fd_limit()
    {"fanout": fanout, "roundtrip": roundtrip, "joins": joins, "memory": memory}[args.bench](args)


if __name__ == "__main__":
    main()
