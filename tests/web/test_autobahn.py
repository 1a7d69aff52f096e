"""Autobahn|Testsuite server cases 1–7 and 10 against both transports (wire-protocol §9.3).

Runs ``scripts/autobahn.py`` in a subprocess. Needs pyenv's CPython 2.7.18 (the
suite is Python-2 only) and, the first time, PyPI to install the suite; skipped
with the reason when the interpreter is missing. Deselect with ``-m "not autobahn"``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import autobahn  # noqa: E402

pytestmark = pytest.mark.autobahn


@pytest.mark.parametrize("transport", ["direct", "hypercorn"])
def test_autobahn_cases_1_to_7_and_10_have_no_failures(transport, tmp_path):
    if autobahn.python27() is None:
        pytest.skip("Autobahn|Testsuite needs pyenv's CPython 2.7.18, not installed here")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "autobahn.py"),
            "--transport",
            transport,
            "--outdir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    index = json.loads((tmp_path / "index.json").read_text())
    (cases,) = index.values()
    assert len(cases) == 247  # every case of groups 1-7 and 10 ran
    assert not [c for c, r in cases.items() if "FAILED" in (r["behavior"], r["behaviorClose"])]
