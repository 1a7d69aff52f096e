"""``std/web``: the Quest binding of the web engine (language spec section 12, QEP-054).

One ``WebApp`` per program holds what ``web.static``, ``web.middleware``,
``web.websocket``... register; Quest functions and values pass straight through to the
engine (they are Python callables and values). This module converts nothing else and
owns no protocol logic: serving is ``quest_rt.web``'s job.

Serving is not this module's job: ``quest serve app.q`` and ``web.run(...)`` are
served by :mod:`quest_rt.serving` (the command), ``web.test_server()`` by the engine's
``start_in_thread``; this module only records what ``web.run`` asked for.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import FrameType
from typing import Any

from quest_rt.runtime.errors import ArgErr, RuntimeErr, TypeErr, ValueErr
from quest_rt.runtime.objects import QuestModule
from quest_rt.runtime.values import cls_name
from quest_rt.std import program
from quest_rt.std.arguments import (
    need_bool,
    need_dict,
    need_fn,
    need_int,
    need_list,
    need_number,
    need_str,
    optional,
)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 3000

_STATUS = {
    100: "CONTINUE",
    101: "SWITCHING_PROTOCOLS",
    102: "PROCESSING",
    103: "EARLY_HINTS",
    200: "OK",
    201: "CREATED",
    202: "ACCEPTED",
    203: "NON_AUTHORITATIVE_INFORMATION",
    204: "NO_CONTENT",
    205: "RESET_CONTENT",
    206: "PARTIAL_CONTENT",
    207: "MULTI_STATUS",
    208: "ALREADY_REPORTED",
    226: "IM_USED",
    300: "MULTIPLE_CHOICES",
    301: "MOVED_PERMANENTLY",
    302: "FOUND",
    303: "SEE_OTHER",
    304: "NOT_MODIFIED",
    305: "USE_PROXY",
    307: "TEMPORARY_REDIRECT",
    308: "PERMANENT_REDIRECT",
    400: "BAD_REQUEST",
    401: "UNAUTHORIZED",
    402: "PAYMENT_REQUIRED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    406: "NOT_ACCEPTABLE",
    407: "PROXY_AUTHENTICATION_REQUIRED",
    408: "REQUEST_TIMEOUT",
    409: "CONFLICT",
    410: "GONE",
    411: "LENGTH_REQUIRED",
    412: "PRECONDITION_FAILED",
    413: "PAYLOAD_TOO_LARGE",
    414: "URI_TOO_LONG",
    415: "UNSUPPORTED_MEDIA_TYPE",
    416: "RANGE_NOT_SATISFIABLE",
    417: "EXPECTATION_FAILED",
    418: "IM_A_TEAPOT",
    421: "MISDIRECTED_REQUEST",
    422: "UNPROCESSABLE_ENTITY",
    423: "LOCKED",
    424: "FAILED_DEPENDENCY",
    425: "TOO_EARLY",
    426: "UPGRADE_REQUIRED",
    428: "PRECONDITION_REQUIRED",
    429: "TOO_MANY_REQUESTS",
    431: "REQUEST_HEADER_FIELDS_TOO_LARGE",
    451: "UNAVAILABLE_FOR_LEGAL_REASONS",
    500: "INTERNAL_SERVER_ERROR",
    501: "NOT_IMPLEMENTED",
    502: "BAD_GATEWAY",
    503: "SERVICE_UNAVAILABLE",
    504: "GATEWAY_TIMEOUT",
    505: "HTTP_VERSION_NOT_SUPPORTED",
    506: "VARIANT_ALSO_NEGOTIATES",
    507: "INSUFFICIENT_STORAGE",
    508: "LOOP_DETECTED",
    510: "NOT_EXTENDED",
    511: "NETWORK_AUTHENTICATION_REQUIRED",
}


class _State:
    """The program's web application and where its ``handle_request`` lives."""

    def __init__(self) -> None:
        from quest_rt.web import WebApp

        self.app = WebApp()
        self.app.format_error = _format_error
        self.app.describe_frame = _describe_frame
        self.app.handler_interrupt = _handler_interrupt
        self.app.encode_json = _encode_json
        self.app.handle_request = self.handle_request
        self.namespace: dict[str, Any] | None = None  # the app module's top level
        self.run_requested: dict[str, Any] | None = None
        # web.route registrations, oldest first: {"base_path", "router"}
        self.routers: list[dict[str, Any]] = []
        #: Settings the program set with web.set_* (quest.toml does not override them).
        self.set_by_program: set[str] = set()

    def handle_request(self, request: dict) -> Any:
        """Call the app's top-level ``handle_request`` (looked up per request, spec 12.2)."""
        ns = self.namespace if self.namespace is not None else program.MAIN_NAMESPACE
        handler = ns.get("handle_request") if ns is not None else None
        if handler is None:
            return None
        return handler(request)


