"""Layer-1 WebSockets from Quest (issue 3, items 2 and 3): Quest handlers registered with
``web.websocket`` behind the real server, driven by real clients.

Each test compiles a small Quest app in-process (a fresh ``std/web`` state) and serves
it in the test's Trio nursery, so Quest handlers run on this loop exactly as under
``quest serve``.
"""

from __future__ import annotations

import itertools

import pytest
import trio
import trio_websocket
from wsproto.events import TextMessage

from quest_rt.runtime import loader
from quest_rt.std import web as std_web
from quest_rt.web import WebApp

from .clients import RawWebSocket, client_frame, http_request

_counter = itertools.count()


def quest_app(source: str) -> WebApp:
    """Run a Quest program's top level; return the web app it registered."""
    std_web.STATE = None
    path = f"<quest-app-{next(_counter)}>"
    loader.QUEST_FILES.add(path)
    compiled = loader.compile_source(source, path)
    namespace = loader.new_namespace(path)
    loader.run_code(compiled.code, namespace)
    state = std_web.state()
    state.namespace = namespace
    state.app.settings.ws_close_timeout = 2.0
    return state.app


ECHO = """
use "std/web" as web
web.websocket("/ws", fun (socket)
  socket.on_message(fun (data)
    if data.is(Str)
      socket.send("Echo: " .. data)
    else
      socket.send_bytes(data)
    end
  end)
end)
"""


async def test_quest_echo_text_and_binary(start_server):
    port = await start_server(quest_app(ECHO))
    async with trio_websocket.open_websocket_url(f"ws://127.0.0.1:{port}/ws") as ws:
        await ws.send_message("Hello")
        assert await ws.get_message() == "Echo: Hello"
        await ws.send_message(b"\x00\x01\xff")
        assert await ws.get_message() == b"\x00\x01\xff"


async def test_handler_may_close_before_any_message_with_4401(start_server):
    # the QEP's "WebSocket Authentication" example
    app = quest_app("""
use "std/web" as web
web.websocket("/ws/secure", fun (socket)
  let token = socket.headers()["authorization"]
  if token != "Bearer good"
    socket.close(4401, "Unauthorized")
    return
  end
  socket.set("user_id", 1)
  socket.on_message(fun (data) socket.send("user " .. socket.get("user_id") .. ": " .. data) end)
end)
""")
    port = await start_server(app)
    async with trio_websocket.open_websocket_url(f"ws://127.0.0.1:{port}/ws/secure") as ws:
        with pytest.raises(trio_websocket.ConnectionClosed) as info:
            await ws.get_message()
        assert info.value.reason.code == 4401
        assert info.value.reason.reason == "Unauthorized"
    async with trio_websocket.open_websocket_url(
        f"ws://127.0.0.1:{port}/ws/secure", extra_headers=[(b"authorization", b"Bearer good")]
    ) as ws:
        await ws.send_message("hi")
        assert await ws.get_message() == "user 1: hi"


async def test_socket_api_metadata(start_server):
    app = quest_app("""
use "std/web" as web
web.websocket("/meta", fun (socket)
  socket.on_open(fun ()
    socket.send([socket.path(), socket.remote_ip(), socket.state(),
                 socket.id().len(), socket.headers()["x-test"]].str())
  end)
end)
""")
    port = await start_server(app)
    async with trio_websocket.open_websocket_url(
        f"ws://127.0.0.1:{port}/meta", extra_headers=[(b"x-test", b"yes")]
    ) as ws:
        assert await ws.get_message() == "[/meta, 127.0.0.1, open, 36, yes]"


async def test_oversized_message_closes_1009(start_server):
    app = quest_app(ECHO + "\nweb.set_max_message_size(1000)\n")
    port = await start_server(app)
    raw = await RawWebSocket.connect(port)
    await raw.send(client_frame(0x1, b"x" * 2000))
    assert await raw.close_code() == 1009
    await raw.aclose()


async def test_invalid_utf8_closes_1007(start_server):
    port = await start_server(quest_app(ECHO))
    raw = await RawWebSocket.connect(port)
    await raw.send(client_frame(0x1, b"ok \xff\xfe"))
    assert await raw.close_code() == 1007
    await raw.aclose()


RAISING = """
use "std/web" as web
let errors = []
web.websocket("/ws", fun (socket)
  socket.on_message(fun (data)
    if data == "boom"
      raise ValueErr.new("handler exploded")
    end
    socket.send("Echo: " .. data)
  end)
  socket.on_error(fun (error)
    errors.push(error.type().str() .. ": " .. error.message())
  end)
end)
fun handle_request(request)
  {"status": 200, "body": errors.join("\\n")}
end
"""


