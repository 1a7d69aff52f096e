"""HTTP through the language spec §12 pipeline, with a real h11 client on port 0."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import greenback
import pytest
import trio
import trio.testing

from quest_rt.web import TransportKind, WebApp

from .clients import http_request, raw_http


async def test_request_dict_has_every_field_of_the_spec(http_app, start_server):
    seen = {}

    def handle(request):
        seen.update(request)
        return {"status": 200, "body": "ok"}

    http_app.handle_request = handle
    port = await start_server(http_app)
    response = await http_request(
        port,
        "POST",
        "/search/a%20b?q=a%20b&x&q2=1&q2=2",
        headers={
            "User-Agent": "test-agent",
            "Referer": "http://example/",
            "Content-Type": "text/plain",
            "Cookie": 'sid=abc; theme="dark"',
            "X-Custom": "Value",
        },
        body="héllo \xff".encode("latin-1"),
    )
    assert response.status == 200
    assert seen["method"] == "POST"
    assert seen["path"] == "/search/a%20b"
    assert seen["query_string"] == "q=a%20b&x&q2=1&q2=2"
    assert seen["query"] == {"q": "a b", "x": "", "q2": "2"}
    assert seen["headers"]["x-custom"] == "Value"
    assert all(name == name.lower() for name in seen["headers"])
    assert seen["cookies"] == {"sid": "abc", "theme": "dark"}
    assert seen["body"] == "h\ufffdllo \ufffd"  # invalid UTF-8 replaced
    assert seen["client_ip"] == "127.0.0.1"
    assert seen["version"] == "HTTP/1.1"
    assert seen["scheme"] == "http"
    assert seen["host"] == f"127.0.0.1:{port}"
    assert seen["user_agent"] == "test-agent"
    assert seen["referer"] == "http://example/"
    assert seen["content_type"] == "text/plain"
    assert seen["content_length"] == 7
    assert seen["params"] == {}


async def test_absent_optional_headers_are_empty_strings_and_zero(http_app, start_server):
    seen = {}
    http_app.handle_request = lambda request: seen.update(request) or {"status": 204}
    port = await start_server(http_app)
    await http_request(port, "GET", "/")
    assert (seen["user_agent"], seen["referer"], seen["content_type"]) == ("", "", "")
    assert seen["content_length"] == 0
    assert seen["query"] == {} and seen["query_string"] == "" and seen["body"] == ""


async def test_str_body_defaults_to_html_utf8_and_headers_are_honoured(http_app, start_server):
    def handle(request):
        if request["path"] == "/bytes":
            return {"status": 201, "body": b"\x89PNG", "headers": {"Content-Type": "image/png"}}
        return {"status": 200, "body": "<p>é</p>", "headers": {"X-Thing": "1"}}

    http_app.handle_request = handle
    port = await start_server(http_app)
    page = await http_request(port, "GET", "/")
    assert page.status == 200
    assert page.header("content-type") == "text/html; charset=utf-8"
    assert page.header("x-thing") == "1"
    assert page.text == "<p>é</p>"
    assert page.header("content-length") == str(len("<p>é</p>".encode()))
    raw = await http_request(port, "GET", "/bytes")
    assert (raw.status, raw.body, raw.header("content-type")) == (201, b"\x89PNG", "image/png")


async def test_json_key_replaces_body_with_compact_sorted_json(http_app, start_server):
    http_app.handle_request = lambda request: {"status": 200, "json": {"b": [1, None], "a": "é"}}
    port = await start_server(http_app)
    response = await http_request(port, "GET", "/api")
    assert response.header("content-type") == "application/json"
    assert response.text == '{"a":"é","b":[1,null]}'
    assert json.loads(response.text) == {"a": "é", "b": [1, None]}


async def test_cookies_become_set_cookie_headers_with_attributes(http_app, start_server):
    http_app.handle_request = lambda request: {
        "status": 200,
        "body": "",
        "cookies": {
            "plain": "v1",
            "sid": {
                "value": "abc",
                "max_age": 3600,
                "path": "/",
                "domain": "example.com",
                "secure": True,
                "http_only": True,
                "same_site": "Lax",
            },
        },
    }
    port = await start_server(http_app)
    response = await http_request(port, "GET", "/")
    assert sorted(response.header_all("set-cookie")) == [
        "plain=v1",
        "sid=abc; Max-Age=3600; Path=/; Domain=example.com; Secure; HttpOnly; SameSite=Lax",
    ]


async def test_no_handler_or_nil_result_is_404_not_found(http_app, start_server):
    port = await start_server(http_app)
    response = await http_request(port, "GET", "/nothing")
    assert (response.status, response.text) == (404, "Not found")
    http_app.handle_request = lambda request: None
    response = await http_request(port, "GET", "/nil")
    assert (response.status, response.text) == (404, "Not found")


async def test_404_handler_is_called_with_the_request(http_app, start_server):
    http_app.handle_request = lambda request: None
    http_app.on_error(404, lambda request: {"status": 404, "body": "no " + request["path"]})
    port = await start_server(http_app)
    response = await http_request(port, "GET", "/missing")
    assert (response.status, response.text) == (404, "no /missing")


async def test_exception_gives_500_logs_traceback_and_server_keeps_serving(
    http_app, start_server, caplog
):
    def handle(request):
        if request["path"] == "/boom":
            raise KeyError("kaput")
        return {"status": 200, "body": "fine"}

    http_app.handle_request = handle
    http_app.format_error = lambda exc: f"QUEST TRACEBACK {exc!r}"
    port = await start_server(http_app)
    with caplog.at_level(logging.ERROR, logger="quest_rt.web"):
        response = await http_request(port, "GET", "/boom")
    assert response.status == 500
    assert response.text == "Internal Server Error"
    assert "QUEST TRACEBACK KeyError('kaput')" in caplog.text
    again = await http_request(port, "GET", "/")
    assert (again.status, again.text) == (200, "fine")


async def test_500_handler_gets_request_and_message(http_app, start_server):
    def boom(request):
        raise ValueError("bad input")

    http_app.handle_request = boom
    http_app.on_error(
        500,
        lambda request, message: {"status": 500, "body": f"sorry: {message} at {request['path']}"},
    )
    port = await start_server(http_app)
    response = await http_request(port, "GET", "/x")
    assert (response.status, response.text) == (500, "sorry: bad input at /x")


async def test_response_without_status_is_500_invalid_response(http_app, start_server):
    http_app.handle_request = lambda request: {"body": "forgot the status"}
    port = await start_server(http_app)
    response = await http_request(port, "GET", "/")
    assert (response.status, response.text) == (500, "Invalid response")


async def test_middleware_modifies_request_short_circuits_and_after_still_runs(
    http_app, start_server
):
    def stamp(request):
        request["user"] = request["headers"].get("x-user", "anon")
        return request

    def guard(request):
        if request["path"] == "/admin" and request["user"] != "root":
            return {"status": 403, "body": "forbidden"}
        return request

    def tag(request, response):
        response.setdefault("headers", {})["X-After"] = request["user"]
        return response

    http_app.middleware(stamp)
    http_app.middleware(guard)
    http_app.after(tag)
    http_app.handle_request = lambda request: {"status": 200, "body": "hi " + request["user"]}
    port = await start_server(http_app)
    ok = await http_request(port, "GET", "/", headers={"X-User": "ann"})
    assert (ok.status, ok.text, ok.header("x-after")) == (200, "hi ann", "ann")
    denied = await http_request(port, "GET", "/admin")
    assert (denied.status, denied.text, denied.header("x-after")) == (403, "forbidden", "anon")


async def test_redirects_match_exact_paths(http_app, start_server):
    http_app.redirect("/old", "/new")
    http_app.redirect("/gone", "https://example.com/", 301)
    http_app.handle_request = lambda request: {"status": 200, "body": request["path"]}
    port = await start_server(http_app)
    found = await http_request(port, "GET", "/old")
    assert (found.status, found.header("location")) == (302, "/new")
    moved = await http_request(port, "GET", "/gone")
    assert (moved.status, moved.header("location")) == (301, "https://example.com/")
    assert (await http_request(port, "GET", "/old/child")).text == "/old/child"


async def test_default_headers_fill_only_what_the_response_lacks(http_app, start_server):
    http_app.set_default_headers({"X-Frame-Options": "DENY", "X-Served-By": "quest"})
    http_app.handle_request = lambda request: {
        "status": 200,
        "body": "",
        "headers": {"x-served-by": "handler"},
    }
    port = await start_server(http_app)
    response = await http_request(port, "GET", "/")
    assert response.header("x-frame-options") == "DENY"
    assert response.header_all("x-served-by") == ["handler"]


async def test_body_over_the_limit_is_413(http_app, start_server):
    http_app.set_max_body_size(10)
    http_app.handle_request = lambda request: {"status": 200, "body": request["body"]}
    port = await start_server(http_app)
    assert (await http_request(port, "POST", "/", body=b"0123456789")).text == "0123456789"
    assert (await http_request(port, "POST", "/", body=b"0123456789!")).status == 413


async def test_multipart_body_becomes_fields_and_files(http_app, start_server):
    seen = {}
    http_app.handle_request = lambda request: seen.update(body=request["body"]) or {"status": 200}
    port = await start_server(http_app)
    boundary = "----quest-boundary"
    body = (
        (
            f"--{boundary}\r\n"
            'Content-Disposition: form-data; name="title"\r\n\r\n'
            "Hello wörld\r\n"
            f"--{boundary}\r\n"
            'Content-Disposition: form-data; name="photo"; filename="cat.png"\r\n'
            "Content-Type: image/png\r\n\r\n"
        ).encode()
        + b"\x89PNG\r\n\x00data"
        + f"\r\n--{boundary}--\r\n".encode()
    )
    await http_request(
        port,
        "POST",
        "/upload",
        headers={"Content-Type": f'multipart/form-data; boundary="{boundary}"'},
        body=body,
    )
    assert seen["body"]["fields"] == {"title": "Hello wörld"}
    assert seen["body"]["files"] == [
        {
            "name": "photo",
            "filename": "cat.png",
            "mime_type": "image/png",
            "size": 11,
            "data": b"\x89PNG\r\n\x00data",
        }
    ]


async def test_every_request_is_logged_in_one_line(http_app, start_server, caplog):
    http_app.handle_request = lambda request: {"status": 201, "body": ""}
    port = await start_server(http_app)
    with caplog.at_level(logging.INFO, logger="quest_rt.web.access"):
        await http_request(port, "PUT", "/things?id=1")
    lines = [r.getMessage() for r in caplog.records if r.name == "quest_rt.web.access"]
    assert len(lines) == 1
    assert '"PUT /things" 201 ' in lines[0] and lines[0].endswith("ms")


async def test_blocking_request_handler_does_not_stall_other_requests(http_app, start_server):
    release = trio.Event()

    def handle(request):
        if request["path"] == "/slow":
            greenback.await_(release.wait())
        return {"status": 200, "body": request["path"]}

    http_app.handle_request = handle
    port = await start_server(http_app)
    results = []
    async with trio.open_nursery() as nursery:

        async def slow():
            results.append((await http_request(port, "GET", "/slow")).text)

        nursery.start_soon(slow)
        await trio.testing.wait_all_tasks_blocked()
        results.append((await http_request(port, "GET", "/fast")).text)
        release.set()
    assert results == ["/fast", "/slow"]


@pytest.mark.parametrize("transport", list(TransportKind), ids=lambda k: k.value)
async def test_graceful_shutdown_lets_in_flight_requests_finish(transport, start_server):
    app = WebApp()
    app.settings.transport = transport
    entered, release = trio.Event(), trio.Event()

    def handle(request):
        entered.set()
        greenback.await_(release.wait())
        return {"status": 200, "body": "finished"}

    app.handle_request = handle
    stop = trio.Event()
    port = await start_server(app, shutdown_trigger=stop.wait)
    async with trio.open_nursery() as nursery:
        answers = []

        async def request():
            answers.append(await http_request(port, "GET", "/"))

        nursery.start_soon(request)
        await entered.wait()
        stop.set()
        await trio.testing.wait_all_tasks_blocked()
        release.set()
    assert [(a.status, a.text) for a in answers] == [(200, "finished")]
    with pytest.raises(OSError):
        await trio.open_tcp_stream("127.0.0.1", port)  # no longer listening


# ── static files ─────────────────────────────────────────────────────────────


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "css").mkdir(parents=True)
    (root / "docs").mkdir()
    (root / "index.html").write_text("<h1>home</h1>")
    (root / "css" / "app.css").write_text("body{}")
    (root / "docs" / "index.html").write_text("docs index")
    (root / "docs" / "guide.md").write_text("# guide")
    (root / "data.bin").write_bytes(b"\x00\x01")
    (tmp_path / "secret.txt").write_text("do not serve")
    for name in (
        "a.js",
        "a.json",
        "a.txt",
        "a.png",
        "a.jpg",
        "a.jpeg",
        "a.gif",
        "a.svg",
        "a.ico",
        "a.pdf",
        "a.woff",
        "a.woff2",
        "a.ttf",
        "a.eot",
    ):
        (root / name).write_bytes(b"x")
    return root


async def test_static_files_are_served_with_content_types_and_index(http_app, start_server, site):
    http_app.static("/static", site)
    port = await start_server(http_app)
    index = await http_request(port, "GET", "/static")
    assert (index.status, index.text, index.header("content-type")) == (
        200,
        "<h1>home</h1>",
        "text/html; charset=utf-8",
    )
    assert (await http_request(port, "GET", "/static/")).text == "<h1>home</h1>"
    assert (await http_request(port, "GET", "/static/docs")).text == "docs index"
    css = await http_request(port, "GET", "/static/css/app.css")
    assert (css.text, css.header("content-type")) == ("body{}", "text/css; charset=utf-8")
    expected = {
        "a.js": "text/javascript; charset=utf-8",
        "a.json": "application/json",
        "a.txt": "text/plain; charset=utf-8",
        "a.png": "image/png",
        "a.jpg": "image/jpeg",
        "a.jpeg": "image/jpeg",
        "a.gif": "image/gif",
        "a.svg": "image/svg+xml",
        "a.ico": "image/x-icon",
        "a.pdf": "application/pdf",
        "a.woff": "font/woff",
        "a.woff2": "font/woff2",
        "a.ttf": "font/ttf",
        "a.eot": "application/vnd.ms-fontobject",
        "data.bin": "application/octet-stream",
        "docs/guide.md": "text/markdown; charset=utf-8",
    }
    for name, content_type in expected.items():
        response = await http_request(port, "GET", "/static/" + name)
        assert (response.status, response.header("content-type")) == (200, content_type), name


async def test_static_missing_file_falls_through_to_404(http_app, start_server, site):
    http_app.static("/static", site)
    port = await start_server(http_app)
    assert (await http_request(port, "GET", "/static/nope.css")).status == 404


@pytest.mark.parametrize(
    "target",
    [
        b"/static/../secret.txt",
        b"/static/%2e%2e/secret.txt",
        b"/static/%2E%2E/secret.txt",
        b"/static/css/../../secret.txt",
        b"/static/..%2fsecret.txt",
        b"/static/%2e%2e%2fsecret.txt",
        b"/static/..\\secret.txt",
        b"/static//etc/passwd",
        b"/static/%00index.html",
    ],
)
async def test_static_path_traversal_never_escapes_the_directory(
    http_app, start_server, site, target
):
    http_app.static("/static", site)
    http_app.handle_request = lambda request: {"status": 404, "body": "handler"}
    port = await start_server(http_app)
    answer = await raw_http(
        port, b"GET " + target + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    assert b"do not serve" not in answer
    assert b"root:" not in answer
    assert answer.split(b"\r\n", 1)[0].split(b" ")[1] in (b"404", b"400")


async def test_static_longest_prefix_wins(http_app, start_server, site, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "app.css").write_text("other css")
    http_app.static("/", site)
    http_app.static("/static/css", other)
    port = await start_server(http_app)
    assert (await http_request(port, "GET", "/static/css/app.css")).text == "other css"
    assert (await http_request(port, "GET", "/css/app.css")).text == "body{}"
    assert (await http_request(port, "GET", "/")).text == "<h1>home</h1>"


def test_static_prefix_must_start_with_a_slash(site):
    with pytest.raises(ValueError, match="must start with '/'"):
        WebApp().static("static", site)


async def test_large_bodies_survive_the_direct_listeners_hand_off(http_app, start_server):
    http_app.handle_request = lambda request: {"status": 200, "body": str(len(request["body"]))}
    port = await start_server(http_app)
    body = b"a" * 300_000
    head = (
        f"POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n"
    ).encode()
    answer = await raw_http(port, head + body)  # head and body in one write: one peek gets both
    assert answer.startswith(b"HTTP/1.1 200 ")
    assert answer.endswith(b"\r\n\r\n300000")
