"""Method dispatch for ``x.m(args)`` and member reads ``x.name`` (spec 5.1, 3.10).

Built-in values (Int, Str, Array, Dict...) keep their Quest methods in plain per-type
tables, filled by the modules of ``quest_rt.runtime.methods`` with the ``method``
decorator::

    @method(list, "push")
    def array_push(arr, value):
        "push(x) -> Array: appends x, returns the array"
        arr.append(value)
        return arr

Everything else — struct instances, types, modules, native objects such as Uuid or a
WebSocket — carries its Quest methods as Python attributes. The compiler emits a plain
CPython method call ``x.m(...)`` for method names that no built-in table knows (so user
methods cost what a Python method call costs) and ``call_method`` for the others.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from types import FunctionType

from quest_rt.runtime.errors import ArgErr, AttrErr
from quest_rt.runtime.values import attribute_error_message, cls_name

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["METHODS", "UNIVERSAL", "method", "universal", "call_method", "member",
           "builtin_method_names", "bound_method"]

#: {python type: {quest method name: function(receiver, *args, **kwargs)}}
METHODS: dict[type, dict[str, Callable[..., Any]]] = {}
#: Methods every value answers (``cls``, ``str``, ``_rep``, ``_doc``, ``_id``, ``is``).
UNIVERSAL: dict[str, Callable[..., Any]] = {}


def method(pytype: type | tuple[type, ...], name: str, *aliases: str) -> Callable:
    """Register a Quest method of a built-in type (and optional alias names)."""
    pytypes = pytype if isinstance(pytype, tuple) else (pytype,)

    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        for t in pytypes:
            table = METHODS.setdefault(t, {})
            for n in (name, *aliases):
                table[n] = fn
        return fn

    return register


def universal(name: str) -> Callable:
    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        UNIVERSAL[name] = fn
        return fn

    return register


def builtin_method_names() -> frozenset[str]:
    """Every name a built-in table or the universal table defines (compile-time use)."""
    _load_tables()
    names = set(UNIVERSAL)
    for table in METHODS.values():
        names.update(table)
    return frozenset(names)


_loaded = False


def _load_tables() -> None:
    global _loaded
    if not _loaded:
        _loaded = True
        import quest_rt.runtime.methods  # noqa: F401  (fills the tables)
        import quest_rt.runtime.methods.uuids  # noqa: F401  (loaded apart, see methods)


def call_method(obj: Any, name: str, *args: Any, **kwargs: Any) -> Any:
    """``obj.name(*args, **kwargs)`` with Quest dispatch rules."""
    table = METHODS.get(type(obj))
    if table is not None:
        fn = table.get(name)
        if fn is None:
            fn = UNIVERSAL.get(name)
            if fn is None:
                raise AttrErr(f"{cls_name(obj)} has no method '{name}'")
        return _call_builtin(fn, obj, name, args, kwargs)
    if name == "is":
        return UNIVERSAL["is"](obj, *args, **kwargs)
    if obj is None:
        raise AttrErr(f"Cannot call method '{name}' on nil")  # spec 5.1 item 6
    try:
        bound = getattr(obj, name)
    except (AttributeError, AttrErr) as exc:
        # AttrErr: a module's missing member (QuestModule.__getattr__)
        fn = UNIVERSAL.get(name)
        if fn is None:
            for base, base_table in METHODS.items():
                if isinstance(obj, base) and name in base_table:
                    return base_table[name](obj, *args, **kwargs)
            if isinstance(exc, AttrErr):
                raise
            raise AttrErr(attribute_error_message(obj, name)) from None
        return fn(obj, *args, **kwargs)
    if isinstance(obj, type) and isinstance(bound, FunctionType) and \
            isinstance(_getattr_static(obj, name), FunctionType):
        # An instance method seen through its class (``ValueErr._doc``, a user type's
        # ``str``): not a class method, so the type answers with the universal one.
        fn = UNIVERSAL.get(name)
        if fn is None:
            raise AttrErr(attribute_error_message(obj, name))
        return fn(obj, *args, **kwargs)
    return bound(*args, **kwargs)


#: ``inspect.CO_VARARGS``: the code flag of a ``*args`` parameter (a fixed CPython value;
#: ``inspect`` itself costs start-up time)
CO_VARARGS = 0x04


def _getattr_static(obj: Any, name: str) -> Any:
    import inspect

    return inspect.getattr_static(obj, name)


def _call_builtin(fn: Callable[..., Any], obj: Any, name: str, args: tuple,
                  kwargs: dict) -> Any:
    try:
        return fn(obj, *args, **kwargs)
    except TypeError as exc:
        if exc.__traceback__ is not None and exc.__traceback__.tb_next is None:
            # raised by the call itself, not inside the method: the arguments do not fit
            raise _arity_error(fn, obj, name, args, kwargs, exc) from None
        raise


def _arity_error(fn: Callable[..., Any], obj: Any, name: str, args: tuple, kwargs: dict,
                 exc: TypeError) -> ArgErr:
    """``Str.slice(start, end) expects 1 to 2 arguments, got 3`` (the reference's words,
    which users search for, so "1 arguments" too)."""
    doc = (fn.__doc__ or "").split(" -> ")[0].split(":")[0].strip()
    signature = f"{cls_name(obj)}.{doc if doc.startswith(name + '(') else name}"
    unknown = re.search(r"unexpected keyword argument '(\w+)'", str(exc))
    if unknown:
        return ArgErr(f"{signature} has no parameter named '{unknown.group(1)}'")
    code = getattr(fn, "__code__", None)
    if code is None:
        return ArgErr(f"{signature}: wrong number of arguments")
    most = code.co_argcount - 1  # the receiver is not an argument
    least = most - len(fn.__defaults__ or ())
    if code.co_flags & CO_VARARGS:
        expected = f"at least {least}"
    elif least == most:
        expected = str(most)
    else:
        expected = f"{least} to {most}"
    return ArgErr(f"{signature} expects {expected} arguments, got {len(args) + len(kwargs)}")


def bound_method(obj: Any, name: str) -> Callable[..., Any]:
    """A callable for ``obj.name`` read without a call on a built-in value."""
    table = METHODS.get(type(obj))
    fn = (table or {}).get(name) or UNIVERSAL.get(name)
    if fn is None:
        raise AttrErr(attribute_error_message(obj, name))

    def bound(*args: Any, **kwargs: Any) -> Any:
        return _call_builtin(fn, obj, name, args, kwargs)

    bound.__name__ = name
    bound.__doc__ = fn.__doc__
    bound.quest_owner = cls_name(obj)  # type: ignore[attr-defined]
    return bound


def member(obj: Any, name: str) -> Any:
    """``obj.name`` without a call (spec 3.10 and [EXT] Dict dot access)."""
    t = type(obj)
    if t is dict:
        return obj.get(name)
    if t in METHODS or obj is None:
        if obj is None:
            raise AttrErr(f"Cannot read member '{name}' of nil")
        return bound_method(obj, name)
    from quest_rt.runtime.objects import Struct

    if isinstance(obj, Struct):
        field = type(obj).quest_field_map.get(name)
        if field is None:
            # spec 3.10: on a struct, `x.name` without a call reads a field, and only that
            raise AttrErr(f"Type {type(obj).quest_name} has no field '{name}'")
        if not field.pub:
            raise AttrErr(f"Field '{name}' of type {type(obj).quest_name} is private")
        return getattr(obj, field.slot)
    try:
        return getattr(obj, name)
    except AttributeError:
        raise AttrErr(attribute_error_message(obj, name)) from None
