"""The vendored LiveView clients are the pinned npm builds, byte for byte."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

from quest_rt.resources import assets_dir

ROOT = Path(__file__).resolve().parents[3]


def vendor_script():
    spec = importlib.util.spec_from_file_location(
        "vendor_assets", ROOT / "scripts" / "vendor_assets.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_committed_bundles_and_licences_match_their_pins():
    script = vendor_script()
    assert script.check() == []
    assert script.ASSETS == assets_dir() / "liveview"
    assert set(script.expected_files()) == {
        "phoenix.min.js",
        "phoenix.js",
        "phoenix_live_view.min.js",
        "phoenix_live_view.js",
        "LICENSE-phoenix.md",
        "LICENSE-phoenix_live_view.md",
        "LICENSE-morphdom",
    }


def test_the_check_fails_on_a_changed_or_missing_file(tmp_path):
    script = vendor_script()
    copy = tmp_path / "liveview"
    shutil.copytree(script.ASSETS, copy)
    with (copy / "phoenix_live_view.min.js").open("ab") as f:
        f.write(b"\n")
    (copy / "LICENSE-morphdom").unlink()
    problems = script.check(copy)
    assert len(problems) == 2
    assert (
        "phoenix_live_view.min.js: sha256" in problems[0]
        or "phoenix_live_view.min.js: sha256" in problems[1]
    )
    assert any("LICENSE-morphdom: missing" in p for p in problems)


def test_the_bundles_define_the_globals_the_bootstrap_uses():
    liveview = assets_dir() / "liveview"
    assert (liveview / "phoenix.min.js").read_text().startswith("var Phoenix=")
    assert (liveview / "phoenix_live_view.min.js").read_text().startswith("var LiveView=")
