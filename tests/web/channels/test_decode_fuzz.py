"""Fuzzing the Phoenix message decoder with Hypothesis (issue 9): whatever a client
sends in a text or binary frame, ``decode`` returns a Message or raises
MalformedMessage (which the socket answers as wire-protocol §8.5 says), nothing else.

Found by it: JSON nested a few thousand deep raised RecursionError.
``QUEST_FUZZ_EXAMPLES=N`` (scripts/fuzz.py) raises the example counts.
"""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quest_rt.web.channels import MalformedMessage, Message, decode

SCALE = int(os.environ.get("QUEST_FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    max_examples=SCALE or 300,
    derandomize=not SCALE,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=20,
)


def decodes_or_is_malformed(data: str | bytes) -> None:
    try:
        message = decode(data)
    except MalformedMessage:
        return
    assert isinstance(message, Message)
    assert isinstance(message.topic, str) and isinstance(message.event, str)


@FUZZ
@given(st.lists(json_values, max_size=7))
def test_any_json_array_decodes_or_is_malformed(fields):
    decodes_or_is_malformed(json.dumps(fields))


@FUZZ
@given(st.text(max_size=200) | st.binary(max_size=200))
def test_any_frame_decodes_or_is_malformed(data):
    decodes_or_is_malformed(data)


@FUZZ
@given(
    st.lists(st.integers(0, 255), min_size=4, max_size=4),
    st.binary(max_size=300),
)
def test_any_binary_push_header_decodes_or_is_malformed(sizes, rest):
    decodes_or_is_malformed(bytes((0, *sizes)) + rest)


def test_deep_nesting_is_malformed_not_a_recursion_error():
    for text in ("[" * 100_000, '[null,"1","t","e",' + "{" * 100_000):
        decodes_or_is_malformed(text)
