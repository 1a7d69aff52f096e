"""The REPL (quest_rt/repl.py), driven through a real pseudo-terminal: ``quest`` with no
arguments on a TTY opens it."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import subprocess
import termios
import time
from pathlib import Path

import pytest

from quest_rt.repl import Session, is_incomplete
from quest_rt.std import program
from tests.std.support import QUEST, _env

PROMPT = "quest> "
CONTINUATION = "...> "
DEADLINE = 30  # seconds before a missing prompt fails the test (not a timing assertion)


def _controlling_terminal() -> None:
    """In the child: a new session whose controlling terminal is the pty (stdin), so that
    Ctrl-C typed on it becomes SIGINT, as in a real terminal."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """A ``quest`` process on a pty: send lines, read up to the next prompt."""

    def __init__(self, home: Path) -> None:
        master, slave = pty.openpty()
        env = _env({"HOME": str(home), "TERM": "dumb", "INPUTRC": "/dev/null"})
        self.proc = subprocess.Popen(QUEST, stdin=slave, stdout=slave, stderr=slave, env=env,
                                     preexec_fn=_controlling_terminal)
        os.close(slave)
        self.fd = master
        self.pending = ""

    def read_until(self, *tokens: str) -> str:
        """Everything up to the first of ``tokens`` (consumed), with ``\\r\\n`` as ``\\n``."""
        deadline = time.monotonic() + DEADLINE
        while True:
            hits = [(self.pending.find(t), t) for t in tokens if t in self.pending]
            if hits:
                at, token = min(hits)
                text, self.pending = self.pending[:at], self.pending[at + len(token):]
                return text
            if time.monotonic() > deadline:
                raise AssertionError(f"no {tokens!r} in output: {self.pending!r}")
            ready, _, _ = select.select([self.fd], [], [], 0.5)
            if ready:
                try:
                    data = os.read(self.fd, 4096)
                except OSError:  # EIO: the process closed the terminal
                    data = b""
                if not data:
                    raise AssertionError(f"quest exited; output so far: {self.pending!r}")
                self.pending += data.decode("utf-8", "replace").replace("\r\n", "\n")

    def send(self, line: str) -> None:
        os.write(self.fd, line.encode() + b"\n")

    def enter(self, line: str, until: str = PROMPT) -> str:
        """Type ``line``; return what was printed after its echo, up to the next prompt."""
        self.send(line)
        text = self.read_until(until)
        echo = line + "\n"
        assert text.startswith(echo), (text, echo)
        return text[len(echo):]

    def control(self, char: str) -> None:
        os.write(self.fd, char.encode())

    def wait(self) -> int:
        try:
            return self.proc.wait(timeout=DEADLINE)
        finally:
            os.close(self.fd)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def term(tmp_path):
    t = Terminal(tmp_path)
    t.read_until(PROMPT)
    yield t
    t.kill()


def test_value_of_an_expression_is_echoed_in_rep_form(term):
    assert term.enter("1 + 2") == "3\n"
    assert term.enter('"a" .. "b"') == '"ab"\n'
    assert term.enter('[1, "s", nil]') == '[1, "s", nil]\n'
    assert term.enter("nil") == ""
    assert term.enter('puts("printed")') == "printed\n"
    assert term.enter("let x = 5") == ""
    assert term.enter("") == ""


def test_multi_line_input_uses_the_continuation_prompt(term):
    assert term.enter("fun twice(x)", until=CONTINUATION) == ""
    assert term.enter("  x * 2", until=CONTINUATION) == ""
    assert term.enter("end") == ""
    assert term.enter("twice(21)") == "42\n"
    assert term.enter("[1,", until=CONTINUATION) == ""
    assert term.enter("2]") == "[1, 2]\n"
    assert term.enter('let s = """a', until=CONTINUATION) == ""
    assert term.enter('b"""') == ""
    assert term.enter("s.len()") == "3\n"


def test_names_and_modules_carry_over(term):
    term.enter("let count = 1")
    term.enter("count = count + 1")
    assert term.enter("count") == "2\n"
    term.enter('use "std/json"')
    assert term.enter('json.parse("[1]")') == "[1]\n"


def test_errors_are_reported_and_the_session_goes_on(term):
    out = term.enter("undefined_name + 1")
    assert out.splitlines() == [
        "Traceback (most recent call last):",
        "  <repl>:1 in <module>",
        "    undefined_name + 1",
        "NameErr: Undefined variable: undefined_name",
    ]
    out = term.enter("let = 2")
    assert out.splitlines()[0] == "<repl>:1:5: syntax error: unexpected `=`; expected a name"
    assert out.splitlines()[-1].strip() == "|     ^"
    assert term.enter(")").startswith("<repl>:1:1: syntax error")
    assert term.enter("1 + 1") == "2\n"


