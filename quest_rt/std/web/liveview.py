"""``std/web/liveview``: LiveView for Quest (Layer 3 of the web stack, docs/liveview.md).

A thin binding of :mod:`quest_rt.web.liveview`. ``lv.component(factory)`` declares a
component: the factory runs afresh for every mount (each browser view, each test
mount, each live component instance) and returns a Dict of ``state``, ``render`` and
the optional callbacks ``mount(params, session, socket)``, ``handle_event(event,
payload, socket)``, ``handle_info(msg, socket)``, ``handle_params(params, url,
socket)`` and ``terminate(reason, socket)``. ``lv.mount(path, Component)`` serves it:
a page on ``GET path`` and a connected view over the ``/live`` socket. The ``socket``
callbacks receive is a :class:`LiveSocket`.

``lv.template(source, assigns)`` returns the *rendered* structure of the template
(:mod:`quest_rt.common.rendered`), not HTML: a view's ``render`` hands it to the diff
engine, which evaluates only the tags whose assigns changed. A literal template is
compiled at compile time; a Str built at run time is compiled on first use. Printing a
rendered value, or outputting it inside another template, renders it in full (not
escaped again). ``lv.raw(s)`` marks HTML that templates output without escaping.
"""

from __future__ import annotations

import os
from typing import Any

from quest_rt.common.rendered import ComponentRef, Raw, Rendered
from quest_rt.runtime.errors import RuntimeErr, TypeErr, ValueErr
from quest_rt.runtime.objects import QuestModule
from quest_rt.runtime.values import cls_name, to_str
from quest_rt.std.arguments import need_dict, need_fn, need_number, need_str

_compiled: dict[str, Any] = {}

#: The factory Dict's keys, and which are functions.
_CALLBACKS = ("mount", "handle_event", "handle_info", "handle_params", "terminate")


def template(source: Any, assigns: Any = None) -> Rendered:
    """template(source, assigns = {}) -> Rendered: the template rendered with assigns;
    <%= %> escapes HTML, nested templates and lv.raw values are output as they are

    Example:
        liveview.template("<b><%= name %></b>", {"name": "<Ada>"}).to_html()  # => "<b>&lt;Ada&gt;</b>"
    """
    from quest_rt.runtime.builtins import CompiledTemplate

    assigns = {} if assigns is None else need_dict(assigns, "lv.template", "of assigns")
    if isinstance(source, CompiledTemplate):
        return source(assigns)
    need_str(source, "lv.template", "template")
    render = _compiled.get(source)
    if render is None:
        from quest_rt.std.html import compile_template_text

        render = compile_template_text(source, "<template>", "std/web/liveview")
        _compiled[source] = render
    return render(assigns)


def raw(text: Any) -> Raw:
    """raw(value) -> Str: HTML (the string form of value) that templates output without
    escaping

    Example:
        liveview.template("<p><%= x %></p>", {"x": liveview.raw("<i>hi</i>")}).to_html()  # => "<p><i>hi</i></p>"
    """
    return Raw(text if type(text) is str else to_str(text))


# ── components ────────────────────────────────────────────────────────────────


class Component:
    """What ``lv.component(factory)`` returns: a declared component."""

    __slots__ = ("definition",)
    quest_name = "Component"

    def __init__(self, factory: Any) -> None:
        from quest_rt.web.liveview import Definition

        name = getattr(factory, "__name__", "") or "LiveView"
        self.definition = Definition(lambda: _spec(factory), LiveSocket, name, LiveSocket._detach)

    def __str__(self) -> str:
        return "<Component>"


def _spec(factory: Any) -> Any:
    """Run a factory and check what it returned (at mount time, E14)."""
    from quest_rt.web.liveview import ViewSpec

    made = factory()
    if type(made) is not dict:
        raise ValueErr(
            f"a LiveView component's factory must return a Dict with render, got {cls_name(made)}"
        )
    render = made.get("render")
    if render is None:
        raise ValueErr("a LiveView component's Dict has no render function")
    need_fn(render, "lv.component", "render")
    state = made.get("state")
    state = {} if state is None else need_dict(state, "lv.component", "state")
    callbacks = {}
    for key in _CALLBACKS:
        fn = made.get(key)
        if fn is not None:
            callbacks[key] = need_fn(fn, "lv.component", key)
    return ViewSpec(_checked_render(render), dict(state), **callbacks)


