"""The QEP's simple chat server (examples/chat) in a real browser: two pages chat.

Issue 3, item 5: the page is the QEP's ``chat.html`` served by ``html.render``, the
server is the QEP's Quest code run by ``quest serve``, and Chromium's own WebSocket
client talks to it.
"""

from __future__ import annotations


def _say(page, text: str) -> None:
    page.fill("#input", text)
    page.press("#input", "Enter")


def _wait_for_line(page, text: str) -> None:
    page.wait_for_function(
        "t => [...document.querySelectorAll('#messages p')].some(p => p.textContent === t)",
        arg=text, timeout=10_000)


def test_two_browser_pages_chat_with_each_other(browser, quest_server):
    server = quest_server("examples/chat/app.q")
    alice, bob = browser.new_page(), browser.new_page()
    try:
        alice.goto(server.url + "/")
        _wait_for_line(alice, "Enter your username:")
        _say(alice, "alice")
        _wait_for_line(alice, "Welcome, alice!")

        bob.goto(server.url + "/")
        _wait_for_line(bob, "Enter your username:")
        _say(bob, "bob")
        _wait_for_line(bob, "Welcome, bob!")
        _wait_for_line(alice, "[bob joined]")

        _say(alice, "hi bob <b>not bold</b>")
        _wait_for_line(bob, "alice: hi bob <b>not bold</b>")
        _say(bob, "hello alice")
        _wait_for_line(alice, "bob: hello alice")

        bob.close()
        _wait_for_line(alice, "[bob left]")
    finally:
        alice.close()
    assert server.stop() == 0
    log = "".join(server.output)
    assert '"GET /" 200' in log
