"""A connection's mailbox: every handler call of one connection, one at a time, in order.

DESIGN's process model: a connection's handlers never overlap. Messages from the
peer, timers (``lv.schedule``), PubSub deliveries that run code, anything a layer
schedules — each is a *job* posted to the connection's mailbox, and the jobs run one
after another in the order they were posted. A job that blocks (a Quest
``time.sleep`` re-entering Trio through greenback) holds up only its own connection:
later jobs wait in the mailbox, other connections go on.

Who runs the jobs — one runner at a time::

    reader task:  message ──► mailbox idle and empty? ──yes──► run it here   (fast path)
                                   │ no
                                   └──────────────► append; the mailbox task runs it
    any task:     post()  ──► append ──► wake the mailbox task, which drains when idle

The *busy* flag is the baton: one job runs at a time. The mailbox task, once it holds
the baton, drains until the queue is empty, then drops it (the check and the drop
happen with no checkpoint between them, so no job is left behind). The reader only
ever runs the message it just read, and only when nothing waits: that fast path keeps
an echo free of task switches, which keeps Layer 1's measured message rate (issue
6); jobs posted meanwhile go to the mailbox task, so the reader gets back to reading.
While a handler blocks *in the reader* (the fast path), that connection reads no
further — its peer meets TCP backpressure — and a job posted meanwhile runs right
after it, before messages still unread. Jobs posted by other tasks always go
through the mailbox's own task, so a broadcast from connection A never runs
connection B's code in A's task.

Bounds: :meth:`post_nowait` refuses a job when ``limit`` jobs wait (``trio.WouldBlock``,
which the connection turns into a close); messages from the reader are always taken,
and the reader stops reading until the queue is back under the limit
(:meth:`wait_below_limit`), so a peer flooding a blocked handler meets TCP
backpressure instead of growing our memory.

Error handling:
    Each job carries its own ``on_error(exc)``: the layer that posted it decides what
    an exception means (Layer 1 closes with 1011, a channel replies ``phx_error`` for
    one topic, a LiveView crashes one view). Only ``Exception`` is caught; cancellation
    propagates and ends the runner with the connection's nursery.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any

import trio

from .. import portal

__all__ = ["Mailbox"]

# (fn, args, on_error)
Job = tuple[Callable[..., Any], tuple[Any, ...], Callable[[Exception], Any]]


class Mailbox:
    """The ordered, bounded queue of one connection's handler calls."""

    __slots__ = ("_busy", "_fallback", "_jobs", "_limit", "_peak", "_space", "_wakeup")

    def __init__(self, limit: int, fallback: Callable[[Exception], Any]) -> None:
        """``fallback(exc)`` handles an exception raised by a job's own ``on_error``.

        The queue and the events are made on first use: most Layer-1 connections never
        queue anything, and at 10,000 connections every object counts (issue 7's
        memory target).
        """
        self._jobs: deque[Job] | None = None
        # None once the connection has ended (close()): it is the connection's
        # bound method, a reference cycle while kept.
        self._fallback: Callable[[Exception], Any] | None = fallback
        self._limit = limit
        self._busy = False
        self._peak = 0
        # The mailbox task waits on it while nothing waits for it; set to wake it.
        self._wakeup: trio.Event | None = None
        # Set when the queue drops under the limit; the reader waits on it.
        self._space: trio.Event | None = None

    @property
    def waiting(self) -> int:
        """Jobs queued and not yet started."""
        return len(self._jobs) if self._jobs else 0

    @property
    def peak(self) -> int:
        return self._peak

    @property
    def limit(self) -> int:
        return self._limit

    def post_nowait(
        self, fn: Callable[..., Any], args: tuple[Any, ...], on_error: Callable[[Exception], Any]
    ) -> None:
        """Queue a job for the mailbox task; never runs it in the calling task.

        Raises:
            trio.WouldBlock: ``limit`` jobs are already waiting.
        """
        if self._jobs and len(self._jobs) >= self._limit:
            raise trio.WouldBlock
        self._append((fn, args, on_error))
        if not self._busy:
            self._wake()

    def deliver(
        self,
        fn: Callable[[Any], Any],
        arg: Any,
        on_error: Callable[[Exception], Any],
        queued: Callable[[Any], Any] | None = None,
    ) -> None:
        """Run ``fn(arg)`` for the connection's reader: here and now when the mailbox
        is idle, else queue ``queued(arg)`` (default ``fn``) behind the others — a
        queued message must re-check, when it runs, what was true when it arrived.

        One argument, no tuple: this is the per-message fast path.
        """
        if self._busy or self._jobs:
            self._append((queued or fn, (arg,), on_error))
            if not self._busy:
                self._wake()
            return
        self._busy = True
        try:
            fn(arg)
        except Exception as exc:
            try:
                on_error(exc)
            except Exception as nested:
                if self._fallback is not None:
                    self._fallback(nested)
        finally:
            self._busy = False
        if self._jobs:
            # Jobs posted while it ran go to the mailbox task, not this one: the
            # reader must get back to reading (a posted job may block for long).
            self._wake()

    def over_limit(self) -> bool:
        return bool(self._jobs) and len(self._jobs) >= self._limit

    async def wait_below_limit(self) -> None:
        """Return once fewer than ``limit`` jobs wait (the reader's backpressure)."""
        while self.over_limit():
            self._space = trio.Event()
            await self._space.wait()

    async def run(self) -> None:
        """The mailbox task: drain whenever woken and nobody else holds the baton.

        Started in the connection's nursery; cancelled with it.
        """
        while True:
            if self._jobs and not self._busy:  # else the baton holder drains them
                self._busy = True
                try:
                    await portal.call(self._drain)  # jobs may block (greenback)
                finally:
                    self._busy = False
            self._wakeup = trio.Event()
            await self._wakeup.wait()
            self._wakeup = None

    def clear(self) -> None:
        """Drop every waiting job (the connection has ended)."""
        if self._jobs:
            self._jobs.clear()
        self._release_space()

    def close(self) -> None:
        """Drop the jobs and the fallback: nothing of the connection runs any more."""
        self.clear()
        self._fallback = None

    def _wake(self) -> None:
        # None: the mailbox task is not waiting (not started yet, or running); it
        # looks at the queue before it waits again.
        if self._wakeup is not None:
            self._wakeup.set()

    def _append(self, job: Job) -> None:
        if self._jobs is None:
            self._jobs = deque()
        self._jobs.append(job)
        if len(self._jobs) > self._peak:
            self._peak = len(self._jobs)

    def _drain(self) -> None:
        jobs = self._jobs
        assert jobs is not None
        while jobs:
            fn, args, on_error = jobs.popleft()
            self._release_space()
            self._run(fn, args, on_error)

    def _release_space(self) -> None:
        if self._space is not None and not self.over_limit():
            self._space.set()
            self._space = None

    def _run(
        self, fn: Callable[..., Any], args: tuple[Any, ...], on_error: Callable[[Exception], Any]
    ) -> None:
        try:
            fn(*args)
        except Exception as exc:
            try:
                on_error(exc)
            except Exception as nested:
                if self._fallback is not None:
                    self._fallback(nested)
