"""Run synchronous handler code that may block, with a greenback portal only while it runs.

Handlers are synchronous (Quest is); one that waits (a Quest ``time.sleep``) suspends its
task through ``greenback.await_`` (:mod:`quest_rt.web.bridge`), which needs a *portal*
on the task. ``greenback.ensure_portal()`` gives a task one for the rest of its life by
running its whole coroutine inside a greenlet. A connection's task then spends minutes
waiting for bytes with that greenlet suspended, holding a copy of its C stack and its
own chunk of Python frame stack: about 7 KB of RSS per idle connection on CPython 3.11
(measured with 1,000 LiveViews joined: 36.2 → 28.8 KB per view without it), for
handler code that runs a few microseconds per message.

:func:`call` gives the portal to the call instead of the task: ``fn(*args)`` runs in a
greenlet borrowed from a small pool kept per thread, and goes back to the pool when
``fn`` returns. If ``fn`` waits, ``greenback.await_`` switches out of that greenlet to
us with the event-loop trap it wants yielded; we yield it to Trio from the task's own
coroutine and switch back in with Trio's answer — what greenback's own shim does for a
portal, per call. An idle connection holds no greenlet at all; a blocked handler holds
one, as it must.

``greenback.with_portal_run_sync`` does the same with a new greenlet per call, which
measured 10–15 µs per call; the reader calls per read, so the greenlets are reused
here: about 3 µs per call, what one task step through greenback's shim costs. (greenlet
and outcome, which greenback is built on, are pinned with it.) The protocol with
``greenback.await_`` is greenback's own: a task is looked up in
``greenback._impl.task_portals`` and its value is the greenlet to switch to with a
``(trap, greenlet to resume)`` pair. That is a private name of the pinned greenback
(1.3.0, ``pyproject.toml``); ``tests/web/test_portal.py`` checks the protocol, so an
upgrade that changes it fails there first.

In a task that already has a portal (``ensure_portal``: HTTP requests, tests) ``fn`` is
simply called.
"""

from __future__ import annotations

import threading
import types
from collections.abc import Callable, Generator
from typing import Any, TypeVar

import greenlet
import outcome
import trio
from greenback._impl import task_portals

__all__ = ["call"]

T = TypeVar("T")

#: Idle greenlets kept per thread. More than this are only needed while that many
#: handlers block at once; those greenlets are freed when their handler returns.
POOL_SIZE = 16

#: ``.idle``: this thread's parked runners (a greenlet only ever runs on its thread).
_local = threading.local()


class _Runner(greenlet.greenlet):
    """A greenlet that runs one call after another; between calls it waits,
    suspended, in :meth:`_serve` (shallow: little C stack kept)."""

    def __init__(self) -> None:
        super().__init__(self._serve)
        #: How the call that just ended went; taken (and cleared) by the caller.
        self.value: Any = None
        self.error: BaseException | None = None
        # Started with no arguments: greenlet keeps the arguments of the first switch
        # for the greenlet's life, and a call's must not be kept (issue 9: a closed
        # connection is freed by reference counting).
        self.switch()

    def _serve(self) -> None:
        caller: greenlet.greenlet = self.parent
        while True:
            caller, fn, args = caller.switch(None)
            try:
                self.value = fn(*args)
            except BaseException as exc:  # the caller re-raises it in the task
                self.error = exc
            fn = args = None


@types.coroutine
def call(fn: Callable[..., T], *args: Any) -> Generator[Any, Any, T]:
    """``await call(fn, *args)``: ``fn(*args)``, able to wait through ``greenback.await_``.

    Not a checkpoint by itself: if ``fn`` does not wait, neither does this. ``fn``'s
    exceptions propagate unchanged; a cancellation delivered while ``fn`` waits is
    raised inside ``fn`` (at its ``await_``), as it would be with ``ensure_portal``.
    """
    task = trio.lowlevel.current_task()
    if task in task_portals:
        return fn(*args)
    here = greenlet.getcurrent()
    try:
        idle = _local.idle
    except AttributeError:  # this thread's first call
        idle = _local.idle = []
    runner = idle.pop() if idle else _Runner()
    runner.gr_context = here.gr_context  # the task's contextvars, as greenback does
    task_portals[task] = here
    try:
        request = runner.switch(here, fn, args)
        while request is not None:  # (trap, greenlet to resume): fn waits
            trap, resume = request
            request = None
            try:
                answer: outcome.Outcome[Any] = outcome.Value((yield trap))
            except BaseException as exc:  # Cancelled and the like go to fn's await_
                answer = outcome.Error(exc)
            trap = None
            request, answer = resume.switch(answer), None
    finally:
        del task_portals[task]
    value, error = runner.value, runner.error
    runner.value = runner.error = None
    runner.gr_context = None
    if len(idle) < POOL_SIZE:
        idle.append(runner)
    if error is None:
        return value
    try:
        raise error
    finally:
        # The exception's traceback will hold this frame: the frame must not hold
        # the exception (a reference cycle, freed only by the collector).
        del error
