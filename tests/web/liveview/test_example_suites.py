"""The Quest suites next to the LiveView examples (``examples/*/test_app.q``) pass.

``quest test`` leaves ``examples/`` out when it scans from the project root, and
pytest collects ``.q`` suites under ``tests/`` only; this runs each example's suite as
a person would (``quest test examples/<name>``) so the suite stays green with the app.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SUITES = sorted(ROOT.glob("examples/*/test_app.q"))


@pytest.mark.parametrize("suite", SUITES, ids=[s.parent.name for s in SUITES])
def test_example_suite_passes(suite: Path):
    run = subprocess.run(
        [sys.executable, "-m", "quest_rt", "test", "--no-color", str(suite.parent)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    out = run.stdout + run.stderr
    assert run.returncode == 0, out
    totals = re.search(r"Total:\s+(\d+)\s+\|\s+Passed:\s+(\d+)", out)
    assert totals is not None, out
    assert int(totals.group(1)) == int(totals.group(2)) > 0, out