def test_error_inside_a_function_shows_its_frame(term):
    term.enter("fun boom()", until=CONTINUATION)
    term.enter('  raise ValueErr.new("bad")', until=CONTINUATION)
    term.enter("end")
    out = term.enter("boom()")
    assert "in boom" in out
    assert out.splitlines()[-1] == "ValueErr: bad"


def test_ctrl_c_abandons_the_current_input(term):
    term.enter("fun f(", until=CONTINUATION)
    term.control("\x03")
    # An Enter after the Ctrl-C: CPython's readline can defer a SIGINT that lands just
    # as it starts reading until the line ends. Either way the input is abandoned, so no
    # continuation prompt may appear and the next input is evaluated on its own.
    term.send("")
    term.send("40 + 2")
    before = term.read_until("42\n")
    assert CONTINUATION not in before
    assert PROMPT in before
    term.read_until(PROMPT)
    assert term.enter("1") == "1\n"


def test_ctrl_c_interrupts_running_code(term):
    term.enter("let n = 0")
    term.enter("fun spin()", until=CONTINUATION)
    term.enter('  puts("spinning")', until=CONTINUATION)
    term.enter("  while true n = n + 1 end", until=CONTINUATION)
    term.enter("end")
    term.send("spin()")
    term.read_until("spinning\n")  # the loop runs: Ctrl-C now interrupts code, not input
    term.control("\x03")
    # the terminal itself echoes the keystroke as ^C
    assert term.read_until(PROMPT).replace("^C", "").strip() == "Interrupted"
    # the loop is really stopped (not left running on its thread): n no longer changes
    term.enter("let seen = n")
    assert term.enter("n == seen") == "true\n"


def test_top_level_return_ends_the_input_only(term):
    assert term.enter("return 5") == ""
    assert term.enter("7") == "7\n"


def test_session_reports_compile_errors(capsys, monkeypatch):
    for name in ("ARGV", "SCRIPT_PATH", "MAIN_NAMESPACE"):  # a Session sets them
        monkeypatch.setattr(program, name, list(program.ARGV) if name == "ARGV" else None)
    session = Session()
    assert program.ARGV == ["<repl>"]
    assert session.run("const k = 1\nconst k = 2") is None
    assert capsys.readouterr().err.startswith(
        "<repl>:2:1: error: cannot redeclare constant 'k'\n")
    assert session.run("let v = 2") is None
    assert session.run("v * 3") == "6"
    assert session.run('"s"') == '"s"'


def test_ctrl_d_inside_an_input_runs_what_was_typed(term):
    term.enter("(1 +", until=CONTINUATION)
    term.control("\x04")
    out = term.read_until(PROMPT)
    assert "syntax error" in out
    assert term.enter("2") == "2\n"


def test_quit_also_leaves(tmp_path):
    t = Terminal(tmp_path)
    try:
        t.read_until(PROMPT)
        t.send("quit")
        assert t.wait() == 0
    finally:
        t.kill()


def test_exit_quits_and_history_is_saved(tmp_path):
    t = Terminal(tmp_path)
    try:
        t.read_until(PROMPT)
        t.enter("let a = 6")
        t.enter("fun g()", until=CONTINUATION)
        t.enter("end")
        t.send("exit")
        assert t.wait() == 0
    finally:
        t.kill()
    history = (tmp_path / ".quest_history").read_text().splitlines()
    assert history[-4:] == ["let a = 6", "fun g()", "end", "exit"]


def test_history_is_loaded_at_start(tmp_path):
    (tmp_path / ".quest_history").write_text("puts(\"from history\")\n")
    t = Terminal(tmp_path)
    try:
        t.read_until(PROMPT)
        t.control("\x1b[A")  # up arrow: the previous session's line
        t.control("\n")
        assert "from history" in t.read_until(PROMPT)
    finally:
        t.kill()


def test_ctrl_d_quits(tmp_path):
    t = Terminal(tmp_path)
    try:
        t.read_until(PROMPT)
        t.control("\x04")
        assert t.wait() == 0
    finally:
        t.kill()


def test_sys_exit_sets_the_status(tmp_path):
    t = Terminal(tmp_path)
    try:
        t.read_until(PROMPT)
        t.enter('use "std/sys"')
        t.send("sys.exit(4)")
        assert t.wait() == 4
    finally:
        t.kill()


@pytest.mark.parametrize("source, incomplete", [
    ("fun f()", True), ("fun f()\n  1", True), ("if x", True), ("while true", True),
    ("foo(1,", True), ("[1,\n2", True), ("{", True), ("let x =", True), ("1 +", True),
    ('"""abc', True), ("try\n  x()", True),
    ("fun f() end", False), ("1 + 1", False), (")", False), ("let = 3", False),
    ('"abc', False), ("end", False), ("f(1))", False), ("", False),
])
def test_is_incomplete(source, incomplete):
    assert is_incomplete(source) is incomplete
