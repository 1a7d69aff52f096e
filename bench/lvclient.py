"""The LiveView load client: one browser tab per view, speaking the protocol as
``phoenix_live_view``'s client does (wire-protocol.md sections 2, 3.1, 6.2-6.6; section 7
is the byte-exact transcript these frames follow).

A view is set up as a tab sets it up:

1. ``GET`` the page with a cookie jar of its own; read the ``csrf-token`` meta tag and
   the container (``id``, ``data-phx-session``, ``data-phx-static``, ``""`` meaning
   ``null``);
2. open the socket at the endpoint the page's bootstrap script gives ``LiveSocket``
   (:func:`socket_endpoint`), with the connect params in the query exactly as the
   client puts them there (section 2.1's quirk included), the cookie and the page's
   ``Origin``;
3. ``phx_join`` ``lv:<id>`` with ``url``, ``params`` (``_csrf_token``, ``_mounts``,
   ``_mount_attempts``), ``session``, ``static`` and ``sticky``; refs come from one
   counter per socket, the join taking ``"4"`` and the first event ``"8"`` as in the
   transcript;
4. clicks: ``{"type":"click","event":"increment","value":{"value":""}}`` (a
   ``<button>``'s own value), each awaiting its ``phx_reply``. Every reply is checked:
   ``status`` ``ok``, the ref echoed, and the diff carrying the count one higher than
   the last (:func:`diff_counts`) — a benchmark that counted error replies would
   measure nothing;
5. heartbeats on topic ``phoenix`` every 30 s while the socket is open, their replies
   checked too.

The WebSocket library is ``websockets`` (its asyncio client, on uvloop): no
per-message deflate (a browser offers it; the servers would then compress every frame,
which is not what the LiveView comparison is about, and the size figures are of the
JSON messages), no client pings (browsers send none).
"""

from __future__ import annotations

import asyncio
import http.cookiejar
import json
import re
import time
import urllib.request
from html.parser import HTMLParser
from urllib.parse import quote, urljoin, urlsplit

from websockets.asyncio.client import connect

HEARTBEAT_SECONDS = 30.0
#: What the official client's bootstrap passes to ``new LiveSocket(endpoint, ...)``.
_LIVESOCKET = re.compile(r"""LiveSocket\(\s*["']([^"']+)["']""")
_compact = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode


class ProtocolError(Exception):
    """A server answered something the official client would not accept."""


