"""Servers under test, one per process: ``python bench/servers.py NAME --port P``.

Every server exposes the same WebSocket endpoint ``/ws``:

- a text message ``broadcast:<payload>`` sends ``<payload>`` to every connection on
  ``/ws`` (the fan-out benchmark's trigger);
- any other message is echoed back unchanged.

Names:

``bare``              hypercorn's Trio worker with a minimal ASGI app and no quest_rt
                      import at all: the baseline every ratio is measured against.
                      Its broadcast awaits one ``send`` per connection — the loop a
                      plain ASGI app has to write.
``engine-direct``     quest_rt.web, direct transport, a plain Python echo handler.
``engine-hypercorn``  quest_rt.web, hypercorn's ASGI WebSocket path.
``channels``          quest_rt.web.channels on the direct transport, Phoenix socket at
                      ``/ws/websocket``: topics ``bench:*``; event ``ping`` replies with
                      its payload, event ``broadcast`` broadcasts its payload as ``b``
                      (bench/channels.py).
``liveview-null``     the cheapest server the LiveView load client can talk to, to
                      measure the client alone (bench/liveview.py ``--calibrate``):
                      quest_rt.web's Layer 1 (direct transport) serving a minimal
                      page at ``/counter`` and, on ``/live/websocket``, answering a
                      join with a fixed render and each click with the next count's
                      diff; no LiveView engine, no templates, no tokens checked.
``socketio``          python-socketio 5.x as its docs recommend for asyncio: an
                      ``AsyncServer`` in an ``ASGIApp`` under uvicorn (``[standard]``:
                      uvloop, websockets); every client enters room ``bench``; event
                      ``ping`` is acknowledged with its data, ``broadcast`` emits ``b``
                      to the room. Pings every 600 s so none falls inside a run.

A Quest application (once the interpreter exists) is benchmarked through the
load scripts' ``--server-cmd`` option instead, e.g.
``--server-cmd "quest serve examples/echo.q --port {port}"``.

The process prints ``READY <port>`` on stdout once it listens.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
from functools import partial

import trio

BROADCAST = "broadcast:"


def raise_fd_limit() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


# ── the baseline: hypercorn + a bare ASGI app ─────────────────────────────────


def bare_app():
    connections: set = set()

    async def app(scope, receive, send):
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                else:
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        if scope["type"] != "websocket":
            await send({"type": "http.response.start", "status": 404, "headers": []})
            await send({"type": "http.response.body", "body": b""})
            return
        await receive()
        await send({"type": "websocket.accept"})
        connections.add(send)
        try:
            while True:
                message = await receive()
                if message["type"] != "websocket.receive":
                    return
                text = message.get("text")
                if text is not None and text.startswith(BROADCAST):
                    payload = text[len(BROADCAST) :]
                    for peer in list(connections):
                        await peer({"type": "websocket.send", "text": payload})
                elif text is not None:
                    await send({"type": "websocket.send", "text": text})
                else:
                    await send({"type": "websocket.send", "bytes": message["bytes"]})
        finally:
            connections.discard(send)

    return app


async def serve_bare(port: int) -> None:
    from hypercorn.config import Config
    from hypercorn.trio import serve

    config = Config()
    config.bind = [f"127.0.0.1:{port}"]
    config.backlog = 4096
    config.accesslog = None
    config.errorlog = None

    async def started(task_status=trio.TASK_STATUS_IGNORED):
        await serve(bare_app(), config, task_status=task_status)

    async with trio.open_nursery() as nursery:
        await nursery.start(started)
        print("READY", port, flush=True)


# ── quest_rt.web with a plain Python handler ─────────────────────────────────


def engine_app(transport: str):
    from quest_rt.web import TransportKind, WebApp

    app = WebApp()
    app.settings.transport = TransportKind(transport)
    app.settings.access_log = False
    registry = app.registry

    def on_connect(conn):
        def on_message(data):
            if isinstance(data, str) and data.startswith(BROADCAST):
                registry.broadcast("/ws", data[len(BROADCAST) :])
            elif isinstance(data, str):
                conn.send_text_nowait(data)
            else:
                conn.send_bytes_nowait(data)

        conn.on_message(on_message)

    app.websocket("/ws", on_connect)
    return app


async def serve_engine(transport: str, port: int) -> None:
    from quest_rt.web import serve

    async with trio.open_nursery() as nursery:
        bound = await nursery.start(
            partial(serve, engine_app(transport), host="127.0.0.1", port=port)
        )
        print("READY", bound, flush=True)


def channels_app():
    from quest_rt.web import WebApp
    from quest_rt.web.channels import ChannelHub, mount

    app = WebApp()
    app.settings.access_log = False
    hub = ChannelHub()

    def bench(channel, topic, params):
        channel.on("ping", lambda payload: payload)
        channel.on("broadcast", lambda payload: hub.broadcast(topic, "b", payload) and None)

    hub.channel("bench:*", bench)
    mount(app, hub)
    return app


async def serve_channels(port: int) -> None:
    from quest_rt.web import serve

    async with trio.open_nursery() as nursery:
        bound = await nursery.start(partial(serve, channels_app(), host="127.0.0.1", port=port))
        print("READY", bound, flush=True)


NULL_PAGE = """<!DOCTYPE html>
<html><head><meta name="csrf-token" content="null-csrf">
<script defer src="/null_live.js"></script></head>
<body><div id="phx-null" data-phx-main data-phx-session="null-session" data-phx-static="">
<div><h1>Count: 0</h1><button phx-click="increment">+</button></div></div></body></html>
"""
NULL_BOOTSTRAP = 'new LiveView.LiveSocket("/live", Phoenix.Socket, {params: {}});'
NULL_STATICS = ["<div><h1>Count: ", '</h1><button phx-click="increment">+</button></div>']


def liveview_null_app():
    import json

    from quest_rt.web import WebApp

    app = WebApp()
    app.settings.access_log = False
    app.route("GET", "/counter", lambda request: {"status": 200, "body": NULL_PAGE})
    app.route(
        "GET",
        "/null_live.js",
        lambda request: {
            "status": 200,
            "body": NULL_BOOTSTRAP,
            "headers": {"Content-Type": "text/javascript"},
        },
    )
    encode = json.JSONEncoder(separators=(",", ":")).encode

    def on_connect(conn):
        count = 0

        def on_message(data):
            nonlocal count
            join_ref, ref, topic, event, payload = json.loads(data)
            if event == "phx_join":
                response = {"rendered": {"0": "0", "s": NULL_STATICS}}
            elif event == "event":
                count += 1
                response = {"diff": {"0": str(count)}}
            else:
                response = {}
            reply = [join_ref, ref, topic, "phx_reply", {"status": "ok", "response": response}]
            conn.send_text_nowait(encode(reply))

        conn.on_message(on_message)

    app.websocket("/live/websocket", on_connect, check_origin=False)
    return app


async def serve_liveview_null(port: int) -> None:
    from quest_rt.web import serve

    async with trio.open_nursery() as nursery:
        bound = await nursery.start(
            partial(serve, liveview_null_app(), host="127.0.0.1", port=port)
        )
        print("READY", bound, flush=True)


def serve_socketio(port: int) -> None:
    import socket

    import socketio
    import uvicorn

    sio = socketio.AsyncServer(async_mode="asgi", ping_interval=600, ping_timeout=600)

    @sio.event
    async def connect(sid, environ):
        await sio.enter_room(sid, "bench")

    @sio.on("ping")
    async def ping(sid, data):
        return data

    @sio.on("broadcast")
    async def broadcast(sid, data):
        await sio.emit("b", data, room="bench")

    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(4096)
    config = uvicorn.Config(socketio.ASGIApp(sio), log_level="warning", backlog=4096)
    print("READY", port, flush=True)
    uvicorn.Server(config).run(sockets=[sock])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "name",
        choices=[
            "bare",
            "engine-direct",
            "engine-hypercorn",
            "channels",
            "socketio",
            "liveview-null",
        ],
    )
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    raise_fd_limit()
    if args.name == "bare":
        trio.run(serve_bare, args.port)
    elif args.name == "socketio":
        serve_socketio(args.port)
    elif args.name == "channels":
        trio.run(serve_channels, args.port)
    elif args.name == "liveview-null":
        trio.run(serve_liveview_null, args.port)
    else:
        trio.run(serve_engine, args.name.removeprefix("engine-"), args.port)


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    main()
