"""A LiveView page in Chromium, watched the way the example tests need.

:class:`LivePage` opens a page of a ``quest serve`` app, waits until the official
client has joined (``.phx-connected`` on the ``[data-phx-main]`` container) and marks
the window (``window.__marker``), so :meth:`LivePage.check` can tell that nothing
reloaded the page since. It records, from the moment the page opens:

- console messages of type ``error``, uncaught page errors (``pageerror``) and HTTP
  responses of status 400 or more (with their URL), which :meth:`check` requires to be
  empty;
- every WebSocket frame the page receives, decoded as Phoenix V2 messages
  (``[join_ref, ref, topic, event, payload]``), from which :meth:`diffs` picks the
  LiveView diffs: ``diff`` pushes (a timer, a broadcast) and the ``diff`` of the
  replies to the page's own events.

Waits are Playwright's own (``wait_for_function`` / ``wait_for_selector``), always
with a timeout; nothing sleeps.
"""

from __future__ import annotations

import json
from typing import Any

#: How long any wait for the page may take (ms): generous, the machine is shared.
TIMEOUT = 15_000

CONNECTED = "[data-phx-main].phx-connected"


class LivePage:
    """One browser page on a LiveView (see the module docstring)."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.errors: list[str] = []
        self.frames: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        page.on("websocket", self._websocket)
        page.on("response", self._response)

    def _console(self, msg: Any) -> None:
        if msg.type == "error":
            self.errors.append(f"console: {msg.text}")

    def _response(self, response: Any) -> None:
        if response.status >= 400:
            self.errors.append(f"HTTP {response.status}: {response.url}")

    def _websocket(self, ws: Any) -> None:
        if "/live/websocket" in ws.url:
            ws.on("framereceived", self._frame)

    def _frame(self, payload: Any) -> None:
        if isinstance(payload, str):
            self.frames.append(payload)

    def open(self, url: str) -> LivePage:
        """Load ``url``, wait for the LiveView to connect, then mark the window."""
        self.page.goto(url)
        self.page.wait_for_selector(CONNECTED, timeout=TIMEOUT)
        self.page.evaluate("window.__marker = 1")
        return self

    def wait_for(self, script: str, arg: Any = None) -> None:
        """Wait until the JavaScript function ``script`` (given ``arg``) is truthy."""
        self.page.wait_for_function(script, arg=arg, timeout=TIMEOUT)

    def wait_for_text(self, selector: str, text: str) -> None:
        """Wait until the element ``selector`` has exactly ``text`` (trimmed)."""
        self.wait_for(
            "([s, t]) => { const e = document.querySelector(s);"
            " return e !== null && e.textContent.trim() === t; }",
            [selector, text],
        )

    def text(self, selector: str) -> str:
        return self.page.inner_text(selector).strip()

    def messages(self) -> list[list[Any]]:
        """The Phoenix messages received so far (frames that decode as V2 arrays)."""
        out = []
        for frame in self.frames:
            try:
                msg = json.loads(frame)
            except ValueError:
                continue
            if isinstance(msg, list) and len(msg) == 5:
                out.append(msg)
        return out

    def diffs(self) -> list[tuple[dict[str, Any], int]]:
        """(diff, size in bytes of its JSON) for every LiveView diff received after
        the join: pushes and event replies."""
        out = []
        for _join_ref, _ref, topic, event, payload in self.messages():
            if not str(topic).startswith("lv:") or not isinstance(payload, dict):
                continue
            diff = None
            if event == "diff":
                diff = payload
            elif event == "phx_reply":
                response = payload.get("response")
                if isinstance(response, dict) and isinstance(response.get("diff"), dict):
                    diff = response["diff"]
            if diff:
                out.append((diff, len(json.dumps(diff, separators=(",", ":")))))
        return out

    def join_size(self) -> int:
        """Bytes of the join reply's ``rendered`` (the whole view), for comparison."""
        for _join_ref, _ref, topic, event, payload in self.messages():
            if event == "phx_reply" and str(topic).startswith("lv:"):
                response = payload.get("response") if isinstance(payload, dict) else None
                if isinstance(response, dict) and "rendered" in response:
                    return len(json.dumps(response["rendered"], separators=(",", ":")))
        raise AssertionError("no LiveView join reply was received")

    def check(self) -> None:
        """No console error, no page error, and the page never reloaded."""
        assert self.errors == [], self.errors
        assert self.page.evaluate("window.__marker") == 1, "the page reloaded"


def screenshot(page: Any, name: str, tmp_path: Any) -> str:
    """Save a screenshot of ``page`` as ``name``.png, in $QUEST_E2E_SCREENSHOTS when
    set (to look at after the run), else in the test's tmp_path; returns the path."""
    import os
    from pathlib import Path

    where = Path(os.environ.get("QUEST_E2E_SCREENSHOTS") or tmp_path)
    where.mkdir(parents=True, exist_ok=True)
    path = where / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return str(path)
