"""LiveView speed and size (issue 8): our counter against pyview's, in one run.

    .venv/bin/pip install -e '.[bench]'          # pyview-web, uvicorn, websockets
    .venv/bin/python bench/liveview.py [--concurrency 10,100] [--duration 10]
                                       [--rounds 3] [--views 1000] [--servers pyview,quest]

The same counter (QEP-054 block 12: ``<h1>Count: N</h1>`` and an ``increment`` button)
served by each server in its own process on a free port:

- ``pyview`` — **the baseline**: bench/apps/pyview_counter.py, pyview-web 0.9.0 under
  uvicorn with its defaults, as pyview's documentation runs it;
- ``quest`` — bench/apps/lv_counter.q under ``quest serve``;
- ``null`` (``--calibrate``) — bench/servers.py's ``liveview-null``: the protocol
  answered by a few lines on quest_rt.web's Layer 1, no LiveView at all; its events/s
  is what the load client can drive, to show it is not the limit of the others;
- ``--server-cmd NAME=CMD`` adds a server (``{port}`` substituted; it must serve the
  counter at ``/counter``).

The load client (bench/lvclient.py) runs in this process, one asyncio task and one
socket per view, and speaks the protocol as the official client does. Figures:

1. **reply frame**: the exact bytes of the ``phx_reply`` WebSocket message answering the
   first click of a fresh view (join ref ``"4"``, event ref ``"8"``, as in the
   transcript of wire-protocol.md section 7);
2. **events/s, p50, p99** at each ``--concurrency``: that many views click in a closed
   loop (one click in flight per view) for ``--duration`` seconds after 1 s of warm-up;
   every reply is checked (the count goes up by one). Rounds alternate the servers;
   the best round per server is printed (the machine is shared: a round that lost the
   CPU to other work is noise, not the server). Server CPU per event is read from
   ``/proc``; the client's own CPU share of the window is printed so that a
   client-bound figure shows as such;
``--profile NAME`` instead samples one server with py-spy under the click load at the
last ``--concurrency`` and prints where its CPU goes (bench/profile.py's summary);
``--trace-memory NAME`` runs the memory steps with that server under tracemalloc
(bench/tracemem.py) and prints, per view and step, the source lines that allocated.

3. **memory per joined view** at ``--views``: each server restarted fresh; RSS
   (``VmRSS`` of ``/proc/PID/status``, 2 s after each step) after a warm-up view has
   joined and clicked, then after ``--views`` more tabs each did the dead-render GET,
   opened its own socket and joined (all staying joined); the difference over
   ``--views``, and its parts: the dead renders, the open sockets, the joins.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from lvclient import (  # noqa: E402
    Page,
    View,
    click_loop,
    each,
    fetch_pages,
    open_views,
    socket_endpoint,
)
from wsload import (  # noqa: E402
    SERVER_CMD_HELP,
    ServerProcess,
    cpu_seconds,
    custom_servers,
    free_port,
    percentile,
    raise_fd_limit,
    server_list,
)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PATH = "/counter"
#: bench/servers.py's ``liveview-null``: the protocol answered at almost no cost, so
#: that its events/s is the load client's own ceiling (``--calibrate``).
NULL = "null"


def command(name: str) -> list[str]:
    python = sys.executable
    if name == "pyview":
        return [python, "-m", "uvicorn", "--app-dir", os.path.join(HERE, "apps"),
                "pyview_counter:app", "--host", "127.0.0.1", "--port", "{port}"]  # fmt: skip
    if name == "quest":
        return [python, "-m", "quest_rt", "serve", os.path.join(HERE, "apps", "lv_counter.q"),
                "--host", "127.0.0.1", "--port", "{port}"]  # fmt: skip
    if name == NULL:
        return [python, os.path.join(HERE, "servers.py"), "liveview-null", "--port", "{port}"]
    raise SystemExit(f"unknown server {name!r} (pyview, quest, null, or --server-cmd NAME=CMD)")


class LiveServer(ServerProcess):
    """A server in its own process, its output in a log file (a full pipe would stall
    it), ready once ``GET /counter`` answers 200."""

    def __init__(self, name: str, argv: list[str]) -> None:
        self.name = name
        self.port = free_port()
        self.log = tempfile.NamedTemporaryFile(
            prefix=f"lvbench-{name}-", suffix=".log", delete=False
        )
        argv = [arg.replace("{port}", str(self.port)) for arg in argv]
        self.proc = subprocess.Popen(argv, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{self.port}{PATH}"
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(self.url, timeout=5) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"{name} did not serve {PATH}; its log: {self.log.name}")
            time.sleep(0.2)


def start(name: str, customs: dict[str, str]) -> LiveServer:
    argv = customs[name].split() if name in customs else command(name)
    return LiveServer(name, argv)


async def reply_frame(server: LiveServer, endpoint: str) -> bytes:
    """The ``phx_reply`` message to the first click of a fresh view."""
    page = await asyncio.get_running_loop().run_in_executor(None, Page, server.url)
    view = View(page, endpoint)
    await view.join()
    await view.click()
    await view.close()
    return view.last_reply


async def load(server: LiveServer, endpoint: str, views: int, duration: float) -> dict:
    tabs = await open_views(server.url, endpoint, views)
    server_cpu = server.cpu_seconds()
    client_cpu = cpu_seconds()
    started = time.perf_counter()
    count, latencies = await click_loop(tabs, 1.0, duration)
    wall = time.perf_counter() - started
    server_cpu = server.cpu_seconds() - server_cpu
    client_cpu = cpu_seconds() - client_cpu
    await asyncio.gather(*(tab.close() for tab in tabs))
    latencies.sort()
    clicks = sum(tab.count for tab in tabs)
    return {
        "rate": count / duration,
        "p50": percentile(latencies, 0.50),
        "p99": percentile(latencies, 0.99),
        "server_us": server_cpu / clicks * 1e6,
        "client_share": client_cpu / wall,
    }


async def memory(server: LiveServer, endpoint: str, views: int, mark=None) -> list[int]:
    """Server RSS: after the warm-up view, after ``views`` dead renders, after their
    sockets opened, after their joins; ``await mark()`` at each of these points."""
    warm = (await open_views(server.url, endpoint, 1))[0]
    for _ in range(10):
        await warm.click()
    tabs = []

    async def settled() -> int:
        await asyncio.sleep(2.0)
        if mark is not None:
            await mark()
        return server.rss_bytes()

    rss = [await settled()]
    tabs = [View(page, endpoint) for page in await fetch_pages(server.url, views)]
    rss.append(await settled())
    await each(tabs, View.connect)
    rss.append(await settled())
    await each(tabs, View.join)
    rss.append(await settled())
    await asyncio.gather(*(tab.close() for tab in [warm, *tabs]))
    return rss


STEPS = ("dead renders", "open sockets", "joins")


async def trace_memory(args) -> None:
    """The memory steps with the server under bench/tracemem.py: per view and step, the
    source lines whose Python allocations grew most."""
    import tracemalloc

    name = args.trace_memory
    customs = custom_servers(args.server_cmd)
    argv = customs[name].split() if name in customs else command(name)
    if not os.path.basename(argv[0]).startswith("python"):
        raise SystemExit(f"--trace-memory needs a Python server command, not {argv[0]}")
    outdir = tempfile.mkdtemp(prefix="lvbench-tracemem-")
    server = LiveServer(name, [argv[0], os.path.join(HERE, "tracemem.py"), outdir, *argv[1:]])
    taken = 0

    async def mark() -> None:
        nonlocal taken
        path = os.path.join(outdir, f"snap{taken}.bin")
        os.kill(server.proc.pid, signal.SIGUSR1)
        deadline = time.monotonic() + 120
        while not os.path.exists(path):
            if time.monotonic() > deadline:
                raise RuntimeError(f"{name} wrote no snapshot {path}")
            await asyncio.sleep(0.2)
        taken += 1

    try:
        endpoint = socket_endpoint(Page(server.url))
        rss = await memory(server, endpoint, args.views, mark)
    finally:
        server.stop()
    snaps = [tracemalloc.Snapshot.load(os.path.join(outdir, f"snap{n}.bin")) for n in range(4)]
    for step, before, after, rss_before, rss_after in zip(STEPS, snaps, snaps[1:], rss, rss[1:]):
        stats = after.compare_to(before, "lineno")
        traced = sum(stat.size_diff for stat in stats) / args.views
        print(
            f"\n{name}, {step}: {traced:.0f} B/view traced, "
            f"{(rss_after - rss_before) / args.views:.0f} B/view of RSS (tracemalloc's own tables included)"
        )
        for stat in stats[:15]:
            frame = stat.traceback[0]
            where = frame.filename.replace(ROOT + os.sep, "").split("site-packages" + os.sep)[-1]
            print(
                f"  {stat.size_diff / args.views:7.0f} B  {stat.count_diff / args.views:5.1f} blocks  {where}:{frame.lineno}"
            )


async def profile(args) -> None:
    """Sample one server with py-spy while ``--concurrency``'s last level of views click."""
    from profile import record, summarize

    server = start(args.profile, custom_servers(args.server_cmd))
    out = os.path.join(tempfile.mkdtemp(), "profile.txt")
    level = int(args.concurrency.split(",")[-1])
    try:
        endpoint = socket_endpoint(Page(server.url))
        tabs = await open_views(server.url, endpoint, level)
        recorder = record(server.proc.pid, args.duration, out)
        count, _ = await click_loop(tabs, 0.5, args.duration + 1.0)
        await asyncio.get_running_loop().run_in_executor(None, recorder.wait, 60)
        await asyncio.gather(*(tab.close() for tab in tabs))
    finally:
        server.stop()
    print(f"\n{args.profile}: {count / (args.duration + 1.0):.0f} events/s at {level} views")
    summarize(out, 25)


