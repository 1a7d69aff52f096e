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

__all__ = ["UsageError", "resolve_address", "serve_main", "serve_resolved", "serve_until_signal"]


class UsageError(Exception):
    """A bad flag or setting: one line on stderr, exit status 2."""


def parse_port(value: Any, source: str) -> int:
    """A TCP port from a flag, the environment or quest.toml: 0 (any free port) to 65535.

    Raises:
        UsageError: not a whole number in that range.
    """
    text = str(value).strip()
    if type(value) is bool or not text.isdigit() or int(text) > 65535:
        raise UsageError(f"{source} must be a port number from 0 to 65535, got {value!r}")
    return int(text)


def resolve_address(cli_host: str | None, cli_port: int | None) -> tuple[str, int]:
    """Flags over ``web.run`` arguments over the environment over quest.toml (spec 12.1).

    Raises:
        UsageError: a port from the environment or quest.toml is not a port.
    """
    host: str | None = cli_host
    port: int | None = cli_port
    requested = state().run_requested or {}
    host = host or requested.get("host")
    port = port if port is not None else requested.get("port")
    host = host or os.environ.get("QUEST_HOST")
    if port is None and os.environ.get("QUEST_PORT"):
        port = parse_port(os.environ["QUEST_PORT"], "QUEST_PORT")
    if host is None or port is None:
        conf = _toml_web_table()
        host = host or conf.get("host")
        if port is None and conf.get("port") is not None:
            port = parse_port(conf["port"], "quest.toml [std.web] port")
    return host or DEFAULT_HOST, parse_port(port if port is not None else DEFAULT_PORT, "port")


def _toml_web_table() -> dict[str, Any]:
    """quest.toml's ``[std.web]`` table ({} when there is no readable file)."""
    try:
        with open("quest.toml", "rb") as f:
            conf = tomllib.load(f).get("std", {}).get("web", {})
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    return conf if isinstance(conf, dict) else {}


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
    from quest_rt.runtime.errors import Err
    from quest_rt.std.web import apply_config
    from quest_rt.web import start_in_thread

    try:
        apply_config(_toml_web_table())
    except Err as exc:
        sys.stderr.write(f"quest serve: {exc.str()}\n")
        return 2
    configure_logging()
    stop = threading.Event()

    def on_signal(signum: int, frame: Any) -> None:
        stop.set()

    for s in (signal.SIGINT, signal.SIGTERM):
        signal.signal(s, on_signal)
    from quest_rt.runtime.errors import Err
    from quest_rt.std.web.pubsub import apply_environment

    try:
        apply_environment()
    except Err as exc:
        sys.stderr.write(f"quest serve: {exc}\n")
        return 2
    try:
        server = start_in_thread(state().app, host, port)
    except OSError as exc:
        # The bind failed (address in use, no such host, permission): one line, the
        # words of the system, and status 2 — never a traceback.
        reason = exc.strerror or str(exc)
        sys.stderr.write(f"quest serve: cannot listen on {host}:{port}: {reason}\n")
        return 2
    print(f"Serving on http://{host}:{server.port} (Ctrl-C to stop)", flush=True)
    while not stop.wait(0.5):
        if not server.is_alive():
            break
    print("Shutting down...", flush=True)
    # The loop watchdog interrupts a stuck handler at once during shutdown; a
    # handler that catches every interrupt still cannot hold the process past the
    # grace period (the server thread is a daemon: exiting ends it).
    grace = state().app.settings.graceful_timeout
    try:
        server.stop(timeout=grace + 1.0)
    except RuntimeError as exc:
        sys.stderr.write(f"quest serve: {exc}; exiting anyway\n")
        return 1
    return 0


def serve_main(args: list[str]) -> int:
    """``quest serve APP.q|DIR [--host H] [--port P]``: load the app once, then serve."""
    from quest_rt.cli import RUN_THREAD, run_file

    try:
        path, host, port = _serve_args(args)
    except UsageError as exc:
        sys.stderr.write(f"quest serve: {exc}\n")
        return 2
    if path is None:
        path = "index.q" if Path("index.q").is_file() else "app.q"
    if Path(path).is_dir():
        # a directory serves its index.q, or its app.q (what the examples call theirs)
        index = Path(path) / "index.q"
        path = str(
            index
            if index.is_file() or not (Path(path) / "app.q").is_file()
            else Path(path) / "app.q"
        )
    status = RUN_THREAD(run_file, path, [])
    if status != 0:
        return status
    return serve_resolved(host, port)


def serve_resolved(host: str | None, port: int | None) -> int:
    """:func:`serve_until_signal` on the address the flags, ``web.run``, the
    environment and quest.toml give (one line and status 2 for a bad setting)."""
    try:
        address = resolve_address(host, port)
    except UsageError as exc:
        sys.stderr.write(f"quest serve: {exc}\n")
        return 2
    return serve_until_signal(*address)


def _serve_args(args: list[str]) -> tuple[str | None, str | None, int | None]:
    """``APP.q|DIR [--host H] [--port P]`` (also ``-H``, ``-p``, ``--host=H``,
    ``--port=P``).

    Raises:
        UsageError: an unknown option, a missing value, a bad port, a second path.
    """
    path: str | None = None
    host: str | None = None
    port: int | None = None
    i = 0
    while i < len(args):
        a = args[i]
        name, eq, inline = a.partition("=")
        if name in ("--host", "-H", "--port", "-p"):
            if eq:
                value = inline
            elif i + 1 < len(args):
                i += 1
                value = args[i]
            else:
                raise UsageError(f"{name} needs a value")
            if name in ("--port", "-p"):
                port = parse_port(value, "--port")
            elif not value.strip():
                raise UsageError("--host needs a host name or address")
            else:
                host = value
        elif a.startswith("-"):
            raise UsageError(f"unknown option {a}")
        elif path is None:
            path = a
        else:
            raise UsageError(f"unexpected argument {a}")
        i += 1
    return path, host, port
