"""The v2 serializer against the wire spec's own frames (wire-protocol §3)."""

from __future__ import annotations

import re

import pytest

from quest_rt.web.channels import Encoder, MalformedMessage, Message, decode
from quest_rt.web.ws.frames import encode_frame

HEX_PUSH = "00 02 02 06 05 31 32 31 33 72 6f 6f 6d 3a 31 63 68 75 6e 6b de ad be ef"


def test_text_messages_decode_and_extra_elements_are_ignored():
    assert decode('["6","7","room:lobby","ping",{"n":1},"extra"]') == Message(
        "6", "7", "room:lobby", "ping", {"n": 1}
    )
    assert decode('[null,"12","phoenix","heartbeat",{}]').join_ref is None


def test_the_spec_binary_push_decodes():
    message = decode(bytes.fromhex(HEX_PUSH))
    assert message == Message("12", "13", "room:1", "chunk", b"\xde\xad\xbe\xef")


@pytest.mark.parametrize(
    ("data", "reason", "ref", "topic"),
    [
        ("not json", "not JSON", None, None),
        ('{"a":1}', "not a [join_ref", None, None),
        ('["1","2","t"]', "not a [join_ref", None, None),
        ('["1",2,"t","e",{}]', "ref must be", None, None),
        ('["1","2","t",5,{}]', "event must be", "2", "t"),
        ('["1","2","t","e",[1]]', "payload must be an object", "2", "t"),
        ('[1,"2","t","e",{}]', "join_ref must be", "2", "t"),
        (b"\x01\x00", "not a v2 push", None, None),
        (b"\x00\x02\x02\x06\x05\x31", "shorter than its header", None, None),
    ],
)
def test_malformed_messages_say_what_is_wrong(data, reason, ref, topic):
    with pytest.raises(MalformedMessage, match=re.escape(reason)) as info:
        decode(data)
    assert (info.value.ref, info.value.topic) == (ref, topic)


def test_server_frames_match_the_spec_hex_dumps():
    enc = Encoder()
    assert enc.push("12", "room:1", "image", b"\x01\x02\x03").hex(" ") == (
        "00 02 06 05 31 32 72 6f 6f 6d 3a 31 69 6d 61 67 65 01 02 03"
    )
    assert enc.reply("12", "13", "room:1", "ok", b"\x01\x02\x03").hex(" ") == (
        "01 02 02 06 02 31 32 31 33 72 6f 6f 6d 3a 31 6f 6b 01 02 03"
    )
    data, frame = enc.broadcast("room:1", "image", b"\x01\x02\x03")
    assert data.hex(" ") == "02 06 05 72 6f 6f 6d 3a 31 69 6d 61 67 65 01 02 03"
    assert frame == encode_frame(0x2, data)


def test_server_text_frames_are_compact_arrays():
    enc = Encoder()
    assert enc.reply("6", "7", "room:lobby", "ok", {"pong": {"n": 1}}) == (
        '["6","7","room:lobby","phx_reply",{"status":"ok","response":{"pong":{"n":1}}}]'
    )
    assert enc.push("6", "room:lobby", "presence_state", {}) == (
        '["6",null,"room:lobby","presence_state",{}]'
    )
    text, frame = enc.broadcast("room:lobby", "shout", {"msg": "hé"})
    assert text == '[null,null,"room:lobby","shout",{"msg":"hé"}]'
    assert frame == encode_frame(0x1, text.encode())
    assert (
        enc.control("6", "room:lobby", "phx_close", {}) == '["6","6","room:lobby","phx_close",{}]'
    )


def test_binary_header_fields_over_255_bytes_are_refused():
    with pytest.raises(ValueError, match="longer than 255 bytes"):
        Encoder().push("1", "t" * 256, "e", b"")
