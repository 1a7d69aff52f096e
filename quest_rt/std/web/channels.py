"""``std/web/channels``: Phoenix channels for Quest (Layer 2 of the web stack).

A thin binding of :mod:`quest_rt.web.channels`: one :class:`~quest_rt.web.channels.ChannelHub`
per program, on the program's web app. Declaring a channel mounts the Phoenix socket
at ``/ws/websocket`` (what ``new Socket('/ws')`` in a page connects to) unless
``channels.socket(path, ...)`` chose another path. The ``socket`` a channel function
receives is a :class:`QuestChannel`: the engine's Channel with Quest method names.
What ``on_join`` returns is the join reply: a Dict with an ``"error"`` key refuses the
join with that Dict, another Dict is the ``ok`` response, nil is ``ok`` with ``{}``.
"""

from __future__ import annotations

from typing import Any

from quest_rt.runtime.errors import IOErr, RuntimeErr, TypeErr, ValueErr
from quest_rt.runtime.objects import QuestModule
from quest_rt.runtime.values import cls_name
from quest_rt.std.arguments import need_dict, need_fn, need_number, need_str, optional

DEFAULT_MOUNT = "/ws"

#: Where an app with channels serves the vendored official client (assets/liveview/,
#: scripts/vendor_assets.py): ``<script src="/assets/phoenix.min.js">`` defines the
#: global ``Phoenix`` = {Socket, Channel, Presence, ...}.
CLIENT_ROUTES = {
    "/assets/phoenix.min.js": "phoenix.min.js",
    "/assets/phoenix.js": "phoenix.js",
}


def _state() -> Any:
    from quest_rt.std.web import state

    return state()


def _created_modules() -> Any:
    from quest_rt.std import _created

    return _created


def hub() -> Any:
    """The program's ChannelHub (created on first use, with Quest's JSON and tracebacks)."""
    from quest_rt.std.web.pubsub import program_pubsub
    from quest_rt.web.channels import ChannelHub

    st = _state()
    current = getattr(st, "channel_hub", None)
    if current is None:
        current = st.channel_hub = ChannelHub(
            program_pubsub(), encode_json=st.app.encode_json, format_error=st.app.format_error
        )
        st.channel_mounts = {}  # {mount path: True if mounted by default}
        # A program that uses std/web/presence sends presence_state on every join.
        current.presence_enabled = "std/web/presence" in _created_modules()
    return current


def _payload(value: Any, fname: str) -> Any:
    if type(value) is dict or type(value) is bytes:
        return value
    raise TypeErr(f"{fname} expects a Dict or Bytes payload, got {cls_name(value)}")


class QuestChannel:
    """The ``socket`` of a channel function: one join of one topic."""

    __slots__ = ("_channel",)
    quest_name = "ChannelSocket"

    def __init__(self, channel: Any) -> None:
        self._channel = channel

    @classmethod
    def of(cls, channel: Any) -> QuestChannel:
        sock = channel.binding
        if sock is None:
            sock = channel.binding = cls(channel)
        return sock

    def on_join(self, fn: Any) -> None:
        """on_join(fun (payload) ... end): its return is the join reply (a Dict with
        "error" refuses the join with that Dict)"""
        self._channel.on_join(need_fn(fn, "ChannelSocket.on_join"))

    def on(self, event: Any, fn: Any) -> None:
        """on(event, fun (payload) ... end): its Dict return is the ok reply"""
        self._channel.on(
            need_str(event, "ChannelSocket.on", "event"), need_fn(fn, "ChannelSocket.on")
        )

    def on_leave(self, fn: Any) -> None:
        """on_leave(fun () ... end): runs when the client leaves or the channel ends"""
        self._channel.on_leave(need_fn(fn, "ChannelSocket.on_leave"))

    def get(self, key: Any) -> Any:
        """get(key): a value set on this channel or given by the socket's connect, nil if none"""
        return self._channel.get(need_str(key, "ChannelSocket.get", "key"))

    def set(self, key: Any, value: Any) -> None:
        """set(key, value)"""
        self._channel.set(need_str(key, "ChannelSocket.set", "key"), value)

    def push(self, event: Any, payload: Any = None) -> bool:
        """push(event, payload = {}) -> Bool: send to this channel's client only"""
        event = need_str(event, "ChannelSocket.push", "event")
        body = {} if payload is None else _payload(payload, "ChannelSocket.push")
        return self._channel.push(event, body)

    def topic(self) -> str:
        """topic() -> Str: the concrete topic joined"""
        return self._channel.topic

    def id(self) -> str:
        """id() -> Str: the connection's id (shared by its channels)"""
        return self._channel.id

    def __str__(self) -> str:
        return f"<ChannelSocket {self._channel.topic} {self._channel.state.value}>"


