"""Helpers for the runtime tests: call a Quest method the way compiled code does, and
compare results exactly (``1 == 1.0 == True`` in Python; not in these tests)."""

from __future__ import annotations

import math
from typing import Any

import pytest

import quest_rt.runtime.methods  # noqa: F401  (fills the method tables)
from quest_rt.runtime.dispatch import call_method


def same(got: Any, want: Any) -> bool:
    """Equal values of the same Python type, element by element; NaN equals NaN."""
    if type(got) is not type(want):
        return False
    if type(got) is float and math.isnan(want):
        return math.isnan(got)
    if type(got) is float and got == 0 and want == 0:
        return math.copysign(1, got) == math.copysign(1, want)
    if type(got) is list:
        return len(got) == len(want) and all(same(a, b) for a, b in zip(got, want))
    if type(got) is dict:
        return list(got) == list(want) and all(same(got[k], want[k]) for k in got)
    return got == want


def check(receiver: Any, name: str, args: tuple, want: Any) -> None:
    got = call_method(receiver, name, *args)
    assert same(got, want), f"{receiver!r}.{name}{args!r} gave {got!r}, expected {want!r}"


def check_error(receiver: Any, name: str, args: tuple, error: type, text: str) -> None:
    with pytest.raises(error) as info:
        call_method(receiver, name, *args)
    assert type(info.value) is error
    assert text in str(info.value), str(info.value)


def ids(cases: list) -> list[str]:
    """Readable test ids: ``2.pow(10)``, ``'a,b'.split(',')``."""
    out = []
    for case in cases:
        receiver, name, args = case[0], case[1], case[2]
        out.append(f"{receiver!r}.{name}({', '.join(map(repr, args))})"[:70])
    return out


def run_quest(source: str) -> dict[str, Any]:
    """Compile and run Quest source in process; return its top-level namespace."""
    from quest_rt.runtime.loader import compile_source, new_namespace, run_code

    compiled = compile_source(source, "<test>")
    namespace = new_namespace("<test>")
    run_code(compiled.code, namespace)
    return namespace
