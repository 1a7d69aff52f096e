"""A fast path for the common client frame, and the bookkeeping that makes it safe.

Profiling the direct transport under echo load put wsproto's frame parser at about
a third of the server's CPU per message. Almost every frame a Layer-1 server sees
is the simplest kind: one final, masked text or binary frame, no extension bits,
under 64 KiB. :func:`take_simple_frames` decodes those directly (header, unmask,
strict UTF-8 for text) and stops at the first frame that is anything else — a
control frame, a fragment, RSV bits, an unmasked or oversized frame, a length not
in its minimal encoding, bad UTF-8, or an incomplete frame. The rest of the bytes
then go to wsproto, which handles every case (and reports violations with the right
close code, so invalid UTF-8 still gets 1007 from wsproto). tests/web/test_ws_fuzz.py
checks with Hypothesis that the pair delivers exactly what wsproto alone does.

Handing bytes back and forth is only correct at a **frame boundary with no
fragmented message open**: that is when wsproto holds no partial state.
:class:`FrameBoundary` follows the bytes given to wsproto (headers only, it never
copies payloads) and says when that is true again, so the next read can take the
fast path. Example: ``[text fin=0 "he"][ping][cont fin=1 "llo"][text "x"]`` — the
first frame is a fragment, so all four go to wsproto; after the continuation the
message is closed, and since the read ended after ``"x"``, the next read is fast.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["FrameBoundary", "take_simple_frames", "unmask"]

_TEXT_FINAL_MASKED = 0x81
_BINARY_FINAL_MASKED = 0x82
_ZERO_MASK = b"\x00\x00\x00\x00"


def unmask(payload: bytes, mask: bytes) -> bytes:
    """XOR ``payload`` with the 4-byte ``mask`` repeated (RFC 6455 §5.3), in C speed:
    one big-integer XOR instead of a Python loop over bytes."""
    if mask == _ZERO_MASK or not payload:
        return payload
    n = len(payload)
    key = (mask * ((n >> 2) + 1))[:n]
    return (int.from_bytes(payload, "little") ^ int.from_bytes(key, "little")).to_bytes(n, "little")


def take_simple_frames(
    data: bytes, max_message: int, deliver: Callable[[str | bytes], bool]
) -> int:
    """Decode the simple frames at the start of ``data`` and ``deliver`` each message.

    ``deliver`` returns False to stop early (the connection started closing).
    Returns the number of bytes consumed; ``data[consumed:]`` starts at a frame
    boundary and is for wsproto.
    """
    pos = 0
    size = len(data)
    while size - pos >= 6:
        first = data[pos]
        second = data[pos + 1]
        if (first != _TEXT_FINAL_MASKED and first != _BINARY_FINAL_MASKED) or second < 0x80:
            break
        length = second & 0x7F
        mask_at = pos + 2
        if length == 126:
            if size - pos < 8:
                break
            length = (data[pos + 2] << 8) | data[pos + 3]
            if length < 126:
                break  # not the minimal encoding: wsproto fails it with 1002 (RFC 6455 §5.2)
            mask_at = pos + 4
        elif length == 127:
            break  # ≥ 64 KiB: wsproto streams it in pieces under the size limit
        if length > max_message:
            break  # wsproto + the size accounting close with 1009
        end = mask_at + 4 + length
        if end > size:
            break
        payload = unmask(data[mask_at + 4 : end], data[mask_at : mask_at + 4])
        if first == _TEXT_FINAL_MASKED:
            try:
                message: str | bytes = payload.decode("utf-8")
            except UnicodeDecodeError:
                break  # wsproto fails the connection with 1007
        else:
            message = payload
        pos = end
        if not deliver(message):
            break
    return pos


class FrameBoundary:
    """Follows frame headers in the bytes given to wsproto; see the module docstring."""

    __slots__ = ("_head", "_open", "_skip")

    def __init__(self) -> None:
        self._skip = 0  # payload bytes of the current frame still to come
        self._head = b""  # a header split across reads
        self._open = False  # a fragmented data message is in progress

    def feed(self, data: bytes) -> bool:
        """Account for ``data``; True when it ended at a boundary with no message open."""
        pos = 0
        size = len(data)
        while True:
            if self._skip:
                take = min(self._skip, size - pos)
                self._skip -= take
                pos += take
                if self._skip:
                    return False
            if pos >= size:
                return not self._open and not self._head
            head = self._head + data[pos : pos + 14]
            parsed = _header(head)
            if parsed is None:
                self._head = head
                return False
            header_length, payload_length, fin, opcode = parsed
            pos += header_length - len(self._head)
            self._head = b""
            if opcode in (1, 2):
                self._open = not fin
            elif opcode == 0 and fin:
                self._open = False
            self._skip = payload_length


def _header(head: bytes) -> tuple[int, int, bool, int] | None:
    """(header length, payload length, FIN, opcode) of the frame header at ``head``'s
    start, or None if ``head`` is too short to tell."""
    if len(head) < 2:
        return None
    fin = bool(head[0] & 0x80)
    opcode = head[0] & 0x0F
    length = head[1] & 0x7F
    header_length = 2
    if length == 126:
        header_length = 4
        if len(head) < 4:
            return None
        length = int.from_bytes(head[2:4], "big")
    elif length == 127:
        header_length = 10
        if len(head) < 10:
            return None
        length = int.from_bytes(head[2:10], "big")
    if head[1] & 0x80:
        header_length += 4
    if len(head) < header_length:
        return None
    return header_length, length, fin, opcode
