"""``std/test`` and ``quest test`` (spec section 10), through the real command.

The suites these tests run live in ``tests/fixtures/std_test/`` under names that are not
test names (``failing.q``, ``hooks.q``...): many are meant to fail, so neither ``quest
test tests`` nor the pytest hook of ``tests/conftest.py`` (which also skips any
``fixtures/`` directory) may pick them up. ``install`` copies them into a temporary
project as ``test/test_<name>.q`` and each test runs ``quest test`` there in a subprocess.
"""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "std_test"
ESC = "\x1b["


@dataclass
class Run:
    status: int
    out: str
    err: str


def install(project: Path, *names: str) -> None:
    (project / "test").mkdir(exist_ok=True)
    for name in names:
        shutil.copy(FIXTURES / f"{name}.q", project / "test" / f"test_{name}.q")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    return env


def quest_test(project: Path, *args: str) -> Run:
    proc = subprocess.run([sys.executable, "-m", "quest_rt", "test", *args], cwd=project,
                          env=_env(), capture_output=True, text=True, timeout=120)
    return Run(proc.returncode, proc.stdout, proc.stderr)


def quest_test_in_tty(project: Path, *args: str) -> Run:
    """Run with stdout on a pseudo-terminal, the way a person at a terminal would."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "quest_rt", "test", *args], cwd=project,
                            env=_env(), stdin=subprocess.DEVNULL, stdout=slave,
                            stderr=subprocess.PIPE)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    err = proc.stderr.read().decode()
    proc.stderr.close()
    proc.wait(timeout=120)
    return Run(proc.returncode, b"".join(chunks).decode().replace("\r\n", "\n"), err)


def write_suite(path: Path, module: str, body: str = 'test.it("ok", fun () nil end)') -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'use "std/test"\ntest.module("{module}")\n{body}\n')


# ---------------------------------------------------------------- passing and failing


def test_passing_suite_exits_zero_with_summary(tmp_path: Path) -> None:
    install(tmp_path, "passing")
    run = quest_test(tmp_path)
    assert run.status == 0, run.out + run.err
    assert "✓ [6/6] Passing" in run.out
    assert "Test Results: ✓ All tests passed!" in run.out
    assert "━" * 20 in run.out
    summary = run.out.splitlines()[-1]
    assert summary.startswith("Total:   6  |  Passed:  6  |  Elapsed: ")
    assert "Failed" not in summary and "Skipped" not in summary


def test_passing_output_is_never_shown(tmp_path: Path) -> None:
    install(tmp_path, "passing")
    for flags in ((), ("-v",)):
        run = quest_test(tmp_path, *flags)
        assert "SECRET-PASSING-OUTPUT" not in run.out + run.err


EXPECTED_MESSAGES = {
    "assert": "Assertion failed",
    "assert with msg": "Assertion failed: with msg",
    "assert_eq": "Expected 3 but got 2",
    "assert_eq strings": 'Expected "b" but got "a": strings',
    "assert_neq": "Expected 1 to not equal 1",
    "assert_gt": "Expected 1 to be greater than 2",
    "assert_lte": "Expected 3 to be less than or equal to 2",
    "assert_nil": "Expected nil but got 5",
    "assert_not_nil": "Expected a value but got nil",
    "assert_type": "Expected type Str but got Int",
    "assert_near": "Expected 1 to be within 0.5 of 2",
    "nothing raised": "Expected ValueErr to be raised but nothing was raised",
    "wrong error": "Expected ValueErr but got KeyErr: k",
    "wrong user error": "Expected QuotaError but got ValueErr: v",
    "fail": "custom failure",
}


def test_failure_messages_in_condensed_output(tmp_path: Path) -> None:
    install(tmp_path, "failing")
    run = quest_test(tmp_path)
    lines = run.out.splitlines()
    assert "✗ [1/20] Failing" in lines
    assert "    ✗ messages [0/15]" in lines
    for name, message in EXPECTED_MESSAGES.items():
        i = lines.index(f"      ✗ {name}")
        assert lines[i + 1] == f"        ✗ {message}"
    assert "    ✗ behaviour [1/5]" in lines
    assert "      ⊘ Skipped - not written yet (later)" in lines
    assert run.out.splitlines()[-1].startswith(
        "Total:   20  |  Passed:  1  |  Failed:  18  |  Skipped: 1  |  Elapsed: ")


def test_exit_status_is_the_number_of_failed_tests(tmp_path: Path) -> None:
    install(tmp_path, "failing")
    assert quest_test(tmp_path).status == 18


def test_exit_status_is_capped_at_255(tmp_path: Path) -> None:
    install(tmp_path, "many_failures")
    run = quest_test(tmp_path)
    assert run.status == 255
    assert "Failed:  300" in run.out


def test_assertions_do_not_stop_the_test(tmp_path: Path) -> None:
    install(tmp_path, "failing")
    lines = quest_test(tmp_path).out.splitlines()
    i = lines.index("      ✗ keeps running after a failed assertion")
    assert lines[i + 1:i + 5] == [
        "        ✗ Expected 2 but got 1",
        "        ✗ Expected 4 but got 3",
        "        output:",
        "          AFTER-FAILURE",
    ]


def test_unexpected_error_is_reported_at_once_with_its_frame(tmp_path: Path) -> None:
    install(tmp_path, "failing")
    lines = quest_test(tmp_path).out.splitlines()
    # condensed mode prints a raising test before its module's line (spec 10.3)
    first = lines.index("✗ behaviour > reports an unexpected error")
    assert first < lines.index("✗ [1/20] Failing")
    assert lines[first + 1] == "  ✗ Unexpected RuntimeErr: kaboom"
    assert lines[first + 2] == "      at test/test_failing.q:46 in <anonymous>"
    assert lines[first + 3:first + 5] == ["  output:", "    BEFORE-RAISE"]


def test_assert_raises_rejects_the_type_last(tmp_path: Path) -> None:
    install(tmp_path, "failing")
    out = quest_test(tmp_path).out
    assert "✗ Unexpected ArgErr: assert_raises takes the error type first" in out


def test_verbose_output(tmp_path: Path) -> None:
    install(tmp_path, "failing")
    lines = quest_test(tmp_path, "-v").out.splitlines()
    assert lines[:3] == ["", "Failing", ""]
    assert lines[3] == "messages"
    assert lines[4].startswith("  ✗ assert ") and lines[4].endswith("ms")
    assert lines[5] == "    ✗ Assertion failed"
    assert any(line.startswith("  ✓ passes and hides its output ") for line in lines)
    assert "  ⊘ not written yet (later)" in lines
    assert not any(line.startswith("✗ [") for line in lines)  # no condensed module line


# ---------------------------------------------------------------- hooks, tags, capture


def test_hooks_run_in_order(tmp_path: Path) -> None:
    install(tmp_path, "hooks")
    run = quest_test(tmp_path, "--cap=no")
    printed = [line for line in run.out.splitlines() if ":" in line and " " not in line]
    assert printed == [
        "before_all:outer",
        "before:top", "before:outer", "body:first", "after:outer",
        "before:top", "before:outer", "before:inner", "body:second", "after:inner",
        "after:outer",
        "before:top", "before:outer", "body:third", "after:outer",
        "after_all:outer",
        "before:top", "after:failing",
        "before:top", "body:last",
    ]
    assert "✗ Unexpected ValueErr: hook broke" in run.out
    assert run.status == 1


def test_capture_modes(tmp_path: Path) -> None:
    install(tmp_path, "hooks")
    assert "body:first" not in quest_test(tmp_path).out
    assert "body:first" not in quest_test(tmp_path, "--cap=stdout").out
    assert "body:first" in quest_test(tmp_path, "--cap=stderr").out
    assert "body:first" in quest_test(tmp_path, "--cap=0").out


def _ran(out: str) -> list[str]:
    return [line[4:] for line in out.splitlines() if line.startswith("RAN:")]


def test_tags_select_and_skip(tmp_path: Path) -> None:
    install(tmp_path, "tags")
    assert _ran(quest_test(tmp_path, "--cap=no").out) == [
        "slow one", "inherits", "db and slow", "untagged"]

    run = quest_test(tmp_path, "--cap=no", "-v", "--skip-tag=slow")
    assert _ran(run.out) == ["inherits", "untagged"]
    assert "  ⊘ slow one (tag 'slow')" in run.out.splitlines()
    assert "  ⊘ db and slow (tag 'slow')" in run.out.splitlines()
    assert run.status == 0

    run = quest_test(tmp_path, "--cap=no", "-v", "--tag=db", "--tag=other")
    assert _ran(run.out) == ["inherits", "db and slow"]
    assert "  ⊘ untagged (missing required tag)" in run.out.splitlines()
    assert any(line.startswith("  ✓ db and slow [db, fast, slow] ") for line in
               run.out.splitlines())


def test_quest_toml_gives_defaults_and_options_override(tmp_path: Path) -> None:
    install(tmp_path, "tags")
    (tmp_path / "quest.toml").write_text(
        '[test]\ncondensed = false\ncapture = "no"\nskip_tags = ["slow"]\n')
    run = quest_test(tmp_path)
    assert _ran(run.out) == ["inherits", "untagged"]
    assert "  ⊘ slow one (tag 'slow')" in run.out.splitlines()
    run = quest_test(tmp_path, "-c", "--cap=all")
    assert _ran(run.out) == []
    assert "✓ [2/4] Tags" in run.out


def test_bad_quest_toml_is_an_error(tmp_path: Path) -> None:
    install(tmp_path, "tags")
    (tmp_path / "quest.toml").write_text("[test]\ncolour = true\n")
    run = quest_test(tmp_path)
    assert run.status == 1
    assert "unknown key 'colour'" in run.err


# ---------------------------------------------------------------- colour


def test_no_colour_when_stdout_is_not_a_terminal(tmp_path: Path) -> None:
    install(tmp_path, "failing")
    run = quest_test(tmp_path, "-v")
    assert ESC not in run.out


def test_colour_on_a_terminal(tmp_path: Path) -> None:
    install(tmp_path, "failing", "passing")
    run = quest_test_in_tty(tmp_path)
    assert "\x1b[32m✓\x1b[0m [6/6] Passing" in run.out
    assert "\x1b[31m✗\x1b[0m [1/20] Failing" in run.out
    assert "\x1b[31m✗ Some tests failed\x1b[0m" in run.out
    run = quest_test_in_tty(tmp_path, "-v")
    assert "\x1b[33mPassing\x1b[0m" in run.out  # module name in yellow
    assert "\x1b[1m\x1b[36mmessages\x1b[0m\x1b[0m" in run.out  # describe in bold cyan


def test_no_color_flag_on_a_terminal(tmp_path: Path) -> None:
    install(tmp_path, "failing")
    run = quest_test_in_tty(tmp_path, "--no-color")
    assert "✗ [1/20] Failing" in run.out
    assert ESC not in run.out


# ---------------------------------------------------------------- JUnit XML


def test_junit_xml_report(tmp_path: Path) -> None:
    install(tmp_path, "failing", "passing")
    run = quest_test(tmp_path, "--junit-xml", "report.xml")
    assert run.status == 18
    root = ET.parse(tmp_path / "report.xml").getroot()
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("skipped")) == ("26", "18", "1")
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"Failing", "Passing"}
    failing = suites["Failing"]
    assert failing.get("file") == "test/test_failing.q"
    assert (failing.get("tests"), failing.get("failures"), failing.get("skipped")) == \
        ("20", "18", "1")
    assert len(failing.findall("testcase")) == 20
    cases = {c.get("name"): c for c in failing.findall("testcase")}
    for name, message in EXPECTED_MESSAGES.items():
        case = cases[name]
        assert case.get("classname") == "messages"
        assert case.get("file") == "test/test_failing.q"
        assert float(case.get("time")) >= 0
        assert case.find("failure").get("message") == message
    kept = cases["keeps running after a failed assertion"]
    assert kept.find("failure").get("message") == "Expected 2 but got 1\nExpected 4 but got 3"
    assert "AFTER-FAILURE" in kept.find("system-out").text
    raised = cases["reports an unexpected error"].find("failure")
    assert raised.get("message") == "Unexpected RuntimeErr: kaboom"
    assert "test/test_failing.q:46" in raised.text
    assert cases["not written yet"].find("skipped").get("message") == "later"
    assert cases["passes and hides its output"].find("failure") is None
    passing = suites["Passing"]
    assert (passing.get("tests"), passing.get("failures")) == ("6", "0")
    top = [c for c in passing.findall("testcase") if c.get("name") == "runs outside any describe"]
    assert top[0].get("classname") == "Passing"


def test_junit_xml_for_nested_describes_and_load_failures(tmp_path: Path) -> None:
    write_suite(tmp_path / "test" / "test_nested.q", "Nested", (
        'test.describe("outer", fun ()\n'
        '  test.describe("inner", fun ()\n'
        '    test.it("deep", fun ()\n'
        '      test.set_colors(true)\n'
        '      puts(test.red("coloured output"))\n'
        '      test.set_colors(false)\n'
        '    end)\n'
        '  end)\n'
        'end)'))
    shutil.copy(FIXTURES / "load_error.q", tmp_path / "test" / "test_z_load_error.q")
    run = quest_test(tmp_path, "--junit-xml=out/report.xml")
    assert run.status == 1
    assert "cannot write" in run.err  # out/ does not exist
    (tmp_path / "out").mkdir()
    quest_test(tmp_path, "--junit-xml=out/report.xml")
    root = ET.parse(tmp_path / "out" / "report.xml").getroot()
    assert root.get("errors") == "1"
    deep = root.find("testsuite/testcase[@name='deep']")
    assert deep.get("classname") == "outer > inner"
    # ESC cannot appear in XML 1.0: it is written as text
    assert deep.find("system-out").text.strip() == "\\x1b[31mcoloured output\\x1b[0m"
    error = root.find("testsuite[@name='test/test_z_load_error.q']/testcase/error")
    assert error.get("message") == "Failed to load module: test/test_z_load_error.q"
    assert "ValueErr: broken describe body" in error.text


# ---------------------------------------------------------------- loading and discovery


def test_load_failure_stops_the_run(tmp_path: Path) -> None:
    install(tmp_path, "load_error", "passing")  # test_load_error.q sorts first
    run = quest_test(tmp_path)
    assert run.status == 1
    assert run.out.splitlines()[0] == "✗ Failed to load module: test/test_load_error.q"
    assert "ValueErr: broken describe body" in run.out
    assert "Passing" not in run.out and "Test Results" not in run.out


def test_syntax_error_is_a_load_failure(tmp_path: Path) -> None:
    install(tmp_path, "syntax_error")
    run = quest_test(tmp_path)
    assert run.status == 1
    assert "✗ Failed to load module: test/test_syntax_error.q" in run.out
    assert "syntax error" in run.out


def test_sys_exit_in_a_test_file_ends_the_run_with_its_status(tmp_path: Path) -> None:
    write_suite(tmp_path / "test" / "test_a.q", "A", 'use "std/sys"\nsys.exit(3)')
    write_suite(tmp_path / "test" / "test_b.q", "B")
    run = quest_test(tmp_path, "-v")
    assert run.status == 3
    assert "B" not in run.out.splitlines()


def test_discovery_rules(tmp_path: Path) -> None:
    for rel in ("test_a.q", "b_test.q", "sub/test_c.q", "sub/deeper/d_test.q",
                "helper.q", "_helper.q", ".test_hidden.q", ".hidden/test_h.q", "testing.q",
                "test_data.json", "docs/test_doc.q", "examples/test_ex.q",
                "scripts/test_script.q", "sub/docs/test_kept.q"):
        write_suite(tmp_path / rel, rel)
    run = quest_test(tmp_path, "-v")
    modules = [line for line in run.out.splitlines() if line.endswith(".q")]
    assert modules == ["b_test.q", "sub/deeper/d_test.q", "sub/docs/test_kept.q",
                       "sub/test_c.q", "test_a.q"]
    # a file named on the command line runs whatever its name; a directory is searched
    run = quest_test(tmp_path, "-v", "helper.q", "docs")
    assert [line for line in run.out.splitlines() if line.endswith(".q")] == \
        ["docs/test_doc.q", "helper.q"]


def test_test_directory_is_the_default(tmp_path: Path) -> None:
    write_suite(tmp_path / "test_root.q", "root")
    write_suite(tmp_path / "test" / "test_inside.q", "inside")
    run = quest_test(tmp_path, "-v")
    assert "inside" in run.out and "root" not in run.out


def test_no_test_files_is_status_5_not_a_pass(tmp_path: Path) -> None:
    write_suite(tmp_path / "helper.q", "not a test file")
    run = quest_test(tmp_path)
    assert run.status == 5
    assert run.out == ""
    assert run.err == ("quest test: no test files found in . "
                       "(test files are named test_*.q or *_test.q)\n")
    (tmp_path / "empty").mkdir()
    run = quest_test(tmp_path, "empty")
    assert run.status == 5
    assert "no test files found in empty" in run.err


def test_a_named_file_runs_whatever_its_name(tmp_path: Path) -> None:
    write_suite(tmp_path / "checks" / "smoke.q", "smoke suite")
    run = quest_test(tmp_path, "-v", "checks/smoke.q")
    assert run.status == 0, run.err
    assert "smoke suite" in run.out.splitlines()
    assert "Passed:  1" in run.out


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    run = quest_test(tmp_path, "nowhere")
    assert run.status == 1
    assert "no such file or directory: nowhere" in run.err


@pytest.mark.parametrize("flag", ["--bogus", "-x", "--tag", "--cap=sometimes"])
def test_bad_option_exits_1(tmp_path: Path, flag: str) -> None:
    run = quest_test(tmp_path, flag)
    assert run.status == 1
    assert run.err.startswith("quest test: ")


def test_help(tmp_path: Path) -> None:
    run = quest_test(tmp_path, "-h")
    assert run.status == 0
    assert run.out.startswith("usage: quest test")


# ---------------------------------------------------------------- the pytest hook


def _pytest(project: Path, *args: str) -> Run:
    proc = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
                          cwd=project, env=_env(), capture_output=True, text=True, timeout=120)
    return Run(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def hooked_project(tmp_path: Path) -> Path:
    """A project whose tests/ has our conftest.py and a few .q suites."""
    tests = tmp_path / "tests"
    (tests / "fixtures").mkdir(parents=True)
    (tmp_path / "pytest.ini").write_text("[pytest]\ntestpaths = tests\n")
    shutil.copy(REPO / "tests" / "conftest.py", tests / "conftest.py")
    shutil.copy(FIXTURES / "failing.q", tests / "test_failing.q")
    shutil.copy(FIXTURES / "passing.q", tests / "passing_test.q")
    shutil.copy(FIXTURES / "load_error.q", tests / "test_load.q")
    shutil.copy(FIXTURES / "failing.q", tests / "fixtures" / "test_ignored.q")
    shutil.copy(FIXTURES / "failing.q", tests / "helper.q")
    return tmp_path


def test_pytest_hook_makes_each_it_an_item(hooked_project: Path) -> None:
    run = _pytest(hooked_project, "--collect-only", "-q")
    ids = [line for line in run.out.splitlines() if "::" in line]
    assert "tests/test_failing.q::messages::assert_eq" in ids
    assert "tests/test_failing.q::behaviour::not written yet" in ids
    assert "tests/passing_test.q::runs outside any describe" in ids
    assert "tests/test_load.q::<load>" in ids
    assert "tests/test_load.q::ran before the error" in ids
    assert len([i for i in ids if i.startswith("tests/test_failing.q::")]) == 20
    assert not any("ignored" in i or "helper" in i for i in ids)


def test_pytest_hook_reports_failures_with_their_messages(hooked_project: Path) -> None:
    run = _pytest(hooked_project, "-q", "-rfs")
    assert "FAILED tests/test_failing.q::messages::assert_eq - Expected 3 but got 2" in run.out
    assert "FAILED tests/test_load.q::<load>" in run.out
    assert "ValueErr: broken describe body" in run.out
    assert "Unexpected RuntimeErr: kaboom" in run.out
    assert "Failed to load module: tests/test_load.q" in run.out
    assert "19 failed, 8 passed, 1 skipped" in run.out
    selected = _pytest(hooked_project, "-q", "tests/passing_test.q::assertions")
    assert selected.status == 0 and "4 passed" in selected.out
