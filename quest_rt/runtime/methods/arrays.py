"""Array methods (spec 5.7).

Arrays are Python lists shared by reference; the methods marked M in the spec mutate the
receiver and the chainable ones (``push``, ``unshift``, ``insert``, ``clear``,
``reverse``, ``sort``) return it. Equality-based methods (``contains``, ``index_of``,
``count``, ``remove``) use Quest ``==`` (``[1].contains(1.0)`` is true, ``[0]``
does not contain ``false``); ``sort``/``sorted`` use the order of spec 3.4, stable.

Index rules differ by method, as in the reference: ``arr[i]`` accepts negative indices,
``get(i)`` does not; out of range is IndexErr (a RuntimeErr), naming index and length;
``pop``/``shift``/``first``/``last`` of an empty array are RuntimeErr.

The higher-order methods call the Quest function with one argument, except ``each``,
which passes ``(elem, index)`` to a function declaring two parameters. They walk a
snapshot, so a callback that pushes onto the array does not make the walk endless.
"""

from __future__ import annotations

import functools

from quest_rt.runtime.bounds import out_of_range
from quest_rt.runtime.dispatch import method
from quest_rt.runtime.errors import IndexErr, RuntimeErr
from quest_rt.runtime.methods.arguments import (
    arity,
    need_callable,
    need_int,
    need_list,
    need_str,
    slice_bounds,
)
from quest_rt.runtime.values import compare, eq, to_str

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


@method(list, "len")
def array_len(arr: list) -> int:
    """len() -> Int: the number of elements

    Example:
        [1, 2, 3].len()  # => 3
    """
    return len(arr)


@method(list, "empty")
def array_empty(arr: list) -> bool:
    """empty() -> Bool: whether the array has no elements

    Example:
        [].empty()  # => true
    """
    return not arr


# ---------------------------------------------------------------- adding and removing


@method(list, "push")
def array_push(arr: list, x: Any) -> list:
    """push(x) -> Array: appends x, returns the array

    Example:
        let a = [1]
        a.push(2)  # => [1, 2]
    """
    arr.append(x)
    return arr


@method(list, "pop")
def array_pop(arr: list) -> Any:
    """pop() -> the removed last element (RuntimeErr when empty)

    Example:
        let a = [1, 2]
        a.pop()  # => 2
        a  # => [1]
    """
    if not arr:
        raise RuntimeErr("Cannot pop from an empty array")
    return arr.pop()


@method(list, "shift")
def array_shift(arr: list) -> Any:
    """shift() -> the removed first element (RuntimeErr when empty)

    Example:
        let a = [1, 2]
        a.shift()  # => 1
        a  # => [2]
    """
    if not arr:
        raise RuntimeErr("Cannot shift from an empty array")
    return arr.pop(0)


@method(list, "unshift")
def array_unshift(arr: list, x: Any) -> list:
    """unshift(x) -> Array: inserts x at the front, returns the array

    Example:
        [2].unshift(1)  # => [1, 2]
    """
    arr.insert(0, x)
    return arr


@method(list, "insert")
def array_insert(arr: list, i: Any, x: Any) -> list:
    """insert(i, x) -> Array: inserts x before position i (0 <= i <= len), returns the array

    Example:
        [1, 3].insert(1, 2)  # => [1, 2, 3]
    """
    i = need_int(i, "Array.insert", "an Int index")
    if not 0 <= i <= len(arr):
        raise IndexErr(out_of_range(arr, i, "Insert index"))
    arr.insert(i, x)
    return arr


@method(list, "remove")
def array_remove(arr: list, x: Any) -> bool:
    """remove(x) -> Bool: removes the first element == x; whether one was found

    Example:
        let a = [1, 2, 1]
        a.remove(1)  # => true
        a  # => [2, 1]
    """
    for i, item in enumerate(arr):
        if eq(item, x):
            del arr[i]
            return True
    return False


@method(list, "remove_at")
def array_remove_at(arr: list, i: Any) -> Any:
    """remove_at(i) -> the element removed from position i (IndexErr when out of range)

    Example:
        let a = ["x", "y"]
        a.remove_at(0)  # => "x"
        a  # => ["y"]
    """
    i = need_int(i, "Array.remove_at", "an Int index")
    if not 0 <= i < len(arr):
        raise IndexErr(out_of_range(arr, i))
    return arr.pop(i)


@method(list, "clear")
def array_clear(arr: list) -> list:
    """clear() -> Array: removes every element, returns the array

    Example:
        [1, 2].clear()  # => []
    """
    arr.clear()
    return arr


# ---------------------------------------------------------------- order


@method(list, "reverse")
def array_reverse(arr: list) -> list:
    """reverse() -> Array: reverses the array in place, returns it

    Example:
        [1, 2, 3].reverse()  # => [3, 2, 1]
    """
    arr.reverse()
    return arr


