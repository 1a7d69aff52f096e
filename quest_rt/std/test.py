"""``std/test`` (spec 10.1): describe/it, hooks, tags and the assertions, bound to Quest.

Each function converts its Quest arguments and acts on the current session
(``quest_rt.testing.session``), which owns the describe stack, the hooks, output capture
and the results. Assertions do not raise: a failed one records its message against the
running ``it`` and the body goes on.

Failure messages show values in their ``_rep()`` form (strings quoted), with the caller's
``msg`` appended after ``": "``::

    assert_eq(1 + 1, 3)           Expected 3 but got 2
    assert_eq(name, "x", "name")  Expected "x" but got "y": name
"""

from __future__ import annotations

from typing import Any

from quest_rt.runtime.errors import ArgErr, Err, IOErr, ValueErr, to_quest
from quest_rt.runtime.objects import QuestModule, StructType
from quest_rt.runtime.ops import catch_matches
from quest_rt.runtime.values import (
    cls_name,
    eq,
    error_message,
    ge,
    gt,
    le,
    lt,
    rep,
    to_str,
)
from quest_rt.std.arguments import need_bool, need_fn, need_number, wrong_kind
from quest_rt.testing import console, discovery
from quest_rt.testing.session import CAPTURE_MODES, Session, current

# ---------------------------------------------------------------- argument helpers


def _session() -> Session:
    return current()


def _fun(fn: Any, fname: str) -> Any:
    return need_fn(fn, f"test.{fname}")


def _strings(value: Any, fname: str) -> tuple[str, ...]:
    """A Str or an Array of Str, as a tuple."""
    if type(value) is str:
        return (value,)
    if type(value) is list:
        return tuple(to_str(v) for v in value)
    if value is None:
        return ()
    raise wrong_kind(value, f"test.{fname}", "a Str or an Array of Str")


def _caller_line() -> int | None:
    """The line of the Quest code that called the std/test function (for reports)."""
    from quest_rt.runtime.loader import quest_callers

    frame = next(quest_callers(), None)
    return frame.f_lineno if frame is not None else None


def _suffix(msg: Any) -> str:
    return "" if msg is None else ": " + to_str(msg)


def _check(ok: Any, message: str, msg: Any) -> None:
    if not ok:
        _session().record_failure(message + _suffix(msg))


def _type_name(value: Any) -> str:
    """A type given to ``assert_type``/``assert_raises``: a Str, a user type, an error type."""
    if type(value) is str:
        return value
    if isinstance(value, type):
        name = getattr(value, "quest_name", None)
        if isinstance(name, str):
            return name
    return to_str(value)


def _is_error_type(value: Any) -> bool:
    if isinstance(value, type) and issubclass(value, Err):
        return True
    return isinstance(value, StructType) and any(
        t.name == "Error" for t in value.quest_traits)


# ---------------------------------------------------------------- structure


def module(name: Any) -> None:
    """module(name): start a named group of results (prints a header in verbose mode).

    Example:
        test.module("Math")
        test.it("adds", fun () test.assert_eq(1 + 1, 2) end)
    """
    _session().module(to_str(name))


def describe(name: Any, fn: Any) -> None:
    """describe(name, fn): run fn now, inside a named suite.

    Example:
        test.describe("Str", fun ()
          test.it("upper-cases", fun () test.assert_eq("a".upper(), "A") end)
        end)
    """
    _session().describe(to_str(name), _fun(fn, "describe"))


def it(name: Any, fn: Any) -> None:
    """it(name, fn): run one test case now.

    Example:
        test.it("adds", fun ()
          test.assert_eq(2 + 2, 4)
        end)
    """
    _session().it(to_str(name), _fun(fn, "it"), _caller_line())


def skip(name: Any, reason: Any = None) -> None:
    """skip(name, reason = nil): record a skipped test without running anything.

    Example:
        test.skip("parses dates", "not supported yet")
    """
    _session().skip(to_str(name), None if reason is None else to_str(reason), _caller_line())


