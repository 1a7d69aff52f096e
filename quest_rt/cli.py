"""The ``quest`` command: run, check, compile, test and serve Quest programs.

The usage texts below are what ``quest --help`` and ``quest COMMAND --help`` print.
"""

from __future__ import annotations

import os
import sys
import threading

USAGE = """\
usage: quest [FILE.q [args...]]

  quest FILE.q [args...]         run a program (the same as quest run)
  quest run FILE.q [args...]     run a program
  quest -e CODE [args...]        run a snippet
  quest check FILE.q...          parse and compile without running
  quest compile --python FILE.q  print the Python a program compiles to
  quest test [options] [PATHS]   run std/test suites
  quest serve [APP.q|DIR] [--host H] [--port P]
                                 run a web app and serve it
  quest                          REPL (or run stdin when it is not a terminal)
  quest --version                print the version

Run quest COMMAND --help for a command's options and examples.

examples:
  quest hello.q
  quest -e 'puts(1 + 2)'
  echo 'puts("from stdin")' | quest
"""

RUN_USAGE = """\
usage: quest run FILE.q [args...]
       quest FILE.q [args...]

Run a Quest program. The arguments after the file are the program's: sys.argv is
[FILE.q, args...]. The exit status is 0, the status given to sys.exit(), 1 after an
uncaught error (its Quest traceback is printed on stderr), 130 after Ctrl-C.
QUEST_DEBUG=1 adds the Python frames to a traceback.

examples:
  quest run hello.q
  quest run wc.q notes.txt --lines     sys.argv is ["wc.q", "notes.txt", "--lines"]
  quest app.q                          the short form
"""

CHECK_USAGE = """\
usage: quest check FILE.q...

Parse and compile each file without running it; print the first error with its line and
a caret, and exit 1. Exit 0 when every file compiles.

examples:
  quest check app.q
  quest check src/*.q
"""

COMPILE_USAGE = """\
usage: quest compile --python FILE.q...

Print the Python source each Quest file compiles to (for reading, not for running:
the names of compiler temporaries contain a "·").

examples:
  quest compile --python hello.q
  quest compile --python app.q | less
"""

SERVE_USAGE = """\
usage: quest serve [APP.q | DIR] [--host HOST] [--port PORT]

Run a web app's top level once, then serve HTTP and WebSockets until Ctrl-C. The app
defaults to index.q (else app.q) in the working directory; a directory means its
index.q. The address comes from --host/--port, else the app's web.run(...), else the
QUEST_HOST and QUEST_PORT environment variables, else [std.web] host and port in
quest.toml, else 127.0.0.1:3000. QUEST_PUBSUB_URL (or url in [std.web.pubsub] of
quest.toml) sends broadcasts and presence through that Redis to every node of the app.

options:
  -H, --host HOST        the address to listen on
  -p, --port PORT        the port to listen on
  -h, --help             show this help

examples:
  quest serve app.q
  quest serve site/ --port 8080
  QUEST_PORT=9000 quest serve
  QUEST_PUBSUB_URL=redis://127.0.0.1:6379 quest serve app.q --port 4001
  quest serve app.q --host 0.0.0.0 --port 80
"""

_HELP_FLAGS = ("-h", "--help")

#: Quest recursion runs on CPython frames; the run thread gets a deep stack so that the
#: recursion limit, not the C stack, is what stops runaway recursion (spec 6.4).
RECURSION_LIMIT = 8000
THREAD_STACK = 512 * 1024 * 1024


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("quest-rt")
    except PackageNotFoundError:
        return "0.0.0"


def report_error(exc: BaseException) -> int:
    """Print an error a person can act on; return the exit status."""
    from quest_rt.runtime.loader import InternalCompilerError
    from quest_rt.syntax.errors import QuestSourceError

    if isinstance(exc, QuestSourceError):
        sys.stderr.write(exc.format() + "\n")
        return 1
    if isinstance(exc, InternalCompilerError):
        import traceback

        sys.stderr.write("".join(traceback.format_exception(exc.__cause__)) + str(exc) + "\n")
        return 70
    from quest_rt.runtime.traceback import format_exception

    sys.stdout.flush()
    sys.stderr.write(format_exception(exc) + "\n")
    return 1


def run_source(source: str, path: str, argv: list[str]) -> int:
    from quest_rt.runtime import loader
    from quest_rt.std import program

    program.ARGV[:] = argv
    program.SCRIPT_PATH = os.path.abspath(path) if not path.startswith("<") else None
    if path.startswith("<"):
        loader.register_source(path, source)
    try:
        compiled = loader.compile_source(source, path)
        namespace = loader.new_namespace(path)
        program.MAIN_NAMESPACE = namespace
        loader.run_code(compiled.code, namespace)
        program.after_main(namespace)
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else 1
    except KeyboardInterrupt:
        sys.stderr.write("Interrupted\n")
        return 130
    except Exception as exc:  # the top of the program: report, exit 1
        return report_error(exc)
    finally:
        sys.stdout.flush()
    return 0