async def run(args) -> None:
    if args.profile:
        await profile(args)
        return
    if args.trace_memory:
        await trace_memory(args)
        return
    customs = custom_servers(args.server_cmd)
    names = server_list(args.servers) + [n for n in customs if n not in args.servers]
    if args.calibrate and NULL not in names:
        names.append(NULL)
    levels = [int(n) for n in args.concurrency.split(",")]
    frames: dict[str, bytes] = {}
    results: dict[tuple[str, int], dict] = {}
    servers = {name: start(name, customs) for name in names}
    try:
        endpoints = {}
        for name, server in servers.items():
            page = Page(server.url)
            endpoints[name] = socket_endpoint(page)
            frames[name] = await reply_frame(server, endpoints[name])
        for level in levels:
            for round_no in range(args.rounds):
                for name in names if round_no % 2 == 0 else names[::-1]:
                    result = await load(servers[name], endpoints[name], level, args.duration)
                    print(
                        f"  {name:<8} {level:>4} views, round {round_no + 1}: "
                        f"{result['rate']:8.0f} events/s  client CPU {result['client_share']:.0%}",
                        flush=True,
                    )
                    best = results.get((name, level))
                    if best is None or result["rate"] > best["rate"]:
                        results[(name, level)] = result
    finally:
        for server in servers.values():
            server.stop()
    per_view = {}
    if args.views:
        for name in [n for n in names if n != NULL]:
            server = start(name, customs)
            try:
                per_view[name] = await memory(server, endpoints[name], args.views)
            finally:
                server.stop()
    report(names, levels, frames, results, per_view, args)


