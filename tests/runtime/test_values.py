"""Unit tests of the value layer: the string form (spec 4.2), ``_rep``, ``==`` and ordering
(spec 3.4), and format specs (spec 4.4), called directly on Python values.

The ``.q`` suites under ``tests/lang/`` check the same rules through compiled programs; these
pin the functions every other part of the runtime relies on.
"""

from __future__ import annotations

import math

import pytest

from quest_rt.runtime.errors import RuntimeErr, ValueErr
from quest_rt.runtime.formatting import format_spec
from quest_rt.runtime.objects import make_trait, make_type
from quest_rt.runtime.values import cls_name, compare, eq, float_str, rep, to_str
from tests.runtime.support import run_quest

NAN = math.nan
INF = math.inf

# ---------------------------------------------------------------- to_str (spec 4.2)

STRING_FORMS = [
    (None, "nil"),
    (True, "true"),
    (False, "false"),
    (0, "0"),
    (-42, "-42"),
    (2**63 - 1, "9223372036854775807"),
    (3.0, "3"),
    (-0.0, "-0"),
    (0.0, "0"),
    (0.1, "0.1"),
    (-2.5, "-2.5"),
    (1e-7, "0.0000001"),
    (1e20, "100000000000000000000"),
    (2.5e10, "25000000000"),
    (9999999999.0, "9999999999"),
    (1e10, "10000000000"),
    (1e10 + 0.5, "10000000000.5"),
    (0.1 + 0.2, "0.30000000000000004"),
    (5e-324, "0." + "0" * 323 + "5"),
    (INF, "inf"),
    (-INF, "-inf"),
    (NAN, "NaN"),
    ("abc", "abc"),
    ("", ""),
    ([], "[]"),
    (["a", 1], "[a, 1]"),
    ([1, [2, ["x"]], None, 2.0], "[1, [2, [x]], nil, 2]"),
    ({}, "{}"),
    ({"b": 2, "a": "x"}, "{a: x, b: 2}"),
    ({"10": 1, "9": 2}, "{10: 1, 9: 2}"),
    ({"k": {"n": [1, "s"]}}, "{k: {n: [1, s]}}"),
]


@pytest.mark.parametrize("value, text", STRING_FORMS, ids=[repr(v)[:30] for v, _ in STRING_FORMS])
def test_string_form(value, text):
    assert to_str(value) == text


def test_float_str_never_uses_an_exponent():
    for x in [1e-300, 1.5e300, 1e22, 1.2345e-9, 6.02e23]:
        text = float_str(x)
        assert "e" not in text and "E" not in text, text
        assert float(text) == x


def test_string_form_caps_the_depth_of_a_self_referencing_array():
    a: list = []
    a.append(a)
    text = to_str(a)
    assert text.endswith("[...]" + "]" * 51)


def test_string_form_caps_the_depth_of_a_self_referencing_dict():
    d: dict = {}
    d["self"] = d
    assert "{...}" in to_str(d)


def test_string_form_of_structs_types_traits_and_errors():
    point = make_type(
        "Point", None, [("x", True, None, False, 1), ("y", False, None, False, 2)], {}, {}, []
    )
    trait = make_trait("Shape", None, ())
    empty = make_type("Empty", None, [], {}, {}, [])
    assert to_str(point.new()) == "Point{ x: 1, y: 2 }"
    assert to_str(point) == "type Point"
    assert to_str(trait) == "trait Shape"
    assert to_str(ValueErr) == "ValueErr"
    assert to_str(ValueErr("bad")) == "ValueErr: bad"
    assert cls_name(empty.new()) == "Empty"


def test_string_form_of_functions_and_modules():
    ns = run_quest('use "std/math"\nfun named() 1 end\nlet lam = fun () 1 end\n')
    assert to_str(ns["named"]) == "<fun named>"
    assert to_str(ns["lam"]) == "<fun <anonymous>>"
    assert to_str(ns["math"]) == "<module math>"


# ---------------------------------------------------------------- rep


@pytest.mark.parametrize(
    "value, text",
    [
        ("abc", '"abc"'),
        ('a"b', '"a"b"'),
        ("", '""'),
        (1, "1"),
        (3.0, "3"),
        (None, "nil"),
        (["a", 1, None], '["a", 1, nil]'),
    ],
)
def test_rep_quotes_strings_without_escaping(value, text):
    assert rep(value) == text


# ---------------------------------------------------------------- eq (spec 3.4)

EQUAL = [
    (1, 1.0),
    (0, -0.0),
    ("ab", "ab"),
    (True, True),
    (None, None),
    ([1, [2]], [1.0, [2]]),
    ({"a": 1, "b": [1]}, {"b": [1], "a": 1}),
    ({}, {}),
    ([], []),
    (b"x", b"x"),
    (ValueErr, ValueErr),
]
UNEQUAL = [
    (1, "1"),
    (0, False),
    (1, True),
    (1.0, True),
    (None, False),
    ("", None),
    ([], {}),
    ([1], [True]),
    ({"a": 1}, {"a": True}),
    ({"a": 1}, {"a": 1, "b": 2}),
    ([1], [1, 2]),
    (ValueErr, RuntimeErr),
    (NAN, NAN),
    ([NAN], [NAN]),
    (ValueErr("a"), ValueErr("a")),
]


