"""Helpers for the std tests: run real Quest programs in a fresh ``quest`` process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

#: the interpreter as users start it (``python -m quest_rt`` is the ``quest`` script)
QUEST = [sys.executable, "-m", "quest_rt"]
TIMEOUT = 60


def run_quest(source: str, *args: str, tmp_path: Path, name: str = "main.q",
              env: dict[str, str] | None = None, stdin: str | None = None,
              cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Write ``source`` to ``tmp_path/name`` and run it with ``args``."""
    script = tmp_path / name
    script.write_text(source, encoding="utf-8")
    return subprocess.run([*QUEST, str(script), *args], capture_output=True, text=True,
                          timeout=TIMEOUT, input=stdin, cwd=cwd or tmp_path,
                          env=_env(env))


def run_e(code: str, *args: str, env: dict[str, str] | None = None,
          cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``quest -e CODE args...``"""
    return subprocess.run([*QUEST, "-e", code, *args], capture_output=True, text=True,
                          timeout=TIMEOUT, cwd=cwd, env=_env(env))


def output(source: str, *args: str, tmp_path: Path, **kwargs) -> str:
    """Run a program that must succeed; return its standard output."""
    done = run_quest(source, *args, tmp_path=tmp_path, **kwargs)
    assert done.returncode == 0, f"exit {done.returncode}\nstdout:\n{done.stdout}\n" \
                                 f"stderr:\n{done.stderr}"
    return done.stdout


def lines(source: str, *args: str, tmp_path: Path, **kwargs) -> list[str]:
    return output(source, *args, tmp_path=tmp_path, **kwargs).splitlines()


def _env(extra: dict[str, str] | None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("QUEST_DEBUG", None)
    # run from any directory: the package is importable from the checkout
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "") \
        if env.get("PYTHONPATH") else root
    if extra:
        env.update(extra)
    return env
