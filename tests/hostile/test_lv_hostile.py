"""The LiveView socket tried as an attacker or a broken client would (issue 9, points 2
and 8, where it differs from the Phoenix socket).

Each row is a real client over loopback against a served Quest app, asserting what
the protocol says (the upgrade's status, the join's reply, ``phx_error``), that a
well-behaved client is served meanwhile, and the process's descriptors (and RSS, for
the rounds of tokens) before and after:

- **origins** (point 2): ``/live/websocket`` refuses a foreign ``Origin`` and ``null``
  with 403 before anything of the socket runs, accepts no ``Origin`` (not a browser)
  and the page's own origin; ``lv.check_origin`` allows an allowlist with wildcards,
  or any origin, whether it is called before or after ``lv.mount``;
- **tokens**: a forged, tampered, expired, foreign or missing session token, and a
  missing or wrong CSRF token, get the join answered ``{"reason": "stale"}`` (the
  client reloads the page for fresh tokens) — a CSRF failure does not refuse the
  upgrade (wire-protocol.md §8.5), since the client would retry it forever;
- **events**: an event for a component id the view does not have gets ``{}`` and one
  log line; a reserved ``lv:`` event crashes that view only (``phx_error``), while
  another view on the same socket and a second client are served.
"""

from __future__ import annotations

import gc
import logging
import socket
import threading
import time

import pytest

from quest_rt.std import web as std_web
from quest_rt.std.web.pubsub import program_pubsub

from .httpclient import fd_count, read_response
from .liveclient import LiveRaw, Page, get_page, served_quest_app
from .test_lv_churn import alive
from .wsclient import proc_status

BOARD = """use "std/web/liveview" as lv
use "std/web/pubsub" as pubsub

let Item = lv.component(fun ()
  fun render(assigns) lv.template("<b phx-click='hit'><%= hits %></b>", assigns) end
  fun handle_event(event, payload, socket) socket.assign("hits", socket.get("hits") + 1) end
  {"state": {"hits": 0}, "render": render, "handle_event": handle_event}
end)

let Board = lv.component(fun ()
  fun render(assigns)
    lv.template("<p><%= n %></p><%= lv.live_component(Item, id: 'a') %>", assigns)
  end
  fun mount(params, session, socket)
    pubsub.subscribe(socket, "board")
    lv.schedule(socket, "late", 600000)
  end
  fun handle_event(event, payload, socket) socket.assign("n", socket.get("n") + 1) end
  {"state": {"n": 0}, "render": render, "mount": mount, "handle_event": handle_event}
end)
"""

APP = BOARD + 'lv.mount("/board", Board)\n'
ALLOWLIST_AFTER_MOUNT = (
    APP + 'lv.check_origin(["https://*.example.com", "http://localhost:4000"])\n'
)
ANY_ORIGIN_BEFORE_MOUNT = BOARD + 'lv.check_origin(false)\nlv.mount("/board", Board)\n'


class LogLines(logging.Handler):
    """Lines the LiveView engine logs (gated on, never slept for)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []
        self._lock = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        with self._lock:
            self.lines.append(record.getMessage())

    def __enter__(self) -> LogLines:
        logger = logging.getLogger("quest_rt.web")
        self._level = logger.level
        logger.setLevel(logging.INFO)  # as `quest serve` logs
        logger.addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        logger = logging.getLogger("quest_rt.web")
        logger.removeHandler(self)
        logger.setLevel(self._level)


def upgrade_status(port: int, page: Page, origin: str | None) -> int:
    """The status of a LiveView upgrade sent by a browser at ``origin`` (None: no
    ``Origin`` header), with the page's cookie and CSRF token."""
    lines = [
        f"GET /live/websocket?_csrf_token={page.csrf}&vsn=2.0.0 HTTP/1.1",
        f"Host: 127.0.0.1:{port}",
        "Upgrade: websocket",
        "Connection: Upgrade",
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
        "Sec-WebSocket-Version: 13",
        f"Cookie: {page.cookie}",
    ]
    if origin is not None:
        lines.append(f"Origin: {origin}")
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        status, _ = read_response(sock)  # a 101 has no body; a 403 is answered whole
    return status


def fds_back_to(fds: int) -> int:
    """The process's descriptor count once it is back to ``fds`` (the server has seen
    every client go); bounded."""
    for _ in range(2000):
        if fd_count() <= fds:
            break
        threading.Event().wait(0.005)
    return fd_count()


