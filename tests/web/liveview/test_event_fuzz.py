"""Fuzzing the LiveView event decoder with Hypothesis (issue 9, point 7).

Two levels:

1. **The decoder.** ``event_payload`` and ``decode_form`` (:mod:`quest_rt.web.liveview.forms`)
   return a payload made of Dicts, Arrays and Strs for any JSON a client can send, or
   raise :class:`MalformedEvent` — the one documented failure, which the session
   answers with ``{}``. Nothing else escapes.
2. **A served view.** Over loopback, a view of a real Quest app gets arbitrary
   ``event``, ``live_patch``, ``cids_will_destroy`` and ``cids_destroyed`` messages
   (arbitrary types, names, values, form strings, ``meta``, ``cid``, URLs). Each one
   is answered — a ``phx_reply`` with its ref (the official client reloads the page
   after 30 s without one) — except a reserved ``lv:`` event name, which crashes that
   view with ``phx_error`` as in Phoenix. After each, the view (rejoined if it
   crashed) answers a well-formed event, and at the end a second client is served
   and nothing but those crashes was logged as a failure.

Example counts are small in CI (deterministic); ``QUEST_FUZZ_EXAMPLES=N`` raises them
(``scripts/fuzz.py``).
"""

from __future__ import annotations

import logging
import os
import threading
from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quest_rt.web.liveview.forms import MalformedEvent, decode_form, event_payload
from tests.hostile.liveclient import LiveRaw, get_page, served_quest_app

SCALE = int(os.environ.get("QUEST_FUZZ_EXAMPLES", "0"))


def fuzz_settings(ci_examples: int, share: float = 1.0) -> settings:
    return settings(
        max_examples=max(1, int(SCALE * share)) if SCALE else ci_examples,
        derandomize=not SCALE,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=16,
)

#: Form field names as browsers and hostile clients write them: nested, listed,
#: ``_unused_`` markers, stray brackets, percent signs.
field_names = st.one_of(
    st.text(alphabet="ab_[]%", max_size=14),
    st.builds(
        lambda head, parts, unused: (
            head + "".join(f"[{p}]" for p in parts) + ("[_unused_x]" if unused else "")
        ),
        st.sampled_from(["user", "tags", "", "_unused_a", "a"]),
        st.lists(st.sampled_from(["", "a", "b", "_unused_c", "0"]), max_size=40),
        st.booleans(),
    ),
)
form_strings = st.one_of(
    st.lists(st.tuples(field_names, st.text(max_size=8)), max_size=8).map(
        lambda fields: "&".join(f"{quote(k)}={quote(v)}" for k, v in fields)
    ),
    st.text(alphabet="ab[]=&%_+;", max_size=60),
    st.text(max_size=40),
)
kinds = (
    st.sampled_from(["click", "form", "keyup", "keydown", "hook", "focus", "blur"]) | json_values
)
metas = (
    st.none()
    | st.fixed_dictionaries({}, optional={"_target": field_names | json_values})
    | json_values
)


def payload_is_plain(value: Any, depth: int = 0) -> bool:
    """A decoded form: Dicts of Str keys, Arrays and Strs only."""
    if type(value) is str:
        return True
    if type(value) is list:
        return all(payload_is_plain(v, depth + 1) for v in value)
    if type(value) is dict:
        return all(type(k) is str and payload_is_plain(v, depth + 1) for k, v in value.items())
    return False


# ── 1. the decoder ───────────────────────────────────────────────────────────


@fuzz_settings(500)
@given(form_strings)
def test_any_form_decodes_to_plain_fields_or_is_malformed(encoded):
    try:
        fields = decode_form(encoded)
    except MalformedEvent:
        return
    assert payload_is_plain(fields)


@fuzz_settings(500)
@given(kinds, form_strings | json_values, metas)
def test_any_event_value_gives_a_payload_or_is_malformed(kind, value, meta):
    try:
        payload = event_payload(kind, value, meta)
    except MalformedEvent:
        return
    if kind == "form":
        assert type(payload) is dict
        fields = {k: v for k, v in payload.items() if k not in ("_target", "_unused")}
        if type(meta) is dict:
            fields = {k: v for k, v in fields.items() if k not in meta}
        assert payload_is_plain(fields)
    elif kind != "hook":
        assert type(payload) is dict


def test_a_form_of_too_many_fields_is_malformed_not_a_value_error():
    with pytest.raises(MalformedEvent):
        decode_form("a=1&" * 10_001)


# ── 2. a served view ─────────────────────────────────────────────────────────

