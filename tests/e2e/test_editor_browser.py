"""examples/editor in Chromium (issue 8, point 9): the QEP's collaborative EditorView
(block 18). Two people open the same document: each sees the other arrive and leave,
what the other types appears in their own textarea (even while it has the focus, with
their caret kept in place), and the other's caret is drawn where it is.
"""

from __future__ import annotations

import json

from tests.e2e.live_page import LivePage, screenshot

VALUE = "() => document.getElementById('editor').value"
USERS = "[...document.querySelectorAll('.users .user')].map(u => u.textContent.trim()).sort()"


def _person(browser) -> LivePage:
    """A page in its own browser context: one person, with their own cookies."""
    context = browser.new_context(viewport={"width": 900, "height": 700})
    return LivePage(context.new_page())


def _dumps(diff) -> str:
    return json.dumps(diff, separators=(",", ":"), ensure_ascii=False)


def _value(person: LivePage, text: str) -> None:
    person.wait_for(f"t => ({VALUE})() === t", text)


def _users(person: LivePage, names: list[str]) -> None:
    person.wait_for(f"want => JSON.stringify({USERS}) === JSON.stringify(want)", sorted(names))


def _caret_of(person: LivePage, user: str, pos: int) -> None:
    """``user``'s caret is drawn at ``pos``, inside the textarea."""
    person.wait_for(
        "([user, pos]) => { const c = document.querySelector("
        "`.remote-caret[data-user='${user}']`); return c && c.dataset.pos === String(pos)"
        " && !c.hidden && c.offsetHeight > 0 }",
        [user, pos],
    )


def _caret_box(person: LivePage, user: str) -> dict:
    return person.page.evaluate(
        "user => { const c = document.querySelector(`.remote-caret[data-user='${user}']`);"
        " return {top: c.offsetTop, left: c.offsetLeft} }",
        user,
    )


def test_two_people_edit_one_document(browser, quest_server, tmp_path):
    server = quest_server("examples/editor/app.q")
    alice, bob = _person(browser), _person(browser)
    try:
        alice.page.goto(server.url + "/")
        assert alice.page.url == server.url + "/editor/welcome"
        assert "Welcome to the Quest editor." in alice.page.input_value("#editor")

        doc = server.url + "/editor/plans"
        alice.open(doc + "?name=alice")
        assert alice.page.title() == "Document plans"
        _users(alice, ["alice"])
        bob.open(doc + "?name=bob")
        _users(bob, ["alice", "bob"])  # bob learns who was there
        _users(alice, ["alice", "bob"])  # alice sees bob arrive

        # alice types; bob's textarea follows and shows her caret at its end
        alice.page.click("#editor")
        alice.page.keyboard.type("Hello from alice")
        _value(bob, "Hello from alice")
        _caret_of(bob, "alice", 16)

        # bob types on a new line, his textarea focused; alice has the focus in hers
        # too and gets the text anyway (the hook), her caret staying where it was
        bob.page.click("#editor")
        bob.page.keyboard.press("Control+End")
        bob.page.keyboard.type("\nand bob")
        _value(alice, "Hello from alice\nand bob")
        assert alice.page.evaluate("document.activeElement.id") == "editor"
        assert alice.page.evaluate("document.getElementById('editor').selectionStart") == 16
        _caret_of(alice, "bob", 24)
        # bob's caret is drawn one line below alice's own position
        below = _caret_box(alice, "bob")
        _caret_of(bob, "alice", 16)
        above = _caret_box(bob, "alice")
        assert below["top"] > above["top"], (below, above)

        # alice inserts at the start: bob's caret moves along with his text
        alice.page.keyboard.press("Control+Home")
        _caret_of(bob, "alice", 0)
        alice.page.keyboard.type("# ")
        _value(bob, "# Hello from alice\nand bob")
        assert bob.page.evaluate("document.getElementById('editor').selectionStart") == 26
        _caret_of(bob, "alice", 2)
        # ... and alice sees it there too (bob's page reported where his caret went)
        _caret_of(alice, "bob", 26)
        colors = alice.page.eval_on_selector_all(".users .user", "us => us.map(u => u.style.color)")
        assert len(set(colors)) == 2, colors

        # a caret move costs a few bytes, not the document
        # (alice's Control+Home above: her caret's data-pos became "0", nothing else)
        moves = [
            (d, n) for d, n in bob.diffs() if "Hello" not in _dumps(d) and '{"1":"0"}' in _dumps(d)
        ]
        assert moves, bob.frames
        assert all(size < 60 for _, size in moves), moves

        # the server kept the text: a third person opening it later gets it
        carol = _person(browser)
        try:
            carol.open(doc + "?name=carol")
            assert carol.page.input_value("#editor") == "# Hello from alice\nand bob"
            _users(carol, ["alice", "bob", "carol"])
            _users(alice, ["alice", "bob", "carol"])
            carol.check()
        finally:
            carol.page.context.close()
        _users(alice, ["alice", "bob"])

        alice.check()
        bob.check()
        shot = screenshot(alice.page, "editor", tmp_path)
        print(f"screenshot: {shot}")

        # bob leaves: alice sees him go, and his caret with him
        bob.page.context.close()
        _users(alice, ["alice"])
        alice.wait_for("() => !document.querySelector(\".remote-caret[data-user='bob']\")")
        alice.check()
    finally:
        alice.page.context.close()
        bob.page.context.close()
    assert server.stop() == 0
