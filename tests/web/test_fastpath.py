"""The direct transport's frame fast path, sans-IO: it must agree with wsproto on what it
takes and hand everything else over at a frame boundary."""

from __future__ import annotations

import os
import random

import pytest

from quest_rt.web.ws.fastpath import FrameBoundary, take_simple_frames, unmask

from .clients import client_frame


def collect(data: bytes, max_message: int = 1 << 20) -> tuple[int, list]:
    messages: list = []
    used = take_simple_frames(data, max_message, lambda m: messages.append(m) or True)
    return used, messages


def test_unmask_matches_a_bytewise_xor():
    rng = random.Random(7)
    for n in (0, 1, 3, 4, 5, 125, 126, 1000):
        payload = bytes(rng.randrange(256) for _ in range(n))
        mask = os.urandom(4)
        expected = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        assert unmask(payload, mask) == expected


def test_simple_text_and_binary_frames_are_taken_whole():
    data = (
        client_frame(0x1, "héllo".encode())
        + client_frame(0x2, b"\x00\x01")
        + client_frame(0x1, b"y" * 300)
    )
    assert collect(data) == (len(data), ["héllo", b"\x00\x01", "y" * 300])


@pytest.mark.parametrize(
    "second",
    [
        client_frame(0x9, b"ping"),  # control frame
        client_frame(0x1, b"frag", fin=False),  # a fragment
        client_frame(0x1, b"rsv", rsv=4),  # RSV1 without an extension
        client_frame(0x1, b"plain", masked=False),  # unmasked
        client_frame(0x1, b"bad \xff utf8"),  # invalid UTF-8: wsproto answers 1007
        client_frame(0x2, b"z" * 70000),  # 64-bit length
    ],
)
def test_anything_unusual_stops_the_fast_path_at_its_frame_start(second):
    first = client_frame(0x1, b"ok")
    used, messages = collect(first + second + client_frame(0x1, b"after"))
    assert (used, messages) == (len(first), ["ok"])


def test_an_incomplete_frame_is_left_for_the_next_read():
    first = client_frame(0x1, b"ok")
    assert collect(first + client_frame(0x1, b"partial")[:-2]) == (len(first), ["ok"])


def test_a_message_over_the_limit_is_left_for_the_size_check():
    data = client_frame(0x1, b"a" * 101)
    assert collect(data, max_message=100) == (0, [])
    assert collect(data, max_message=101) == (len(data), ["a" * 101])


def test_delivery_stops_when_the_connection_starts_closing():
    data = client_frame(0x1, b"one") + client_frame(0x1, b"two")
    seen = []
    used = take_simple_frames(data, 1 << 20, lambda m: seen.append(m) and False)
    assert (used, seen) == (len(client_frame(0x1, b"one")), ["one"])


def test_frame_boundary_follows_fragments_and_split_headers():
    stream = (
        client_frame(0x1, b"he", fin=False)
        + client_frame(0x9, b"ping")
        + client_frame(0x0, b"llo", fin=True)
        + client_frame(0x2, b"x" * 70000)
    )
    # Fed whole: ends at a boundary with no message open.
    assert FrameBoundary().feed(stream)
    # Fed byte by byte: only the last byte completes the picture.
    boundary = FrameBoundary()
    results = [boundary.feed(stream[i : i + 1]) for i in range(len(stream))]
    assert results[-1] is True
    message_end = len(
        client_frame(0x1, b"he", fin=False) + client_frame(0x9, b"ping") + client_frame(0x0, b"llo")
    )
    assert not any(results[: message_end - 1])  # inside the fragmented message
    assert results[message_end - 1] is True  # the continuation closed it
    # Stopping right after the first fragment: a message is still open.
    assert not FrameBoundary().feed(client_frame(0x1, b"he", fin=False))
