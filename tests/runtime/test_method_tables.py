"""Every method the spec's tables list (5.3–5.10) is registered, and every registered
method documents its Quest signature on its docstring's first line."""

from __future__ import annotations

import inspect
import re

import pytest

from quest_rt.runtime.dispatch import METHODS, UNIVERSAL, builtin_method_names
from tests.runtime import support  # noqa: F401  (fills the method tables)

UNIVERSAL_NAMES = "cls str _rep _doc _id is"

ARITHMETIC = "plus minus times div mod add sub mul eq neq gt lt gte lte abs neg sign pow min max"

SPEC = {
    # 5.3
    int: f"{ARITHMETIC} round floor ceil trunc to_f64 to_num to_string",
    # 5.4
    float: f"{ARITHMETIC} floor ceil round trunc to_int to_string is_nan is_infinite "
           "is_finite",
    # 5.5 (with the LATER bytes, encode, decode, expandtabs, hash)
    str: "len upper lower capitalize title trim ltrim rtrim contains startswith starts_with "
         "endswith ends_with index_of count split slice replace repeat concat eq neq fmt "
         "to_int to_float ord bytes isdigit isalpha isalnum isspace isupper islower istitle "
         "isascii isdecimal isnumeric encode decode expandtabs hash",
    # 5.6
    bool: "eq neq",
    # 5.7
    list: "len push pop shift unshift insert remove remove_at clear reverse reversed sort "
          "sorted get first last slice concat join contains index_of count empty map filter "
          "each reduce any all find find_index",
    # 5.8 (with the EXT empty)
    dict: "len keys values contains get set remove clone each empty",
    # 5.10
    bytes: "len get slice decode hex to_array",
}


@pytest.mark.parametrize("pytype", list(SPEC), ids=lambda t: t.__name__)
def test_every_spec_method_is_registered(pytype):
    missing = [m for m in SPEC[pytype].split() if m not in METHODS.get(pytype, {})]
    assert missing == []


def test_universal_methods_are_registered():
    assert set(UNIVERSAL_NAMES.split()) <= set(UNIVERSAL)
    assert "_name" in UNIVERSAL  # functions, types, traits and modules (5.9)


def test_nil_has_no_method_table():
    assert type(None) not in METHODS


def test_python_methods_of_builtin_types_are_not_quest_methods():
    # a leak would let Quest code reach list.append or str.join
    for pytype, table in METHODS.items():
        for name, fn in table.items():
            assert fn.__module__.startswith("quest_rt."), (pytype, name)


SIGNATURE = re.compile(r"^(\w+)\(([^)]*)\) -> \S")


def _registered():
    for pytype, table in METHODS.items():
        for name, fn in table.items():
            if fn.__module__.startswith("quest_rt.runtime.methods"):
                yield f"{pytype.__name__}.{name}", name, fn
    for name, fn in UNIVERSAL.items():
        yield f"universal.{name}", name, fn


REGISTERED = list(_registered())
LABELS = [label for label, _, _ in REGISTERED]


@pytest.mark.parametrize("label, name, fn", REGISTERED, ids=LABELS)
def test_docstring_first_line_is_the_quest_signature(label, name, fn):
    first = (fn.__doc__ or "").splitlines()[0] if fn.__doc__ else ""
    m = SIGNATURE.match(first)
    assert m, f"{label}: {first!r}"
    # an alias documents the primary name and mentions the alias
    assert m.group(1) == name or f"alias {name}" in first, f"{label}: {first!r}"


def _documented_parameters(first_line: str) -> list[str]:
    inside = SIGNATURE.match(first_line).group(2)
    names = [p.split("=")[0].strip() for p in inside.split(",") if p.strip()]
    return ["*" + n[:-3] if n.endswith("...") else n for n in names]


def _python_parameters(fn) -> list[str]:
    params = list(inspect.signature(fn).parameters.values())[1:]  # not the receiver
    return ["*" + p.name if p.kind is p.VAR_POSITIONAL else p.name for p in params]


# is(T): T stands for a type word; nobody passes it by name
NAMED = [r for r in REGISTERED if r[0] != "universal.is"]


@pytest.mark.parametrize("label, name, fn", NAMED, ids=[label for label, _, _ in NAMED])
def test_python_parameters_are_the_documented_names(label, name, fn):
    # named arguments reach built-in methods too (spec 3.11): d.get("k", default: 0)
    assert _python_parameters(fn) == _documented_parameters(fn.__doc__.splitlines()[0])


def test_the_compiler_dispatches_every_table_name():
    names = builtin_method_names()
    for table in METHODS.values():
        assert set(table) <= names
