"""What every Quest value answers: its type name, its string forms, equality and order.

Quest values are Python values (spec 4.1): ``nil`` is ``None``, Int/Float/Str/Bool are
``int``/``float``/``str``/``bool``, Array is ``list``, Dict is ``dict`` (Str keys), Bytes
is ``bytes``. User types are classes made by ``objects.StructType``; native objects
(Uuid, Timestamp, streams, sockets) are Python classes that set ``quest_name`` and
implement ``__str__`` as their Quest string form.

The string form (spec 4.2) is observable everywhere — ``puts``, ``..``, dict keys,
assertion messages — so ``to_str`` follows the spec to the letter: ``3.0`` prints ``3``,
floats never use an exponent, array elements are not quoted, dict pairs are sorted.
"""

from __future__ import annotations

import decimal
import math
import types

from quest_rt.runtime.errors import Err, RuntimeErr, UserRaise

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "cls_name", "to_str", "rep", "float_str", "eq", "compare", "lt", "le", "gt", "ge",
    "attribute_error_message", "call_user_method", "is_function",
]

INT_MIN = -(2**63)
INT_MAX = 2**63 - 1

_MAX_DEPTH = 50

_PRIMITIVE_NAMES: dict[type, str] = {
    type(None): "Nil", bool: "Bool", int: "Int", float: "Float", str: "Str",
    list: "Array", dict: "Dict", bytes: "Bytes",
    # spec 5.11, runtime/bignum.py (which imports decimal at start-up anyway); Uuid is
    # recognised by name in cls_name, so uuid loads only when a program uses it
    decimal.Decimal: "Decimal",
}


def is_uuid_type(t: type) -> bool:
    """Whether ``t`` is ``uuid.UUID``, the class of Quest's Uuid (its methods are in
    runtime/methods/uuids.py), without importing ``uuid`` at start-up (it loads
    ``platform``)."""
    return t.__name__ == "UUID" and t.__module__ == "uuid"

_FUNCTION_TYPES = (types.FunctionType, types.BuiltinFunctionType, types.MethodType,
                   types.BuiltinMethodType)


def is_function(value: object) -> bool:
    return isinstance(value, _FUNCTION_TYPES)


def cls_name(value: object) -> str:
    """``value.cls()``: the type name (``Int``, ``Array``, a struct's type name...)."""
    name = _PRIMITIVE_NAMES.get(type(value))
    if name is not None:
        return name
    quest_name = getattr(type(value), "quest_name", None)
    if isinstance(quest_name, str):
        return quest_name
    if is_uuid_type(type(value)):
        return "Uuid"
    if isinstance(value, type):
        return "Type"
    if is_function(value) or callable(value):
        return "Fun"
    return type(value).__name__


def float_str(x: float) -> str:
    """Spec 4.2: integral floats below 1e10 lose the point; never an exponent."""
    if x != x:
        return "NaN"
    if x in (math.inf, -math.inf):
        return "inf" if x > 0 else "-inf"
    if x.is_integer() and abs(x) < 1e10:
        return "-0" if x == 0 and math.copysign(1.0, x) < 0 else str(int(x))
    text = repr(x)
    if "e" in text or "E" in text:
        import decimal  # rare (an exponent in repr), and decimal costs start-up time

        text = format(decimal.Decimal(text), "f")
    if text.endswith(".0"):
        text = text[:-2]
    return text


def to_str(value: Any, _depth: int = 0) -> str:
    """The string form of spec 4.2."""
    t = type(value)
    if t is str:
        return value
    if t is int:
        return str(value)
    if t is bool:
        return "true" if value else "false"
    if value is None:
        return "nil"
    if t is float:
        return float_str(value)
    if t is list:
        if _depth > _MAX_DEPTH:
            return "[...]"
        return "[" + ", ".join(to_str(v, _depth + 1) for v in value) + "]"
    if t is dict:
        if _depth > _MAX_DEPTH:
            return "{...}"
        pairs = sorted(value.items(), key=lambda kv: kv[0])
        return "{" + ", ".join(f"{k}: {to_str(v, _depth + 1)}" for k, v in pairs) + "}"
    if t is bytes:
        return bytes_str(value)
    return _object_str(value, _depth)


