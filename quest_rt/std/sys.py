"""``std/sys`` (spec 11.1): the running program, its streams, and Quest code run at run
time (``eval``, ``load_module``).

``argv``, ``argc`` and ``script_path`` are read from ``quest_rt.std.program`` each time
they are used, so they describe the running program even when this module was created
before the program's arguments were known (``quest test`` loads test files that way).

``eval(code)`` compiles ``code`` in "repl" mode (the value of the last statement lands in
the namespace key ``·result``) and runs it in the namespace of the Quest module that
called it. Called from inside a Quest function, the code can also *read* that function's
local variables; names it declares go to the module namespace (a Python function's locals
cannot be extended at run time).

``redirect_stream(sys.stdout, target)`` swaps Python's ``sys.stdout`` (which ``puts``
and ``print`` write to) for a small writer that forwards to the target, and returns a
guard whose ``restore()`` (or the end of a ``with`` block) puts the previous stream back.
"""

from __future__ import annotations

import os
import sys as _sys
from pathlib import Path
from typing import Any

from quest_rt.runtime.errors import ArgErr, IOErr, ModuleReturn, RuntimeErr, SyntaxErr, TypeErr
from quest_rt.runtime.objects import QuestModule
from quest_rt.runtime.values import INT_MAX, INT_MIN, to_str
from quest_rt.std import program
from quest_rt.std.arguments import need_int, need_str, wrong_kind
from quest_rt.std.io import StringIO

__all__ = ["Stream", "RedirectGuard", "SysModule", "create"]

_PLATFORMS = {"linux": "linux", "darwin": "darwin", "win32": "windows", "cygwin": "windows"}


_VERSION: list[str] = []


def _version() -> str:
    """The installed package's version, looked up on first use: importlib.metadata scans
    the installed distributions, about 30 ms that ``use "std/sys"`` should not pay."""
    if not _VERSION:
        from importlib.metadata import PackageNotFoundError, version

        try:
            _VERSION.append(version("quest-rt"))
        except PackageNotFoundError:
            _VERSION.append("0.0.0")
    return _VERSION[0]


def _executable() -> str:
    """The ``quest`` command: the console script next to this Python if it exists, else
    the package's ``__main__`` (what ``python -m quest_rt`` runs)."""
    script = Path(_sys.executable).parent / "quest"
    if script.exists():
        return str(script)
    argv0 = os.path.abspath(_sys.argv[0]) if _sys.argv and _sys.argv[0] else ""
    if "quest" in os.path.basename(argv0) or "quest_rt" in argv0:
        return argv0
    return str(Path(__file__).resolve().parent.parent / "__main__.py")


# ---------------------------------------------------------------- streams


class Stream:
    """``sys.stdout``, ``sys.stderr``, ``sys.stdin``: always the *current* Python stream,
    so redirections (ours, or a test harness's) are honoured."""

    quest_name = "Stream"

    def __init__(self, name: str) -> None:
        self.name = name

    def _file(self) -> Any:
        return getattr(_sys, self.name)

    def __str__(self) -> str:
        return f"<{self.name}>"

    def cls(self) -> str:
        """cls() -> Str: "stdout", "stderr" or "stdin", which stream this is

        Example:
            sys.stdout.cls()  # => "stdout"
            sys.stderr.cls()  # => "stderr"
        """
        return self.name

    def write(self, s: Any) -> int:
        """write(s) -> Int: write the string form of s; the number of characters written

        Example:
            sys.stdout.write("héllo\\n")  # => 6
        """
        if self.name == "stdin":
            raise IOErr("Cannot write to stdin")
        text = s if type(s) is str else to_str(s)
        self._file().write(text)
        return len(text)

    def flush(self) -> None:
        """flush(): write out anything buffered

        Example:
            sys.stdout.write("no newline yet")
            sys.stdout.flush()  # => nil
        """
        if self.name != "stdin":
            self._file().flush()

    def _reader(self) -> Any:
        if self.name != "stdin":
            raise IOErr(f"Cannot read from {self.name}")
        return self._file()

    def read(self) -> str:
        """read() -> Str: everything until end of input

        Example:
            # with "one\\ntwo\\n" on standard input
            sys.stdin.read()  # => "one\\ntwo\\n"
        """
        return self._reader().read()

    def readline(self) -> str:
        """readline() -> Str: the next line with its newline ("" at end of input)

        Example:
            # with "one\\ntwo\\n" on standard input
            sys.stdin.readline()  # => "one\\n"
        """
        return self._reader().readline()

    def readlines(self) -> list[str]:
        """readlines() -> Array of Str: the remaining lines of stdin, newlines kept

        Example:
            # with "one\\ntwo\\n" on standard input
            sys.stdin.readlines()  # => ["one\\n", "two\\n"]
        """
        return self._reader().readlines()

    def is_tty(self) -> bool:
        """is_tty() -> Bool: whether the stream is a terminal

        Example:
            sys.stdout.is_tty().cls()  # => "Bool"
        """
        f = self._file()
        return bool(getattr(f, "isatty", lambda: False)())


