"""What an open, idle connection keeps on the direct transport (issue 8: memory per
joined LiveView): one task, no greenback portal, nothing of its upgrade request's
parsing, and no wsproto parser while every frame takes the fast path. Each of these
used to cost 1–7 KB of RSS per connection."""

from __future__ import annotations

import gc

import greenback
import h11
import trio
import trio.testing
import wsproto.connection
from trio_websocket import open_websocket_url

from quest_rt.web import WebApp
from quest_rt.web.channels import ChannelHub, mount

from .channels.phx import Phx

CONNECTIONS = 5


def tasks() -> int:
    """Every task of the current run."""

    def count(task: trio.lowlevel.Task) -> int:
        return 1 + sum(count(child) for n in task.child_nurseries for child in n.child_tasks)

    root = trio.lowlevel.current_root_task()
    assert root is not None
    return count(root)


def parsers() -> tuple[int, int]:
    """h11 and wsproto parsers alive on the server side (the clients keep theirs);
    collected first, so that garbage of an earlier test is not counted."""
    gc.collect()
    objects = gc.get_objects()
    return (
        sum(isinstance(o, h11.Connection) and o.our_role is h11.SERVER for o in objects),
        sum(isinstance(o, wsproto.connection.Connection) and not o.client for o in objects),
    )


async def test_an_idle_websocket_costs_one_task_and_no_portal_or_parsers(
    http_app: WebApp, start_server
):
    app = http_app  # the default, direct transport
    app.websocket("/ws", lambda conn: conn.on_message(conn.send_text_nowait))
    port = await start_server(app)
    async with trio.open_nursery() as nursery:
        await trio.testing.wait_all_tasks_blocked()
        before, parsers_before = tasks(), parsers()
        clients = []
        for _ in range(CONNECTIONS):
            ws = await nursery.start(_client, port)
            await ws.send_message("hi")
            assert await ws.get_message() == "hi"
            clients.append(ws)
        await trio.testing.wait_all_tasks_blocked()
        client_tasks = 2  # _client and trio_websocket's reader
        # + 1: the timers task, started by the first connection and shared by all.
        assert tasks() - before == CONNECTIONS * (1 + client_tasks) + 1
        assert len(greenback._impl.task_portals) == 0
        assert parsers() == parsers_before
        nursery.cancel_scope.cancel()


async def test_an_idle_channel_socket_costs_one_task(http_app: WebApp, start_server, nursery):
    mount(http_app, ChannelHub())
    port = await start_server(http_app)
    await trio.testing.wait_all_tasks_blocked()
    before = tasks()
    for _ in range(CONNECTIONS):
        phx = await Phx.connect(nursery, port)
        assert (await phx.push(None, "phoenix", "heartbeat"))["status"] == "ok"
    await trio.testing.wait_all_tasks_blocked()
    # The server's task and trio_websocket's reader per socket; the timers task, once.
    assert tasks() - before == CONNECTIONS * (1 + 1) + 1
    assert len(greenback._impl.task_portals) == 0


async def _client(port: int, task_status: trio.TaskStatus) -> None:
    async with open_websocket_url(f"ws://127.0.0.1:{port}/ws") as ws:
        task_status.started(ws)
        await trio.sleep_forever()
