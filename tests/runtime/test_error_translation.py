"""Every CPython message form ``runtime/errors.py`` translates, provoked for real (issue 12).

The translation reads CPython's own wording with regular expressions, and CPython
rewords messages between versions (3.13 reworded several argument errors of C
functions); a reworded message silently becomes a vaguer Quest error, or leaks Python's
words. So each case here makes the running interpreter raise the real exception (never a
hand-built one) and checks the exact Quest type and message, which must be the same on
every version. ``scripts/test`` runs this module on every supported CPython (3.11, 3.12,
3.13); ``test_argument_forms_seen_on_this_version`` also pins which of the argument forms
this version emits, so a new wording fails here by name instead of falling through.
"""

from __future__ import annotations

import re
import sys

import pytest

from quest_rt.runtime import errors
from quest_rt.runtime.errors import (
    ArgErr,
    AttrErr,
    IndexErr,
    IOErr,
    KeyErr,
    NameErr,
    RuntimeErr,
    TypeErr,
    ValueErr,
)


def _raised(fn) -> BaseException:
    try:
        fn()
    except BaseException as exc:  # the point: capture whatever CPython raises
        return exc
    raise AssertionError("nothing was raised")


def two(a, b):
    return a, b


def one_or_two(a, b=1):
    return a, b


def kw_only(*, name):
    return name


def one_and_kw(x, *, a):
    return x, a


def positional(a, /):
    return a


class Slotted:
    __slots__ = ()


FIVE = 5
THREE = 3
TEXT = "a"
BYTES = b"a"
PAIR = (1, 2)


def _undefined_name():
    return undefined_name_for_the_test  # noqa: F821


def _unbound_local():
    if FIVE > 10:
        late = 1
    return late


def _free_variable():
    def inner():
        return late

    inner()
    late = 1
    return late


def _recurse():
    return _recurse()


def _str_item_assignment():
    s = "abc"
    s[0] = "x"


# (label, provoke, the argument form CPython words it in, Quest type, Quest message)
ARGUMENT_CASES = [
    ("missing one", lambda: two(1), "missing", "two: missing required parameter 'b'"),
    ("missing two", lambda: two(), "missing", "two: missing required parameters 'a', 'b'"),
    ("missing kw-only", lambda: kw_only(), "missing", "kw_only: missing required parameter 'name'"),
    ("too many", lambda: two(1, 2, 3), "too many", "two expects 2 arguments, got 3"),
    (
        "too many, range",
        lambda: one_or_two(1, 2, 3),
        "too many",
        "one_or_two expects at most 2 arguments, got 3",
    ),
    (
        "too many, with kw-only",
        lambda: one_and_kw(1, 2, a=3),
        "too many",
        "one_and_kw expects 1 arguments, got 2",
    ),
    (
        "unknown keyword",
        lambda: two(1, c=2),
        "unexpected keyword",
        "two: unknown keyword argument 'c'",
    ),
    (
        "unknown keyword, C function",
        lambda: "".encode(foo=1),
        "invalid keyword" if sys.version_info < (3, 13) else "unexpected keyword",
        "encode: unknown keyword argument 'foo'",
    ),
    (
        "given twice",
        lambda: two(1, a=2),
        "given twice",
        "two: parameter 'a' given both positionally and by name",
    ),
    ("no keywords", lambda: len(obj=[1]), "no keywords", "len takes no named arguments"),
    (
        "positional-only",
        lambda: positional(a=1),
        "positional-only",
        "positional: 'a' cannot be given by name",
    ),
    ("takes none", lambda: [].clear(1), "takes none", "Array.clear expects 0 arguments, got 1"),
    ("takes one", lambda: [].append(), "takes one", "Array.append expects 1 arguments, got 0"),
    ("takes one, builtin", lambda: len(1, 2), "takes one", "len expects 1 arguments, got 2"),
    ("expected", lambda: divmod(1), "expected", "divmod expects 2 arguments, got 1"),
    (
        "expected at least",
        lambda: getattr(),
        "expected",
        "getattr expects at least 2 arguments, got 0",
    ),
    (
        "expected at most",
        lambda: range(1, 2, 3, 4),
        "expected",
        "range expects at most 3 arguments, got 4",
    ),
    (
        "at least, reworded in 3.13 (a)",
        lambda: "a".replace("a"),
        "expected" if sys.version_info < (3, 13) else "takes at least",
        "replace expects at least 2 arguments, got 1",
    ),
    (
        "at least, reworded in 3.13 (b)",
        lambda: "a".startswith(),
        "takes at least" if sys.version_info < (3, 13) else "expected",
        "startswith expects at least 1 arguments, got 0",
    ),
    (
        "missing, C function",
        lambda: int.from_bytes(),
        "missing one",
        "from_bytes: missing required parameter 'bytes'",
    ),
]

