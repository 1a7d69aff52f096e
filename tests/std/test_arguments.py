"""Every std function answers a wrong kind of argument with the one Quest wording
(``quest_rt.std.arguments``): ``io.read expects a Str path, got Int``.

The table is checked for completeness: a std function that takes arguments is either in
``WRONG`` (with the exact message) or in ``ANY_VALUE`` (it takes every value on purpose),
so a new function cannot slip in with Python's own message text.
"""

from __future__ import annotations

import inspect
import re
import uuid
from typing import Any

import pytest

from quest_rt.runtime.errors import TypeErr
from quest_rt.std import NATIVE, native_module
from quest_rt.std.io import StringIO
from quest_rt.std.sys import STDIN, STDOUT
from quest_rt.std.web.ws import TestClient as WsTestClient

#: (module path, function, args, exact TypeErr message)
WRONG: list[tuple[str, str, tuple, str]] = [
    ("std/io", "read", (1,), "io.read expects a Str path, got Int"),
    ("std/io", "write", (1, "x"), "io.write expects a Str path, got Int"),
    ("std/io", "write", ("p", 1.5), "io.write expects Str or Bytes data, got Float"),
    ("std/io", "append", ("p", None), "io.append expects Str or Bytes data, got Nil"),
    ("std/io", "exists", ([],), "io.exists expects a Str path, got Array"),
    ("std/io", "is_file", (1,), "io.is_file expects a Str path, got Int"),
    ("std/io", "is_dir", (1,), "io.is_dir expects a Str path, got Int"),
    ("std/io", "size", (1,), "io.size expects a Str path, got Int"),
    ("std/io", "remove", (1,), "io.remove expects a Str path, got Int"),
    ("std/io", "copy", (1, "b"), "io.copy expects a Str source, got Int"),
    ("std/io", "move", ("a", 2), "io.move expects a Str destination, got Int"),
    ("std/io", "glob", ({},), "io.glob expects a Str pattern, got Dict"),
    ("std/io", "glob_match", ("a", 1), "io.glob_match expects a Str pattern, got Int"),
    ("std/os", "getenv", (1,), "os.getenv expects a Str name, got Int"),
    ("std/os", "setenv", (1, "v"), "os.setenv expects a Str name, got Int"),
    ("std/os", "unsetenv", (True,), "os.unsetenv expects a Str name, got Bool"),
    ("std/os", "chdir", (1,), "os.chdir expects a Str path, got Int"),
    ("std/os", "listdir", (1,), "os.listdir expects a Str path, got Int"),
    ("std/os", "mkdir", (1,), "os.mkdir expects a Str path, got Int"),
    ("std/os", "rmdir", (1,), "os.rmdir expects a Str path, got Int"),
    ("std/os", "remove", (1,), "os.remove expects a Str path, got Int"),
    ("std/os", "rename", ("a", 1), "os.rename expects a Str destination, got Int"),
    ("std/math", "round", ("1",), "math.round expects a number, got Str"),
    ("std/math", "round", (1.5, 1.0), "math.round expects an Int number of places, got Float"),
    *[
        ("std/math", f, ("x",), f"math.{f} expects a number, got Str")
        for f in (
            "abs",
            "sqrt",
            "floor",
            "ceil",
            "sin",
            "cos",
            "tan",
            "asin",
            "acos",
            "atan",
            "exp",
            "ln",
            "log10",
        )
    ],
    (
        "std/time",
        "sleep",
        ("soon",),
        "time.sleep expects a number of seconds, got Str",
    ),
    (
        "std/time",
        "from_timestamp",
        ("0",),
        "time.from_timestamp expects a number of seconds, got Str",
    ),
    (
        "std/time",
        "from_timestamp_ms",
        (1.5,),
        "time.from_timestamp_ms expects an Int number of milliseconds, got Float",
    ),
    (
        "std/time",
        "from_timestamp_us",
        ("1",),
        "time.from_timestamp_us expects an Int number of microseconds, got Str",
    ),
    ("std/time", "is_leap_year", ("2024",), "time.is_leap_year expects an Int year, got Str"),
    *[
        ("std/time", f, ("2",), f"time.{f} expects a number of {f}, got Str")
        for f in ("days", "hours", "minutes", "seconds")
    ],
    ("std/json", "parse", (1,), "json.parse expects Str or Bytes text, got Int"),
    ("std/uuid", "parse", (1,), "uuid.parse expects a Str, got Int"),
    ("std/uuid", "v1", ("node",), "uuid.v1 expects Bytes node id, got Str"),
    ("std/uuid", "v6", (1,), "uuid.v6 expects Bytes node id, got Int"),
    ("std/uuid", "v3", ("dns", "x"), "uuid.v3 expects a Uuid namespace, got Str"),
    ("std/uuid", "v5", (uuid.NAMESPACE_DNS, 1), "uuid.v5 expects Str or Bytes name, got Int"),
    ("std/uuid", "v8", ("x" * 16,), "uuid.v8 expects Bytes data, got Str"),
    *[
        ("std/hash", f, (1,), f"hash.{f} expects Str or Bytes data, got Int")
        for f in ("md5", "sha1", "sha256", "sha512", "crc32")
    ],
    ("std/uuid", "from_bytes", ("x",), "uuid.from_bytes expects Bytes, got Str"),
    ("std/str", "format", (1,), "str.format expects a Str template, got Int"),
    ("std/str", "format", ("{a}", [1]), "str.format expects a Dict of values, got Array"),
    ("std/sys", "exit", ("1",), "sys.exit expects an Int status, got Str"),
    ("std/sys", "eval", (1,), "sys.eval expects a Str of Quest code, got Int"),
    ("std/sys", "load_module", (1,), "sys.load_module expects a Str path, got Int"),
    (
        "std/sys",
        "redirect_stream",
        (1, "x"),
        "sys.redirect_stream expects sys.stdout or sys.stderr, got Int",
    ),
    (
        "std/sys",
        "redirect_stream",
        (STDOUT, 1),
        "sys.redirect_stream expects a StringIO, a path Str or a stream, got Int",
    ),
    *[
        ("std/term", f, ("x", "bold"), f"term.{f} expects an Array of attribute names, got Str")
        for f in ("red", "green", "yellow", "blue", "magenta", "cyan", "white", "grey")
    ],
    ("std/term", "color", ("x", 1), "term.color expects a Str colour name, got Int"),
    ("std/html", "render", (1,), "html.render expects a Str path, got Int"),
    ("std/html", "template", ("x", [1]), "html.template expects a Dict of assigns, got Array"),
    ("std/html", "template", (1,), "html.template expects a Str or a compiled template, got Int"),
    ("std/test", "describe", ("d", 1), "test.describe expects a Fun, got Int"),
    ("std/test", "it", ("i", "body"), "test.it expects a Fun, got Str"),
    ("std/test", "before", (1,), "test.before expects a Fun, got Int"),
    ("std/test", "after", (1,), "test.after expects a Fun, got Int"),
    ("std/test", "before_all", (1,), "test.before_all expects a Fun, got Int"),
    ("std/test", "after_all", (1,), "test.after_all expects a Fun, got Int"),
    ("std/test", "tag", (1,), "test.tag expects a Str or an Array of Str, got Int"),
    ("std/test", "find_tests", (1,), "test.find_tests expects a Str or an Array of Str, got Int"),
    (
        "std/test",
        "set_filter_tags",
        (1,),
        "test.set_filter_tags expects a Str or an Array of Str, got Int",
    ),
    (
        "std/test",
        "set_skip_tags",
        (1,),
        "test.set_skip_tags expects a Str or an Array of Str, got Int",
    ),
    ("std/test", "set_colors", ("yes",), "test.set_colors expects a Bool, got Str"),
    ("std/test", "set_condensed", (1,), "test.set_condensed expects a Bool, got Int"),
    (
        "std/test",
        "assert_near",
        (1, 1, "0.1"),
        "test.assert_near expects a number as tolerance, got Str",
    ),
    ("std/test", "assert_raises", (1, 2), "test.assert_raises expects an error type, got Int"),
    (
        "std/test",
        "format_time",
        ("1",),
        "test.format_time expects a number of milliseconds, got Str",
    ),
]

