"""``std/web/router``: routers with typed path parameters, on the engine's route table.

A ``Router`` collects routes (``r.get("/users/{id<int>}", fn)``); ``web.route(base, r)``
mounts it, which puts its routes into the web app's one route table (the one
``lv.mount`` and the Phoenix socket use), so they are matched with static routes
before dynamic ones, ahead of ``handle_request``, and the parameters arrive in
``request["params"]``. Routes added after mounting are mounted too. The module also
has a default router (``router.get(...)`` and ``web.use(router.dispatch_middleware)``)
for scripts that want one without naming it.

The matching itself is the engine's (:mod:`quest_rt.web.http.routes`); this module
converts its segments to the Dicts Quest code sees::

    router.parse_pattern("/user/{id<int>}")
    → [{"type": "static", "value": "user"},
       {"type": "param", "name": "id", "param_type": "int"}]
"""

from __future__ import annotations

from typing import Any

import quest_rt.runtime.methods.uuids  # noqa: F401  (typed route parameters make Uuids)
from quest_rt.runtime.errors import ValueErr
from quest_rt.runtime.objects import QuestModule
from quest_rt.std.arguments import need_dict, need_fn, need_list, need_str
from quest_rt.web.http.routes import (
    PARAM_TYPES,
    RouteTable,
    Segment,
    match_segments,
    split_path,
)
from quest_rt.web.http.routes import (
    parse_pattern as engine_parse_pattern,
)

__all__ = ["Router", "create", "join_path"]

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")


def _segments(path: str, fname: str) -> tuple[Segment, ...]:
    try:
        return engine_parse_pattern(need_str(path, fname, "path"))
    except ValueError as exc:
        raise ValueErr(f"{fname}: {exc}") from None


def _segment_dict(segment: Segment) -> dict[str, Any]:
    if segment.kind == "static":
        return {"type": "static", "value": segment.value}
    return {"type": "param", "name": segment.value, "param_type": segment.type}


def parse_pattern(path: Any) -> list[dict[str, Any]]:
    """parse_pattern(path) -> Array: the segments of a route pattern, each
    {"type": "static", "value"} or {"type": "param", "name", "param_type"}; a <path>
    parameter anywhere but last is a ValueErr.

    Example:
        router.parse_pattern("/user/{id<int>}")[1]["param_type"]  # => "int"
        router.parse_pattern("/")  # => []
    """
    return [_segment_dict(s) for s in _segments(path, "router.parse_pattern")]


def _from_dicts(pattern: list[Any]) -> tuple[Segment, ...]:
    segments = []
    for entry in pattern:
        entry = need_dict(entry, "router.match_path", "segment")
        if entry.get("type") == "static":
            segments.append(Segment("static", need_str(entry.get("value"), "router.match_path")))
        elif entry.get("type") == "param" and entry.get("param_type", "str") in PARAM_TYPES:
            name = need_str(entry.get("name"), "router.match_path", "parameter name")
            segments.append(Segment("param", name, entry.get("param_type", "str")))
        else:
            raise ValueErr(f"router.match_path: not a pattern segment: {entry}")
    return tuple(segments)


def match_path(pattern: Any, path: Any) -> dict[str, Any] | None:
    """match_path(pattern, path) -> Dict or nil: the parameters when path matches the
    pattern (an Array from parse_pattern, or a pattern Str), else nil. Values are
    URL-decoded and converted to their type.

    Example:
        router.match_path(router.parse_pattern("/post/{slug}"), "/post/hi%20there")  # => {"slug": "hi there"}
        router.match_path("/user/{id<int>}", "/user/abc")  # => nil
    """
    if type(pattern) is str:
        segments = _segments(pattern, "router.match_path")
    else:
        segments = _from_dicts(need_list(pattern, "router.match_path", "pattern"))
    return match_segments(segments, split_path(need_str(path, "router.match_path", "path")))


def join_path(base: str, path: str) -> str:
    """``/api`` + ``/users`` → ``/api/users``; ``/`` + ``/x`` → ``/x``."""
    return "/" + "/".join(p for p in (base.strip("/"), path.strip("/")) if p)


