"""Every CPython message form ``runtime/errors.py`` translates, provoked for real (issue 12).

The translation reads CPython's own wording with regular expressions, and CPython
rewords messages between versions; a reworded message silently becomes a vaguer Quest
error. So each case here makes the running interpreter raise the real exception (never a
hand-built one) and checks the exact Quest type and message. ``scripts/test`` runs this
module on every supported CPython (3.11, 3.12, 3.13), so a version that rewords a
message fails here, by name.
"""

from __future__ import annotations

import pytest

from quest_rt.runtime import errors
from quest_rt.runtime.errors import ArgErr, AttrErr, IndexErr, KeyErr, NameErr, RuntimeErr, TypeErr


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


FIVE = 5
THREE = 3
TEXT = "a"


def _undefined_name():
    return undefined_name_for_the_test  # noqa: F821


CASES = [
    # argument counts and names (the _ARG_PATTERNS, in order)
    ("missing one", lambda: two(1), ArgErr, "two: missing required parameter 'b'"),
    ("missing two", lambda: two(), ArgErr, "two: missing required parameters 'a', 'b'"),
    ("missing kw-only", lambda: kw_only(), ArgErr, "kw_only: missing required parameter 'name'"),
    ("too many", lambda: two(1, 2, 3), ArgErr, "two expects 2 arguments, got 3"),
    ("too many, range", lambda: one_or_two(1, 2, 3), ArgErr, "one_or_two expects at most 2 arguments, got 3"),
    ("unknown keyword", lambda: two(1, c=2), ArgErr, "two: unknown keyword argument 'c'"),
    (
        "given twice",
        lambda: two(1, a=2),
        ArgErr,
        "two: parameter 'a' given both positionally and by name",
    ),
    # operators
    ("not callable", lambda: THREE(), TypeErr, "Int is not callable"),
    ("concatenate", lambda: TEXT + 1, TypeErr, "unsupported operand types for +: Str and Int"),
    ("list concatenate", lambda: [1] + TEXT, TypeErr, "unsupported operand types for +: Array and Str"),
    (
        "repeat by float",
        lambda: "ab" * 1.5,
        TypeErr,
        "unsupported operand types for *: a Str or Array can only be repeated by an Int, not Float",
    ),
    ("unsupported operand", lambda: 1 - TEXT, TypeErr, "unsupported operand types for -: Int and Str"),
    ("unary", lambda: -TEXT, TypeErr, "unsupported operand type for unary - Str"),
    ("not subscriptable", lambda: FIVE[0], TypeErr, "Int does not support indexing"),
    ("item assignment", lambda: "abc".__setitem__(0, "x"), AttrErr, None),
    ("not iterable", lambda: [x for x in FIVE], TypeErr, "cannot iterate over Int"),
    ("index type", lambda: [1, 2][TEXT], TypeErr, "index must be an Int, got Str"),
    # other exception classes
    ("division", lambda: 1 // 0, RuntimeErr, "Division by zero"),
    ("name", _undefined_name, NameErr, "Undefined variable: undefined_name_for_the_test"),
    ("key", lambda: {}["k"], KeyErr, "Key not found: k"),
    ("index", lambda: [][3], IndexErr, None),
    ("attribute of nil", lambda: None.upper(), AttrErr, "Cannot call method 'upper' on nil"),
]


@pytest.mark.parametrize(("label", "fn", "quest_type", "message"), CASES, ids=[c[0] for c in CASES])
def test_cpython_messages_translate_to_quest(label, fn, quest_type, message):
    quest = errors.to_quest(_raised(fn))
    assert type(quest) is quest_type, (label, type(quest).__name__, str(quest))
    if message is not None:
        assert str(quest) == message


def test_index_type_error_names_quest_types():
    text = str(errors.to_quest(_raised(lambda: [1, 2][TEXT])))
    assert text == "index must be an Int, got Str"


def test_item_assignment_on_a_str_is_refused_in_quest_words():
    def assign():
        s = "abc"
        s[0] = "x"

    quest = errors.to_quest(_raised(assign))
    assert (type(quest), str(quest)) == (TypeErr, "Str does not support index assignment")
