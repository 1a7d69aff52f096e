"""examples/liveview_chat in Chromium (issue 8, point 9): the QEP's ChatView (block 15)
on the official LiveView client. Two people in the same room: what one sends appears
on both pages through pubsub.broadcast, the box empties after sending, HTML typed in a
message stays text, and the diff for a new message carries the message, not the page.
"""

from __future__ import annotations

import json

from tests.e2e.live_page import LivePage, screenshot

MESSAGES = "[...document.querySelectorAll('.messages .message')].map(m => m.textContent.trim().replace(/\\s+/g, ' '))"


def _person(browser) -> LivePage:
    """A page in its own browser context: one person, with their own cookies."""
    context = browser.new_context(viewport={"width": 900, "height": 700})
    return LivePage(context.new_page())


def _dumps(diff) -> str:
    return json.dumps(diff, separators=(",", ":"), ensure_ascii=False)


def _say(person: LivePage, text: str) -> None:
    person.page.fill("input[name=message]", text)
    person.page.press("input[name=message]", "Enter")


def _wait_for_message(person: LivePage, line: str) -> None:
    person.wait_for(f"line => {MESSAGES}.includes(line)", line)


def test_two_people_chat_in_a_room(browser, quest_server, tmp_path):
    server = quest_server("examples/liveview_chat/app.q")
    alice, bob = _person(browser), _person(browser)
    try:
        # / sends a person to the lobby
        alice.page.goto(server.url + "/")
        assert alice.page.url == server.url + "/chat/lobby"
        alice.open(server.url + "/chat/lobby?name=alice")
        bob.open(server.url + "/chat/lobby?name=bob")
        assert alice.page.title() == "#lobby · Quest chat"
        assert alice.page.text_content(".me") == "you are alice"
        assert bob.page.is_visible("text=No messages yet")

        _say(alice, "hello bob")
        _wait_for_message(bob, "alice: hello bob")
        _wait_for_message(alice, "alice: hello bob")
        bob.wait_for("() => !document.querySelector('.empty')")
        # the box is empty again once the message went (the server assigned "")
        alice.wait_for("() => document.querySelector('input[name=message]').value === ''")

        _say(bob, "hi alice <b>not bold</b>")
        _wait_for_message(alice, "bob: hi alice <b>not bold</b>")
        _wait_for_message(bob, "bob: hi alice <b>not bold</b>")
        assert alice.page.eval_on_selector_all(".messages b", "els => els.length") == 0

        # pressing Enter on an empty box sends nothing
        _say(alice, "   ")
        _say(alice, "third")
        _wait_for_message(bob, "alice: third")
        assert bob.page.evaluate(f"{MESSAGES}.length") == 3

        # someone arriving later sees the room's history
        carol = _person(browser)
        try:
            carol.open(server.url + "/chat/lobby?name=carol")
            assert carol.page.evaluate(MESSAGES) == [
                "alice: hello bob",
                "bob: hi alice <b>not bold</b>",
                "alice: third",
            ]
            carol.check()
        finally:
            carol.page.context.close()

        # bob's page got alice's third message as a small diff: the new item of the
        # loop, not the page (its statics were sent once, with the join)
        third = [(d, size) for d, size in bob.diffs() if "third" in _dumps(d)]
        assert third, bob.frames
        assert all(size < 120 for _, size in third), third
        assert not any("Write a message" in _dumps(d) for d, _ in third)

        alice.check()
        bob.check()
        shot = screenshot(bob.page, "liveview_chat", tmp_path)
        print(f"screenshot: {shot}")
    finally:
        alice.page.context.close()
        bob.page.context.close()
    assert server.stop() == 0