def well_behaved(port: int) -> None:
    """A client that loads the page, joins and clicks is served."""
    live = LiveRaw(port, get_page(port, "/board"))
    try:
        join_ref, reply = live.join()
        assert reply["status"] == "ok", reply
        assert live.click(join_ref, "inc")["response"] == {"diff": {"0": "1"}}
    finally:
        live.close()


# ── origins ─────────────────────────────────────────────────────────────────


def test_foreign_and_null_origins_are_refused_on_the_live_socket() -> None:
    with served_quest_app(APP) as (_, server), LogLines() as log:
        port = server.port
        page = get_page(port, "/board")
        fds = fd_count()
        assert upgrade_status(port, page, "http://evil.example") == 403
        assert upgrade_status(port, page, "null") == 403
        assert upgrade_status(port, page, f"http://127.0.0.1:{port + 1}") == 403  # another port
        well_behaved(port)
        assert upgrade_status(port, page, None) == 101  # not a browser
        assert upgrade_status(port, page, f"http://127.0.0.1:{port}") == 101  # the page's own
        refused = [line for line in log.lines if "refused WebSocket upgrade" in line]
        assert len(refused) == 3 and "'http://evil.example'" in refused[0]
        assert fds_back_to(fds) <= fds


def test_lv_check_origin_allowlist_after_mount() -> None:
    with served_quest_app(ALLOWLIST_AFTER_MOUNT) as (_, server):
        port = server.port
        page = get_page(port, "/board")
        assert upgrade_status(port, page, "https://app.example.com") == 101
        assert upgrade_status(port, page, "https://a.b.example.com") == 101
        assert upgrade_status(port, page, "http://localhost:4000") == 101
        assert upgrade_status(port, page, "https://example.com") == 403  # the wildcard is a label
        assert upgrade_status(port, page, "http://app.example.com") == 403  # scheme differs
        assert upgrade_status(port, page, "http://localhost:4001") == 403
        assert upgrade_status(port, page, "https://evilexample.com") == 403
        assert upgrade_status(port, page, "null") == 403
        assert upgrade_status(port, page, f"http://127.0.0.1:{port}") == 101
        well_behaved(port)


def test_lv_check_origin_false_before_mount_allows_any_origin() -> None:
    with served_quest_app(ANY_ORIGIN_BEFORE_MOUNT) as (_, server):
        page = get_page(server.port, "/board")
        assert upgrade_status(server.port, page, "http://evil.example") == 101
        assert upgrade_status(server.port, page, "null") == 101


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ('lv.check_origin([""])', "lv.check_origin: check_origin entries are origins"),
        ('lv.check_origin(["https://"])', "lv.check_origin: check_origin entry has no host"),
        ("lv.check_origin([1])", "lv.check_origin expects a Str origin, got Int"),
        ('lv.check_origin("yes")', "lv.check_origin expects a Bool or an Array, got Str"),
    ],
)
def test_a_bad_check_origin_is_a_quest_error(call: str, message: str) -> None:
    from quest_rt.runtime import loader

    std_web.STATE = None
    source = 'use "std/web/liveview" as lv\n' + call + "\n"
    try:
        with pytest.raises(Exception) as raised:
            loader.run_code(
                loader.compile_source(source, "<check-origin>").code,
                loader.new_namespace("<check-origin>"),
            )
        assert type(raised.value).__name__ in ("ValueErr", "TypeErr")
        assert message in str(raised.value)
    finally:
        std_web.STATE = None


# ── tokens ──────────────────────────────────────────────────────────────────


def bad_sessions(page: Page) -> dict[str, str | None]:
    head, body, mac = page.session.split(".")
    signer = std_web.state().liveview.signer
    expired = signer.sign("lv:session", {"id": page.view_id, "s": {}}, now=time.time() - 15 * 86400)
    return {
        "forged": f"{head}.{body}.{mac[:-2]}AA",
        "tampered": f"{head}.{body[:-2]}AA.{mac}",
        "expired": expired,
        "foreign": signer.sign("lv:session", {"id": "phx-someoneelse", "s": {}}),
        "garbage": "x" * 10_000,
        "missing": None,
    }


