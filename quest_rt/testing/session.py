"""The running state of ``std/test``: modules, the describe stack, hooks, tags, capture.

``describe`` and ``it`` run their functions immediately (spec 10.1), so the session is a
stack machine: each ``describe`` pushes a frame holding its result node and the hooks
registered inside it, each ``it`` runs at once against the frames on the stack::

    frames: [root of module "Math", describe "Division", describe "by zero"]
              before: [open_db]       before: [reset]      (none)
    it "x" runs: open_db, reset, body, then the after hooks innermost first

Assertions never raise: they record a failure against the test that is running
(``record_failure``), so the rest of the body still runs.

One session is *current* per process; the ``std/test`` functions act on it. ``quest test``
and the pytest hook install their own (``activated``); a script that uses ``std/test``
directly gets a default one that prints verbosely.
"""

from __future__ import annotations

import io
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from quest_rt.testing.console import ConsoleReporter
from quest_rt.testing.results import (
    DescribeResult,
    LoadFailure,
    ModuleResult,
    RunResult,
    Status,
    TestResult,
)

#: ``--cap=`` / ``set_capture`` spellings (spec 10.2) -> what is captured
CAPTURE_MODES = {"all": "all", "1": "all", "stdout": "stdout", "stderr": "stderr",
                 "no": "no", "0": "no"}


@dataclass
class Config:
    colors: bool = False
    condensed: bool = False
    capture: str = "all"
    filter_tags: tuple[str, ...] = ()
    skip_tags: tuple[str, ...] = ()


@dataclass
class _Frame:
    result: DescribeResult
    path: tuple[str, ...]
    #: tags of this describe and the enclosing ones
    tags: tuple[str, ...]
    before: list[Callable[[], Any]] = field(default_factory=list)
    after: list[Callable[[], Any]] = field(default_factory=list)
    after_all: list[Callable[[], Any]] = field(default_factory=list)


