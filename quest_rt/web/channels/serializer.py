"""The v2 serializer: Phoenix messages to and from WebSocket messages (wire-protocol §3).

Text messages are JSON arrays ``[join_ref, ref, topic, event, payload]``; binary
messages carry a Bytes payload behind a small header (§3.2)::

    client push      0 | len(join_ref) len(ref) len(topic) len(event) | strings | payload
    server push      0 | len(join_ref) len(topic) len(event)          | strings | payload
    server reply     1 | len(join_ref) len(ref) len(topic) len(status) | strings | payload
    server broadcast 2 | len(topic) len(event)                         | strings | payload

``join_ref`` and ``ref`` are opaque strings, echoed byte for byte; None encodes as
JSON ``null`` (and as an empty string in a binary header, as phoenix.js does).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..ws.frames import OPCODE_BINARY, OPCODE_TEXT, encode_frame
from .wire import KIND_BROADCAST, KIND_PUSH, KIND_REPLY, PHX_REPLY

__all__ = [
    "Encoder",
    "MalformedMessage",
    "Message",
    "decode",
    "default_encode_json",
]


@dataclass(frozen=True, slots=True)
class Message:
    """One decoded client message. ``payload`` is a dict (text) or bytes (binary)."""

    join_ref: str | None
    ref: str | None
    topic: str
    event: str
    payload: dict[str, Any] | bytes


class MalformedMessage(ValueError):
    """A client message we cannot read. ``ref`` and ``topic`` are set when they
    could be read, so the client can still be answered."""

    def __init__(self, reason: str, ref: str | None = None, topic: str | None = None) -> None:
        super().__init__(reason)
        self.ref = ref
        self.topic = topic


def default_encode_json(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def decode(data: str | bytes) -> Message:
    """Read one client message.

    Raises:
        MalformedMessage: not JSON, not a 5+-element array, wrong field types, or a
            binary frame that is not a well-formed push.
    """
    if isinstance(data, str):
        return _decode_text(data)
    return _decode_binary(data)


def _decode_text(text: str) -> Message:
    try:
        fields = json.loads(text)
    except ValueError:
        raise MalformedMessage("not JSON") from None
    except RecursionError:
        # "[[[[..." a million deep fits in a 1 MiB message; the parser recurses.
        raise MalformedMessage("JSON nested too deeply") from None
    if not isinstance(fields, list) or len(fields) < 5:
        raise MalformedMessage("not a [join_ref, ref, topic, event, payload] array")
    join_ref, ref, topic, event, payload = fields[:5]
    ref_ok = ref is None or isinstance(ref, str)
    topic_ok = isinstance(topic, str)
    if not (ref_ok and topic_ok):
        raise MalformedMessage("ref must be a string or null and topic a string")
    if not (join_ref is None or isinstance(join_ref, str)):
        raise MalformedMessage("join_ref must be a string or null", ref, topic)
    if not isinstance(event, str):
        raise MalformedMessage("event must be a string", ref, topic)
    if not isinstance(payload, dict):
        raise MalformedMessage("payload must be an object", ref, topic)
    return Message(join_ref, ref, topic, event, payload)


def _decode_binary(data: bytes) -> Message:
    if len(data) < 5 or data[0] != KIND_PUSH:
        raise MalformedMessage("binary message is not a v2 push")
    sizes = data[1:5]
    end = 5 + sum(sizes)
    if len(data) < end:
        raise MalformedMessage("binary message shorter than its header says")
    strings = []
    at = 5
    try:
        for size in sizes:
            strings.append(data[at : at + size].decode("utf-8"))
            at += size
    except UnicodeDecodeError:
        raise MalformedMessage("binary message header is not UTF-8") from None
    join_ref, ref, topic, event = strings
    if not topic or not event:
        raise MalformedMessage("binary message without topic or event", ref or None)
    return Message(join_ref or None, ref or None, topic, event, bytes(data[end:]))


def _header_string(value: str | None) -> bytes:
    raw = (value or "").encode("utf-8")
    if len(raw) > 255:
        raise ValueError(f"binary frame field longer than 255 bytes: {value[:40]!r}...")
    return raw


def _binary(kind: int, *fields: str | None, payload: bytes) -> bytes:
    raw = [_header_string(f) for f in fields]
    return bytes((kind, *(len(r) for r in raw))) + b"".join(raw) + payload


class Encoder:
    """Server-to-client messages, text or binary by the payload's type.

    ``encode_json`` is the JSON encoder of payloads (the Quest binding passes
    ``std/json``'s, so Quest values encode as ``json.stringify`` would).
    """

    __slots__ = ("encode_json",)

    def __init__(self, encode_json: Callable[[Any], str] = default_encode_json) -> None:
        self.encode_json = encode_json

    def push(self, join_ref: str | None, topic: str, event: str, payload: Any) -> str | bytes:
        if isinstance(payload, (bytes, bytearray)):
            return _binary(KIND_PUSH, join_ref, topic, event, payload=bytes(payload))
        return self.encode_json([join_ref, None, topic, event, payload])

    def reply(
        self, join_ref: str | None, ref: str | None, topic: str, status: str, response: Any
    ) -> str | bytes:
        if isinstance(response, (bytes, bytearray)):
            return _binary(KIND_REPLY, join_ref, ref, topic, status, payload=bytes(response))
        return self.encode_json(
            [join_ref, ref, topic, PHX_REPLY, {"status": status, "response": response}]
        )

    def control(self, join_ref: str | None, topic: str, event: str, payload: Any) -> str:
        """``phx_close``/``phx_error``: ``ref`` equals ``join_ref`` (§4.5, §4.6)."""
        return self.encode_json([join_ref, join_ref, topic, event, payload])

    def broadcast(self, topic: str, event: str, payload: Any) -> tuple[str | bytes, bytes]:
        """The message and its pre-encoded WebSocket frame, built once per broadcast."""
        if isinstance(payload, (bytes, bytearray)):
            data = _binary(KIND_BROADCAST, topic, event, payload=bytes(payload))
            return data, encode_frame(OPCODE_BINARY, data)
        text = self.encode_json([None, None, topic, event, payload])
        return text, encode_frame(OPCODE_TEXT, text.encode("utf-8"))
