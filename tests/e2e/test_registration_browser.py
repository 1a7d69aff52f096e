"""examples/registration (QEP-054 block 13) in Chromium: a person types into the form,
sees each field's error appear while it is wrong and go once it is right (phx-change,
debounced), submits a wrong form, fixes it, and lands on the registered users page
(the QEP's redirect to /dashboard, a full page load)."""

from __future__ import annotations

from .live_page import TIMEOUT, LivePage, screenshot


def _type(live: LivePage, selector: str, text: str) -> None:
    """Type like a person: focus the input and press one key per character."""
    live.page.locator(selector).press_sequentially(text, delay=20)


def _error_shows(live: LivePage, field: str, text: str) -> None:
    live.wait_for_text(f"#{field}-error", text)


def _error_goes(live: LivePage, field: str) -> None:
    live.page.wait_for_selector(f"#{field}-error", state="detached", timeout=TIMEOUT)


def _errors(live: LivePage) -> list[str]:
    return live.page.eval_on_selector_all(".error", "es => es.map(e => e.textContent.trim())")


def test_live_validation_then_registration(browser, quest_server, tmp_path):
    server = quest_server("examples/registration/app.q")
    live = LivePage(browser.new_page())
    try:
        live.open(server.url + "/")
        assert live.page.url.endswith("/register")
        assert _errors(live) == []

        _type(live, "#username", "al")
        _error_shows(live, "username", "Must be at least 3 characters")
        assert _errors(live) == ["Must be at least 3 characters"]  # untouched fields: quiet
        _type(live, "#username", "ice")
        _error_goes(live, "username")

        _type(live, "#email", "alice")
        _error_shows(live, "email", "Invalid email")
        _type(live, "#email", "@example.com")
        _error_goes(live, "email")

        _type(live, "#password", "short")
        _error_shows(live, "password", "Must be at least 8 characters")
        live.page.click("button[type=submit]")  # refused: the error stays, no redirect
        live.wait_for(
            "() => document.querySelector('[data-phx-main]').classList.contains('phx-connected')"
            " && !document.querySelector('.phx-submit-loading')"
        )
        assert _errors(live) == ["Must be at least 8 characters"]
        assert live.page.url.endswith("/register")
        assert live.page.input_value("#username") == "alice"

        diffs = live.diffs()
        assert diffs, "no diff was received"
        smallest = min(size for _, size in diffs)
        # an error coming or going sends that error, not the form
        assert smallest * 4 < live.join_size(), (smallest, live.join_size(), diffs)
        live.check()
        screenshot(live.page, "registration-errors", tmp_path)

        _type(live, "#password", " but longer")
        _error_goes(live, "password")
        live.page.click("button[type=submit]")
        live.page.wait_for_url("**/dashboard", timeout=TIMEOUT)
        live.page.wait_for_selector("[data-phx-main].phx-connected", timeout=TIMEOUT)
        assert live.text(".welcome li") == "alice <alice@example.com>"
        assert live.errors == [], live.errors
        screenshot(live.page, "registration-done", tmp_path)
    finally:
        live.page.close()
    assert server.stop() == 0
