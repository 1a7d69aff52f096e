"""Helpers for the compiler tests: compile Quest source the whole way to CPython code, run it,
and run the ``quest`` command in a subprocess.

``cant_compile`` accepts only a user-facing error with a position (``QuestSyntaxError`` or
``QuestCompileError``); any other exception escaping the parser or the compiler is a bug in
quest-rt and fails the test as such.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import warnings
from pathlib import Path
from types import CodeType

import pytest

from quest_rt.runtime.loader import new_namespace, python_ast, run_code
from quest_rt.syntax.errors import QuestCompileError, QuestSourceError, QuestSyntaxError

ROOT = Path(__file__).resolve().parents[2]


def _compile(source: str, path: str) -> CodeType:
    """Parse, compile to a Python AST and to a code object, without the on-disk cache."""
    tree = python_ast(source, path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)  # `x is 0` tests are emitted on purpose
        return compile(tree, path, "exec", dont_inherit=True, optimize=0)


def can_compile(source: str, path: str = "t.q") -> CodeType:
    """The code object ``source`` compiles to; a user-facing error fails the test."""
    try:
        return _compile(source, path)
    except QuestSourceError as exc:
        pytest.fail(f"expected to compile, got:\n{exc.format()}")


def cant_compile(source: str, path: str = "t.q") -> QuestSourceError:
    """The positioned syntax or compile error ``source`` raises.

    Fails the test if ``source`` compiles, and reports any other exception as a compiler bug.
    """
    try:
        _compile(source, path)
    except (QuestSyntaxError, QuestCompileError) as exc:
        assert exc.path == path
        assert exc.line >= 1 and exc.col >= 1, (exc.line, exc.col)
        assert exc.message.strip(), "the error has no message"
        return exc
    except Exception as exc:  # noqa: BLE001 - anything else is what this helper reports
        pytest.fail(
            f"compiler bug: {type(exc).__name__}: {exc} (expected a syntax or "
            "compile error with a position)"
        )
    pytest.fail(f"expected a syntax or compile error, but it compiled:\n{source}")


def run(source: str, path: str = "t.q") -> str:
    """Compile and run ``source`` in process; return what it printed."""
    code = can_compile(source, path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        run_code(code, new_namespace(path))
    return out.getvalue()


def quest(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess:
    """Run ``python -m quest_rt ARGS`` (the ``quest`` command) and capture its output."""
    full_env = dict(os.environ)
    full_env.pop("QUEST_DEBUG", None)
    full_env["PYTHONPATH"] = str(ROOT) + os.pathsep + full_env.get("PYTHONPATH", "")
    full_env["NO_COLOR"] = "1"
    if env:
        full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "quest_rt", *args],
        cwd=cwd,
        env=full_env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )
