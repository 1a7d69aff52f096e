"""std/sys (spec 11.1, 13): the running program, exit, eval, load_module, streams."""

from __future__ import annotations

import subprocess
from importlib.metadata import version
from pathlib import Path

import pytest

from quest_rt.runtime.errors import ArgErr, IOErr, SyntaxErr, TypeErr
from quest_rt.std import program
from quest_rt.std import sys as qsys
from quest_rt.std.io import StringIO
from tests.std.support import QUEST, TIMEOUT, lines, output, run_e, run_quest

# ---------------------------------------------------------------- the program


def test_argv_argc_and_script_path(tmp_path):
    source = 'use "std/sys"\nputs(sys.argv)\nputs(sys.argc)\nputs(sys.script_path)\n'
    script = str(tmp_path / "main.q")
    assert lines(source, "one", "two words", tmp_path=tmp_path) == [
        f"[{script}, one, two words]", "3", script,
    ]


def test_argv_of_e_code_has_no_script_path():
    done = run_e('use "std/sys"\nputs(sys.argv, " ", sys.argc, " ", sys.script_path)', "x")
    assert done.stdout == "[<-e>, x] 2 nil\n", done.stderr


def test_sys_members_follow_the_program_state_after_creation(monkeypatch):
    """The module may be created before the program's arguments are set (quest test)."""
    monkeypatch.setattr(program, "ARGV", [])
    monkeypatch.setattr(program, "SCRIPT_PATH", None)
    module = qsys.create()
    assert (module.argv, module.argc, module.script_path) == ([], 0, None)
    program.ARGV[:] = ["t.q", "--flag"]
    program.SCRIPT_PATH = "/abs/t.q"
    assert (module.argv, module.argc, module.script_path) == (["t.q", "--flag"], 2, "/abs/t.q")
    members = module.quest_members()
    assert (members["argv"], members["argc"], members["script_path"]) == \
        (["t.q", "--flag"], 2, "/abs/t.q")


def test_selective_import_of_argv(tmp_path):
    source = 'use "std/sys" {argv, argc}\nputs(argv.len() == argc, " ", argv[1])\n'
    assert lines(source, "first", tmp_path=tmp_path) == ["true first"]


def test_version_platform_executable_limits(tmp_path):
    source = ('use "std/sys"\nputs(sys.version)\nputs(sys.platform)\nputs(sys.executable)\n'
              'puts(sys.INT_MAX, " ", sys.INT_MIN)\n')
    ver, platform, executable, limits = lines(source, tmp_path=tmp_path)
    assert ver == version("quest-rt")
    assert platform == "linux"
    assert "quest" in Path(executable).name or "quest_rt" in executable
    assert Path(executable).exists()
    assert limits == f"{2**63 - 1} {-(2**63)}"


def test_pid_is_the_process_id(tmp_path):
    script = tmp_path / "pid.q"
    script.write_text('use "std/sys"\nputs(sys.pid())\n')
    proc = subprocess.Popen([*QUEST, str(script)], stdout=subprocess.PIPE, text=True)
    out, _ = proc.communicate(timeout=TIMEOUT)
    assert out.strip() == str(proc.pid)


# ---------------------------------------------------------------- exit and fail


def test_exit_code_and_nothing_runs_after_it(tmp_path):
    done = run_quest('use "std/sys"\nputs("before")\nsys.exit(3)\nputs("after")\n',
                     tmp_path=tmp_path)
    assert (done.returncode, done.stdout) == (3, "before\n")


def test_exit_defaults_to_zero_runs_ensure_and_is_not_caught(tmp_path):
    source = """\
use "std/sys"
try
  sys.exit()
catch e: Err
  puts("caught ", e)
ensure
  puts("ensure ran")
end
puts("not reached")
"""
    done = run_quest(source, tmp_path=tmp_path)
    assert (done.returncode, done.stdout) == (0, "ensure ran\n")


def test_exit_requires_an_int():
    with pytest.raises(TypeErr):
        qsys.exit_("1")


def test_fail_raises_runtime_err(tmp_path):
    done = run_quest('use "std/sys"\nsys.fail("boom")\n', tmp_path=tmp_path)
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == "RuntimeErr: boom"
    done = run_quest('use "std/sys"\ntry\n  sys.fail()\ncatch e: RuntimeErr\n'
                     '  puts(e.message())\nend\n', tmp_path=tmp_path)
    assert done.stdout == "Failure\n"


# ---------------------------------------------------------------- eval


EVAL = """\
use "std/sys"
let x = 10
puts(sys.eval("x * 2"))
sys.eval("let y = x + 1")
puts(y)
sys.eval("x = 99")
puts(x)
fun f(a)
  let b = 3
  sys.eval("a + b + x")
end
puts(f(100))
puts(sys.eval("fun sq(n) n * n end\\nsq(7)"))
puts(sq(3))
puts(sys.eval("puts(\\"side effect\\")"))
puts(sys.eval("return 5\\nputs(\\"not reached\\")"))
puts(sys.eval(""))
puts(sys.eval("sys.eval(\\"x + 1\\")"))
try
  sys.eval("let = 2")
catch e: SyntaxErr
  puts("SyntaxErr: ", e.message())
end
try
  sys.eval("1 / 0")
catch e: RuntimeErr
  puts("RuntimeErr: ", e.message())
end
"""


def test_eval_runs_in_the_callers_scope(tmp_path):
    assert lines(EVAL, tmp_path=tmp_path) == [
        "20",
        "11",
        "99",
        "202",
        "49",
        "9",
        "side effect",
        "nil",
        "nil",
        "nil",
        "100",
        "SyntaxErr: unexpected `=`; expected a name",
        "RuntimeErr: Division by zero",
    ]


