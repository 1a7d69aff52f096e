"""The loop watchdog: a handler that blocks the server's Trio loop is named, then interrupted.

Handlers are synchronous and run on the loop thread (that is what makes them cheap),
so a Quest handler that loops forever (``while true``) stops every client and, before
this module, made the server deaf to SIGTERM (issue 9). Two pieces:

- a **heartbeat** task on the loop stamps ``time.monotonic()`` every
  :data:`BEAT` seconds. A stamp costs one task wake-up per beat, not per request:
  the HTTP and WebSocket paths run no extra code;
- a **watchdog thread** looks at the stamp every :data:`BEAT` seconds. When it is
  older than :attr:`WebSettings.handler_warn_after` (500 ms), the loop is blocked:
  the thread reads the loop thread's stack (``sys._current_frames``), asks the app's
  ``describe_frame`` hook which frame is the handler's (the Quest binding answers
  ``app.q:12`` for a Quest frame: the engine knows nothing of Quest) and logs one
  warning per stall. When the stall passes :attr:`WebSettings.handler_time_limit`
  (5 s), it raises the app's ``handler_interrupt`` exception in the loop thread
  (``PyThreadState_SetAsyncExc``): the handler fails as if it had raised that error
  itself — 500 for a request, 1011 for a WebSocket — and the loop goes on.

It interrupts only a stack that has a handler frame (``describe_frame`` answered):
engine code that is slow is reported, never interrupted. An asynchronous exception is
delivered between two bytecodes of the loop thread; a handler stuck inside one C call
(a blocking read) gets it when that call returns.

At shutdown (:meth:`LoopWatchdog.shutting_down`) the limit drops to the warning
threshold, so SIGTERM stops a server whose handler is stuck within the grace period.
"""

from __future__ import annotations

import ctypes
import logging
import sys
import threading
import time
import types
from collections.abc import Callable

import trio

from .settings import WebSettings

__all__ = ["BEAT", "LoopWatchdog"]

log = logging.getLogger("quest_rt.web")

#: Seconds between heartbeats, and between the watchdog's looks at them.
BEAT = 0.1

DescribeFrame = Callable[[types.FrameType], "str | None"]


class LoopWatchdog:
    """Watches one Trio loop; :meth:`run` is its heartbeat task."""

    def __init__(
        self,
        settings: WebSettings,
        describe_frame: DescribeFrame | None,
        interrupt: Callable[[float], type[BaseException]] | None,
    ) -> None:
        self._settings = settings
        self._describe = describe_frame
        self._interrupt = interrupt
        self._beat = time.monotonic()
        self._loop_thread = 0
        self._stop = threading.Event()
        self._shutting_down = False
        #: Stalls reported and handlers interrupted (read by tests and the log).
        self.warnings = 0
        self.interrupts = 0

    async def run(self) -> None:
        """Beat until cancelled, with the watchdog thread running alongside."""
        self._loop_thread = threading.get_ident()
        self._beat = time.monotonic()
        thread = threading.Thread(target=self._watch, name="quest-rt-watchdog", daemon=True)
        thread.start()
        try:
            while True:
                self._beat = time.monotonic()
                await trio.sleep(BEAT)
        finally:
            self._stop.set()

    def shutting_down(self) -> None:
        """From now on a stall longer than the warning threshold is interrupted."""
        self._shutting_down = True

    def _watch(self) -> None:
        stall_seen = 0.0  # the heartbeat stamp of the stall already reported
        next_interrupt = 0.0  # seconds into that stall when the next interrupt is due
        while not self._stop.wait(BEAT):
            beat = self._beat
            stalled = time.monotonic() - beat - BEAT
            warn_after = self._settings.handler_warn_after
            if stalled < warn_after:
                continue
            where = self._handler_frame()
            limit = warn_after if self._shutting_down else self._settings.handler_time_limit
            if stall_seen != beat:
                stall_seen = beat
                next_interrupt = limit
                self.warnings += 1
                log.warning(
                    "a handler has blocked the server for %.1f s at %s",
                    stalled,
                    where or "(not in a handler)",
                )
            if self._shutting_down:
                next_interrupt = min(next_interrupt, stalled)
            if limit <= 0 or stalled < next_interrupt or where is None or self._interrupt is None:
                continue
            # A handler that catches the error and goes on is interrupted again one
            # limit later.
            next_interrupt = stalled + limit
            self.interrupts += 1
            if self._shutting_down:
                log.error("interrupting the handler at %s: the server is shutting down", where)
            else:
                log.error("interrupting the handler at %s: it exceeded %g s", where, limit)
            ctypes.pythonapi.PyThreadState_SetAsyncExc(
                ctypes.c_ulong(self._loop_thread),
                ctypes.py_object(self._interrupt(self._settings.handler_time_limit)),
            )

    def _handler_frame(self) -> str | None:
        """The innermost handler frame on the loop thread's stack, described."""
        if self._describe is None:
            return None
        frame = sys._current_frames().get(self._loop_thread)
        while frame is not None:
            described = self._describe(frame)
            if described is not None:
                return described
            frame = frame.f_back
        return None
