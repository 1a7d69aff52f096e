"""The LiveView protocol with the official client in Chromium (issue 8, points 2, 4, 7):
the page connects with no console error, events patch the DOM, a hook gets a pushed
event and its own push gets a reply, the title follows ``page_title``, patch links and
``push_navigate`` change view without a page load, and a crashed view remounts."""

from __future__ import annotations

import json

APP = "tests/e2e/apps/liveview_features.q"


def _open(browser, url: str):
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    frames: list[tuple[str, object]] = []

    def watch(ws) -> None:
        ws.on("framesent", lambda f: frames.append(("sent", json.loads(f))))
        ws.on("framereceived", lambda f: frames.append(("received", json.loads(f))))

    page.on("websocket", watch)
    page.goto(url)
    page.wait_for_selector("[data-phx-main].phx-connected", timeout=10_000)
    page.evaluate("window.__noReload = 1")
    return page, problems, frames


def _text(page, selector: str, text: str) -> None:
    page.wait_for_function(
        "([s, t]) => document.querySelector(s) && document.querySelector(s).textContent.trim() === t",
        arg=[selector, text],
        timeout=10_000,
    )


def test_events_hooks_title_and_live_navigation(browser, quest_server):
    server = quest_server(APP)
    page, problems, frames = _open(browser, server.url + "/first")
    try:
        page.click("#inc")
        _text(page, "h1", "First 1")
        page.wait_for_function("() => document.title === 'First 1'", timeout=10_000)
        # the click's reply carried the changed values only
        replies = [f for d, f in frames if d == "received" and f[3] == "phx_reply"]
        assert {"diff": {"0": "1", "t": "First 1"}} in [r[4]["response"] for r in replies]

        # the hook pushed "measured" on mount and got the reply; push_event reaches it
        page.wait_for_function("() => document.body.dataset.reply === 'width 640'", timeout=10_000)
        page.click("#greet")
        _text(page, "#hook", "hook got Ada")

        # a patch link: same view, new params, no page load
        page.click("#patch-link")
        _text(page, "#page", "page 2")
        assert page.url.endswith("/first?page=2")

        # push_navigate and a redirect link: another view, no page load
        page.click("#go-second")
        _text(page, "h1", "Second")
        assert page.url.endswith("/second")
        page.click("#first-link")
        _text(page, "h1", "First 0")
        page.click("#second-link")
        _text(page, "h1", "Second")
        page.go_back()
        _text(page, "h1", "First 0")
        assert page.evaluate("window.__noReload") == 1
        assert problems == []
    finally:
        page.close()


def test_a_crashed_view_remounts_and_works_again(browser, quest_server):
    server = quest_server(APP)
    page, problems, frames = _open(browser, server.url + "/first")
    try:
        page.click("#inc")
        _text(page, "h1", "First 1")
        page.click("#boom")
        # phx_error, then the client rejoins: a fresh mount (count back to 0)
        _text(page, "h1", "First 0")
        page.wait_for_selector("[data-phx-main].phx-connected", timeout=10_000)
        page.click("#inc")
        _text(page, "h1", "First 1")
        assert any(d == "received" and f[3] == "phx_error" for d, f in frames)
        joins = [f for d, f in frames if d == "sent" and f[3] == "phx_join"]
        assert len(joins) == 2 and joins[1][4]["params"]["_mounts"] == 1
        assert page.evaluate("window.__noReload") == 1
        # the client logs the crash itself; nothing else went wrong
        assert all("deliberate" not in p for p in problems)
        server.stop()
        assert "deliberate crash" in "".join(server.output)
    finally:
        page.close()


def test_forms_keys_and_focus_reach_the_handlers_decoded(browser, quest_server):
    server = quest_server(APP)
    page, problems, frames = _open(browser, server.url + "/inputs")
    try:
        page.type("#email", "ada@example.com")
        _text(page, "#target", "user/email")
        # phx-debounce="200": typing fast sends one change with the whole value
        changes = [
            f for d, f in frames if d == "sent" and f[3] == "event" and f[4]["type"] == "form"
        ]
        assert len(changes) <= 3, changes
        page.click("#save")
        _text(page, "#saved", "ada@example.com a,b")
        page.focus("#search")
        _text(page, "#focus", "entered")
        page.type("#search", "xy")
        page.keyboard.press("Enter")  # phx-key="Enter": only Enter is sent
        _text(page, "#key", "Enter:xy")
        keys = [f for d, f in frames if d == "sent" and f[3] == "event" and f[4]["type"] == "keyup"]
        assert len(keys) == 1
        page.click("#target")
        _text(page, "#focus", "left")
        assert page.evaluate("window.__noReload") == 1
        assert problems == []
    finally:
        page.close()
