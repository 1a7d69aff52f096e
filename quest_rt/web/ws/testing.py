"""A synchronous WebSocket test client (``ws.test_client(url)`` in Quest), on trio-websocket.

Quest tests are synchronous, so every method blocks until done. Under the hood each
call goes through :func:`quest_rt.web.bridge.run_sync`: from a plain thread (a
``quest test`` run) the client lives on the bridge's background Trio loop; from a
Trio task with a greenback portal it lives on that task's loop and waiting
suspends only that task.

trio-websocket needs a nursery that outlives ``connect()`` (its reader task lives
there), so ``connect`` spawns a session task (a Trio system task, which belongs to
no caller's nursery) that owns the nursery and the connection until ``close``.

Example::

    server = start_in_thread(app)
    client = WebSocketTestClient(server.ws_url("/ws"))
    client.connect()
    client.send("Hello")
    assert client.receive() == "Echo: Hello"
    client.close()
    server.stop()
"""

from __future__ import annotations

import trio
import trio_websocket

from ..bridge import run_sync

__all__ = ["ReceiveTimeout", "UpgradeRefused", "WebSocketClosed", "WebSocketTestClient"]


def _sole(exc: BaseException) -> BaseException:
    """The one exception inside nested single-member groups."""
    while isinstance(exc, BaseExceptionGroup) and len(exc.exceptions) == 1:
        exc = exc.exceptions[0]
    return exc


class UpgradeRefused(ConnectionError):
    """The server answered the upgrade with an HTTP status instead of 101 (403 for a
    foreign Origin or a refusing ``authorize``, 404 for an unknown path)."""

    def __init__(self, status: int, body: bytes) -> None:
        text = body.decode("utf-8", "replace").strip()
        super().__init__(
            f"the server refused the WebSocket upgrade with {status}"
            + (f": {text}" if text else "")
        )
        self.status = status


class ReceiveTimeout(TimeoutError):
    """``receive(timeout)`` got no message in time. Raise the timeout, or check that
    the server sends what the test expects."""


class WebSocketClosed(ConnectionError):
    """The connection is closed; ``code`` and ``reason`` are what the server sent
    (1006 when TCP dropped without a close frame)."""

    def __init__(self, code: int, reason: str) -> None:
        super().__init__(f"WebSocket closed with code {code}" + (f": {reason}" if reason else ""))
        self.code = code
        self.reason = reason


class WebSocketTestClient:
    """A blocking WebSocket client for tests.

    Args:
        url: ``ws://host:port/path``.
        headers: extra request headers for the upgrade (e.g. ``authorization``).
        max_message_size: largest message accepted from the server.
    """

    def __init__(
        self,
        url: str,
        *,
        headers: dict[str, str] | None = None,
        max_message_size: int = 16 * 1024 * 1024,
    ) -> None:
        self.url = url
        self._headers = [(k.encode(), v.encode()) for k, v in (headers or {}).items()]
        self._max_message_size = max_message_size
        self._ws: trio_websocket.WebSocketConnection | None = None
        self._error: BaseException | None = None
        self._ready: trio.Event | None = None
        self._stop: trio.Event | None = None
        self._done: trio.Event | None = None

    # ── blocking API ───────────────────────────────────────────────────────

    def connect(self, timeout: float = 5.0) -> None:
        """Open the connection (the handshake completes before this returns)."""
        run_sync(self._connect, timeout)

    def send(self, text: str) -> None:
        run_sync(self._require().send_message, text)

    def send_bytes(self, data: bytes) -> None:
        run_sync(self._require().send_message, bytes(data))

    def receive(self, timeout: float = 5.0) -> str | bytes:
        """The next message (str for text, bytes for binary).

        Raises:
            ReceiveTimeout: nothing arrived within ``timeout`` seconds.
            WebSocketClosed: the connection closed before a message arrived.
        """
        return run_sync(self._receive, timeout)

    def close(self, code: int = 1000, reason: str = "") -> None:
        """Close (if still open) and release the connection's task."""
        if self._ws is not None:
            run_sync(self._close, code, reason)

    @property
    def close_code(self) -> int | None:
        """The code of the close handshake, None while open (a plain int: wsproto reports
        the registered codes as members of its CloseReason enum)."""
        closed = self._ws.closed if self._ws is not None else None
        return int(closed.code) if closed is not None else None

    @property
    def close_reason(self) -> str | None:
        closed = self._ws.closed if self._ws is not None else None
        return (closed.reason or "") if closed is not None else None

    # ── async halves (run on whichever loop run_sync picked) ───────────────

    def _require(self) -> trio_websocket.WebSocketConnection:
        if self._ws is None:
            raise RuntimeError("call connect() first")
        return self._ws

    async def _connect(self, timeout: float) -> None:
        if self._ws is not None:
            raise RuntimeError("already connected")
        self._ready, self._stop, self._done = trio.Event(), trio.Event(), trio.Event()
        trio.lowlevel.spawn_system_task(self._session, timeout)
        await self._ready.wait()
        if self._error is not None:
            error, self._error = self._error, None
            if isinstance(error, trio_websocket.ConnectionRejected):
                raise UpgradeRefused(error.status_code, error.body or b"") from None
            raise error

    async def _session(self, timeout: float) -> None:
        assert self._ready is not None and self._stop is not None and self._done is not None
        try:
            async with trio.open_nursery() as nursery:
                try:
                    with trio.fail_after(timeout):
                        self._ws = await trio_websocket.connect_websocket_url(
                            nursery,
                            self.url,
                            extra_headers=self._headers,
                            max_message_size=self._max_message_size,
                        )
                except Exception as exc:
                    # Refused, timed out, bad handshake: connect()'s caller re-raises
                    # it. (A system task must not raise: that would end the loop.)
                    self._error = exc
                    return
                self._ready.set()
                await self._stop.wait()
                nursery.cancel_scope.cancel()
        except Exception as exc:
            # What trio-websocket's own tasks in the nursery raise as the connection
            # fails (a refused upgrade is also raised there): recorded for connect(),
            # never out of this system task, which would take the shared loop down.
            if self._error is None and not self._ready.is_set():
                self._error = _sole(exc)
        finally:
            self._ready.set()
            self._done.set()

    async def _receive(self, timeout: float) -> str | bytes:
        ws = self._require()
        try:
            with trio.fail_after(timeout):
                return await ws.get_message()
        except trio.TooSlowError:
            raise ReceiveTimeout(f"no message from {self.url} within {timeout} s") from None
        except trio_websocket.ConnectionClosed as exc:
            raise WebSocketClosed(exc.reason.code, exc.reason.reason or "") from None

    async def _close(self, code: int, reason: str) -> None:
        assert self._stop is not None and self._done is not None
        ws = self._require()
        await ws.aclose(code, reason)
        self._stop.set()
        await self._done.wait()
