"""Accepting connections within limits: the file-descriptor limit, a maximum number of
connections, and an optional maximum per IP address.

Before issue 9 a client that opened connections until the process ran out of file
descriptors made every new client time out, and Trio's own accept loop logged a
traceback for each ``EMFILE``. Now:

- at start the soft ``RLIMIT_NOFILE`` is raised to the hard one (:func:`raise_fd_limit`);
- :class:`Admission` counts open connections, in total and per address. Over
  :attr:`WebSettings.max_connections` (by default the fd limit less a reserve for
  files and logs, :func:`default_max_connections`) or
  :attr:`WebSettings.max_connections_per_ip`, a new connection is answered ``503``
  and closed — an upgrade request gets the same 503 instead of its 101. The reserve
  is what makes the 503 possible: the server still has descriptors to accept with;
- if ``accept`` fails for want of descriptors anyway (other files, another
  process), the loop waits for a connection to close (at most :data:`RETRY` s) and
  tries again;
- refusals are logged at most once per second, one line with a count, never a
  traceback. Accepting resumes by itself as connections close.
"""

from __future__ import annotations

import errno
import logging
import resource
import time
from collections.abc import Awaitable, Callable

import trio

from .settings import WebSettings

__all__ = ["Admission", "accept_loop", "default_max_connections", "raise_fd_limit"]

log = logging.getLogger("quest_rt.web")

#: Seconds the accept loop waits after running out of descriptors, unless a
#: connection closes first.
RETRY = 0.25

#: Refusals being answered at once; past it, a refused connection is closed without
#: its 503 (a flood must not hold descriptors for answers).
MAX_REFUSING = 64

_OUT_OF_DESCRIPTORS = {errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM}

_SERVICE_UNAVAILABLE = (
    b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
    b"Content-Length: 19\r\nRetry-After: 1\r\nConnection: close\r\n\r\nService Unavailable"
)


def raise_fd_limit() -> int:
    """Raise the soft open-file limit to the hard one; return the soft limit now."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and soft < hard:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
            soft = hard
        except (ValueError, OSError):
            pass  # a sandbox may refuse: keep serving under the soft limit
    return soft


def default_max_connections(fd_limit: int) -> int:
    """The fd limit less a quarter of it (at most 1,024) kept for everything else."""
    if fd_limit == resource.RLIM_INFINITY or fd_limit <= 0:
        return 1 << 20
    return max(1, fd_limit - min(1024, fd_limit // 4))


class Admission:
    """Open connections, in total and per address, against the limits."""

    def __init__(self, settings: WebSettings, fd_limit: int) -> None:
        self.limit = settings.max_connections or default_max_connections(fd_limit)
        self.per_ip = settings.max_connections_per_ip
        self.open = 0
        self.refused = 0
        self.refusing = 0
        self._by_ip: dict[str, int] = {}
        self._closed = trio.Event()
        self._logged_at = -1.0
        self._unlogged = 0

    def admit(self, ip: str) -> str | None:
        """Count a new connection in; or the reason it is refused."""
        if self.open >= self.limit:
            return f"{self.open} connections open (the maximum)"
        if self.per_ip:
            held = self._by_ip.get(ip, 0)
            if held >= self.per_ip:
                return f"{held} connections open from {ip} (the maximum per address)"
            self._by_ip[ip] = held + 1
        self.open += 1
        return None

    def release(self, ip: str) -> None:
        self.open -= 1
        if self.per_ip:
            held = self._by_ip.pop(ip, 1) - 1
            if held > 0:
                self._by_ip[ip] = held
        self._closed.set()

    async def wait_for_a_close(self, timeout: float) -> None:
        self._closed = trio.Event()
        with trio.move_on_after(timeout):
            await self._closed.wait()

    def note_refusal(self, reason: str) -> None:
        """Log at most one line per second, counting the refusals in between."""
        self.refused += 1
        self._unlogged += 1
        now = time.monotonic()
        if now - self._logged_at < 1.0:
            return
        log.warning("refusing new connections: %s (%d refused)", reason, self._unlogged)
        self._logged_at = now
        self._unlogged = 0


async def accept_loop(
    listener: trio.SocketListener,
    handle: Callable[[trio.SocketStream], Awaitable[None]],
    nursery: trio.Nursery,
    admission: Admission,
) -> None:
    """Accept connections on ``listener`` for ever, each run by ``handle`` in
    ``nursery`` if the limits allow it, else answered 503. The listener is closed
    when the loop ends (cancelled at shutdown): no new connections."""
    async with listener:
        per_ip = admission.per_ip > 0
        while True:
            try:
                stream = await listener.accept()
            except OSError as exc:
                if exc.errno not in _OUT_OF_DESCRIPTORS:
                    raise
                admission.note_refusal(f"accept failed ({errno.errorcode[exc.errno]})")
                await admission.wait_for_a_close(RETRY)
                continue
            ip = _peer_ip(stream) if per_ip else ""
            reason = admission.admit(ip)
            if reason is None:
                nursery.start_soon(_run, handle, stream, admission, ip)
            else:
                admission.note_refusal(reason)
                if admission.refusing < MAX_REFUSING:
                    nursery.start_soon(_refuse, stream, admission)
                else:
                    await stream.aclose()


async def _run(
    handle: Callable[[trio.SocketStream], Awaitable[None]],
    stream: trio.SocketStream,
    admission: Admission,
    ip: str,
) -> None:
    try:
        await handle(stream)
    finally:
        admission.release(ip)


async def _refuse(stream: trio.SocketStream, admission: Admission) -> None:
    """Read what the client sent first (closing with unread bytes would reset the
    connection before the client reads the answer), then 503 and close."""
    admission.refusing += 1
    try:
        with trio.move_on_after(1.0):
            await stream.receive_some(65536)
            await stream.send_all(_SERVICE_UNAVAILABLE)
            await stream.send_eof()
    except (trio.BrokenResourceError, trio.ClosedResourceError):
        pass  # the client left first: nothing to answer
    finally:
        admission.refusing -= 1
        await stream.aclose()


def _peer_ip(stream: trio.SocketStream) -> str:
    try:
        return str(stream.socket.getpeername()[0])
    except OSError:
        return ""
