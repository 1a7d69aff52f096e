"""Dict methods (spec 5.8 and the [EXT] empty())."""

from __future__ import annotations

import pytest

from quest_rt.runtime.dispatch import call_method
from quest_rt.runtime.errors import ArgErr, AttrErr, TypeErr
from tests.runtime.support import check, check_error, ids

CASES = [
    ({}, "len", (), 0), ({"a": 1, "b": 2}, "len", (), 2),
    ({}, "empty", (), True), ({"a": None}, "empty", (), False),
    ({"b": 1, "a": 2}, "keys", (), ["b", "a"]), ({"b": 1, "a": 2}, "values", (), [1, 2]),
    ({}, "keys", (), []),
    # keys are converted with the string form (spec 4.3)
    ({"a": 1}, "contains", ("a",), True), ({"a": 1}, "contains", ("b",), False),
    ({"1": "x"}, "contains", (1,), True), ({"nil": 0}, "contains", (None,), True),
    ({"2": 0}, "contains", (2.0,), True), ({"true": 0}, "contains", (True,), True),
    ({"a": 1}, "get", ("a",), 1), ({"a": 1}, "get", ("b",), None),
    ({"a": 1}, "get", ("b", 0), 0), ({"a": None}, "get", ("a", 0), None),
    ({"1": "x"}, "get", (1,), "x"), ({"[1, 2]": "x"}, "get", ([1, 2],), "x"),
    ({"a": 1}, "set", ("b", 2), {"a": 1, "b": 2}), ({"a": 1}, "set", ("a", 3), {"a": 3}),
    ({}, "set", (7, "x"), {"7": "x"}),
    ({"a": 1, "b": 2}, "remove", ("a",), {"b": 2}), ({"a": 1}, "remove", ("z",), {"a": 1}),
    ({"1": 1}, "remove", (1,), {}),
    ({"a": [1]}, "clone", (), {"a": [1]}),
    # universal
    ({"b": 2, "a": "x"}, "str", (), "{a: x, b: 2}"), ({"a": "x"}, "_rep", (), '{"a": "x"}'),
    ({}, "cls", (), "Dict"), ({}, "is", ("Dict",), True),
]


@pytest.mark.parametrize("receiver, name, args, want", CASES, ids=ids(CASES))
def test_dict_method(receiver, name, args, want):
    check(receiver, name, args, want)


ERRORS = [
    ({}, "each", (1,), TypeErr, "Dict.each expects a function, got Int"),
    ({"a": 1}, "each", (lambda k: k,), ArgErr,
     "Dict.each expects a function of two parameters (key, value), got one of 1"),
    ({"a": 1}, "each", (lambda k, v, x: k,), ArgErr, "got one of 3"),
    ({}, "get", (), ArgErr, "Dict.get(k, default = nil) expects 1 to 2 arguments, got 0"),
    ({}, "set", ("a",), ArgErr, "Dict.set(k, v) expects 2 arguments, got 1"),
    ({}, "merge", ({},), AttrErr, "Dict has no method 'merge'"),
    ({}, "update", ({},), AttrErr, "Dict has no method 'update'"),
]


@pytest.mark.parametrize("receiver, name, args, error, text", ERRORS, ids=ids(ERRORS))
def test_dict_method_error(receiver, name, args, error, text):
    check_error(receiver, name, args, error, text)


@pytest.mark.parametrize("name, args", [("set", ("b", 2)), ("remove", ("a",)), ("clone", ())])
def test_set_remove_and_clone_leave_the_receiver_unchanged(name, args):
    d = {"a": [1]}
    got = call_method(d, name, *args)
    assert got is not d
    assert d == {"a": [1]}


def test_clone_is_shallow():
    inner = [1]
    assert call_method({"a": inner}, "clone")["a"] is inner


def test_each_calls_f_with_key_and_value_in_insertion_order():
    seen = []
    assert call_method({"b": 1, "a": 2}, "each", lambda k, v: seen.append((k, v))) is None
    assert seen == [("b", 1), ("a", 2)]


def test_each_walks_a_snapshot():
    d = {"a": 1}
    call_method(d, "each", lambda k, v: d.__setitem__(k + "!", v))
    assert d == {"a": 1, "a!": 1}


def test_keys_and_values_are_new_arrays():
    d = {"a": 1}
    keys = call_method(d, "keys")
    keys.append("zzz")
    assert list(d) == ["a"]
