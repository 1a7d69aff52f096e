"""The LiveView session over a real socket (issue 8, points 1, 2, 4, 5, 7): a Quest app
served by the engine, driven by a Phoenix client speaking the protocol as the official
LiveView client does (wire-protocol.md §6–8), frame by frame."""

from __future__ import annotations

import itertools
import time

import pytest
import trio

from quest_rt.runtime import loader
from quest_rt.std import web as std_web
from quest_rt.std.web.pubsub import program_pubsub

from .lvclient import LiveClient, get_page

_counter = itertools.count()

APP = """
use "std/web/liveview" as lv
use "std/web/pubsub" as pubsub

let ended = []

let Counter = lv.component(fun ()
  fun render(assigns)
    lv.template("<h1>Count: <%= count %></h1><p><%= note %></p><i><%= page %></i>", assigns)
  end
  fun mount(params, session, socket)
    socket.assign("who", session["user"])
    pubsub.subscribe(socket, "counters")
    lv.schedule(socket, "late", 600000)
  end
  fun handle_params(params, url, socket)
    socket.assign("page", params["page"])
  end
  fun handle_event(event, payload, socket)
    if event == "inc"
      socket.assign("count", socket.get("count") + 1)
    elif event == "boom"
      raise RuntimeErr.new("boom in handle_event")
    elif event == "shout"
      pubsub.broadcast("counters", "shout", {"text": payload["text"]})
    elif event == "go"
      socket.redirect("/elsewhere")
    elif event == "nav"
      socket.push_navigate("/other/7")
    elif event == "patch"
      socket.push_patch("/counter?page=2")
    elif event == "soon"
      lv.schedule(socket, "tick", 1)
    elif event == "title"
      socket.assign("page_title", "Count " .. socket.get("count"))
    elif event == "who"
      socket.assign("note", socket.get("who"))
    elif event == "ping"
      socket.push_event("pong", {"n": 1})
    elif event == "form"
      socket.assign("note", payload["user"]["email"] .. " " .. payload["_target"].join("."))
    end
  end
  fun handle_info(msg, socket)
    if msg == "tick"
      socket.assign("note", "ticked")
    elif msg["event"] == "ended"
      socket.assign("note", "ended: " .. msg["payload"]["reason"])
    else
      socket.assign("note", msg["payload"]["text"])
    end
  end
  fun terminate(reason, socket)
    ended.push(reason)
    pubsub.broadcast("watch", "ended", {"reason": reason})
  end
  {"state": {"count": 0, "note": "", "page": nil}, "render": render, "mount": mount,
   "handle_params": handle_params, "handle_event": handle_event,
   "handle_info": handle_info, "terminate": terminate}
end)

let Watcher = lv.component(fun ()
  fun render(assigns) lv.template("<p><%= note %></p>", assigns) end
  fun mount(params, session, socket) pubsub.subscribe(socket, "watch") end
  fun handle_info(msg, socket) socket.assign("note", msg["payload"]["reason"]) end
  {"state": {"note": ""}, "render": render, "mount": mount, "handle_info": handle_info}
end)

let Other = lv.component(fun ()
  fun render(assigns) lv.template("<p>other <%= id %></p>", assigns) end
  fun mount(params, session, socket) socket.assign("id", params["id"]) end
  {"state": {"id": ""}, "render": render, "mount": mount}
end)

let Item = lv.component(fun ()
  fun render(assigns) lv.template("<li><button phx-click='hit'><%= hits %></button></li>", assigns) end
  fun handle_event(event, payload, socket) socket.assign("hits", socket.get("hits") + 1) end
  {"state": {"hits": 0}, "render": render, "handle_event": handle_event}
end)

let List = lv.component(fun ()
  fun render(assigns)
    lv.template("<ul><%= lv.live_component(Item, id: 'a') %><%= lv.live_component(Item, id: 'b') %></ul>", assigns)
  end
  {"render": render}
end)

lv.session_from(fun (request) {"user": request["query"].get("user")} end)
lv.mount("/counter", Counter)
lv.mount("/watch", Watcher)
lv.mount("/other/:id", Other)
lv.mount("/list", List)
"""