def _checked_render(render: Any) -> Any:
    def run(assigns: dict) -> Any:
        result = render(assigns)
        if type(result) is not Rendered:
            raise TypeErr(
                f"a LiveView's render must return lv.template(...), got {cls_name(result)}"
            )
        return result

    return run


def _definition(value: Any, fname: str) -> Any:
    if not isinstance(value, Component):
        raise TypeErr(f"{fname} expects a component (lv.component(...)), got {cls_name(value)}")
    return value.definition


def _view(value: Any, fname: str) -> Any:
    if not isinstance(value, LiveSocket):
        raise TypeErr(f"{fname} expects a LiveView socket, got {cls_name(value)}")
    view = value._view
    if view is None:
        raise RuntimeErr(f"{fname}: the view has ended")
    return view


class LiveSocket:
    """The ``socket`` a LiveView's callbacks receive: its assigns and its page."""

    __slots__ = ("_view",)
    quest_name = "LiveSocket"

    def __init__(self, view: Any) -> None:
        self._view = view

    def _detach(self) -> None:
        """The view has ended: forget it (``socket`` values kept by the component
        then hold nothing of the view or its connection)."""
        self._view = None

    def _live(self, fname: str) -> Any:
        view = self._view
        if view is None or not view.alive:
            raise RuntimeErr(f"LiveSocket.{fname}: the view has ended")
        return view

    def _readable(self, fname: str) -> Any:
        """The view, also while its ``terminate`` runs (which needs to read its assigns
        to say who left); the view drops its binding once terminate has returned."""
        view = self._view
        if view is None or (not view.alive and view.binding is not self):
            raise RuntimeErr(f"LiveSocket.{fname}: the view has ended")
        return view

    def assign(self, key: Any, value: Any) -> LiveSocket:
        """assign(key, value) -> LiveSocket: set an assign; the tags reading it render again

        Example:
            let V = liveview.component(fun ()
              fun render(assigns) liveview.template("<p><%= n %></p>", assigns) end
              fun handle_event(event, payload, socket) socket.assign("n", payload["n"]) end
              {"state": {"n": 0}, "render": render, "handle_event": handle_event}
            end)
            liveview.test_mount(V).click("set", {"n": 5}).render()  # => "<p>5</p>"
        """
        self._live("assign").assign(need_str(key, "LiveSocket.assign", "key"), value)
        return self

    def get(self, key: Any) -> Any:
        """get(key): an assign, else a value set with set, else nil

        Example:
            let V = liveview.component(fun ()
              fun render(assigns) liveview.template("<p><%= n %></p>", assigns) end
              fun handle_event(event, payload, socket) socket.assign("n", socket.get("n") + 1) end
              {"state": {"n": 41}, "render": render, "handle_event": handle_event}
            end)
            liveview.test_mount(V).click("inc").get("n")  # => 42
        """
        return self._readable("get").get(need_str(key, "LiveSocket.get", "key"))

    def set(self, key: Any, value: Any) -> LiveSocket:
        """set(key, value) -> LiveSocket: keep a private value (not rendered, no re-render)

        Example:
            let V = liveview.component(fun ()
              fun render(assigns) liveview.template("<p>hi</p>", assigns) end
              fun mount(params, session, socket) socket.set("user", "ada") end
              {"render": render, "mount": mount}
            end)
            liveview.test_mount(V).get("user")  # => "ada"
        """
        self._live("set").private[need_str(key, "LiveSocket.set", "key")] = value
        return self

    def assigns(self) -> dict:
        """assigns() -> Dict: a copy of the view's assigns

        Example:
            let V = liveview.component(fun ()
              fun render(assigns) liveview.template("<p><%= a %></p>", assigns) end
              fun handle_event(event, payload, socket) socket.assign("seen", socket.assigns().len()) end
              {"state": {"a": 1}, "render": render, "handle_event": handle_event}
            end)
            liveview.test_mount(V).click("count").get("seen")  # => 1
        """
        return dict(self._readable("assigns").assigns)

    def redirect(self, path: Any) -> LiveSocket:
        """redirect(path) -> LiveSocket: load path in the browser (a full page load) once
        the callback returns; the view ends

        Example:
            let V = liveview.component(fun ()
              fun render(assigns) liveview.template("<p>bye</p>", assigns) end
              fun handle_event(event, payload, socket) socket.redirect("/login") end
              {"render": render, "handle_event": handle_event}
            end)
            liveview.test_mount(V).click("logout").redirected_to()  # => "/login"
        """
        self._live("redirect").navigate("redirect", need_str(path, "LiveSocket.redirect", "path"))
        return self

    def push_navigate(self, path: Any) -> LiveSocket:
        """push_navigate(path) -> LiveSocket: go to the LiveView mounted at path without
        reloading the page; this view ends

        Example:
            let V = liveview.component(fun ()
              fun render(assigns) liveview.template("<p>list</p>", assigns) end
              fun handle_event(event, payload, socket) socket.push_navigate("/items/" .. payload["id"]) end
              {"render": render, "handle_event": handle_event}
            end)
            liveview.test_mount(V).click("open", {"id": "7"}).redirected_to()  # => "/items/7"
        """
        view = self._live("push_navigate")
        view.navigate("navigate", need_str(path, "LiveSocket.push_navigate", "path"))
        return self

    def push_patch(self, path: Any) -> LiveSocket:
        """push_patch(path) -> LiveSocket: change the URL to path (same view): its
        handle_params(params, url, socket) runs, the page does not reload

        Example:
            let V = liveview.component(fun ()
              fun render(assigns) liveview.template("<p>page <%= page %></p>", assigns) end
              fun handle_event(event, payload, socket) socket.push_patch("/list?page=2") end
              {"state": {"page": "1"}, "render": render, "handle_event": handle_event}
            end)
            liveview.test_mount(V).click("next").redirected_to()  # => "/list?page=2"
        """
        self._live("push_patch").navigate("patch", need_str(path, "LiveSocket.push_patch", "path"))
        return self

    def push_event(self, event: Any, payload: Any = None) -> LiveSocket:
        """push_event(event, payload = {}) -> LiveSocket: send an event to the page's
        hooks (handleEvent) and to window as phx:event

        Example:
            let V = liveview.component(fun ()
              fun render(assigns) liveview.template("<p>ok</p>", assigns) end
              fun handle_event(event, payload, socket) socket.push_event("highlight", {"id": "row-1"}) end
              {"render": render, "handle_event": handle_event}
            end)
            liveview.test_mount(V).click("go").pushed_events()  # => [["highlight", {"id": "row-1"}]]
        """
        view = self._live("push_event")
        body = {} if payload is None else need_dict(payload, "LiveSocket.push_event", "payload")
        view.push_event(need_str(event, "LiveSocket.push_event", "event"), body)
        return self

    def parent(self) -> LiveSocket | None:
        """parent() -> LiveSocket or nil: the view a live component is rendered in

        Example:
            let V = liveview.component(fun ()
              fun render(assigns) liveview.template("<p><%= has_parent %></p>", assigns) end
              fun mount(params, session, socket) socket.assign("has_parent", socket.parent() != nil) end
              {"render": render, "mount": mount}
            end)
            liveview.test_mount(V).render()  # => "<p>false</p>"
        """
        parent = self._readable("parent").parent
        return parent.binding if parent is not None else None

    def id(self) -> str:
        """id() -> Str: the view's id (the page container's id)

        Example:
            let V = liveview.component(fun ()
              fun render(assigns) liveview.template("<p><%= vid %></p>", assigns) end
              fun mount(params, session, socket) socket.assign("vid", socket.id()) end
              {"render": render, "mount": mount}
            end)
            liveview.test_mount(V).get("vid").starts_with("phx-")  # => true
        """
        return self._readable("id").id

    def connected(self) -> bool:
        """connected() -> Bool: false during the page's first (HTTP) render, true once
        the browser has joined

        Example:
            let V = liveview.component(fun ()
              fun render(assigns) liveview.template("<p><%= live %></p>", assigns) end
              fun mount(params, session, socket) socket.assign("live", socket.connected()) end
              {"render": render, "mount": mount}
            end)
            liveview.test_mount(V).render()  # => "<p>true</p>"
        """
        return bool(self._readable("connected").host.connected)

    def __str__(self) -> str:
        view = self._view
        return f"<LiveSocket {view.definition.name if view else 'ended'}>"


