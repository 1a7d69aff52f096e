"""Bytes methods (spec 5.10) and the byte-level Str methods: bytes, encode, decode, hash."""

from __future__ import annotations

import pytest

from quest_rt.runtime.dispatch import call_method
from quest_rt.runtime.errors import ArgErr, IndexErr, TypeErr, ValueErr
from tests.runtime.support import check, check_error, ids

CASES = [
    # Str -> Bytes and text encodings
    ("hé", "bytes", (), b"h\xc3\xa9"), ("", "bytes", (), b""),
    ("hi", "encode", ("hex",), "6869"), ("é", "encode", ("HEX",), "c3a9"),
    ("hello", "encode", ("b64",), "aGVsbG8="), ("hello", "encode", ("base64",), "aGVsbG8="),
    ("\xff\xfe", "encode", ("b64",), "w7/Dvg=="),
    ("\xff\xfe", "encode", ("b64url",), "w7_Dvg"), ("hello", "encode", ("base64url",),
                                                    "aGVsbG8"),
    ("hi", "encode", ("utf-8",), "[104, 105]"), ("hi", "encode", (), "[104, 105]"), ("é", "encode", ("utf8",), "[195, 169]"),
    ("6869", "decode", ("hex",), "hi"), ("C3A9", "decode", ("hex",), "é"),
    ("aGVsbG8=", "decode", ("b64",), "hello"), ("aGVsbG8", "decode", ("base64",), "hello"),
    ("w7_Dvg", "decode", ("b64url",), "\xff\xfe"), ("w7_Dvg==", "decode", ("base64url",),
                                                    "\xff\xfe"),
    ("plain", "decode", ("utf-8",), "plain"),
    # hash: hex digests of the UTF-8 bytes
    ("abc", "hash", ("md5",), "900150983cd24fb0d6963f7d28e17f72"),
    ("abc", "hash", ("sha1",), "a9993e364706816aba3e25717850c26c9cd0d89d"),
    ("abc", "hash", ("SHA256",),
     "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    ("abc", "hash", ("sha512",),
     "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
     "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"),
    ("abc", "hash", ("crc32",), "352441c2"), ("", "hash", ("crc32",), "00000000"),
    # Bytes
    (b"abc", "len", (), 3), (b"", "len", (), 0),
    (b"abc", "get", (0,), 97), (b"abc", "get", (2,), 99),
    (b"hello", "slice", (1, 3), b"el"), (b"hello", "slice", (-2, 100), b"lo"),
    (b"hello", "slice", (3, 1), b""), (b"hello", "slice", (1,), b"ello"),
    (b"h\xc3\xa9", "decode", (), "hé"), (b"hi", "decode", ("utf-8",), "hi"),
    (b"hi", "decode", ("ascii",), "hi"), (b"\x00\xff", "decode", ("hex",), "00ff"),
    (b"hello", "decode", ("b64",), "aGVsbG8="), (b"\xfb\xff", "decode", ("b64url",), "-_8"),
    (b"\x00\xffA", "hex", (), "00ff41"), (b"", "hex", (), ""),
    (b"AB", "to_array", (), [65, 66]), (b"", "to_array", (), []),
    # universal methods on Bytes
    (b"a\n\"", "str", (), 'b"a\\n\\""'), (b"", "cls", (), "Bytes"),
]


@pytest.mark.parametrize("receiver, name, args, want", CASES, ids=ids(CASES))
def test_bytes_method(receiver, name, args, want):
    check(receiver, name, args, want)


ERRORS = [
    ("x", "encode", ("rot13",), ValueErr, "Str.encode: unknown encoding 'rot13'"),
    ("x", "encode", (1,), TypeErr, "Str.encode expects an encoding name (Str), got Int"),
    ("x", "decode", ("rot13",), ValueErr, "Str.decode: unknown encoding 'rot13'"),
    ("6g", "decode", ("hex",), ValueErr, "invalid hex"),
    ("ff", "decode", ("hex",), ValueErr, "invalid UTF-8 at byte 0"),
    ("a$b", "decode", ("b64",), ValueErr, "invalid b64 text"),
    ("abcde", "decode", ("b64",), ValueErr, "invalid b64 text"),
    ("x", "hash", ("sha3",), ValueErr, "unknown algorithm 'sha3'"),
    ("x", "hash", (None,), TypeErr, "Str.hash expects an algorithm name (Str), got Nil"),
    (b"abc", "get", (3,), IndexErr, "Index 3 out of range for Bytes of length 3"),
    (b"abc", "get", (-1,), IndexErr, "Index -1 out of range for Bytes of length 3"),
    (b"abc", "get", ("0",), TypeErr, "Bytes.get expects an Int index, got Str"),
    (b"abc", "slice", (0.5, 1), TypeErr, "Bytes.slice expects Int bounds, got Float"),
    (b"\xff", "decode", (), ValueErr, "Bytes.decode: invalid UTF-8 at byte 0"),
    (b"\xc3", "decode", ("ascii",), ValueErr, "not ASCII"),
    (b"x", "decode", ("ebcdic",), ValueErr, "Bytes.decode: unknown encoding 'ebcdic'"),
    (b"x", "hex", (1,), ArgErr, "Bytes.hex() expects 0 arguments, got 1"),
]


@pytest.mark.parametrize("receiver, name, args, error, text", ERRORS, ids=ids(ERRORS))
def test_bytes_method_error(receiver, name, args, error, text):
    check_error(receiver, name, args, error, text)


@pytest.mark.parametrize("text", ["", "a", "hé 日本 😀", "\x00\xff", "a" * 100])
@pytest.mark.parametrize("encoding", ["hex", "b64", "b64url"])
def test_str_encode_decode_round_trip(text, encoding):
    check(call_method(text, "encode", encoding), "decode", (encoding,), text)
