"""Serving a Quest web app from the command line: ``quest serve`` and ``web.run``.

* ``quest serve app.q`` runs the app's top level once, then serves (:func:`serve_main`);
* ``quest app.q`` whose top level called ``web.run(...)`` serves once the top level
  has finished (the CLI calls :func:`serve_until_signal`).

The server's Trio loop runs on its own thread (with the deep stack Quest code gets);
the main thread waits for Ctrl-C/SIGTERM and then shuts the server down gracefully.
This is a command module: it may import the CLI, the std binding and the engine; the
binding (``std/web``) never imports it.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import tomllib
from pathlib import Path
from typing import Any

from quest_rt.std.web import DEFAULT_HOST, DEFAULT_PORT, state

__all__ = ["resolve_address", "serve_main", "serve_until_signal"]


def resolve_address(cli_host: str | None, cli_port: int | None) -> tuple[str, int]:
    """Flags over ``web.run`` arguments over the environment over quest.toml (spec 12.1)."""
    host: str | None = cli_host
    port: int | None = cli_port
    requested = state().run_requested or {}
    host = host or requested.get("host")
    port = port if port is not None else requested.get("port")
    host = host or os.environ.get("QUEST_HOST")
    if port is None and os.environ.get("QUEST_PORT"):
        port = int(os.environ["QUEST_PORT"])
    if host is None or port is None:
        try:
            with open("quest.toml", "rb") as f:
                conf = tomllib.load(f).get("std", {}).get("web", {})
        except (OSError, tomllib.TOMLDecodeError):
            conf = {}
        host = host or conf.get("host")
        port = port if port is not None else conf.get("port")
    return host or DEFAULT_HOST, int(port if port is not None else DEFAULT_PORT)


def configure_logging() -> None:
    """One line per request and per server event on stderr (``quest serve``)."""
    import logging

    logger = logging.getLogger("quest_rt.web")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s", "%H:%M:%S"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False


def serve_until_signal(host: str, port: int) -> int:
    """Serve in a background thread until SIGINT/SIGTERM on the main thread; then shut
    down gracefully (WebSockets get 1001, in-flight requests finish, bounded by the
    engine's graceful timeout).

    The handlers stay installed until the process exits: a second signal during or after
    the shutdown changes nothing, where Python's default handler would kill the process
    in the middle of closing connections (or report a clean shutdown as a crash).
    """
    from quest_rt.web import start_in_thread

    configure_logging()
    stop = threading.Event()

    def on_signal(signum: int, frame: Any) -> None:
        stop.set()

    for s in (signal.SIGINT, signal.SIGTERM):
        signal.signal(s, on_signal)
    try:
        server = start_in_thread(state().app, host, port)
    except OSError as exc:
        sys.stderr.write(f"quest serve: cannot listen on {host}:{port}: {exc.strerror}\n")
        return 1
    print(f"Serving on http://{host}:{server.port} (Ctrl-C to stop)", flush=True)
    while not stop.wait(0.5):
        if not server.is_alive():
            break
    print("Shutting down...", flush=True)
    server.stop()
    return 0


def serve_main(args: list[str]) -> int:
    """``quest serve APP.q|DIR [--host H] [--port P]``: load the app once, then serve."""
    from quest_rt.cli import RUN_THREAD, run_file

    try:
        path, host, port = _serve_args(args)
    except (SystemExit, ValueError) as exc:
        sys.stderr.write(f"{exc}\n")
        return 2
    if path is None:
        path = "index.q" if Path("index.q").is_file() else "app.q"
    if Path(path).is_dir():
        path = str(Path(path) / "index.q")
    status = RUN_THREAD(run_file, path, [])
    if status != 0:
        return status
    return serve_until_signal(*resolve_address(host, port))


def _serve_args(args: list[str]) -> tuple[str | None, str | None, int | None]:
    path: str | None = None
    host: str | None = None
    port: int | None = None
    i = 0
    while i < len(args):
        a = args[i]
        if a in ("--host", "-H") and i + 1 < len(args):
            host = args[i + 1]
            i += 2
            continue
        if a in ("--port", "-p") and i + 1 < len(args):
            port = int(args[i + 1])
            i += 2
            continue
        if a.startswith("--host="):
            host = a.split("=", 1)[1]
        elif a.startswith("--port="):
            port = int(a.split("=", 1)[1])
        elif a.startswith("-"):
            raise SystemExit(f"quest serve: unknown option {a}")
        elif path is None:
            path = a
        else:
            raise SystemExit(f"quest serve: unexpected argument {a}")
        i += 1
    return path, host, port