def test_bad_session_and_csrf_tokens_get_stale_and_cost_nothing() -> None:
    with served_quest_app(APP) as (_, server):
        port = server.port
        page = get_page(port, "/board")
        good = LiveRaw(port, page)
        good_ref, reply = good.join()
        assert reply["status"] == "ok"
        gc.collect()
        before, fds, rss = alive(), fd_count(), proc_status()["VmRSS"]
        subscriptions = program_pubsub().statistics().subscriptions
        for _ in range(20):
            live = LiveRaw(port, page)
            for name, session in bad_sessions(page).items():
                _, reply = live.join(session=session)
                assert reply == {"status": "error", "response": {"reason": "stale"}}, name
            live.close()
            # a CSRF failure is accepted at the upgrade, then every join is stale
            for csrf, cookie in (
                ("not-the-token", page.cookie),
                ("", page.cookie),
                (page.csrf, ""),
            ):
                live = LiveRaw(port, Page(**{**page.__dict__, "cookie": cookie}), csrf=csrf)
                _, reply = live.join()
                assert reply == {"status": "error", "response": {"reason": "stale"}}, csrf
                live.close()
            assert good.click(good_ref, "inc")["status"] == "ok"  # served meanwhile
        good.close()
        assert before == {"View": 2, "ChannelHost": 1, "Channel": 1, "WebSocketConnection": 1}
        for _ in range(2000):  # bounded: the server frees each connection as it closes
            if alive() == dict.fromkeys(before, 0):
                break
            threading.Event().wait(0.005)
        assert alive() == dict.fromkeys(before, 0)
        assert fds_back_to(fds) <= fds
        assert program_pubsub().statistics().subscriptions == subscriptions - 1
        grown = proc_status()["VmRSS"] - rss
        assert grown < 16 * 1024, f"RSS grew by {grown} kB over 160 refused sockets"


def test_a_url_that_cannot_be_parsed_is_unauthorized_not_a_crash() -> None:
    with served_quest_app(APP) as (_, server), LogLines() as log:
        page = get_page(server.port, "/board")
        live = LiveRaw(server.port, page)
        _, reply = live.join(url="http://[")
        assert reply == {"status": "error", "response": {"reason": "unauthorized"}}
        live.close()
        assert not [line for line in log.lines if "failed" in line]


# ── events ──────────────────────────────────────────────────────────────────


def test_an_event_for_an_unknown_component_gets_nothing_and_a_log_line() -> None:
    with served_quest_app(APP) as (_, server), LogLines() as log:
        live = LiveRaw(server.port, get_page(server.port, "/board"))
        join_ref, _ = live.join()
        assert live.click(join_ref, "hit", cid=1)["response"] == {"diff": {"c": {"1": {"0": "1"}}}}
        assert live.click(join_ref, "hit", cid=99) == {"status": "ok", "response": {}}
        lines = [line for line in log.lines if "which this view does not have" in line]
        assert len(lines) == 1 and "'hit'" in lines[0] and " 99" in lines[0]
        assert live.click(join_ref, "inc")["response"] == {"diff": {"0": "1"}}
        live.close()


def test_a_reserved_event_crashes_only_that_view_while_others_are_served() -> None:
    with served_quest_app(APP) as (_, server), LogLines() as log:
        port = server.port
        first = get_page(port, "/board")
        second = get_page(port, "/board", first.cookie)  # another view, same browser
        live = LiveRaw(port, first)
        ref1, _ = live.join()
        topic2 = "lv:" + second.view_id
        ref2 = live.next_ref()
        live.send(
            ref2,
            ref2,
            topic2,
            "phx_join",
            {"url": second.url, "session": second.session, "params": {}},
        )
        assert live.wait_reply(ref2)["status"] == "ok"
        other = LiveRaw(port, get_page(port, "/board"))
        other_ref, _ = other.join()

        live.send(
            ref1,
            live.next_ref(),
            live.topic,
            "event",
            {"type": "click", "event": "lv:foo", "value": {}},
        )
        error = live.next("phx_error")
        assert (error[0], error[2], error[4]) == (ref1, live.topic, {"reason": "channel_crash"})
        assert any("reserved event name 'lv:foo'" in line for line in log.lines)
        # the other view on the same socket, and another client, go on
        ref = live.next_ref()
        live.send(ref2, ref, topic2, "event", {"type": "click", "event": "inc", "value": {}})
        assert live.wait_reply(ref)["response"] == {"diff": {"0": "1"}}
        assert other.click(other_ref, "inc")["response"] == {"diff": {"0": "1"}}
        # and the crashed one remounts on rejoin, afresh
        ref1, reply = live.join()
        assert reply["status"] == "ok" and reply["response"]["rendered"]["0"] == "0"
        other.close()
        live.close()
