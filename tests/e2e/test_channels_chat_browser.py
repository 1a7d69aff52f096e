"""examples/channels_chat in Chromium (issue 7, point 7): two pages use the vendored
official phoenix bundle, served by the app at /assets/phoenix.min.js, to join the
QEP's room channel; messages go both ways, typing shows on the other page only, and
the online list (phoenix.js Presence) updates when a page closes."""

from __future__ import annotations


def _join(page, url: str, name: str) -> None:
    page.goto(url + "/")
    page.fill("#name", name)
    page.press("#name", "Enter")
    page.wait_for_selector("#say:not([hidden])", timeout=10_000)


def _say(page, text: str) -> None:
    page.fill("#input", text)
    page.press("#input", "Enter")


def _wait_for_line(page, text: str) -> None:
    page.wait_for_function(
        "t => [...document.querySelectorAll('#messages p')].some(p => p.textContent === t)",
        arg=text,
        timeout=10_000,
    )


def _wait_for_online(page, names: list[str]) -> None:
    page.wait_for_function(
        "want => JSON.stringify([...document.querySelectorAll('#online li')]"
        ".map(li => li.textContent).sort()) === JSON.stringify(want)",
        arg=sorted(names),
        timeout=10_000,
    )


def test_two_pages_chat_on_a_channel_with_presence(browser, quest_server):
    server = quest_server("examples/channels_chat/app.q")
    alice, bob = browser.new_page(), browser.new_page()
    try:
        _join(alice, server.url, "alice")
        _wait_for_online(alice, ["alice"])
        _join(bob, server.url, "bob")
        _wait_for_line(alice, "[bob joined]")
        _wait_for_online(alice, ["alice", "bob"])
        _wait_for_online(bob, ["alice", "bob"])

        _say(alice, "hi bob <b>not bold</b>")
        _wait_for_line(bob, "alice: hi bob <b>not bold</b>")
        _say(bob, "hello alice")
        _wait_for_line(alice, "bob: hello alice")
        _wait_for_line(bob, "bob: hello alice")

        bob.fill("#input", "typing…")  # an input event: bob pushes "typing"
        alice.wait_for_function(
            "() => document.getElementById('typing').textContent === 'bob is typing…'",
            timeout=10_000,
        )
        # bob's next message comes back to him after any typing broadcast would have:
        # one connection, in order
        _say(bob, "done typing")
        _wait_for_line(bob, "bob: done typing")
        assert "bob" not in bob.evaluate("window.typingFrom")
        assert "alice" in bob.evaluate("window.typingFrom")

        bob.close()
        _wait_for_online(alice, ["alice"])
    finally:
        alice.close()
    assert server.stop() == 0
    log = "".join(server.output)
    assert '"GET /assets/phoenix.min.js" 200' in log
