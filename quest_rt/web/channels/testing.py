"""A blocking Phoenix channel client for tests (``channels.test_client`` in Quest).

It speaks the v2 protocol the way phoenix.js does — the URL is
``<url>/websocket?<params>&vsn=2.0.0``, a join's ``join_ref`` is its own ``ref``,
every message on a joined topic carries that join_ref — on top of the Layer-1
:class:`~quest_rt.web.ws.testing.WebSocketTestClient`, so it blocks the same way
(the bridge's loop from a plain thread, greenback inside a Trio task).

``join``, ``push``, ``leave`` and ``heartbeat`` wait for their reply; pushes and
broadcasts that arrive meanwhile are kept, in order, for :meth:`receive`.

Example::

    client = ChannelTestClient(server.ws_url("/ws"), params={"token": "s3"})
    client.connect()
    assert client.join("room:lobby", {"name": "ann"}).status == "ok"
    client.push("room:lobby", "shout", {"msg": "hi"})
    assert client.receive(event="shout").payload == {"msg": "hi"}
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from ..ws.testing import ReceiveTimeout, WebSocketTestClient
from .wire import (
    HEARTBEAT,
    KIND_BROADCAST,
    KIND_PUSH,
    KIND_REPLY,
    PHOENIX_TOPIC,
    PHX_JOIN,
    PHX_LEAVE,
    PHX_REPLY,
    VSN,
)

__all__ = ["ChannelTestClient", "Incoming", "Reply"]


@dataclass(frozen=True)
class Reply:
    """A ``phx_reply``: ``status`` and ``response`` (a dict, or bytes)."""

    status: str
    response: Any


@dataclass(frozen=True)
class Incoming:
    """A server push or broadcast (``join_ref`` None for a broadcast)."""

    join_ref: str | None
    topic: str
    event: str
    payload: Any


def _decode_server(data: str | bytes) -> tuple[str | None, str | None, str, str, Any]:
    if isinstance(data, str):
        join_ref, ref, topic, event, payload = json.loads(data)[:5]
        return join_ref, ref, topic, event, payload
    kind = data[0]
    if kind == KIND_PUSH:
        sizes, at = data[1:4], 4
    elif kind == KIND_REPLY:
        sizes, at = data[1:5], 5
    elif kind == KIND_BROADCAST:
        sizes, at = data[1:3], 3
    else:
        raise ValueError(f"unknown binary frame kind {kind}")
    fields = []
    for size in sizes:
        fields.append(data[at : at + size].decode("utf-8"))
        at += size
    body = bytes(data[at:])
    if kind == KIND_PUSH:
        return fields[0] or None, None, fields[1], fields[2], body
    if kind == KIND_REPLY:
        return (
            fields[0] or None,
            fields[1],
            fields[2],
            PHX_REPLY,
            {
                "status": fields[3],
                "response": body,
            },
        )
    return None, None, fields[0], fields[1], body


class ChannelTestClient:
    """See the module docstring.

    Args:
        url: the socket's mount, ``ws://host:port/ws`` (``/websocket`` is appended).
        params: connect params, sent in the query string (what ``connect`` sees).
        headers: extra upgrade headers (``origin``...).
    """

    def __init__(
        self,
        url: str,
        *,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        query = urlencode({**(params or {}), "vsn": VSN})
        self.url = f"{url.rstrip('/')}/websocket?{query}"
        self._ws = WebSocketTestClient(self.url, headers=headers)
        self._ref = 0
        self._join_refs: dict[str, str] = {}
        self._inbox: list[Incoming] = []

    def connect(self, timeout: float = 5.0) -> None:
        self._ws.connect(timeout)

    def close(self) -> None:
        self._ws.close()

    @property
    def close_code(self) -> int | None:
        return self._ws.close_code

    def join(self, topic: str, params: dict[str, Any] | None = None, timeout: float = 5.0) -> Reply:
        ref = self._next_ref()
        self._join_refs[topic] = ref
        reply = self._request([ref, ref, topic, PHX_JOIN, params or {}], timeout)
        if reply.status != "ok":
            self._join_refs.pop(topic, None)
        return reply

    def push(self, topic: str, event: str, payload: Any = None, timeout: float = 5.0) -> Reply:
        """Push ``event``; a bytes payload goes as a binary frame."""
        ref = self._next_ref()
        join_ref = self._join_refs.get(topic)
        if isinstance(payload, (bytes, bytearray)):
            strings = [s.encode("utf-8") for s in (join_ref or "", ref, topic, event)]
            frame = bytes((KIND_PUSH, *map(len, strings))) + b"".join(strings) + bytes(payload)
            self._ws.send_bytes(frame)
            return self._wait_reply(ref, timeout)
        return self._request([join_ref, ref, topic, event, payload or {}], timeout)

    def leave(self, topic: str, timeout: float = 5.0) -> Reply:
        ref = self._next_ref()
        join_ref = self._join_refs.pop(topic, None)
        return self._request([join_ref, ref, topic, PHX_LEAVE, {}], timeout)

    def heartbeat(self, timeout: float = 5.0) -> Reply:
        return self._request([None, self._next_ref(), PHOENIX_TOPIC, HEARTBEAT, {}], timeout)

    def join_ref(self, topic: str) -> str | None:
        """The join_ref of the current join of ``topic`` (None if not joined)."""
        return self._join_refs.get(topic)

    def send_raw(self, data: str | bytes) -> None:
        """Send one WebSocket message as is (malformed-frame tests)."""
        if isinstance(data, str):
            self._ws.send(data)
        else:
            self._ws.send_bytes(data)

    def receive(self, timeout: float = 5.0, *, event: str | None = None) -> Incoming:
        """The next push or broadcast (of ``event``, skipping others, when given).

        Raises:
            ReceiveTimeout: none arrived in time.
            WebSocketClosed: the server closed the connection.
        """
        deadline = time.monotonic() + timeout
        while True:
            for i, incoming in enumerate(self._inbox):
                if event is None or incoming.event == event:
                    return self._inbox.pop(i)
            if event is not None:
                self._inbox.clear()
            self._read(deadline)

    # ── internals ──────────────────────────────────────────────────────────

    def _next_ref(self) -> str:
        self._ref += 1
        return str(self._ref)

    def _request(self, message: list[Any], timeout: float) -> Reply:
        self._ws.send(json.dumps(message, separators=(",", ":")))
        return self._wait_reply(message[1], timeout)

    def _wait_reply(self, ref: str, timeout: float) -> Reply:
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline, ref)
            if reply is not None:
                return reply

    def _read(self, deadline: float, ref: str | None = None) -> Reply | None:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise ReceiveTimeout(f"no message from {self.url} in time")
        join_ref, msg_ref, topic, event, payload = _decode_server(self._ws.receive(remaining))
        if event == PHX_REPLY:
            if ref is not None and msg_ref == ref:
                return Reply(payload["status"], payload["response"])
            return None
        self._inbox.append(Incoming(join_ref, topic, event, payload))
        return None
