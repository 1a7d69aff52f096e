"""Console output of ``std/test`` (spec 10.3): condensed and verbose modes, the summary.

The session calls the reporter as things happen; the reporter only prints. Condensed mode
(the runner's default) stays quiet until a module is finished, then prints one line for
it and the describes that had failures or skips::

    ✗ [2/3] Math
        ✗ Division [1/2]
          ✗ by zero
            ✗ Expected 0 but got 1
            output:
              computing 1 / 0

Verbose mode prints every describe and test as it runs. A failing test is its ``✗ name``
line followed by one ``✗ message`` line per failure (the spec's ``✗ failure message``),
the Quest frames of an unexpected error, and the captured output.
"""

from __future__ import annotations

import sys
from typing import TextIO

from quest_rt.testing.results import (
    Counts,
    DescribeResult,
    ModuleResult,
    RunResult,
    Status,
    TestResult,
)

#: ANSI SGR codes of the colour helpers (spec 10.3)
SGR = {"green": "32", "red": "31", "yellow": "33", "cyan": "36", "bold": "1", "dimmed": "2"}
RESET = "\x1b[0m"
RULE = "━" * 60


def paint(text: str, style: str, enabled: bool) -> str:
    """``text`` wrapped in the SGR code of ``style`` (a key of ``SGR``) when enabled."""
    if not enabled:
        return text
    return f"\x1b[{SGR[style]}m{text}{RESET}"


def _round(x: float) -> int:
    return int(x + 0.5)


def format_time(ms: float) -> str:
    """``12ms``, ``3s``, ``2m``, ``1h``: the largest unit reached, rounded half up."""
    if ms < 1000:
        return f"{_round(ms)}ms"
    if ms < 60_000:
        return f"{_round(ms / 1000)}s"
    if ms < 3_600_000:
        return f"{_round(ms / 60_000)}m"
    return f"{_round(ms / 3_600_000)}h"


class ConsoleReporter:
    """Prints a run to ``stream`` (``sys.stdout`` at the time of printing when None)."""

    def __init__(self, *, colors: bool, condensed: bool, stream: TextIO | None = None) -> None:
        self.colors = colors
        self.condensed = condensed
        self.stream = stream

    # ------------------------------------------------------------ helpers

    def _c(self, text: str, style: str) -> str:
        return paint(text, style, self.colors)

    def _print(self, line: str = "") -> None:
        out = self.stream or sys.stdout
        out.write(line + "\n")

    def _details(self, test: TestResult, indent: str) -> None:
        """The lines under a failed test: messages, error frames, captured output."""
        for message in test.failures:
            first, *rest = message.split("\n")
            self._print(f"{indent}{self._c('✗', 'red')} {first}")
            for line in rest:
                self._print(f"{indent}  {line}")
        for frame in test.stack:
            self._print(self._c(f"{indent}    at {frame}", "dimmed"))
        lines = [line for line in test.output.splitlines() if line.strip()]
        if lines:
            self._print(self._c(f"{indent}output:", "dimmed"))
            for line in lines:
                self._print(f"{indent}  {line}")

    def _tags(self, test: TestResult) -> str:
        return self._c(f" [{', '.join(test.tags)}]", "dimmed") if test.tags else ""

    # ------------------------------------------------------------ events

    def module_started(self, module: ModuleResult) -> None:
        if not self.condensed:
            self._print()
            self._print(self._c(module.name, "yellow"))

    def describe_started(self, describe: DescribeResult, depth: int) -> None:
        if not self.condensed:
            self._print()
            title = self._c(self._c(describe.name, "cyan"), "bold")
            self._print("  " * (depth - 1) + title)

    def test_finished(self, test: TestResult, path: tuple[str, ...], depth: int) -> None:
        if self.condensed:
            if test.raised:
                # spec 10.3: a test that raised is reported at once, not only in the block
                self._print(f"{self._c('✗', 'red')} {' > '.join((*path, test.name))}")
                self._details(test, "  ")
            return
        indent = "  " * max(depth, 1)
        if test.status is Status.SKIPPED:
            reason = f" ({test.skip_reason})" if test.skip_reason else ""
            self._print(f"{indent}{self._c('⊘', 'yellow')} {test.name}{reason}")
            return
        time = self._c(format_time(test.duration_ms), "dimmed")
        if test.status is Status.PASSED:
            self._print(f"{indent}{self._c('✓', 'green')} {test.name}{self._tags(test)} {time}")
            return
        self._print(f"{indent}{self._c('✗', 'red')} {self._c(test.name, 'red')}"
                    f"{self._tags(test)} {time}")
        self._details(test, indent + "  ")

    def module_finished(self, module: ModuleResult) -> None:
        if not self.condensed:
            return
        counts = module.counts()
        mark = self._c("✓", "green") if counts.failed == 0 else self._c("✗", "red")
        self._print(f"{mark} [{counts.passed}/{counts.total}] {module.name}")
        for path, group in module.root.groups():
            tests = group.tests
            c = Counts.of(tests)
            if not c.failed and not c.skipped:
                continue
            mark = self._c("✗", "red") if c.failed else self._c("⊘", "yellow")
            title = " > ".join(path) or module.name
            self._print(f"    {mark} {title} [{c.passed}/{c.total}]")
            for test in tests:
                if test.status is Status.FAILED:
                    self._print(f"      {self._c('✗', 'red')} {test.name}")
                    self._details(test, "        ")
                elif test.status is Status.SKIPPED:
                    reason = f" ({test.skip_reason})" if test.skip_reason else ""
                    self._print(f"      {self._c('⊘', 'yellow')} Skipped - {test.name}{reason}")

    def load_failed(self, path: str, error_text: str) -> None:
        self._print(f"{self._c('✗', 'red')} Failed to load module: {path}")
        for line in error_text.splitlines():
            self._print(f"  {line}")

    def summary(self, run: RunResult) -> None:
        c = run.counts()
        self._print()
        verdict = (self._c("✓ All tests passed!", "green") if c.failed == 0
                   else self._c("✗ Some tests failed", "red"))
        self._print(f"{self._c('Test Results:', 'bold')} {verdict}")
        self._print(RULE)
        parts = [f"{'Total:':<9}{c.total}"]
        if c.passed:
            parts.append(f"{'Passed:':<9}" + self._c(str(c.passed), "green"))
        if c.failed:
            parts.append(f"{'Failed:':<9}" + self._c(str(c.failed), "red"))
        if c.skipped:
            parts.append(f"{'Skipped:':<9}" + self._c(str(c.skipped), "yellow"))
        parts.append(f"{'Elapsed:':<9}{format_time(run.elapsed_ms)}")
        self._print("  |  ".join(parts))
