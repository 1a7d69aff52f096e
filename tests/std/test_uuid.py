"""std/uuid (spec 11.5): constructors and the Uuid methods."""

from __future__ import annotations

import time
import uuid

import pytest

import quest_rt.runtime.methods  # noqa: F401  (the universal methods: cls, is)
from quest_rt.runtime.dispatch import call_method, member
from quest_rt.runtime.errors import TypeErr, ValueErr
from quest_rt.runtime.values import cls_name, rep, to_str
from quest_rt.std import uuid as quuid
from tests.std.support import lines

SAMPLE = "550e8400-e29b-41d4-a716-446655440000"


def test_v4_is_random_version_4():
    a, b = quuid.v4(), quuid.v4()
    assert a != b
    assert call_method(a, "version") == 4
    assert call_method(a, "variant") == "RFC4122"


def test_v7_carries_the_unix_millisecond_and_version_7():
    before = time.time_ns() // 1_000_000
    u = quuid.v7()
    after = time.time_ns() // 1_000_000
    assert call_method(u, "version") == 7
    assert call_method(u, "variant") == "RFC4122"
    assert before <= u.int >> 80 <= after + 1  # +1: a burst may borrow the next ms


def test_v7_values_sort_in_creation_order():
    made = [quuid.v7() for _ in range(5000)]
    assert sorted(made, key=lambda u: u.int) == made
    assert sorted(str(u) for u in made) == [str(u) for u in made]
    assert len(set(made)) == len(made)


def test_nil_uuid():
    nil = quuid.nil_uuid()
    assert str(nil) == "00000000-0000-0000-0000-000000000000"
    assert call_method(nil, "is_nil") is True
    assert call_method(quuid.v4(), "is_nil") is False
    assert call_method(nil, "version") == 0


@pytest.mark.parametrize("text", [SAMPLE, SAMPLE.upper(), SAMPLE.replace("-", ""),
                                  "{" + SAMPLE + "}", "urn:uuid:" + SAMPLE, f"  {SAMPLE} "])
def test_parse_accepts_the_usual_spellings(text):
    assert str(quuid.parse(text)) == SAMPLE


@pytest.mark.parametrize("text", ["", "nope", SAMPLE[:-1], SAMPLE + "0", "g" * 32])
def test_parse_rejects_invalid_text(text):
    with pytest.raises(ValueErr, match="Invalid UUID"):
        quuid.parse(text)


def test_parse_requires_a_str():
    with pytest.raises(TypeErr, match="expects a Str, got Int"):
        quuid.parse(5)


def test_bytes_round_trip():
    u = quuid.parse(SAMPLE)
    data = call_method(u, "to_bytes")
    assert data == bytes.fromhex(SAMPLE.replace("-", ""))
    assert quuid.from_bytes(data) == u
    with pytest.raises(ValueErr, match="16 bytes, got 3"):
        quuid.from_bytes(b"abc")
    with pytest.raises(TypeErr, match="expects Bytes, got Str"):
        quuid.from_bytes("abc")


def test_string_forms():
    u = quuid.parse(SAMPLE)
    assert call_method(u, "str") == call_method(u, "to_string") == \
        call_method(u, "to_hyphenated") == SAMPLE
    assert call_method(u, "to_simple") == SAMPLE.replace("-", "")
    assert call_method(u, "to_urn") == "urn:uuid:" + SAMPLE
    assert to_str(u) == rep(u) == SAMPLE
    assert to_str([u]) == f"[{SAMPLE}]"


def test_uuid_is_a_quest_type_named_uuid():
    u = quuid.v4()
    assert cls_name(u) == "Uuid"
    assert call_method(u, "cls") == "Uuid"
    assert call_method(u, "is", "Uuid") is True


def test_eq_and_neq():
    a, b = quuid.parse(SAMPLE), quuid.parse(SAMPLE.upper())
    assert call_method(a, "eq", b) is True
    assert call_method(a, "neq", b) is False
    assert call_method(a, "eq", SAMPLE) is False
    assert call_method(a, "neq", quuid.nil_uuid()) is True


def test_method_read_without_call_is_bound():
    u = quuid.parse(SAMPLE)
    assert member(u, "to_simple")() == SAMPLE.replace("-", "")


def test_variant_names():
    assert call_method(uuid.UUID(int=0), "variant") == "NCS"
    assert call_method(uuid.UUID("00000000-0000-0000-c000-000000000000"), "variant") == \
        "Microsoft"


PROGRAM = """\
use "std/uuid"
let u = uuid.parse("550E8400-E29B-41D4-A716-446655440000")
puts(u, " ", u.cls(), " ", u.version(), " ", u.variant())
puts(u.to_simple(), " ", u.to_urn(), " ", u.to_hyphenated(), " ", u.to_string())
puts(uuid.from_bytes(u.to_bytes()) == u, " ", u.eq(u), " ", u.neq(uuid.nil_uuid()))
puts(uuid.nil_uuid().is_nil(), " ", uuid.v7().version(), " ", uuid.v4().version())
let a = uuid.v7()
let b = uuid.v7()
puts(a.str() < b.str(), " ", a == b, " ", u._rep())
let d = {}
d[u] = 1
puts(d.keys())
try
  uuid.parse("xyz")
catch e: ValueErr
  puts(e.message())
end
"""


