"""The ``.q`` suites under ``tests/`` as pytest items.

A file named ``test_*.q`` or ``*_test.q`` (the rule of ``quest test``) is loaded in-process
through ``quest_rt.testing.Session.load_file`` when pytest collects it: ``describe`` and
``it`` run immediately in Quest, so a file's tests are known only once it has run. Each
``it`` then becomes an item that reports its recorded result, with the describes as
collectors in between::

    tests/lang/test_smoke.q::Arithmetic::Int division::truncates toward zero

A failed ``it`` shows its failure messages (and the Quest frames and captured output of an
unexpected error); a skipped one is a pytest skip; a file that does not load is one failing
item, ``<load>``, carrying the error text. Files under a ``fixtures/`` directory are inputs
of other tests (``tests/fixtures/std_test/`` holds suites meant to fail) and never collected.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.File | None:
    from quest_rt.testing.discovery import is_test_file

    if file_path.suffix != ".q" or not is_test_file(file_path.name):
        return None
    try:
        parts = file_path.relative_to(parent.config.rootpath).parts
    except ValueError:
        parts = file_path.parts
    if "fixtures" in parts:
        return None
    return QuestFile.from_parent(parent, path=file_path)


class QuestFailure(Exception):
    """Raised by an item whose ``.q`` test failed; carries the report text."""


class _Item(pytest.Item):
    #: pytest-trio's trio_mode inspects ``item.obj`` of every item for a coroutine function
    obj = None

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, QuestFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style)


class QuestFile(pytest.File):
    def collect(self):
        from quest_rt.testing.session import Config, Session, activated

        session = Session(Config(capture="all"))

        def load():
            with activated(session):
                failure = session.load_file(str(self.path))
                session.finish()
            return failure

        failure = _like_quest(load)
        if failure is not None:
            yield QuestLoadError.from_parent(self, name="<load>", text=failure.message)
        for module in session.run.modules:
            yield from _children(self, module.root)


def _like_quest(fn):
    """``fn()`` run as ``quest`` runs programs: on a thread with a deep stack and the
    interpreter's recursion limit, so 1,000+ nested Quest calls work (spec 6.4)."""
    from quest_rt.cli import RECURSION_LIMIT, THREAD_STACK

    outcome: list = []

    def target() -> None:
        try:
            outcome.append((True, fn()))
        except BaseException as exc:  # handed back to the collecting thread below
            outcome.append((False, exc))

    old_limit = sys.getrecursionlimit()
    old_stack = threading.stack_size(THREAD_STACK)
    sys.setrecursionlimit(max(old_limit, RECURSION_LIMIT))
    try:
        thread = threading.Thread(target=target, name="quest-collect")
        thread.start()
        thread.join()
    finally:
        threading.stack_size(old_stack)
        sys.setrecursionlimit(old_limit)
    ok, value = outcome[0]
    if not ok:
        raise value
    return value


def _children(parent: pytest.Collector, group):
    from quest_rt.testing.results import DescribeResult

    seen: dict[str, int] = {}
    for child in group.children:
        seen[child.name] = seen.get(child.name, 0) + 1
        name = child.name if seen[child.name] == 1 else f"{child.name} [{seen[child.name]}]"
        if isinstance(child, DescribeResult):
            yield QuestDescribe.from_parent(parent, name=name, group=child)
        else:
            yield QuestItem.from_parent(parent, name=name, test=child)


class QuestDescribe(pytest.Collector):
    def __init__(self, *, group, **kwargs) -> None:
        super().__init__(**kwargs)
        self.group = group

    def collect(self):
        return list(_children(self, self.group))


class QuestItem(_Item):
    def __init__(self, *, test, **kwargs) -> None:
        super().__init__(**kwargs)
        self.test = test
        self.extra_keyword_matches.update(test.tags)  # `pytest -k slow` selects by tag
        if test.status.value == "skipped":
            # a mark, not pytest.skip(), so the report points at the .q line
            self.add_marker(pytest.mark.skip(reason=test.skip_reason or "skipped"))

    def runtest(self) -> None:
        if self.test.status.value == "failed":
            lines = list(self.test.failures)
            lines += [f"    at {frame}" for frame in self.test.stack]
            output = [line for line in self.test.output.splitlines() if line.strip()]
            if output:
                lines += ["output:", *(f"  {line}" for line in output)]
            raise QuestFailure("\n".join(lines))

    def reportinfo(self):
        return self.path, (self.test.line or 1) - 1, self.nodeid.split("::", 1)[-1]


class QuestLoadError(_Item):
    def __init__(self, *, text: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.text = text

    def runtest(self) -> None:
        path = self.nodeid.split("::", 1)[0]
        raise QuestFailure(f"Failed to load module: {path}\n{self.text}")

    def reportinfo(self):
        return self.path, 0, "<load>"


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium for the whole session (tests/e2e, and tests/redis's LiveView
    test): the Debian package driven by Playwright (see tests/e2e/conftest.py); the
    tests are skipped, saying why, when either is missing."""
    from pathlib import Path

    from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS

    if not Path(CHROMIUM).exists():
        pytest.skip(
            f"no Chromium at {CHROMIUM} (Debian package `chromium`; scripts/test "
            "installs it when run as root)"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()