#: functions that take any value on purpose (they show it, compare it or test it)
ANY_VALUE = {
    # lv.raw(value) takes any value and uses its string form
    "std/web/liveview": {"raw"},
    "std/test": {
        "module",
        "skip",
        "assert",
        "assert_eq",
        "assert_neq",
        "assert_gt",
        "assert_lt",
        "assert_gte",
        "assert_lte",
        "assert_nil",
        "assert_not_nil",
        "assert_type",
        "fail",
        "set_capture",
        "green",
        "red",
        "yellow",
        "cyan",
        "bold",
        "dimmed",
    },
    "std/json": {"stringify", "stringify_pretty", "try_parse", "is_valid"},
    "std/sys": {"fail"},
    "std/term": {"bold", "dim", "dimmed", "underline", "blink", "reverse", "hidden"},
    "std/html": {"escape", "raw"},
    "std/error": {"is_error"},
}


def _fn(*args):
    return None


#: std/web, std/web/ws and std/web/router (the web bindings adopted the helper in issue 6)
WRONG += [
    ("std/web", "static", (1, "d"), "web.static expects a Str url_path, got Int"),
    ("std/web", "static", ("/s", None), "web.static expects a Str fs_path, got Nil"),
    *[
        ("std/web", name, ("f",), f"web.{alias} expects a Fun, got Str")
        for name, alias in (
            ("middleware", "middleware"),
            ("use", "middleware"),
            ("before_request", "middleware"),
            ("after", "after"),
            ("after_request", "after"),
        )
    ],
    ("std/web", "redirect", ("/a", "/b", "301"), "web.redirect expects an Int status, got Str"),
    ("std/web", "on_error", ("404", _fn), "web.on_error expects an Int status, got Str"),
    (
        "std/web",
        "set_default_headers",
        ([],),
        "web.set_default_headers expects a Dict of headers, got Array",
    ),
    *[
        ("std/web", f, ("1k",), f"web.{f} expects an Int size in bytes, got Str")
        for f in ("set_max_body_size", "set_max_header_size", "set_max_message_size")
    ],
    *[
        ("std/web", f, ("soon",), f"web.{f} expects a number of seconds, got Str")
        for f in (
            "set_request_timeout",
            "set_keepalive_timeout",
            "set_body_timeout",
            "set_handler_time_limit",
            "set_handler_warning",
            "set_shutdown_timeout",
        )
    ],
    (
        "std/web",
        "set_body_min_rate",
        ("fast",),
        "web.set_body_min_rate expects an Int rate in bytes per second, got Str",
    ),
    *[
        ("std/web", f, (1.5,), f"web.{f} expects an Int count of connections, got Float")
        for f in ("set_max_connections", "set_max_connections_per_ip")
    ],
    (
        "std/web",
        "set_websocket_compression",
        ("yes",),
        "web.set_websocket_compression expects a Bool enabled, got Str",
    ),
    (
        "std/web",
        "set_websocket_queue_bytes",
        ("4M",),
        "web.set_websocket_queue_bytes expects an Int size in bytes, got Str",
    ),
    (
        "std/web",
        "set_websocket_queue_messages",
        (1.5,),
        "web.set_websocket_queue_messages expects an Int count of messages, got Float",
    ),
    *[
        ("std/web", f, ("soon",), f"web.{f} expects a number of seconds, got Str")
        for f in (
            "set_websocket_message_timeout",
            "set_websocket_ping_interval",
            "set_websocket_ping_timeout",
        )
    ],
    ("std/web", "websocket", (1, _fn), "web.websocket expects a Str path, got Int"),
    ("std/web", "websocket", ("/ws", 1), "web.websocket expects a Fun handler, got Int"),
    ("std/web", "run", ("h", "80"), "web.run expects an Int port, got Str"),
    ("std/web", "route", (1, None), "web.route expects a Str base_path, got Int"),
    ("std/web", "set_cors", ("x",), "web.set_cors expects an Array origins, got Str"),
    ("std/web", "test_server", ("eighty",), "web.test_server expects an Int port, got Str"),
    ("std/web/ws", "send_to", (1, "m"), "ws.send_to expects a Str connection_id, got Int"),
    ("std/web/ws", "broadcast", ("/ws", 1), "ws.broadcast expects a Str message, got Int"),
    (
        "std/web/ws",
        "broadcast_if",
        ("/ws", 1, "m"),
        "ws.broadcast_if expects a Fun predicate, got Int",
    ),
    ("std/web/ws", "get_connections", (None,), "ws.get_connections expects a Str path, got Nil"),
    ("std/web/ws", "test_client", (1,), "ws.test_client expects a Str url, got Int"),
    (
        "std/web/ws",
        "test_client",
        ("ws://x", []),
        "ws.test_client expects a Dict of headers, got Array",
    ),
    ("std/web/channels", "channel", (1, _fn), "channels.channel expects a Str pattern, got Int"),
    ("std/web/channels", "channel", ("r:*", 1), "channels.channel expects a Fun, got Int"),
    ("std/web/channels", "socket", (1,), "channels.socket expects a Str path, got Int"),
    (
        "std/web/channels",
        "socket",
        ("/s", 1),
        "channels.socket expects a Fun connect, got Int",
    ),
    (
        "std/web/channels",
        "broadcast",
        ("t", "e", [1]),
        "channels.broadcast expects a Dict or Bytes payload, got Array",
    ),
    (
        "std/web/channels",
        "broadcast_from",
        (None, "t", "e", {}),
        "channels.broadcast_from expects a channel socket, got Nil",
    ),
    ("std/web/channels", "rate_limit", ("x",), "channels.rate_limit expects a Fun, got Str"),
    ("std/web/channels", "test_client", (1,), "channels.test_client expects a Str url, got Int"),
    (
        "std/web/channels",
        "test_client",
        ("ws://x", [1]),
        "channels.test_client expects a Dict of params, got Array",
    ),
    (
        "std/web/presence",
        "track",
        (None, "t", {}),
        "presence.track expects a channel socket, got Nil",
    ),
    (
        "std/web/presence",
        "untrack",
        (None, "t"),
        "presence.untrack expects a channel socket, got Nil",
    ),
    ("std/web/presence", "list", (1,), "presence.list expects a Str topic, got Int"),
    ("std/web/pubsub", "configure", (None, 5), "pubsub.configure expects a Str url, got Int"),
    (
        "std/web/pubsub",
        "configure",
        (5,),
        "pubsub.configure expects adapter: the std/web/pubsub/redis module or nil, got Int",
    ),
    ("std/web/pubsub", "broadcast", (1, "e", {}), "pubsub.broadcast expects a Str topic, got Int"),
    ("std/web/router", "parse_pattern", (1,), "router.parse_pattern expects a Str path, got Int"),
    ("std/web/router", "match_path", ("/x", 1), "router.match_path expects a Str path, got Int"),
    *[
        ("std/web/router", m, ("/x", 1), f"Router.{m} expects a Fun handler, got Int")
        for m in ("get", "post", "put", "patch", "delete")
    ],
    ("std/web/router", "route", (1, "/x", _fn), "Router.route expects a Str method, got Int"),
    ("std/web/liveview", "template", (1, {}), "lv.template expects a Str template, got Int"),
    ("std/web/liveview", "template", ("x", 1), "lv.template expects a Dict of assigns, got Int"),
    ("std/web/liveview", "component", (1,), "lv.component expects a Fun factory, got Int"),
    ("std/web/liveview", "mount", (1, None), "lv.mount expects a Str path, got Int"),
    (
        "std/web/liveview",
        "mount",
        ("/x", 1),
        "lv.mount expects a component (lv.component(...)), got Int",
    ),
    ("std/web/liveview", "layout", (1,), "lv.layout expects a Fun, got Int"),
    ("std/web/liveview", "head", (1,), "lv.head expects a Str html, got Int"),
    ("std/web/liveview", "session_from", (1,), "lv.session_from expects a Fun, got Int"),
    ("std/web/liveview", "rate_limit", (1,), "lv.rate_limit expects a Fun, got Int"),
    (
        "std/web/liveview",
        "check_origin",
        (1,),
        "lv.check_origin expects a Bool or an Array, got Int",
    ),
    ("std/web/liveview", "schedule", (1, "x", 5), "lv.schedule expects a LiveView socket, got Int"),
    ("std/web/liveview", "send", (1, "e", {}), "lv.send expects a LiveView socket, got Int"),
    (
        "std/web/liveview",
        "live_component",
        (1,),
        "lv.live_component expects a component (lv.component(...)), got Int",
    ),
    (
        "std/web/liveview",
        "test_mount",
        (1,),
        "lv.test_mount expects a component (lv.component(...)), got Int",
    ),
    (
        "std/web/pubsub",
        "subscribe",
        (1, "t"),
        "pubsub.subscribe expects a LiveView socket, got Int",
    ),
    (
        "std/web/pubsub",
        "broadcast_from",
        (1, "t", "e", {}),
        "pubsub.broadcast_from expects a LiveView or channel socket, got Int",
    ),
    (
        "std/web/pubsub",
        "broadcast_if",
        ("t", 1, "e", {}),
        "pubsub.broadcast_if expects a Fun predicate, got Int",
    ),
    (
        "std/web/pubsub",
        "broadcast_batch",
        ("t", 1),
        "pubsub.broadcast_batch expects an Array events, got Int",
    ),
    (
        "std/web/pubsub",
        "test_broadcast",
        (1, "e", {}),
        "pubsub.test_broadcast expects a Str topic, got Int",
    ),
    (
        "std/web/router",
        "dispatch_middleware",
        ("req",),
        "Router.dispatch_middleware expects a Dict request, got Str",
    ),
]


