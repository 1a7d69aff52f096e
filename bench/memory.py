"""Memory benchmark: server RSS per idle WebSocket connection, against the bare app.

    .venv/bin/python bench/memory.py [--servers bare,engine-direct,engine-hypercorn]
                                     [--clients 10000]

The server's RSS is read from ``/proc/PID/status`` after a warm-up (200
connections opened, one echo each, closed: imports and allocator pools are warm)
and again once ``--clients`` connections are open and idle; the difference divided
by the count is the cost of one connection. Kernel socket buffers are not in RSS.
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
    raise_fd_limit,
    server_list,
)


def main() -> None:
    parser = argparse.ArgumentParser(description="RSS per idle connection")
    parser.add_argument("--servers", default="bare,engine-direct,engine-hypercorn")
    parser.add_argument("--clients", type=int, default=10000)
    parser.add_argument("--server-cmd", action="append", help=SERVER_CMD_HELP)
    args = parser.parse_args()
    raise_fd_limit()
    names = server_list(args.servers)
    customs = custom_servers(args.server_cmd)
    names += list(customs)
    per_conn: dict[str, float] = {}
    for name in names:
        server = ServerProcess(name, customs.get(name))
        try:
            warm = connect_many(server.port, 200)
            echo_round_trips(warm, b"warm", 0.0, 0.5)
            close_all(warm)
            time.sleep(1.0)
            before = server.rss_bytes()
            socks = connect_many(server.port, args.clients)
            time.sleep(2.0)
            after = server.rss_bytes()
            per_conn[name] = (after - before) / args.clients
            close_all(socks)
        finally:
            server.stop()
    baseline = names[0]
    print(
        f"\nMemory, server RSS per idle connection at {args.clients} connections, baseline = {baseline}"
    )
    print(f"{'server':<18}{'KB/conn':>9}{'ratio':>8}")
    for name in names:
        print(
            f"{name:<18}{per_conn[name] / 1024:>9.1f}{per_conn[name] / per_conn[baseline]:>8.2f}x"
        )


if __name__ == "__main__":
    main()
