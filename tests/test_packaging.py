"""An installed wheel carries grammar/ and stdlib/ and works outside the repository.

The wheel is built from this checkout, unpacked with ``pip install --target`` into a
temporary directory, and run from another temporary directory with that directory first
on ``PYTHONPATH`` (the dependencies come from the test environment). The test checks
that ``quest_rt`` really came from the wheel, so the checkout's own files cannot mask a
packaging mistake.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
        capture_output=True, text=True)
    if build.returncode != 0:
        pytest.fail("building the wheel failed:\n" + build.stdout + build.stderr)
    wheels = list(dist.glob("quest_rt-*.whl"))
    assert len(wheels) == 1
    target = tmp_path_factory.mktemp("site")
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
         str(wheels[0])], capture_output=True, text=True)
    assert install.returncode == 0, install.stderr
    return target


def run_installed(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(site), QUEST_CACHE_DIR=str(cwd / "cache"))
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def test_wheel_carries_grammar_and_stdlib(installed: Path):
    assert (installed / "quest_rt" / "_data" / "grammar" / "quest.lark").is_file()
    assert (installed / "quest_rt" / "_data" / "stdlib" / "std" / "error.q").is_file()


def test_wheel_carries_the_vendored_liveview_clients(installed: Path):
    liveview = installed / "quest_rt" / "_data" / "assets" / "liveview"
    assert (liveview / "phoenix_live_view.min.js").is_file()
    assert (liveview / "LICENSE-morphdom").is_file()


def test_installed_quest_runs_outside_the_repository(installed: Path, tmp_path: Path):
    program = tmp_path / "app.q"
    program.write_text('use "std/error" {BasicError}\n'
                       'use "std/encoding/json" as json\n'
                       'try\n'
                       '  raise BasicError.new(message: "from the wheel")\n'
                       'catch e: BasicError\n'
                       '  puts(json.stringify({"msg": e.message()}))\n'
                       'end\n')
    where = run_installed(installed, tmp_path, "-c", "import quest_rt; print(quest_rt.__file__)")
    assert where.stdout.startswith(str(installed)), where.stdout + where.stderr
    result = run_installed(installed, tmp_path, "-m", "quest_rt", str(program))
    assert result.returncode == 0, result.stderr
    assert result.stdout == '{"msg":"from the wheel"}\n'
    check = run_installed(installed, tmp_path, "-m", "quest_rt", "-e", "puts(1 +)")
    assert check.returncode == 1
    assert "<-e>:1:" in check.stderr


def test_declared_pythons_are_the_tested_ones():
    """requires-python and the classifiers name exactly the versions scripts/test runs."""
    import re
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    script = (ROOT / "scripts" / "test").read_text()
    tested = re.search(r'^SUPPORTED="([^"]+)"$', script, re.M).group(1).split()
    classified = [
        c.rsplit(" ", 1)[1]
        for c in project["classifiers"]
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)
    ]
    assert classified == tested
    low, high = tested[0], tested[-1]
    minor = int(high.split(".")[1])
    assert project["requires-python"] == f">={low},<3.{minor + 1}"
    running = f"{sys.version_info[0]}.{sys.version_info[1]}"
    assert running in tested, f"the suite runs on CPython {running}, which is not declared"