def _web_test_server_stub():
    """A TestServer around a handle that is never started (ws_url checks first)."""
    from quest_rt.std.web import TestServer

    class Handle:
        port, host, url = 1, "127.0.0.1", "http://127.0.0.1:1"

        def ws_url(self, path):
            raise AssertionError("not reached: the argument is checked first")

    return TestServer(Handle())


#: methods of the std value types, called on a real value
METHODS: list[tuple[Any, str, tuple, str]] = [
    (StringIO(""), "write", (1,), "StringIO.write expects a Str, got Int"),
    (StringIO(""), "writelines", ("x",), "StringIO.writelines expects an Array, got Str"),
    (StringIO(""), "read", ("2",), "StringIO.read expects an Int, got Str"),
    (StringIO(""), "seek", ("0",), "StringIO.seek expects an Int offset, got Str"),
    (StringIO(""), "seek", (0, "end"), "StringIO.seek expects an Int whence, got Str"),
    (StringIO(""), "truncate", (1.5,), "StringIO.truncate expects an Int, got Float"),
    # gave "ws://127.0.0.1:80805" without a word
    (
        _web_test_server_stub(),
        "ws_url",
        (5,),
        "TestServer.ws_url expects a Str path, got Int",
    ),
    # issue 6: this one used to say "could not convert string to float: 'soon'"
    (
        WsTestClient("ws://127.0.0.1:9/", None),
        "receive",
        ("soon",),
        "WebSocketTestClient.receive expects a number of seconds, got Str",
    ),
    (
        WsTestClient("ws://127.0.0.1:9/", None),
        "close",
        ("1000",),
        "WebSocketTestClient.close expects an Int code, got Str",
    ),
    (
        WsTestClient("ws://127.0.0.1:9/", None),
        "send_bytes",
        ("x",),
        "WebSocketTestClient.send_bytes expects Bytes data, got Str",
    ),
]

