"""Every ```quest block of docs/*.md and README.md is real code.

Each block compiles; each block is also run — as a program, or with ``quest test`` when
it is a test suite (it uses ``std/test``) — and must succeed. A block that runs a server
forever cannot appear in the docs as a plain block: write ``quest serve`` around it in
the text instead (registering handlers and returning is fine).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = sorted([*ROOT.glob("docs/*.md"), ROOT / "README.md"])


def blocks() -> list[tuple[str, str]]:
    out = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for i, m in enumerate(re.finditer(r"^```quest\n(.*?)^```$", text, re.S | re.M)):
            out.append((f"{doc.name}-{i + 1}", m.group(1)))
    return out


BLOCKS = blocks()


@pytest.mark.parametrize(("name", "source"), BLOCKS, ids=[b[0] for b in BLOCKS])
def test_doc_block_runs(name: str, source: str, tmp_path: Path):
    is_suite = 'use "std/test"' in source
    path = tmp_path / (f"test_{name}.q" if is_suite else f"{name}.q")
    path.write_text(source, encoding="utf-8")
    check = subprocess.run([sys.executable, "-m", "quest_rt", "check", str(path)],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    cmd = ["test", "--no-color", str(path)] if is_suite else [str(path)]
    run = subprocess.run([sys.executable, "-m", "quest_rt", *cmd], capture_output=True,
                         text=True, cwd=tmp_path, timeout=60)
    assert run.returncode == 0, run.stdout + run.stderr
