"""Soak: hostile WebSocket clients for minutes against ``quest serve``, RSS and fds over time.

    .venv/bin/python bench/soak.py [--minutes 5] [--interval 10] [--no-gc]
                                   [--churn 100] [--slow 4] [--fragments 50] [--bombs 1]

A ``quest serve`` subprocess runs a Quest echo app (its ``flood`` message makes it send
a hundred 1 MiB messages) with permessage-deflate on and a 2 s message timeout (from
its quest.toml). Four kinds of clients run at once, each in rounds, for the whole
time:

- **churn**: ``--churn`` connections open, send 16 KB, read the echo, close;
- **slow consumers**: ``--slow`` clients ask for a flood and never read (the server
  closes them with 1008 at its 4 MiB queue bound);
- **fragment floods**: ``--fragments`` clients send 64 KB of a message and never
  finish it (closed with 1008 after the 2 s message timeout);
- **deflate bombs**: ``--bombs`` clients send a compressed frame that inflates to
  256 MiB (closed with 1009 once 1 MiB is inflated).

Every ``--interval`` seconds it prints the server's RSS, peak RSS (VmHWM) and open
descriptors from ``/proc/PID``, and how many of each client kind ended with which close
code ("bombs 1009: 12"; "None" when TCP ended without a close frame reaching the
client, as for a bomb whose sender was still writing). At the end: RSS idle, after the
first interval (warm) and at the last sample. With ``--no-gc``
the server runs with the cyclic collector disabled, so any growth is memory that
reference counting does not give back. Memory that stays flat and the descriptor count
coming back to its idle value each round are what this looks for.
"""

from __future__ import annotations

import argparse
import base64
import collections
import os
import re
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

import trio

APP = """use "std/web" as web

let big = "x".repeat(1048576)

web.websocket("/ws", fun (socket)
  socket.on_message(fun (data)
    if data == "flood"
      let i = 0
      while i < 100 and socket.state() == "open"
        socket.send(big)
        i = i + 1
      end
    else
      socket.send(data)
    end
  end)
end)
"""

TOML = """[std.web]
websocket_compression = true
websocket_message_timeout = 2
"""

SERVE = (
    "import gc, sys; {gc}sys.argv = ['quest', 'serve', 'app.q', '--port', '0']; "
    "from quest_rt.cli import entry; entry()"
)


