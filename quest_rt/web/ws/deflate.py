"""permessage-deflate (RFC 7692) whose inflation stops at the message size limit.

wsproto's :class:`~wsproto.extensions.PerMessageDeflate` inflates every piece of a
frame it is handed in one call, however large the result: 64 KiB of a crafted frame
(a run of zeros compresses about 1,000 to 1) become 64 MiB before anyone can look at
the size. Measured on the hypercorn path before this module (issue 9): one 917 KB
frame inflated to 900 MiB before the 1 MiB limit was checked, RSS 36 MB → 1,124 MB.

:class:`BoundedDeflate` asks zlib for at most what the message may still grow by,
plus one byte::

    compressed piece ──► decompress(piece, max_length = budget + 1)
                              │ output ≤ budget → pass it on, budget -= len(output)
                              │ output > budget, or input left over
                              └──► CloseReason.MESSAGE_TOO_BIG (1009); nothing more
                                   is ever inflated on this connection

so a bomb costs at most the limit (plus one zlib window), whichever transport reads
it. The budget is per message and counts the inflated bytes, which for text are its
UTF-8 bytes: the same measure as :attr:`WebSettings.ws_max_message_size` for an
uncompressed message. Outbound compression is wsproto's, unchanged.

Error handling:
    Corrupt deflate data is wsproto's answer, 1007. Over the budget the extension
    returns 1009, which wsproto raises as a parse failure: the direct transport
    sends the close frame with that code; hypercorn drops TCP without one (its
    documented behaviour on every parse failure, see :mod:`quest_rt.web.asgi`).
"""

from __future__ import annotations

import zlib
from typing import Any

from wsproto.extensions import Extension, PerMessageDeflate
from wsproto.frame_protocol import CloseReason
from wsproto.handshake import server_extensions_handshake

__all__ = ["BoundedDeflate", "accept_deflate"]

_SYNC_TAIL = b"\x00\x00\xff\xff"


class BoundedDeflate(PerMessageDeflate):
    """wsproto's permessage-deflate with inflation bounded by ``max_message`` bytes."""

    def __init__(self, max_message: int) -> None:
        super().__init__()
        self.max_message = max_message
        # Bytes the message being read may still inflate to.
        self._budget = max_message
        # Set once a message went over: the stream is abandoned (the connection is
        # closing) and nothing more is inflated.
        self._overflowed = False

    def frame_inbound_payload_data(self, proto: Any, data: bytes) -> bytes | CloseReason:
        if not self._inbound_compressed or not self._inbound_is_compressible:
            return data
        return self._inflate(data)

    def frame_inbound_complete(self, proto: Any, fin: bool) -> bytes | CloseReason | None:
        if not fin:
            return None
        if not self._inbound_compressed or not self._inbound_is_compressible:
            self._inbound_compressed = None
            return None
        tail = self._inflate(_SYNC_TAIL)
        if isinstance(tail, CloseReason):
            return tail
        no_context_takeover = (
            self.server_no_context_takeover if proto.client else self.client_no_context_takeover
        )
        if no_context_takeover:
            self._decompressor = None
        self._inbound_compressed = None
        self._budget = self.max_message
        return tail

    def _inflate(self, data: bytes) -> bytes | CloseReason:
        """At most ``budget`` inflated bytes of ``data``, or 1009 when there are more."""
        if self._overflowed:
            return CloseReason.MESSAGE_TOO_BIG
        decompressor = self._decompressor
        assert decompressor is not None  # made by frame_inbound_header
        try:
            output = decompressor.decompress(data, self._budget + 1)
        except zlib.error:
            return CloseReason.INVALID_FRAME_PAYLOAD_DATA
        # Output short of max_length means zlib consumed all the input and has
        # nothing pending (it stops early only when the output buffer is full).
        if len(output) > self._budget or decompressor.unconsumed_tail:
            self._overflowed = True
            self._decompressor = None  # its window and pending input go now
            return CloseReason.MESSAGE_TOO_BIG
        self._budget -= len(output)
        return output


def accept_deflate(offers: list[str], max_message: int) -> tuple[bytes | None, list[Extension]]:
    """Agree to a client's permessage-deflate offer (RFC 7692 §5), bounded.

    Returns:
        (the ``Sec-WebSocket-Extensions`` value to answer with, the extensions for
        the wsproto connection); (None, []) when no offer is acceptable.
    """
    deflate = BoundedDeflate(max_message)
    accepted = server_extensions_handshake(offers, [deflate])
    if accepted is None:
        return None, []
    return accepted, [deflate]
