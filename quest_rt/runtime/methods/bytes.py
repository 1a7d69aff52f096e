"""Bytes methods (spec 5.10) and the byte-level Str methods (spec 5.5: ``bytes``,
``encode``, ``decode``, ``hash``), which share the codecs below.

Bytes are Python ``bytes``: immutable, compared by value, printed ``b"..."``. Text
encodings name a way of writing bytes as a Str:

=================== ============================== ======================================
name                ``Str.encode`` (Str → Str)     ``Str.decode`` (Str → Str)
=================== ============================== ======================================
``hex``             UTF-8 bytes as lower-case hex  hex digits → bytes → UTF-8 text
``b64`` ``base64``  standard alphabet, padded      padding optional
``b64url``          URL-safe alphabet, unpadded    padding optional
``utf-8``           the byte list, printed         the string itself
=================== ============================== ======================================

``"hi".encode("utf-8")`` is the Str ``"[104, 105]"`` (the reference prints the byte
list); use ``bytes()`` for real Bytes. ``Bytes.decode`` reads the other way: ``utf-8``
and ``ascii`` turn the bytes into text, ``hex``/``b64``/``b64url`` write them out.
"""

from __future__ import annotations

from quest_rt.runtime.bounds import out_of_range
from quest_rt.runtime.dispatch import method
from quest_rt.runtime.errors import IndexErr, ValueErr
from quest_rt.runtime.methods.arguments import need_int, need_str, slice_bounds

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_ENCODINGS = "hex, b64, b64url or utf-8"


def _encoding(name: Any, method_name: str) -> str:
    name = need_str(name, method_name, "an encoding name (Str)").lower()
    return {"base64": "b64", "base64url": "b64url", "utf8": "utf-8"}.get(name, name)


def _b64(data: bytes, url: bool) -> str:
    import base64  # base64, hashlib and zlib load where used: start-up time

    if url:
        return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str, url: bool, method_name: str) -> bytes:
    import base64

    padded = text.strip() + "=" * (-len(text.strip()) % 4)
    try:
        return base64.b64decode(padded, altchars=b"-_" if url else None, validate=True)
    except ValueError:  # binascii.Error is one
        kind = "b64url" if url else "b64"
        raise ValueErr(f"{method_name}: invalid {kind} text") from None


def _utf8(data: bytes, method_name: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueErr(f"{method_name}: invalid UTF-8 at byte {exc.start}") from None


# ---------------------------------------------------------------- Str → bytes


@method(str, "bytes")
def str_bytes(text: str) -> bytes:
    """bytes() -> Bytes: the UTF-8 encoding of the string

    Example:
        "hé".bytes()  # => b"h\\xc3\\xa9"
    """
    return text.encode("utf-8", "surrogatepass")


@method(str, "encode")
def str_encode(text: str, enc: Any = "utf-8") -> str:
    """encode(enc = "utf-8") -> Str: the UTF-8 bytes written as hex, b64 or b64url text

    Example:
        "hi".encode("hex")  # => "6869"
        "hi".encode("b64")  # => "aGk="
        "hi".encode()  # => "[104, 105]"
    """
    enc = _encoding(enc, "Str.encode")
    data = text.encode("utf-8", "surrogatepass")
    if enc == "hex":
        return data.hex()
    if enc in ("b64", "b64url"):
        return _b64(data, enc == "b64url")
    if enc == "utf-8":
        return "[" + ", ".join(map(str, data)) + "]"
    raise ValueErr(f"Str.encode: unknown encoding '{enc}' (expected {_ENCODINGS})")


@method(str, "decode")
def str_decode(text: str, enc: Any) -> str:
    """decode(enc) -> Str: hex, b64 or b64url text read back into the UTF-8 string it encodes

    Example:
        "6869".decode("hex")  # => "hi"
        "aGk=".decode("b64")  # => "hi"
    """
    enc = _encoding(enc, "Str.decode")
    if enc == "hex":
        try:
            data = bytes.fromhex(text)
        except ValueError:
            raise ValueErr("Str.decode: invalid hex text") from None
    elif enc in ("b64", "b64url"):
        data = _unb64(text, enc == "b64url", "Str.decode")
    elif enc == "utf-8":
        return text
    else:
        raise ValueErr(f"Str.decode: unknown encoding '{enc}' (expected {_ENCODINGS})")
    return _utf8(data, "Str.decode")


_HASHES = ("md5", "sha1", "sha256", "sha512")


@method(str, "hash")
def str_hash(text: str, alg: Any) -> str:
    """hash(alg) -> Str: the hex digest of the UTF-8 bytes (md5, sha1, sha256, sha512, crc32)

    Example:
        "hello".hash("md5")  # => "5d41402abc4b2a76b9719d911017c592"
    """
    alg = need_str(alg, "Str.hash", "an algorithm name (Str)").lower()
    data = text.encode("utf-8", "surrogatepass")
    if alg in _HASHES:
        import hashlib

        return hashlib.new(alg, data).hexdigest()
    if alg == "crc32":
        import zlib

        return f"{zlib.crc32(data):08x}"
    raise ValueErr(f"Str.hash: unknown algorithm '{alg}' "
                   "(expected md5, sha1, sha256, sha512 or crc32)")


# ---------------------------------------------------------------- Bytes


@method(bytes, "len")
def bytes_len(b: bytes) -> int:
    """len() -> Int: the number of bytes

    Example:
        b"abc".len()  # => 3
    """
    return len(b)


@method(bytes, "get")
def bytes_get(b: bytes, i: Any) -> int:
    """get(i) -> Int: the byte at i (0 <= i < len; otherwise IndexErr)

    Example:
        b"AB".get(1)  # => 66
    """
    i = need_int(i, "Bytes.get", "an Int index")
    if not 0 <= i < len(b):
        raise IndexErr(out_of_range(b, i))
    return b[i]


@method(bytes, "slice")
def bytes_slice(b: bytes, start: Any, end: Any = None) -> bytes:
    """slice(start, end) -> Bytes: bytes [start, end); negatives count from the end

    Example:
        b"hello".slice(1, 3)  # => b"el"
    """
    a, z = slice_bounds(len(b), start, end, "Bytes.slice")
    return b[a:z]


@method(bytes, "decode")
def bytes_decode(b: bytes, enc: Any = "utf-8") -> str:
    """decode(enc = "utf-8") -> Str: the bytes as utf-8 or ascii text, or written as hex/b64

    Example:
        b"hi".decode()  # => "hi"
        b"hi".decode("hex")  # => "6869"
    """
    enc = _encoding(enc, "Bytes.decode")
    if enc == "utf-8":
        return _utf8(b, "Bytes.decode")
    if enc == "ascii":
        if not b.isascii():
            raise ValueErr("Bytes.decode: bytes are not ASCII")
        return b.decode("ascii")
    if enc == "hex":
        return b.hex()
    if enc in ("b64", "b64url"):
        return _b64(b, enc == "b64url")
    raise ValueErr(f"Bytes.decode: unknown encoding '{enc}' "
                   "(expected utf-8, ascii, hex, b64 or b64url)")


@method(bytes, "hex")
def bytes_hex(b: bytes) -> str:
    """hex() -> Str: the bytes as lower-case hex digits

    Example:
        b"\\x01\\xff".hex()  # => "01ff"
    """
    return b.hex()


@method(bytes, "to_array")
def bytes_to_array(b: bytes) -> list:
    """to_array() -> Array: the bytes as Ints

    Example:
        b"AB".to_array()  # => [65, 66]
    """
    return list(b)
