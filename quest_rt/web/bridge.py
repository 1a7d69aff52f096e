"""Run async code from synchronous code: the one bridge Quest's blocking calls use.

Quest is synchronous, the engine is Trio. A Quest call that waits (``time.sleep``,
a test client's ``receive``) must wait *without* stalling the Trio loop when it is
called from a handler, and must still work when it is called from a plain script
that never started a loop. :func:`run_sync` picks the right mechanism:

========================================  =============================================
caller                                    what happens
========================================  =============================================
a Trio task with a greenback portal       ``greenback.await_`` — the task suspends, the
                                          loop keeps serving every other task
a thread with no Trio loop (a script)     the coroutine runs on a private background
                                          Trio loop thread, started on first use; the
                                          caller's thread blocks until it is done
a Trio task *without* a portal            :class:`BridgeError`: blocking there would
                                          freeze the loop, so we refuse loudly
========================================  =============================================

This module must not import anything else from ``quest_rt.web``: the runtime uses it
(DESIGN: nothing in the runtime imports the web engine).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import greenback
import trio

__all__ = ["BridgeError", "background_token", "in_trio_task", "run_sync", "sleep"]

T = TypeVar("T")


class BridgeError(RuntimeError):
    """Raised when synchronous code asks to wait inside a Trio task that has no portal.

    Such a call cannot block (it would freeze every connection) and cannot suspend
    (there is no greenback portal to suspend through). Whoever starts the task must
    call ``await greenback.ensure_portal()`` (or run the code through
    ``greenback.with_portal_run_sync``) before invoking synchronous code that may wait.
    """


def in_trio_task() -> bool:
    """Return True when the caller runs inside a Trio task (on the loop's thread)."""
    try:
        trio.lowlevel.current_task()
    except RuntimeError:
        return False
    return True


def run_sync(async_fn: Callable[..., Awaitable[T]], *args: Any) -> T:
    """Run ``await async_fn(*args)`` from synchronous code and return its result.

    Args:
        async_fn: an async function; it runs on the caller's loop when there is one
            (with a portal), else on the shared background loop.
        *args: positional arguments for ``async_fn``.

    Returns:
        Whatever ``async_fn`` returns; its exceptions propagate unchanged.

    Raises:
        BridgeError: called from a Trio task that has no greenback portal.
    """
    if in_trio_task():
        if not greenback.has_portal():
            raise BridgeError(
                "a blocking call was made from a Trio task without a greenback portal; "
                "the task must 'await greenback.ensure_portal()' before running "
                "synchronous code that waits"
            )
        return greenback.await_(async_fn(*args))
    return _background_loop().run(async_fn, *args)


def sleep(seconds: float) -> None:
    """Wait ``seconds`` without blocking a Trio loop that the caller runs on.

    Inside a Trio task with a portal this is ``trio.sleep``; in a plain thread it is
    ``time.sleep`` (no loop is involved, so nothing else can stall).
    """
    if in_trio_task():
        run_sync(trio.sleep, seconds)
    else:
        time.sleep(seconds)


class _BackgroundLoop:
    """A daemon thread running ``trio.run`` forever, used by plain-thread callers.

    Started lazily and shared by every caller in the process: one loop is enough
    (calls from many threads are serialised onto it by ``trio.from_thread``), and a
    daemon thread never keeps the interpreter alive at exit.
    """

    def __init__(self) -> None:
        self._token: trio.lowlevel.TrioToken | None = None
        self._started = threading.Event()
        self._thread = threading.Thread(
            target=trio.run, args=(self._main,), name="quest-rt-bridge-loop", daemon=True
        )
        self._thread.start()
        self._started.wait()

    async def _main(self) -> None:
        self._token = trio.lowlevel.current_trio_token()
        self._started.set()
        await trio.sleep_forever()

    def run(self, async_fn: Callable[..., Awaitable[T]], *args: Any) -> T:
        return trio.from_thread.run(async_fn, *args, trio_token=self._token)

    @property
    def token(self) -> trio.lowlevel.TrioToken:
        assert self._token is not None
        return self._token


_loop: _BackgroundLoop | None = None
_loop_lock = threading.Lock()


def _background_loop() -> _BackgroundLoop:
    global _loop
    with _loop_lock:
        if _loop is None:
            _loop = _BackgroundLoop()
        return _loop


def background_token() -> trio.lowlevel.TrioToken:
    """The Trio token of the shared background loop (starting it if needed).

    For callers that must spawn long-lived tasks there, such as the synchronous
    WebSocket test client, whose connection outlives any single call.
    """
    return _background_loop().token