def quest_app() -> dict:
    std_web.STATE = None
    namespace = loader.new_namespace(f"<lv-session-{next(_counter)}>")
    loader.run_code(loader.compile_source(APP, f"<lv-app-{next(_counter)}>").code, namespace)
    std_web.state().namespace = namespace
    return namespace


@pytest.fixture
async def served(start_server):
    namespace = quest_app()
    port = await start_server(std_web.state().app)
    return namespace, port


async def page(port: int, path: str):
    return await trio.to_thread.run_sync(get_page, port, path)


async def open_view(nursery, port: int, path: str = "/counter"):
    p = await page(port, path)
    client = await LiveClient.connect(nursery, port, p)
    join_ref, reply = await client.join(p)
    return client, p, join_ref, reply


def topic_of(p) -> str:
    return "lv:" + p.view_id


# ── the page and the join ────────────────────────────────────────────────────


async def test_the_page_holds_the_render_and_what_the_client_needs(served):
    _, port = served
    p = await page(port, "/counter?user=ann")
    assert p.status == 200
    assert "<h1>Count: 0</h1>" in p.html
    assert p.view_id.startswith("phx-") and len(p.view_id) == 15
    for src in (
        "/assets/phoenix.min.js",
        "/assets/phoenix_live_view.min.js",
        "/assets/quest_live.js",
    ):
        assert f'<script defer src="{src}"></script>' in p.html
    assert "_quest_csrf=" in p.cookie
    for src in ("/assets/phoenix.min.js", "/assets/quest_live.js"):
        assert (await page(port, src)).status == 200


async def test_the_dead_render_keeps_no_subscription_and_no_timer(served):
    _, port = served
    before = program_pubsub().statistics().subscriptions
    for _ in range(3):
        assert (await page(port, "/counter")).status == 200
    assert program_pubsub().statistics().subscriptions == before


async def test_join_renders_and_a_click_sends_only_the_changed_value(served, nursery):
    _, port = served
    client, p, join_ref, reply = await open_view(nursery, port, "/counter?user=ann")
    assert reply["status"] == "ok"
    response = reply["response"]
    assert response["liveview_version"] == "1.2.12"
    assert response["rendered"]["s"] == ["<h1>Count: ", "</h1><p>", "</p><i>", "</i>"]
    assert response["rendered"]["0"] == "0"
    click = await client.event(join_ref, topic_of(p), "inc")
    assert click == {"status": "ok", "response": {"diff": {"0": "1"}}}
    nothing = await client.event(join_ref, topic_of(p), "unknown-event")
    assert nothing == {"status": "ok", "response": {}}


async def test_forms_are_decoded_with_nested_names_and_target(served, nursery):
    _, port = served
    client, p, join_ref, _ = await open_view(nursery, port)
    reply = await client.event(
        join_ref,
        topic_of(p),
        "form",
        "user%5Bemail%5D=a%40b.c&user%5B_unused_name%5D=&user%5Bname%5D=",
        type="form",
        meta={"_target": "user[email]"},
    )
    assert reply["response"] == {"diff": {"1": "a@b.c user.email"}}


# ── refusals (wire-protocol §8.5) ────────────────────────────────────────────


async def test_forged_tampered_foreign_and_expired_sessions_are_stale(served, nursery):
    namespace, port = served
    p = await page(port, "/counter")
    client = await LiveClient.connect(nursery, port, p)
    head, body, mac = p.session.split(".")
    signer = std_web.state().liveview.signer
    old = signer.sign("lv:session", {"id": p.view_id, "s": {}}, now=time.time() - 15 * 24 * 3600)
    other = signer.sign("lv:session", {"id": "phx-someoneelse", "s": {}})
    for session in (
        f"{head}.{body}.{mac[:-2]}AA",  # forged signature
        f"{head}.{body[:-2]}AA.{mac}",  # tampered payload
        old,  # expired (14 days)
        other,  # signed for another view id
        "garbage",
    ):
        _, reply = await client.join(p, session=session)
        assert reply == {"status": "error", "response": {"reason": "stale"}}, session


