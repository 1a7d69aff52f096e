"""The ``__builtins__`` of every compiled Quest module.

Two kinds of names live here:

* what a Quest program sees as global built-ins (spec 5.2 and 8.1): ``puts``, ``print``,
  ``chr``, ``ord``, ``is_array`` and the exception types;
* what compiled code reaches as ``·name`` (runtime helpers of ``ops``, ``dispatch``...
  and the few Python built-ins emitted code needs). ``·`` cannot appear in a Quest
  identifier, so a program can neither see nor shadow them. Looking them up through
  ``__builtins__`` lets CPython's LOAD_GLOBAL cache them.
"""

from __future__ import annotations

import math
import os
import sys
import types

from quest_rt.common import rendered
from quest_rt.runtime import bignum, dispatch, errors, objects, ops, rendering, values
from quest_rt.runtime.errors import ArgErr, NameErr, RuntimeErr, TypeErr, ValueErr
from quest_rt.runtime.values import cls_name, to_str

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def puts(*args: Any) -> None:
    """puts(a, b, ...): the string forms of the arguments, no separator, then a newline."""
    sys.stdout.write("".join([a if type(a) is str else to_str(a) for a in args]) + "\n")


def print_(*args: Any) -> None:
    """print(a, ...): like puts without the newline."""
    sys.stdout.write("".join([a if type(a) is str else to_str(a) for a in args]))


print_.__name__ = "print"


def chr_(code: Any) -> str:
    """chr(code): the one-character Str of a Unicode code point (a Float is truncated)."""
    if type(code) is float and math.isfinite(code):
        code = int(code)
    if type(code) is not int:
        raise TypeErr(f"chr expects an Int, got {cls_name(code)}")
    try:
        return chr(code)
    except (ValueError, OverflowError):
        raise ValueErr(f"Invalid code point: {code}") from None


chr_.__name__ = "chr"


def ord_(text: Any) -> int:
    """ord(s): the code point of the first character of s."""
    if type(text) is not str:
        raise TypeErr(f"ord expects a Str, got {cls_name(text)}")
    if not text:
        raise ValueErr("ord() of an empty string")
    return ord(text[0])


ord_.__name__ = "ord"


def is_array(value: Any) -> bool:
    """is_array(x): whether x is an Array."""
    return type(value) is list


# ---------------------------------------------------------------- helpers for compiled code


class _Unset:
    """The Python default of a Quest parameter whose default is evaluated at call time."""

    def __repr__(self) -> str:
        return "·UNSET"


UNSET = _Unset()
BREAK = object()
RET = object()


def check_return(value: Any, annotation: Any, fname: str) -> Any:
    if not objects.matches_annotation(value, annotation):
        raise TypeErr(f"Function '{fname}' must return {objects.annotation_name(annotation)}, "
                      f"got {cls_name(value)}")
    return value


def param_type_error(pname: str, annotation: Any, value: Any, fname: str) -> None:
    raise TypeErr(f"Parameter '{pname}' expects type {objects.annotation_name(annotation)}, "
                  f"got {cls_name(value)}")


def check_elements(values_: Any, annotation: Any, pname: str, fname: str) -> None:
    items = values_.values() if type(values_) is dict else values_
    for v in items:
        if not objects.matches_annotation(v, annotation):
            param_type_error(pname, annotation, v, fname)


def param_order_error(fname: str, pname: str) -> None:
    raise ArgErr(f"In '{fname}': required parameter '{pname}' follows an optional parameter")


def check_assign(value: Any, annotation: Any, vname: str) -> Any:
    if not objects.matches_annotation(value, annotation):
        raise TypeErr(f"Cannot assign {cls_name(value)} to variable '{vname}' of type "
                      f"{objects.annotation_name(annotation)}")
    return value


def decorate(decorator: Any, fn: Any, *args: Any, **kwargs: Any) -> Any:
    """``@Decorator(args)`` before ``fun`` (spec 2.15): the decorator type is constructed
    with the function as its first field (as the field ``func`` when named arguments are
    given), and the struct replaces the function; calling it calls ``_call``. A
    ``_decorate(func)`` method, if the type has one, decides what is bound instead."""
    if not isinstance(decorator, objects.StructType) or not (
            hasattr(decorator, "_call")
            or any(t.name == "Decorator" for t in decorator.quest_traits)):
        label = decorator.quest_name if isinstance(decorator, type) else to_str(decorator)
        raise TypeErr(f"Decorator {label} must be a type with a _call method")
    if kwargs:
        instance = decorator.new(*args, func=fn, **kwargs)
    else:
        instance = decorator.new(fn, *args)
    hook = getattr(instance, "_decorate", None)
    return hook(fn) if callable(hook) else instance


def decorated_method_error(type_name: str, method: str) -> None:
    raise TypeErr(f"Decorators are not supported on methods ({type_name}.{method}): "
                  "decorate a module-level function instead")


def magic_file(path: str) -> str:
    """``__file__`` (spec 1.5): the absolute path of the running file, ``<unknown>`` for
    code that has none (stdin, ``-e``, the REPL)."""
    if path.startswith("<"):
        return "<unknown>"
    return os.path.abspath(path)


def const_error(vname: str, compound: bool = False) -> None:
    """``X = v`` or ``X += v`` on a ``const`` (the reference's two wordings)."""
    if compound:
        raise TypeErr(f"Cannot modify constant '{vname}'")
    raise TypeErr(f"Cannot reassign constant '{vname}'")


def undeclared_error(vname: str) -> None:
    raise NameErr(f"Undefined variable: {vname} (declare it first with 'let {vname} = ...')")


def del_undefined(vname: str) -> None:
    raise NameErr(f"Undefined variable: {vname}")