def bytes_str(value: bytes) -> str:
    out = []
    for b in value:
        if b == 0x22:
            out.append('\\"')
        elif b == 0x5C:
            out.append("\\\\")
        elif b == 0x0A:
            out.append("\\n")
        elif b == 0x0D:
            out.append("\\r")
        elif b == 0x09:
            out.append("\\t")
        elif 0x20 <= b < 0x7F:
            out.append(chr(b))
        else:
            out.append(f"\\x{b:02x}")
    return 'b"' + "".join(out) + '"'


def _object_str(value: Any, depth: int) -> str:
    from quest_rt.runtime import objects

    if isinstance(value, objects.Struct):
        if depth > _MAX_DEPTH:
            return type(value).quest_name + "{...}"
        parts = [f"{f.name}: {to_str(getattr(value, f.slot, None), depth + 1)}"
                 for f in type(value).quest_fields]
        return type(value).quest_name + "{ " + ", ".join(parts) + " }" if parts else \
            type(value).quest_name + "{}"
    if isinstance(value, type):
        if issubclass(value, Err):
            return value.quest_name
        if isinstance(value, objects.StructType):
            return f"type {value.quest_name}"
        return f"type {getattr(value, 'quest_name', value.__name__)}"
    if isinstance(value, Err):
        return f"{type(value).quest_name}: {value.quest_message}"
    if isinstance(value, types.FunctionType):
        return f"<fun {function_name(value)}>"
    if isinstance(value, types.MethodType) and isinstance(value.__func__, types.FunctionType) \
            and getattr(value.__func__, "quest_owner", None):
        return f"<fun {value.__func__.__name__.split('·')[0]}>"  # already `Type.method`
    if isinstance(value, types.BuiltinFunctionType | types.MethodType):
        owner = getattr(value, "__self__", None)
        owner_name = getattr(owner, "quest_name", None) or getattr(owner, "__name__", None)
        if isinstance(owner_name, str) and not isinstance(owner, types.ModuleType):
            return f"<fun {owner_name}.{value.__name__}>"
        return f"<fun {value.__name__}>"
    return str(value)


def function_name(fn: Any) -> str:
    """A function's Quest name (compiler suffixes such as ``·2`` removed)."""
    name = getattr(fn, "quest_name", None) or getattr(fn, "__name__", "<anonymous>")
    if getattr(fn, "__module__", None) not in (None, "__quest__"):
        owner = getattr(fn, "quest_owner", None)
        if owner:
            return f"{owner}.{name}"
    return name.split("·")[0]


def rep(value: Any, _depth: int = 0) -> str:
    """``_rep()``: like ``to_str`` but a Str is wrapped in double quotes (no escaping)."""
    t = type(value)
    if t is str:
        return '"' + value + '"'
    if t is list:
        if _depth > _MAX_DEPTH:
            return "[...]"
        return "[" + ", ".join(rep(v, _depth + 1) for v in value) + "]"
    if t is dict:
        if _depth > _MAX_DEPTH:
            return "{...}"
        pairs = sorted(value.items(), key=lambda kv: kv[0])
        return "{" + ", ".join(f'"{k}": {rep(v, _depth + 1)}' for k, v in pairs) + "}"
    return to_str(value, _depth)


# ---------------------------------------------------------------- equality and order


