"""Connection deadlines on one task per run (quest_rt/web/ws/timers.py), on a mock clock."""

from __future__ import annotations

import gc
import logging
import weakref

import pytest
import trio
import trio.testing

from quest_rt.web.ws import timers


@pytest.fixture
def clock() -> trio.testing.MockClock:
    return trio.testing.MockClock(autojump_threshold=0)


def system_tasks() -> int:
    root = trio.lowlevel.current_root_task()
    assert root is not None
    return sum(len(n.child_tasks) for n in root.child_nurseries)


async def test_a_timer_fires_at_its_deadline_and_again_when_it_says(clock):
    fired: list[float] = []

    def tick(now: float) -> float | None:
        fired.append(now)
        return now + 2 if len(fired) < 3 else None

    start = trio.current_time()
    timers.schedule(start + 5, tick)
    await trio.sleep(20)
    assert fired == [start + 5, start + 7, start + 9]


async def test_many_timers_share_one_task_and_fire_in_order(clock):
    before = system_tasks()
    order: list[int] = []
    start = trio.current_time()
    for i in (3, 1, 2):
        timers.schedule(start + i, lambda now, i=i: order.append(i))
    assert system_tasks() == before + 1
    await trio.sleep(5)
    assert order == [1, 2, 3]


async def test_rescheduling_earlier_fires_once_at_the_new_time(clock):
    fired: list[float] = []
    start = trio.current_time()
    timer = timers.schedule(start + 10, fired.append)
    timer.reschedule(start + 4)
    timer.reschedule(start + 6)  # later than the current deadline: ignored
    await trio.sleep(20)
    assert fired == [start + 4]


async def test_a_timer_without_a_deadline_waits_for_one(clock):
    fired: list[float] = []
    start = trio.current_time()
    timer = timers.schedule(float("inf"), fired.append)
    await trio.sleep(100)
    assert fired == []
    timer.reschedule(start + 150)
    await trio.sleep(100)
    assert fired == [start + 150]


async def test_cancel_drops_the_callback_at_once(clock):
    class Held:
        def fire(self, now: float) -> None:
            raise AssertionError("cancelled timers do not fire")

    held = Held()
    ref = weakref.ref(held)
    timer = timers.schedule(trio.current_time() + 10, held.fire)
    gc.disable()
    try:
        del held
        assert ref() is not None
        timer.cancel()
        assert ref() is None  # not 10 s later, when its entry comes up
    finally:
        gc.enable()
    await trio.sleep(20)


async def test_a_failing_callback_is_logged_and_ends_only_its_timer(clock, caplog):
    fired: list[float] = []

    def fail(now: float) -> float:
        raise RuntimeError("boom")

    start = trio.current_time()
    timers.schedule(start + 1, fail)
    timers.schedule(start + 2, fired.append)
    with caplog.at_level(logging.ERROR, logger="quest_rt.web"):
        await trio.sleep(5)
    assert fired == [start + 2]
    assert "a connection timer failed" in caplog.text
