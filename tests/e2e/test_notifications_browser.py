"""examples/notifications (QEP-054 block 19) in Chromium, two people on two pages:
alice sends bob a notification from her page's form; bob's bell shows an unread badge
at once (a PubSub broadcast reaching his page's NotificationComponent, no action on
his page), he opens the dropdown, sees it, marks it read and the badge goes."""

from __future__ import annotations

from .live_page import TIMEOUT, LivePage, screenshot


def _send(live: LivePage, to: str, text: str) -> None:
    live.page.select_option("#to", to)
    message = live.page.locator("input[name=message]")
    message.click()
    message.press_sequentially(text, delay=10)
    message.press("Enter")


def test_a_notification_reaches_the_other_page(browser, quest_server, tmp_path):
    server = quest_server("examples/notifications/app.q")
    alice = LivePage(browser.new_page())
    bob = LivePage(browser.new_page())
    try:
        alice.open(server.url + "/")  # redirects to alice's page
        assert alice.page.url.endswith("/notifications?user=alice")
        bob.open(server.url + "/notifications?user=bob")
        assert bob.text(".me") == "Signed in as bob"
        assert bob.page.title() == "Notifications · bob"
        assert bob.page.query_selector(".badge") is None  # only a read welcome note

        _send(alice, "bob", "Lunch at noon?")
        alice.wait_for_text("#status", "Sent to bob.")
        assert alice.page.input_value("input[name=message]") == ""  # a fresh input
        bob.wait_for_text(".badge", "1")  # nothing done on bob's page: the broadcast
        assert bob.page.is_hidden(".notification-dropdown")

        _send(alice, "bob", "Bring the slides")
        bob.wait_for_text(".badge", "2")
        assert alice.page.query_selector(".badge") is None  # alice's own bell is quiet

        bob.page.click(".notification-bell")
        bob.page.wait_for_selector(".notification-dropdown", state="visible", timeout=TIMEOUT)
        texts = bob.page.eval_on_selector_all(
            ".notification p", "es => es.map(e => e.textContent.trim())"
        )
        assert texts[:2] == ["alice: Bring the slides", "alice: Lunch at noon?"], texts
        assert texts[2].startswith("Welcome, bob!")
        unread = bob.page.eval_on_selector_all(".notification.unread", "es => es.length")
        assert unread == 2
        screenshot(bob.page, "notifications-open", tmp_path)

        bob.page.click(".notification.unread:has-text('Lunch at noon?') button")
        bob.wait_for_text(".badge", "1")
        bob.page.click(".notification.unread:has-text('Bring the slides') button")
        bob.page.wait_for_selector(".badge", state="detached", timeout=TIMEOUT)
        assert bob.page.eval_on_selector_all(".notification.unread", "es => es.length") == 0

        # an empty message is refused on alice's page, nothing reaches bob
        alice.page.locator("input[name=message]").press("Enter")
        alice.wait_for_text("#status", "Write a message first.")

        # the broadcast reached bob as a component diff: his badge and the new item only
        pushes = [(d, n) for d, n in bob.diffs() if "c" in d]
        assert pushes, bob.diffs()
        assert min(n for _, n in pushes) * 3 < bob.join_size(), (pushes, bob.join_size())
        alice.check()
        bob.check()

        bob.page.click(".notification-bell")  # closes the dropdown
        bob.page.wait_for_selector(".notification-dropdown", state="hidden", timeout=TIMEOUT)
    finally:
        alice.page.close()
        bob.page.close()
    assert server.stop() == 0