STATE: _State | None = None


def state() -> _State:
    global STATE
    if STATE is None:
        STATE = _State()
    return STATE


def quest_toml_section(name: str) -> dict[str, Any]:
    """``[std.web.<name>]`` of quest.toml in the working directory ({} if none or
    unreadable): the settings of std/web/pubsub, std/web/liveview..."""
    import tomllib

    try:
        with open("quest.toml", "rb") as f:
            conf = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    section = conf.get("std", {}).get("web", {}).get(name, {})
    return section if isinstance(section, dict) else {}


def _format_error(exc: BaseException) -> str:
    from quest_rt.runtime.traceback import format_exception

    return format_exception(exc)


def _describe_frame(frame: FrameType) -> str | None:
    """``app.q:12`` for a frame of compiled Quest code, None for any other (the
    engine's loop watchdog names a stuck handler with it)."""
    from quest_rt.runtime.loader import QUEST_FILES

    path = frame.f_code.co_filename
    if path not in QUEST_FILES:
        return None
    return f"{_display_path(path)}:{frame.f_lineno}"


def _display_path(path: str) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return path


class _Interrupt(type(RuntimeErr)):
    """The type the watchdog raises asynchronously in a stuck handler.

    CPython raises an asynchronous exception by calling its type with no arguments
    while the handler's Quest frame runs; a Quest error type refuses to be called
    from a Quest frame, so this metaclass builds the instance itself: a plain
    ``RuntimeErr`` (``catch e: RuntimeErr`` matches it exactly), its message fixed
    by the type.
    """

    def __call__(cls, *args: Any) -> Any:
        return type.__call__(RuntimeErr, cls.interrupt_message)


def _handler_interrupt(seconds: float) -> type[BaseException]:
    """The exception type the watchdog raises in a handler past the time limit."""
    return _Interrupt(
        "RuntimeErr",
        (RuntimeErr,),
        {"interrupt_message": f"handler exceeded {seconds:g} s", "__module__": __name__},
    )


def _encode_json(value: Any) -> str:
    try:
        from quest_rt.std.json import encode
    except ImportError:  # std/json not built yet: the engine's encoder is equivalent
        from quest_rt.web import default_encode_json

        return default_encode_json(value)
    return encode(value)


def _caller_namespace() -> dict[str, Any] | None:
    from quest_rt.runtime.loader import quest_callers

    frame = next(quest_callers(), None)
    return frame.f_globals if frame is not None else None


# ---------------------------------------------------------------- members


def _positive_int(value: Any, fname: str) -> int:
    if need_int(value, fname, "size in bytes") <= 0:
        raise ValueErr(f"{fname}: size in bytes must be positive, got {value}")
    return value


def _positive_seconds(value: Any, fname: str) -> float:
    if need_number(value, fname, "of seconds") <= 0:
        raise ValueErr(f"{fname}: seconds must be positive, got {value}")
    return float(value)


def static(url_path: Any, fs_path: Any) -> None:
    """static(url_path, fs_path): serve the files under fs_path (relative to the program) at url_path

    Example:
        web.static("/assets", "./public")
        web._get_config()["static_dirs"].len() > 0  # => true
    """
    url = need_str(url_path, "web.static", "url_path")
    directory = need_str(fs_path, "web.static", "fs_path")
    if not url.startswith("/"):
        raise ValueErr(f"web.static url_path must start with '/': {url}")
    base = program.SCRIPT_PATH
    path = Path(directory)
    if not path.is_absolute() and base is not None:
        candidate = Path(base).parent / path
        path = candidate if candidate.exists() or not path.exists() else path
    state().app.static(url, path)


def middleware(fn: Any) -> None:
    """middleware(fn): fn(request) runs before routing and returns the request (maybe changed), or a response Dict that answers at once (alias use, before_request)

    Example:
        web.middleware(fun (request)
          if request["path"].startswith("/admin")
            return {"status": 403, "body": "Forbidden"}
          end
          request
        end)
        web._get_config()["middlewares"].len() > 0  # => true
    """
    state().app.middleware(need_fn(fn, "web.middleware"))