def component(factory: Any) -> Component:
    """component(factory) -> Component: a LiveView component; factory() runs for every
    mount and returns a Dict with state, render and callbacks

    Example:
        let Hello = liveview.component(fun ()
          fun render(assigns) liveview.template("<p>Hi <%= name %></p>", assigns) end
          {"state": {"name": "Ada"}, "render": render}
        end)
        liveview.test_mount(Hello).render()  # => "<p>Hi Ada</p>"
    """
    return Component(need_fn(factory, "lv.component", "factory"))


# ── serving ───────────────────────────────────────────────────────────────────


def _state() -> Any:
    from quest_rt.std.web import state

    return state()


def _settings() -> dict[str, Any]:
    """``[std.web.liveview]`` of quest.toml in the working directory ({} if none)."""
    from quest_rt.std.web import quest_toml_section

    return quest_toml_section("liveview")


def _secret() -> bytes:
    """QUEST_SECRET_KEY_BASE, else secret_key_base of [std.web.liveview] in quest.toml,
    else random for this process (pages from before a restart then reload once)."""
    from quest_rt.web.liveview.tokens import new_secret

    text = os.environ.get("QUEST_SECRET_KEY_BASE") or _settings().get("secret_key_base")
    if not text:
        return new_secret()
    if len(str(text)) < 32:
        raise ValueErr("the LiveView secret_key_base must be at least 32 characters")
    return str(text).encode()


