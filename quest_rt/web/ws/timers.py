"""Connection deadlines: one Trio task per run keeps every connection's timers.

A connection has deadlines to watch — a message unfinished after
``ws_message_timeout``, a peer silent for ``ws_ping_interval`` (then its ping's
answer), a channel socket silent for the hub's ``idle_timeout`` — and almost never
reaches one. A sleeping task per deadline costs a task, its cancel status and its
scopes: about 3 KB of RSS per connection each (measured at 1,000 joined LiveViews,
which had two). Here a connection's deadline is a :class:`Timer` in one heap, and
one task, started on first use, sleeps until the earliest and runs what is due.

A timer's callback is ``fn(now) -> next deadline | None``: it decides on the spot
(the state it looks at may have moved the deadline) and says when to look again,
or None when it is done. It runs in the timers' task, so it must not block and
must not run handler code: close a connection, send a ping, post to a mailbox.
An exception from it is logged and ends that timer only.

Every new deadline of a timer adds a heap entry; an entry whose time is no longer
its timer's is stale and dropped when it comes up. :meth:`Timer.cancel` drops the
callback at once — what it holds (a connection) is freed then, not when the stale
entry comes up.
"""

from __future__ import annotations

import heapq
import logging
import math
from collections.abc import Callable
from itertools import count

import trio

__all__ = ["Timer", "schedule"]

log = logging.getLogger("quest_rt.web")

#: ``fn(now)``: the next deadline (trio clock), or None to stop.
Callback = Callable[[float], float | None]


class Timer:
    """One deadline in the heap; see the module docstring."""

    __slots__ = ("_fn", "_heap", "when")

    def __init__(self, heap: _Heap, when: float, fn: Callback) -> None:
        self._heap = heap
        self._fn: Callback | None = fn
        #: The deadline (trio clock); ``math.inf``: none until :meth:`reschedule`.
        self.when = when

    def reschedule(self, when: float) -> None:
        """Run the callback at ``when`` (or at its current deadline if earlier)."""
        if self._fn is not None and when < self.when:
            self.when = when
            self._heap.push(when, self)

    def cancel(self) -> None:
        self._fn = None


class _Heap:
    """The timers of one Trio run and the task that fires them."""

    def __init__(self) -> None:
        # (when, tie-breaker, timer); entries whose time is not their timer's are stale.
        self._entries: list[tuple[float, int, Timer]] = []
        self._order = count()
        self._sleep: trio.CancelScope | None = None
        trio.lowlevel.spawn_system_task(self._run, name="quest_rt.web.ws.timers")

    def push(self, when: float, timer: Timer) -> None:
        if when == math.inf:
            return
        heapq.heappush(self._entries, (when, next(self._order), timer))
        if self._sleep is not None and when < self._sleep.deadline:
            self._sleep.deadline = when

    async def _run(self) -> None:
        entries = self._entries
        while True:
            with trio.CancelScope(deadline=entries[0][0] if entries else math.inf) as scope:
                self._sleep = scope
                await trio.sleep_forever()
            self._sleep = None
            now = trio.current_time()
            while entries and entries[0][0] <= now:
                when, _, timer = heapq.heappop(entries)
                self._fire(timer, when, now)

    def _fire(self, timer: Timer, when: float, now: float) -> None:
        fn = timer._fn
        if fn is None or timer.when != when:
            return  # cancelled, or its deadline moved (it has another entry)
        try:
            after = fn(now)
        except Exception:
            log.exception("a connection timer failed; it was dropped")
            after = None
        if after is None:
            timer._fn = None
        else:
            # Never in the past: a callback that answers "now" runs once per pass.
            timer.when = max(after, math.nextafter(now, math.inf))
            self.push(timer.when, timer)


_heaps: trio.lowlevel.RunVar[_Heap] = trio.lowlevel.RunVar("quest_rt_timers")


def schedule(when: float, fn: Callback) -> Timer:
    """Call ``fn(now)`` at ``when`` (trio clock), then whenever it says; from the
    current run's timers task, started on first use."""
    heap = _heaps.get(None)
    if heap is None:
        heap = _Heap()
        _heaps.set(heap)
    timer = Timer(heap, when, fn)
    heap.push(when, timer)
    return timer