SKIPPED = {"std/encoding/json"}


def _call(path: str, name: str, args: tuple) -> str:
    fn = getattr(native_module(path), name)
    with pytest.raises(TypeErr) as info:
        fn(*args)
    assert type(info.value) is TypeErr
    return str(info.value)


@pytest.mark.parametrize(
    ("path", "name", "args", "message"),
    WRONG,
    ids=[f"{p[4:]}.{n}#{i}" for i, (p, n, _, _) in enumerate(WRONG)],
)
def test_a_wrong_argument_is_a_quest_worded_typeerr(path, name, args, message):
    assert _call(path, name, args) == message


@pytest.mark.parametrize(
    ("receiver", "name", "args", "message"), METHODS, ids=[m[1] for m in METHODS]
)
def test_std_value_methods_use_the_same_wording(receiver, name, args, message):
    with pytest.raises(TypeErr) as info:
        getattr(receiver, name)(*args)
    assert str(info.value) == message


def test_redirecting_stdin_says_why():
    assert (
        _call("std/sys", "redirect_stream", (STDIN, "x"))
        == "sys.redirect_stream cannot redirect sys.stdin (only stdout or stderr)"
    )


def test_every_std_function_with_arguments_is_covered():
    """A function taking arguments is in WRONG or deliberately in ANY_VALUE."""
    checked = {(p, n) for p, n, _, _ in WRONG}
    missing = []
    for path in NATIVE:
        if path in SKIPPED:
            continue
        for name, value in native_module(path).quest_members().items():
            if isinstance(value, type) or not callable(value):
                continue
            if not inspect.signature(value).parameters:
                continue
            if (path, name) not in checked and name not in ANY_VALUE.get(path, ()):
                missing.append(f"{path}.{name}")
    assert not missing, f"std functions without an argument-check case: {missing}"


