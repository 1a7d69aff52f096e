"""What a run of ``std/test`` suites produced: a small tree of records.

The tree mirrors the calls a test file makes::

    RunResult
      ModuleResult "Math"            (one per file, or per `module(name)` call)
        DescribeResult ""            (the module's root: tests outside any describe)
          TestResult "adds"          passed, 0.4 ms
          DescribeResult "Division"
            TestResult "by zero"     failed: ["Expected 0 but got 1"], output "dbg\\n"
            TestResult "big"         skipped: "tag 'slow'"

Everything is plain data so that the console reporter, the JUnit writer and the pytest
hook read the same thing. The session (``session.py``) builds it while the tests run.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass, field


class Status(enum.Enum):
    PASSED = "passed"
    FAILED = "failed"
    SKIPPED = "skipped"


@dataclass
class TestResult:
    name: str
    tags: tuple[str, ...] = ()
    status: Status = Status.PASSED
    #: one line per failed assertion, or the ``Unexpected Type: message`` of an error
    failures: list[str] = field(default_factory=list)
    #: Quest frames (``path:line in fn``) of an unexpected error, outermost first
    stack: list[str] = field(default_factory=list)
    #: whether an error escaped the body or a hook (as opposed to failed assertions)
    raised: bool = False
    skip_reason: str | None = None
    #: the line of the ``it``/``skip`` call in its file, when known
    line: int | None = None
    duration_ms: float = 0.0
    #: what the test printed while its output was captured
    output: str = ""

    __test__ = False  # not a pytest test class despite the name


@dataclass
class DescribeResult:
    name: str
    tags: tuple[str, ...] = ()
    #: tests and nested describes, in the order they ran
    children: list[TestResult | DescribeResult] = field(default_factory=list)

    @property
    def tests(self) -> list[TestResult]:
        return [c for c in self.children if isinstance(c, TestResult)]

    def walk(self, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], TestResult]]:
        """Every test below, with the names of the describes that enclose it."""
        for child in self.children:
            if isinstance(child, TestResult):
                yield path, child
            else:
                yield from child.walk((*path, child.name))

    def groups(self, path: tuple[str, ...] = ()
               ) -> Iterator[tuple[tuple[str, ...], DescribeResult]]:
        """This describe and every nested one, each with its path of names."""
        yield path, self
        for child in self.children:
            if isinstance(child, DescribeResult):
                yield from child.groups((*path, child.name))


@dataclass
class Counts:
    passed: int = 0
    failed: int = 0
    skipped: int = 0

    @property
    def total(self) -> int:
        return self.passed + self.failed + self.skipped

    def add(self, test: TestResult) -> None:
        if test.status is Status.PASSED:
            self.passed += 1
        elif test.status is Status.FAILED:
            self.failed += 1
        else:
            self.skipped += 1

    @classmethod
    def of(cls, tests: Iterator[TestResult] | list[TestResult]) -> Counts:
        counts = cls()
        for t in tests:
            counts.add(t)
        return counts


@dataclass
class ModuleResult:
    name: str
    #: the test file, when the module came from one
    path: str | None = None
    root: DescribeResult = field(default_factory=lambda: DescribeResult(""))
    duration_ms: float = 0.0

    def tests(self) -> Iterator[TestResult]:
        return (t for _, t in self.root.walk())

    def counts(self) -> Counts:
        return Counts.of(self.tests())


@dataclass
class LoadFailure:
    """A test file that could not be loaded (syntax error, error outside any ``it``)."""

    path: str
    message: str


@dataclass
class RunResult:
    modules: list[ModuleResult] = field(default_factory=list)
    load_failures: list[LoadFailure] = field(default_factory=list)
    elapsed_ms: float = 0.0

    def tests(self) -> Iterator[TestResult]:
        for m in self.modules:
            yield from m.tests()

    def counts(self) -> Counts:
        return Counts.of(self.tests())

    def exit_status(self) -> int:
        """Spec 10.4: the number of failed tests, capped at 255; 1 if a file did not load."""
        if self.load_failures:
            return 1
        return min(self.counts().failed, 255)