@method(list, "reversed")
def array_reversed(arr: list) -> list:
    """reversed() -> Array: a new array in reverse order

    Example:
        let a = [1, 2]
        a.reversed()  # => [2, 1]
        a  # => [1, 2]
    """
    return arr[::-1]


_ORDER_KEY = functools.cmp_to_key(compare)


def _python_orders(keys: list) -> bool:
    # Python's own order equals Quest's for all-Str arrays and for NaN-free arrays of
    # Ints and Floats; anything else (mixed kinds, nil, Bools, Arrays) goes through compare.
    kinds = set(map(type, keys))
    return kinds == {str} or (kinds <= {int, float} and all(x == x for x in keys))


def _sort(items: list, key: Any, reverse: Any, method: str) -> None:
    """Sort ``items`` in place by the order of spec 3.4, stably; [EXT] ``key: fn`` sorts by
    ``fn(elem)``, ``reverse: true`` descending (equal elements keep their order)."""
    reverse = bool(reverse)
    if key is None:
        items.sort(key=None if _python_orders(items) else _ORDER_KEY, reverse=reverse)
        return
    fn = need_callable(key, method)
    keys = [fn(x) for x in items]
    if _python_orders(keys):
        order = sorted(range(len(items)), key=keys.__getitem__, reverse=reverse)
    else:
        order = sorted(range(len(items)), key=lambda i: _ORDER_KEY(keys[i]), reverse=reverse)
    items[:] = [items[i] for i in order]


@method(list, "sort")
def array_sort(arr: list, key: Any = None, reverse: Any = False) -> list:
    """sort(key = nil, reverse = false) -> Array: sorts in place (stable), returns the array

    Example:
        let a = [3, 1, 2]
        a.sort()
        a  # => [1, 2, 3]
        a.sort(reverse: true)  # => [3, 2, 1]
    """
    _sort(arr, key, reverse, "Array.sort")
    return arr


@method(list, "sorted")
def array_sorted(arr: list, key: Any = None, reverse: Any = False) -> list:
    """sorted(key = nil, reverse = false) -> Array: a new array in the order of < (stable)

    Example:
        ["b", "a"].sorted()  # => ["a", "b"]
        ["ccc", "a", "bb"].sorted(key: fun (s) s.len() end)  # => ["a", "bb", "ccc"]
    """
    items = list(arr)
    _sort(items, key, reverse, "Array.sorted")
    return items


def _extreme(arr: list, key: Any, method: str, sign: int) -> Any:
    if not arr:
        raise RuntimeErr(f"Cannot take the {method[6:]} of an empty array")
    fn = None if key is None else need_callable(key, method)
    best = arr[0]
    best_key = best if fn is None else fn(best)
    for item in arr[1:]:
        k = item if fn is None else fn(item)
        if compare(k, best_key) * sign < 0:
            best, best_key = item, k
    return best


@method(list, "min")
def array_min(arr: list, key: Any = None) -> Any:
    """min(key = nil) -> the first smallest element, by the order of < or of key(elem)

    Example:
        [3, 1, 2].min()  # => 1
        ["pear", "fig"].min(key: fun (s) s.len() end)  # => "fig"
    """
    return _extreme(arr, key, "Array.min", 1)


@method(list, "max")
def array_max(arr: list, key: Any = None) -> Any:
    """max(key = nil) -> the first largest element, by the order of < or of key(elem)

    Example:
        [3, 1, 2].max()  # => 3
        [{"n": 1}, {"n": 5}].max(key: fun (d) d["n"] end)  # => {"n": 5}
    """
    return _extreme(arr, key, "Array.max", -1)


# ---------------------------------------------------------------- reading


@method(list, "get")
def array_get(arr: list, i: Any) -> Any:
    """get(i) -> the element at i (0 <= i < len; otherwise IndexErr, a RuntimeErr)

    Example:
        [7, 8].get(1)  # => 8
    """
    i = need_int(i, "Array.get", "an Int index")
    if not 0 <= i < len(arr):
        raise IndexErr(out_of_range(arr, i))
    return arr[i]


@method(list, "first")
def array_first(arr: list) -> Any:
    """first() -> the first element (RuntimeErr when empty)

    Example:
        [7, 8].first()  # => 7
    """
    if not arr:
        raise RuntimeErr("Cannot get the first element of an empty array")
    return arr[0]


@method(list, "last")
def array_last(arr: list) -> Any:
    """last() -> the last element (RuntimeErr when empty)

    Example:
        [7, 8].last()  # => 8
    """
    if not arr:
        raise RuntimeErr("Cannot get the last element of an empty array")
    return arr[-1]


@method(list, "slice")
def array_slice(arr: list, start: Any, end: Any = None) -> list:
    """slice(start, end) -> Array: elements [start, end); negatives count from the end

    Example:
        [1, 2, 3, 4].slice(1, 3)  # => [2, 3]
    """
    a, b = slice_bounds(len(arr), start, end, "Array.slice")
    return arr[a:b]


