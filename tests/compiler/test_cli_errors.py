"""What a person sees when a program is wrong, through the real ``quest`` command (issue 2,
item 2): a syntax error prints ``file:line:col``, the source line and a caret; a run-time
error prints a Quest traceback (``.q`` frames, innermost last) and ``Type: message``, with
no Python frame unless ``QUEST_DEBUG=1``. And the exit statuses.
"""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.compiler.support import quest

PYTHON_FRAME = re.compile(r'^\s*File "/', re.MULTILINE)


def write(tmp_path: Path, name: str, source: str) -> str:
    (tmp_path / name).write_text(source, encoding="utf-8")
    return name


# ---------------------------------------------------------------- syntax and compile errors


def test_a_syntax_error_shows_position_line_and_caret(tmp_path):
    name = write(tmp_path, "broken.q", "let a = 1\nlet b = [a,\n  2\nputs(b)\n")
    result = quest(name, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    match = re.match(r"broken\.q:(\d+):(\d+): syntax error: (.+)", lines[0])
    assert match, result.stderr
    line, col = int(match.group(1)), int(match.group(2))
    assert line == 4
    assert lines[1] == "    4 | puts(b)"
    assert lines[2] == "      | " + " " * (col - 1) + "^"
    assert not PYTHON_FRAME.search(result.stderr)


def test_an_unclosed_block_names_the_line_that_opened_it(tmp_path):
    name = write(
        tmp_path, "open.q", "fun handle(msg)\n  puts(msg)\n\nfun broadcast(msg)\n  puts(msg)\nend\n"
    )
    result = quest(name, cwd=tmp_path)
    assert result.returncode == 1
    first = result.stderr.splitlines()[0]
    assert first.startswith("open.q:"), result.stderr
    assert "opened at line 1" in first
    assert "`end`" in first


def test_quest_check_reports_the_same_way_and_fails(tmp_path):
    good = write(tmp_path, "good.q", "puts(1)\n")
    bad = write(tmp_path, "bad.q", 'let s = "unclosed\n')
    result = quest("check", good, bad, cwd=tmp_path)
    assert result.returncode != 0
    lines = result.stderr.splitlines()
    assert lines[0].startswith("bad.q:1:9: syntax error: unclosed string"), result.stderr
    assert lines[1] == '    1 | let s = "unclosed'
    assert lines[2] == "      |         ^"


def test_quest_check_accepts_valid_files_and_does_not_run_them(tmp_path):
    name = write(tmp_path, "prog.q", 'puts("ran")\nraise "not at check time"\n')
    result = quest("check", name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "ran" not in result.stdout


def test_a_compile_error_is_reported_like_a_syntax_error(tmp_path):
    name = write(tmp_path, "dup.q", "\nfun f(a, a) a end\n")
    result = quest(name, cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("dup.q:2:1: error: "), result.stderr
    assert "appears more than once" in lines[0]
    assert lines[1] == "    2 | fun f(a, a) a end"
    assert lines[2] == "      | ^"


# ---------------------------------------------------------------- run-time errors

PROGRAM = """\
fun inner(x)
  x / 0
end

fun outer()
  inner(1)
end

outer()
"""


def test_a_runtime_error_prints_a_quest_traceback(tmp_path):
    name = write(tmp_path, "crash.q", PROGRAM)
    result = quest(name, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "Traceback (most recent call last):",
        "  crash.q:9 in <module>",
        "    outer()",
        "  crash.q:6 in outer",
        "    inner(1)",
        "  crash.q:2 in inner",
        "    x / 0",
        "RuntimeErr: Division by zero",
    ]


def test_quest_debug_adds_the_python_frames(tmp_path):
    name = write(tmp_path, "crash.q", PROGRAM)
    result = quest(name, cwd=tmp_path, env={"QUEST_DEBUG": "1"})
    assert result.returncode == 1
    assert PYTHON_FRAME.search(result.stderr), result.stderr
    assert "RuntimeErr: Division by zero" in result.stderr
    assert "crash.q:2 in inner" in result.stderr


def test_no_python_frame_for_an_error_raised_inside_the_runtime(tmp_path):
    # the error comes from a method table, several Python calls below the Quest frame
    name = write(tmp_path, "pop.q", "let xs = []\nxs.pop()\n")
    result = quest(name, cwd=tmp_path)
    assert result.returncode == 1
    assert not PYTHON_FRAME.search(result.stderr), result.stderr
    assert result.stderr.splitlines()[-1].startswith("RuntimeErr: ")
    assert "  pop.q:2 in <module>" in result.stderr


def test_frames_of_an_imported_module_are_shown(tmp_path):
    write(tmp_path, "lib.q", 'pub fun explode()\n  raise ValueErr.new("from lib")\nend\n')
    name = write(tmp_path, "main.q", 'use "./lib"\n\nlib.explode()\n')
    result = quest(name, cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[-1] == "ValueErr: from lib"
    frames = [line for line in lines if re.match(r"  \S+\.q:\d+ in ", line)]
    assert frames[0] == "  main.q:3 in <module>"
    assert frames[-1].endswith("lib.q:2 in explode")
    assert not PYTHON_FRAME.search(result.stderr)


def test_an_uncaught_raise_of_a_str_is_a_runtime_error(tmp_path):
    name = write(tmp_path, "raise.q", 'raise "boom"\n')
    result = quest(name, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == "RuntimeErr: boom"


def test_an_uncaught_user_error_prints_its_type_and_message(tmp_path):
    name = write(
        tmp_path,
        "quota.q",
        (
            'use "std/error" {Error}\n'
            "type QuotaError\n"
            "  pub limit: Int\n"
            "  impl Error\n"
            '    fun message() "over quota " .. self.limit end\n'
            '    fun str() "QuotaError: " .. self.message() end\n'
            "  end\n"
            "end\n"
            "raise QuotaError.new(limit: 10)\n"
        ),
    )
    result = quest(name, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == "QuotaError: over quota 10"


def test_runaway_recursion_is_a_quest_error_not_a_crash(tmp_path):
    name = write(tmp_path, "deep.q", "fun r(n)\n  r(n + 1)\nend\nr(0)\n")
    result = quest(name, cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "Traceback (most recent call last):"
    assert lines[-1] == "RuntimeErr: maximum recursion depth exceeded"
    assert len(lines) < 40, "repeated frames should be collapsed"
    assert not PYTHON_FRAME.search(result.stderr)


def test_output_before_the_error_is_kept(tmp_path):
    name = write(tmp_path, "partial.q", 'puts("before")\nlet xs = []\nxs.first()\n')
    result = quest(name, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == "before\n"


def test_an_error_in_a_snippet_names_the_snippet(tmp_path):
    result = quest("-e", "fun f() 1 / 0 end\nf()", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "Traceback (most recent call last):"
    assert lines[-1] == "RuntimeErr: Division by zero"
    assert not PYTHON_FRAME.search(result.stderr)


# ---------------------------------------------------------------- exit statuses


def test_a_successful_program_exits_0(tmp_path):
    name = write(tmp_path, "ok.q", "puts(1 + 2)\n")
    result = quest(name, cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "3\n", "")


def test_a_top_level_return_ends_the_program_successfully(tmp_path):
    name = write(tmp_path, "ret.q", 'puts("a")\nreturn\nputs("b")\n')
    result = quest(name, cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "a\n")


def test_sys_exit_sets_the_status(tmp_path):
    name = write(tmp_path, "exit.q", 'use "std/sys"\nputs("x")\nsys.exit(3)\nputs("y")\n')
    result = quest(name, cwd=tmp_path)
    assert (result.returncode, result.stdout) == (3, "x\n")


def test_a_caught_error_does_not_change_the_status(tmp_path):
    name = write(tmp_path, "caught.q", "try\n  1 / 0\ncatch e\n  puts(e.str())\nend\n")
    result = quest(name, cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "RuntimeErr: Division by zero\n")


def test_ctrl_c_stops_a_running_program_with_status_130(tmp_path):
    program = tmp_path / "loop.q"
    program.write_text('puts("go")\nwhile true\nend\n')
    proc = subprocess.Popen([sys.executable, "-m", "quest_rt", str(program)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline() == "go\n"  # the loop is running
    time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == 130
    assert "Interrupted" in err
