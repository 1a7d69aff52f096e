"""examples/product_browser in Chromium (issue 8, point 9): the QEP's SearchComponent
(block 16) as a live component inside ProductBrowserView. A person types a query, the
component lists the matches, a click on one reaches the component (the client sends
its cid: the server added phx-target) and the component tells the parent view with
lv.send, which shows the product.
"""

from __future__ import annotations

import json

from tests.e2e.live_page import LivePage, screenshot

RESULTS = "[...document.querySelectorAll('.results li')].map(li => li.textContent.trim())"


def _results(person: LivePage, titles: list[str]) -> None:
    person.wait_for(f"want => JSON.stringify({RESULTS}) === JSON.stringify(want)", titles)


def _record_sent(page) -> list[dict]:
    """The LiveView events the page sends (filled in as it sends them)."""
    sent: list[dict] = []

    def frame(payload) -> None:
        if isinstance(payload, str) and payload.startswith("["):
            _join_ref, _ref, _topic, event, body = json.loads(payload)
            if event == "event":
                sent.append(body)

    page.on("websocket", lambda ws: ws.on("framesent", frame))
    return sent


def test_search_pick_and_see_a_product(browser, quest_server, tmp_path):
    server = quest_server("examples/product_browser/app.q")
    context = browser.new_context(viewport={"width": 900, "height": 700})
    person = LivePage(context.new_page())
    sent = _record_sent(person.page)
    try:
        person.page.goto(server.url + "/")
        assert person.page.url == server.url + "/products"
        person.open(server.url + "/products")
        assert person.page.title() == "Product Browser"
        assert person.page.is_visible("text=Search, then pick a product")

        box = "input[name=value]"
        person.page.click(box)
        person.page.type(box, "lamp", delay=40)
        _results(person, ["Desk lamp", "Floor lamp", "Lamp shade"])

        # nothing matches: the component says so; then back to a match
        person.page.fill(box, "sofa")
        person.wait_for("() => document.querySelector('.none')?.textContent.includes('sofa')")
        _results(person, [])
        person.page.fill(box, "desk")
        _results(person, ["Desk lamp", "Oak desk", "Desk chair", "Desk mat"])

        person.page.click(".results li:has-text('Oak desk')")
        person.wait_for("() => document.querySelector('.details h2')?.textContent === 'Oak desk'")
        assert person.page.text_content(".details .price") == "$349.00"
        assert "cable tray" in person.page.text_content(".details")
        assert not person.page.is_visible(".hint")

        # Enter in the box searches (phx-submit) rather than loading another page
        person.page.fill(box, "clock")
        person.page.press(box, "Enter")
        _results(person, ["Wall clock"])
        person.page.click(".results li")
        person.wait_for("() => document.querySelector('.details h2')?.textContent === 'Wall clock'")
        # the search component kept its own state: the query is still in the box
        assert person.page.input_value(box) == "clock"

        # every event from inside the component went to it, by cid
        events = sent
        assert {e["event"] for e in events} == {"search", "select"}
        assert all(type(e.get("cid")) is int for e in events), events
        picks = [e for e in events if e["event"] == "select"]
        assert [p["value"]["id"] for p in picks] == ["4", "8"]

        # choosing a product sent only the details' values: no list, no search box
        wall = [
            (d, size)
            for d, size in person.diffs()
            if "Wall clock" in json.dumps(d) and "silent sweep" in json.dumps(d)
        ]
        assert wall, person.frames
        assert all(size < 400 for _, size in wall), wall
        assert not any("Search..." in json.dumps(d) for d, _ in wall)

        person.check()
        shot = screenshot(person.page, "product_browser", tmp_path)
        print(f"screenshot: {shot}")
    finally:
        context.close()
    assert server.stop() == 0
