"""``quest serve`` nodes sharing one Redis, as child processes, with their log watched."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class QuestNode:
    """``quest serve APP --port 0`` with ``QUEST_PUBSUB_URL`` set. A reader thread
    keeps its output (so the pipe never fills) and wakes :meth:`wait_for`."""

    def __init__(self, app: Path, redis_url: str, **env: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "quest_rt", "serve", str(app), "--port", "0"],
            cwd=app.parent,
            env={**os.environ, "QUEST_PUBSUB_URL": redis_url, **env},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: list[str] = []
        self._changed = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()
        port = self.wait_for(r"Serving on http://[\d.]+:(\d+)")
        self.port = int(port.group(1))
        self.wait_for(r"subscribed to Redis channel")

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            with self._changed:
                self.lines.append(line)
                self._changed.notify_all()
        with self._changed:
            self.lines.append("")  # EOF marker
            self._changed.notify_all()

    def wait_for(self, pattern: str, *, after: int = 0, timeout: float = 20) -> re.Match:
        """The first match of ``pattern`` in a log line from index ``after`` on."""
        compiled = re.compile(pattern)
        with self._changed:
            seen = after
            while True:
                for line in self.lines[seen:]:
                    if (m := compiled.search(line)) is not None:
                        return m
                seen = len(self.lines)
                if self.lines and self.lines[-1] == "" and self.proc.poll() is not None:
                    raise AssertionError(f"{pattern!r} never logged:\n{self.log}")
                if not self._changed.wait(timeout):
                    raise AssertionError(f"{pattern!r} not logged in {timeout}s:\n{self.log}")

    @property
    def log(self) -> str:
        return "".join(self.lines)

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=30)

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait(timeout=30)
