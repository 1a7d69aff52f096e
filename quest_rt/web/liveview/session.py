"""A connected LiveView: one ``lv:<id>`` channel on the ``/live`` socket.

The official client joins ``lv:<view id>`` with the page's signed session and URL
(wire-protocol.md §6.3); :func:`join` checks them, mounts the component the URL
routes to and answers with the full render. Then, on that channel:

=======================  ===========================================================
``event``                decoded (:mod:`.forms`), ``handle_event`` of the view or of
                         its component ``cid``; reply ``{"diff": …}`` or ``{}``
``live_patch``           a patch link: ``handle_params`` and the diff, or
                         ``{"link_redirect": true}`` for a URL of another view
``cids_will_destroy``    ``{}``
``cids_destroyed``       the components are dropped; reply ``{"cids": [...]}``
``phx_leave``            (the channel layer) reply, then the view ends
=======================  ===========================================================

``handle_info`` messages (``lv.schedule`` timers, PubSub broadcasts, ``lv.send``) are
posted to the connection's mailbox, so they run one at a time with the client's
events and after the callback that caused them; a change they make is pushed as a
``diff``. A callback that asked to leave the page ends the view after the answer:
``redirect`` → ``{"redirect": {"to"}}`` (full page load), ``push_navigate`` →
``{"live_redirect": …}`` (the client joins the same topic for the new URL),
``push_patch`` → a ``live_patch`` push, ``handle_params``, the diff.

Failure: a callback that raises crashes this view only (the channel layer logs the
Quest traceback and sends ``phx_error``; the client rejoins and the component mounts
afresh). ``terminate(reason, socket)`` runs whenever the view ends, with reason
``"leave"`` (the client left or navigated), ``"close"`` (the connection ended),
``"crash"``, ``"redirect"`` or ``"navigate"``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit

import trio

from ..channels.channel import ChannelState
from ..channels.socket import Refusal
from ..pubsub import Broadcast, PubSub
from .forms import MalformedEvent, event_payload
from .view import Definition, View

if TYPE_CHECKING:
    from ..channels.channel import Channel
    from .endpoint import LiveViewEndpoint

__all__ = ["ChannelHost", "join", "route_params"]

log = logging.getLogger("quest_rt.web.liveview")

#: The client version whose wire format we speak (sent in every join reply).
LIVEVIEW_VERSION = "1.2.12"
STALE = {"reason": "stale"}
UNAUTHORIZED = {"reason": "unauthorized"}


def route_params(url: str) -> tuple[str, dict[str, Any]]:
    """(path, query parameters) of an absolute or relative URL; a repeated query
    name keeps its last value."""
    parts = urlsplit(url)
    return parts.path or "/", dict(parse_qsl(parts.query, keep_blank_values=True))


class _Deliver:
    """A PubSub subscription's callback: posts the broadcast to the view's mailbox.
    An object rather than a closure so ``broadcast_if`` can see whose it is."""

    __slots__ = ("host", "view")

    def __init__(self, host: ChannelHost, view: View) -> None:
        self.host = host
        self.view = view

    def __call__(self, message: Broadcast) -> None:
        msg = {"event": message.event, "payload": message.payload, "topic": message.topic}
        self.host.post_info(self.view, msg)


class ChannelHost:
    """The :class:`~.view.Host` of a connected view: its channel, connection and the
    program's PubSub."""

    __slots__ = ("channel", "endpoint", "reason", "view")

    connected = True

    def __init__(self, endpoint: LiveViewEndpoint, channel: Channel) -> None:
        self.endpoint = endpoint
        self.channel = channel
        self.view: View | None = None
        #: why the view is ending, when the channel layer ends it for us
        self.reason: str | None = None

    @property
    def pubsub(self) -> PubSub:
        return self.endpoint.pubsub

    # ── Host ───────────────────────────────────────────────────────────────

    def schedule(self, view: View, msg: Any, seconds: float) -> None:
        conn = self.channel.socket.owner
        scope = trio.CancelScope()
        timers = view.timers
        timers.add(scope)

        async def timer() -> None:
            try:
                with scope:
                    await trio.sleep(seconds)
                    conn.post(self._deliver, view, msg)
            finally:
                timers.discard(scope)

        conn.start_soon(timer)

    def subscribe(self, view: View, topic: str) -> None:
        for sub in view.subs:
            if sub.topic == topic:
                return  # subscribed already: one delivery per broadcast
        owner = self.channel.socket.owner
        view.subs.append(self.pubsub.subscribe(topic, owner, callback=_Deliver(self, view)))

    def post_info(self, view: View, msg: Any) -> None:
        if view.alive:
            self.channel.socket.owner.post(self._deliver, view, msg)

    def release(self, view: View) -> None:
        for scope in list(view.timers):
            scope.cancel()
        view.timers.clear()
        pubsub = self.pubsub
        for sub in view.subs:
            pubsub.unsubscribe(sub)
        view.subs.clear()

    # ── running callbacks ──────────────────────────────────────────────────

    def _deliver(self, view: View, msg: Any) -> None:
        """A ``handle_info`` message, in the mailbox: run it, push what changed."""
        channel = self.channel
        if not view.alive or channel.state is not ChannelState.JOINED:
            return
        try:
            view.info(msg)
            self._push_after(view.root)
        except Exception as exc:
            self.reason = "crash"
            channel.socket.crash(channel, exc, f"handle_info of {channel.topic!r}")

    def _push_after(self, view: View) -> None:
        """After a callback outside a client event: push the diff, or navigate."""
        channel = self.channel
        nav = view.nav
        if nav is not None:
            view.nav = None
            kind, to = nav
            if kind == "patch" and self._patch(view, to):
                channel.push("live_patch", {"to": to, "kind": "push"})
            else:
                self._flush_events(view)
                event = "redirect" if kind == "redirect" else "live_redirect"
                body = {"to": to} if kind == "redirect" else {"to": to, "kind": "push"}
                channel.push(event, body)
                self._end(kind if kind == "redirect" else "navigate")
                return
        diff = view.render_diff()
        if diff:
            channel.push("diff", diff)

    def answer(self, view: View, reply: Any = None) -> dict[str, Any]:
        """The reply to a client event after its callback ran (see the module
        docstring for navigation)."""
        nav = view.nav
        if nav is not None:
            view.nav = None
            kind, to = nav
            if kind == "patch" and self._patch(view, to):
                self.channel.push("live_patch", {"to": to, "kind": "push"})
            else:
                self._flush_events(view)
                self._end(kind if kind == "redirect" else "navigate")
                if kind == "redirect":
                    return {"redirect": {"to": to}}
                return {"live_redirect": {"to": to, "kind": "push"}}
        diff = view.reply_diff(reply)
        return {"diff": diff} if diff else {}

    def _patch(self, view: View, to: str) -> bool:
        """Run ``handle_params`` for a patch to ``to``; False if ``to`` belongs to
        another view (then it is a navigation)."""
        found = self.endpoint.route(to)
        if found is None or found[0] is not view.definition:
            return False
        view.handle_params(found[1], to)
        return True

    def _flush_events(self, view: View) -> None:
        if view.events:
            events, view.events = view.events, []
            self.channel.push("diff", {"e": events})

    def _end(self, reason: str) -> None:
        """End the view after the current answer is written (a navigation)."""
        self.reason = reason
        channel = self.channel
        channel.socket.owner.post(channel.socket.end, channel)