def test_eval_error_traceback_shows_the_eval_frame(tmp_path):
    done = run_quest('use "std/sys"\nsys.eval("let a = 1\\nundefined_thing")\n',
                     tmp_path=tmp_path)
    assert done.returncode == 1
    assert "<eval>:2 in <module>" in done.stderr
    assert done.stderr.splitlines()[-1] == "NameErr: Undefined variable: undefined_thing"


def test_eval_from_python_without_a_quest_caller():
    assert qsys.eval_("let q = 4\nq * q") == 16
    with pytest.raises(SyntaxErr):
        qsys.eval_("fun (")
    with pytest.raises(TypeErr):
        qsys.eval_(5)


# ---------------------------------------------------------------- load_module


def test_load_module_sees_every_top_level_name_and_loads_once(tmp_path):
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "helper.q").write_text(
        'puts("loading helper")\n'
        "let secret = 42\n"
        "pub let shared = 1\n"
        "fun private_double(n) n * 2 end\n"
        "pub fun bump() shared = shared + 1 end\n")
    source = """\
use "std/sys"
let h = sys.load_module("lib/helper.q")
puts(h.secret, " ", h.private_double(21), " ", h.shared)
h.bump()
let again = sys.load_module("lib/helper.q")
puts(again.shared, " ", h.shared)
use "./lib/helper" as used
puts(used.shared)
try
  used.secret
catch e: AttrErr
  puts("private through use")
end
try
  sys.load_module("no/such/file.q")
catch e: ImportErr
  puts("ImportErr")
end
"""
    assert lines(source, tmp_path=tmp_path) == [
        "loading helper",
        "42 42 1",
        "2 2",
        "2",
        "private through use",
        "ImportErr",
    ]


# ---------------------------------------------------------------- streams


def test_stream_writes_return_lengths(tmp_path):
    source = ('use "std/sys"\nlet n = sys.stdout.write("héllo\\n")\nputs(n)\n'
              'sys.stderr.write("to stderr\\n")\n'
              'puts(sys.stdout.cls(), " ", sys.stderr.cls(), " ", sys.stdin.cls())\n')
    done = run_quest(source, tmp_path=tmp_path)
    assert done.stdout == "héllo\n6\nstdout stderr stdin\n"
    assert done.stderr == "to stderr\n"


def test_stdin_reading(tmp_path):
    source = 'use "std/sys"\nputs(sys.stdin.readline().trim())\nputs(sys.stdin.read().len())\n'
    assert output(source, tmp_path=tmp_path, stdin="first\nrest\nof it\n") == "first\n11\n"


REDIRECT = """\
use "std/sys"
use "std/io"
let buf = io.StringIO.new()
with sys.redirect_stream(sys.stdout, buf)
  puts("captured")
  sys.stdout.write("written")
end
puts("after with: ", buf.get_value().split("\\n"))
io.write("out.log", "already there\\n")
let guard = sys.redirect_stream(sys.stdout, "out.log")
puts("into the file")
guard.restore()
guard.restore()
with sys.redirect_stream(sys.stdout, "out.log")
  puts("and more")
end
puts("file: ", io.read("out.log").trim().split("\\n"))
let err = sys.redirect_stream(sys.stderr, sys.stdout)
sys.stderr.write("stderr on stdout\\n")
err.restore()
let outer = io.StringIO.new()
let inner = io.StringIO.new()
let g1 = sys.redirect_stream(sys.stdout, outer)
puts("one")
let g2 = sys.redirect_stream(sys.stdout, inner)
puts("two")
g2.restore()
puts("three")
g1.restore()
puts(outer.get_value().trim().split("\\n"), " ", inner.get_value().trim())
try
  sys.redirect_stream(sys.stdout, 42)
catch e: TypeErr
  puts("TypeErr")
end
"""


def test_redirect_stream(tmp_path):
    done = run_quest(REDIRECT, tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "after with: [captured, written]",
        "file: [already there, into the file, and more]",
        "stderr on stdout",
        "[one, three] two",
        "TypeErr",
    ]
    assert done.stderr == ""


def test_redirect_stream_accepts_named_arguments():
    buf = StringIO.new()
    guard = qsys.redirect_stream(**{"from": qsys.STDOUT, "to": buf})
    try:
        print("named", flush=True)
    finally:
        guard.restore()
    assert buf.get_value() == "named\n"
    assert guard.is_active() is False


def test_stream_misuse_is_ioerr_or_typeerr(tmp_path):
    with pytest.raises(IOErr, match="Cannot write to stdin"):
        qsys.STDIN.write("x")
    with pytest.raises(IOErr, match="Cannot read from stdout"):
        qsys.STDOUT.read()
    with pytest.raises(TypeErr, match="sys.redirect_stream cannot redirect sys.stdin"):
        qsys.redirect_stream(qsys.STDIN, StringIO.new())
    with pytest.raises(TypeErr, match="cannot write to sys.stdin"):
        qsys.redirect_stream(qsys.STDOUT, qsys.STDIN)
    with pytest.raises(IOErr, match="Cannot open .* for writing"):
        qsys.redirect_stream(qsys.STDOUT, str(tmp_path / "no" / "such" / "dir.log"))
    with pytest.raises(ArgErr):
        qsys.redirect_stream(qsys.STDOUT)
    assert str(qsys.STDOUT) == "<stdout>"


def test_stream_write_of_a_non_str_uses_its_string_form():
    buf = StringIO.new()
    guard = qsys.redirect_stream(qsys.STDOUT, buf)
    try:
        assert qsys.STDOUT.write([1, 2.0]) == 6
        qsys.STDOUT.flush()
        assert qsys.STDOUT.is_tty() is False
    finally:
        guard.restore()
    assert buf.get_value() == "[1, 2]"