def endpoint() -> Any:
    """The program's LiveViewEndpoint (created on first use)."""
    from quest_rt.resources import assets_dir
    from quest_rt.std.web.pubsub import program_pubsub
    from quest_rt.web.liveview import LiveViewEndpoint

    st = _state()
    current = getattr(st, "liveview", None)
    if current is None:
        base = assets_dir()

        def read_asset(directory: str, name: str) -> bytes:
            return (base / directory / name).read_bytes()

        current = st.liveview = LiveViewEndpoint(
            st.app,
            program_pubsub(),
            secret=_secret(),
            read_asset=read_asset,
            render_layout=_render_layout,
        )
    return current


def _render_layout(layout: Any, assigns: dict) -> str:
    page = layout(assigns)
    if type(page) is str:
        return page
    if type(page) is Rendered or type(page) is Raw:
        return page.to_html() if type(page) is Rendered else str(page)
    raise TypeErr(f"a LiveView layout must return a Str or a template, got {cls_name(page)}")


def mount(path: Any, comp: Any) -> None:
    """mount(path, Component): serve the component at path (":name" segments arrive in
    mount's params): the page on GET, the live view over the /live socket

    Example:
        let Clock = liveview.component(fun ()
          fun render(assigns) liveview.template("<p><%= t %></p>", assigns) end
          {"state": {"t": "12:00"}, "render": render}
        end)
        liveview.mount("/clock/:zone", Clock)  # => nil
    """
    path = need_str(path, "lv.mount", "path")
    definition = _definition(comp, "lv.mount")
    try:
        endpoint().mount(path, definition)
    except ValueError as exc:
        raise ValueErr(f"lv.mount: {exc}") from None


def layout(fn: Any) -> None:
    """layout(fun (page) ... end): the HTML page around every view; page is a Dict with
    "title" (Str), "head" and "body" (HTML to output with <%= %>)

    Example:
        let page_layout = fun (page)
          liveview.template("<html><head><%= head %></head><body><%= body %></body></html>", page)
        end
        liveview.layout(page_layout)  # => nil
    """
    endpoint().layout = need_fn(fn, "lv.layout")


def head(html_text: Any) -> None:
    """head(html): add HTML (a script defining window.QuestLiveHooks, a stylesheet) to the
    <head> of every LiveView page, before the LiveView scripts

    Example:
        liveview.head("<link rel=\\"stylesheet\\" href=\\"/static/app.css\\">")  # => nil
    """
    endpoint().head_extra += need_str(html_text, "lv.head", "html") + "\n"


def session_from(fn: Any) -> None:
    """session_from(fun (request) ... end): the Dict every view's mount receives as
    session, computed from the page's request and kept in the page's signed token

    Example:
        liveview.session_from(fun (request) {"user_id": request["cookies"].get("uid")} end)  # => nil
    """
    need_fn(fn, "lv.session_from")

    def compute(request: dict) -> dict:
        session = fn(request)
        if session is None:
            return {}
        return need_dict(session, "lv.session_from", "session")

    endpoint().session_from = compute


