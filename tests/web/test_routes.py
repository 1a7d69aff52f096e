"""The engine's route table (issue 6): patterns, precedence, and its place in the pipeline."""

from __future__ import annotations

import uuid

import pytest

from quest_rt.web import RouteTable, WebApp
from quest_rt.web.http.routes import parse_pattern

from .clients import http_request

UUID = uuid.UUID("12345678-1234-5678-1234-567812345678")


def _table(*routes: tuple[str, str]) -> RouteTable:
    table = RouteTable()
    for method, pattern in routes:
        table.add(method, pattern, lambda request, p=pattern: p)
    return table


@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [
        ("GET", "/products/42", ("/products/:id", {"id": "42"})),
        ("GET", "/products/new", ("/products/new", {})),  # static wins, though added later
        ("GET", "/products/a%20b/", ("/products/:id", {"id": "a b"})),
        ("GET", "/users/7", ("/users/{id<int>}", {"id": 7})),
        ("GET", "/users/x", ("/users/{name}", {"name": "x"})),  # int did not match: next
        ("GET", "/assets/js/app.js", ("/assets/*path", {"path": "js/app.js"})),
        ("GET", "/assets", None),  # a path parameter takes one segment or more
        ("GET", "/files/a%20b/c", ("/files/{rest<path>}", {"rest": "a b/c"})),
        ("GET", "/price/3.5", ("/price/{amount<float>}", {"amount": 3.5})),
        ("GET", "/price/nan", None),
        ("GET", "/doc/12345678-1234-5678-1234-567812345678", ("/doc/{id<uuid>}", {"id": UUID})),
        ("GET", "/doc/not-a-uuid", None),
        ("GET", "/users/99999999999999999999", ("/users/{name}", {"name": "99999999999999999999"})),
        ("POST", "/products/42", ("/products/:id", {"id": "42"})),  # "*" any method
        ("DELETE", "/only-get", None),
        ("GET", "/", ("/", {})),
        ("GET", "/products/42/reviews", None),
    ],
)
def test_patterns_and_precedence(method, path, expected):
    table = _table(
        ("*", "/products/:id"),
        ("GET", "/products/new"),
        ("GET", "/users/{id<int>}"),
        ("GET", "/users/{name}"),
        ("GET", "/assets/*path"),
        ("GET", "/files/{rest<path>}"),
        ("GET", "/price/{amount<float>}"),
        ("GET", "/doc/{id<uuid>}"),
        ("GET", "/only-get"),
        ("GET", "/"),
    )
    found = table.match(method, path)
    if expected is None:
        assert found is None
    else:
        route, params = found
        assert (route.pattern, params) == expected


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("products/:id", "must start with '/'"),
        ("/a/:id/b/:id", "appears twice"),
        ("/a/*rest/b", "must be the last segment"),
        ("/a/{p<path>}/b", "must be the last segment"),
        ("/a/{id<bogus>}", "unknown parameter type <bogus>"),
        ("/a/:", "malformed parameter"),
        ("/a/{id", "malformed parameter"),
    ],
)
def test_malformed_patterns_are_refused(pattern, message):
    with pytest.raises(ValueError, match=message):
        parse_pattern(pattern)


async def test_routes_run_ahead_of_handle_request_with_params(http_app, start_server):
    app: WebApp = http_app
    app.handle_request = lambda request: {"status": 200, "body": "app " + request["path"]}
    app.route(
        "GET",
        "/live/:id",
        lambda request: {"status": 200, "body": f"route {request['params']['id']}"},
    )
    app.route("GET", "/maybe/:x", lambda request: None)  # None: on to handle_request
    app.middleware(lambda request: {**request, "headers": {**request["headers"], "x-mw": "1"}})
    seen_headers = {}

    def checked(request):
        seen_headers.update(request["headers"])
        return {"status": 204}

    app.route("POST", "/checked", checked)
    port = await start_server(app)
    assert (await http_request(port, "GET", "/live/9")).text == "route 9"
    assert (await http_request(port, "GET", "/other")).text == "app /other"
    assert (await http_request(port, "GET", "/maybe/1")).text == "app /maybe/1"
    assert (await http_request(port, "POST", "/checked")).status == 204
    assert seen_headers["x-mw"] == "1"  # middleware runs before engine routes
