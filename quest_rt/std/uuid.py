"""``std/uuid`` (spec 11.5): Uuid values are Python ``uuid.UUID`` objects.

``uuid.UUID`` is a standard-library class, so its Quest methods live in the method table
of ``runtime.dispatch`` like those of Int or Str (``dispatch`` loads this module with the
built-in tables, so the compiler knows these names dispatch); ``values.cls_name`` calls it
``Uuid`` and its string form is lower-case hyphenated.

``v1()``/``v6()`` carry 100-ns ticks since 1582 and a 6-byte node id (random, with the
multicast bit set, when none is given); ``v3``/``v5`` hash a namespace Uuid and a name;
``v8(data)`` keeps 16 bytes of the caller's data but for the version and variant bits.

``v7()`` follows RFC 9562 section 5.7: 48 bits of Unix milliseconds, then a 12-bit counter
in ``rand_a`` (method 1 of section 6.2) so that Uuids made in the same millisecond by
this process still sort in creation order; ``rand_b`` is random.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
import uuid
from typing import Any

import quest_rt.runtime.methods.uuids  # noqa: F401  (the Quest methods of the values made here)
from quest_rt.runtime.errors import ValueErr
from quest_rt.runtime.objects import QuestModule
from quest_rt.std.arguments import need_bytes, need_str, need_str_or_bytes, wrong_kind

_V7_COUNTER_BITS = 12
_v7_lock = threading.Lock()
_v7_last_ms = -1
_v7_counter = 0

# Rust's uuid crate (the reference) names the variants so.


def v4() -> uuid.UUID:
    """v4() -> Uuid: a random Uuid

    Example:
        uuid.v4().version()  # => 4
        uuid.v4() == uuid.v4()  # => false
    """
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
    """v7() -> Uuid: a time-ordered Uuid; later ones sort after earlier ones

    Example:
        let first = uuid.v7()
        let second = uuid.v7()
        first.str() < second.str()  # => true
        first.version()  # => 7
    """
    ms, counter = _v7_clock()
    rand_b = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | counter << 64 | 0b10 << 62 | rand_b
    return uuid.UUID(int=value)


# ---------------------------------------------------------------- time-based: v1, v6

# 100-ns intervals between the Gregorian epoch (1582-10-15) and the Unix epoch
_GREGORIAN_OFFSET = 0x01B21DD213814000
_clock_lock = threading.Lock()
_clock_last = -1
_clock_seq = int.from_bytes(os.urandom(2), "big") & 0x3FFF


def _gregorian_ticks() -> tuple[int, int]:
    """(60-bit timestamp, 14-bit clock sequence): the timestamp strictly increases
    within the process, so two calls in the same 100 ns still differ (RFC 9562 6.2)."""
    global _clock_last
    ticks = time.time_ns() // 100 + _GREGORIAN_OFFSET
    with _clock_lock:
        ticks = max(ticks, _clock_last + 1)
        _clock_last = ticks
        return ticks & ((1 << 60) - 1), _clock_seq


def _node(node_id: Any, fname: str) -> int:
    """The 48-bit node: 6 given bytes, else random with the multicast bit set (RFC 9562
    6.10, so it can never be taken for a real MAC address)."""
    if node_id is None:
        return int.from_bytes(os.urandom(6), "big") | (1 << 40)
    node_id = need_bytes(node_id, fname, "node id")
    if len(node_id) != 6:
        raise ValueErr(f"{fname}: a node id is 6 bytes, got {len(node_id)}")
    return int.from_bytes(node_id, "big")


def _with_variant(value: int) -> uuid.UUID:
    return uuid.UUID(int=(value & ~(0b11 << 62)) | (0b10 << 62))


def v1(node_id: Any = None) -> uuid.UUID:
    """v1(node_id = nil) -> Uuid: the time and a 6-byte node id (random when nil)

    Example:
        uuid.v1(b"\\x01\\x02\\x03\\x04\\x05\\x06").version()  # => 1
    """
    node = _node(node_id, "uuid.v1")
    ticks, seq = _gregorian_ticks()
    low, mid, high = ticks & 0xFFFFFFFF, (ticks >> 32) & 0xFFFF, ticks >> 48
    return _with_variant(low << 96 | mid << 80 | 0x1 << 76 | high << 64 | seq << 48 | node)


def v6(node_id: Any = None) -> uuid.UUID:
    """v6(node_id = nil) -> Uuid: like v1 with the time stored most significant first,
    so later Uuids sort later

    Example:
        uuid.v6().version()  # => 6
    """
    node = _node(node_id, "uuid.v6")
    ticks, seq = _gregorian_ticks()
    high, low = ticks >> 12, ticks & 0xFFF
    return _with_variant(high << 80 | 0x6 << 76 | low << 64 | seq << 48 | node)


# ---------------------------------------------------------------- name-based: v3, v5


def _name_args(namespace: Any, name: Any, fname: str) -> tuple[uuid.UUID, bytes]:
    if type(namespace) is not uuid.UUID:
        raise wrong_kind(namespace, fname, "a Uuid", "namespace")
    name = need_str_or_bytes(name, fname, "name")
    return namespace, name.encode("utf-8") if type(name) is str else name


def v3(namespace: Any, name: Any) -> uuid.UUID:
    """v3(namespace, name) -> Uuid: the MD5 of a namespace Uuid and a Str or Bytes name

    Example:
        uuid.v3(uuid.NAMESPACE_DNS, "example.com").str()  # => "9073926b-929f-31c2-abc9-fad77ae3e8eb"
    """
    namespace, data = _name_args(namespace, name, "uuid.v3")
    return _name_based(hashlib.md5(namespace.bytes + data).digest(), 3)


def v5(namespace: Any, name: Any) -> uuid.UUID:
    """v5(namespace, name) -> Uuid: the SHA-1 of a namespace Uuid and a Str or Bytes name

    Example:
        uuid.v5(uuid.NAMESPACE_DNS, "example.com").str()  # => "cfbff0d1-9375-5685-968c-48ce8b15ae17"
    """
    namespace, data = _name_args(namespace, name, "uuid.v5")
    return _name_based(hashlib.sha1(namespace.bytes + data).digest(), 5)


def _name_based(digest: bytes, version: int) -> uuid.UUID:
    value = int.from_bytes(digest[:16], "big")
    return _with_variant((value & ~(0xF << 76)) | version << 76)


def v8(data: Any) -> uuid.UUID:
    """v8(data) -> Uuid: 16 bytes of your own, with the version and variant bits set

    Example:
        uuid.v8(b"\\x00\\x11\\x22\\x33\\x44\\x55\\x66\\x77\\x88\\x99\\xaa\\xbb\\xcc\\xdd\\xee\\xff").str()  # => "00112233-4455-8677-8899-aabbccddeeff"
    """
    data = need_bytes(data, "uuid.v8", "data")
    if len(data) != 16:
        raise ValueErr(f"uuid.v8: data is 16 bytes, got {len(data)}")
    return _name_based(data, 8)


def nil_uuid() -> uuid.UUID:
    """nil_uuid() -> Uuid: the Uuid whose bits are all zero

    Example:
        uuid.nil_uuid().str()  # => "00000000-0000-0000-0000-000000000000"
    """
    return uuid.UUID(int=0)


def parse(text: Any) -> uuid.UUID:
    """parse(str) -> Uuid: read a Uuid in hyphenated, simple, braced or urn:uuid: form
    (ValueErr if invalid)

    Example:
        uuid.parse("550E8400E29B41D4A716446655440000").str()  # => "550e8400-e29b-41d4-a716-446655440000"
    """
    need_str(text, "uuid.parse")
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise ValueErr(f"Invalid UUID: '{text}'") from None


def from_bytes(data: Any) -> uuid.UUID:
    """from_bytes(bytes) -> Uuid: the Uuid of exactly 16 bytes

    Example:
        let id = uuid.from_bytes(b"\\x00\\x11\\x22\\x33\\x44\\x55\\x66\\x77\\x88\\x99\\xaa\\xbb\\xcc\\xdd\\xee\\xff")
        id.str()  # => "00112233-4455-6677-8899-aabbccddeeff"
    """
    need_bytes(data, "uuid.from_bytes")
    if len(data) != 16:
        raise ValueErr(f"uuid.from_bytes expects 16 bytes, got {len(data)}")
    return uuid.UUID(bytes=data)


def create() -> QuestModule:
    return QuestModule("uuid", {
        "v1": v1, "v3": v3, "v4": v4, "v5": v5, "v6": v6, "v7": v7, "v8": v8,
        "nil_uuid": nil_uuid, "parse": parse, "from_bytes": from_bytes,
        "NAMESPACE_DNS": uuid.NAMESPACE_DNS, "NAMESPACE_URL": uuid.NAMESPACE_URL,
        "NAMESPACE_OID": uuid.NAMESPACE_OID, "NAMESPACE_X500": uuid.NAMESPACE_X500,
    }, None)
