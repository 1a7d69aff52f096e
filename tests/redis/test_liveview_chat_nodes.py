"""examples/liveview_chat on two ``quest serve`` nodes sharing one private Redis
(issue 11), in Chromium: one person's page on each node; what one sends appears on
the other's page. The app is the example as it is — it never calls
``pubsub.configure``: ``QUEST_PUBSUB_URL`` puts its PubSub on Redis (docs/scaling.md),
so the LiveView's ``pubsub.subscribe``/``pubsub.broadcast`` cross nodes."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.live_page import LivePage, screenshot

APP = Path(__file__).resolve().parents[2] / "examples" / "liveview_chat" / "app.q"
MESSAGES = (
    "[...document.querySelectorAll('.messages .message')]"
    ".map(m => m.textContent.trim().replace(/\\s+/g, ' '))"
)


def _say(person: LivePage, text: str) -> None:
    person.page.fill("input[name=message]", text)
    person.page.press("input[name=message]", "Enter")


def _wait_for_message(person: LivePage, line: str) -> None:
    person.wait_for(f"line => {MESSAGES}.includes(line)", line)


def test_a_message_sent_on_one_node_appears_on_the_other(nodes, browser, tmp_path):
    a, b = nodes(APP.read_text(encoding="utf-8"), 2)
    alice, bob = (
        LivePage(browser.new_context().new_page()),
        LivePage(browser.new_context().new_page()),
    )
    try:
        alice.open(f"http://127.0.0.1:{a.port}/chat/cluster?name=alice")
        bob.open(f"http://127.0.0.1:{b.port}/chat/cluster?name=bob")
        # each page's LiveView socket is on its own node
        a.wait_for(r'"GET /live/websocket" 101')
        b.wait_for(r'"GET /live/websocket" 101')

        _say(alice, "hello from node A")
        _wait_for_message(bob, "alice: hello from node A")
        _wait_for_message(alice, "alice: hello from node A")  # once, on her own node
        _say(bob, "and back from node B")
        _wait_for_message(alice, "bob: and back from node B")
        _wait_for_message(bob, "bob: and back from node B")
        assert (
            alice.page.evaluate(MESSAGES)
            == bob.page.evaluate(MESSAGES)
            == [
                "alice: hello from node A",
                "bob: and back from node B",
            ]
        )

        # a broadcast from B reached A's view as a diff pushed on A's socket
        pushed = [
            m for m in alice.messages() if m[3] == "diff" and "and back from node B" in str(m[4])
        ]
        assert pushed, alice.frames

        alice.check()
        bob.check()
        print(f"screenshot: {screenshot(alice.page, 'liveview_chat_nodes', tmp_path)}")
    finally:
        alice.page.context.close()
        bob.page.context.close()
    assert a.stop() == 0
    assert b.stop() == 0