async def test_a_bad_csrf_token_connects_but_every_join_is_stale(served, nursery):
    _, port = served
    p = await page(port, "/counter")
    client = await LiveClient.connect(nursery, port, p, csrf="not-the-token")
    _, reply = await client.join(p)
    assert reply == {"status": "error", "response": {"reason": "stale"}}
    no_cookie = await LiveClient.connect(nursery, port, type(p)(**{**p.__dict__, "cookie": ""}))
    _, reply = await no_cookie.join(p)
    assert reply["response"] == {"reason": "stale"}


async def test_a_url_that_is_not_a_liveview_is_unauthorized(served, nursery):
    _, port = served
    p = await page(port, "/counter")
    client = await LiveClient.connect(nursery, port, p)
    _, reply = await client.join(p, url=f"http://127.0.0.1:{port}/nowhere")
    assert reply == {"status": "error", "response": {"reason": "unauthorized"}}


# ── crashes, leaving, terminate ──────────────────────────────────────────────


async def test_a_crash_ends_that_view_only_and_the_client_remounts(served, nursery):
    namespace, port = served
    client, p, join_ref, _ = await open_view(nursery, port)
    other, op, other_ref, _ = await open_view(nursery, port)
    await client.event(join_ref, topic_of(p), "inc")
    await client.phx.send(
        join_ref,
        client.phx.next_ref(),
        topic_of(p),
        "event",
        {"type": "click", "event": "boom", "value": {"value": ""}},
    )
    error = await client.phx.next("phx_error")
    assert error[0] == join_ref and error[2] == topic_of(p)
    assert "crash" in namespace["ended"]
    # the other view is untouched
    assert (await other.event(other_ref, topic_of(op), "inc"))["response"] == {"diff": {"0": "1"}}
    # a rejoin mounts afresh
    _, reply = await client.join(p)
    assert reply["status"] == "ok" and reply["response"]["rendered"]["0"] == "0"


async def test_reserved_lv_events_crash_except_clear_flash(served, nursery):
    _, port = served
    client, p, join_ref, _ = await open_view(nursery, port)
    assert (await client.event(join_ref, topic_of(p), "lv:clear-flash"))["response"] == {}
    await client.phx.send(
        join_ref,
        client.phx.next_ref(),
        topic_of(p),
        "event",
        {"type": "click", "event": "lv:nope", "value": {}},
    )
    assert (await client.phx.next("phx_error"))[2] == topic_of(p)


async def test_terminate_runs_on_leave_and_on_close(served, nursery):
    namespace, port = served
    watcher, wp, _, _ = await open_view(nursery, port, "/watch")
    client, p, join_ref, _ = await open_view(nursery, port)
    leave = await client.phx.push(join_ref, topic_of(p), "phx_leave", {})
    assert leave == {"status": "ok", "response": {}}
    diff = await watcher.phx.next("diff")
    assert diff[4] == {"0": "leave"}
    client2, p2, _, _ = await open_view(nursery, port)
    await client2.close()
    diff = await watcher.phx.next("diff")
    assert diff[4] == {"0": "close"}
    assert namespace["ended"] == ["leave", "close"]


# ── handle_info: PubSub and timers ───────────────────────────────────────────


async def test_a_broadcast_reaches_every_view_including_the_sender_after_its_reply(served, nursery):
    _, port = served
    a, pa, ra, _ = await open_view(nursery, port)
    b, pb, _, _ = await open_view(nursery, port)
    ref = a.phx.next_ref()
    await a.phx.send(
        ra,
        ref,
        topic_of(pa),
        "event",
        {"type": "click", "event": "shout", "value": {"text": "hi all"}},
    )
    first = await a.phx.read()
    assert first[3] == "phx_reply" and first[1] == ref  # the reply comes first
    second = await a.phx.read()
    assert second[:4] == [ra, None, topic_of(pa), "diff"] and second[4] == {"1": "hi all"}
    pushed = await b.phx.next("diff")
    assert pushed[4] == {"1": "hi all"}


async def test_lv_schedule_delivers_once_and_the_change_is_pushed(served, nursery):
    _, port = served
    client, p, join_ref, _ = await open_view(nursery, port)
    assert (await client.event(join_ref, topic_of(p), "soon"))["response"] == {}
    pushed = await client.phx.next("diff")
    assert pushed[4] == {"1": "ticked"}


