"""Serving a :class:`WebApp`: ``serve`` (async), ``run`` (the CLI), ``start_in_thread``.

Shutdown, in this order (issue 3: "open WebSockets get close 1001, in-flight HTTP
requests finish"):

1. the shutdown trigger returns (SIGINT/SIGTERM for :func:`run`, ``stop()`` for a
   thread server, any awaitable you pass);
2. the listeners close: no new connections;
3. hypercorn is told to finish (idle keep-alive connections close after their
   current response), connections still sending a request head are dropped;
4. every WebSocket is sent close 1001 "going away";
5. everything left gets :attr:`WebSettings.graceful_timeout` seconds, then is
   cancelled.

Cancelling :func:`serve` itself (without a trigger) skips the graceful part:
cancellation means "stop now".
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

import trio

from .admission import Admission, accept_loop, raise_fd_limit
from .listener import ConnectionDispatcher
from .watchdog import LoopWatchdog

if TYPE_CHECKING:
    from .app import WebApp

__all__ = ["ServerThread", "run", "serve", "start_in_thread", "wait_for_signal"]

log = logging.getLogger("quest_rt.web")

#: RFC 6455 1001 "going away": the server is shutting down (wire-protocol §9.2).
CLOSE_GOING_AWAY = 1001


async def serve(
    app: WebApp,
    *,
    host: str | None = None,
    port: int | None = None,
    shutdown_trigger: Callable[[], Awaitable[Any]] | None = None,
    watchdog: LoopWatchdog | None = None,
    task_status: trio.TaskStatus[int] = trio.TASK_STATUS_IGNORED,
) -> None:
    """Serve ``app`` until ``shutdown_trigger()`` returns, then shut down gracefully.

    Args:
        app: what to serve.
        host, port: override ``app.settings``; port 0 picks a free port.
        shutdown_trigger: an async callable; when it returns, the graceful
            shutdown of the module docstring runs. None: serve until cancelled.
        watchdog: the loop watchdog (:mod:`.watchdog`); None: one is made from the
            app's settings and hooks.
        task_status: receives the bound port (``port = await nursery.start(serve, app)``).
    """
    settings = app.settings
    host = settings.host if host is None else host
    port = settings.port if port is None else port
    listeners = await trio.open_tcp_listeners(port, host=host)
    bound_port = listeners[0].socket.getsockname()[1]
    dispatcher = ConnectionDispatcher(app)
    if watchdog is None:
        watchdog = LoopWatchdog(settings, app.describe_frame, app.handler_interrupt)
    app.registry.bind_to_current_loop()
    try:
        async with trio.open_nursery() as watched:
            watched.start_soon(watchdog.run)
            # Services (a PubSub adapter) start before the first connection and stop
            # after the last one: broadcasts made while connections close still go out.
            async with trio.open_nursery() as services:
                for service in app.services:
                    services.start_soon(service)
                await _serve_connections(
                    app, dispatcher, listeners, bound_port, host, shutdown_trigger, task_status
                )
                services.cancel_scope.cancel()
            watched.cancel_scope.cancel()
    finally:
        app.registry.unbind()


async def _serve_connections(
    app: WebApp,
    dispatcher: ConnectionDispatcher,
    listeners: list[trio.SocketListener],
    bound_port: int,
    host: str,
    shutdown_trigger: Callable[[], Awaitable[Any]] | None,
    task_status: trio.TaskStatus[int],
) -> None:
    settings = app.settings
    admission = Admission(settings, raise_fd_limit())
    async with trio.open_nursery() as connections:
        async with trio.open_nursery() as accepting:
            for listener in listeners:
                accepting.start_soon(
                    accept_loop, listener, dispatcher.handle, connections, admission
                )
            log.info(
                "serving on http://%s:%d (%s WebSocket transport)",
                host,
                bound_port,
                settings.transport.value,
            )
            task_status.started(bound_port)
            if shutdown_trigger is None:
                await trio.sleep_forever()
            await shutdown_trigger()
            accepting.cancel_scope.cancel()
        log.info("shutting down: closing WebSockets, finishing requests")
        await dispatcher.begin_shutdown()
        app.registry.close_all(CLOSE_GOING_AWAY, "server shutting down")
        connections.cancel_scope.deadline = trio.current_time() + settings.graceful_timeout


async def wait_for_signal() -> None:
    """Return on the first SIGINT or SIGTERM (a shutdown trigger for :func:`serve`).

    A second Ctrl-C during the graceful shutdown interrupts it: the receiver is
    closed on return, so Python's default KeyboardInterrupt handling is back.
    """
    with trio.open_signal_receiver(signal.SIGINT, signal.SIGTERM) as signals:
        async for signum in signals:
            log.info("received %s", signal.Signals(signum).name)
            return


def run(app: WebApp, *, host: str | None = None, port: int | None = None) -> None:
    """Serve ``app`` in the calling (main) thread until SIGINT/SIGTERM — ``quest serve``."""
    trio.run(partial(serve, app, host=host, port=port, shutdown_trigger=wait_for_signal))


@dataclass
class ServerThread:
    """A server running in a background thread (``web.test_server()`` in Quest tests)."""

    host: str
    port: int
    _thread: threading.Thread
    _token: trio.lowlevel.TrioToken
    _stop: trio.Event
    _watchdog: LoopWatchdog
    _errors: list[BaseException] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def ws_url(self, path: str = "/") -> str:
        return f"ws://{self.host}:{self.port}{path}"

    def is_alive(self) -> bool:
        """False once the server's thread has ended (stopped, or crashed)."""
        return self._thread.is_alive()

    def stop(self, timeout: float = 30.0) -> None:
        """Shut down gracefully (WebSockets get 1001) and wait for the thread.

        Raises:
            RuntimeError: the server thread crashed (its exception is chained) or
                did not stop within ``timeout`` seconds.
        """
        # Neither call waits for the loop: a handler stuck in it must not hold up the
        # caller (quest serve's signal handling). The watchdog interrupts that handler
        # at once now, so the shutdown runs within the grace period.
        self._watchdog.shutting_down()
        try:
            self._token.run_sync_soon(self._stop.set)
        except trio.RunFinishedError:
            pass  # the loop already ended (crashed); the join below reports it
        self._thread.join(timeout)
        if self._thread.is_alive():
            raise RuntimeError(f"server on port {self.port} did not stop within {timeout} s")
        if self._errors:
            raise RuntimeError("the server thread failed") from self._errors[0]


