"""Server-to-client RFC 6455 frame encoding, fast enough to run once per broadcast.

Server frames are never masked (RFC 6455 §5.1), so one encoded frame is valid for
every recipient that did not negotiate an extension: a broadcast encodes once and
writes the same bytes to each socket. Parsing client frames (masking, fragments,
UTF-8, close codes) stays with wsproto, which the Autobahn suite has vetted.

Layout of what :func:`encode_frame` produces (FIN set, no RSV bits, no mask)::

    0x80|opcode, len                      payload    (len < 126)
    0x80|opcode, 126, len:16              payload    (len < 65536)
    0x80|opcode, 127, len:64              payload
"""

from __future__ import annotations

import struct

__all__ = ["OPCODE_BINARY", "OPCODE_TEXT", "encode_frame"]

OPCODE_TEXT = 0x1
OPCODE_BINARY = 0x2

_HEADER_16 = struct.Struct("!BBH")
_HEADER_64 = struct.Struct("!BBQ")


def encode_frame(opcode: int, payload: bytes) -> bytes:
    """One final, unmasked data frame carrying ``payload``."""
    length = len(payload)
    first = 0x80 | opcode
    if length < 126:
        return bytes((first, length)) + payload
    if length < 65536:
        return _HEADER_16.pack(first, 126, length) + payload
    return _HEADER_64.pack(first, 127, length) + payload