def report(names, levels, frames, results, per_view, args) -> None:
    base = names[0]
    print("\nReply frame to one click (the WebSocket message; +2 B of frame header on the wire)")
    for name in names:
        print(f"  {name:<8} {len(frames[name]):4d} B  {frames[name].decode()}")
    print(
        f"\nCounter clicks, closed loop, best of {args.rounds} x {args.duration:.0f} s, "
        f"baseline = {base}"
    )
    print(
        f"{'server':<10}{'views':>6}{'events/s':>10}{'p50 ms':>9}{'p99 ms':>9}"
        f"{'srv µs/ev':>11}{'client CPU':>12}{'ratio':>8}"
    )
    for level in levels:
        for name in names:
            r = results[(name, level)]
            ratio = r["rate"] / results[(base, level)]["rate"]
            print(
                f"{name:<10}{level:>6}{r['rate']:>10.0f}{r['p50'] * 1e3:>9.2f}"
                f"{r['p99'] * 1e3:>9.2f}{r['server_us']:>11.0f}{r['client_share']:>12.0%}"
                f"{ratio:>7.2f}x"
            )
    if per_view:
        print(f"\nMemory per joined view at {args.views} views (server VmRSS), baseline = {base}")
        print(
            f"{'server':<10}{'KB/view':>9}{'ratio':>8}{'of which: page':>16}{'socket':>8}"
            f"{'join':>7}   RSS MiB"
        )
        for name, rss in per_view.items():
            per = [(b - a) / args.views / 1024 for a, b in zip(rss, rss[1:])]
            total = (rss[-1] - rss[0]) / args.views / 1024
            base_total = (per_view[base][-1] - per_view[base][0]) / args.views / 1024
            print(
                f"{name:<10}{total:>9.1f}{total / base_total:>7.2f}x{per[0]:>16.1f}{per[1]:>8.1f}"
                f"{per[2]:>7.1f}   {rss[0] / 2**20:.1f} → {rss[-1] / 2**20:.1f}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description="LiveView counter: ours against pyview")
    parser.add_argument("--servers", default="pyview,quest", help="the first is the baseline")
    parser.add_argument("--concurrency", default="10,100")
    parser.add_argument("--duration", type=float, default=10.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--views", type=int, default=1000, help="0 skips the memory figure")
    parser.add_argument("--server-cmd", action="append", help=SERVER_CMD_HELP)
    parser.add_argument(
        "--calibrate",
        action="store_true",
        help="also load the null server (bench/servers.py liveview-null): the client's ceiling",
    )
    parser.add_argument(
        "--profile",
        metavar="NAME",
        help="instead: sample server NAME with py-spy under the last --concurrency (bench extra)",
    )
    parser.add_argument(
        "--trace-memory",
        metavar="NAME",
        help="instead: the memory steps of server NAME under tracemalloc, by source line",
    )
    args = parser.parse_args()
    raise_fd_limit()
    try:
        import uvloop
    except ImportError:
        asyncio.run(run(args))
    else:
        uvloop.run(run(args))


if __name__ == "__main__":
    main()