class _Capture:
    """Swaps ``sys.stdout``/``sys.stderr`` for one buffer (``puts`` writes to the current
    ``sys.stdout``, so this catches everything Quest code prints)."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.buffer = io.StringIO()
        self.saved = (sys.stdout, sys.stderr)

    def __enter__(self) -> _Capture:
        self.saved = (sys.stdout, sys.stderr)
        if self.mode in ("all", "stdout"):
            sys.stdout = self.buffer
        if self.mode in ("all", "stderr"):
            sys.stderr = self.buffer
        return self

    def __exit__(self, *exc: object) -> None:
        sys.stdout, sys.stderr = self.saved


def _unique(tags: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(tags))


def _display_path(path: str) -> str:
    """Test files load by absolute path; show them relative to the working directory."""
    if os.path.isabs(path):
        rel = os.path.relpath(path)
        if not rel.startswith(".."):
            return rel
    return path


def error_text(exc: BaseException) -> str:
    """What a person sees for an error that stopped a file from loading."""
    from quest_rt.runtime.traceback import format_exception
    from quest_rt.syntax.errors import QuestSourceError

    if isinstance(exc, QuestSourceError):
        return exc.format()
    return format_exception(exc)


class Session:
    """One run: its configuration, where its output goes (``reporter``; None is silent),
    and the results it accumulates in ``run``."""

    def __init__(self, config: Config | None = None,
                 reporter: ConsoleReporter | None = None) -> None:
        self.config = config or Config()
        self.reporter = reporter
        self.run = RunResult()
        self._started = time.perf_counter()
        self._module: ModuleResult | None = None
        self._module_started = 0.0
        self._module_named = False
        self._announced = False
        self._frames: list[_Frame] = []
        self._test: TestResult | None = None
        self._pending_tags: tuple[str, ...] = ()

    # ------------------------------------------------------------ modules and files

    def _start_module(self, name: str, path: str | None, named: bool) -> ModuleResult:
        module = ModuleResult(name, path)
        self.run.modules.append(module)
        self._module = module
        self._module_started = time.perf_counter()
        self._module_named = named
        self._announced = False
        self._frames = [_Frame(module.root, (), ())]
        self._pending_tags = ()
        return module

    def _ensure_module(self) -> ModuleResult:
        """The module results go to, started (and announced) on first use."""
        if self._module is None:
            from quest_rt.std import program

            script = program.SCRIPT_PATH
            self._start_module(os.path.basename(script) if script else "<main>", script, False)
        if not self._announced:
            self._announced = True
            if self.reporter is not None:
                self.reporter.module_started(self._module)
        return self._module

    def _finish_module(self) -> None:
        module = self._module
        if module is None:
            return
        try:
            self._run_hooks(self._frames[0].after_all)
        finally:
            module.duration_ms = (time.perf_counter() - self._module_started) * 1000
            self._module = None
            self._frames = []
        if self.reporter is not None:
            self.reporter.module_finished(module)

    def module(self, name: str) -> None:
        """``module(name)``: name the file's results, or start a new group of them."""
        current = self._module
        if current is not None and not self._module_named and not current.root.children:
            current.name = name
            self._module_named = True
        else:
            if current is not None:
                path = current.path
            else:
                from quest_rt.std import program

                path = program.SCRIPT_PATH
            self._finish_module()
            self._start_module(name, path, True)
        self._ensure_module()

    def load_file(self, path: str) -> LoadFailure | None:
        """Load one test file as a module (spec 10.4); its describe/it calls run now.

        Returns the failure when the file did not load (syntax error, an error outside
        any ``it``); the tests that ran before it stay in the results.
        """
        from quest_rt.runtime import loader

        self._finish_module()
        self._start_module(path, path, False)
        try:
            loader.import_module(os.path.abspath(path))
            self._finish_module()
        except Exception as exc:  # any error while loading is the file's failure
            self._module = None
            self._frames = []
            failure = LoadFailure(path, error_text(exc))
            self.run.load_failures.append(failure)
            if self.reporter is not None:
                self.reporter.load_failed(path, failure.message)
            return failure
        return None

    def finish(self) -> None:
        """Finish the current module and stamp the run's elapsed time."""
        self._finish_module()
        self.run.elapsed_ms = (time.perf_counter() - self._started) * 1000

    def summary(self) -> int:
        """Finish the current module, print the summary, return the exit status."""
        self.finish()
        if self.reporter is not None:
            self.reporter.summary(self.run)
        return self.run.exit_status()

    # ------------------------------------------------------------ describe, it, hooks

    def configure(self, **changes: Any) -> None:
        """Change the configuration (``set_colors`` and friends); the reporter follows."""
        for key, value in changes.items():
            setattr(self.config, key, value)
        if self.reporter is not None:
            self.reporter.colors = self.config.colors
            self.reporter.condensed = self.config.condensed

    def _take_tags(self) -> tuple[str, ...]:
        tags, self._pending_tags = self._pending_tags, ()
        return tags

    def tag(self, tags: tuple[str, ...]) -> None:
        self._pending_tags = _unique(self._pending_tags + tags)

    def describe(self, name: str, fn: Callable[[], Any]) -> None:
        self._ensure_module()
        parent = self._frames[-1]
        own = self._take_tags()
        result = DescribeResult(name, own)
        parent.result.children.append(result)
        frame = _Frame(result, (*parent.path, name), _unique(parent.tags + own))
        self._frames.append(frame)
        if self.reporter is not None:
            self.reporter.describe_started(result, len(self._frames) - 1)
        try:
            fn()
        finally:
            try:
                self._run_hooks(frame.after_all)
            finally:
                self._frames.remove(frame)

    def _skip_reason(self, tags: tuple[str, ...]) -> str | None:
        for t in tags:
            if t in self.config.skip_tags:
                return f"tag '{t}'"
        if self.config.filter_tags and not any(t in self.config.filter_tags for t in tags):
            return "missing required tag"
        return None

    def it(self, name: str, fn: Callable[[], Any], line: int | None = None) -> None:
        self._ensure_module()
        frame = self._frames[-1]
        test = TestResult(name, _unique(frame.tags + self._take_tags()), line=line)
        frame.result.children.append(test)
        reason = self._skip_reason(test.tags)
        if reason is not None:
            test.status = Status.SKIPPED
            test.skip_reason = reason
        else:
            self._execute(test, fn)
        self._report(test, frame)

    def skip(self, name: str, reason: str | None, line: int | None = None) -> None:
        self._ensure_module()
        frame = self._frames[-1]
        test = TestResult(name, _unique(frame.tags + self._take_tags()), Status.SKIPPED,
                          skip_reason=reason, line=line)
        frame.result.children.append(test)
        self._report(test, frame)

    def _report(self, test: TestResult, frame: _Frame) -> None:
        if self.reporter is not None:
            self.reporter.test_finished(test, frame.path, len(self._frames) - 1)

    def _execute(self, test: TestResult, fn: Callable[[], Any]) -> None:
        """Spec 10.2: before hooks outermost first, the body, after hooks innermost first.
        An error in a before hook skips the body; the after hooks always run."""
        before = [h for f in self._frames for h in f.before]
        after = [h for f in reversed(self._frames) for h in f.after]
        outer, self._test = self._test, test
        capture = _Capture(self.config.capture)
        started = time.perf_counter()
        try:
            with capture:
                try:
                    for hook in before:
                        hook()
                    fn()
                except Exception as exc:  # the test's failure, not the runner's
                    self._unexpected(test, exc)
                for hook in after:
                    try:
                        hook()
                    except Exception as exc:  # as above, for each after hook
                        self._unexpected(test, exc)
        finally:
            test.duration_ms = (time.perf_counter() - started) * 1000
            test.output = capture.buffer.getvalue()
            self._test = outer
        test.status = Status.FAILED if test.failures else Status.PASSED

    def _unexpected(self, test: TestResult, exc: Exception) -> None:
        from quest_rt.runtime.errors import to_quest
        from quest_rt.runtime.traceback import error_type_name, quest_frames
        from quest_rt.runtime.values import error_message

        value = to_quest(exc)
        try:
            message = error_message(value)
        except Exception:  # a user Error whose message() itself fails
            message = "(message() failed)"
        test.failures.append(f"Unexpected {error_type_name(value)}: {message}")
        test.stack = [f"{_display_path(f.path)}:{f.line} in {f.function}"
                      for f in quest_frames(exc.__traceback__)]
        test.raised = True

    def _run_hooks(self, hooks: list[Callable[[], Any]]) -> None:
        for hook in hooks:
            hook()

    def add_hook(self, kind: str, fn: Callable[[], Any]) -> None:
        """``before``/``after``/``after_all``: attach ``fn`` to the current describe."""
        self._ensure_module()
        getattr(self._frames[-1], kind).append(fn)

    # ------------------------------------------------------------ assertions

    def record_failure(self, message: str) -> None:
        """A failed assertion: counted against the running ``it``.

        Outside any ``it`` (in a describe body or a hook like ``before_all``) there is no
        test to blame, so the failure becomes a failed test of its own.
        """
        if self._test is not None:
            self._test.failures.append(message)
            return
        self._ensure_module()
        frame = self._frames[-1]
        test = TestResult("(assertion outside it)", frame.tags, Status.FAILED, [message])
        frame.result.children.append(test)
        self._report(test, frame)


# ---------------------------------------------------------------- the current session

_current: Session | None = None


def current() -> Session:
    """The session ``std/test`` acts on; a verbose one printing to stdout by default."""
    global _current
    if _current is None:
        colors = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        _current = Session(Config(colors=colors),
                           ConsoleReporter(colors=colors, condensed=False))
    return _current


@contextmanager
def activated(session: Session) -> Iterator[Session]:
    """Make ``session`` current for the duration of the block."""
    global _current
    previous, _current = _current, session
    try:
        yield session
    finally:
        _current = previous