def tag(tags: Any) -> None:
    """tag(tags): a Str or an Array of Str, for the next describe or it

    Example:
        test.tag(["slow", "network"])
        test.it("downloads", fun () test.assert(true) end)
    """
    _session().tag(_strings(tags, "tag"))


def before(fn: Any) -> None:
    """before(fn): run fn before each it of the current describe and the ones nested in it

    Example:
        test.describe("counter", fun ()
          let state = {"n": 0}
          test.before(fun () state["n"] = 0 end)
          test.it("starts at zero", fun () test.assert_eq(state["n"], 0) end)
        end)
    """
    _session().add_hook("before", _fun(fn, "before"))


def after(fn: Any) -> None:
    """after(fn): run fn after each it of the current describe and the ones nested in it

    Example:
        test.describe("with cleanup", fun ()
          test.after(fun () puts("cleaned up") end)
          test.it("works", fun () test.assert(true) end)
        end)
    """
    _session().add_hook("after", _fun(fn, "after"))


def before_all(fn: Any) -> None:
    """before_all(fn): run fn now, before the tests that follow

    Example:
        test.describe("files", fun ()
          test.before_all(fun () puts("set up once") end)
          test.it("reads", fun () test.assert(true) end)
        end)
    """
    _fun(fn, "before_all")()


def after_all(fn: Any) -> None:
    """after_all(fn): run fn when the current describe (or module) finishes.

    Example:
        test.describe("database", fun ()
          test.after_all(fun () puts("all done") end)
          test.it("connects", fun () test.assert(true) end)
        end)
    """
    _session().add_hook("after_all", _fun(fn, "after_all"))


# ---------------------------------------------------------------- assertions


def assert_(cond: Any, msg: Any = None) -> None:
    """assert(cond, msg = nil): fails when cond is falsy.

    Example:
        test.it("is true", fun ()
          test.assert(1 < 2, "one is less than two")
        end)
    """
    _check(cond, "Assertion failed", msg)


assert_.quest_name = "assert"  # type: ignore[attr-defined]


def assert_eq(actual: Any, expected: Any, msg: Any = None) -> None:
    """assert_eq(actual, expected, msg = nil): fails when actual != expected

    Example:
        test.it("adds", fun ()
          test.assert_eq(1 + 1, 2)
        end)
    """
    _check(eq(actual, expected), f"Expected {rep(expected)} but got {rep(actual)}", msg)


def assert_neq(a: Any, b: Any, msg: Any = None) -> None:
    """assert_neq(a, b, msg = nil): fails when a == b

    Example:
        test.it("differs", fun ()
          test.assert_neq("a", "b")
        end)
    """
    _check(not eq(a, b), f"Expected {rep(a)} to not equal {rep(b)}", msg)


def assert_gt(actual: Any, bound: Any, msg: Any = None) -> None:
    """assert_gt(actual, bound, msg = nil): fails unless actual > bound

    Example:
        test.it("grows", fun ()
          test.assert_gt(10, 3)
        end)
    """
    _check(gt(actual, bound), f"Expected {rep(actual)} to be greater than {rep(bound)}", msg)


def assert_lt(actual: Any, bound: Any, msg: Any = None) -> None:
    """assert_lt(actual, bound, msg = nil): fails unless actual < bound

    Example:
        test.it("shrinks", fun ()
          test.assert_lt(3, 10)
        end)
    """
    _check(lt(actual, bound), f"Expected {rep(actual)} to be less than {rep(bound)}", msg)


def assert_gte(actual: Any, bound: Any, msg: Any = None) -> None:
    """assert_gte(actual, bound, msg = nil): fails unless actual >= bound

    Example:
        test.it("at least", fun ()
          test.assert_gte(3, 3)
        end)
    """
    _check(ge(actual, bound),
           f"Expected {rep(actual)} to be greater than or equal to {rep(bound)}", msg)


