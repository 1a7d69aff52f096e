"""std/hash: md5, sha1, sha256, sha512 and crc32 of a Str or Bytes, as lower-case hex."""

from __future__ import annotations

import hashlib
import zlib

import pytest

from quest_rt.std import native_module
from tests.std.support import lines

HASH = native_module("std/hash")

#: published digests of "hello" (so the test does not just repeat the implementation)
HELLO = {
    "md5": "5d41402abc4b2a76b9719d911017c592",
    "sha1": "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d",
    "sha256": "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
    "sha512": "9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca7"
    "2323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043",
    "crc32": "3610a686",
}


@pytest.mark.parametrize("name", sorted(HELLO))
def test_a_str_and_its_utf8_bytes_hash_alike(name):
    fn = getattr(HASH, name)
    assert fn("hello") == fn(b"hello") == HELLO[name]


def test_non_ascii_text_is_hashed_as_utf8():
    assert HASH.sha256("é") == hashlib.sha256("é".encode()).hexdigest()
    assert HASH.md5(b"\xff\x00") == hashlib.md5(b"\xff\x00").hexdigest()


def test_crc32_is_always_eight_lower_case_digits():
    assert HASH.crc32("") == "00000000"
    data = b"\x00" * 3
    assert HASH.crc32(data) == f"{zlib.crc32(data):08x}"
    assert len(HASH.crc32(data)) == 8


def test_hash_from_a_quest_program(tmp_path):
    source = (
        'use "std/hash"\n'
        'puts(hash.sha1("hello"), " ", hash.crc32(b"hello"))\n'
        'puts(hash.md5("hello") == "hello".hash("md5"))\n'
    )
    assert lines(source, tmp_path=tmp_path) == [f"{HELLO['sha1']} {HELLO['crc32']}", "true"]
