"""examples/dashboard (QEP-054 blocks 17 and 14) in Chromium: the dashboards refresh by
themselves on lv.schedule (the page's "Last updated" and metrics change without a
click), a person dismisses an alert on one page and it is gone on a second open page
after that page's next refresh, and the metrics page refreshes on its own timer."""

from __future__ import annotations

from .live_page import LivePage, screenshot

UPDATED = "p.updated"


def _wait_for_refresh(live: LivePage) -> str:
    """Wait until the page's "Last updated" line changes; returns the new line."""
    before = live.text(UPDATED)
    live.wait_for(
        "([s, t]) => document.querySelector(s).textContent.trim() !== t", [UPDATED, before]
    )
    return live.text(UPDATED)


def _alert_titles(live: LivePage) -> list[str]:
    return live.page.eval_on_selector_all(
        ".alert strong", "es => es.map(e => e.textContent.trim())"
    )


def test_dashboards_refresh_and_alerts_dismiss(browser, quest_server, tmp_path):
    server = quest_server("examples/dashboard/app.q")
    ops = LivePage(browser.new_page())
    wall = LivePage(browser.new_page())
    try:
        ops.open(server.url + "/")  # redirects to /dashboard
        assert ops.page.url.endswith("/dashboard")
        wall.open(server.url + "/dashboard")
        assert "Disk almost full" in _alert_titles(ops)
        assert "Disk almost full" in _alert_titles(wall)

        # no click: the 2-second lv.schedule refresh shows up by itself
        _wait_for_refresh(ops)
        pushes = [diff for diff, _ in ops.diffs()]
        assert pushes, "the refresh sent no diff"

        ops.page.click("#alert-a1 button")
        ops.page.wait_for_selector("#alert-a1", state="detached", timeout=15_000)
        # a refresh after the dismissal does not bring it back ...
        _wait_for_refresh(ops)
        assert "Disk almost full" not in _alert_titles(ops)
        # ... and the other page drops it on its own next refresh
        wall.page.wait_for_selector("#alert-a1", state="detached", timeout=15_000)
        assert "Backup failed" in _alert_titles(wall)

        # a refresh re-sends the changed numbers, not the page
        sizes = [size for _, size in ops.diffs()]
        assert min(sizes) * 3 < ops.join_size(), (sizes, ops.join_size())
        ops.check()
        wall.check()
        screenshot(ops.page, "dashboard", tmp_path)

        # block 14's page, through the layout's navigation link (a page load)
        ops.page.click("nav a[href='/metrics']")
        ops.page.wait_for_url("**/metrics", timeout=15_000)
        metrics = LivePage(ops.page)
        metrics.page.wait_for_selector("[data-phx-main].phx-connected", timeout=15_000)
        metrics.page.evaluate("window.__marker = 1")
        names = metrics.page.eval_on_selector_all(
            ".metric h3", "es => es.map(e => e.textContent.trim())"
        )
        assert names == ["CPU %", "Memory %", "Requests/sec", "Active users"]
        _wait_for_refresh(metrics)  # every 5 seconds
        trends = metrics.page.eval_on_selector_all(".trend", "es => es.map(e => e.className)")
        assert all(t in ("trend up", "trend down", "trend flat") for t in trends), trends
        metrics.check()
        screenshot(metrics.page, "dashboard-metrics", tmp_path)
    finally:
        ops.page.close()
        wall.page.close()
    assert server.stop() == 0