def del_outer(vname: str) -> None:
    raise RuntimeErr(f"Cannot delete '{vname}': it belongs to an outer scope")


def range_pair_error() -> None:
    raise TypeErr("A range loop takes one variable")


def global_or_nil(namespace: dict, vname: str) -> Any:
    """A template name that is neither a loop variable nor an assign: lexical, else nil."""
    if vname in namespace:
        return namespace[vname]
    builtins_ = namespace.get("__builtins__")
    if isinstance(builtins_, dict):
        return builtins_.get(vname)
    return None


def global_type(namespace: dict, tname: str) -> Any:
    """An annotation naming a type this file does not declare: a global, or TypeErr."""
    value = namespace.get(tname, _ABSENT)
    if value is _ABSENT:
        raise TypeErr(f"Unknown type '{tname}' in annotation")
    return value


def global_trait(namespace: dict, tname: str) -> Any:
    """``impl Name`` of a trait this file does not declare: a global, or AttrErr."""
    value = namespace.get(tname, _ABSENT)
    if value is _ABSENT:
        from quest_rt.runtime.errors import AttrErr

        raise AttrErr(f"Unknown trait '{tname}'")
    return value


_ABSENT = object()


def import_module(path: str, importer: str | None, alias: str | None = None) -> Any:
    from quest_rt.runtime.loader import import_module as load

    module = load(path, importer)
    if alias is not None and isinstance(module, objects.QuestModule) and \
            alias != module.quest_module_name:
        return module.renamed(alias)
    return module


def import_conflict(alias: str, member: str, path: str) -> None:
    from quest_rt.runtime.errors import ImportErr

    raise ImportErr(f"'{alias}' is already declared in this scope; import it under another "
                    f"name: use \"{path}\" {{{member} as other_name}}")


def import_member(module: Any, member: str, path: str) -> Any:
    from quest_rt.runtime.errors import ImportErr

    if isinstance(module, objects.QuestModule):
        members = module.quest_members()
        if member in members:
            return members[member]
    raise ImportErr(f"Module '{path}' has no public member '{member}'")


class CompiledTemplate:
    """A template literal compiled with its ``lv.template`` call (see compiler/templates)."""

    quest_name = "Template"

    def __init__(self, render: Any, reads: tuple[str, ...]) -> None:
        self.render = render
        self.reads = reads

    def __call__(self, assigns: dict) -> rendered.Rendered:
        return self.render(assigns)


def _helpers() -> dict[str, Any]:
    h: dict[str, Any] = {
        "type": type, "int": int, "float": float, "str": str, "bool": bool, "list": list,
        "dict": dict, "bytes": bytes, "len": len, "ord": ord, "abs": abs, "Exception": Exception,
        "isinstance": isinstance, "BigInt": bignum.BigInt,
        "NUMBERS": frozenset((int, float)), "SCALARS": frozenset((int, float, str)),
        "ORDERED": frozenset((int, str)), "SIZED": frozenset((list, dict)),
        "INDEXABLE": frozenset((list, str)),
        "UNSET": UNSET, "BREAK": BREAK, "RET": RET, "MISSING": objects._MISSING,
        "ModuleReturn": errors.ModuleReturn,
        "to_str": to_str, "eq": values.eq, "to_quest": errors.to_quest,
        "lt": values.lt, "le": values.le, "gt": values.gt, "ge": values.ge,
        "call_method": dispatch.call_method, "member": dispatch.member,
        "METHODS": dispatch.METHODS, "MethodType": types.MethodType,
        "make_type": objects.make_type, "make_trait": objects.make_trait,
        "matches_annotation": objects.matches_annotation,
        "Rendered": rendered.Rendered, "Comprehension": rendered.Comprehension,
        "output": rendering.output, "CompiledTemplate": CompiledTemplate,
    }
    for fname in ("add", "add_assign", "sub", "mul", "div", "mod", "neg", "pos", "invert",
                  "bitand", "bitor", "bitxor", "shl", "shr", "concat", "ne", "index",
                  "index_multi", "setindex", "setmember", "range_of", "iter_values",
                  "iter_pairs", "match_range", "spread", "kwspread", "arg_order_error",
                  "duplicate_named_error", "merge_named", "raise_value", "catch_matches",
                  "check_catch_type", "with_enter", "with_exit", "array_new", "matrix_error",
                  "break_outside_loop", "continue_outside_loop", "int_overflow", "arith_result"):
        h[fname] = getattr(ops, fname)
    for fn in (check_return, param_type_error, check_elements, param_order_error,
               check_assign, const_error, magic_file, decorate, decorated_method_error, undeclared_error, del_undefined, del_outer,
               range_pair_error, global_or_nil, global_type, global_trait, import_module,
               import_member, import_conflict):
        h[fn.__name__] = fn
    from quest_rt.runtime.formatting import format_spec

    h["format_spec"] = format_spec
    h["setindex_multi"] = ops.index_multi
    return {"·" + k: v for k, v in h.items()}


def make_builtins() -> dict[str, Any]:
    b: dict[str, Any] = {"puts": puts, "print": print_, "chr": chr_, "ord": ord_,
                         "is_array": is_array}
    for qname, fn in b.items():
        fn.__qualname__ = qname  # `chr_` is `chr` in Quest, and in an ArgErr's text
    from quest_rt.runtime.methods.exact import DecimalType

    b["BigInt"] = bignum.BigInt  # spec 1.5: real type objects, with BigInt.new / Decimal.new
    b["Decimal"] = DecimalType
    b.update(errors.ERROR_TYPES)
    b.update(_helpers())
    return b


BUILTINS = make_builtins()

# The method tables must be filled before compiled code runs, including code loaded from
# the cache, which never runs the compiler (the compiler loads them too, for its names).
import quest_rt.runtime.methods  # noqa: E402,F401