class Router:
    """A set of routes; mount it with ``web.route(base, router)``."""

    quest_name = "Router"
    __slots__ = ("_mounts", "_table", "routes")

    def __init__(self) -> None:
        #: Quest view of the routes, static ones first: {"method", "path",
        #: "pattern_segments", "handler"}.
        self.routes: list[dict[str, Any]] = []
        self._table = RouteTable()
        # (an app's route table, base path) for every web.route of this router
        self._mounts: list[tuple[RouteTable, str]] = []

    @classmethod
    def new(cls) -> Router:
        """new() -> Router: a router with no routes; mount it with web.route(base, router)

        Example:
            router.Router.new().routes  # => []
        """
        return cls()

    def __str__(self) -> str:
        return f"<Router {len(self.routes)} routes>"

    def get(self, path: Any, handler: Any) -> None:
        """get(path, fn): fn(request) answers GET requests for path; path parameters arrive in request["params"]

        Example:
            let r = router.Router.new()
            r.get("/hello/{name}", fun (req) {"status": 200, "body": "hi " .. req["params"]["name"]} end)
            r._dispatch({"method": "GET", "path": "/hello/ada"})["body"]  # => "hi ada"
        """
        self._add("GET", path, handler, "Router.get")

    def post(self, path: Any, handler: Any) -> None:
        """post(path, fn): fn(request) answers POST requests for path

        Example:
            let r = router.Router.new()
            r.post("/items", fun (req) {"status": 201} end)
            r._dispatch({"method": "POST", "path": "/items"})["status"]  # => 201
        """
        self._add("POST", path, handler, "Router.post")

    def put(self, path: Any, handler: Any) -> None:
        """put(path, fn): fn(request) answers PUT requests for path

        Example:
            let r = router.Router.new()
            r.put("/items/{id<int>}", fun (req) {"status": 200, "json": req["params"]} end)
            r._dispatch({"method": "PUT", "path": "/items/3"})["json"]  # => {"id": 3}
        """
        self._add("PUT", path, handler, "Router.put")

    def patch(self, path: Any, handler: Any) -> None:
        """patch(path, fn): fn(request) answers PATCH requests for path

        Example:
            let r = router.Router.new()
            r.patch("/items/{id<int>}", fun (req) {"status": 204} end)
            r._dispatch({"method": "PATCH", "path": "/items/3"})["status"]  # => 204
        """
        self._add("PATCH", path, handler, "Router.patch")

    def delete(self, path: Any, handler: Any) -> None:
        """delete(path, fn): fn(request) answers DELETE requests for path

        Example:
            let r = router.Router.new()
            r.delete("/items/{id<int>}", fun (req) {"status": 204} end)
            r._dispatch({"method": "GET", "path": "/items/3"})  # => nil
        """
        self._add("DELETE", path, handler, "Router.delete")

    def route(self, method: Any, path: Any, handler: Any) -> None:
        """route(method, path, fn): fn(request) answers method (a method name, or "*" for every method) on path

        Example:
            let r = router.Router.new()
            r.route("*", "/ping", fun (req) {"status": 200, "body": req["method"]} end)
            r._dispatch({"method": "OPTIONS", "path": "/ping"})["body"]  # => "OPTIONS"
        """
        method = need_str(method, "Router.route", "method").upper()
        if method != "*" and method not in METHODS:
            raise ValueErr(f"Router.route: unknown method {method!r}")
        self._add(method, path, handler, "Router.route")

    def _dispatch(self, request: Any, base: Any = None) -> Any:
        """_dispatch(request, base = nil) -> response or nil: run the route that matches
        request["method"] and request["path"] (below base, when given)"""
        request = need_dict(request, "Router._dispatch", "request")
        path = need_str(request.get("path", "/"), "Router._dispatch", "request path")
        if base is not None:
            prefix = "/" + need_str(base, "Router._dispatch", "base").strip("/")
            if prefix != "/":
                if path != prefix and not path.startswith(prefix + "/"):
                    return None
                path = path[len(prefix) :] or "/"
        matched = self._table.match(str(request.get("method", "GET")), path)
        if matched is None:
            return None
        route, params = matched
        request["params"] = params
        return route.handler(request)

    def dispatch_middleware(self, request: Any) -> Any:
        """dispatch_middleware(request): for web.use — a matching route's response,
        else the request unchanged

        Example:
            let r = router.Router.new()
            r.get("/up", fun (req) {"status": 200, "body": "yes"} end)
            r.dispatch_middleware({"method": "GET", "path": "/up"})["body"]  # => "yes"
            r.dispatch_middleware({"method": "GET", "path": "/down"})["path"]  # => "/down"
        """
        need_dict(request, "Router.dispatch_middleware", "request")
        response = self._dispatch(request)
        return request if response is None else response

    def mount(self, table: RouteTable, base: str) -> None:
        """Put every route (now and later) into ``table`` under ``base``."""
        for entry in self.routes:
            table.add(entry["method"], join_path(base, entry["path"]), entry["handler"])
        self._mounts.append((table, base))

    def _add(self, method: str, path: Any, handler: Any, fname: str) -> None:
        segments = _segments(path, fname)
        need_fn(handler, fname, "handler")
        self._table.add(method, path, handler)
        entry = {
            "method": method,
            "path": path,
            "pattern_segments": [_segment_dict(s) for s in segments],
            "handler": handler,
        }
        self.routes.append(entry)
        # Static routes first, as they are matched (a stable sort keeps the order
        # of registration among equals).
        self.routes.sort(key=lambda e: any(s["type"] == "param" for s in e["pattern_segments"]))
        for table, base in self._mounts:
            table.add(method, join_path(base, path), handler)


def create() -> QuestModule:
    default = Router()
    members: dict[str, Any] = {
        "Router": Router,
        "parse_pattern": parse_pattern,
        "match_path": match_path,
        "get": default.get,
        "post": default.post,
        "put": default.put,
        "patch": default.patch,
        "delete": default.delete,
        "route": default.route,
        "dispatch_middleware": default.dispatch_middleware,
        "default_router": default,
    }
    return QuestModule("router", members, None)
