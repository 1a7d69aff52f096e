"""std/encoding/json and its alias std/json (spec 11.4)."""

from __future__ import annotations

import math
import uuid

import pytest

from quest_rt.runtime.errors import TypeErr, ValueErr
from quest_rt.runtime.objects import _MISSING, make_type
from quest_rt.std import json as qjson
from quest_rt.std import native_module
from quest_rt.std.time import Timestamp
from tests.std.support import lines, run_quest


def point_type():
    # (name, pub, annotation, optional, default); `message` shares a method's name, so
    # it lives in a renamed slot: the encoder must find it through the FieldSpec
    fields = [("y", True, None, False, _MISSING), ("x", True, None, False, 0),
              ("message", False, None, False, "")]
    return make_type("Point", None, fields, {"message": lambda self: "m"}, {}, [])


@pytest.mark.parametrize("value, text", [
    (None, "null"), (True, "true"), (False, "false"), (0, "0"), (-12, "-12"),
    (1.0, "1.0"), (3.14, "3.14"), (-0.5, "-0.5"), (1e20, "1e+20"), ("a\"b\n", '"a\\"b\\n"'),
    ("héllo", '"héllo"'), ([], "[]"), ({}, "{}"),
    ([1, "two", [3.0, None]], '[1,"two",[3.0,null]]'),
    ({"b": 1, "a": {"d": [], "c": True}}, '{"a":{"c":true,"d":[]},"b":1}'),
    (b"hi\x00", '"aGkA"'),
    (uuid.UUID("550e8400-e29b-41d4-a716-446655440000"),
     '"550e8400-e29b-41d4-a716-446655440000"'),
    (Timestamp(0), '"1970-01-01T00:00:00.000000000Z"'),
])
def test_stringify_is_compact_with_sorted_keys(value, text):
    assert qjson.stringify(value) == text
    assert qjson.encode(value) == text


def test_stringify_struct_uses_field_names_and_slots():
    point_cls = point_type()
    p = point_cls.new(y=2, message="hello")
    assert qjson.stringify(p) == '{"message":"hello","x":0,"y":2}'
    assert qjson.stringify([p]) == '[{"message":"hello","x":0,"y":2}]'


@pytest.mark.parametrize("value, words", [
    (math.nan, "Cannot convert NaN to JSON"),
    ([math.inf], "Cannot convert inf to JSON"),
    ({"f": len}, "Cannot convert Fun to JSON"),
    (lambda: 1, "Cannot convert Fun to JSON"),
    (qjson.create(), "Cannot convert Module to JSON"),
    (ValueErr, "Cannot convert Type to JSON"),
    (object(), "Cannot convert object to JSON"),
], ids=["nan", "inf", "builtin", "lambda", "module", "type", "object"])
def test_stringify_rejects_values_without_json_form(value, words):
    with pytest.raises(ValueErr) as info:
        qjson.stringify(value)
    assert str(info.value) == words


def test_stringify_a_cycle_is_a_value_error_not_a_crash():
    cycle: list = []
    cycle.append(cycle)
    with pytest.raises(ValueErr, match="nested too deeply"):
        qjson.stringify(cycle)


def test_stringify_pretty_indents_two_spaces_and_sorts():
    assert qjson.stringify_pretty({"b": [1, 2.0], "a": {}, "c": {"z": None}}) == (
        '{\n'
        '  "a": {},\n'
        '  "b": [\n'
        '    1,\n'
        '    2.0\n'
        '  ],\n'
        '  "c": {\n'
        '    "z": null\n'
        '  }\n'
        '}'
    )
    assert qjson.stringify_pretty([]) == "[]"


@pytest.mark.parametrize("text, value", [
    ('{"a": [1, 2.5, null, true], "b": {"c": "d"}}',
     {"a": [1, 2.5, None, True], "b": {"c": "d"}}),
    ("1", 1), ("1.0", 1.0), ("1e2", 100.0), ("-0", 0), ('"\\u00e9"', "é"), ("null", None),
    ("  [ ]  ", []), ("18446744073709551616", 18446744073709551616.0),
    ("9223372036854775807", 9223372036854775807),
])
def test_parse_maps_json_to_quest_values(text, value):
    got = qjson.parse(text)
    assert got == value
    assert type(got) is type(value)


def test_parse_keeps_int_and_float_apart_inside_containers():
    got = qjson.parse('[1, 1.0]')
    assert [type(v) for v in got] == [int, float]


@pytest.mark.parametrize("text", ["", "{", "[1,]", "{'a': 1}", "NaN", "[Infinity]",
                                  "-Infinity", "tru", '{"a" 1}', "1 2"])
def test_invalid_json(text):
    with pytest.raises(ValueErr, match="^Invalid JSON"):
        qjson.parse(text)
    assert qjson.try_parse(text) is None
    assert qjson.is_valid(text) is False


def test_parse_error_message_gives_the_position():
    with pytest.raises(ValueErr) as info:
        qjson.parse('{"a": }')
    assert str(info.value) == "Invalid JSON: Expecting value at line 1 column 7"


def test_parse_requires_text():
    with pytest.raises(TypeErr, match="json.parse expects Str or Bytes text, got Int"):
        qjson.parse(1)
    assert qjson.try_parse(1) is None
    assert qjson.is_valid('{"a": 1}') is True


def test_round_trip():
    value = {"name": "Ada", "tags": ["x", "y"], "score": 9.5, "n": 3, "ok": False,
             "none": None}
    assert qjson.parse(qjson.stringify(value)) == value
    assert qjson.parse(qjson.stringify_pretty(value)) == value


def test_both_paths_name_one_module():
    assert native_module("std/json") is native_module("std/encoding/json")


PROGRAM = """\
use "std/encoding/json"
use "std/json" as j2
type Point
  pub x: Int
  pub y: Int
end
puts(json.stringify({"b": 1, "a": [1.0, 2.5, nil, true, "s"]}))
puts(json.stringify(Point.new(x: 1, y: 2)))
puts(json.stringify_pretty({"k": [1]}))
let d = json.parse("{\\"n\\": 3, \\"f\\": 3.0, \\"l\\": [null]}")
puts(d["n"].cls(), " ", d["f"].cls(), " ", d["l"])
puts(json.try_parse("{oops"), " ", json.is_valid("[]"), " ", j2.is_valid("[1,"))
try
  json.parse("[1,")
catch e: ValueErr
  puts("ValueErr ", e.message())
end
try
  json.stringify(fun () 1 end)
catch e: ValueErr
  puts("ValueErr ", e.message())
end
"""


def test_json_from_a_quest_program(tmp_path):
    assert lines(PROGRAM, tmp_path=tmp_path) == [
        '{"a":[1.0,2.5,null,true,"s"],"b":1}',
        '{"x":1,"y":2}',
        "{", '  "k": [', "    1", "  ]", "}",
        "Int Float [nil]",
        "nil true false",
        "ValueErr Invalid JSON: Expecting value at line 1 column 4",
        "ValueErr Cannot convert Fun to JSON",
    ]


def test_uncaught_json_error_exits_1(tmp_path):
    done = run_quest('use "std/json"\nuse "std/math"\njson.stringify([math.sqrt(-1)])\n',
                     tmp_path=tmp_path)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1] == "ValueErr: Cannot convert NaN to JSON"
