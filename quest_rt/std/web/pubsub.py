"""``std/web/pubsub``: the program's PubSub and where its broadcasts go (across
several nodes on Redis: docs/scaling.md).

One :class:`~quest_rt.web.pubsub.PubSub` per program: channels broadcast through it
(and LiveView will). Its adapter is the local one (this process only, no Redis
needed) until ``pubsub.configure(adapter: redis, url: "redis://...")`` with
``use "std/web/pubsub/redis" as redis`` makes every broadcast reach every node
subscribed to the same Redis channel.

The Redis URL and channel, first found wins (the same order as the serving address):
``configure``'s ``url:``/``channel:``, then the ``QUEST_PUBSUB_URL`` and
``QUEST_PUBSUB_CHANNEL`` environment variables, then ``url`` and ``channel`` of
``[std.web.pubsub]`` in quest.toml. So ``pubsub.configure(adapter: redis)`` (or no
configure at all, with the environment set) runs unchanged on a laptop and in
production; ``quest serve`` applies the environment when the app did not configure.
"""

from __future__ import annotations

import os
from typing import Any

from quest_rt.runtime.errors import TypeErr, ValueErr
from quest_rt.runtime.objects import QuestModule
from quest_rt.runtime.values import cls_name
from quest_rt.std.arguments import need_dict, need_fn, need_list, need_number, need_str, optional

DEFAULT_CHANNEL = "quest:pubsub"
#: Seconds after which a silent node's presences are removed (heartbeats every quarter).
DEFAULT_PRESENCE_TIMEOUT = 5.0


def _state() -> Any:
    from quest_rt.std.web import state

    return state()


def program_pubsub() -> Any:
    """The program's PubSub (created on first use, local until configured)."""
    from quest_rt.web.pubsub import PubSub

    st = _state()
    current = getattr(st, "pubsub", None)
    if current is None:
        current = st.pubsub = PubSub()
    return current


def _settings() -> dict[str, Any]:
    """``[std.web.pubsub]`` of quest.toml in the working directory ({} if none)."""
    from quest_rt.std.web import quest_toml_section

    return quest_toml_section("pubsub")


def _resolve(
    url: str | None, channel: str | None, timeout: float | None, fname: str
) -> tuple[str | None, str, float]:
    """URL, channel and presence timeout: argument, else environment, else quest.toml."""
    conf = _settings()
    env = os.environ
    url = url or env.get("QUEST_PUBSUB_URL") or conf.get("url")
    channel = channel or env.get("QUEST_PUBSUB_CHANNEL") or conf.get("channel")
    if timeout is None:
        raw = env.get("QUEST_PRESENCE_TIMEOUT") or conf.get("presence_timeout")
        try:
            timeout = DEFAULT_PRESENCE_TIMEOUT if raw is None else float(raw)
        except (TypeError, ValueError):
            raise ValueErr(f"{fname}: presence_timeout must be a number, got {raw!r}") from None
    if not timeout > 0:
        raise ValueErr(f"{fname}: presence_timeout must be more than 0 seconds, got {timeout}")
    return (str(url) if url else None), str(channel or DEFAULT_CHANNEL), float(timeout)


def _use_redis(url: str, channel: str, presence_timeout: float, fname: str) -> None:
    import redis as redis_py

    from quest_rt.web.pubsub.redis import RedisAdapter

    st = _state()
    try:
        adapter = RedisAdapter(url, channel=channel, encode_json=st.app.encode_json)
    except (ValueError, redis_py.RedisError) as exc:
        raise ValueErr(f"{fname}: bad Redis URL {url!r}: {exc}") from None
    pubsub = program_pubsub()
    # A second configure replaces the first: one adapter task per program.
    previous = getattr(st, "pubsub_service", None)
    if previous in st.app.services:
        st.app.services.remove(previous)
    pubsub.use(adapter)

    async def service() -> None:
        # At serve time the app's channels exist (or not): presence goes across
        # nodes with them.
        from quest_rt.web.channels.cluster import run_with_presence

        await run_with_presence(adapter, getattr(st, "channel_hub", None), presence_timeout)

    st.pubsub_service = service
    st.app.services.append(service)