def rate_limit(fn: Any) -> None:
    """rate_limit(fun (socket, event, payload) ... end): runs before every event; a true
    result drops the event (nothing changes, one log line)

    Example:
        liveview.rate_limit(fun (socket, event, payload) false end)  # => nil
    """
    need_fn(fn, "lv.rate_limit")
    endpoint().rate_limit = lambda view, event, payload: bool(fn(view.binding, event, payload))


def check_origin(value: Any) -> None:
    """check_origin(true | false | Array): which browser origins may open the /live
    socket: this host (true, the default), any (false), or an allowlist
    ("https://*.example.com")

    Example:
        liveview.check_origin(["https://app.example.com"])  # => nil
    """
    if type(value) is list:
        value = [need_str(o, "lv.check_origin", "origin") for o in value]
        from quest_rt.web.ws.upgrade import Endpoint

        try:  # checked now, not at the next lv.mount: the error names this call
            Endpoint("/live/websocket", lambda conn: None, check_origin=value)
        except ValueError as exc:
            raise ValueErr(f"lv.check_origin: {exc}") from None
    elif type(value) is not bool:
        raise TypeErr(f"lv.check_origin expects a Bool or an Array, got {cls_name(value)}")
    current = endpoint()
    current.check_origin = value
    endpoint_ws = current.app.websocket_endpoints.get("/live/websocket")
    if endpoint_ws is not None:  # mounted already: mount the socket again with it
        from quest_rt.web.channels import mount as mount_socket

        mount_socket(
            current.app, current.hub, "/live", connect=current._connect, check_origin=value
        )


# ── messages ──────────────────────────────────────────────────────────────────


def schedule(socket: Any, msg: Any, milliseconds: Any) -> None:
    """schedule(socket, msg, milliseconds): deliver msg to the view's handle_info once,
    after milliseconds (cancelled when the view ends)

    Example:
        let Tick = liveview.component(fun ()
          fun render(assigns) liveview.template("<p><%= n %></p>", assigns) end
          fun mount(params, session, socket) liveview.schedule(socket, "tick", 1000) end
          fun handle_info(msg, socket) socket.assign("n", socket.get("n") + 1) end
          {"state": {"n": 0}, "render": render, "mount": mount, "handle_info": handle_info}
        end)
        let view = liveview.test_mount(Tick)
        view.run_timers()  # => 1
        view.render()  # => "<p>1</p>"
    """
    view = _view(socket, "lv.schedule")
    ms = need_number(milliseconds, "lv.schedule", "milliseconds")
    if ms < 0:
        raise ValueErr(f"lv.schedule: milliseconds must not be negative, got {ms}")
    view.host.schedule(view, msg, ms / 1000)


def send(target: Any, event: Any, payload: Any = None) -> None:
    """send(socket, event, payload = {}): deliver {"event": event, "payload": payload} to
    that view's handle_info, after the running callback (lv.send(socket.parent(), ...)
    from a live component)

    Example:
        let Echo = liveview.component(fun ()
          fun render(assigns) liveview.template("<p><%= got %></p>", assigns) end
          fun handle_event(event, payload, socket) liveview.send(socket, "echo", payload) end
          fun handle_info(msg, socket) socket.assign("got", msg["payload"]["x"]) end
          {"state": {"got": ""}, "render": render, "handle_event": handle_event, "handle_info": handle_info}
        end)
        let view = liveview.test_mount(Echo)
        view.click("go", {"x": "hello"})
        view.render()  # => "<p>hello</p>"
    """
    if target is None:
        raise ValueErr(
            "lv.send: no view to send to (nil; a view rendered at the top has no parent)"
        )
    view = _view(target, "lv.send")
    body = {} if payload is None else payload
    view.host.post_info(view, {"event": need_str(event, "lv.send", "event"), "payload": body})