STDOUT = Stream("stdout")
STDERR = Stream("stderr")
STDIN = Stream("stdin")


class _Sink:
    """What Python's ``sys.stdout``/``sys.stderr`` is while redirected: forwards writes."""

    encoding = "utf-8"

    def __init__(self, target: Any) -> None:
        self.target = target

    def write(self, s: str) -> int:
        self.target.write(s)
        return len(s)

    def flush(self) -> None:
        flush = getattr(self.target, "flush", None)
        if flush is not None:
            flush()

    def isatty(self) -> bool:
        return False


class RedirectGuard:
    """Returned by ``redirect_stream``: ``restore()`` undoes the redirection (once)."""

    quest_name = "RedirectGuard"

    def __init__(self, name: str, previous: Any, sink: _Sink, owned: Any) -> None:
        self._name = name
        self._previous = previous
        self._sink = sink
        self._owned = owned  # a file we opened for a path target, closed on restore
        self._active = True

    def __str__(self) -> str:
        return f"<RedirectGuard {self._name}{'' if self._active else ' restored'}>"

    def restore(self) -> None:
        """restore(): put the previous stream back (later calls do nothing)

        Example:
            use "std/io"
            let buf = io.StringIO.new()
            let guard = sys.redirect_stream(sys.stdout, buf)
            puts("hidden")
            guard.restore()
            buf.get_value()  # => "hidden\\n"
        """
        if not self._active:
            return
        self._active = False
        self._sink.flush()
        setattr(_sys, self._name, self._previous)
        if self._owned is not None:
            self._owned.close()

    def is_active(self) -> bool:
        """is_active() -> Bool: whether the redirection is still in place

        Example:
            use "std/io"
            let guard = sys.redirect_stream(sys.stdout, io.StringIO.new())
            guard.is_active()  # => true
            guard.restore()
            guard.is_active()  # => false
        """
        return self._active

    def _enter(self) -> RedirectGuard:
        return self

    def _exit(self) -> None:
        self.restore()


def redirect_stream(*args: Any, **named: Any) -> RedirectGuard:
    """redirect_stream(from, to) -> guard: send sys.stdout or sys.stderr to a StringIO,
    a file path (appended to) or another stream until guard.restore()

    Example:
        use "std/io"
        let buf = io.StringIO.new()
        with sys.redirect_stream(sys.stdout, buf)
          puts("captured")
        end
        buf.get_value()  # => "captured\\n"
    """
    # `from` is a Python keyword, so the parameters are bound by hand (spec 6.2)
    params = dict(zip(("from", "to"), args))
    for key, value in named.items():
        if key not in ("from", "to") or key in params:
            raise ArgErr(f"sys.redirect_stream: unexpected or repeated argument '{key}'")
        params[key] = value
    if len(args) > 2 or len(params) != 2:
        raise ArgErr("sys.redirect_stream takes 2 arguments: from and to")
    from_, to = params["from"], params["to"]
    if isinstance(from_, Stream) and from_.name == "stdin":
        raise TypeErr("sys.redirect_stream cannot redirect sys.stdin (only stdout or stderr)")
    if not isinstance(from_, Stream):
        raise wrong_kind(from_, "sys.redirect_stream", "sys.stdout or sys.stderr")
    owned = None
    if isinstance(to, StringIO):
        target: Any = to
    elif isinstance(to, Stream):
        if to.name == "stdin":
            raise TypeErr("sys.redirect_stream cannot write to sys.stdin")
        target = to._file()  # resolved now, so stderr -> stdout -> stderr cannot loop
    elif type(to) is str:
        try:
            owned = open(to, "a", encoding="utf-8")  # appends; closed by restore()
        except OSError as exc:
            raise IOErr(f"Cannot open '{to}' for writing: {exc.strerror}") from None
        target = owned
    else:
        raise wrong_kind(to, "sys.redirect_stream", "a StringIO, a path Str or a stream")
    previous = from_._file()
    previous.flush()
    sink = _Sink(target)
    setattr(_sys, from_.name, sink)
    return RedirectGuard(from_.name, previous, sink, owned)


# ---------------------------------------------------------------- running code


class _FunctionScope(dict):
    """The ``locals`` mapping of code eval'd from inside a function: reads see the
    function's variables, writes go to the module namespace (compiler temporaries, whose
    names contain ``·``, stay here)."""

    def __init__(self, frame_locals: dict[str, Any], namespace: dict[str, Any]) -> None:
        super().__init__((k, v) for k, v in frame_locals.items() if "·" not in k)
        self.namespace = namespace

    def __setitem__(self, key: str, value: Any) -> None:
        if "·" not in key:
            self.namespace[key] = value
            if key not in super().keys():
                return
        super().__setitem__(key, value)

    def __delitem__(self, key: str) -> None:
        if key in self.namespace:
            del self.namespace[key]
        if super().__contains__(key):
            super().__delitem__(key)


