"""State of the running program that several std modules share: its arguments, its
script path, and the hooks that run when the main module's top level has finished
(``web.run(...)`` starts serving then, spec 12.1)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: ``sys.argv``: script path then arguments
ARGV: list[str] = []
SCRIPT_PATH: str | None = None
MAIN_NAMESPACE: dict[str, Any] | None = None
#: monotonic clock when the program started (``time.ticks_ms`` counts from here)
STARTED_NS: int = time.monotonic_ns()

#: set by ``web.run(...)``: the CLI serves once the program's top level has finished
SERVE_REQUESTED = False

_after_main: list[Callable[[dict[str, Any]], None]] = []


def on_main_finished(hook: Callable[[dict[str, Any]], None]) -> None:
    """Run ``hook(namespace)`` once the main script's top level has run."""
    _after_main.append(hook)


def after_main(namespace: dict[str, Any]) -> None:
    hooks = list(_after_main)
    _after_main.clear()
    for hook in hooks:
        hook(namespace)


def interrupt_main(thread: threading.Thread) -> None:
    """Deliver Ctrl-C to the program thread (the CLI runs programs off the main thread)."""
    if thread.ident is not None:
        import ctypes  # only on Ctrl-C: ctypes costs start-up time

        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread.ident),
                                                   ctypes.py_object(KeyboardInterrupt))