@method(list, "concat")
def array_concat(arr: list, other: Any) -> list:
    """concat(other) -> Array: a new array, the elements of both

    Example:
        [1, 2].concat([3])  # => [1, 2, 3]
    """
    return arr + need_list(other, "Array.concat")


@method(list, "join")
def array_join(arr: list, sep: Any) -> str:
    """join(sep) -> Str: the elements' string forms joined by sep

    Example:
        [1, 2, 3].join("-")  # => "1-2-3"
    """
    sep = need_str(sep, "Array.join", "a Str separator")
    return sep.join([x if type(x) is str else to_str(x) for x in arr])


# ---------------------------------------------------------------- searching by ==


def _python_eq_is_quest_eq(value: Any) -> bool:
    # A Str equals only Strs and nil only nil under both Python's == and Quest's, so
    # list.__contains__/index/count can do the walk; 1 == True in Python, not in Quest.
    return type(value) is str or value is None


@method(list, "contains")
def array_contains(arr: list, x: Any) -> bool:
    """contains(x) -> Bool: whether an element == x

    Example:
        [1, 2, 3].contains(2)  # => true
    """
    if _python_eq_is_quest_eq(x):
        return x in arr
    return any(eq(item, x) for item in arr)


@method(list, "index_of")
def array_index_of(arr: list, x: Any) -> int:
    """index_of(x) -> Int: the position of the first element == x, -1 if none

    Example:
        ["a", "b"].index_of("b")  # => 1
    """
    if _python_eq_is_quest_eq(x):
        return arr.index(x) if x in arr else -1
    for i, item in enumerate(arr):
        if eq(item, x):
            return i
    return -1


@method(list, "count")
def array_count(arr: list, x: Any) -> int:
    """count(x) -> Int: the number of elements == x

    Example:
        [1, 2, 1].count(1)  # => 2
    """
    if _python_eq_is_quest_eq(x):
        return arr.count(x)
    return sum(1 for item in arr if eq(item, x))


# ---------------------------------------------------------------- higher order


@method(list, "each")
def array_each(arr: list, f: Any) -> None:
    """each(f) -> nil: calls f(elem), or f(elem, index) when f declares two parameters

    Example:
        let seen = []
        let letters = ["a", "b"]
        letters.each(fun (x, i) seen.push(i.str() .. x) end)
        seen  # => ["0a", "1b"]
    """
    need_callable(f, "Array.each")
    if arity(f) == 2:
        for i, item in enumerate(list(arr)):
            f(item, i)
    else:
        for item in list(arr):
            f(item)
    return None


@method(list, "map")
def array_map(arr: list, f: Any) -> list:
    """map(f) -> Array: a new array of f(elem) for every element

    Example:
        [1, 2, 3].map(fun (x) x * 10 end)  # => [10, 20, 30]
    """
    need_callable(f, "Array.map")
    return [f(item) for item in list(arr)]


@method(list, "filter")
def array_filter(arr: list, f: Any) -> list:
    """filter(f) -> Array: a new array of the elements for which f(elem) is truthy

    Example:
        [1, 2, 3, 4].filter(fun (x) x % 2 == 0 end)  # => [2, 4]
    """
    need_callable(f, "Array.filter")
    return [item for item in list(arr) if f(item)]


@method(list, "reduce")
def array_reduce(arr: list, f: Any, init: Any) -> Any:
    """reduce(f, init) -> the result of acc = f(acc, elem) from init, left to right

    Example:
        [1, 2, 3].reduce(fun (acc, x) acc + x end, 0)  # => 6
    """
    need_callable(f, "Array.reduce")
    acc = init
    for item in list(arr):
        acc = f(acc, item)
    return acc


@method(list, "any")
def array_any(arr: list, f: Any) -> bool:
    """any(f) -> Bool: whether f(elem) is truthy for some element (stops at the first)

    Example:
        [1, 2, 3].any(fun (x) x > 2 end)  # => true
    """
    need_callable(f, "Array.any")
    return any(f(item) for item in list(arr))


@method(list, "all")
def array_all(arr: list, f: Any) -> bool:
    """all(f) -> Bool: whether f(elem) is truthy for every element (stops at the first not)

    Example:
        [2, 4].all(fun (x) x % 2 == 0 end)  # => true
    """
    need_callable(f, "Array.all")
    return all(f(item) for item in list(arr))


@method(list, "find")
def array_find(arr: list, f: Any) -> Any:
    """find(f) -> the first element for which f(elem) is truthy, else nil

    Example:
        [1, 5, 10].find(fun (x) x > 3 end)  # => 5
    """
    need_callable(f, "Array.find")
    for item in list(arr):
        if f(item):
            return item
    return None


@method(list, "find_index")
def array_find_index(arr: list, f: Any) -> int:
    """find_index(f) -> Int: the position of the first element with f(elem) truthy, else -1

    Example:
        [1, 5, 10].find_index(fun (x) x > 3 end)  # => 1
    """
    need_callable(f, "Array.find_index")
    for i, item in enumerate(list(arr)):
        if f(item):
            return i
    return -1