def _channel_of(value: Any, fname: str) -> Any:
    if not isinstance(value, QuestChannel):
        raise TypeErr(f"{fname} expects a channel socket, got {cls_name(value)}")
    return value._channel


def _mount(path: str, connect: Any, check_origin: Any, default: bool) -> None:
    from quest_rt.web.channels import mount, socket_path

    current = hub()
    st = _state()
    try:
        mount(st.app, current, path, connect=connect, check_origin=check_origin)
    except ValueError as exc:
        raise ValueErr(f"channels.socket: {exc}") from None
    if not st.channel_mounts:
        _serve_client(st.app)
    st.channel_mounts[path] = default
    # An explicit socket replaces the default mount.
    if not default and st.channel_mounts.get(DEFAULT_MOUNT) is True and path != DEFAULT_MOUNT:
        del st.channel_mounts[DEFAULT_MOUNT]
        st.app.websocket_endpoints.pop(socket_path(DEFAULT_MOUNT), None)


def _serve_client(app: Any) -> None:
    from quest_rt.resources import assets_dir

    for url, name in CLIENT_ROUTES.items():
        path = assets_dir() / "liveview" / name

        def serve(request: dict, path: Any = path) -> dict:
            return {
                "status": 200,
                "body": path.read_bytes(),
                "headers": {
                    "Content-Type": "text/javascript; charset=utf-8",
                    "Cache-Control": "public, max-age=3600",
                },
            }

        app.route("GET", url, serve)


def channel(pattern: Any, fn: Any) -> None:
    """channel(pattern, fun (socket, topic, params) ... end): route topics matching
    pattern ("room:*") to fn, called once per join"""
    pattern = need_str(pattern, "channels.channel", "pattern")
    need_fn(fn, "channels.channel")
    current = hub()
    current.channel(pattern, lambda ch, topic, params: fn(QuestChannel.of(ch), topic, params))
    if not _state().channel_mounts:
        _mount(DEFAULT_MOUNT, None, True, default=True)


def socket(path: Any, connect: Any = None, check_origin: Any = True) -> None:
    """socket(path, connect: fun (params, info) ... end, check_origin: true): serve the
    Phoenix socket at path/websocket; connect returns false/nil (refuse, 403), true or a
    Dict (accept; every channel can socket.get its values)"""
    path = need_str(path, "channels.socket", "path")
    if not path.startswith("/"):
        raise ValueErr(f"channels.socket path must start with '/': {path}")
    origins = check_origin
    if type(origins) is list:
        origins = [need_str(o, "channels.socket", "origin") for o in origins]
    elif type(origins) is not bool:
        raise TypeErr(
            f"channels.socket expects a Bool or an Array check_origin, got {cls_name(origins)}"
        )
    decide = None
    if connect is not None:
        need_fn(connect, "channels.socket", "connect")

        def decide(params: dict, upgrade: Any) -> Any:
            info = {
                "path": upgrade.path,
                "headers": dict(upgrade.headers),
                "remote_ip": upgrade.remote_ip,
            }
            verdict = connect(params, info)
            if verdict is None or type(verdict) is bool or type(verdict) is dict:
                return verdict
            raise TypeErr(
                f"channels.socket connect must return a Bool, nil or a Dict, got {cls_name(verdict)}"
            )

    _mount(path, decide, origins, default=False)


def broadcast(topic: Any, event: Any, payload: Any) -> int:
    """broadcast(topic, event, payload) -> Int: send to every channel joined on topic"""
    return hub().broadcast(
        need_str(topic, "channels.broadcast", "topic"),
        need_str(event, "channels.broadcast", "event"),
        _payload(payload, "channels.broadcast"),
    )


