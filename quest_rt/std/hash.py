"""``std/hash``: digests of a Str (its UTF-8 bytes) or of Bytes, as lower-case hex.

``md5``, ``sha1``, ``sha256`` and ``sha512`` are ``hashlib``'s; ``crc32`` is zlib's
CRC-32 written as 8 hex digits (``hash.crc32("")`` is ``"00000000"``). The same digests
are available as ``Str.hash(alg)``; this module also takes Bytes.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Callable
from typing import Any

from quest_rt.runtime.objects import QuestModule
from quest_rt.std.arguments import need_str_or_bytes

#: Quest name -> digest of bytes as lower-case hex
DIGESTS: dict[str, Callable[[bytes], str]] = {
    "md5": lambda data: hashlib.md5(data).hexdigest(),
    "sha1": lambda data: hashlib.sha1(data).hexdigest(),
    "sha256": lambda data: hashlib.sha256(data).hexdigest(),
    "sha512": lambda data: hashlib.sha512(data).hexdigest(),
    "crc32": lambda data: f"{zlib.crc32(data):08x}",
}

_EXAMPLES = {
    "md5": '"5d41402abc4b2a76b9719d911017c592"',
    "sha1": '"aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d"',
    "sha256": '"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"',
    "sha512": '"9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca7'
    '2323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043"',
    "crc32": '"3610a686"',
}


def _digest(name: str) -> Callable[[Any], str]:
    digest = DIGESTS[name]

    def apply(data: Any) -> str:
        data = need_str_or_bytes(data, f"hash.{name}", "data")
        return digest(data.encode("utf-8", "surrogatepass") if type(data) is str else data)

    apply.__name__ = apply.__qualname__ = name
    apply.__doc__ = (
        f"{name}(data) -> Str: the {name.upper()} of a Str (UTF-8) or Bytes, "
        f"as lower-case hex\n\nExample:\n"
        f'    hash.{name}("hello")  # => {_EXAMPLES[name]}\n'
    )
    return apply


def create() -> QuestModule:
    return QuestModule("hash", {name: _digest(name) for name in DIGESTS}, None)
