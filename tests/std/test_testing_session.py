"""The ``std/test`` session in-process: the result tree a file produces, module groups,
assertions outside an ``it``, the configuration functions, and the console reporter's
text for a known tree. ``test_testing_framework.py`` covers the command end to end."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from quest_rt.testing.console import ConsoleReporter, format_time
from quest_rt.testing.results import Status
from quest_rt.testing.session import Config, Session, activated


def load(tmp_path: Path, source: str, config: Config | None = None,
         reporter: ConsoleReporter | None = None, name: str = "test_x.q") -> Session:
    path = tmp_path / name
    path.write_text('use "std/test"\n' + source)
    session = Session(config or Config(), reporter)
    with activated(session):
        failure = session.load_file(str(path))
        session.finish()
    assert failure is None, failure.message
    return session


def tree(session: Session) -> list[tuple[str, tuple[str, ...], str, str]]:
    return [(m.name, path, t.name, t.status.value)
            for m in session.run.modules for path, t in m.root.walk()]


def test_results_tree_of_nested_describes(tmp_path: Path) -> None:
    session = load(tmp_path, """
test.module("M")
test.it("top", fun () nil end)
test.describe("a", fun ()
  test.describe("b", fun () test.it("deep", fun () test.fail("no") end) end)
  test.skip("later")
end)
""")
    assert tree(session) == [
        ("M", (), "top", "passed"),
        ("M", ("a", "b"), "deep", "failed"),
        ("M", ("a",), "later", "skipped"),
    ]
    deep = next(t for _, t in session.run.modules[0].root.walk() if t.name == "deep")
    assert deep.failures == ["no"] and deep.line == 6
    assert session.run.exit_status() == 1


def test_module_names_the_file_or_starts_a_new_group(tmp_path: Path) -> None:
    session = load(tmp_path, """
test.module("First")
test.it("one", fun () nil end)
test.module("Second")
test.it("two", fun () nil end)
""")
    assert [(m.name, m.path) for m in session.run.modules] == [
        ("First", str(tmp_path / "test_x.q")), ("Second", str(tmp_path / "test_x.q"))]
    unnamed = load(tmp_path, 'test.it("one", fun () nil end)\n', name="test_y.q")
    assert unnamed.run.modules[0].name == str(tmp_path / "test_y.q")


def test_assertion_outside_an_it_is_a_failed_test(tmp_path: Path) -> None:
    session = load(tmp_path, """
test.describe("d", fun ()
  test.assert_eq(1, 2)
end)
""")
    assert tree(session) == [(str(tmp_path / "test_x.q"), ("d",), "(assertion outside it)",
                              "failed")]


def test_top_level_after_all_runs_when_the_file_ends(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture) -> None:
    load(tmp_path, """
test.after_all(fun () puts("after all") end)
test.it("one", fun () puts("body") end)
""", config=Config(capture="no"))
    assert capsys.readouterr().out == "body\nafter all\n"


def test_tags_do_not_leak_past_the_next_it(tmp_path: Path) -> None:
    session = load(tmp_path, """
test.tag(["a", "b"])
test.it("tagged", fun () nil end)
test.it("plain", fun () nil end)
test.tag("c")
""", config=Config(skip_tags=("a",)))
    tests = [t for _, t in session.run.modules[0].root.walk()]
    assert [(t.name, t.tags, t.status, t.skip_reason) for t in tests] == [
        ("tagged", ("a", "b"), Status.SKIPPED, "tag 'a'"),
        ("plain", (), Status.PASSED, None),
    ]


def test_configuration_functions(tmp_path: Path) -> None:
    session = load(tmp_path, """
test.set_filter_tags(["x"])
test.set_skip_tags("y")
test.set_capture(false)
test.set_condensed(true)
test.set_colors(true)
let painted = test.red("r")
test.set_colors(false)
test.it("filtered out", fun () nil end)
test.tag("x")
test.it("kept", fun () test.assert_eq(painted, "\\u") end)
""")
    config = session.config
    assert (config.filter_tags, config.skip_tags, config.capture, config.condensed) == \
        (("x",), ("y",), "no", True)
    kept = [t for _, t in session.run.modules[0].root.walk()][1]
    assert kept.failures == ['Expected "\\u" but got "\x1b[31mr\x1b[0m"']


def test_bad_arguments_stop_the_file(tmp_path: Path) -> None:
    for source, message in (('test.it("x", 1)', "TypeErr: test.it expects a Fun, got Int"),
                            ('test.set_capture("loud")', "ValueErr: Unknown capture mode"),
                            ('test.tag(1)', "TypeErr: test.tag expects a Str or an Array of Str")):
        path = tmp_path / "test_bad.q"
        path.write_text('use "std/test"\n' + source + "\n")
        session = Session()
        with activated(session):
            failure = session.load_file(str(path))
        assert failure is not None and message in failure.message


@pytest.mark.parametrize(("ms", "text"), [
    (0, "0ms"), (12.4, "12ms"), (999.4, "999ms"), (1000, "1s"), (2500, "3s"),
    (59_000, "59s"), (90_000, "2m"), (3_600_000, "1h"), (5_400_000, "2h"),
])
def test_format_time(ms: float, text: str) -> None:
    assert format_time(ms) == text


def test_verbose_reporter_indents_nested_describes(tmp_path: Path) -> None:
    out = io.StringIO()
    load(tmp_path, """
test.module("M")
test.describe("outer", fun ()
  test.describe("inner", fun ()
    test.tag("t")
    test.it("deep", fun () nil end)
    test.it("bad", fun () test.assert(false, "why") end)
  end)
end)
""", reporter=ConsoleReporter(colors=False, condensed=False, stream=out))
    lines = out.getvalue().splitlines()
    assert lines[:6] == ["", "M", "", "outer", "", "  inner"]
    assert lines[6].startswith("    ✓ deep [t] ") and lines[6].endswith("ms")
    assert lines[7].startswith("    ✗ bad ")
    assert lines[8] == "      ✗ Assertion failed: why"
