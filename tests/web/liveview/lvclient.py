"""A LiveView client for the engine tests: the page's GET, then the socket and join as
the official client does them (wire-protocol.md §6.2–6.3, §7), on :class:`Phx`."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any

import trio

from tests.web.channels.phx import Phx


@dataclass
class Page:
    status: int
    html: str
    cookie: str
    csrf: str
    view_id: str
    session: str
    url: str


def get_page(port: int, path: str, cookie: str = "") -> Page:
    url = f"http://127.0.0.1:{port}{path}"
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as r:
            status, html, set_cookie = r.status, r.read().decode(), r.headers.get("Set-Cookie")
    except urllib.error.HTTPError as exc:
        return Page(exc.code, exc.read().decode(), "", "", "", "", url)
    if set_cookie:
        cookie = set_cookie.split(";")[0]

    def find(pattern: str) -> str:
        m = re.search(pattern, html)
        return m.group(1) if m else ""

    return Page(
        status,
        html,
        cookie,
        find(r'<meta name="csrf-token" content="([^"]+)"'),
        find(r'<div id="(phx-[^"]+)" data-phx-main'),
        find(r'data-phx-session="([^"]+)"'),
        url,
    )


class LiveClient:
    """One socket to ``/live`` and the views joined on it."""

    def __init__(self, phx: Phx) -> None:
        self.phx = phx

    @classmethod
    async def connect(
        cls, nursery: trio.Nursery, port: int, page: Page, *, csrf: str | None = None, headers=None
    ) -> LiveClient:
        token = page.csrf if csrf is None else csrf
        all_headers = {"Cookie": page.cookie} if page.cookie else {}
        all_headers.update(headers or {})
        phx = await Phx.connect(
            nursery, port, "/live", query=f"_csrf_token={token}", headers=all_headers
        )
        return cls(phx)

    async def join(self, page: Page, **overrides: Any) -> tuple[str, dict]:
        payload = {
            "url": page.url,
            "params": {"_csrf_token": page.csrf, "_mounts": 0, "_mount_attempts": 0},
            "session": page.session,
            "static": None,
            "sticky": False,
        }
        payload.update(overrides)
        topic = overrides.pop("topic", None) or "lv:" + page.view_id
        payload.pop("topic", None)
        return await self.phx.join(topic, payload)

    async def event(
        self, join_ref: str, topic: str, event: str, value: Any = None, **extra: Any
    ) -> dict:
        payload = {
            "type": extra.pop("type", "click"),
            "event": event,
            "value": value or {"value": ""},
        }
        payload.update(extra)
        return await self.phx.push(join_ref, topic, "event", payload)

    async def close(self) -> None:
        await self.phx.ws.aclose()