def live_component(comp: Any, id: Any = None, **assigns: Any) -> ComponentRef:
    """live_component(Component, id: key, ...) -> LiveComponent: in a view's template, a
    component with its own state and events (one instance per id); other named
    arguments become its assigns (and its mount's params the first time)

    Example:
        let Badge = liveview.component(fun ()
          fun render(assigns) liveview.template("<b><%= label %></b>", assigns) end
          {"state": {"label": "?"}, "render": render}
        end)
        let Page = liveview.component(fun ()
          fun render(assigns)
            liveview.template("<div><%= liveview.live_component(Badge, id: 'b', label: 'new') %></div>", assigns)
          end
          {"render": render}
        end)
        liveview.test_mount(Page).render()  # => "<div><b>new</b></div>"
    """
    from quest_rt.web.liveview import current_view

    definition = _definition(comp, "lv.live_component")
    if id is None:
        raise ValueErr('lv.live_component needs an id: lv.live_component(Component, id: "...")')
    view = current_view()
    if view is None:
        raise RuntimeErr("lv.live_component is called inside a view's template, while it renders")
    return view.live_component(definition, id, assigns)


# ── tests ─────────────────────────────────────────────────────────────────────


class TestView:
    """A view mounted by ``lv.test_mount``: events in, HTML out, synchronously."""

    __slots__ = ("_view",)
    __test__ = False
    quest_name = "TestView"

    def __init__(self, view: Any) -> None:
        self._view = view

    def _run(self, fname: str, event: Any, payload: Any, component: Any = None) -> Any:
        view = self._view
        if not view.alive:
            raise RuntimeErr(f"TestView.{fname}: the view has ended")
        name = need_str(event, f"TestView.{fname}", "event")
        cid = None
        if component is not None:
            cid = next((c.cid for (_, key), c in view.by_key.items() if key == component), None)
            if cid is None:
                raise ValueErr(f"TestView.{fname}: no live component with id {to_str(component)}")
        host = view.host
        with host.running():
            _, result = view.event(name, payload, cid)
        host.settle()
        return result

    def render(self) -> str:
        """render() -> Str: the view's HTML now

        Example:
            let V = liveview.component(fun ()
              fun render(assigns) liveview.template("<p><%= msg %></p>", assigns) end
              fun handle_event(event, payload, socket) socket.assign("msg", event).assign("got", payload) end
              {"state": {"msg": ""}, "render": render, "handle_event": handle_event}
            end)
            let view = liveview.test_mount(V)
            view.render()  # => "<p></p>"
        """
        return self._view.to_html()

    def click(self, event: Any, payload: Any = None, component: Any = None) -> TestView:
        """click(event, payload = {}) -> TestView: handle_event(event, payload) as a
        phx-click sends it

        Example:
            let V = liveview.component(fun ()
              fun render(assigns) liveview.template("<p><%= msg %></p>", assigns) end
              fun handle_event(event, payload, socket) socket.assign("msg", event).assign("got", payload) end
              {"state": {"msg": ""}, "render": render, "handle_event": handle_event}
            end)
            let view = liveview.test_mount(V)
            view.click("pick", {"id": "3"}).get("got")  # => {"id": "3"}
        """
        body = {} if payload is None else need_dict(payload, "TestView.click", "payload")
        self._run("click", event, body, component)
        return self

    def submit(self, event: Any, form: Any = None, component: Any = None) -> TestView:
        """submit(event, form = {}) -> TestView: a phx-submit with the form's fields
        (a Dict, or an URL-encoded Str)

        Example:
            let V = liveview.component(fun ()
              fun render(assigns) liveview.template("<p><%= msg %></p>", assigns) end
              fun handle_event(event, payload, socket) socket.assign("msg", event).assign("got", payload) end
              {"state": {"msg": ""}, "render": render, "handle_event": handle_event}
            end)
            let view = liveview.test_mount(V)
            view.submit("save", "user[name]=Ada").get("got")  # => {"user": {"name": "Ada"}}
        """
        self._run("submit", event, _form(form, "TestView.submit"), component)
        return self

    def change(
        self, event: Any, form: Any = None, target: Any = None, component: Any = None
    ) -> TestView:
        """change(event, form = {}, target = nil) -> TestView: a phx-change; target names
        the input that changed ("user[email]"), given to the handler as _target

        Example:
            let V = liveview.component(fun ()
              fun render(assigns) liveview.template("<p><%= msg %></p>", assigns) end
              fun handle_event(event, payload, socket) socket.assign("msg", event).assign("got", payload) end
              {"state": {"msg": ""}, "render": render, "handle_event": handle_event}
            end)
            let view = liveview.test_mount(V)
            view.change("validate", {"q": "x"}, "q").get("got")  # => {"q": "x", "_target": ["q"]}
        """
        fields = _form(form, "TestView.change")
        if target is not None:
            from quest_rt.web.liveview.forms import target_path

            path = target_path(need_str(target, "TestView.change", "target"))
            if path is not None:
                fields["_target"] = path
        self._run("change", event, fields, component)
        return self

    def keyup(self, event: Any, key: Any, value: Any = "") -> TestView:
        """keyup(event, key, value = "") -> TestView: a phx-keyup with the key pressed

        Example:
            let V = liveview.component(fun ()
              fun render(assigns) liveview.template("<p><%= msg %></p>", assigns) end
              fun handle_event(event, payload, socket) socket.assign("msg", event).assign("got", payload) end
              {"state": {"msg": ""}, "render": render, "handle_event": handle_event}
            end)
            let view = liveview.test_mount(V)
            view.keyup("key", "Enter").get("got")  # => {"key": "Enter", "value": ""}
        """
        body = {"key": need_str(key, "TestView.keyup", "key"), "value": value}
        self._run("keyup", event, body)
        return self

    def keydown(self, event: Any, key: Any, value: Any = "") -> TestView:
        """keydown(event, key, value = "") -> TestView: a phx-keydown

        Example:
            let V = liveview.component(fun ()
              fun render(assigns) liveview.template("<p><%= msg %></p>", assigns) end
              fun handle_event(event, payload, socket) socket.assign("msg", event).assign("got", payload) end
              {"state": {"msg": ""}, "render": render, "handle_event": handle_event}
            end)
            let view = liveview.test_mount(V)
            view.keydown("key", "a", "a").get("got")  # => {"key": "a", "value": "a"}
        """
        body = {"key": need_str(key, "TestView.keydown", "key"), "value": value}
        self._run("keydown", event, body)
        return self

    def hook(self, event: Any, payload: Any = None) -> Any:
        """hook(event, payload = {}): a hook's pushEvent; returns the reply (handle_event's
        Dict) or nil

        Example:
            let V = liveview.component(fun ()
              fun render(assigns) liveview.template("<canvas></canvas>", assigns) end
              fun handle_event(event, payload, socket) {"area": payload["w"] * payload["h"]} end
              {"render": render, "handle_event": handle_event}
            end)
            liveview.test_mount(V).hook("resized", {"w": 4, "h": 3})  # => {"area": 12}
        """
        result = self._run("hook", event, {} if payload is None else payload)
        return result if type(result) is dict else None

    def socket(self) -> LiveSocket:
        """socket() -> LiveSocket: the view's socket (what its callbacks receive)

        Example:
            let V = liveview.component(fun ()
              fun render(assigns) liveview.template("<p><%= n %></p>", assigns) end
              {"state": {"n": 1}, "render": render}
            end)
            let view = liveview.test_mount(V)
            view.socket().assign("n", 2)
            view.render()  # => "<p>2</p>"
        """
        return self._view.binding

    def send_info(self, msg: Any) -> TestView:
        """send_info(msg) -> TestView: deliver msg to handle_info

        Example:
            let V = liveview.component(fun ()
              fun render(assigns) liveview.template("<p><%= last %></p>", assigns) end
              fun handle_info(msg, socket) socket.assign("last", msg) end
              {"state": {"last": ""}, "render": render, "handle_info": handle_info}
            end)
            liveview.test_mount(V).send_info("refresh").render()  # => "<p>refresh</p>"
        """
        host = self._view.host
        with host.running():
            self._view.info(msg)
        host.settle()
        return self

    def run_timers(self) -> int:
        """run_timers() -> Int: deliver every message lv.schedule queued, soonest first

        Example:
            let V = liveview.component(fun ()
              fun render(assigns) liveview.template("<p><%= n %></p>", assigns) end
              fun mount(params, session, socket) liveview.schedule(socket, "tick", 500) end
              fun handle_info(msg, socket) socket.assign("n", socket.get("n") + 1) end
              {"state": {"n": 0}, "render": render, "mount": mount, "handle_info": handle_info}
            end)
            let view = liveview.test_mount(V)
            view.run_timers()  # => 1
            view.get("n")  # => 1
        """
        return self._view.host.run_timers()

    def get(self, key: Any) -> Any:
        """get(key): an assign of the view (or a private value), nil if none

        Example:
            let V = liveview.component(fun ()
              fun render(assigns) liveview.template("<p><%= msg %></p>", assigns) end
              fun handle_event(event, payload, socket) socket.assign("msg", event).assign("got", payload) end
              {"state": {"msg": ""}, "render": render, "handle_event": handle_event}
            end)
            let view = liveview.test_mount(V)
            view.get("msg")  # => ""
        """
        return self._view.get(need_str(key, "TestView.get", "key"))

    def redirected_to(self) -> Any:
        """redirected_to() -> Str or nil: where a handler redirected or navigated

        Example:
            let V = liveview.component(fun ()
              fun render(assigns) liveview.template("<p>x</p>", assigns) end
              fun handle_event(event, payload, socket) socket.redirect("/done") end
              {"render": render, "handle_event": handle_event}
            end)
            let view = liveview.test_mount(V)
            view.redirected_to()  # => nil
            view.click("finish").redirected_to()  # => "/done"
        """
        nav = self._view.nav
        return nav[1] if nav is not None else None

    def pushed_events(self) -> list:
        """pushed_events() -> Array: [event, payload] pairs push_event sent by the last
        action

        Example:
            let V = liveview.component(fun ()
              fun render(assigns) liveview.template("<p>x</p>", assigns) end
              fun handle_event(event, payload, socket) socket.push_event("scroll", {"to": 0}) end
              {"render": render, "handle_event": handle_event}
            end)
            liveview.test_mount(V).click("top").pushed_events()  # => [["scroll", {"to": 0}]]
        """
        diff = self._view.host.last_diff
        return [list(e) for e in diff.get("e", [])]

    def last_diff(self) -> dict:
        """last_diff() -> Dict: what the last action sent to the browser (LiveView's diff)

        Example:
            let V = liveview.component(fun ()
              fun render(assigns) liveview.template("<h1><%= title %></h1><p><%= n %></p>", assigns) end
              fun handle_event(event, payload, socket) socket.assign("n", 1) end
              {"state": {"title": "Hi", "n": 0}, "render": render, "handle_event": handle_event}
            end)
            liveview.test_mount(V).click("inc").last_diff()  # => {"1": "1"}
        """
        return self._view.host.last_diff

    def __str__(self) -> str:
        return f"<TestView {self._view.definition.name}>"