def assert_lte(actual: Any, bound: Any, msg: Any = None) -> None:
    """assert_lte(actual, bound, msg = nil): fails unless actual <= bound

    Example:
        test.it("at most", fun ()
          test.assert_lte(3, 3)
        end)
    """
    _check(le(actual, bound),
           f"Expected {rep(actual)} to be less than or equal to {rep(bound)}", msg)


def assert_nil(v: Any, msg: Any = None) -> None:
    """assert_nil(v, msg = nil): fails unless v is nil

    Example:
        test.it("finds nothing", fun ()
          test.assert_nil({"a": 1}.get("z"))
        end)
    """
    _check(v is None, f"Expected nil but got {rep(v)}", msg)


def assert_not_nil(v: Any, msg: Any = None) -> None:
    """assert_not_nil(v, msg = nil): fails when v is nil

    Example:
        test.it("finds something", fun ()
          test.assert_not_nil({"a": 1}.get("a"))
        end)
    """
    _check(v is not None, "Expected a value but got nil", msg)


def assert_type(v: Any, name: Any, msg: Any = None) -> None:
    """assert_type(v, name, msg = nil): fails unless v.cls() is name (a Str or a type)

    Example:
        test.it("makes a Str", fun ()
          test.assert_type("x" .. 1, "Str")
        end)
    """
    expected, actual = _type_name(name), cls_name(v)
    _check(actual == expected, f"Expected type {expected} but got {actual}", msg)


def _number(value: Any, what: str) -> float:
    return need_number(value, "test.assert_near", f"as {what}", finite=False)


def assert_near(actual: Any, expected: Any, tolerance: Any, msg: Any = None) -> None:
    """assert_near(actual, expected, tolerance, msg = nil): fails unless |actual -
    expected| <= tolerance

    Example:
        test.it("is close", fun ()
          test.assert_near(0.1 + 0.2, 0.3, 0.000001)
        end)
    """
    a, e, t = (_number(actual, "actual"), _number(expected, "expected"),
               _number(tolerance, "tolerance"))
    _check(abs(a - e) <= t,
           f"Expected {rep(actual)} to be within {rep(tolerance)} of {rep(expected)}", msg)


def assert_raises(exc_type: Any, fn: Any, msg: Any = None) -> None:
    """assert_raises(ExcType, fn, msg = nil): fails unless fn() raises ExcType (Err matches
    any error)

    Example:
        test.it("rejects bad input", fun ()
          test.assert_raises(ValueErr, fun () raise ValueErr.new("bad") end)
        end)
    """
    if not _is_error_type(exc_type):
        if _is_error_type(fn):
            raise ArgErr("assert_raises takes the error type first: "
                         "assert_raises(ValueErr, fun () ... end)")
        raise wrong_kind(exc_type, "test.assert_raises", "an error type")
    _fun(fn, "assert_raises")
    wanted = _type_name(exc_type)
    try:
        fn()
    except Exception as exc:  # whatever fn raised is what the assertion inspects
        value = to_quest(exc)
        if not catch_matches(value, exc_type):
            from quest_rt.runtime.traceback import error_type_name

            _check(False, f"Expected {wanted} but got {error_type_name(value)}: "
                          f"{error_message(value)}", msg)
        return
    _check(False, f"Expected {wanted} to be raised but nothing was raised", msg)


def fail(message: Any = None) -> None:
    """fail(message): record a failure.

    Example:
        test.it("is not written yet", fun ()
          test.fail("write this test")
        end)
    """
    _session().record_failure("Failed" if message is None else to_str(message))


# ---------------------------------------------------------------- running


def stats() -> int:
    """stats() -> Int: print the summary; the exit status (failed tests, at most 255).

    Example:
        test.it("passes", fun () test.assert(true) end)
        test.stats()  # => 0
    """
    return _session().summary()


