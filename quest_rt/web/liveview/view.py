"""One LiveView: its component's callbacks, its assigns, and what the client holds.

A component is declared once (:class:`Definition`: ``lv.component(factory)``) and
*made* afresh for every mount (seed-extensions E14): each connected view, each dead
render, each test mount and each live component instance calls the factory and gets
its own :class:`ViewSpec` (the callbacks, closing over their own state).

A :class:`View` runs one spec. The callbacks receive the view's *binding* (the Quest
``socket``), which calls back into the view: ``assign`` (always a change, E15),
``get``, ``set`` (private), ``push_event``, ``redirect``/``push_navigate``/
``push_patch``. After each callback the owner asks :meth:`View.render_diff` for what
to send: only the tags reading assigns that were assigned are evaluated
(:mod:`.diff`), live components that changed are rendered into the ``"c"`` table,
pushed events go to ``"e"`` and a changed ``page_title`` to ``"t"``.

Where a view lives is its :class:`Host`'s business: the LiveView session on a socket
(:mod:`.session`), a dead render (nothing to schedule or subscribe: the page is sent
and the view dropped), or a test mount (``lv.test_mount``, synchronous). The view
itself never waits and never touches the network.

Live components (``lv.live_component(Component, id: ...)`` in a template) are views
too, owned by the root view that renders them: numbered from 1 (their ``cid``), kept
by (component, id) so the same call in the next render finds the same instance, and
dropped when the client reports them destroyed. Their events arrive with their
``cid``; their ``parent()`` is the root view.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol

from quest_rt.common.rendered import ComponentRef, Rendered

from .diff import COMPONENTS, EVENTS, REPLY, ROOT, TITLE, ViewTree
from .targets import target_diff

__all__ = ["Definition", "Host", "View", "ViewSpec", "current_view"]

#: The assign whose changes are sent as the page title (``"t"``), as in Phoenix.
PAGE_TITLE = "page_title"


class ViewSpec:
    """What a component factory returned for one mount: its callbacks and state.

    ``render(assigns) -> Rendered`` is required; the others may be None. Callback
    return values are ignored (Quest code returns ``socket`` by convention), except a
    ``handle_event`` answering a hook's push: a Dict there is the hook's reply.
    """

    __slots__ = (
        "handle_event",
        "handle_info",
        "handle_params",
        "mount",
        "render",
        "state",
        "terminate",
    )

    def __init__(
        self,
        render: Callable[[dict[str, Any]], Any],
        state: dict[str, Any] | None = None,
        *,
        mount: Callable[..., Any] | None = None,
        handle_event: Callable[..., Any] | None = None,
        handle_info: Callable[..., Any] | None = None,
        handle_params: Callable[..., Any] | None = None,
        terminate: Callable[..., Any] | None = None,
    ) -> None:
        self.render = render
        self.state = state if state is not None else {}
        self.mount = mount
        self.handle_event = handle_event
        self.handle_info = handle_info
        self.handle_params = handle_params
        self.terminate = terminate


class Definition:
    """A declared component: ``make()`` builds a fresh :class:`ViewSpec` per mount;
    ``bind(view)`` builds the object its callbacks receive as ``socket``."""

    __slots__ = ("bind", "make", "name")

    def __init__(
        self, make: Callable[[], ViewSpec], bind: Callable[[View], Any], name: str = "LiveView"
    ) -> None:
        self.make = make
        self.bind = bind
        self.name = name

    def __repr__(self) -> str:
        return f"<Definition {self.name}>"


class Host(Protocol):
    """Where views live: timers, subscriptions and messages between views."""

    #: False for a dead render (its ``socket.connected()`` is false).
    connected: bool

    def schedule(self, view: View, msg: Any, seconds: float) -> None:
        """Deliver ``msg`` to ``view``'s ``handle_info`` once, after ``seconds``."""

    def subscribe(self, view: View, topic: str) -> None:
        """Deliver PubSub broadcasts on ``topic`` to ``view``'s ``handle_info``."""

    def post_info(self, view: View, msg: Any) -> None:
        """Deliver ``msg`` to ``view``'s ``handle_info`` after the running callback."""

    def release(self, view: View) -> None:
        """``view`` ended: cancel its timers and subscriptions."""