def configure(
    adapter: Any = None, url: Any = None, channel: Any = None, presence_timeout: Any = None
) -> None:
    """configure(adapter: redis, url: "redis://host:6379", channel: "quest:pubsub",
    presence_timeout: 5): send every broadcast through Redis to all nodes (adapter: nil
    keeps this process only); a node silent presence_timeout seconds loses its
    presences; each defaults to QUEST_PUBSUB_URL / QUEST_PUBSUB_CHANNEL /
    QUEST_PRESENCE_TIMEOUT, then [std.web.pubsub] in quest.toml

    Example:
        use "std/web/pubsub/redis" as redis
        pubsub.configure(adapter: redis, url: "redis://127.0.0.1:6379")
        # queued for the other nodes; delivered now to this node's subscribers (none)
        pubsub.broadcast("room:1", "hi", {})  # => 0
        pubsub.configure(adapter: nil)  # back to this process only
    """
    fname = "pubsub.configure"
    url = optional(need_str, url, fname, "url")
    channel = optional(need_str, channel, fname, "channel")
    presence_timeout = optional(need_number, presence_timeout, fname, "presence_timeout")
    if adapter is None:
        from quest_rt.web.pubsub import LocalAdapter

        st = _state()
        previous = getattr(st, "pubsub_service", None)
        if previous in st.app.services:
            st.app.services.remove(previous)
        program_pubsub().use(LocalAdapter())
        return
    from quest_rt.std import native_module

    # == rather than is: `use ... as name` hands out a renamed twin of the module.
    if not isinstance(adapter, QuestModule) or adapter != native_module("std/web/pubsub/redis"):
        raise TypeErr(
            f"{fname} expects adapter: the std/web/pubsub/redis module or nil, "
            f"got {cls_name(adapter)}"
        )
    url, channel, timeout = _resolve(url, channel, presence_timeout, fname)
    if url is None:
        raise ValueErr(
            f"{fname}: no Redis URL: pass url:, or set QUEST_PUBSUB_URL, "
            "or url in [std.web.pubsub] of quest.toml"
        )
    _use_redis(url, channel, timeout, fname)


def apply_environment() -> None:
    """Before serving (``quest serve``): an app that did not configure gets Redis when
    QUEST_PUBSUB_URL or quest.toml names one."""
    from quest_rt.web.pubsub import LocalAdapter

    current = getattr(_state(), "pubsub", None)
    if current is not None and not isinstance(current.adapter, LocalAdapter):
        return
    url, channel, timeout = _resolve(None, None, None, "QUEST_PUBSUB_URL")
    if url is not None:
        _use_redis(url, channel, timeout, "QUEST_PUBSUB_URL")


def broadcast(topic: Any, event: Any, payload: Any) -> int:
    """broadcast(topic, event, payload) -> Int: send to every subscriber of topic on
    every node (and to the views of lv.test_mount subscribed to it); returns the
    deliveries made on this node

    Example:
        pubsub.broadcast("room:nobody-here", "message", {"text": "hi"})  # => 0
    """
    fname = "pubsub.broadcast"
    topic = need_str(topic, fname, "topic")
    event = need_str(event, fname, "event")
    sent = program_pubsub().broadcast(topic, event, payload)
    if _test_views(topic):
        from quest_rt.web.liveview import testing

        sent += testing.broadcast(topic, event, payload)
    return sent


def _test_views(topic: str) -> bool:
    """Whether views of lv.test_mount listen on topic (they get broadcasts too)."""
    import sys

    testing = sys.modules.get("quest_rt.web.liveview.testing")
    return testing is not None and testing.has_subscribers(topic)


def _live_view(socket: Any, fname: str) -> Any:
    from quest_rt.std.web.liveview import LiveSocket, _view

    if isinstance(socket, LiveSocket):
        return _view(socket, fname)
    return None


def subscribe(socket: Any, topic: Any) -> None:
    """subscribe(socket, topic): a LiveView receives every broadcast on topic (from any
    node) in handle_info, as {"event": ..., "payload": ..., "topic": ...}; ends with
    the view

    Example:
        use "std/web/liveview" as lv
        let Room = lv.component(fun ()
          fun render(assigns) lv.template("<p><%= last %></p>", assigns) end
          fun mount(params, session, socket) pubsub.subscribe(socket, "room:1") end
          fun handle_info(msg, socket) socket.assign("last", msg["payload"]["text"]) end
          {"state": {"last": ""}, "render": render, "mount": mount, "handle_info": handle_info}
        end)
        let view = lv.test_mount(Room)
        pubsub.test_broadcast("room:1", "message", {"text": "hi"})  # => 1
        view.render()  # => "<p>hi</p>"
    """
    fname = "pubsub.subscribe"
    topic = need_str(topic, fname, "topic")
    view = _live_view(socket, fname)
    if view is None:
        raise TypeErr(f"{fname} expects a LiveView socket, got {cls_name(socket)}")
    view.host.subscribe(view, topic)