class _PageParser(HTMLParser):
    """The dead render's facts a tab needs: the CSRF meta, the main container, scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.csrf: str | None = None
        self.view: dict[str, str | None] | None = None
        self.scripts: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and a.get("name") == "csrf-token":
            self.csrf = a.get("content")
        elif tag == "script" and a.get("src"):
            self.scripts.append(a["src"])
        elif "data-phx-session" in a and self.view is None:
            self.view = {
                "id": a.get("id"),
                "session": a["data-phx-session"],
                "static": a.get("data-phx-static") or None,
            }


class Page:
    """One dead render, fetched with its own cookie jar (one browser tab)."""

    def __init__(self, url: str) -> None:
        self.url = url
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        with opener.open(url, timeout=30) as response:
            if response.status != 200:
                raise ProtocolError(f"GET {url}: HTTP {response.status}")
            html = response.read().decode("utf-8")
        parser = _PageParser()
        parser.feed(html)
        if parser.csrf is None or parser.view is None or not parser.view["id"]:
            raise ProtocolError(f"GET {url}: no csrf-token meta or no data-phx-session container")
        self.csrf = parser.csrf
        self.view_id: str = parser.view["id"]
        self.session = parser.view["session"]
        self.static = parser.view["static"]
        self.scripts = [urljoin(url, src) for src in parser.scripts]
        self.cookie = "; ".join(f"{c.name}={c.value}" for c in jar)


def socket_endpoint(page: Page) -> str:
    """The path the page's bootstrap gives ``LiveSocket`` (pyview's bundle and ours both
    say ``new LiveSocket("/live", ...)``; the client appends ``/websocket``)."""
    for src in page.scripts:
        with urllib.request.urlopen(src, timeout=30) as response:
            found = _LIVESOCKET.search(response.read().decode("utf-8", "replace"))
        if found:
            return found.group(1)
    raise ProtocolError(f'no `new LiveSocket("..."` in the scripts of {page.url}: {page.scripts}')


def diff_counts(diff: object) -> list[str]:
    """The string leaves of a diff (the counter's diff has exactly one: the count)."""
    if isinstance(diff, str):
        return [diff]
    if isinstance(diff, dict):
        return [leaf for key, value in diff.items() if key != "s" for leaf in diff_counts(value)]
    if isinstance(diff, list):
        return [leaf for value in diff for leaf in diff_counts(value)]
    return []


class View:
    """A joined LiveView on its own socket, clicked in a closed loop."""

    def __init__(self, page: Page, endpoint: str) -> None:
        self.page = page
        self.endpoint = endpoint
        self.topic = f"lv:{page.view_id}"
        self.count = 0
        self._ref = 3
        self.join_ref = ""
        self.ws = None
        self._heartbeat: asyncio.Task | None = None
        self._heartbeat_ref: str | None = None
        self.last_reply = b""

    def _next_ref(self) -> str:
        self._ref += 1
        return str(self._ref)

    async def connect(self) -> None:
        """Open the view's socket (the upgrade, no join yet)."""
        parts = urlsplit(self.page.url)
        origin = f"{parts.scheme}://{parts.netloc}"
        ws_scheme = "wss" if parts.scheme == "https" else "ws"
        query = (
            f"_csrf_token={quote(self.page.csrf, safe='')}&_mounts=0&_mount_attempts=0"
            "&_live_referer=undefined&vsn=2.0.0"
        )
        uri = f"{ws_scheme}://{parts.netloc}{self.endpoint}/websocket?{query}"
        headers = {"Cookie": self.page.cookie} if self.page.cookie else None
        self.ws = await connect(
            uri,
            origin=origin,
            additional_headers=headers,
            compression=None,
            ping_interval=None,
            proxy=None,
            max_queue=None,
            user_agent_header=None,
        )

    async def join(self) -> dict:
        """``phx_join`` the view (connecting first if needed); its rendered."""
        if self.ws is None:
            await self.connect()
        self.join_ref = self._next_ref()
        payload = {
            "url": self.page.url,
            "params": {"_csrf_token": self.page.csrf, "_mounts": 0, "_mount_attempts": 0},
            "session": self.page.session,
            "static": self.page.static,
            "sticky": False,
        }
        await self.ws.send(
            _compact([self.join_ref, self.join_ref, self.topic, "phx_join", payload])
        )
        response = await self._reply(self.join_ref)
        if diff_counts(response.get("rendered")) != [str(self.count)]:
            raise ProtocolError(
                f"join of {self.topic}: not a render of count {self.count}: {response}"
            )
        self._ref = 7  # the official client's first event after the join is ref "8"
        self._heartbeat = asyncio.create_task(self._beat())
        return response["rendered"]

    async def click(self) -> float:
        """One ``increment`` click; the seconds until its checked reply."""
        ref = self._next_ref()
        frame = _compact(
            [
                self.join_ref,
                ref,
                self.topic,
                "event",
                {"type": "click", "event": "increment", "value": {"value": ""}},
            ]
        )
        started = time.perf_counter()
        await self.ws.send(frame)
        response = await self._reply(ref)
        took = time.perf_counter() - started
        self.count += 1
        leaves = diff_counts(response.get("diff"))
        if leaves != [str(self.count)]:
            raise ProtocolError(f"click {self.count} on {self.topic}: diff {response} ")
        return took

    async def _reply(self, ref: str) -> dict:
        """Read until the ``phx_reply`` to ``ref``; check it; its ``response``."""
        while True:
            raw = await self.ws.recv()
            message = json.loads(raw)
            if not (isinstance(message, list) and len(message) >= 5):
                raise ProtocolError(f"not a v2 frame: {raw!r}")
            _, reply_ref, topic, event, payload = message[:5]
            if topic == "phoenix" and reply_ref == self._heartbeat_ref:
                if payload.get("status") != "ok":
                    raise ProtocolError(f"heartbeat refused: {raw!r}")
                self._heartbeat_ref = None
                continue
            if event != "phx_reply" or reply_ref != ref or topic != self.topic:
                raise ProtocolError(f"expected the reply to {ref} on {self.topic}, got {raw!r}")
            if payload.get("status") != "ok":
                raise ProtocolError(f"error reply: {raw!r}")
            self.last_reply = raw.encode() if isinstance(raw, str) else raw
            return payload["response"]

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(HEARTBEAT_SECONDS)
            self._heartbeat_ref = self._next_ref()
            await self.ws.send(_compact([None, self._heartbeat_ref, "phoenix", "heartbeat", {}]))

    async def close(self) -> None:
        if self._heartbeat is not None:
            self._heartbeat.cancel()
        if self.ws is not None:
            await self.ws.close()


async def fetch_pages(url: str, count: int, parallel: int = 8) -> list[Page]:
    """``count`` dead renders (in worker threads: urllib blocks), one tab each."""
    loop = asyncio.get_running_loop()
    gate = asyncio.Semaphore(parallel)

    async def one() -> Page:
        async with gate:
            return await loop.run_in_executor(None, Page, url)

    return list(await asyncio.gather(*(one() for _ in range(count))))


async def each(views: list[View], step, parallel: int = 8) -> None:
    """Await ``step(view)`` for every view, ``parallel`` at a time."""
    gate = asyncio.Semaphore(parallel)

    async def one(view: View) -> None:
        async with gate:
            await step(view)

    await asyncio.gather(*(one(view) for view in views))


async def open_views(url: str, endpoint: str, count: int) -> list[View]:
    """``count`` tabs: each GETs the page, connects and joins."""
    views = [View(page, endpoint) for page in await fetch_pages(url, count)]
    await each(views, View.join)
    return views


async def click_loop(views: list[View], warmup: float, duration: float):
    """Every view clicks in a closed loop; (clicks in the window, their latencies)."""
    now = time.perf_counter
    start = now() + warmup
    end = start + duration
    latencies: list[float] = []

    async def run(view: View) -> None:
        while True:
            took = await view.click()
            done = now()
            if done >= end:
                return
            if done >= start:
                latencies.append(took)

    await asyncio.gather(*(run(view) for view in views))
    return len(latencies), latencies
