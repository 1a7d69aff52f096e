"""A closed LiveView connection is freed by reference counting (issue 9, point 3).

The LiveView socket under the rule ``test_ws_churn.py`` checks for Layer 1 and the
Phoenix socket: with the cyclic collector disabled, a connection whose view was
joined, subscribed to a PubSub topic and had an ``lv.schedule`` timer pending is gone
— the connection, its view, the view's channel and host, the Quest socket and the
component's state — as soon as it closes. Objects without weak references are
counted through ``gc.get_objects()``, which lists what the collector tracks whether
or not it runs.
"""

from __future__ import annotations

import gc
import threading
import weakref

import pytest

from quest_rt.std.web.pubsub import program_pubsub
from quest_rt.web import WebSocketConnection
from quest_rt.web.channels.channel import Channel
from quest_rt.web.liveview.session import ChannelHost
from quest_rt.web.liveview.view import View

from .liveclient import LiveRaw, get_page, served_quest_app

APP = """use "std/web/liveview" as lv
use "std/web/pubsub" as pubsub

let ended = []

let Item = lv.component(fun ()
  fun render(assigns) lv.template("<li phx-click='hit'><%= hits %></li>", assigns) end
  fun handle_event(event, payload, socket) socket.assign("hits", socket.get("hits") + 1) end
  {"state": {"hits": 0}, "render": render, "handle_event": handle_event}
end)

let Board = lv.component(fun ()
  let seen = []
  fun render(assigns)
    lv.template("<p><%= note %></p><ul><%= lv.live_component(Item, id: 'a') %></ul>", assigns)
  end
  fun mount(params, session, socket)
    socket.set("me", socket)
    pubsub.subscribe(socket, "board")
    lv.schedule(socket, "late", 600000)
  end
  fun handle_event(event, payload, socket)
    seen.push(socket)
    socket.assign("note", event)
  end
  fun handle_info(msg, socket)
    socket.assign("note", msg["payload"]["text"])
  end
  fun terminate(reason, socket)
    ended.push(reason)
  end
  {"state": {"note": ""}, "render": render, "mount": mount, "handle_event": handle_event,
   "handle_info": handle_info, "terminate": terminate}
end)

lv.mount("/board", Board)
"""

TRACKED = (View, ChannelHost, Channel, WebSocketConnection)


def alive() -> dict[str, int]:
    """How many objects of each tracked kind exist (collected or not)."""
    counts = {kind.__name__: 0 for kind in TRACKED}
    for obj in gc.get_objects():
        if type(obj) in TRACKED:
            counts[type(obj).__name__] += 1
    return counts


@pytest.mark.parametrize("ending", ["close", "leave", "crash"])
def test_a_closed_liveview_connection_is_freed_without_the_collector(ending: str) -> None:
    with served_quest_app(APP) as (namespace, server):
        page = get_page(server.port, "/board")
        pubsub = program_pubsub()
        gc.collect()
        before = alive()
        subscriptions = pubsub.statistics().subscriptions
        gc.disable()
        try:
            live = LiveRaw(server.port, page)
            join_ref, reply = live.join()
            assert reply["status"] == "ok"
            assert live.click(join_ref, "poke")["response"]["diff"]["0"] == "poke"
            assert live.click(join_ref, "hit", cid=1)["response"] == {
                "diff": {"c": {"1": {"0": "1"}}}
            }
            pubsub.broadcast("board", "say", {"text": "hello"})
            assert live.next("diff")[4] == {"0": "hello"}
            assert pubsub.statistics().subscriptions == subscriptions + 1
            views = [weakref.ref(obj) for obj in gc.get_objects() if type(obj) is View]
            conns = [weakref.ref(c) for c in server_connections(server)]
            assert len(views) == 2 and len(conns) == 1  # the view and its component
            if ending == "leave":
                assert live.push(join_ref, "phx_leave", {})["status"] == "ok"
            elif ending == "crash":
                live.send(
                    join_ref,
                    live.next_ref(),
                    live.topic,
                    "event",
                    {"type": "click", "event": "lv:x"},
                )
                assert live.next("phx_error")[2] == live.topic
            live.close()
            refs = views + conns
            for _ in range(2000):  # bounded: the server's task ends right after on_close
                if all(ref() is None for ref in refs) and alive() == before:
                    break
                threading.Event().wait(0.005)
            assert [ref() for ref in refs] == [None] * len(refs)
            assert alive() == before
            assert pubsub.statistics().subscriptions == subscriptions
            assert namespace["ended"] == [
                {"close": "close", "leave": "leave", "crash": "crash"}[ending]
            ]
        finally:
            gc.enable()


def server_connections(server) -> list[WebSocketConnection]:
    return [obj for obj in gc.get_objects() if type(obj) is WebSocketConnection]
