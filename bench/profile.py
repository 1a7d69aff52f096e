"""Where a server's time goes under echo load: py-spy samples, grouped by package.

    .venv/bin/python bench/profile.py engine-direct [--concurrency 50] [--duration 8]

Starts the named server (see ``servers.py``), drives the echo load of
``echo.py`` from this process, records the server with ``py-spy record``
(``pip install -e .[bench]``; needs ptrace rights, e.g. root), and prints the
share of samples whose innermost frame lies in each package (self time) and the
top functions. "Inclusive" shares count a sample for every package on its stack.
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from wsload import ServerProcess, close_all, connect_many, echo_round_trips, raise_fd_limit  # noqa: E402

PACKAGES = (
    "quest_rt", "hypercorn", "wsproto", "h11", "trio", "greenback", "outcome",
    "pyview", "starlette", "uvicorn", "websockets", "uvloop", "json",
)  # fmt: skip


def package_of(frame: str) -> str:
    # collapsed frames look like "function (path/to/module.py:line)"
    location = frame.rpartition("(")[2]
    for name in PACKAGES:
        if location.startswith(f"{name}/") or f"/{name}/" in location:
            return name
    if "servers.py" in location or "/bench/apps/" in location or location.startswith("bench/apps/"):
        return "app"
    return "python/other"


def main() -> None:
    parser = argparse.ArgumentParser(description="profile a server under echo load")
    parser.add_argument("server")
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--duration", type=float, default=8.0)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    raise_fd_limit()
    server = ServerProcess(args.server)
    out = os.path.join(tempfile.mkdtemp(), "profile.txt")
    try:
        socks = connect_many(server.port, args.concurrency)
        recorder = record(server.proc.pid, args.duration, out)
        count, _, _ = echo_round_trips(socks, b"x" * 32, 0.5, args.duration + 1.0)
        recorder.wait(60)
        close_all(socks)
    finally:
        server.stop()
    print(
        f"\n{args.server}: {count / (args.duration + 1.0):.0f} msg/s at {args.concurrency} connections"
    )
    summarize(out, args.top)


def py_spy_path() -> str:
    py_spy = shutil.which("py-spy") or os.path.join(os.path.dirname(sys.executable), "py-spy")
    if not os.path.exists(py_spy):
        sys.exit("py-spy is not installed: pip install -e '.[bench]'")
    return py_spy


def record(pid: int, duration: float, out: str) -> subprocess.Popen:
    """Start sampling ``pid`` for ``duration`` seconds into ``out`` (raw collapsed stacks)."""
    return subprocess.Popen(
        [py_spy_path(), "record", "--pid", str(pid), "--format", "raw", "--rate", "250",
         "--duration", str(int(duration)), "--output", out, "--nonblocking"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip


def summarize(out: str, top: int = 15) -> None:
    """Print self and inclusive time per package and the top functions of a recording."""
    self_time: collections.Counter = collections.Counter()
    inclusive: collections.Counter = collections.Counter()
    functions: collections.Counter = collections.Counter()
    total = 0
    with open(out) as f:
        pending = ""
        for line in f:
            # a frame's name can span lines (a code object named by its docstring)
            pending += line.rstrip("\n")
            stack, _, n = pending.rpartition(" ")
            if not n.isdigit():
                continue
            pending = ""
            samples = int(n)
            frames = stack.split(";")
            total += samples
            self_time[package_of(frames[-1])] += samples
            for package in {package_of(fr) for fr in frames}:
                inclusive[package] += samples
            functions[frames[-1]] += samples
    print(f"{total} samples")
    print(f"{'package':<16}{'self':>8}{'inclusive':>11}")
    for package, samples in self_time.most_common():
        print(f"{package:<16}{samples / total:>8.1%}{inclusive[package] / total:>11.1%}")
    print("\ntop functions (self):")
    for frame, samples in functions.most_common(top):
        print(f"  {samples / total:>6.1%}  {frame}")


if __name__ == "__main__":
    main()
