"""Dict methods (spec 5.8, plus the [EXT] ``empty()``).

Dicts are Python dicts with Str keys in insertion order. Every key argument is first
converted to its string form (spec 4.3), so ``d.get(1)`` reads the entry ``"1"`` and
``d.contains(nil)`` asks for ``"nil"``.

``set`` and ``remove`` return a **new** Dict and leave the receiver alone (the
reference's code and tests, against its own prose): the update idiom is
``d = d.set(k, v)``; in-place mutation is ``d[k] = v``.
"""

from __future__ import annotations

from quest_rt.runtime.dispatch import method
from quest_rt.runtime.errors import ArgErr
from quest_rt.runtime.methods.arguments import arity, need_callable
from quest_rt.runtime.values import to_str

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def _key(key: Any) -> str:
    return key if type(key) is str else to_str(key)


@method(dict, "len")
def dict_len(d: dict) -> int:
    """len() -> Int: the number of entries

    Example:
        {"a": 1}.len()  # => 1
    """
    return len(d)


@method(dict, "empty")
def dict_empty(d: dict) -> bool:
    """empty() -> Bool: whether the dict has no entries

    Example:
        {}.empty()  # => true
    """
    return not d


@method(dict, "keys")
def dict_keys(d: dict) -> list:
    """keys() -> Array: the keys, in insertion order

    Example:
        {"a": 1, "b": 2}.keys()  # => ["a", "b"]
    """
    return list(d)


@method(dict, "values")
def dict_values(d: dict) -> list:
    """values() -> Array: the values, in insertion order

    Example:
        {"a": 1, "b": 2}.values()  # => [1, 2]
    """
    return list(d.values())


@method(dict, "items")
def dict_items(d: dict) -> list:
    """items() -> Array: the [key, value] pairs, in insertion order

    Example:
        {"a": 1, "b": 2}.items()  # => [["a", 1], ["b", 2]]
    """
    return [[k, v] for k, v in d.items()]


@method(dict, "contains")
def dict_contains(d: dict, k: Any) -> bool:
    """contains(k) -> Bool: whether the dict has the key k

    Example:
        {"a": 1}.contains("a")  # => true
    """
    return _key(k) in d


@method(dict, "get")
def dict_get(d: dict, k: Any, default: Any = None) -> Any:
    """get(k, default = nil) -> the value of k, else default

    Example:
        {"a": 1}.get("a")  # => 1
        {"a": 1}.get("z", 0)  # => 0
    """
    return d.get(_key(k), default)


@method(dict, "set")
def dict_set(d: dict, k: Any, v: Any) -> dict:
    """set(k, v) -> Dict: a new dict with k set to v (the receiver is unchanged)

    Example:
        let d = {"a": 1}
        d.set("b", 2)  # => {"a": 1, "b": 2}
        d  # => {"a": 1}
    """
    out = dict(d)
    out[_key(k)] = v
    return out


@method(dict, "remove")
def dict_remove(d: dict, k: Any) -> dict:
    """remove(k) -> Dict: a new dict without k (the receiver is unchanged)

    Example:
        let d = {"a": 1, "b": 2}
        d.remove("a")  # => {"b": 2}
        d.len()  # => 2
    """
    out = dict(d)
    out.pop(_key(k), None)
    return out


@method(dict, "clone")
def dict_clone(d: dict) -> dict:
    """clone() -> Dict: a shallow copy

    Example:
        let d = {"a": 1}
        let c = d.clone()
        c["b"] = 2
        d.len()  # => 1
    """
    return dict(d)


@method(dict, "each")
def dict_each(d: dict, f: Any) -> None:
    """each(f) -> nil: calls f(key, value) for every entry; f takes exactly two parameters

    Example:
        let keys = []
        {"a": 1, "b": 2}.each(fun (k, v) keys.push(k .. v) end)
        keys  # => ["a1", "b2"]
    """
    need_callable(f, "Dict.each")
    count = arity(f)
    if count is not None and count != 2:
        raise ArgErr(f"Dict.each expects a function of two parameters (key, value), "
                     f"got one of {count}")
    for key, value in list(d.items()):
        f(key, value)
    return None