def find_tests(paths: Any) -> list:
    """find_tests(paths) -> Array of Str: the test files (test_*.q, *_test.q) under the
    paths

    Example:
        use "std/io"
        io.write("test_math.q", "")
        io.write("helper.q", "")
        test.find_tests(".")  # => ["test_math.q"]
    """
    try:
        return discovery.find_tests(list(_strings(paths, "find_tests")))
    except FileNotFoundError as exc:
        raise IOErr(f"No such file or directory: {exc.args[0]}") from None


def set_colors(b: Any) -> None:
    """set_colors(b): colour the output (true) or not (false)

    Example:
        test.set_colors(false)
    """
    _session().configure(colors=need_bool(b, "test.set_colors"))


def set_condensed(b: Any) -> None:
    """set_condensed(b): condensed (true) or verbose (false) output.

    Example:
        test.set_condensed(true)
    """
    _session().configure(condensed=need_bool(b, "test.set_condensed"))


def set_capture(mode: Any) -> None:
    """set_capture(mode): capture test output: "all", "stdout", "stderr" or "no" (also
    "0"/"1", true/false)

    Example:
        test.set_capture("no")  # output of tests goes straight to the terminal
    """
    if type(mode) is bool:
        key = "all" if mode else "no"
    else:
        key = CAPTURE_MODES.get(to_str(mode))
        if key is None:
            raise ValueErr(f"Unknown capture mode {rep(mode)}: "
                           "expected all, no, 0, 1, stdout or stderr")
    _session().configure(capture=key)


def set_filter_tags(a: Any) -> None:
    """set_filter_tags(a): run only tests with one of these tags.

    Example:
        test.set_filter_tags(["fast"])
        test.tag("slow")
        test.it("is skipped", fun () test.assert(false) end)
    """
    _session().configure(filter_tags=_strings(a, "set_filter_tags"))


def set_skip_tags(a: Any) -> None:
    """set_skip_tags(a): skip tests with any of these tags.

    Example:
        test.set_skip_tags("slow")
        test.tag("slow")
        test.it("is skipped", fun () test.assert(false) end)
    """
    _session().configure(skip_tags=_strings(a, "set_skip_tags"))


def _colour(style: str) -> Any:
    def helper(text: Any) -> str:
        return console.paint(to_str(text), style, _session().config.colors)

    helper.__name__ = style
    helper.__doc__ = (f"{style}(text) -> Str: text styled {style} when the test output is "
                      f"coloured, else as it is\n\nExample:\n    test.set_colors(false)\n"
                      f"    test.{style}(\"ok\")  # => \"ok\"\n")
    return helper


def format_time(ms: Any) -> str:
    """format_time(ms) -> Str: a duration in milliseconds written short: "12ms", "3s",
    "2m", "1h"

    Example:
        test.format_time(12)  # => "12ms"
        test.format_time(3000)  # => "3s"
    """
    return console.format_time(need_number(ms, "test.format_time", "of milliseconds",
                                           finite=False))


def create() -> QuestModule:
    members: dict[str, Any] = {
        "module": module, "describe": describe, "it": it, "skip": skip, "tag": tag,
        "before": before, "after": after, "before_all": before_all, "after_all": after_all,
        "assert": assert_, "assert_eq": assert_eq, "assert_neq": assert_neq,
        "assert_gt": assert_gt, "assert_lt": assert_lt, "assert_gte": assert_gte,
        "assert_lte": assert_lte, "assert_nil": assert_nil, "assert_not_nil": assert_not_nil,
        "assert_type": assert_type, "assert_near": assert_near,
        "assert_raises": assert_raises, "fail": fail, "stats": stats,
        "find_tests": find_tests, "set_colors": set_colors, "set_condensed": set_condensed,
        "set_capture": set_capture, "set_filter_tags": set_filter_tags,
        "set_skip_tags": set_skip_tags, "format_time": format_time,
    }
    for style in ("green", "red", "yellow", "cyan", "bold", "dimmed"):
        members[style] = _colour(style)
    return QuestModule("test", members, None)