def broadcast_from(socket: Any, topic: Any, event: Any, payload: Any) -> int:
    """broadcast_from(socket, topic, event, payload) -> Int: to all on topic but socket"""
    return hub().broadcast_from(
        _channel_of(socket, "channels.broadcast_from"),
        need_str(topic, "channels.broadcast_from", "topic"),
        need_str(event, "channels.broadcast_from", "event"),
        _payload(payload, "channels.broadcast_from"),
    )


def rate_limit(fn: Any) -> None:
    """rate_limit(fun (socket, event, payload) ... end): called before every event
    handler; returning true refuses the event with {"reason": "rate limited"}"""
    need_fn(fn, "channels.rate_limit")
    hub().rate_limit = lambda ch, event, payload: fn(QuestChannel.of(ch), event, payload)


def _reply(reply: Any) -> dict:
    return {"status": reply.status, "response": reply.response}


def _incoming(message: Any) -> dict:
    return {
        "topic": message.topic,
        "event": message.event,
        "payload": message.payload,
        "join_ref": message.join_ref,
    }


class TestClient:
    """``channels.test_client(url, params)``: a blocking Phoenix client for tests."""

    quest_name = "ChannelTestClient"

    def __init__(self, url: str, params: dict | None, headers: dict | None) -> None:
        from quest_rt.web.channels.testing import ChannelTestClient

        self.url = url
        self._client = ChannelTestClient(url, params=params, headers=headers)

    def _call(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        from quest_rt.web import ReceiveTimeout, WebSocketClosed

        try:
            return fn(*args, **kwargs)
        except ReceiveTimeout as exc:
            raise RuntimeErr(f"receive timed out: {exc}") from None
        except WebSocketClosed as exc:
            raise RuntimeErr(str(exc)) from None
        except OSError as exc:
            raise IOErr(f"cannot connect to {self.url}: {exc.strerror or exc}") from None

    def connect(self) -> TestClient:
        """connect(): open the socket (raises if the server refuses)"""
        self._call(self._client.connect)
        return self

    def join(self, topic: Any, params: Any = None) -> dict:
        """join(topic, params = {}) -> Dict {"status", "response"}: the join reply"""
        topic = need_str(topic, "ChannelTestClient.join", "topic")
        params = optional(need_dict, params, "ChannelTestClient.join", "of params")
        return _reply(self._call(self._client.join, topic, params))

    def push(self, topic: Any, event: Any, payload: Any = None) -> dict:
        """push(topic, event, payload = {}) -> Dict {"status", "response"}: the reply"""
        topic = need_str(topic, "ChannelTestClient.push", "topic")
        event = need_str(event, "ChannelTestClient.push", "event")
        body = None if payload is None else _payload(payload, "ChannelTestClient.push")
        return _reply(self._call(self._client.push, topic, event, body))

    def leave(self, topic: Any) -> dict:
        """leave(topic) -> Dict {"status", "response"}"""
        return _reply(
            self._call(self._client.leave, need_str(topic, "ChannelTestClient.leave", "topic"))
        )

    def receive(self, event: Any = None, timeout: Any = 5.0) -> dict:
        """receive(event = nil, timeout = 5) -> Dict {"topic", "event", "payload", "join_ref"}:
        the next push or broadcast (of that event, when given)"""
        event = optional(need_str, event, "ChannelTestClient.receive", "event")
        timeout = need_number(timeout, "ChannelTestClient.receive", "of seconds")
        return _incoming(self._call(self._client.receive, float(timeout), event=event))

    def close(self) -> None:
        """close()"""
        self._call(self._client.close)

    def __str__(self) -> str:
        return f"<ChannelTestClient {self.url}>"


def test_client(url: Any, params: Any = None, headers: Any = None) -> TestClient:
    """test_client(url, params = {}, headers = nil) -> a client with connect, join, push,
    leave, receive, close; url is the socket's mount ("ws://127.0.0.1:4000/ws")"""
    url = need_str(url, "channels.test_client", "url")
    params = optional(need_dict, params, "channels.test_client", "of params")
    headers = optional(need_dict, headers, "channels.test_client", "of headers")
    return TestClient(url, params, headers)


def create() -> QuestModule:
    return QuestModule(
        "channels",
        {
            "channel": channel,
            "socket": socket,
            "broadcast": broadcast,
            "broadcast_from": broadcast_from,
            "rate_limit": rate_limit,
            "test_client": test_client,
        },
        None,
    )


__all__ = ["QuestChannel", "create", "hub"]