APP = """use "std/web/liveview" as lv

let Item = lv.component(fun ()
  fun render(assigns) lv.template("<b phx-click='hit'><%= hits %></b>", assigns) end
  fun handle_event(event, payload, socket) socket.assign("hits", socket.get("hits") + 1) end
  {"state": {"hits": 0}, "render": render, "handle_event": handle_event}
end)

let Board = lv.component(fun ()
  fun render(assigns)
    lv.template("<p><%= n %> <%= last %> <%= page %></p><%= lv.live_component(Item, id: 'a') %>", assigns)
  end
  fun handle_params(params, url, socket)
    socket.assign("page", url)
  end
  fun handle_event(event, payload, socket)
    socket.assign("n", socket.get("n") + 1)
    socket.assign("last", event)
  end
  {"state": {"n": 0, "last": "", "page": ""}, "render": render,
   "handle_params": handle_params, "handle_event": handle_event}
end)

lv.mount("/board", Board)
lv.mount("/other", Item)
"""


class Failures(logging.Handler):
    """What the server logged at ERROR (crashes, Python tracebacks)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.lines: list[str] = []
        self._lock = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        with self._lock:
            self.lines.append(record.getMessage())


class Session:
    """One socket and one joined view, rejoined after a crash."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.page = get_page(port, "/board")
        self.live = LiveRaw(port, self.page)
        self.crashes = 0
        self.rejoin()

    def rejoin(self) -> None:
        self.join_ref, reply = self.live.join()
        assert reply["status"] == "ok", reply

    def answer(self, event: str, payload: dict) -> str:
        """Send one message on the view's topic; 'reply' or 'crash' (phx_error)."""
        live = self.live
        ref = live.next_ref()
        live.send(self.join_ref, ref, live.topic, event, payload)
        while True:
            message = live.read()
            if message[3] == "phx_reply" and message[1] == ref:
                assert message[4]["status"] == "ok", message
                return "reply"
            if message[3] == "phx_error" and message[2] == live.topic:
                self.crashes += 1
                self.rejoin()
                return "crash"

    def still_serves(self) -> None:
        reply = self.live.click(self.join_ref, "ping")
        assert reply["status"] == "ok" and "diff" in reply["response"], reply


@pytest.fixture(scope="module")
def session():
    failures = Failures()
    logging.getLogger("quest_rt.web").addHandler(failures)
    try:
        with served_quest_app(APP) as (_, server):
            fuzzed = Session(server.port)
            yield fuzzed
            # A second client is served; only the reserved-name crashes were logged.
            other = Session(server.port)
            other.still_serves()
            other.live.close()
            fuzzed.live.close()
            crash_lines = [line for line in failures.lines if "channel failed" in line]
            assert len(crash_lines) == fuzzed.crashes, failures.lines
            assert len(failures.lines) == fuzzed.crashes, failures.lines
            assert not any("Traceback (most recent call last)" in line for line in failures.lines)
    finally:
        logging.getLogger("quest_rt.web").removeHandler(failures)


def reserved(name: Any) -> bool:
    return type(name) is str and name.startswith("lv:") and name != "lv:clear-flash"


event_names = st.sampled_from(["inc", "hit", "lv:clear-flash", "lv:x", ""]) | st.text(max_size=12)
event_messages = st.fixed_dictionaries(
    {},
    optional={
        "type": kinds,
        "event": event_names | json_values,
        "value": form_strings | json_values,
        "meta": metas,
        "cid": st.sampled_from([1, 2, 0, -1, 2**70]) | json_values,
    },
)


@fuzz_settings(150, share=0.1)
@given(event_messages)
def test_a_view_answers_any_event_and_keeps_serving(session, message):
    outcome = session.answer("event", message)
    assert outcome == ("crash" if reserved(message.get("event")) else "reply"), message
    session.still_serves()


urls = st.one_of(
    json_values,
    st.text(max_size=30),
    st.sampled_from(["http://[", "/board?x=1", "http://127.0.0.1/other", "/board#a", "//[::1"]),
)


@fuzz_settings(100, share=0.1)
@given(
    st.sampled_from(["live_patch", "cids_will_destroy", "cids_destroyed"]),
    st.fixed_dictionaries(
        {}, optional={"url": urls, "cids": json_values | st.lists(st.integers(-2, 3), max_size=4)}
    ),
)
def test_a_view_answers_any_patch_or_cids_message_and_keeps_serving(session, event, payload):
    assert session.answer(event, payload) == "reply", (event, payload)
    session.still_serves()
