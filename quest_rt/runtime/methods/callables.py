"""``_doc()`` for every value and ``_name()`` for the named ones: functions, types,
traits and modules (spec 5.9, 7.3, 9.3). ``str()`` and ``_id()`` are in ``universal``.

These objects are not built-in values with a method table of their own: a function is a
Python function, a type a class, a module a ``QuestModule``. ``dispatch.call_method``
reaches the universal methods below for them when the object itself has no attribute
of that name (a user type may define its own ``_doc``).

The texts follow the reference, whose doc tests assert them exactly:

* function: its docstring, else ``User-defined function: NAME``, or
  ``Anonymous function`` for a lambda; a native function: its Python docstring, whose
  first line is its Quest signature;
* user type (and its instances): the docstring, else ``Type definition: NAME`` plus the
  fields (``objects.type_doc``); trait: ``Trait._doc``;
* exception type or value: the type's description;
* module: its docstring, else ``Module NAME``.
"""

from __future__ import annotations

import types

from quest_rt.runtime.dispatch import universal
from quest_rt.runtime.errors import AttrErr, Err
from quest_rt.runtime.objects import QuestModule, Struct, StructType, Trait, type_doc
from quest_rt.runtime.values import attribute_error_message, cls_name

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_COMPILED_MODULE = "__quest__"  # the __module__ of every function compiled from Quest

_VALUE_DOCS = {
    "Nil": "Nil: the absent value, nil",
    "Bool": "Bool: true or false",
    "Int": "Int: a 64-bit signed integer",
    "Float": "Float: a 64-bit floating-point number",
    "Str": "Str: an immutable Unicode string",
    "Array": "Array: an ordered, mutable list of values",
    "Dict": "Dict: a mutable map from Str keys to values, in insertion order",
    "Bytes": "Bytes: an immutable sequence of bytes",
}


def _is_callable_value(value: Any) -> bool:
    return isinstance(value, types.FunctionType | types.MethodType |
                      types.BuiltinFunctionType) or callable(value)


def _is_compiled(fn: Any) -> bool:
    return getattr(fn, "__module__", None) == _COMPILED_MODULE


def function_name(fn: Any) -> str:
    """The name a Quest function was declared with (no compiler suffix, no type)."""
    name = getattr(fn, "quest_name", None) or getattr(fn, "__name__", None) or "<anonymous>"
    name = name.split("·")[0]
    if _is_compiled(fn):
        name = name.rsplit(".", 1)[-1]  # methods of type T compile to ``T.m``
    return name


def function_doc(fn: Any) -> str:
    name = function_name(fn)
    doc = getattr(fn, "__doc__", None)
    if _is_compiled(fn):
        if doc is not None:
            return doc
        return "Anonymous function" if name == "<anonymous>" else \
            f"User-defined function: {name}"
    if isinstance(doc, str) and doc.strip():
        import inspect

        return inspect.cleandoc(doc)
    return f"Built-in function: {name}"


def _error_doc(cls: type[Err]) -> str:
    # The subclasses' docstrings are written for Quest readers; Err's own describes the
    # Python class.
    if cls is Err:
        return "The base of every exception type: catch e: Err catches them all."
    return cls.__doc__ or ""


def _type_name(cls: type) -> str:
    name = getattr(cls, "quest_name", None)
    return name if isinstance(name, str) else cls.__name__


@universal("_doc")
def value_doc(value: Any) -> str:
    """_doc() -> Str: the documentation of the value (docstring or a generated description)

    Example:
        fun greet()
          "Say hello."
          "hello"
        end
        greet._doc()  # => "Say hello."
    """
    if isinstance(value, Struct):
        return type_doc(type(value))
    if isinstance(value, StructType):
        return type_doc(value)
    if isinstance(value, type):
        if issubclass(value, Err):
            return _error_doc(value)
        return f"Type definition: {_type_name(value)}\n"
    if isinstance(value, Err):
        return _error_doc(type(value))
    if isinstance(value, Trait):
        return value._doc()
    if isinstance(value, QuestModule):
        doc = value._q_doc
        return doc if doc is not None else f"Module: {value.quest_module_name}"
    name = cls_name(value)
    if name in _VALUE_DOCS:
        return _VALUE_DOCS[name]
    if _is_callable_value(value):
        return function_doc(value)
    return f"{name} object"


@universal("_name")
def value_name(value: Any) -> str:
    """_name() -> Str: the name of a function, type, trait or module

    Example:
        fun greet() "hi" end
        greet._name()  # => "greet"
    """
    if isinstance(value, type):
        return _type_name(value)
    if isinstance(value, Trait):
        return value.name
    if isinstance(value, QuestModule):
        return value.quest_module_name
    if not isinstance(value, Struct) and cls_name(value) == "Fun":
        return function_name(value)
    raise AttrErr(attribute_error_message(value, "_name"))