def test_messages_name_quest_types_only():
    """What was got is a Quest type name (never str, int, NoneType...)."""
    quest_types = {"Int", "Float", "Str", "Bool", "Nil", "Array", "Dict", "Bytes", "Stream"}
    for *_, message in WRONG + METHODS:
        assert re.fullmatch(r"[\w.]+ expects [^,]+(, [^,]+)*, got (\w+)", message), message
        assert message.rsplit("got ", 1)[1] in quest_types, message


def test_quest_code_catches_the_error_as_typeerr():
    from tests.runtime.support import run_quest

    ns = run_quest(
        'use "std/time"\n'
        "let got = nil\n"
        "try\n"
        '  time.sleep("soon")\n'
        "catch e: TypeErr\n"
        "  got = e.message()\n"
        "end\n"
    )
    assert ns["got"] == "time.sleep expects a number of seconds, got Str"


def test_right_kind_out_of_range_is_a_valueerr_in_the_same_voice():
    from quest_rt.runtime.errors import ValueErr

    sleep = native_module("std/time").sleep
    with pytest.raises(ValueErr) as info:
        sleep(float("inf"))
    assert str(info.value) == "time.sleep expects a finite number of seconds, got inf"
    with pytest.raises(ValueErr) as info:
        sleep(-1)
    assert str(info.value) == "time.sleep: seconds must not be negative, got -1"
