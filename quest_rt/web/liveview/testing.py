"""Views without a browser or a socket (``lv.test_mount``).

A :class:`TestHost` runs a view synchronously in the caller's thread: the test mounts
it, sends it events and reads its HTML, and every callback has run when the call
returns. The view behaves as a connected one (``socket.connected()`` is true):

- messages to ``handle_info`` (``lv.send``, a broadcast from one of its own
  callbacks) are queued and delivered right after the callback that sent them, as
  the connection's mailbox would;
- ``pubsub.test_broadcast(topic, ...)`` reaches every test view subscribed to
  ``topic`` at once, and so does ``pubsub.broadcast`` from app code (:func:`broadcast`);
  a view whose callback is running (the broadcaster's own) gets it right after that
  callback, as on a connection;
- ``lv.schedule`` timers do not fire by themselves: :meth:`TestHost.run_timers`
  delivers the due ones in order, so a test decides when time passes;
- after each action the view's diff is computed as for a client
  (:attr:`TestHost.last_diff`), so the wire path runs in tests too.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from .view import Definition, View

__all__ = ["TestHost", "broadcast", "has_subscribers", "mount"]

#: topic -> the test views subscribed to it (weakly: a finished test's views go away)
_subscribers: dict[str, weakref.WeakSet[View]] = {}


class TestHost:
    """The host of one test view and its components."""

    __slots__ = ("busy", "last_diff", "queue", "timers", "view")
    __test__ = False  # not a pytest test class
    connected = True

    def __init__(self) -> None:
        self.view: View | None = None
        self.queue: list[tuple[View, Any]] = []
        #: [(delay in seconds, order, view, msg)] not yet delivered
        self.timers: list[tuple[float, int, View, Any]] = []
        self.last_diff: dict[str, Any] = {}
        #: callbacks of this host's views running now (a broadcast waits for them)
        self.busy = 0

    @contextmanager
    def running(self) -> Iterator[None]:
        """Around a callback: messages posted meanwhile wait for :meth:`settle`."""
        self.busy += 1
        try:
            yield
        finally:
            self.busy -= 1

    def schedule(self, view: View, msg: Any, seconds: float) -> None:
        self.timers.append((seconds, len(self.timers), view, msg))

    def subscribe(self, view: View, topic: str) -> None:
        _subscribers.setdefault(topic, weakref.WeakSet()).add(view)

    def post_info(self, view: View, msg: Any) -> None:
        self.queue.append((view, msg))

    def release(self, view: View) -> None:
        for views in _subscribers.values():
            views.discard(view)
        self.timers = [t for t in self.timers if t[2] is not view]

    # ── driving ────────────────────────────────────────────────────────────

    def settle(self) -> None:
        """Deliver queued messages (and those they queue), then compute the diff."""
        while self.queue:
            view, msg = self.queue.pop(0)
            with self.running():
                view.info(msg)
        view = self.view
        if view is not None and view.alive:
            self.last_diff = view.render_diff()

    def run_timers(self) -> int:
        """Deliver every scheduled message, soonest first; returns how many."""
        due = sorted(self.timers, key=lambda t: (t[0], t[1]))
        self.timers = []
        for _, _, view, msg in due:
            if view.alive:
                with self.running():
                    view.info(msg)
                self.settle()
        return len(due)


def mount(definition: Definition, params: dict[str, Any], session: dict[str, Any]) -> View:
    """A mounted test view (its host is ``view.host``)."""
    host = TestHost()
    view = View(definition, host, view_id="phx-test", session=session)
    host.view = view
    with host.running():
        view.mount(params)
        view.handle_params(params, "/")
    host.settle()
    return view


def broadcast(
    topic: str,
    event: str,
    payload: Any,
    *,
    exclude: View | None = None,
    accept: Callable[[View], Any] | None = None,
) -> int:
    """Deliver a broadcast to every test view subscribed to ``topic`` (but ``exclude``,
    and those ``accept`` refuses): at once, or after the running callback for a view
    whose host is in one; returns how many received it."""
    views = [
        v
        for v in list(_subscribers.get(topic, ()))
        if v.alive and v is not exclude and (accept is None or accept(v))
    ]
    for view in views:
        host: TestHost = view.host  # type: ignore[assignment]
        host.post_info(view, {"event": event, "payload": payload, "topic": topic})
        if not host.busy:
            host.settle()
    return len(views)


def has_subscribers(topic: str) -> bool:
    return bool(_subscribers.get(topic))