def after(fn: Any) -> None:
    """after(fn): fn(request, response) runs after the handler and returns the response (maybe changed) (alias after_request)

    Example:
        web.after(fun (request, response)
          response["headers"] = {"X-Served-By": "quest"}
          response
        end)
        web._get_config()["after_middlewares"].len() > 0  # => true
    """
    state().app.after(need_fn(fn, "web.after"))


def redirect(from_path: Any, to: Any, status: Any = 302) -> None:
    """redirect(from, to, status = 302): answer requests for the path from with a redirect to to

    Example:
        web.redirect("/old-home", "/", 301)
        web._get_config()["redirects"]["/old-home"]["status"]  # => 301
    """
    state().app.redirect(
        need_str(from_path, "web.redirect", "from path"),
        need_str(to, "web.redirect", "target"),
        need_int(status, "web.redirect", "status"),
    )


def on_error(status: Any, fn: Any) -> None:
    """on_error(status, fn): the answer for 404 (fn(request)) or for a handler that raised (500: fn(request, message))

    Example:
        web.on_error(404, fun (request) {"status": 404, "body": "nothing at " .. request["path"]} end)
        web._get_config()["error_handlers"].contains("404")  # => true
    """
    state().app.on_error(need_int(status, "web.on_error", "status"), need_fn(fn, "web.on_error"))


def set_default_headers(headers: Any) -> None:
    """set_default_headers(dict): headers added to every response that lacks them

    Example:
        web.set_default_headers({"X-Frame-Options": "DENY"})
        web._get_config()["default_headers"]["X-Frame-Options"]  # => "DENY"
    """
    state().app.set_default_headers(need_dict(headers, "web.set_default_headers", "of headers"))


def _set(name: str, value: Any) -> None:
    """Set one engine limit, remembering that the program chose it (quest.toml's
    ``[std.web]`` value then does not override it)."""
    setattr(state().app.settings, name, value)
    state().set_by_program.add(name)


def _non_negative_seconds(value: Any, what: str) -> float:
    if need_number(value, what, "of seconds") < 0:
        raise ValueErr(f"{what} expects a number of seconds >= 0, got {value}")
    return float(value)


def _non_negative_int(value: Any, what: str, unit: str) -> int:
    if need_int(value, what, unit) < 0:
        raise ValueErr(f"{what} expects an Int >= 0, got {value}")
    return value


def set_max_body_size(size: Any) -> None:
    """set_max_body_size(bytes): the largest request body; larger ones are answered 413 from their Content-Length (default 10 MiB)

    Example:
        web.set_max_body_size(1024 * 1024)  # => nil
    """
    _set("max_body_size", _positive_int(size, "web.set_max_body_size"))


def set_max_message_size(size: Any) -> None:
    """set_max_message_size(bytes): the largest WebSocket message; a larger one closes the connection with 1009 (default 1 MiB)

    Example:
        web.set_max_message_size(64 * 1024)  # => nil
    """
    _set("ws_max_message_size", _positive_int(size, "web.set_max_message_size"))


def set_max_header_size(size: Any) -> None:
    """set_max_header_size(bytes): the largest request head the server reads (default 64 KiB)

    Example:
        web.set_max_header_size(16 * 1024)  # => nil
    """
    _set("max_header_size", _positive_int(size, "web.set_max_header_size"))


def set_request_timeout(seconds: Any) -> None:
    """set_request_timeout(seconds): how long a client may take to send a request head (default 10)

    Example:
        web.set_request_timeout(5)  # => nil
    """
    _set("header_timeout", _positive_seconds(seconds, "web.set_request_timeout"))


def set_keepalive_timeout(seconds: Any) -> None:
    """set_keepalive_timeout(seconds): how long an idle keep-alive connection stays open (default 5)

    Example:
        web.set_keepalive_timeout(15)  # => nil
    """
    _set("keep_alive_timeout", _positive_seconds(seconds, "web.set_keepalive_timeout"))


def set_body_timeout(seconds: Any) -> None:
    """set_body_timeout(seconds): how long a request body may pause before 408 (default 10)

    Example:
        web.set_body_timeout(30)  # => nil
    """
    _set("body_timeout", _positive_seconds(seconds, "web.set_body_timeout"))


