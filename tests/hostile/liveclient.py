"""A blocking LiveView client for the hostile-client tests, and a served Quest app.

The page comes from a plain ``GET`` (:func:`tests.web.liveview.lvclient.get_page`:
the signed session, the masked CSRF token, the cookie); the socket is a
:class:`~.wsclient.RawClient` on ``/live/websocket`` speaking Phoenix v2 JSON as the
official client does (wire-protocol.md §6.2–6.3). Every read is bounded by the
socket's timeout.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from wsproto.events import CloseConnection, TextMessage

from quest_rt.runtime import loader
from quest_rt.std import web as std_web
from quest_rt.web import ServerThread, start_in_thread
from tests.web.liveview.lvclient import Page, get_page

from .wsclient import RawClient, frame

__all__ = ["LiveRaw", "Page", "get_page", "served_quest_app"]

_apps = itertools.count()


@contextmanager
def served_quest_app(source: str) -> Iterator[tuple[dict[str, Any], ServerThread]]:
    """Run ``source`` (a Quest program that mounts LiveViews) in-process and serve its
    app in a thread; yields (its top-level names, the server)."""
    std_web.STATE = None
    n = next(_apps)
    namespace = loader.new_namespace(f"<hostile-lv-{n}>")
    loader.run_code(loader.compile_source(source, f"<hostile-lv-{n}>").code, namespace)
    state = std_web.state()
    state.namespace = namespace
    state.app.settings.access_log = False
    server = start_in_thread(state.app)
    try:
        yield namespace, server
    finally:
        server.stop()
        std_web.STATE = None


class LiveRaw:
    """One ``/live`` socket: ``join``/``push`` wait for their reply and keep what
    arrives meanwhile for ``next``."""

    def __init__(
        self,
        port: int,
        page: Page,
        *,
        csrf: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        all_headers = {"Cookie": page.cookie} if page.cookie else {}
        all_headers.update(headers or {})
        token = page.csrf if csrf is None else csrf
        self.client = RawClient.connect(
            port, f"/live/websocket?_csrf_token={token}&vsn=2.0.0", headers=all_headers
        )
        self.page = page
        self.topic = "lv:" + page.view_id
        self.inbox: list[Any] = []
        self._refs = itertools.count(1)

    def next_ref(self) -> str:
        return str(next(self._refs))

    def send(self, join_ref: Any, ref: Any, topic: str, event: str, payload: Any) -> None:
        text = json.dumps([join_ref, ref, topic, event, payload])
        self.client.send(frame(0x1, text.encode()))

    def read(self) -> Any:
        """The next message (decoded); raises ConnectionError once the socket closed."""
        while True:
            event = self.client.next_event()
            if event is None or isinstance(event, CloseConnection):
                raise ConnectionError(f"the server closed the socket: {event!r}")
            if isinstance(event, TextMessage):
                return json.loads(event.data)

    def wait_reply(self, ref: str) -> dict:
        while True:
            message = self.read()
            if message[1] == ref and message[3] == "phx_reply":
                return message[4]
            self.inbox.append(message)

    def join(self, **overrides: Any) -> tuple[str, dict]:
        payload = {
            "url": self.page.url,
            "params": {"_csrf_token": self.page.csrf, "_mounts": 0, "_mount_attempts": 0},
            "session": self.page.session,
            "static": None,
            "sticky": False,
        }
        payload.update(overrides)
        ref = self.next_ref()
        self.send(ref, ref, self.topic, "phx_join", payload)
        return ref, self.wait_reply(ref)

    def push(self, join_ref: str, event: str, payload: Any) -> dict:
        ref = self.next_ref()
        self.send(join_ref, ref, self.topic, event, payload)
        return self.wait_reply(ref)

    def click(self, join_ref: str, name: str, **extra: Any) -> dict:
        return self.push(join_ref, "event", {"type": "click", "event": name, "value": {}, **extra})

    def next(self, event: str) -> Any:
        """The next pushed message named ``event`` (others are skipped)."""
        while True:
            message = self.inbox.pop(0) if self.inbox else self.read()
            if message[3] == event:
                return message

    def close(self) -> None:
        """A clean close (1000), waiting for the server's close frame, then TCP."""
        try:
            self.client.send(frame(0x8, b"\x03\xe8"))
            self.client.close_frame()
        except OSError:
            pass  # the server dropped TCP first: closed either way
        self.client.close()