def join(endpoint: LiveViewEndpoint, channel: Channel, topic: str, payload: dict) -> None:
    """The ``lv:*`` join function (wire-protocol.md §6.3, §8.1, §8.5)."""
    refusal = _check(endpoint, channel, topic, payload)
    if isinstance(refusal, Refusal):
        channel.on_join(lambda _params: refusal)
        return
    definition, params, url, session = refusal
    host = ChannelHost(endpoint, channel)
    view = View(definition, host, view_id=topic[3:], session=session)
    host.view = view

    def failing(doing: Callable[..., Any]) -> Callable[..., Any]:
        # A callback that raises crashes the view: say so to terminate.
        def run(*args: Any) -> Any:
            try:
                return doing(*args)
            except Exception:
                host.reason = "crash"
                raise

        return run

    @failing
    def on_event(message: Any) -> Any:
        return _event(endpoint, host, view, message)

    @failing
    def on_live_patch(message: Any) -> Any:
        url = message.get("url") if type(message) is dict else None
        if type(url) is not str:
            return {}
        if not host._patch(view, url):
            return {"link_redirect": True}
        diff = view.render_diff()
        return {"diff": diff} if diff else {}

    def on_cids_destroyed(message: Any) -> Any:
        cids = message.get("cids") if type(message) is dict else None
        return {"cids": view.destroy_components(cids if type(cids) is list else [])}

    def on_leave() -> None:
        reason = "close" if channel.socket.terminated else (host.reason or "leave")
        view.close(reason)

    channel.on("event", on_event)
    channel.on("live_patch", on_live_patch)
    channel.on("cids_will_destroy", lambda _message: {})
    channel.on("cids_destroyed", on_cids_destroyed)
    channel.on_leave(on_leave)

    try:
        view.mount(params)
        view.handle_params(params, url)
        nav = view.nav
        if nav is not None:
            # Left the page during mount: refuse the join with where to go.
            kind, to = nav
            view.close("redirect" if kind == "redirect" else "navigate")
            if kind == "redirect":
                channel.on_join(lambda _params: Refusal({"redirect": {"to": to}}))
            else:
                live = {"live_redirect": {"to": to, "kind": "push"}}
                channel.on_join(lambda _params: Refusal(live))
            return
        rendered = view.render_diff()
    except Exception:
        view.close("crash")
        raise
    reply = {"rendered": rendered, "liveview_version": LIVEVIEW_VERSION}
    channel.on_join(lambda _params: reply)