def set_body_min_rate(bytes_per_second: Any) -> None:
    """set_body_min_rate(bytes_per_second): slower request bodies get 408 (0: no minimum)

    Example:
        web.set_body_min_rate(512)  # => nil
    """
    _set(
        "body_min_rate",
        _non_negative_int(bytes_per_second, "web.set_body_min_rate", "rate in bytes per second"),
    )


def set_handler_time_limit(seconds: Any) -> None:
    """set_handler_time_limit(seconds): a handler blocking the server longer is
    interrupted with RuntimeErr (0: never; default 5)

    Example:
        web.set_handler_time_limit(10)  # => nil
    """
    _set("handler_time_limit", _non_negative_seconds(seconds, "web.set_handler_time_limit"))


def set_handler_warning(seconds: Any) -> None:
    """set_handler_warning(seconds): a handler blocking the server longer is named in
    a warning line (default 0.5)

    Example:
        web.set_handler_warning(1)  # => nil
    """
    _set("handler_warn_after", _positive_seconds(seconds, "web.set_handler_warning"))


def set_max_connections(count: Any) -> None:
    """set_max_connections(count): more simultaneous connections get 503 (0: the
    default, from the open-file limit)

    Example:
        web.set_max_connections(5000)  # => nil
    """
    _set(
        "max_connections",
        _non_negative_int(count, "web.set_max_connections", "count of connections"),
    )


def set_max_connections_per_ip(count: Any) -> None:
    """set_max_connections_per_ip(count): more simultaneous connections from one
    address get 503 (0: no per-address limit)

    Example:
        web.set_max_connections_per_ip(100)  # => nil
    """
    _set(
        "max_connections_per_ip",
        _non_negative_int(count, "web.set_max_connections_per_ip", "count of connections"),
    )


def set_shutdown_timeout(seconds: Any) -> None:
    """set_shutdown_timeout(seconds): how long requests and WebSockets get to finish
    when the server stops (default 10)

    Example:
        web.set_shutdown_timeout(20)  # => nil
    """
    _set("graceful_timeout", _positive_seconds(seconds, "web.set_shutdown_timeout"))


def set_websocket_compression(enabled: Any) -> None:
    """set_websocket_compression(enabled): agree to permessage-deflate when a client
    offers it; inflation stops at the message size limit (default false)

    Example:
        web.set_websocket_compression(true)  # => nil
    """
    _set("ws_compression", need_bool(enabled, "web.set_websocket_compression", "enabled"))


def set_websocket_queue_bytes(size: Any) -> None:
    """set_websocket_queue_bytes(bytes): outbound bytes that may wait for one client
    before it is closed with 1008 as a slow consumer (default 4 MiB)

    Example:
        web.set_websocket_queue_bytes(8 * 1024 * 1024)  # => nil
    """
    _set("ws_queue_bytes", _positive_int(size, "web.set_websocket_queue_bytes"))


def set_websocket_queue_messages(count: Any) -> None:
    """set_websocket_queue_messages(count): outbound messages that may wait for one
    client before it is closed with 1008 as a slow consumer (default 1024)

    Example:
        web.set_websocket_queue_messages(256)  # => nil
    """
    fname = "web.set_websocket_queue_messages"
    if need_int(count, fname, "count of messages") <= 0:
        raise ValueErr(f"{fname}: count of messages must be positive, got {count}")
    _set("ws_queue_depth", count)


def set_websocket_message_timeout(seconds: Any) -> None:
    """set_websocket_message_timeout(seconds): a message must arrive whole within this
    many seconds of its first byte, or the connection is closed with 1008 (0: no
    limit; default 30)

    Example:
        web.set_websocket_message_timeout(10)  # => nil
    """
    _set(
        "ws_message_timeout",
        _non_negative_seconds(seconds, "web.set_websocket_message_timeout"),
    )


def set_websocket_ping_interval(seconds: Any) -> None:
    """set_websocket_ping_interval(seconds): ping a client silent for this long (0:
    never; default 45)

    Example:
        web.set_websocket_ping_interval(20)  # => nil
    """
    _set("ws_ping_interval", _non_negative_seconds(seconds, "web.set_websocket_ping_interval"))


