"""portal.call: synchronous code that may block through greenback, with a portal only
while it runs (quest_rt/web/portal.py)."""

from __future__ import annotations

import contextvars
import gc
import weakref

import greenback
import greenlet
import pytest
import trio
import trio.testing

from quest_rt.web import portal
from quest_rt.web.bridge import run_sync

VAR: contextvars.ContextVar[str] = contextvars.ContextVar("VAR", default="unset")


class Thing:
    """Something a call receives, to watch it being freed."""


async def test_a_call_that_does_not_wait_is_not_a_checkpoint():
    ran = []

    async def other() -> None:
        ran.append("other")

    async with trio.open_nursery() as nursery:
        nursery.start_soon(other)
        assert await portal.call(lambda a, b: a + b, 2, 3) == 5
        assert ran == []  # no task switch happened
    assert ran == ["other"]


async def test_a_call_that_waits_suspends_only_its_task():
    other_ran = trio.Event()

    async def wait_for_other() -> str:
        await other_ran.wait()
        return "after other"

    def blocking() -> str:
        assert greenback.has_portal()
        return run_sync(wait_for_other)  # what a Quest time.sleep does

    async def other() -> None:
        other_ran.set()

    async with trio.open_nursery() as nursery:
        nursery.start_soon(other)
        # Would deadlock if the call blocked the loop instead of suspending.
        assert await portal.call(blocking) == "after other"
    assert not greenback.has_portal()  # the portal was the call's, not the task's


async def test_exceptions_propagate_unchanged():
    error = KeyError("k")

    def fail() -> None:
        greenback.await_(trio.sleep(0))
        raise error

    with pytest.raises(KeyError) as caught:
        await portal.call(fail)
    assert caught.value is error


async def test_a_cancellation_reaches_the_waiting_code():
    seen = []

    def wait_forever() -> None:
        try:
            greenback.await_(trio.sleep_forever())
        except trio.Cancelled:
            seen.append("cancelled")
            raise

    with trio.move_on_after(0.01) as scope:
        await portal.call(wait_forever)
    assert scope.cancelled_caught
    assert seen == ["cancelled"]


async def test_the_call_sees_the_tasks_context_variables():
    VAR.set("task value")

    def read() -> str:
        greenback.await_(trio.sleep(0))
        return VAR.get()

    assert await portal.call(read) == "task value"


async def test_greenlets_are_reused_and_blocked_calls_get_their_own():
    first = await portal.call(greenlet.getcurrent)
    assert first is not greenlet.getcurrent()
    assert await portal.call(greenlet.getcurrent) is first

    release = trio.Event()
    used = []

    def blocked() -> None:
        used.append(greenlet.getcurrent())
        greenback.await_(release.wait())

    async def task() -> None:
        await portal.call(blocked)

    async with trio.open_nursery() as nursery:
        nursery.start_soon(task)
        nursery.start_soon(task)
        await trio.testing.wait_all_tasks_blocked()
        assert len(used) == 2 and used[0] is not used[1]
        release.set()


async def test_a_task_that_has_a_portal_runs_the_call_itself():
    await greenback.ensure_portal()
    assert await portal.call(greenlet.getcurrent) is greenlet.getcurrent()


async def test_nothing_of_a_call_is_kept_after_it_ends():
    """By reference counting alone: a closed connection must be freed without the
    cyclic collector (issue 9), and its handlers' arguments with it.

    (A call whose ``greenback.await_`` raises — a cancellation — is left out:
    ``await_`` itself then keeps the exception in a cycle through its own frame.)
    """

    def fail(thing: Thing) -> None:
        greenback.await_(trio.sleep(0))
        raise ValueError("no")

    def ok(thing: Thing) -> int:
        greenback.await_(trio.sleep(0))
        return 1

    gc.disable()
    try:
        for fn in (fail, ok, fail):
            thing = Thing()
            ref = weakref.ref(thing)
            try:
                await portal.call(fn, thing)
            except ValueError:
                pass
            del thing
            assert ref() is None, fn.__name__
    finally:
        gc.enable()
