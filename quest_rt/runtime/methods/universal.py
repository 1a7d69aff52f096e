"""Methods every value answers (spec 5.1): ``cls str _rep _doc _id is does``."""

from __future__ import annotations

from quest_rt.runtime.dispatch import universal
from quest_rt.runtime.values import cls_name, rep, to_str

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


@universal("cls")
def value_cls(value: Any) -> str:
    """cls() -> Str: the type name

    Example:
        42.cls()  # => "Int"
        [].cls()  # => "Array"
    """
    return cls_name(value)


@universal("str")
def value_str(value: Any) -> str:
    """str() -> Str: the string form

    Example:
        [1, "a"].str()  # => "[1, a]"
        3.0.str()  # => "3"
    """
    return to_str(value)


@universal("_rep")
def value_rep(value: Any) -> str:
    """_rep() -> Str: the string form, Str quoted

    Example:
        "hi"._rep()  # => "\\"hi\\""
        [1, "a"]._rep()  # => "[1, \\"a\\"]"
    """
    return rep(value)


@universal("_id")
def value_id(value: Any) -> int:
    """_id() -> Int: a unique object id

    Example:
        let a = [1]
        let b = [1]
        a._id() == b._id()  # => false
        a._id() == a._id()  # => true
    """
    return id(value)


@universal("is")
def value_is(value: Any, wanted: Any) -> bool:
    """is(T) -> Bool: whether the value's type is T (a type or a type name)

    Example:
        5.is(Int)  # => true
        5.is("float")  # => false
    """
    from quest_rt.runtime.objects import Struct

    if isinstance(value, Struct):
        return isinstance(wanted, type) and type(value) is wanted
    if isinstance(wanted, str):
        return cls_name(value).lower() == wanted.lower()
    name = getattr(wanted, "quest_name", None)
    return isinstance(name, str) and cls_name(value).lower() == name.lower()


@universal("does")
def value_does(value: Any, trait: Any) -> bool:
    """does(trait) -> Bool: whether the value's type implements the trait (structs only)

    Example:
        trait Named
          fun name()
        end
        type Dog
          impl Named
            fun name() "Rex" end
          end
        end
        Dog.new().does(Named)  # => true
    """
    from quest_rt.runtime.objects import does

    return does(value, trait)