async def test_raising_handler_closes_1011_calls_on_error_and_spares_others(start_server, caplog):
    port = await start_server(quest_app(RAISING))
    url = f"ws://127.0.0.1:{port}/ws"
    async with trio_websocket.open_websocket_url(url) as bystander:
        async with trio_websocket.open_websocket_url(url) as victim:
            await victim.send_message("boom")
            with pytest.raises(trio_websocket.ConnectionClosed) as info:
                await victim.get_message()
            assert info.value.reason.code == 1011
        await bystander.send_message("still here")
        assert await bystander.get_message() == "Echo: still here"
    response = await http_request(port, "GET", "/")
    assert response.text == "ValueErr: handler exploded"
    # the server log carries the Quest traceback, not a Python one
    assert "ValueErr: handler exploded" in caplog.text
    assert "in <anonymous>" in caplog.text


async def test_sleeping_handler_does_not_delay_other_connections(start_server):
    app = quest_app("""
use "std/web" as web
use "std/time" as time
web.websocket("/ws", fun (socket)
  socket.on_message(fun (data)
    if data == "slow"
      socket.send("sleeping")
      time.sleep(3600)
    end
    socket.send("Echo: " .. data)
  end)
end)
""")
    port = await start_server(app)
    url = f"ws://127.0.0.1:{port}/ws"
    sleeper = await RawWebSocket.connect(port)
    await sleeper.send(client_frame(0x1, b"slow"))
    # Gate on the sleeper's own word that its handler is in time.sleep (an hour):
    # from here on, a stalled loop could not answer anyone.
    event = await sleeper.next_event()
    assert isinstance(event, TextMessage) and event.data == "sleeping"
    async with trio_websocket.open_websocket_url(url) as other:
        with trio.fail_after(10):
            await other.send_message("quick")
            assert await other.get_message() == "Echo: quick"
    await sleeper.aclose()  # drop TCP; the sleeping handler is cancelled with the server


async def test_client_that_stops_reading_is_disconnected_others_continue(start_server):
    app = quest_app("""
use "std/web" as web
web.websocket("/ws", fun (socket)
  socket.on_message(fun (data)
    if data == "flood"
      let chunk = "x" * 65536
      let i = 0
      while i < 4000 and socket.state() == "open"
        socket.send(chunk)
        i += 1
      end
    else
      socket.send("Echo: " .. data)
    end
  end)
end)
""")
    app.settings.ws_queue_depth = 64
    port = await start_server(app)
    raw = await RawWebSocket.connect(port)
    await raw.send(client_frame(0x1, b"flood"))  # and never read
    url = f"ws://127.0.0.1:{port}/ws"
    async with trio_websocket.open_websocket_url(url) as other:
        for i in range(20):
            await other.send_message(f"m{i}")
            with trio.fail_after(10):
                assert await other.get_message() == f"Echo: m{i}"
    stats = app.registry.statistics()
    assert stats.slow_consumer_closes == 1
    await raw.aclose()


async def test_broadcast_send_to_and_get_connections(start_server):
    app = quest_app("""
use "std/web" as web
use "std/web/ws" as ws
web.websocket("/room", fun (socket)
  socket.on_message(fun (data)
    if data.startswith("room=")
      socket.set("room", data.slice(5, data.len()))
      socket.send("joined")
    elif data == "count"
      socket.send("" .. ws.get_connections("/room").len())
    elif data.startswith("dm ")
      let target = ws.get_connections("/room").find(fun (s) s.id() != socket.id() end)
      ws.send_to(connection_id: target.id(), message: "dm: " .. data.slice(3, data.len()))
    elif data.startswith("general ")
      ws.broadcast_if("/room", fun (s) s.get("room") == "general" end, data)
    else
      ws.broadcast("/room", "all: " .. data)
    end
  end)
end)
""")
    port = await start_server(app)
    url = f"ws://127.0.0.1:{port}/room"
    async with (
        trio_websocket.open_websocket_url(url) as a,
        trio_websocket.open_websocket_url(url) as b,
    ):
        await a.send_message("room=general")
        assert await a.get_message() == "joined"
        await b.send_message("room=other")
        assert await b.get_message() == "joined"
        await a.send_message("count")
        assert await a.get_message() == "2"
        await a.send_message("hello")
        assert await a.get_message() == "all: hello"
        assert await b.get_message() == "all: hello"
        await b.send_message("general only")
        assert await a.get_message() == "general only"
        await a.send_message("dm psst")
        assert await b.get_message() == "dm: psst"
        await b.send_message("count")
        assert await b.get_message() == "2"