def _sole_cause(exc: BaseException) -> BaseException:
    """The one exception inside nested single-member groups (Trio wraps what a
    nursery's task raised), so that callers can catch ``OSError`` for a failed bind."""
    while isinstance(exc, BaseExceptionGroup) and len(exc.exceptions) == 1:
        exc = exc.exceptions[0]
    return exc


def start_in_thread(
    app: WebApp, host: str = "127.0.0.1", port: int = 0, *, timeout: float = 10.0
) -> ServerThread:
    """Start serving ``app`` in a new thread with its own Trio loop; return once bound.

    Raises:
        OSError: the address could not be bound (in use, unknown host, bad port).
    """
    ready = threading.Event()
    box: dict[str, Any] = {}
    errors: list[BaseException] = []
    watchdog = LoopWatchdog(app.settings, app.describe_frame, app.handler_interrupt)

    async def main() -> None:
        box["token"] = trio.lowlevel.current_trio_token()
        box["stop"] = stop = trio.Event()
        async with trio.open_nursery() as nursery:
            box["port"] = await nursery.start(
                partial(
                    serve,
                    app,
                    host=host,
                    port=port,
                    shutdown_trigger=stop.wait,
                    watchdog=watchdog,
                )
            )
            ready.set()

    def thread_main() -> None:
        try:
            trio.run(main)
        except BaseException as exc:  # reported to the starting thread, not swallowed
            errors.append(exc)
        finally:
            ready.set()

    thread = threading.Thread(target=thread_main, name=f"quest-rt-server-{port}", daemon=True)
    thread.start()
    ready.wait(timeout)
    if "port" not in box:
        thread.join(timeout)
        if errors:
            raise _sole_cause(errors[0])
        raise RuntimeError(f"server did not start within {timeout} s")
    return ServerThread(host, box["port"], thread, box["token"], box["stop"], watchdog, errors)