def _caller_frame() -> Any:
    from quest_rt.runtime.loader import quest_callers

    return next(quest_callers(), None)


def eval_(code: Any) -> Any:
    """eval(code) -> value: run Quest code in the caller's scope; the value of its last
    statement

    Example:
        sys.eval("1 + 2")  # => 3
        let x = 10
        sys.eval("x * 2")  # => 20
    """
    need_str(code, "sys.eval", "of Quest code")
    from quest_rt.runtime import loader
    from quest_rt.syntax.errors import QuestSourceError

    frame = _caller_frame()
    try:
        compiled = loader.compile_source(code, "<eval>", mode="repl")
    except QuestSourceError as exc:
        raise SyntaxErr(exc.message) from None
    loader.register_source("<eval>", code)
    if frame is None:
        namespace = loader.new_namespace("<eval>")
        scope = namespace
    else:
        namespace = frame.f_globals
        scope = namespace if frame.f_locals is namespace else \
            _FunctionScope(frame.f_locals, namespace)
    try:
        if scope is namespace:
            exec(compiled.code, namespace)
        else:
            exec(compiled.code, namespace, scope)
    except ModuleReturn:
        pass
    return dict.pop(scope, "·result", None)


eval_.__name__ = "eval"


class _OpenModule(QuestModule):
    """A module loaded by ``load_module``: every top-level name is visible, live."""

    def __getattr__(self, name: str) -> Any:
        ns = self._q_ns
        if name in ns and _visible(name):
            return ns[name]
        return QuestModule.__getattr__(self, name)

    def quest_members(self) -> dict[str, Any]:
        return {k: v for k, v in self._q_ns.items() if _visible(k)}


def _visible(name: str) -> bool:
    return not name.startswith("__") and "·" not in name


_open_modules: dict[str, _OpenModule] = {}


def load_module(path: Any) -> QuestModule:
    """load_module(path) -> Module: load a Quest file (relative to the working directory)
    once, with all its top-level names visible

    Example:
        use "std/io"
        io.write("helpers.q", "let answer = 42\\n")
        let helpers = sys.load_module("helpers.q")
        helpers.answer  # => 42
    """
    need_str(path, "sys.load_module", "path")
    from quest_rt.runtime import loader

    spec = path if path.startswith((".", "/", "std/")) else "./" + path
    module = loader.import_module(spec, None)
    key = module._q_path or module.quest_module_name
    view = _open_modules.get(key)
    if view is None:
        name = os.path.splitext(os.path.basename(path))[0] or module.quest_module_name
        view = _OpenModule(name, module._q_ns, set(), module._q_doc, module._q_path)
        _open_modules[key] = view
    return view


# ---------------------------------------------------------------- process


def exit_(code: Any = 0) -> None:
    """exit(code = 0): end the program with this exit status

    Example:
        sys.exit(3)  # the program ends here with exit status 3
    """
    need_int(code, "sys.exit", "status")
    raise SystemExit(code)


exit_.__name__ = "exit"


def fail(msg: Any = "Failure") -> None:
    """fail(msg = "Failure"): raise a RuntimeErr with this message

    Example:
        let message = nil
        try
          sys.fail("disk full")
        catch e: RuntimeErr
          message = e.message()
        end
        message  # => "disk full"
    """
    raise RuntimeErr(msg if type(msg) is str else to_str(msg))


def pid() -> int:
    """pid() -> Int: this process's id

    Example:
        sys.pid() > 0  # => true
    """
    return os.getpid()


class SysModule(QuestModule):
    """``std/sys``: a module whose program-describing members are read live."""

    @property
    def argv(self) -> list[str]:
        return list(program.ARGV)

    @property
    def argc(self) -> int:
        return len(program.ARGV)

    @property
    def script_path(self) -> str | None:
        return program.SCRIPT_PATH

    @property
    def version(self) -> str:
        return _version()

    def quest_members(self) -> dict[str, Any]:
        members = QuestModule.quest_members(self)
        members.update(argv=self.argv, argc=self.argc, script_path=self.script_path,
                       version=self.version)
        return members


def create() -> QuestModule:
    from quest_rt.std import NATIVE

    return SysModule("sys", {
        # placeholders: read live or on first use (SysModule)
        "argv": [], "argc": 0, "script_path": None, "version": None,
        "platform": _PLATFORMS.get(_sys.platform, _sys.platform),
        "executable": _executable(), "INT_MIN": INT_MIN, "INT_MAX": INT_MAX,
        "exit": exit_, "fail": fail, "eval": eval_, "load_module": load_module,
        "stdout": STDOUT, "stderr": STDERR, "stdin": STDIN,
        "redirect_stream": redirect_stream, "pid": pid,
        "builtin_module_names": sorted(NATIVE),
    }, None)