async def test_http_request_dict_reaches_quest(start_server):
    app = quest_app("""
use "std/web" as web
fun handle_request(request)
  if request["path"] == "/json"
    return {"status": 201, "json": {"q": request["query"], "m": request["method"]}}
  end
  if request["path"] == "/bytes"
    return {"status": 200, "body": b"\\x00\\x01", "headers": {"content-type": "application/x-test"}}
  end
  if request["path"] == "/fail"
    raise RuntimeErr.new("kaput")
  end
end
""")
    port = await start_server(app)
    r = await http_request(port, "GET", "/json?a=1&b=two")
    assert r.status == 201
    assert r.text == '{"m":"GET","q":{"a":"1","b":"two"}}'
    r = await http_request(port, "GET", "/bytes")
    assert r.body == b"\x00\x01" and r.header("content-type") == "application/x-test"
    r = await http_request(port, "GET", "/missing")
    assert r.status == 404 and r.text == "Not found"
    r = await http_request(port, "GET", "/fail")
    assert r.status == 500
    r = await http_request(port, "GET", "/json")  # still serving after the 500
    assert r.status == 201


async def test_messages_are_strings_for_text_and_bytes_for_binary(start_server):
    app = quest_app("""
use "std/web" as web
web.websocket("/ws", fun (socket)
  socket.on_message(fun (data) socket.send(data.cls()) end)
end)
""")
    port = await start_server(app)
    raw = await RawWebSocket.connect(port)
    await raw.send(client_frame(0x1, b"text"))
    event = await raw.next_event()
    assert isinstance(event, TextMessage) and event.data == "Str"
    await raw.send(client_frame(0x2, b"\x01\x02"))
    event = await raw.next_event()
    assert isinstance(event, TextMessage) and event.data == "Bytes"
    await raw.aclose()


async def test_authorize_and_check_origin_from_quest(start_server):
    app = quest_app("""
use "std/web" as web
web.websocket("/ws", fun (socket)
  socket.send("hello " .. socket.get("user"))
end, authorize: fun (info)
  if info["query"].get("token") == "t0k"
    {"user": "ada"}
  elif info["query"].get("token") == "yes"
    true
  else
    false
  end
end)
web.websocket("/open", fun (socket) socket.send("open") end, check_origin: ["https://*.example.com"])
""")
    port = await start_server(app)
    async with trio_websocket.open_websocket_url(f"ws://127.0.0.1:{port}/ws?token=t0k") as ws:
        assert await ws.get_message() == "hello ada"
    async with trio_websocket.open_websocket_url(f"ws://127.0.0.1:{port}/ws?token=yes") as ws:
        assert await ws.get_message() == "hello nil"
    for target, headers, status in [
        ("/ws?token=forged", [], 403),
        ("/open", [("Origin", "https://evil.example")], 403),
    ]:
        with pytest.raises(trio_websocket.ConnectionRejected) as rejected:
            async with trio_websocket.open_websocket_url(
                f"ws://127.0.0.1:{port}{target}", extra_headers=headers
            ):
                pass
        assert rejected.value.status_code == status
    async with trio_websocket.open_websocket_url(
        f"ws://127.0.0.1:{port}/open", extra_headers=[("Origin", "https://app.example.com")]
    ) as ws:
        assert await ws.get_message() == "open"


async def test_routers_and_cors_serve_through_the_one_route_table(start_server):
    app = quest_app("""
use "std/web" as web
use "std/web/router" as router
let api = router.Router.new()
api.get("/users/{id<int>}", fun (req) {"status": 200, "json": {"id": req["params"]["id"]}} end)
web.route("/api", api)
api.post("/users", fun (req) {"status": 201, "body": "made"} end)   # added after mounting
web.set_cors(origins: ["https://app.example.com"], credentials: true)
fun handle_request(request)
  {"status": 200, "body": "fallback " .. request["path"]}
end
""")
    port = await start_server(app)
    user = await http_request(port, "GET", "/api/users/7")
    assert (user.status, user.text) == (200, '{"id":7}')
    assert user.header("access-control-allow-origin") is None  # no Origin: no CORS
    assert (await http_request(port, "POST", "/api/users")).text == "made"
    assert (await http_request(port, "GET", "/api/users/x")).text == "fallback /api/users/x"
    cross = await http_request(
        port, "GET", "/api/users/1", headers={"Origin": "https://app.example.com"}
    )
    assert cross.header("access-control-allow-origin") == "https://app.example.com"
    assert cross.header("access-control-allow-credentials") == "true"
    preflight = await http_request(
        port,
        "OPTIONS",
        "/api/users",
        headers={"Origin": "https://app.example.com", "Access-Control-Request-Method": "POST"},
    )
    assert preflight.status == 204
    assert "POST" in preflight.header("access-control-allow-methods")
    foreign = await http_request(
        port,
        "OPTIONS",
        "/api/users",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert foreign.status == 403 and foreign.header("access-control-allow-origin") is None
