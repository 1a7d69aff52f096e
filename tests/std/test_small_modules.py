"""std/math, std/os, std/str (spec 9.4) and std/term (spec 11.6)."""

from __future__ import annotations

import math
import os

import pytest

from quest_rt.runtime.errors import ArgErr, IOErr, TypeErr, ValueErr
from quest_rt.std import SEARCH_PATH
from quest_rt.std import math as qmath
from quest_rt.std import os as qos
from quest_rt.std import str as qstr
from quest_rt.std import term as qterm
from tests.std.support import lines

MATH = qmath.create()
TERM = qterm.create()

# ---------------------------------------------------------------- math


def test_math_has_exactly_the_reference_members():
    assert sorted(MATH.quest_members()) == sorted(
        ["pi", "tau", "abs", "sqrt", "floor", "ceil", "sin", "cos", "tan", "asin", "acos",
         "atan", "exp", "ln", "log10", "round"])
    assert MATH.pi == math.pi and MATH.tau == math.tau


@pytest.mark.parametrize("name, arg, want", [
    ("abs", -3, 3.0), ("abs", -2.5, 2.5), ("sqrt", 16, 4.0), ("floor", 2.7, 2.0),
    ("floor", -2.1, -3.0), ("ceil", 2.1, 3.0), ("ceil", 5, 5.0), ("sin", 0, 0.0),
    ("cos", 0, 1.0), ("tan", 0, 0.0), ("asin", 1, math.pi / 2), ("acos", 1, 0.0),
    ("atan", 1, math.pi / 4), ("exp", 0, 1.0), ("ln", math.e, 1.0), ("log10", 1000, 3.0),
])
def test_math_functions_return_floats(name, arg, want):
    got = getattr(MATH, name)(arg)
    assert type(got) is float
    assert got == pytest.approx(want)


@pytest.mark.parametrize("name, arg, want", [
    ("sqrt", -1, "nan"), ("asin", 2, "nan"), ("acos", -2, "nan"), ("ln", 0, "-inf"),
    ("ln", -1, "nan"), ("log10", 0, "-inf"), ("exp", 1000, "inf"), ("sin", math.inf, "nan"),
    ("floor", math.inf, "inf"),
])
def test_math_follows_ieee_instead_of_raising(name, arg, want):
    assert repr(getattr(MATH, name)(arg)) == want


def test_math_rejects_non_numbers():
    with pytest.raises(TypeErr, match="math.sqrt expects a number, got Str"):
        MATH.sqrt("4")
    with pytest.raises(TypeErr):
        MATH.abs(True)


@pytest.mark.parametrize("args, want", [
    ((2.5,), 3.0), ((-2.5,), -3.0), ((0.5,), 1.0), ((1.4,), 1.0), ((-0.4,), -0.0),
    ((3,), 3.0), ((2.675, 2), 2.68), ((1.005, 2), 1.01), ((-1.25, 1), -1.3),
    ((123.456, 0), 123.0), ((1.23456, 10), 1.23456), ((1e300, 2), 1e300),
])
def test_round_half_away_from_zero(args, want):
    got = MATH.round(*args)
    assert type(got) is float
    assert repr(got) == repr(want)


def test_round_rejects_negative_or_non_int_places():
    with pytest.raises(ValueErr, match="places must not be negative"):
        MATH.round(1.5, -1)
    with pytest.raises(TypeErr):
        MATH.round(1.5, 1.0)


# ---------------------------------------------------------------- os


def test_environment(monkeypatch):
    monkeypatch.delenv("QUEST_T_VAR", raising=False)
    assert qos.getenv("QUEST_T_VAR") is None
    qos.setenv("QUEST_T_VAR", "1")
    assert os.environ["QUEST_T_VAR"] == "1"
    assert qos.environ()["QUEST_T_VAR"] == "1"
    qos.setenv("QUEST_T_VAR", 2)
    assert qos.getenv("QUEST_T_VAR") == "2"
    qos.setenv("QUEST_T_VAR", None)
    assert "QUEST_T_VAR" not in os.environ
    qos.setenv("QUEST_T_VAR", "x")
    qos.unsetenv("QUEST_T_VAR")
    assert qos.getenv("QUEST_T_VAR") is None
    qos.unsetenv("QUEST_T_VAR")  # unsetting an unset variable is fine
    with pytest.raises(TypeErr):
        qos.getenv(1)


def test_search_path_is_the_loaders_list():
    assert qos.create().search_path is SEARCH_PATH