@pytest.mark.parametrize("a, b", EQUAL, ids=[f"{a!r}=={b!r}"[:40] for a, b in EQUAL])
def test_equal(a, b):
    assert eq(a, b) is True
    assert eq(b, a) is True


@pytest.mark.parametrize("a, b", UNEQUAL, ids=[f"{a!r}!={b!r}"[:40] for a, b in UNEQUAL])
def test_unequal(a, b):
    assert eq(a, b) is False
    assert eq(b, a) is False


def test_structs_compare_by_identity():
    t = make_type("T", None, [], {}, {}, [])
    a = t.new()
    assert eq(a, a) is True
    assert eq(a, t.new()) is False


def test_equality_of_a_self_containing_array_does_not_raise():
    a: list = []
    a.append(a)
    assert eq(a, a) is True


# ---------------------------------------------------------------- compare (spec 3.4)

LESS = [
    (1, 2),
    (1, 1.5),
    (-1.5, 0),
    ("a", "b"),
    ("Z", "a"),
    ("ab", "abc"),
    (False, True),
    (None, False),
    (None, 0),
    (None, ""),
    (None, [1]),
    (None, {}),
    (True, 0),
    (False, "a"),
    (1, "a"),
    (2**62, "0"),
    # [EXT] ours (spec 3.4): a transitive order; Arrays after Str, lexicographic
    (1.5, "a"),
    ("a", [1]),
    ([1], [2]),
    ([1], [1, 0]),
    ([], [0]),
    ([[1]], [[2]]),
    ([1], {}),
    (True, []),
]
SAME = [
    (1, 1.0),
    ("a", "a"),
    (None, None),
    ([1, "a"], [1.0, "a"]),
    ({}, {"a": 1}),
    ({}, print),
]


@pytest.mark.parametrize("a, b", LESS, ids=[f"{a!r}<{b!r}"[:40] for a, b in LESS])
def test_ordered(a, b):
    assert compare(a, b) == -1
    assert compare(b, a) == 1


@pytest.mark.parametrize("a, b", SAME, ids=[f"{a!r}~{b!r}"[:40] for a, b in SAME])
def test_compares_as_equal(a, b):
    assert compare(a, b) == 0
    assert compare(b, a) == 0


def test_the_order_is_transitive_across_kinds():
    # the reference's order made Float "equal" to Str while Int < Str
    assert compare(1.5, "a") == -1 and compare(1, "a") == -1 and compare(1, 1.5) == -1


@pytest.mark.parametrize("a, b", [(NAN, 1), (1, NAN), (NAN, NAN), (NAN, 1.5)])
def test_comparing_nan_raises(a, b):
    with pytest.raises(RuntimeErr) as info:
        compare(a, b)
    assert "Cannot compare" in str(info.value)


# ---------------------------------------------------------------- format_spec (spec 4.4)

SPECS = [
    (42, "5", "   42"),
    (42, "<5", "42   "),
    (42, ">5", "   42"),
    (42, "^5", " 42  "),
    (42, "^6", "  42  "),
    ("Ada", "5", "  Ada"),
    ("Ada", "*^7", "**Ada**"),
    ("x", "-<3", "x--"),
    (True, "6", "  true"),
    (None, "5", "  nil"),
    (2.5, "5", "  2.5"),
    (2.0, "5", "    2"),
    (42, "05", "00042"),
    (-42, "05", "-0042"),
    (42, "+", "+42"),
    (42, "-", "42"),
    (42, " ", " 42"),
    (-42, " ", "-42"),
    (42, "+05", "+0042"),
    (3.14159, ".2", "3.14"),
    (3, ".2", "3.00"),
    (3.14159, "8.3", "   3.142"),
    (3.14159, "<8.3", "3.142   "),
    (1.5, "08.2", "00001.50"),
    ("Ada", ".2", "Ad"),
    ("Ada", ">5.2", "   Ad"),
    (255, "x", "ff"),
    (255, "X", "FF"),
    (255, "b", "11111111"),
    (255, "o", "377"),
    (255, "#x", "0xff"),
    (255, "#b", "0b11111111"),
    (255, "#o", "0o377"),
    (255.9, "x", "ff"),
    (-255, "#x", "-0xff"),
    ("é", "3", "  é"),
    (1e20, "", "100000000000000000000"),
    ([1, "a"], "", "[1, a]"),
]


@pytest.mark.parametrize("value, spec, text", SPECS, ids=[f"{v!r}:{s}" for v, s, _ in SPECS])
def test_format_spec(value, spec, text):
    assert format_spec(value, spec) == text


def test_scientific_format():
    assert format_spec(12345.678, ".2e") == "1.23e+04"
    assert format_spec(12345.678, ".2E") == "1.23E+04"


@pytest.mark.parametrize("value, spec", [(1, "zz"), (1, "5.2.1"), ("s", "x"), (None, "e")])
def test_bad_format_specs_are_value_errors(value, spec):
    with pytest.raises(ValueErr):
        format_spec(value, spec)