_rendering: list[View] = []


def current_view() -> View | None:
    """The view whose template is being evaluated (``lv.live_component`` needs it)."""
    return _rendering[-1] if _rendering else None


@contextmanager
def _evaluating(view: View) -> Iterator[None]:
    _rendering.append(view)
    try:
        yield
    finally:
        _rendering.pop()


class View:
    """A mounted component (see the module docstring).

    Attributes:
        id: the view id (``phx-…``, the container's id and the topic's suffix);
            components share their root's.
        cid: the component number, None for a root view.
        binding: the object callbacks receive as ``socket``.
        nav: what a callback asked for: ``("redirect" | "navigate" | "patch", path)``.
        alive: False once closed; nothing of a closed view runs again.
    """

    __slots__ = (
        "__weakref__",
        "alive",
        "assigns",
        "binding",
        "by_key",
        "changed",
        "cid",
        "components",
        "definition",
        "events",
        "host",
        "id",
        "nav",
        "next_cid",
        "parent",
        "private",
        "session",
        "spec",
        "subs",
        "timers",
        "tree",
    )

    def __init__(
        self,
        definition: Definition,
        host: Host,
        *,
        view_id: str,
        session: dict[str, Any] | None = None,
        parent: View | None = None,
        cid: int | None = None,
    ) -> None:
        self.definition = definition
        self.host = host
        self.id = view_id
        self.session = session if session is not None else {}
        self.parent = parent
        self.cid = cid
        self.alive = True
        self.spec = definition.make()
        self.assigns: dict[str, Any] = dict(self.spec.state)
        self.changed: set[str] = set()
        self.private: dict[str, Any] = {}
        self.tree = ViewTree()
        self.events: list[list[Any]] = []
        self.nav: tuple[str, str] | None = None
        self.components: dict[int, View] = {}
        self.by_key: dict[tuple[Definition, Any], View] = {}
        self.next_cid = 1
        #: cancel scopes of pending ``lv.schedule`` timers (the host's)
        self.timers: set[Any] = set()
        #: PubSub subscriptions (the host's)
        self.subs: list[Any] = []
        self.binding = definition.bind(self)

    def __repr__(self) -> str:
        where = f" cid={self.cid}" if self.cid is not None else ""
        return f"<View {self.definition.name} {self.id}{where}>"

    @property
    def root(self) -> View:
        return self.parent if self.parent is not None else self

    # ── the socket's operations ────────────────────────────────────────────

    def assign(self, key: str, value: Any) -> None:
        self.assigns[key] = value
        self.changed.add(key)

    def get(self, key: str, default: Any = None) -> Any:
        if key in self.assigns:
            return self.assigns[key]
        return self.private.get(key, default)

    def push_event(self, event: str, payload: Any) -> None:
        self.root.events.append([event, payload])

    def navigate(self, kind: str, path: str) -> None:
        self.root.nav = (kind, path)

    # ── callbacks ──────────────────────────────────────────────────────────

    def mount(self, params: dict[str, Any]) -> None:
        fn = self.spec.mount
        if fn is not None:
            fn(params, self.session, self.binding)

    def handle_params(self, params: dict[str, Any], url: str) -> bool:
        """Run ``handle_params`` if the component has one; False if it has none."""
        fn = self.spec.handle_params
        if fn is None:
            return False
        fn(params, url, self.binding)
        return True

    def event(self, event: str, payload: Any, cid: int | None = None) -> tuple[bool, Any]:
        """Run ``handle_event`` of this view or of its component ``cid``.

        Returns (found, result): found is False for a cid this view does not have (a
        race with the component's removal, answered with nothing).
        """
        target = self if cid is None else self.components.get(cid)
        if target is None or not target.alive:
            return False, None
        fn = target.spec.handle_event
        if fn is None:
            return True, None
        return True, fn(event, payload, target.binding)

    def info(self, msg: Any) -> None:
        fn = self.spec.handle_info
        if fn is not None and self.alive:
            fn(msg, self.binding)

    def close(self, reason: str) -> None:
        """End the view and its components: release timers and subscriptions, then
        ``terminate(reason, socket)``. An error raised by ``terminate`` propagates
        after everything is released."""
        if not self.alive:
            return
        self.alive = False
        self.host.release(self)
        error: Exception | None = None
        for comp in list(self.components.values()):
            try:
                comp.close(reason)
            except Exception as exc:
                error = error or exc
        self.components.clear()
        self.by_key.clear()
        fn = self.spec.terminate
        try:
            if fn is not None:
                fn(reason, self.binding)
        finally:
            self.discard()
        if error is not None:
            raise error

    def discard(self) -> None:
        """Drop the references back to this view (the binding holds the view and the
        view its binding), so reference counting frees a closed view at once; used
        as is for a dead render, which has nothing to terminate (as in Phoenix)."""
        self.alive = False
        self.binding = None
        self.components = {}
        self.by_key = {}

    # ── live components ────────────────────────────────────────────────────

    def live_component(
        self, definition: Definition, key: Any, extra: dict[str, Any]
    ) -> ComponentRef:
        """The instance of ``definition`` with ``key`` under this view's root: made and
        mounted the first time (``extra`` are its params), given ``extra`` as assigns
        on every render of the parent."""
        root = self.root
        comp = root.by_key.get((definition, key))
        if comp is None:
            cid = root.next_cid
            root.next_cid += 1
            comp = View(
                definition, root.host, view_id=root.id, session=root.session, parent=root, cid=cid
            )
            root.components[cid] = comp
            root.by_key[(definition, key)] = comp
            comp.assigns["id"] = key
            comp.mount(dict(extra))
        comp.assigns.update(extra)
        comp.changed.update(extra)
        return ComponentRef(comp.cid, comp.to_html)  # type: ignore[arg-type]

    def destroy_components(self, cids: list[Any]) -> list[int]:
        """Drop the components the client removed; returns the cids dropped."""
        gone = []
        for cid in cids:
            comp = self.components.pop(cid, None) if type(cid) is int else None
            if comp is None:
                continue
            for key, held in list(self.by_key.items()):
                if held is comp:
                    del self.by_key[key]
            gone.append(cid)
            comp.close("destroyed")
        return gone

    # ── rendering ──────────────────────────────────────────────────────────

    def render(self) -> Rendered:
        with _evaluating(self):
            rendered = self.spec.render(self.assigns)
        if type(rendered) is not Rendered:
            raise TypeError(f"{self.definition.name}'s render must return a template")
        return rendered

    def to_html(self) -> str:
        """The view's whole HTML now (dead render, tests, a component inside one)."""
        rendered = self.render()
        with _evaluating(self):
            return rendered.to_html()

    def render_diff(self) -> dict[str, Any]:
        """What to send after a callback: the first time the whole render (the join's
        ``rendered``), then only what changed ({} when nothing did)."""
        diff: dict[str, Any] = {}
        first = not self.tree.rendered
        if first or self.changed:
            changed, self.changed = self.changed, set()
            rendered = self.render()
            with _evaluating(self):
                diff = self.tree.diff(rendered, None if first else changed, self.assigns)
            if PAGE_TITLE in changed or (first and PAGE_TITLE in self.assigns):
                title = self.assigns.get(PAGE_TITLE)
                if type(title) is str:
                    diff[TITLE] = title
        components = self._component_diffs()
        if components:
            diff[COMPONENTS] = components
        if self.events:
            diff[EVENTS], self.events = self.events, []
        return diff

    def _component_diffs(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        done: set[int] = set()
        while True:
            todo = [
                c
                for cid, c in self.components.items()
                if cid not in done and (c.changed or not c.tree.rendered)
            ]
            if not todo:
                return out
            for comp in todo:
                done.add(comp.cid)  # type: ignore[arg-type]
                first = not comp.tree.rendered
                changed, comp.changed = comp.changed, set()
                rendered = comp.render()
                with _evaluating(comp):
                    diff = comp.tree.diff(rendered, None if first else changed, comp.assigns)
                if first:
                    diff[ROOT] = 1
                if diff:
                    target_diff(diff, comp.cid)  # type: ignore[arg-type]
                    out[str(comp.cid)] = diff

    def reply_diff(self, reply: Any) -> dict[str, Any]:
        """:meth:`render_diff` with a hook's reply (``"r"``) when ``reply`` is a Dict."""
        diff = self.render_diff()
        if type(reply) is dict:
            diff[REPLY] = reply
        return diff