def _check(
    endpoint: LiveViewEndpoint, channel: Channel, topic: str, payload: dict
) -> Refusal | tuple[Definition, dict[str, Any], str, dict[str, Any]]:
    """The join's checks, in Phoenix's order; a Refusal names the first that failed."""
    if not channel.socket.assigns.get("csrf"):
        log.info("refused %s: the socket's CSRF token did not match (stale)", topic)
        return Refusal(STALE)
    data = endpoint.signer.verify("lv:session", payload.get("session"))
    if type(data) is not dict or topic != "lv:" + str(data.get("id")):
        log.info("refused %s: bad, expired or foreign session token (stale)", topic)
        return Refusal(STALE)
    url = payload.get("redirect") or payload.get("url")
    found = endpoint.route(url) if type(url) is str else None
    if found is None:
        log.info("refused %s: %r is not a LiveView of this app (unauthorized)", topic, url)
        return Refusal(UNAUTHORIZED)
    definition, params = found
    session = data.get("s")
    return definition, params, url, session if type(session) is dict else {}


def _event(endpoint: LiveViewEndpoint, host: ChannelHost, view: View, message: Any) -> Any:
    if type(message) is not dict or type(message.get("event")) is not str:
        log.warning("%s: ignored a malformed event %.200r", view.id, message)
        return {}
    name = message["event"]
    if name.startswith("lv:"):
        if name == "lv:clear-flash":
            return {}
        raise MalformedEvent(f"reserved event name {name!r}")  # Phoenix crashes the view
    kind = message.get("type")
    try:
        payload = event_payload(kind, message.get("value"), message.get("meta"))
    except MalformedEvent as exc:
        log.warning("%s: ignored event %r: %s", view.id, name, exc)
        return {}
    cid = message.get("cid")
    if cid is not None and type(cid) is not int:
        log.warning("%s: ignored event %r with a non-integer cid", view.id, name)
        return {}
    limit = endpoint.rate_limit
    if limit is not None and limit(view, name, payload):
        log.info("%s: event %r refused by the rate limit", view.id, name)
        return {}
    found, result = view.event(name, payload, cid)
    if not found:
        log.info("%s: event %r for component %s, which this view does not have", view.id, name, cid)
        return {}
    return host.answer(view, result if kind == "hook" else None)
