"""``quest --help`` and ``quest COMMAND --help``: every subcommand explains itself with
examples, and ``quest run FILE`` is the explicit form of ``quest FILE``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quest_rt import cli

COMMANDS = ["run", "check", "compile", "test", "serve"]


def _help(capsys, *args: str) -> str:
    assert cli.main(list(args)) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


def _examples(text: str) -> list[str]:
    """The command lines under ``examples:``, without their comments."""
    section = text.split("\nexamples:\n", 1)[1].split("\n\n", 1)[0]
    return [line.split("   ")[0].strip() for line in section.splitlines() if line.strip()]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_every_subcommand_has_help_with_examples(capsys, command, flag):
    text = _help(capsys, command, flag)
    assert text.startswith(f"usage: quest {command}")
    examples = _examples(text)
    assert examples, text
    for line in examples:
        words = line.split()
        assert "quest" in words, line
        if words[0] == "quest":
            assert words[1] in (command, "-e") or words[1].endswith(".q"), line


def test_top_level_help_lists_every_subcommand(capsys):
    text = _help(capsys, "--help")
    for command in COMMANDS:
        assert f"  quest {command} " in text
    assert "quest COMMAND --help" in text
    assert _examples(text)


@pytest.mark.parametrize("command", ["check", "compile", "serve"])
def test_help_wins_over_other_arguments(capsys, command):
    """``quest serve app.q --help`` shows help rather than starting a server."""
    assert _help(capsys, command, "missing.q", "--help").startswith(f"usage: quest {command}")


def test_run_without_a_file_says_so(capsys):
    assert cli.main(["run"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("quest run: missing FILE.q\nusage: quest run")


def _quest(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quest_rt", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_quest_run_is_quest_file_as_its_help_says(tmp_path):
    program = 'use "std/sys"\nputs(sys.argv.join("|"))\nsys.exit(3)\n'
    (tmp_path / "wc.q").write_text(program)
    explicit = _quest("run", "wc.q", "notes.txt", "--lines", cwd=tmp_path)
    short = _quest("wc.q", "notes.txt", "--lines", cwd=tmp_path)
    assert explicit.stdout == short.stdout == "wc.q|notes.txt|--lines\n"
    assert explicit.returncode == short.returncode == 3


def test_quest_run_takes_a_file_named_like_a_subcommand(tmp_path):
    (tmp_path / "test").write_text('puts("the program named test")\n')
    done = _quest("run", "test", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "the program named test\n"
