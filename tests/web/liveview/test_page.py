"""The dead render (issue 8, point 2): an app's own layout and head, the title from
``page_title``, params from the path and the query, a redirect from ``mount``."""

from __future__ import annotations

import itertools

import trio

from quest_rt.runtime import loader
from quest_rt.std import web as std_web

from .lvclient import get_page

_counter = itertools.count()

APP = """
use "std/web/liveview" as lv

lv.head("<link rel=\\"stylesheet\\" href=\\"/app.css\\">")
lv.layout(fun (page)
  lv.template(\"\"\"<!DOCTYPE html><html><head><title>App · <%= title %></title><%= head %></head>
<body><nav>menu</nav><%= body %></body></html>\"\"\", page)
end)

let Show = lv.component(fun ()
  fun render(assigns) lv.template("<p><%= id %> <%= sort %></p>", assigns) end
  fun mount(params, session, socket)
    if params["id"] == "secret"
      socket.redirect("/login")
    end
    socket.assign("id", params["id"])
    socket.assign("sort", params["sort"])
    socket.assign("page_title", "Item " .. params["id"])
  end
  {"state": {"sort": nil}, "render": render, "mount": mount}
end)
lv.mount("/items/:id", Show)
"""


def quest_app():
    std_web.STATE = None
    namespace = loader.new_namespace(f"<lv-page-{next(_counter)}>")
    loader.run_code(loader.compile_source(APP, f"<lv-page-src-{next(_counter)}>").code, namespace)
    std_web.state().namespace = namespace
    return std_web.state().app


async def test_the_apps_layout_wraps_the_view_with_the_head_and_title(start_server):
    port = await start_server(quest_app())
    page = await trio.to_thread.run_sync(get_page, port, "/items/42?sort=asc")
    assert page.status == 200
    html = page.html
    assert html.startswith("<!DOCTYPE html><html><head><title>App · Item 42</title>")
    assert (
        '<link rel="stylesheet" href="/app.css">\n<script defer src="/assets/phoenix.min.js">'
        in html
    )
    assert '<body><nav>menu</nav><div id="phx-' in html
    assert "<p>42 asc</p></div></body></html>" in html
    assert page.csrf and page.session


async def test_a_redirect_during_the_dead_mount_is_a_302(start_server):
    port = await start_server(quest_app())

    def fetch():
        import http.client

        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/items/secret")
        response = conn.getresponse()
        return response.status, response.getheader("Location")

    assert await trio.to_thread.run_sync(fetch) == (302, "/login")
