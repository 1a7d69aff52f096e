"""examples/counter (QEP-054 block 12) in Chromium: a person clicks +, - and Reset and
sees the count follow, on the official LiveView client, without a reload; each click
sends back only the new count."""

from __future__ import annotations

from .live_page import LivePage, screenshot


def test_clicking_the_counter_buttons(browser, quest_server, tmp_path):
    server = quest_server("examples/counter/app.q")
    live = LivePage(browser.new_page())
    try:
        live.open(server.url + "/")  # redirects to /counter
        assert live.page.url.endswith("/counter")
        assert live.page.title() == "Counter"
        assert live.text("h1") == "Count: 0"

        for expected in (1, 2, 3):
            live.page.click("button:has-text('+')")
            live.wait_for_text("h1", f"Count: {expected}")
        live.page.click("button:has-text('-')")
        live.wait_for_text("h1", "Count: 2")
        live.page.click("text=Reset")
        live.wait_for_text("h1", "Count: 0")
        live.page.click("button:has-text('-')")
        live.wait_for_text("h1", "Count: -1")

        diffs = live.diffs()
        assert len(diffs) == 6, diffs  # one per click
        # a click re-renders the count only: the diff is that one value
        assert diffs[0][0] == {"0": "1"}, diffs[0]
        assert all(size < 20 for _, size in diffs), diffs
        assert live.join_size() > 10 * max(size for _, size in diffs)
        live.check()
        screenshot(live.page, "counter", tmp_path)
    finally:
        live.page.close()
    assert server.stop() == 0
