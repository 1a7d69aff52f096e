"""Array methods (spec 5.7)."""

from __future__ import annotations

import functools
import math

import pytest

from quest_rt.runtime.dispatch import call_method
from quest_rt.runtime.errors import ArgErr, AttrErr, IndexErr, RuntimeErr, TypeErr
from tests.runtime.support import check, check_error, ids, same

NAN = math.nan

CASES = [
    ([], "len", (), 0), ([1, [2, 3]], "len", (), 2),
    ([], "empty", (), True), ([None], "empty", (), False),
    # reading
    ([5, 6], "get", (0,), 5), ([5, 6], "get", (1,), 6),
    ([5, 6], "first", (), 5), ([5, 6], "last", (), 6),
    ([1, 2, 3, 4], "slice", (1, 3), [2, 3]), ([1, 2, 3, 4], "slice", (-2, 100), [3, 4]),
    ([1, 2, 3], "slice", (2, 1), []), ([1, 2, 3], "slice", (1,), [2, 3]),
    ([1, 2], "concat", ([3],), [1, 2, 3]), ([], "concat", ([],), []),
    ([1, "a", None, 2.0, [True]], "join", (", ",), "1, a, nil, 2, [true]"),
    (["a", "b"], "join", ("",), "ab"), ([], "join", ("-",), ""),
    # searching by == (spec 3.4)
    ([1, 2], "contains", (1.0,), True), ([0], "contains", (False,), False),
    ([[1, 2]], "contains", ([1, 2],), True), ([{"a": 1}], "contains", ({"a": 1},), True),
    ([None], "contains", (None,), True), ([1], "contains", ("1",), False),
    (["a", "b", "a"], "index_of", ("a",), 0), (["a"], "index_of", ("z",), -1),
    ([1, 1.0, True, "1"], "count", (1,), 2), ([], "count", (1,), 0),
    (["a", 1, "a"], "count", ("a",), 2), ([0, False, ""], "contains", (None,), False),
    ([0, None], "index_of", (None,), 1), ([1, "1"], "index_of", ("1",), 1),
    # order: 3.4, stable; new arrays from reversed/sorted
    ([3, 1, 2], "sorted", (), [1, 2, 3]), (["b", "a", "C"], "sorted", (), ["C", "a", "b"]),
    ([2, 1.5, -1], "sorted", (), [-1, 1.5, 2]),
    (["x", 2, None, True, 1], "sorted", (), [None, True, 1, 2, "x"]),
    ([1, 2, 3], "reversed", (), [3, 2, 1]), ([], "sorted", (), []),
    # higher order
    ([1, 2, 3], "map", (lambda x: x * 10,), [10, 20, 30]),
    ([1, 2, 3, 4], "filter", (lambda x: x % 2 == 0,), [2, 4]),
    ([1, 0, 2, None, ""], "filter", (lambda x: x,), [1, 2]),
    ([1, 2, 3], "reduce", (lambda acc, x: acc + x, 0), 6),
    (["a", "b"], "reduce", (lambda acc, x: acc + x, ">"), ">ab"),
    ([], "reduce", (lambda acc, x: acc + x, 42), 42),
    ([1, 2, 3], "any", (lambda x: x > 2,), True), ([1, 2], "any", (lambda x: x > 2,), False),
    ([], "any", (lambda x: True,), False),
    ([1, 2, 3], "all", (lambda x: x > 0,), True), ([1, -2], "all", (lambda x: x > 0,), False),
    ([], "all", (lambda x: False,), True),
    ([1, 5, 7], "find", (lambda x: x > 3,), 5), ([1], "find", (lambda x: x > 3,), None),
    ([1, 5, 7], "find_index", (lambda x: x > 3,), 1), ([1], "find_index", (lambda x: False,), -1),
    # universal
    ([1, "a"], "str", (), "[1, a]"), ([1, "a"], "_rep", (), '[1, "a"]'),
    ([], "cls", (), "Array"), ([], "is", ("array",), True),
]


@pytest.mark.parametrize("receiver, name, args, want", CASES, ids=ids(CASES))
def test_array_method(receiver, name, args, want):
    check(receiver, name, args, want)