def broadcast_from(socket: Any, topic: Any, event: Any, payload: Any) -> int:
    """broadcast_from(socket, topic, event, payload) -> Int: broadcast to every
    subscriber of topic but socket's own view (or channel)

    Example:
        use "std/web/liveview" as lv
        let Room = lv.component(fun ()
          fun render(assigns) lv.template("<p><%= n %></p>", assigns) end
          fun mount(params, session, socket) pubsub.subscribe(socket, "room:2") end
          fun handle_event(event, payload, socket) pubsub.broadcast_from(socket, "room:2", "hi", {}) end
          fun handle_info(msg, socket) socket.assign("n", socket.get("n") + 1) end
          {"state": {"n": 0}, "render": render, "mount": mount, "handle_event": handle_event, "handle_info": handle_info}
        end)
        let view = lv.test_mount(Room)
        view.click("go").render()  # => "<p>0</p>"
    """
    fname = "pubsub.broadcast_from"
    topic = need_str(topic, fname, "topic")
    event = need_str(event, fname, "event")
    view = _live_view(socket, fname)
    if view is None:
        from quest_rt.std.web.channels import QuestChannel, hub

        if isinstance(socket, QuestChannel):
            return hub().broadcast_from(socket._channel, topic, event, payload)
        raise TypeErr(f"{fname} expects a LiveView or channel socket, got {cls_name(socket)}")
    from quest_rt.web.liveview import testing

    if type(view.host) is testing.TestHost:
        return testing.broadcast(topic, event, payload, exclude=view)
    for sub in view.subs:
        if sub.topic == topic:
            return program_pubsub().broadcast_from(sub, topic, event, payload)
    return program_pubsub().broadcast(topic, event, payload)


def broadcast_if(topic: Any, predicate: Any, event: Any, payload: Any) -> int:
    """broadcast_if(topic, fun (socket) -> Bool, event, payload) -> Int: broadcast to the
    LiveViews of this node subscribed to topic that the function accepts

    Example:
        use "std/web/liveview" as lv
        let Room = lv.component(fun ()
          fun render(assigns) lv.template("<p><%= n %></p>", assigns) end
          fun mount(params, session, socket)
            socket.set("admin", params["admin"] == "yes")
            pubsub.subscribe(socket, "room:3")
          end
          fun handle_info(msg, socket) socket.assign("n", socket.get("n") + 1) end
          {"state": {"n": 0}, "render": render, "mount": mount, "handle_info": handle_info}
        end)
        let admin = lv.test_mount(Room, {"admin": "yes"})
        let guest = lv.test_mount(Room)
        pubsub.broadcast_if("room:3", fun (s) s.get("admin") end, "alert", {})  # => 1
        guest.render()  # => "<p>0</p>"
    """
    fname = "pubsub.broadcast_if"
    topic = need_str(topic, fname, "topic")
    need_fn(predicate, fname, "predicate")
    event = need_str(event, fname, "event")
    from quest_rt.web.liveview import testing
    from quest_rt.web.liveview.session import _Deliver
    from quest_rt.web.pubsub import Broadcast

    sent = testing.broadcast(topic, event, payload, accept=lambda v: predicate(v.binding))
    message = Broadcast(topic, event, payload)
    for sub in program_pubsub().subscribers(topic):
        deliver = sub.callback
        if type(deliver) is _Deliver and deliver.view.alive and predicate(deliver.view.binding):
            deliver(message)
            sent += 1
    return sent


def broadcast_batch(topic: Any, events: Any) -> int:
    """broadcast_batch(topic, events) -> Int: broadcast each {"event", "payload"} Dict of
    events, in order (as broadcast does); returns the deliveries made on this node

    Example:
        pubsub.broadcast_batch("room:4", [{"event": "a", "payload": {}}, {"event": "b", "payload": {}}])  # => 0
    """
    from quest_rt.web.liveview import testing

    fname = "pubsub.broadcast_batch"
    topic = need_str(topic, fname, "topic")
    sent = 0
    pubsub = program_pubsub()
    for item in need_list(events, fname, "events"):
        item = need_dict(item, fname, "event")
        event = need_str(item.get("event"), fname, "event name")
        payload = item.get("payload", {})
        sent += pubsub.broadcast(topic, event, payload) + testing.broadcast(topic, event, payload)
    return sent


def test_broadcast(topic: Any, event: Any, payload: Any) -> int:
    """test_broadcast(topic, event, payload) -> Int: deliver a broadcast to the views of
    lv.test_mount subscribed to topic, synchronously (for tests); returns how many

    Example:
        pubsub.test_broadcast("nobody:listens", "ping", {})  # => 0
    """
    from quest_rt.web.liveview import testing

    fname = "pubsub.test_broadcast"
    return testing.broadcast(
        need_str(topic, fname, "topic"), need_str(event, fname, "event"), payload
    )


def create() -> QuestModule:
    return QuestModule(
        "pubsub",
        {
            "configure": configure,
            "broadcast": broadcast,
            "subscribe": subscribe,
            "broadcast_from": broadcast_from,
            "broadcast_if": broadcast_if,
            "broadcast_batch": broadcast_batch,
            "test_broadcast": test_broadcast,
        },
        None,
    )


__all__ = ["apply_environment", "create", "program_pubsub"]
