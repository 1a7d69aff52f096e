"""End-to-end fixtures: a real ``quest serve`` process and headless Chromium.

Chromium comes from Debian's ``chromium`` package (``scripts/test`` installs it when run
as root); Playwright drives it through ``executable_path`` — its own browser download
does not work here. Without Chromium the browser tests are skipped, saying why. The
``browser`` fixture itself is in ``tests/conftest.py``: tests/redis drives Chromium too,
and Playwright's sync API allows one instance per thread, so the session has one.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("QUEST_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


class QuestServer:
    """``quest serve APP --port 0`` as a child process; ``url`` is where it listens."""

    def __init__(self, app: Path, *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "quest_rt", "serve", str(app), "--port", "0", *args],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.output: list[str] = []
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.output.append(line)
            m = re.search(r"Serving on (http://\S+)", line)
            if m:
                self.url = m.group(1)
                break
        else:
            raise RuntimeError("quest serve exited early:\n" + "".join(self.output))

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGTERM)
        out, _ = self.proc.communicate(timeout=30)
        self.output.append(out)
        return self.proc.returncode


@pytest.fixture
def quest_server() -> Iterator:
    servers: list[QuestServer] = []

    def start(app: str | Path, *args: str) -> QuestServer:
        server = QuestServer(ROOT / app, *args)
        servers.append(server)
        return server

    yield start
    for server in servers:
        if server.proc.poll() is None:
            server.stop()