def set_websocket_ping_timeout(seconds: Any) -> None:
    """set_websocket_ping_timeout(seconds): close a pinged client with 1001 if nothing
    arrives from it within this long (default 15)

    Example:
        web.set_websocket_ping_timeout(10)  # => nil
    """
    _set("ws_ping_timeout", _positive_seconds(seconds, "web.set_websocket_ping_timeout"))


#: quest.toml ``[std.web]`` keys → (setting, its Quest setter). The setters check the
#: values, so a bad value in quest.toml gets the same Quest error as in code.
TOML_SETTINGS: dict[str, tuple[str, Any]] = {
    "max_body_size": ("max_body_size", set_max_body_size),
    "max_message_size": ("ws_max_message_size", set_max_message_size),
    "max_header_size": ("max_header_size", set_max_header_size),
    "request_timeout": ("header_timeout", set_request_timeout),
    "keepalive_timeout": ("keep_alive_timeout", set_keepalive_timeout),
    "body_timeout": ("body_timeout", set_body_timeout),
    "body_min_rate": ("body_min_rate", set_body_min_rate),
    "handler_time_limit": ("handler_time_limit", set_handler_time_limit),
    "handler_warning": ("handler_warn_after", set_handler_warning),
    "max_connections": ("max_connections", set_max_connections),
    "max_connections_per_ip": ("max_connections_per_ip", set_max_connections_per_ip),
    "shutdown_timeout": ("graceful_timeout", set_shutdown_timeout),
    "websocket_compression": ("ws_compression", set_websocket_compression),
    "websocket_queue_bytes": ("ws_queue_bytes", set_websocket_queue_bytes),
    "websocket_queue_messages": ("ws_queue_depth", set_websocket_queue_messages),
    "websocket_message_timeout": ("ws_message_timeout", set_websocket_message_timeout),
    "websocket_ping_interval": ("ws_ping_interval", set_websocket_ping_interval),
    "websocket_ping_timeout": ("ws_ping_timeout", set_websocket_ping_timeout),
}


def apply_config(table: dict[str, Any]) -> None:
    """Apply quest.toml's ``[std.web]`` limits the program did not set itself.

    Raises:
        ValueErr: an unknown key (a misspelled limit must not be silently ignored).
    """
    s = state()
    for key, value in table.items():
        if key in ("host", "port") or isinstance(value, dict):
            continue  # host/port: serving's; sub-tables ([std.web.pubsub]): other modules
        entry = TOML_SETTINGS.get(key)
        if entry is None:
            raise ValueErr(f"quest.toml [std.web]: unknown setting {key}")
        setting, setter = entry
        if setting in s.set_by_program:
            continue
        setter(value)
        s.set_by_program.discard(setting)  # still the file's value, not the program's


def websocket(path: Any, handler: Any, authorize: Any = None, check_origin: Any = True) -> None:
    """websocket(path, fun (socket) ... end, authorize: fn, check_origin: true): accept
    WebSocket connections on path.

    ``authorize(info)`` runs before the handshake with ``info`` = {"path", "query",
    "headers", "remote_ip"}; it returns true or a Dict (accept; the Dict's values are
    readable with ``socket.get``) or false/nil (refused with 403). ``check_origin``: true
    (browsers only from this host), false (any origin) or an Array of allowed origins
    such as "https://*.example.com".

    Example:
        web.websocket("/doc-echo", fun (socket)
          socket.on_message(fun (data) socket.send("Echo: " .. data) end)
        end, check_origin: ["https://*.example.com"])
        web._get_config()["websockets"].contains("/doc-echo")  # => true
    """
    from quest_rt.std.web.ws import QuestSocket
    from quest_rt.web import Accept, Refuse

    url = need_str(path, "web.websocket", "path")
    need_fn(handler, "web.websocket", "handler")
    if not url.startswith("/"):
        raise ValueErr(f"web.websocket path must start with '/': {url}")
    origins = check_origin
    if type(origins) is list:
        origins = [need_str(o, "web.websocket", "origin") for o in origins]
    elif type(origins) is not bool:
        raise TypeErr(
            f"web.websocket expects a Bool or an Array check_origin, got {cls_name(origins)}"
        )

    def on_connect(conn: Any) -> None:
        for key, value in conn.assigns.items():
            conn.set(key, value)
        handler(QuestSocket.of(conn))

    decide = None
    if authorize is not None:
        need_fn(authorize, "web.websocket", "authorize")

        def decide(upgrade: Any) -> Any:
            verdict = authorize(
                {
                    "path": upgrade.path,
                    "query": dict(upgrade.query),
                    "headers": dict(upgrade.headers),
                    "remote_ip": upgrade.remote_ip,
                }
            )
            if verdict is None or verdict is False:
                return Refuse(403, "Forbidden")
            if verdict is True:
                return Accept()
            if type(verdict) is dict:
                return Accept(assigns=verdict)
            raise TypeErr(
                f"web.websocket authorize must return a Bool, nil or a Dict, got {cls_name(verdict)}"
            )

    try:
        state().app.websocket(url, on_connect, authorize=decide, check_origin=origins)
    except ValueError as exc:
        raise ValueErr(f"web.websocket: {exc}") from None