def test_uuid_from_a_quest_program(tmp_path):
    assert lines(PROGRAM, tmp_path=tmp_path) == [
        f"{SAMPLE} Uuid 4 RFC4122",
        f"{SAMPLE.replace('-', '')} urn:uuid:{SAMPLE} {SAMPLE} {SAMPLE}",
        "true true true",
        "true 7 4",
        f"true false {SAMPLE}",
        f"[{SAMPLE}]",
        "Invalid UUID: 'xyz'",
    ]


# ---------------------------------------------------------------- v1, v3, v5, v6, v8

GREGORIAN_OFFSET = 0x01B21DD213814000  # 100-ns ticks from 1582-10-15 to 1970-01-01


def test_namespaces_are_the_rfc_constants():
    assert str(quuid.create().NAMESPACE_DNS) == "6ba7b810-9dad-11d1-80b4-00c04fd430c8"
    assert str(quuid.create().NAMESPACE_URL) == "6ba7b811-9dad-11d1-80b4-00c04fd430c8"
    assert str(quuid.create().NAMESPACE_OID) == "6ba7b812-9dad-11d1-80b4-00c04fd430c8"
    assert str(quuid.create().NAMESPACE_X500) == "6ba7b814-9dad-11d1-80b4-00c04fd430c8"


def test_v3_and_v5_are_the_rfc_name_based_uuids():
    # RFC 9562 appendix A: v3 and v5 of "www.example.com" in the DNS namespace
    assert str(quuid.v3(uuid.NAMESPACE_DNS, "www.example.com")) == \
        "5df41881-3aed-3515-88a7-2f4a814cf09e"
    assert str(quuid.v5(uuid.NAMESPACE_DNS, "www.example.com")) == \
        "2ed6657d-e927-568b-95e1-2665a8aea6a2"
    assert quuid.v5(uuid.NAMESPACE_URL, b"x") == quuid.v5(uuid.NAMESPACE_URL, "x")


def test_v1_carries_the_time_and_the_given_node():
    before = time.time_ns() // 100 + GREGORIAN_OFFSET
    u = quuid.v1(b"\x01\x02\x03\x04\x05\x06")
    after = time.time_ns() // 100 + GREGORIAN_OFFSET
    assert call_method(u, "version") == 1
    assert call_method(u, "variant") == "RFC4122"
    assert u.node == 0x010203040506
    assert before <= u.time <= after + 1


def test_a_random_node_has_the_multicast_bit():
    assert quuid.v1().node >> 40 & 1 == 1
    assert quuid.v6().int >> 40 & 1 == 1


def test_v6_stores_the_v1_timestamp_most_significant_first():
    before = time.time_ns() // 100 + GREGORIAN_OFFSET
    u = quuid.v6(b"\xaa\xbb\xcc\xdd\xee\xff")
    value = u.int
    ticks = (value >> 80) << 12 | (value >> 64) & 0xFFF
    assert call_method(u, "version") == 6
    assert call_method(u, "variant") == "RFC4122"
    assert before <= ticks <= time.time_ns() // 100 + GREGORIAN_OFFSET + 1
    assert value & (1 << 48) - 1 == 0xAABBCCDDEEFF
    made = [quuid.v6() for _ in range(200)]
    assert made == sorted(made, key=str)
    assert len(set(made)) == 200


def test_v8_keeps_the_data_but_version_and_variant():
    data = bytes(range(0x10, 0x20))
    u = quuid.v8(data)
    assert call_method(u, "version") == 8
    assert call_method(u, "variant") == "RFC4122"
    assert str(u) == "10111213-1415-8617-9819-1a1b1c1d1e1f"


@pytest.mark.parametrize(("fn", "arg", "message"), [
    (quuid.v1, b"\x01" * 5, "uuid.v1: a node id is 6 bytes, got 5"),
    (quuid.v6, b"\x01" * 7, "uuid.v6: a node id is 6 bytes, got 7"),
    (quuid.v8, b"\x01" * 15, "uuid.v8: data is 16 bytes, got 15"),
])
def test_bad_node_id_or_v8_data_is_valueerr(fn, arg, message):
    with pytest.raises(ValueErr) as info:
        fn(arg)
    assert str(info.value) == message


def test_new_versions_from_a_quest_program(tmp_path):
    source = (
        'use "std/uuid"\n'
        'puts(uuid.v5(uuid.NAMESPACE_DNS, "www.example.com"))\n'
        'puts(uuid.v1().version(), uuid.v3(uuid.NAMESPACE_OID, "1.3").version(), '
        'uuid.v6().version(), uuid.v8(b"0123456789abcdef").version())\n'
        'try\n  uuid.v8(b"short")\ncatch e: ValueErr\n  puts(e.message())\nend\n'
    )
    assert lines(source, tmp_path=tmp_path) == [
        "2ed6657d-e927-568b-95e1-2665a8aea6a2", "1368", "uuid.v8: data is 16 bytes, got 5"]
