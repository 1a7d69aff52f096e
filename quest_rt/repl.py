"""The interactive Quest prompt, opened by ``quest`` with no arguments on a terminal.

Every input runs in one persistent module namespace, so ``let``, ``fun`` and ``use``
carry over from one input to the next. An input is complete when it parses; while it
could still become valid by typing more (an open ``fun``/``if``, bracket or triple-quoted
string) the prompt changes to ``...>`` and lines accumulate::

    quest> fun twice(x)
    ...>   x * 2
    ...> end
    quest> twice(21)
    42

The value of the input's last statement is echoed in its ``_rep()`` form unless it is
nil. History is kept in ``~/.quest_history``. ``exit`` or end of input (Ctrl-D) quits;
Ctrl-C abandons the current input or interrupts running code.
"""

from __future__ import annotations

import os
import sys
import threading
from typing import Any

PROMPT = "quest> "
CONTINUATION = "...> "
HISTORY_FILE = "~/.quest_history"
HISTORY_LENGTH = 1000
REPL_PATH = "<repl>"

# A character no Quest token starts with: appended to an input that fails to parse, it
# shows whether the parser got to the end of the input (then more text could complete
# it) or stopped before (then the input is wrong, whatever follows).
_SENTINEL = "\n\x00"


def is_incomplete(source: str) -> bool:
    """Whether ``source`` fails to parse only because it ends too early."""
    from quest_rt.syntax.errors import QuestSyntaxError
    from quest_rt.syntax.parser import parse

    try:
        parse(source, REPL_PATH)
    except QuestSyntaxError as exc:
        if "triple-quoted" in exc.message:
            return True
        try:
            parse(source + _SENTINEL, REPL_PATH)
        except QuestSyntaxError as probe:
            return probe.line > source.count("\n") + 1
        return False
    return False


def _setup_history() -> str | None:
    try:
        import readline
    except ImportError:
        return None
    path = os.path.expanduser(HISTORY_FILE)
    try:
        readline.read_history_file(path)
    except OSError:
        pass
    readline.set_history_length(HISTORY_LENGTH)
    return path


def _save_history(path: str | None) -> None:
    if path is None:
        return
    import readline

    try:
        readline.write_history_file(path)
    except OSError as exc:
        sys.stderr.write(f"quest: cannot save history to {path}: {exc.strerror}\n")


def _read_input() -> str | None:
    """One complete input (possibly several lines); None at end of input."""
    lines: list[str] = []
    while True:
        try:
            line = input(CONTINUATION if lines else PROMPT)
        except EOFError:
            if lines:
                sys.stdout.write("\n")
                return "\n".join(lines)  # run what was typed; it will report its error
            return None
        lines.append(line)
        source = "\n".join(lines)
        if not source.strip():
            return ""
        if not is_incomplete(source):
            return source


def _run_deep(code: Any, namespace: dict[str, Any]) -> None:
    """``exec`` on a thread with the deep stack scripts get (``cli.THREAD_STACK``);
    Ctrl-C in the waiting main thread is passed on to it. Its exception is re-raised."""
    from quest_rt.cli import THREAD_STACK

    failure: list[BaseException] = []
    done = threading.Event()

    def target() -> None:
        try:
            exec(code, namespace)
        except BaseException as exc:  # handed to the main thread, re-raised there
            failure.append(exc)
        finally:
            done.set()

    threading.stack_size(THREAD_STACK)
    worker = threading.Thread(target=target, name="quest-repl")
    # Wait on an Event, not on join(): in CPython 3.11 a KeyboardInterrupt that lands in
    # join() releases the running thread's state lock, after which join() returns at once
    # while the thread still runs (see threading._wait_for_tstate_lock).
    try:
        worker.start()
        done.wait()
    except KeyboardInterrupt:
        if worker.ident is None:  # interrupted before the code started
            raise
        _stop(worker, done)
    worker.join()
    if failure:
        raise failure[0]


def _stop(worker: threading.Thread, done: threading.Event) -> None:
    """Raise KeyboardInterrupt in ``worker`` and wait until it has finished.

    The interrupt is raised again every second until the code stops: an asynchronous
    exception is only checked between bytecodes, and one that lands where it is
    cleared (a C call that swallows exceptions) would otherwise leave the REPL
    waiting for ever."""
    from quest_rt.std import program

    while not done.is_set() and worker.is_alive():
        try:
            program.interrupt_main(worker)
            done.wait(1.0)
        except KeyboardInterrupt:
            continue  # Ctrl-C again while stopping: interrupt again


class Session:
    """One REPL: a persistent namespace and the evaluation of inputs in it."""

    def __init__(self) -> None:
        from quest_rt.runtime import loader
        from quest_rt.std import program

        self.namespace: dict[str, Any] = loader.new_namespace(REPL_PATH)
        program.ARGV[:] = [REPL_PATH]
        program.SCRIPT_PATH = None
        program.MAIN_NAMESPACE = self.namespace

    def run(self, source: str) -> str | None:
        """Run one input; return the text to echo (None for nothing).

        Errors are printed to stderr here; SystemExit propagates.
        """
        from quest_rt.runtime import loader
        from quest_rt.runtime.errors import ModuleReturn
        from quest_rt.runtime.traceback import format_exception
        from quest_rt.runtime.values import rep
        from quest_rt.std import program
        from quest_rt.syntax.errors import QuestSourceError

        loader.register_source(REPL_PATH, source)
        try:
            compiled = loader.compile_source(source, REPL_PATH, mode="repl")
        except QuestSourceError as exc:
            sys.stderr.write(exc.format() + "\n")
            return None
        try:
            _run_deep(compiled.code, self.namespace)
        except ModuleReturn:
            pass
        except KeyboardInterrupt:
            sys.stderr.write("Interrupted\n")
            return None
        except Exception as exc:  # the REPL survives any error in the code it runs
            sys.stdout.flush()
            sys.stderr.write(format_exception(exc) + "\n")
            return None
        finally:
            sys.stdout.flush()
        program.after_main(self.namespace)
        value = self.namespace.pop("·result", None)
        return None if value is None else rep(value)


def repl() -> int:
    """Run the interactive prompt until ``exit`` or end of input; return the exit status."""
    from quest_rt.cli import RECURSION_LIMIT, _version

    sys.setrecursionlimit(RECURSION_LIMIT)
    history = _setup_history()
    session = Session()
    print(f"quest-rt {_version()} (type exit or press Ctrl-D to leave)")
    try:
        while True:
            try:
                source = _read_input()
            except KeyboardInterrupt:
                sys.stdout.write("\n")
                continue
            if source is None:
                sys.stdout.write("\n")
                return 0
            if source.strip() in ("exit", "quit"):
                return 0
            if not source.strip():
                continue
            try:
                echo = session.run(source)
            except SystemExit as exc:
                return exc.code if isinstance(exc.code, int) else 0
            if echo is not None:
                print(echo)
    finally:
        _save_history(history)
