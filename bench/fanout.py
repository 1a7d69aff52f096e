"""Fan-out benchmark: one broadcast to N connected clients, time until the last has it.

    .venv/bin/python bench/fanout.py [--servers bare,engine-direct,engine-hypercorn]
                                     [--clients 1000,10000] [--rounds 5]

N idle clients plus one control connection are opened; the control connection
sends ``broadcast:<payload>``; the clock runs from that send until the last of the
N+1 connections has received the payload. The median of ``--rounds`` rounds is
reported as deliveries per second, with the ratio to the first server (``bare``:
hypercorn + a bare ASGI app awaiting one send per connection) from the same run.
The engine encodes the frame once and writes it to each socket without awaiting.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from wsload import (  # noqa: E402
    SERVER_CMD_HELP,
    ServerProcess,
    close_all,
    connect_many,
    custom_servers,
    raise_fd_limit,
    server_list,
    text_frame,
    wait_for_message,
)


def main() -> None:
    parser = argparse.ArgumentParser(description="broadcast fan-out benchmark")
    parser.add_argument("--servers", default="bare,engine-direct,engine-hypercorn")
    parser.add_argument("--clients", default="1000,10000")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--payload", type=int, default=64)
    parser.add_argument("--server-cmd", action="append", help=SERVER_CMD_HELP)
    args = parser.parse_args()
    raise_fd_limit()
    names = server_list(args.servers)
    customs = custom_servers(args.server_cmd)
    names += list(customs)
    sizes = [int(n) for n in args.clients.split(",")]
    results: dict[tuple[str, int], float] = {}
    for name in names:
        server = ServerProcess(name, customs.get(name))
        try:
            for size in sizes:
                socks = connect_many(server.port, size + 1)
                control = socks[0]
                time.sleep(1.0)
                durations = []
                for round_no in range(args.rounds):
                    payload = f"{round_no:04d}".encode() + b"y" * (args.payload - 4)
                    control.setblocking(True)
                    started = time.perf_counter()
                    control.sendall(text_frame(b"broadcast:" + payload))
                    control.setblocking(False)
                    last = wait_for_message(socks, payload)
                    durations.append(last - started)
                    time.sleep(0.3)
                close_all(socks)
                results[(name, size)] = statistics.median(durations)
                time.sleep(1.0)
        finally:
            server.stop()
    baseline = names[0]
    print(
        f"\nFan-out, one {args.payload}-byte broadcast, median of {args.rounds}, baseline = {baseline}"
    )
    print(f"{'server':<18}{'clients':>8}{'last got it':>13}{'deliveries/s':>14}{'ratio':>8}")
    for size in sizes:
        base = (size + 1) / results[(baseline, size)]
        for name in names:
            took = results[(name, size)]
            rate = (size + 1) / took
            print(f"{name:<18}{size:>8}{took * 1e3:>10.1f} ms{rate:>14.0f}{rate / base:>8.2f}x")


if __name__ == "__main__":
    main()
