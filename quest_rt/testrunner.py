"""``quest test [options] [paths...]`` (spec 10.4): find test files, load each as a module,
print the results, and exit with the number of failed tests (at most 255).

Defaults come from the ``[test]`` table of ``quest.toml`` in the working directory
(``colors``, ``condensed``, ``capture``, ``paths``, ``tags``, ``skip_tags``); options
override them. Colour needs a terminal: it is off when stdout is not a TTY, with
``--no-color``, with ``colors = false``, or when ``NO_COLOR`` is set.
"""

from __future__ import annotations

import os
import sys
import tomllib
from dataclasses import dataclass, field

from quest_rt.testing import discovery, junit
from quest_rt.testing.console import ConsoleReporter
from quest_rt.testing.session import CAPTURE_MODES, Config, Session, activated

USAGE = """\
usage: quest test [options] [paths...]

Run the std/test suites under paths (default: test/ if it exists, else ./). In a
directory, test files are the .q files named test_*.q or *_test.q (hidden ones and, at
the top of ./, docs/, examples/ and scripts/ are left out); a file named on the command
line is run whatever its name.

options:
  -v, --verbose          print every describe and test
  -c, --condensed        one line per module, details only for failures (default)
  --no-color             no ANSI colours (also off when stdout is not a terminal)
  --tag=NAME             run only tests with this tag (repeatable)
  --skip-tag=NAME        skip tests with this tag (repeatable)
  --cap=MODE             capture test output: all (default), stdout, stderr, no
  --junit-xml PATH       also write a JUnit XML report to PATH
  -h, --help             show this help

Defaults for these options come from the [test] table of quest.toml (colors,
condensed, capture, paths, tags, skip_tags).

examples:
  quest test                           every test file under test/ (or ./)
  quest test -v test/test_parser.q     one file, every describe and it printed
  quest test examples/smoke.q          a file with any name
  quest test --tag=fast --no-color     only tests tagged "fast", plain output
  quest test --junit-xml report.xml    also write a report for CI

exit status: the number of failed tests (at most 255); 1 when a file fails to load
or the options are wrong; 5 when no test file was found."""

#: the exit status of a run that found no test file (pytest's "no tests collected")
NO_TESTS_STATUS = 5


class UsageError(Exception):
    """A bad option or ``quest.toml`` value; the message says which."""


@dataclass
class Options:
    colors: bool = True
    condensed: bool = True
    capture: str = "all"
    tags: list[str] = field(default_factory=list)
    skip_tags: list[str] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    junit_xml: str | None = None
    help: bool = False


def _capture(value: object, where: str) -> str:
    mode = CAPTURE_MODES.get(str(value).lower() if not isinstance(value, bool)
                             else ("all" if value else "no"))
    if mode is None:
        raise UsageError(f"{where}: unknown capture mode '{value}' "
                         "(expected all, no, 0, 1, stdout or stderr)")
    return mode


def _string_list(value: object, key: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise UsageError(f"quest.toml: [test] {key} must be a string or a list of strings")


def read_config(path: str = "quest.toml") -> Options:
    """The defaults from ``quest.toml``'s ``[test]`` table (all defaults when absent)."""
    opts = Options()
    try:
        with open(path, "rb") as f:
            table = tomllib.load(f).get("test", {})
    except FileNotFoundError:
        return opts
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"quest.toml: {exc}") from None
    if not isinstance(table, dict):
        raise UsageError("quest.toml: [test] must be a table")
    for key, value in table.items():
        if key in ("colors", "condensed"):
            if not isinstance(value, bool):
                raise UsageError(f"quest.toml: [test] {key} must be true or false")
            setattr(opts, key, value)
        elif key == "capture":
            opts.capture = _capture(value, "quest.toml")
        elif key in ("paths", "tags", "skip_tags"):
            setattr(opts, key, _string_list(value, key))
        else:
            raise UsageError(f"quest.toml: unknown key '{key}' in [test]")
    return opts


def parse_args(args: list[str], opts: Options) -> Options:
    """Apply command-line options over ``opts`` (the ``quest.toml`` defaults)."""
    paths: list[str] = []
    it = iter(args)
    for arg in it:
        name, eq, value = arg.partition("=")
        if arg in ("-h", "--help"):
            opts.help = True
        elif arg in ("-v", "--verbose"):
            opts.condensed = False
        elif arg in ("-c", "--condensed"):
            opts.condensed = True
        elif arg == "--no-color":
            opts.colors = False
        elif name in ("--tag", "--skip-tag") and eq:
            if not value:
                raise UsageError(f"{name} needs a tag name")
            (opts.tags if name == "--tag" else opts.skip_tags).append(value)
        elif name == "--cap" and eq:
            opts.capture = _capture(value, "--cap")
        elif name == "--junit-xml":
            value = value if eq else next(it, "")
            if not value:
                raise UsageError("--junit-xml needs a file path")
            opts.junit_xml = value
        elif name in ("--tag", "--skip-tag", "--cap"):
            raise UsageError(f"{name} needs a value: {name}=...")
        elif arg.startswith("-") and arg != "-":
            raise UsageError(f"unknown option {arg}")
        else:
            paths.append(arg)
    if paths:
        opts.paths = paths
    return opts


def _wants_color(opts: Options) -> bool:
    return opts.colors and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _run_files(session: Session, files: list[str]) -> int | None:
    """Load the files in order, then print the summary; a file that does not load stops
    the run. Returns an exit status only when the run was cut short (Ctrl-C, sys.exit)."""
    try:
        for path in files:
            if session.load_file(path) is not None:
                break
    except KeyboardInterrupt:
        sys.stdout.flush()
        sys.stderr.write("Interrupted\n")
        return 130
    except SystemExit as exc:  # sys.exit() in a test file ends the run there
        sys.stdout.flush()
        return exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    if session.run.load_failures:
        session.finish()
    else:
        session.summary()
    sys.stdout.flush()
    return None


def main(args: list[str]) -> int:
    try:
        opts = parse_args(args, read_config())
    except UsageError as exc:
        sys.stderr.write(f"quest test: {exc}\n(see quest test --help)\n")
        return 1
    if opts.help:
        print(USAGE)
        return 0
    try:
        files = discovery.find_tests(opts.paths or discovery.default_paths())
    except FileNotFoundError as exc:
        sys.stderr.write(f"quest test: no such file or directory: {exc.args[0]}\n")
        return 1
    colors = _wants_color(opts)
    config = Config(colors=colors, condensed=opts.condensed, capture=opts.capture,
                    filter_tags=tuple(opts.tags), skip_tags=tuple(opts.skip_tags))
    session = Session(config, ConsoleReporter(colors=colors, condensed=opts.condensed))
    if not files:
        where = ", ".join(opts.paths or discovery.default_paths())
        sys.stderr.write(f"quest test: no test files found in {where} "
                         "(test files are named test_*.q or *_test.q)\n")
        return NO_TESTS_STATUS
    with activated(session):
        stopped = _run_files(session, files)
    if stopped is not None:
        return stopped
    if opts.junit_xml:
        try:
            junit.write(session.run, opts.junit_xml)
        except OSError as exc:
            sys.stderr.write(f"quest test: cannot write {opts.junit_xml}: {exc.strerror}\n")
            return max(1, session.run.exit_status())
    return session.run.exit_status()
