"""The counter of QEP-054 block 12 as a pyview-web 0.9.0 app: bench/liveview.py's baseline.

Same markup and events as bench/apps/lv_counter.q (the template is pyview_counter.html
beside this file, found by pyview's naming rule), set up and served the way pyview's
README and examples do it: a ``PyView`` app with the package's static assets mounted,
run by uvicorn with its defaults (``uvicorn[standard]``: uvloop, httptools, websockets)::

    uvicorn --app-dir bench/apps pyview_counter:app --port 8000
"""

from __future__ import annotations

from typing import TypedDict

from pyview import LiveView, LiveViewSocket, PyView
from starlette.staticfiles import StaticFiles


class CountContext(TypedDict):
    count: int


class CounterLiveView(LiveView[CountContext]):
    async def mount(self, socket: LiveViewSocket[CountContext], session):
        socket.context = {"count": 0}

    async def handle_event(self, event, payload, socket: LiveViewSocket[CountContext]):
        if event == "increment":
            socket.context["count"] += 1
        elif event == "decrement":
            socket.context["count"] -= 1
        elif event == "reset":
            socket.context["count"] = 0


app = PyView()
app.mount("/static", StaticFiles(packages=[("pyview", "static")]), name="static")
app.add_live_view("/counter", CounterLiveView)
