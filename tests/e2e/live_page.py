"""A LiveView page in Chromium, watched the way the example tests need it.

:class:`LivePage` opens a page in its own browser context (its own cookies: one
person), records what would show that something went wrong — console errors, uncaught
page errors, a page reload — and every WebSocket frame, so a test can check what the
server sent (the LiveView diffs) after it has driven the page like a person would.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

#: Bounded waits for everything a test waits on (the machine is shared: generous).
TIMEOUT = 15_000


class LivePage:
    """One person's page on a LiveView (see the module docstring)."""

    def __init__(self, browser: Any) -> None:
        self.context = browser.new_context(viewport={"width": 900, "height": 700})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        #: (direction, text) of every WebSocket frame: "sent" or "received"
        self.frames: list[tuple[str, str]] = []
        self.page.on(
            "console",
            lambda msg: (
                self.errors.append(f"console: {msg.text} {msg.location}")
                if msg.type == "error"
                else None
            ),
        )
        self.page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        self.page.on("websocket", self._watch)

    def _watch(self, ws: Any) -> None:
        ws.on("framesent", lambda payload: self.frames.append(("sent", _text(payload))))
        ws.on("framereceived", lambda payload: self.frames.append(("received", _text(payload))))

    def open(self, url: str) -> None:
        """Load ``url``, wait until the LiveView has joined, and mark the window so a
        reload (which would drop the mark) shows in :meth:`check`."""
        self.page.goto(url)
        self.page.wait_for_selector("[data-phx-main].phx-connected", timeout=TIMEOUT)
        self.page.evaluate("window.__marker = 1")

    def wait_for(self, expression: str, arg: Any = None) -> None:
        """Wait (bounded) until the JavaScript function ``expression`` of ``arg`` is true."""
        self.page.wait_for_function(expression, arg=arg, timeout=TIMEOUT)

    def check(self) -> None:
        """No console error, no page error, no reload since :meth:`open`."""
        assert self.errors == [], self.errors
        assert self.page.evaluate("window.__marker") == 1, "the page was reloaded"

    def received(self, event: str | None = None) -> list[tuple[str, Any]]:
        """The Phoenix messages received, as (event, payload), optionally of one event."""
        out = []
        for direction, text in self.frames:
            if direction != "received" or not text.startswith("["):
                continue
            _join_ref, _ref, _topic, name, payload = json.loads(text)
            if event is None or name == event:
                out.append((name, payload))
        return out

    def diff_frames(self) -> list[str]:
        """The raw text of every received frame carrying a diff (a pushed ``diff`` or a
        reply with one)."""
        out = []
        for direction, text in self.frames:
            if direction != "received" or not text.startswith("["):
                continue
            _join_ref, _ref, _topic, name, payload = json.loads(text)
            if name == "diff" or (
                name == "phx_reply" and "diff" in (payload.get("response") or {})
            ):
                out.append(text)
        return out

    def screenshot(self, name: str, tmp_path: Path) -> Path:
        """A PNG of the page, in QUEST_E2E_SHOTS (to look at) or the test's tmp_path."""
        where = Path(os.environ.get("QUEST_E2E_SHOTS") or tmp_path)
        where.mkdir(parents=True, exist_ok=True)
        path = where / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 1000
        return path

    def close(self) -> None:
        self.context.close()


def _text(payload: Any) -> str:
    return payload if isinstance(payload, str) else payload.decode("utf-8", "replace")