def _form(form: Any, fname: str) -> dict:
    if form is None:
        return {}
    if type(form) is str:
        from quest_rt.web.liveview.forms import decode_form

        return decode_form(form)
    return dict(need_dict(form, fname, "form"))


def test_mount(comp: Any, params: Any = None, session: Any = None) -> TestView:
    """test_mount(Component, params = {}, session = {}) -> TestView: mount a component
    without a browser: render(), click(), submit(), change(), keyup() run synchronously

    Example:
        let Counter = liveview.component(fun ()
          fun render(assigns) liveview.template("<p>Count: <%= count %></p>", assigns) end
          fun handle_event(event, payload, socket) socket.assign("count", socket.get("count") + 1) end
          {"state": {"count": 0}, "render": render, "handle_event": handle_event}
        end)
        let view = liveview.test_mount(Counter)
        view.click("increment").render()  # => "<p>Count: 1</p>"
    """
    from quest_rt.web.liveview import testing

    definition = _definition(comp, "lv.test_mount")
    params = {} if params is None else dict(need_dict(params, "lv.test_mount", "params"))
    session = {} if session is None else dict(need_dict(session, "lv.test_mount", "session"))
    return TestView(testing.mount(definition, params, session))


def create() -> QuestModule:
    return QuestModule(
        "liveview",
        {
            "template": template,
            "raw": raw,
            "component": component,
            "mount": mount,
            "layout": layout,
            "head": head,
            "session_from": session_from,
            "rate_limit": rate_limit,
            "check_origin": check_origin,
            "schedule": schedule,
            "send": send,
            "live_component": live_component,
            "test_mount": test_mount,
        },
        None,
    )