def frame(opcode: int, payload: bytes, *, fin: bool = True, rsv: int = 0) -> bytes:
    first = (0x80 if fin else 0) | (rsv << 4) | opcode
    n = len(payload)
    if n < 126:
        header = bytes((first, 0x80 | n))
    elif n < 65536:
        header = struct.pack("!BBH", first, 0x80 | 126, n)
    else:
        header = struct.pack("!BBQ", first, 0x80 | 127, n)
    mask = os.urandom(4)
    key = (mask * (n // 4 + 1))[:n]
    masked = (int.from_bytes(payload, "little") ^ int.from_bytes(key, "little")).to_bytes(
        n, "little"
    )
    return header + mask + masked


def bomb(inflated: int) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(1 << 20)
    body = b"".join(compressor.compress(chunk) for _ in range(inflated >> 20))
    body += compressor.flush(zlib.Z_SYNC_FLUSH)
    return frame(0x2, body[:-4], rsv=4)


def status(pid: int) -> tuple[int, int, int]:
    """(VmRSS kB, VmHWM kB, open fds) of ``pid``."""
    text = Path(f"/proc/{pid}/status").read_text()
    rss = int(re.search(r"VmRSS:\s+(\d+)", text).group(1))  # type: ignore[union-attr]
    hwm = int(re.search(r"VmHWM:\s+(\d+)", text).group(1))  # type: ignore[union-attr]
    return rss, hwm, len(os.listdir(f"/proc/{pid}/fd"))


class Soak:
    def __init__(self, port: int, deflate: bool) -> None:
        self.port = port
        self.closes: collections.Counter[str] = collections.Counter()
        self.errors: collections.Counter[str] = collections.Counter()
        self.deflate = deflate
        self.bomb = bomb(256 << 20)

    async def upgrade(self, offer: bool = False) -> tuple[trio.SocketStream, bytes]:
        stream = await trio.open_tcp_stream("127.0.0.1", self.port)
        key = base64.b64encode(os.urandom(16))
        extension = b"Sec-WebSocket-Extensions: permessage-deflate\r\n" if offer else b""
        await stream.send_all(
            b"GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
            b"Connection: Upgrade\r\nSec-WebSocket-Key: " + key + b"\r\n"
            b"Sec-WebSocket-Version: 13\r\n" + extension + b"\r\n"
        )
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = await stream.receive_some()
            if not chunk:
                raise ConnectionError("closed during the handshake")
            data += chunk
        if b" 101 " not in data.split(b"\r\n", 1)[0]:
            raise ConnectionError(data.split(b"\r\n", 1)[0].decode())
        return stream, data.partition(b"\r\n\r\n")[2]

    async def close_code(self, stream: trio.SocketStream, rest: bytes) -> int | None:
        """Read to EOF; the code of the server's close frame (parsed from the tail)."""
        data = rest
        while True:
            try:
                chunk = await stream.receive_some(1 << 20)
            except trio.BrokenResourceError:
                break
            if not chunk:
                break
            data = (data + chunk)[-256:]  # the close frame is at the end
        found = data.rfind(b"\x88")
        if found < 0 or len(data) < found + 4:
            return None
        return int.from_bytes(data[found + 2 : found + 4], "big")

    async def run_kind(self, name: str, count: int, one, until: float) -> None:
        while time.monotonic() < until:
            async with trio.open_nursery() as nursery:
                for _ in range(count):
                    nursery.start_soon(self.guarded, name, one)

    async def guarded(self, name: str, one) -> None:
        try:
            with trio.fail_after(60):
                code = await one()
        except (OSError, ConnectionError, trio.TooSlowError, trio.BrokenResourceError) as exc:
            self.errors[f"{name}: {type(exc).__name__}"] += 1
            return
        self.closes[f"{name} {code}"] += 1

    async def churn(self) -> int | None:
        stream, rest = await self.upgrade()
        async with stream:
            await stream.send_all(frame(0x1, b"x" * 16384) + frame(0x8, b"\x03\xe8"))
            return await self.close_code(stream, rest)

    async def slow(self) -> int | None:
        stream, rest = await self.upgrade()
        async with stream:
            await stream.send_all(frame(0x1, b"flood"))
            await trio.sleep(3)  # reads nothing while the server floods
            return await self.close_code(stream, rest)

    async def fragments(self) -> int | None:
        stream, rest = await self.upgrade()
        async with stream:
            await stream.send_all(frame(0x2, bytes(65536), fin=False))
            return await self.close_code(stream, rest)

    async def bombs(self) -> int | None:
        stream, rest = await self.upgrade(offer=True)
        async with stream:
            try:
                await stream.send_all(self.bomb)
            except trio.BrokenResourceError:
                pass  # closed with 1009 before the whole frame was sent: read the close
            return await self.close_code(stream, rest)


async def report(pid: int, soak: Soak, interval: float, until: float, samples: list) -> None:
    started = time.monotonic()
    print(f"{'time':>6} {'RSS MB':>8} {'peak MB':>8} {'fds':>5}  closes", flush=True)
    while True:
        rss, hwm, fds = status(pid)
        samples.append(rss)
        kinds = ", ".join(f"{k}: {v}" for k, v in sorted(soak.closes.items()))
        print(
            f"{time.monotonic() - started:>5.0f}s {rss / 1024:>8.1f} {hwm / 1024:>8.1f} "
            f"{fds:>5}  {kinds}",
            flush=True,
        )
        if time.monotonic() >= until:
            return
        await trio.sleep(min(interval, max(0.0, until - time.monotonic())))


async def main_async(args: argparse.Namespace, port: int, pid: int) -> list[int]:
    soak = Soak(port, deflate=True)
    until = time.monotonic() + args.minutes * 60
    samples: list[int] = []
    async with trio.open_nursery() as nursery:
        nursery.start_soon(report, pid, soak, args.interval, until + 5, samples)
        for name, count, one in [
            ("churn", args.churn, soak.churn),
            ("slow", args.slow, soak.slow),
            ("fragments", args.fragments, soak.fragments),
            ("bombs", args.bombs, soak.bombs),
        ]:
            if count:
                nursery.start_soon(soak.run_kind, name, count, one, until)
    if soak.errors:
        print("client errors:", dict(soak.errors))
    return samples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=5)
    parser.add_argument("--interval", type=float, default=10)
    parser.add_argument("--no-gc", action="store_true", help="server runs without gc")
    parser.add_argument("--churn", type=int, default=100)
    parser.add_argument("--slow", type=int, default=4)
    parser.add_argument("--fragments", type=int, default=50)
    parser.add_argument("--bombs", type=int, default=1)
    args = parser.parse_args()
    directory = Path(tempfile.mkdtemp(prefix="soak-"))
    (directory / "app.q").write_text(APP)
    (directory / "quest.toml").write_text(TOML)
    log = (directory / "server.log").open("w")
    code = SERVE.format(gc="gc.disable(); " if args.no_gc else "")
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=directory, stdout=log, stderr=log)
    try:
        port = None
        for _ in range(500):
            found = re.search(r"Serving on http://[\d.]+:(\d+)", Path(log.name).read_text())
            if found:
                port = int(found.group(1))
                break
            if proc.poll() is not None:
                break
            time.sleep(0.02)
        if port is None:
            print(Path(log.name).read_text())
            return 1
        print(
            f"quest serve on port {port} (pid {proc.pid}, collector "
            f"{'off' if args.no_gc else 'on'}) for {args.minutes:g} min; log {log.name}"
        )
        samples = trio.run(main_async, args, port, proc.pid)
        if len(samples) >= 3:
            # The first sample is the idle server; the second, warm under load.
            warm, last = samples[1], samples[-1]
            print(
                f"RSS idle {samples[0] / 1024:.1f} MB, after the first interval "
                f"{warm / 1024:.1f} MB, last {last / 1024:.1f} MB ({(last - warm) / 1024:+.1f} MB)"
            )
        tracebacks = Path(log.name).read_text().count("Traceback")
        print(f"tracebacks in the server log: {tracebacks}")
        return 0
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


if __name__ == "__main__":
    sys.exit(main())