def eq(a: Any, b: Any) -> bool:
    """``==`` (spec 3.4): never raises; different kinds are unequal (``0 == false`` is false)."""
    ta, tb = type(a), type(b)
    if ta is tb:
        if a is b and (ta is list or ta is dict):
            return True  # also answers for a container that holds itself
        if ta is list:
            return len(a) == len(b) and all(eq(x, y) for x, y in zip(a, b))
        if ta is dict:
            return a.keys() == b.keys() and all(eq(v, b[k]) for k, v in a.items())
        if ta in (int, float, str, bool, bytes) or a is None:
            return a == b
        from quest_rt.runtime import objects

        if isinstance(a, objects.Struct):
            return a is b
        try:
            return bool(a == b)
        except Exception:  # a native object's __eq__ misbehaving must not break ==
            return a is b
    if (ta is int or ta is float) and (tb is int or tb is float):
        return a == b
    if _rank(ta) == 2 and _rank(tb) == 2:  # a BigInt or a Decimal with another number
        return a == b
    if isinstance(a, type) and isinstance(b, type):
        return a is b
    return False


# Ranks for ordering (spec 3.4, [EXT] ours): a transitive order, so sorting is stable and
# the same on every CPython. nil < Bool < numbers (Int, Float, BigInt, Decimal, compared
# numerically) < Str < Array < everything else (equal among themselves).
_RANKS = {type(None): 0, bool: 1, int: 2, float: 2, decimal.Decimal: 2, str: 3, list: 4}
_OTHER = 5


def _rank(t: type) -> int:
    rank = _RANKS.get(t)
    if rank is None:
        rank = 2 if issubclass(t, int) else _OTHER  # BigInt is an int subclass
    return rank


def compare(a: Any, b: Any) -> int:
    """-1, 0 or 1 by the order of spec 3.4 (sort uses this too). NaN raises RuntimeErr."""
    ta, tb = type(a), type(b)
    if (ta is int or ta is float) and (tb is int or tb is float):
        if a != a or b != b:
            raise RuntimeErr("Cannot compare NaN")
        return (a > b) - (a < b)
    if ta is tb and (ta is str or ta is bool):
        return (a > b) - (a < b)
    ra, rb = _rank(ta), _rank(tb)
    if ra != rb:
        return -1 if ra < rb else 1
    if ra == 2:
        if a != a or b != b:
            raise RuntimeErr("Cannot compare NaN")
        return (a > b) - (a < b)
    if ra == 4:
        for x, y in zip(a, b):
            c = compare(x, y)
            if c:
                return c
        return (len(a) > len(b)) - (len(a) < len(b))
    return 0


def lt(a: Any, b: Any) -> bool:
    return compare(a, b) < 0


def le(a: Any, b: Any) -> bool:
    return compare(a, b) <= 0


def gt(a: Any, b: Any) -> bool:
    return compare(a, b) > 0


def ge(a: Any, b: Any) -> bool:
    return compare(a, b) >= 0


# ---------------------------------------------------------------- helpers for errors


def attribute_error_message(obj: Any, name: str) -> str:
    from quest_rt.runtime import objects

    if obj is None:
        return f"Cannot call method '{name}' on nil"
    if isinstance(obj, objects.Struct):
        cls = type(obj)
        field = cls.quest_field_map.get(name)
        if field is not None and not field.pub:
            return f"Field '{name}' of type {cls.quest_name} is private"
        return f"Type {cls.quest_name} has no field or method '{name}'"
    if isinstance(obj, objects.StructType):
        return f"Type {obj.quest_name} has no class method '{name}'"
    if isinstance(obj, objects.QuestModule):
        return f"Module {obj.quest_module_name} has no member '{name}'"
    return f"{cls_name(obj)} has no method '{name}'"


def call_user_method(value: Any, name: str, *args: Any) -> Any:
    try:
        method = getattr(value, name)
    except AttributeError:
        raise RuntimeErr(f"{cls_name(value)} has no method '{name}'") from None
    return method(*args)


def error_message(value: Any) -> str:
    """The message of a caught Quest error value (built-in error or user ``Error`` struct)."""
    if isinstance(value, Err):
        return value.quest_message
    if isinstance(value, UserRaise):
        value = value.value
    return to_str(call_user_method(value, "message"))