ERRORS = [
    ([1], "get", (1,), IndexErr, "Index 1 out of range for Array of length 1"),
    ([], "get", (0,), IndexErr, "Index 0 out of range for Array of length 0"),
    ([1, 2], "get", (-1,), IndexErr, "Index -1 out of range for Array of length 2"),
    ([1], "get", ("0",), TypeErr, "Array.get expects an Int index, got Str"),
    ([], "pop", (), RuntimeErr, "Cannot pop from an empty array"),
    ([], "shift", (), RuntimeErr, "Cannot shift from an empty array"),
    ([], "first", (), RuntimeErr, "empty array"),
    ([], "last", (), RuntimeErr, "empty array"),
    ([1], "insert", (2, "x"), IndexErr, "Insert index 2 out of range for Array of length 1"),
    ([1], "insert", (-1, "x"), IndexErr, "Insert index -1 out of range for Array of length 1"),
    ([1], "insert", (None, "x"), TypeErr, "Array.insert expects an Int index, got Nil"),
    ([1], "remove_at", (1,), IndexErr, "Index 1 out of range for Array of length 1"),
    ([1], "remove_at", (-1,), IndexErr, "Index -1 out of range for Array of length 1"),
    ([1], "remove_at", (0.0,), TypeErr, "Array.remove_at expects an Int index, got Float"),
    ([1], "slice", ("a", 1), TypeErr, "Array.slice expects Int bounds, got Str"),
    ([1], "concat", ("ab",), TypeErr, "Array.concat expects an Array, got Str"),
    ([1], "join", (1,), TypeErr, "Array.join expects a Str separator, got Int"),
    ([1], "join", (), ArgErr, "Array.join(sep) expects 1 arguments, got 0"),
    ([1], "map", (1,), TypeErr, "Array.map expects a function, got Int"),
    ([1], "filter", ("f",), TypeErr, "Array.filter expects a function, got Str"),
    ([1], "each", (None,), TypeErr, "Array.each expects a function, got Nil"),
    ([1], "reduce", ([], 0), TypeErr, "Array.reduce expects a function, got Array"),
    ([1], "reduce", (lambda a, x: a,), ArgErr, "Array.reduce(f, init) expects 2 arguments, got 1"),
    ([1], "any", (1,), TypeErr, "Array.any expects a function"),
    ([1], "all", (1,), TypeErr, "Array.all expects a function"),
    ([1], "find", (1,), TypeErr, "Array.find expects a function"),
    ([1], "find_index", (1,), TypeErr, "Array.find_index expects a function"),
    ([1, NAN], "sort", (), RuntimeErr, "Cannot compare"),
    ([None, NAN, 1], "sorted", (), RuntimeErr, "Cannot compare"),
    ([1], "append", (2,), AttrErr, "Array has no method 'append'"),
    ([1], "items", (), AttrErr, "Array has no method 'items'"),
]


@pytest.mark.parametrize("receiver, name, args, error, text", ERRORS, ids=ids(ERRORS))
def test_array_method_error(receiver, name, args, error, text):
    check_error(receiver, name, args, error, text)


# ---------------------------------------------------------------- mutation


MUTATIONS = [
    # (before, method, args, result: "self" for the receiver itself, after)
    ([1], "push", (2,), "self", [1, 2]),
    ([1, 2], "pop", (), 2, [1]),
    ([1, 2], "shift", (), 1, [2]),
    ([1], "unshift", (0,), "self", [0, 1]),
    ([1, 3], "insert", (1, 2), "self", [1, 2, 3]),
    ([1], "insert", (1, 2), "self", [1, 2]),
    ([1], "insert", (0, 0), "self", [0, 1]),
    ([1, 2, 1], "remove", (1,), True, [2, 1]),
    ([1, 2], "remove", (3,), False, [1, 2]),
    ([[1], 2], "remove", ([1],), True, [2]),
    ([1.0, 2], "remove", (1,), True, [2]),
    (["a", "b", "c"], "remove_at", (1,), "b", ["a", "c"]),
    ([1, 2], "clear", (), "self", []),
    ([1, 2, 3], "reverse", (), "self", [3, 2, 1]),
    ([3, 1, 2], "sort", (), "self", [1, 2, 3]),
    ([2, "b", None, 1], "sort", (), "self", [None, 1, 2, "b"]),
]


@pytest.mark.parametrize("before, name, args, result, after", MUTATIONS, ids=ids(MUTATIONS))
def test_array_mutation(before, name, args, result, after):
    arr = list(before)
    got = call_method(arr, name, *args)
    if result == "self":
        assert got is arr
    else:
        assert same(got, result)
    assert same(arr, after)


