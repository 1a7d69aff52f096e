"""Echo benchmark: round trips per second and p50/p99 latency, against the bare app.

    .venv/bin/python bench/echo.py [--servers bare,engine-direct,engine-hypercorn]
                                   [--concurrency 1,50,500] [--duration 5]
                                   [--server-cmd "quest serve examples/echo.q --port {port}"]

Each server runs in its own process; this process is the load client
(:mod:`wsload`). Every connection keeps one 32-byte text message in flight
(closed loop). Reported per server and concurrency: messages/s, p50 and p99
round-trip latency, server CPU per message (µs), the client's CPU load, and the
ratio of messages/s to the first server (``bare`` — hypercorn + a bare ASGI app
with no quest_rt) measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from wsload import (  # noqa: E402
    SERVER_CMD_HELP,
    ServerProcess,
    close_all,
    connect_many,
    custom_servers,
    echo_round_trips,
    percentile,
    raise_fd_limit,
    server_list,
)


def main() -> None:
    parser = argparse.ArgumentParser(description="Layer-1 echo benchmark")
    parser.add_argument("--servers", default="bare,engine-direct,engine-hypercorn")
    parser.add_argument("--concurrency", default="1,50,500")
    parser.add_argument("--duration", type=float, default=5.0)
    parser.add_argument("--warmup", type=float, default=1.0)
    parser.add_argument("--payload", type=int, default=32)
    parser.add_argument("--server-cmd", action="append", help=SERVER_CMD_HELP)
    args = parser.parse_args()
    raise_fd_limit()
    names = server_list(args.servers)
    customs = custom_servers(args.server_cmd)
    names += list(customs)
    levels = [int(c) for c in args.concurrency.split(",")]
    payload = b"x" * args.payload
    results: dict[tuple[str, int], dict[str, float]] = {}
    for name in names:
        server = ServerProcess(name, customs.get(name))
        try:
            for level in levels:
                socks = connect_many(server.port, level)
                time.sleep(0.2)
                cpu0 = server.cpu_seconds()
                count, latencies, client_cpu = echo_round_trips(
                    socks, payload, args.warmup, args.duration
                )
                server_cpu = server.cpu_seconds() - cpu0
                close_all(socks)
                latencies.sort()
                results[(name, level)] = {
                    "rate": count / args.duration,
                    "p50": percentile(latencies, 0.50) * 1e3,
                    "p99": percentile(latencies, 0.99) * 1e3,
                    # server CPU over warmup+window, divided by all round trips in it
                    "cpu_us": server_cpu
                    / max(1, count * (args.warmup + args.duration) / args.duration)
                    * 1e6,
                    "client_load": client_cpu / args.duration,
                }
                time.sleep(0.5)
        finally:
            server.stop()
    baseline = names[0]
    print(
        f"\nEcho, {args.payload}-byte text messages, {args.duration:.0f} s per point, baseline = {baseline}"
    )
    print(
        f"{'server':<18}{'conns':>6}{'msg/s':>10}{'p50 ms':>9}{'p99 ms':>9}"
        f"{'srv µs/msg':>12}{'client cpu':>12}{'ratio':>8}"
    )
    for level in levels:
        base = results[(baseline, level)]["rate"]
        for name in names:
            r = results[(name, level)]
            print(
                f"{name:<18}{level:>6}{r['rate']:>10.0f}{r['p50']:>9.2f}{r['p99']:>9.2f}"
                f"{r['cpu_us']:>12.0f}{r['client_load']:>11.0%}{r['rate'] / base:>8.2f}x"
            )


if __name__ == "__main__":
    main()
