"""``std/uuid`` (spec 11.5): Uuid values are Python ``uuid.UUID`` objects.

``uuid.UUID`` is a standard-library class, so its Quest methods live in the method table
of ``runtime.dispatch`` like those of Int or Str (``dispatch`` loads this module with the
built-in tables, so the compiler knows these names dispatch); ``values.cls_name`` calls it
``Uuid`` and its string form is lower-case hyphenated.

``v7()`` follows RFC 9562 section 5.7: 48 bits of Unix milliseconds, then a 12-bit counter
in ``rand_a`` (method 1 of section 6.2) so that Uuids made in the same millisecond by
this process still sort in creation order; ``rand_b`` is random.
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from typing import Any

from quest_rt.runtime.dispatch import method
from quest_rt.runtime.errors import ValueErr
from quest_rt.runtime.objects import QuestModule
from quest_rt.std.arguments import need_bytes, need_str

_V7_COUNTER_BITS = 12
_v7_lock = threading.Lock()
_v7_last_ms = -1
_v7_counter = 0

# Rust's uuid crate (the reference) names the variants so.
_VARIANTS = {
    uuid.RESERVED_NCS: "NCS",
    uuid.RFC_4122: "RFC4122",
    uuid.RESERVED_MICROSOFT: "Microsoft",
    uuid.RESERVED_FUTURE: "Future",
}


def v4() -> uuid.UUID:
    """v4() -> Uuid: random"""
    return uuid.uuid4()


def _v7_clock() -> tuple[int, int]:
    """(milliseconds, counter) for the next v7, strictly increasing within the process."""
    global _v7_last_ms, _v7_counter
    ms = time.time_ns() // 1_000_000
    with _v7_lock:
        if ms > _v7_last_ms:
            _v7_last_ms = ms
            # seed below the middle so a burst has room to count up (RFC 9562 6.2)
            _v7_counter = int.from_bytes(os.urandom(2), "big") >> (16 - _V7_COUNTER_BITS + 1)
        else:
            _v7_counter += 1
            if _v7_counter >> _V7_COUNTER_BITS:
                # counter exhausted in this millisecond: borrow the next one
                _v7_last_ms += 1
                _v7_counter = 0
        return _v7_last_ms, _v7_counter


def v7() -> uuid.UUID:
    """v7() -> Uuid: time-ordered (RFC 9562)"""
    ms, counter = _v7_clock()
    rand_b = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | counter << 64 | 0b10 << 62 | rand_b
    return uuid.UUID(int=value)


def nil_uuid() -> uuid.UUID:
    """nil_uuid() -> Uuid: all zeros"""
    return uuid.UUID(int=0)


def parse(text: Any) -> uuid.UUID:
    """parse(str) -> Uuid: hyphenated, simple, braced or urn:uuid: forms"""
    need_str(text, "uuid.parse")
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise ValueErr(f"Invalid UUID: '{text}'") from None


def from_bytes(data: Any) -> uuid.UUID:
    """from_bytes(bytes) -> Uuid: from exactly 16 bytes"""
    need_bytes(data, "uuid.from_bytes")
    if len(data) != 16:
        raise ValueErr(f"uuid.from_bytes expects 16 bytes, got {len(data)}")
    return uuid.UUID(bytes=data)


# ---------------------------------------------------------------- Uuid methods


@method(uuid.UUID, "to_string", "str", "to_hyphenated")
def uuid_to_string(u: uuid.UUID) -> str:
    "to_string() -> Str: lower-case hyphenated"
    return str(u)


@method(uuid.UUID, "to_simple")
def uuid_to_simple(u: uuid.UUID) -> str:
    "to_simple() -> Str: 32 hex digits"
    return u.hex


@method(uuid.UUID, "to_urn")
def uuid_to_urn(u: uuid.UUID) -> str:
    "to_urn() -> Str: urn:uuid:..."
    return u.urn


@method(uuid.UUID, "to_bytes")
def uuid_to_bytes(u: uuid.UUID) -> bytes:
    "to_bytes() -> Bytes: the 16 bytes, big-endian"
    return u.bytes


@method(uuid.UUID, "version")
def uuid_version(u: uuid.UUID) -> int:
    "version() -> Int: 0 for the nil Uuid, else the version nibble"
    return (u.int >> 76) & 0xF


@method(uuid.UUID, "variant")
def uuid_variant(u: uuid.UUID) -> str:
    "variant() -> Str: RFC4122, NCS, Microsoft or Future"
    return _VARIANTS[u.variant]


@method(uuid.UUID, "is_nil")
def uuid_is_nil(u: uuid.UUID) -> bool:
    "is_nil() -> Bool"
    return u.int == 0


@method(uuid.UUID, "eq")
def uuid_eq(u: uuid.UUID, other: Any) -> bool:
    "eq(other) -> Bool"
    return type(other) is uuid.UUID and other == u


@method(uuid.UUID, "neq")
def uuid_neq(u: uuid.UUID, other: Any) -> bool:
    "neq(other) -> Bool"
    return not uuid_eq(u, other)


def create() -> QuestModule:
    return QuestModule("uuid", {
        "v4": v4, "v7": v7, "nil_uuid": nil_uuid, "parse": parse, "from_bytes": from_bytes,
    }, None)
