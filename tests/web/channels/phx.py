"""An async Phoenix v2 client for the engine tests, on trio-websocket."""

from __future__ import annotations

import json
from typing import Any

import trio
import trio_websocket


class Phx:
    """One connection: ``join``/``push`` wait for their reply; everything else that
    arrives meanwhile is kept for ``next``."""

    def __init__(self, ws: trio_websocket.WebSocketConnection) -> None:
        self.ws = ws
        self.ref = 0
        self.inbox: list[Any] = []

    @classmethod
    async def connect(cls, nursery, port: int, path: str = "/ws", query: str = "", headers=None):
        url = f"ws://127.0.0.1:{port}{path}/websocket?{query}{'&' if query else ''}vsn=2.0.0"
        ws = await trio_websocket.connect_websocket_url(
            nursery,
            url,
            extra_headers=[(k.encode(), v.encode()) for k, v in (headers or {}).items()],
        )
        return cls(ws)

    def next_ref(self) -> str:
        self.ref += 1
        return str(self.ref)

    async def send(self, join_ref, ref, topic, event, payload=None) -> None:
        await self.ws.send_message(json.dumps([join_ref, ref, topic, event, payload or {}]))

    async def read(self, timeout: float = 5) -> Any:
        with trio.fail_after(timeout):
            data = await self.ws.get_message()
        return json.loads(data) if isinstance(data, str) else data

    async def wait_reply(self, ref: str) -> dict:
        while True:
            message = await self.read()
            if isinstance(message, list) and message[1] == ref and message[3] == "phx_reply":
                return message[4]
            self.inbox.append(message)

    async def join(self, topic: str, params=None) -> tuple[str, dict]:
        ref = self.next_ref()
        await self.send(ref, ref, topic, "phx_join", params)
        reply = await self.wait_reply(ref)
        return ref, reply

    async def push(self, join_ref, topic, event, payload=None) -> dict:
        ref = self.next_ref()
        await self.send(join_ref, ref, topic, event, payload)
        return await self.wait_reply(ref)

    async def next(self, event: str | None = None) -> Any:
        """The next pushed message (skipping others when ``event`` is given)."""
        while True:
            message = self.inbox.pop(0) if self.inbox else await self.read()
            if event is None or (isinstance(message, list) and message[3] == event):
                return message