@pytest.mark.parametrize("name, args", [
    ("reversed", ()), ("sorted", ()), ("slice", (0, 2)), ("concat", ([9],)),
    ("map", (lambda x: x,)), ("filter", (lambda x: True,)),
])
def test_non_mutating_methods_return_a_new_array(name, args):
    arr = [2, 1]
    got = call_method(arr, name, *args)
    assert got is not arr
    assert arr == [2, 1]


def test_sort_is_stable_among_equal_elements():
    # 1 and 1.0 are equal, and so are two dicts (spec 3.4): order is kept
    a, b = {"k": 2}, {"k": 1}
    items = [1.0, "z", 1, a, b, [1]]
    assert call_method(items, "sorted") == [1.0, 1, "z", [1], a, b]
    assert call_method(items, "sorted")[4] is a
    floats_first = call_method([1, 1.0, 0], "sorted")
    assert [type(x) for x in floats_first] == [int, int, float]


def test_sort_and_sorted_take_key_and_reverse():
    items = ["bb", "a", "ccc", "dd"]
    assert call_method(items, "sorted", key=len) == ["a", "bb", "dd", "ccc"]
    assert call_method(items, "sorted", key=len, reverse=True) == ["ccc", "bb", "dd", "a"]
    assert call_method(items, "sorted", reverse=True) == ["dd", "ccc", "bb", "a"]
    call_method(items, "sort", key=lambda s: [len(s), s])
    assert items == ["a", "bb", "dd", "ccc"]


def test_min_and_max_take_a_key():
    assert call_method([3, 1, 2], "min") == 1
    assert call_method([3, 1, 2], "max") == 3
    assert call_method(["bb", "a", "cc"], "max", key=len) == "bb"
    assert call_method([[2], [1, 5]], "min") == [1, 5]


def test_sort_orders_strings_by_code_point():
    assert call_method(["é", "z", "Z", "a"], "sorted") == ["Z", "a", "z", "é"]


# ---------------------------------------------------------------- each and callbacks


def test_each_passes_the_element_to_a_one_parameter_function():
    seen = []
    assert call_method(["a", "b"], "each", lambda x: seen.append(x)) is None
    assert seen == ["a", "b"]


def test_each_passes_element_and_index_to_a_two_parameter_function():
    seen = []
    call_method(["a", "b"], "each", lambda x, i: seen.append((x, i)))
    assert seen == [("a", 0), ("b", 1)]


def test_each_does_not_count_self_of_a_bound_method():
    class Collector:
        def __init__(self):
            self.seen = []

        def one(self, x):
            self.seen.append(x)

        def two(self, x, i):
            self.seen.append((x, i))

    c = Collector()
    call_method([7], "each", c.one)
    call_method([7], "each", c.two)
    assert c.seen == [7, (7, 0)]


def test_each_gives_other_callables_one_argument():
    seen = []

    def rest(*args):
        seen.append(args)

    call_method([1, 2], "each", rest)
    call_method([3], "each", seen.append)  # a built-in: arity unknown
    call_method([4], "each", functools.partial(lambda x, y=0: seen.append(x)))
    assert seen == [(1,), (2,), 3, 4]


def test_callbacks_walk_a_snapshot():
    arr = [1, 2]
    call_method(arr, "each", arr.append)
    assert arr == [1, 2, 1, 2]
    assert call_method(arr, "map", lambda x: arr.append(0) or x) == [1, 2, 1, 2]


def test_any_and_all_stop_at_the_first_decisive_element():
    calls = []

    def probe(x):
        calls.append(x)
        return x

    assert call_method([0, 1, 2], "any", probe) is True
    assert calls == [0, 1]
    calls.clear()
    assert call_method([1, 0, 2], "all", probe) is False
    assert calls == [1, 0]


def test_find_returns_the_element_itself():
    target = {"id": 2}
    assert call_method([{"id": 1}, target], "find", lambda d: d["id"] == 2) is target


def test_map_and_filter_give_errors_of_the_callback_unchanged():
    def boom(x):
        raise TypeErr("from the callback")

    with pytest.raises(TypeErr, match="from the callback"):
        call_method([1], "map", boom)

    def wrong_arity():
        return 1

    # a callback with the wrong number of parameters is the callback's TypeError,
    # not an arity error of Array.map
    with pytest.raises(TypeError):
        call_method([1], "map", wrong_arity)