def run_file(path: str, argv: list[str]) -> int:
    try:
        with open(path, encoding="utf-8") as f:
            source = f.read()
    except OSError as exc:
        sys.stderr.write(f"quest: cannot open {path}: {exc.strerror}\n")
        return 2
    return run_source(source, path, [path, *argv])


def check_files(paths: list[str]) -> int:
    from quest_rt.runtime import loader

    if not paths:
        sys.stderr.write("quest check: no files given\n")
        return 2
    for path in paths:
        try:
            with open(path, encoding="utf-8") as f:
                source = f.read()
            loader.compile_source(source, path)
        except OSError as exc:
            sys.stderr.write(f"quest check: cannot open {path}: {exc.strerror}\n")
            return 2
        except Exception as exc:
            return report_error(exc)
    return 0


def compile_python(args: list[str]) -> int:
    import ast

    from quest_rt.runtime import loader

    files = [a for a in args if a != "--python"]
    if not files:
        sys.stderr.write("usage: quest compile --python FILE.q\n")
        return 2
    for path in files:
        try:
            with open(path, encoding="utf-8") as f:
                tree = loader.python_ast(f.read(), path)
        except Exception as exc:
            return report_error(exc)
        print(ast.unparse(tree))
    return 0


def _in_thread(fn, *args) -> int:
    """Run ``fn`` on a thread with a deep stack; return its exit status.

    The main thread waits on an Event, not on ``join()``: in CPython 3.11 a
    KeyboardInterrupt that lands in ``join()`` releases the thread's state lock, after
    which ``join()`` returns at once while the thread still runs. Ctrl-C is passed on to
    the program thread (a KeyboardInterrupt raised there: exit status 130).
    """
    sys.setrecursionlimit(RECURSION_LIMIT)
    threading.stack_size(THREAD_STACK)
    result = [1]
    done = threading.Event()

    def target() -> None:
        try:
            result[0] = fn(*args)
        finally:
            done.set()

    t = threading.Thread(target=target, name="quest-main")
    t.start()
    while True:
        try:
            done.wait()
            break
        except KeyboardInterrupt:
            from quest_rt.std import program

            program.interrupt_main(t)
    t.join()
    return result[0]


RUN_THREAD = _in_thread


def _usage(text: str, asked: bool = True, error: str = "") -> int:
    """Print a usage text: on stdout with status 0 when asked for, else after ``error``
    on stderr with status 2."""
    if asked:
        print(text, end="")
        return 0
    sys.stderr.write(f"{error}\n{text}")
    return 2


def _run_program(path: str, argv: list[str]) -> int:
    """``quest run FILE`` / ``quest FILE``: run it, then serve if it called ``web.run``."""
    status = _in_thread(run_file, path, argv)
    from quest_rt.std import program

    if status == 0 and program.SERVE_REQUESTED:
        # `web.run(...)` was called: serve now that the top level has run (spec 12.1)
        from quest_rt.serving import serve_resolved

        return serve_resolved(None, None)
    return status


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        if sys.stdin.isatty():
            from quest_rt.repl import repl

            return repl()
        return _in_thread(run_source, sys.stdin.read(), "<stdin>", ["<stdin>"])
    head = args[0]
    if head in _HELP_FLAGS:
        return _usage(USAGE)
    if head == "--version":
        print(f"quest-rt {_version()}")
        return 0
    if head == "-e":
        if len(args) < 2:
            sys.stderr.write("quest -e: missing code\n")
            return 2
        return _in_thread(run_source, args[1], "<-e>", ["<-e>", *args[2:]])
    if head == "run":
        if len(args) < 2 or args[1] in _HELP_FLAGS:
            return _usage(RUN_USAGE, len(args) >= 2, "quest run: missing FILE.q")
        return _run_program(args[1], args[2:])
    if head == "check":
        if any(a in _HELP_FLAGS for a in args[1:]):
            return _usage(CHECK_USAGE)
        return check_files(args[1:])
    if head == "compile":
        if any(a in _HELP_FLAGS for a in args[1:]):
            return _usage(COMPILE_USAGE)
        return compile_python(args[1:])
    if head == "test":
        from quest_rt.testrunner import main as test_main

        return _in_thread(test_main, args[1:])
    if head == "serve":
        if any(a in _HELP_FLAGS for a in args[1:]):
            return _usage(SERVE_USAGE)
        from quest_rt.serving import serve_main

        return serve_main(args[1:])
    if head.startswith("-"):
        sys.stderr.write(f"quest: unknown option {head}\n{USAGE}")
        return 2
    return _run_program(head, args[1:])


def entry() -> None:
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # the reader went away (`quest compile --python x.q | head`): not an error of ours
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        status = 0
    sys.exit(status)


if __name__ == "__main__":
    entry()