def run(*args: Any, host: Any = None, port: Any = None) -> None:
    """run(), run(port), run(host, port), run(host: H, port: P): serve once the top
    level of the program has run (flags, QUEST_HOST/QUEST_PORT and quest.toml come next)

    Example:
        # web.run(port: 8080) as a program's last line serves once the program has run
        let refused = nil
        try
          web.run(port: "eighty")
        catch e: TypeErr
          refused = e.message()
        end
        refused  # => "web.run expects an Int port, got Str"
    """
    if len(args) > 2:
        raise ArgErr("web.run takes at most 2 positional arguments")
    if len(args) == 1:
        if type(args[0]) is int:
            port = args[0]
        else:
            host = args[0]
    elif len(args) == 2:
        host, port = args
    optional(need_str, host, "web.run", "host")
    optional(need_int, port, "web.run", "port")
    state().run_requested = {"host": host, "port": port}
    program.SERVE_REQUESTED = True  # the CLI serves once the top level has finished


def route(base_path: Any, router: Any) -> None:
    """route(base_path, router): serve a std/web/router Router's routes under base_path,
    ahead of handle_request (routes added to the router later are served too).

    Example:
        use "std/web/router" as router
        let api = router.Router.new()
        api.get("/users/{id<int>}", fun (req) {"status": 200, "json": req["params"]} end)
        web.route("/api", api)
        web.get_registered_routers().last()["base_path"]  # => "/api"
    """
    from quest_rt.std.web.router import Router

    base = need_str(base_path, "web.route", "base_path")
    if not base.startswith("/"):
        raise ValueErr(f"web.route base_path must start with '/': {base}")
    if not isinstance(router, Router):
        raise TypeErr(f"web.route expects a Router, got {cls_name(router)}")
    router.mount(state().app.routes, base)
    state().routers.append({"base_path": base, "router": router})


def get_registered_routers() -> list:
    """get_registered_routers() -> Array: {"base_path", "router"} for each web.route, oldest first

    Example:
        use "std/web/router" as router
        web.route("/doc-api", router.Router.new())
        web.get_registered_routers().last()["base_path"]  # => "/doc-api"
    """
    return [dict(entry) for entry in state().routers]


def set_cors(
    origins: Any = None, methods: Any = None, headers: Any = None, credentials: Any = False
) -> None:
    """set_cors(origins: [...], methods: [...], headers: [...], credentials: false):
    answer browsers' cross-origin preflights and mark answers to the listed origins
    (["*"] for any) as readable by their pages.

    Example:
        web.set_cors(origins: ["https://app.example.com"], methods: ["GET", "POST"])
        web._get_config()["cors"]["methods"]  # => ["GET", "POST"]
        web.disable_cors()
    """
    from quest_rt.web.http.cors import CorsPolicy

    def strs(value: Any, what: str) -> list[str] | None:
        if value is None:
            return None
        return [need_str(v, "web.set_cors", what) for v in need_list(value, "web.set_cors", what)]

    need_bool(credentials, "web.set_cors", "credentials")
    try:
        state().app.cors = CorsPolicy.build(
            strs(origins, "origins") or ["*"],
            strs(methods, "methods"),
            strs(headers, "headers"),
            credentials,
        )
    except ValueError as exc:
        raise ValueErr(f"web.set_cors: {exc}") from None


def disable_cors() -> None:
    """disable_cors(): no CORS answers or headers any more

    Example:
        web.set_cors(origins: ["*"])
        web.disable_cors()
        web._get_config()["cors"]  # => nil
    """
    state().app.cors = None