OTHER_CASES = [
    # TypeError forms other than arguments
    ("not callable", lambda: THREE(), TypeErr, "Int is not callable"),
    ("concatenate", lambda: TEXT + 1, TypeErr, "unsupported operand types for +: Str and Int"),
    (
        "list concatenate",
        lambda: [1] + TEXT,
        TypeErr,
        "unsupported operand types for +: Array and Str",
    ),
    (
        "bytes concatenate",
        lambda: BYTES + TEXT,
        TypeErr,
        "unsupported operand types for +: Bytes and Str",
    ),
    (
        "repeat by float",
        lambda: "ab" * 1.5,
        TypeErr,
        "unsupported operand types for *: a Str or Array can only be repeated by an Int, not Float",
    ),
    (
        "unsupported operand",
        lambda: 1 - TEXT,
        TypeErr,
        "unsupported operand types for -: Int and Str",
    ),
    ("unary", lambda: -TEXT, TypeErr, "unsupported operand type for unary - Str"),
    ("not subscriptable", lambda: FIVE[0], TypeErr, "Int does not support indexing"),
    ("item assignment", _str_item_assignment, TypeErr, "Str does not support index assignment"),
    ("not iterable", lambda: [x for x in FIVE], TypeErr, "cannot iterate over Int"),
    ("index type", lambda: [1, 2][TEXT], TypeErr, "index must be an Int, got Str"),
    ("index type, Str", lambda: "ab"[TEXT], TypeErr, "index must be an Int, got Str"),
    ("index type, Float", lambda: PAIR[1.5], TypeErr, "index must be an Int, got Float"),
    # other exception classes
    ("division", lambda: 1 // 0, RuntimeErr, "Division by zero"),
    ("name", _undefined_name, NameErr, "Undefined variable: undefined_name_for_the_test"),
    ("unbound local", _unbound_local, NameErr, "Undefined variable: late"),
    ("free variable", _free_variable, NameErr, "Undefined variable: late"),
    ("key", lambda: {}["k"], KeyErr, "Key not found: k"),
    ("index", lambda: [][3], IndexErr, None),
    ("attribute of nil", lambda: None.upper(), AttrErr, "Cannot call method 'upper' on nil"),
    ("attribute", lambda: FIVE.nope, AttrErr, "Int has no method 'nope'"),
    ("missing slot", lambda: setattr(Slotted(), "a", 1), AttrErr, "Slotted has no method 'a'"),
    ("recursion", _recurse, RuntimeErr, "maximum recursion depth exceeded"),
    ("overflow", lambda: float(10**400), RuntimeErr, "Integer overflow"),
    ("value", lambda: int("x"), ValueErr, "invalid literal for int() with base 10: 'x'"),
    ("os", lambda: open("/nonexistent-quest-dir/x"), IOErr, "No such file or directory"),
    ("re-raise", lambda: exec("raise"), RuntimeErr, "No active exception to re-raise"),
]

# What CPython names a type, as whole words: none of these may reach a Quest message.
_PYTHON_WORDS = re.compile(r"\b(list|dict|str|int|float|tuple|bytes|NoneType|object)\b(?!\()")


@pytest.mark.parametrize(
    ("label", "fn", "form", "message"), ARGUMENT_CASES, ids=[c[0] for c in ARGUMENT_CASES]
)
def test_argument_errors_translate_to_the_same_quest_message(label, fn, form, message):
    raw = str(_raised(fn))
    assert _form_of(raw) == form, (label, raw)
    quest = errors.to_quest(_raised(fn))
    assert (type(quest), str(quest)) == (ArgErr, message), raw


@pytest.mark.parametrize(
    ("label", "fn", "quest_type", "message"), OTHER_CASES, ids=[c[0] for c in OTHER_CASES]
)
def test_cpython_messages_translate_to_quest(label, fn, quest_type, message):
    quest = errors.to_quest(_raised(fn))
    assert type(quest) is quest_type, (label, type(quest).__name__, str(quest))
    if message is not None:
        assert str(quest) == message


def _form_of(raw: str) -> str | None:
    for form, pattern, _message in errors._ARG_FORMS:
        if re.search(pattern, raw):
            return form
    return None


def test_argument_forms_seen_on_this_version():
    """Every form in the table is one this CPython emits, except the wordings another
    supported version uses: a form no supported version emits is dead code, and a form
    missing here means this version reworded it."""
    seen = {_form_of(str(_raised(fn))) for _label, fn, _form, _message in ARGUMENT_CASES}
    only_before_3_13 = {"invalid keyword"}
    expected = {form for form, _pattern, _message in errors._ARG_FORMS}
    if sys.version_info >= (3, 13):
        expected -= only_before_3_13
    assert seen == expected


def test_no_python_type_name_reaches_a_quest_message():
    cases = [(c[0], c[1]) for c in ARGUMENT_CASES] + [(c[0], c[1]) for c in OTHER_CASES]
    for label, fn in cases:
        if label == "value":  # a ValueErr keeps the text it was raised with
            continue
        text = str(errors.to_quest(_raised(fn)))
        unquoted = re.sub(r"'[^']*'", "", text)  # parameter names are the program's own
        assert not _PYTHON_WORDS.search(unquoted), (label, text)