# ── navigation, title, pushed events ─────────────────────────────────────────


async def test_redirect_answers_with_the_target_then_closes_the_view(served, nursery):
    namespace, port = served
    client, p, join_ref, _ = await open_view(nursery, port)
    reply = await client.event(join_ref, topic_of(p), "go")
    assert reply["response"] == {"redirect": {"to": "/elsewhere"}}
    closed = await client.phx.next("phx_close")
    assert closed[2] == topic_of(p)
    assert namespace["ended"] == ["redirect"]


async def test_push_navigate_then_the_client_joins_the_same_topic_for_the_new_url(served, nursery):
    _, port = served
    client, p, join_ref, _ = await open_view(nursery, port)
    reply = await client.event(join_ref, topic_of(p), "nav")
    assert reply["response"] == {"live_redirect": {"to": "/other/7", "kind": "push"}}
    await client.phx.next("phx_close")
    _, joined = await client.join(p, url=None, redirect=f"http://127.0.0.1:{port}/other/7")
    assert joined["status"] == "ok"
    assert joined["response"]["rendered"] == {"0": "7", "s": ["<p>other ", "</p>"]}


async def test_push_patch_pushes_live_patch_then_replies_with_the_params_diff(served, nursery):
    _, port = served
    client, p, join_ref, _ = await open_view(nursery, port)
    ref = client.phx.next_ref()
    await client.phx.send(
        join_ref, ref, topic_of(p), "event", {"type": "click", "event": "patch", "value": {}}
    )
    patch = await client.phx.read()
    assert patch[3] == "live_patch" and patch[4] == {"to": "/counter?page=2", "kind": "push"}
    reply = await client.phx.wait_reply(ref)
    assert reply["response"] == {"diff": {"2": "2"}}
    # a patch link from the client: handle_params again; another view's URL: link_redirect
    back = await client.phx.push(
        join_ref, topic_of(p), "live_patch", {"url": f"http://127.0.0.1:{port}/counter?page=3"}
    )
    assert back["response"] == {"diff": {"2": "3"}}
    away = await client.phx.push(
        join_ref, topic_of(p), "live_patch", {"url": f"http://127.0.0.1:{port}/other/1"}
    )
    assert away["response"] == {"link_redirect": True}


async def test_page_title_and_push_event_travel_in_the_diff(served, nursery):
    _, port = served
    client, p, join_ref, _ = await open_view(nursery, port)
    assert (await client.event(join_ref, topic_of(p), "title"))["response"] == {
        "diff": {"t": "Count 0"}
    }
    pong = await client.event(join_ref, topic_of(p), "ping")
    assert pong["response"] == {"diff": {"e": [["pong", {"n": 1}]]}}


# ── live components ──────────────────────────────────────────────────────────


async def test_components_get_their_events_by_cid_and_are_destroyed_when_the_client_says(
    served, nursery
):
    _, port = served
    client, p, join_ref, reply = await open_view(nursery, port, "/list")
    rendered = reply["response"]["rendered"]
    assert rendered["0"] == 1 and rendered["1"] == 2
    assert rendered["c"]["1"]["r"] == 1
    assert "<button phx-target=\"1\" phx-click='hit'>" in rendered["c"]["1"]["s"][0]
    hit = await client.event(join_ref, topic_of(p), "hit", cid=2)
    assert hit["response"] == {"diff": {"c": {"2": {"0": "1"}}}}
    unknown = await client.event(join_ref, topic_of(p), "hit", cid=99)
    assert unknown["response"] == {}
    gone = await client.phx.push(join_ref, topic_of(p), "cids_destroyed", {"cids": [1, 42]})
    assert gone["response"] == {"cids": [1]}
    assert (await client.event(join_ref, topic_of(p), "hit", cid=1))["response"] == {}


async def test_session_from_reaches_the_connected_mount(served, nursery):
    _, port = served
    client, p, join_ref, _ = await open_view(nursery, port, "/counter?user=bea")
    # the session travelled in the signed token: the connected mount saw it too
    who = await client.event(join_ref, topic_of(p), "who")
    assert who["response"] == {"diff": {"1": "bea"}}