def get_config() -> dict:
    """_get_config() -> Dict: what has been registered: static_dirs, cors, middlewares, after_middlewares, error_handlers, redirects, default_headers, websockets

    Example:
        web._get_config().contains("redirects")  # => true
    """
    app = state().app
    return {
        "static_dirs": [[url, str(d)] for url, d in app.static_mounts.items()],
        "cors": app.cors.to_dict() if app.cors is not None else None,
        "middlewares": list(app.middlewares),
        "after_middlewares": list(app.after_middlewares),
        "error_handlers": {str(k): v for k, v in app.error_handlers.items()},
        "redirects": {k: {"to": v[0], "status": v[1]} for k, v in app.redirects.items()},
        "default_headers": dict(app.default_headers),
        "websockets": sorted(app.websocket_endpoints),
    }


class TestServer:
    """``web.test_server()``: the app served in the background on a free port."""

    quest_name = "TestServer"

    def __init__(self, handle: Any) -> None:
        self._handle = handle
        self.port = handle.port
        self.host = handle.host
        self.url = handle.url

    def stop(self) -> None:
        """stop(): shut down gracefully (open WebSockets get close 1001)

        Example:
            let server = web.test_server()
            server.stop()  # => nil
        """
        self._handle.stop()

    def ws_url(self, path: Any = "/") -> str:
        """ws_url(path = "/") -> Str: the ws:// URL of path on this server

        Example:
            let server = web.test_server()
            server.ws_url("/chat").startswith("ws://127.0.0.1:")  # => true
            server.stop()
        """
        path = need_str(path, "TestServer.ws_url", "path")
        if not path.startswith("/"):
            raise ValueErr(f"TestServer.ws_url: path must start with '/', got {path!r}")
        return self._handle.ws_url(path)

    def __str__(self) -> str:
        return f"<TestServer {self.url}>"


def test_server(port: Any = 0) -> TestServer:
    """test_server(port = 0) -> TestServer: serve this program's web app in the background
    (for tests); it has .port, .url, .ws_url(path) and .stop()

    Example:
        fun handle_request(request)
          {"status": 200, "body": "hi"}
        end
        let server = web.test_server()
        server.url.startswith("http://127.0.0.1:")  # => true
        server.stop()
    """
    from quest_rt.web import start_in_thread

    s = state()
    namespace = _caller_namespace()
    if namespace is not None:
        s.namespace = namespace
    port = need_int(port, "web.test_server", "port")
    if not 0 <= port <= 65535:
        raise ValueErr(f"web.test_server port must be 0-65535, got {port}")
    return TestServer(start_in_thread(s.app, "127.0.0.1", port))


def create() -> QuestModule:
    members: dict[str, Any] = {
        "static": static,
        "middleware": middleware,
        "use": middleware,
        "before_request": middleware,
        "after": after,
        "after_request": after,
        "redirect": redirect,
        "on_error": on_error,
        "set_default_headers": set_default_headers,
        "set_max_body_size": set_max_body_size,
        "set_max_header_size": set_max_header_size,
        "set_max_message_size": set_max_message_size,
        "set_request_timeout": set_request_timeout,
        "set_keepalive_timeout": set_keepalive_timeout,
        "set_body_timeout": set_body_timeout,
        "set_body_min_rate": set_body_min_rate,
        "set_handler_time_limit": set_handler_time_limit,
        "set_handler_warning": set_handler_warning,
        "set_max_connections": set_max_connections,
        "set_max_connections_per_ip": set_max_connections_per_ip,
        "set_shutdown_timeout": set_shutdown_timeout,
        "set_websocket_compression": set_websocket_compression,
        "set_websocket_queue_bytes": set_websocket_queue_bytes,
        "set_websocket_queue_messages": set_websocket_queue_messages,
        "set_websocket_message_timeout": set_websocket_message_timeout,
        "set_websocket_ping_interval": set_websocket_ping_interval,
        "set_websocket_ping_timeout": set_websocket_ping_timeout,
        "websocket": websocket,
        "run": run,
        "_get_config": get_config,
        "route": route,
        "get_registered_routers": get_registered_routers,
        "set_cors": set_cors,
        "disable_cors": disable_cors,
        "test_server": test_server,
        "config": {"host": DEFAULT_HOST, "port": DEFAULT_PORT},
    }
    for code, label in _STATUS.items():
        members[f"HTTP_{label}"] = code
    module = QuestModule("web", members, None)
    object.__getattribute__(module, "__dict__")["_get_config"] = get_config
    return module