def test_directories(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert qos.getcwd() == str(tmp_path)
    qos.mkdir("a/b")
    (tmp_path / "a" / "z.txt").write_text("z")
    assert qos.listdir("a") == ["b", "z.txt"]
    qos.rename("a/z.txt", "a/y.txt")
    qos.remove("a/y.txt")
    qos.rmdir("a/b")
    qos.chdir("a")
    assert qos.getcwd() == str(tmp_path / "a")
    assert qos.listdir() == []
    with pytest.raises(IOErr, match="Cannot remove directory 'nope'"):
        qos.rmdir("nope")
    with pytest.raises(IOErr, match="Cannot change directory to 'nope'"):
        qos.chdir("nope")
    with pytest.raises(IOErr, match="Cannot create directory"):
        qos.mkdir(".")


# ---------------------------------------------------------------- str


@pytest.mark.parametrize("args, named, want", [
    (("Hi {name}!",), {"name": "Ada"}, "Hi Ada!"),
    (("{a}+{a}={b}",), {"a": 1, "b": 2.0}, "1+1=2"),
    (("{x} {missing}",), {"x": [1, "s"]}, "[1, s] {missing}"),
    (("{a}", {"a": None}), {}, "nil"),
    (("no placeholders", {}), {}, "no placeholders"),
    (("{ a } {1}",), {"a": 1}, "{ a } {1}"),
    (("{template}",), {"template": "t"}, "t"),
])
def test_str_format(args, named, want):
    assert qstr.format_(*args, **named) == want


def test_str_format_errors():
    with pytest.raises(TypeErr):
        qstr.format_(5)
    with pytest.raises(TypeErr):
        qstr.format_("{a}", [1])
    with pytest.raises(ArgErr):
        qstr.format_("{a}", {"a": 1}, a=2)


# ---------------------------------------------------------------- term


@pytest.mark.parametrize("name, code", [("red", 31), ("green", 32), ("yellow", 33),
                                        ("blue", 34), ("magenta", 35), ("cyan", 36),
                                        ("white", 37), ("grey", 90)])
def test_term_colours(name, code):
    assert getattr(TERM, name)("hi") == f"\x1b[{code}mhi\x1b[0m"


def test_term_colour_with_attributes():
    assert TERM.red("x", ["bold", "underline"]) == "\x1b[31;1;4mx\x1b[0m"
    assert TERM.green(5, []) == "\x1b[32m5\x1b[0m"
    with pytest.raises(ValueErr, match="unknown attribute"):
        TERM.red("x", ["shiny"])
    with pytest.raises(TypeErr):
        TERM.red("x", "bold")


@pytest.mark.parametrize("name, code", [("bold", 1), ("dim", 2), ("dimmed", 2),
                                        ("underline", 4), ("blink", 5), ("reverse", 7),
                                        ("hidden", 8)])
def test_term_attributes(name, code):
    assert getattr(TERM, name)("t") == f"\x1b[{code}mt\x1b[0m"


def test_term_reset_is_the_code_that_ends_every_style():
    assert TERM.reset() == "\x1b[0m"
    assert TERM.red("t").endswith(TERM.reset())


def test_term_color_by_name():
    assert TERM.color("t", "blue", ["reverse"]) == "\x1b[34;7mt\x1b[0m"
    with pytest.raises(ValueErr):
        TERM.color("t", "mauve")


# ---------------------------------------------------------------- through Quest


PROGRAM = """\
use "std/math"
use "std/os"
use "std/str"
use "std/term"
puts(math.round(2.5), " ", math.round(3.14159, 2), " ", math.sqrt(2).cls(), " ", math.floor(3))
try
  math.round(1.0, -1)
catch e: ValueErr
  puts("ValueErr")
end
os.setenv("QUEST_PROGRAM_VAR", "set")
puts(os.getenv("QUEST_PROGRAM_VAR"), " ", os.getenv("QUEST_UNSET_VAR"), " ", os.environ()["QUEST_PROGRAM_VAR"])
puts(os.getcwd() == os.environ()["PWD_FOR_TEST"], " ", os.search_path)
puts(str.format("{who} has {n}", who: "Ada", n: 3), " ", str.format("{k}", {"k": true}))
let esc = chr(27)
puts(term.red("r", ["bold"]) == esc .. "[31;1mr" .. esc .. "[0m", " ", term.bold("b").len())
"""


def test_small_modules_from_a_quest_program(tmp_path):
    assert lines(PROGRAM, tmp_path=tmp_path, env={"PWD_FOR_TEST": str(tmp_path)}) == [
        "3 3.14 Float 3",
        "ValueErr",
        "set nil set",
        "true []",
        "Ada has 3 true",
        "true 9",
    ]
