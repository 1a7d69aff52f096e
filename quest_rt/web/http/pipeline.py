"""One HTTP request through the handling order of language spec §12.2.

    CORS preflight (web.set_cors)? ──yes──► 204 + allow headers      ─┐
    static mount hit? ──yes──► file (default headers added)           │
        │ no                                                          │
    request middleware, in order (a Dict with "status" short-circuits)│
    redirects (exact path)                                            │
    engine routes (app.route; params in request["params"])            │
    handle_request(request)  (None/nil or no handler → 404 handler)   │
    after-middleware, in order: fn(request, response) → response      │
    default headers where the response lacks them                    ─┴─► send, log one line

An exception in middleware, ``handle_request`` or after-middleware is logged with
the app's ``format_error`` (the Quest traceback) and answered by the 500 handler
``fn(request, message)`` or a plain 500; the server keeps serving. Handlers are
synchronous and run in the request's own task, which holds a greenback portal so
that a handler may block (``time.sleep``) without stalling other requests.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

import greenback
import trio

from .request import build_request
from .response import InvalidResponse, render_response
from .static import content_type_for, resolve_static

if TYPE_CHECKING:
    from ..app import WebApp
    from ..settings import WebSettings

__all__ = ["handle_http"]

log = logging.getLogger("quest_rt.web")
access_log = logging.getLogger("quest_rt.web.access")

Headers = list[tuple[bytes, bytes]]


class _BodyTooLarge(Exception):
    pass


class _BodyIncomplete(Exception):
    """The client went away (EOF, reset, or an unfinished chunked body) before the
    body was whole: hypercorn reports ``http.disconnect`` before the last chunk."""

    def __init__(self, received: int) -> None:
        super().__init__(received)
        self.received = received


def _announced_length(scope: dict[str, Any]) -> int | None:
    """The request's Content-Length, or None when absent or not a plain number (h11
    has already refused malformed values; chunked bodies have none)."""
    for name, value in scope["headers"]:
        if name.lower() == b"content-length":
            return int(value) if value.isdigit() else None
    return None


class _BodyTooSlow(Exception):
    """The body stalled for ``body_timeout`` or fell below ``body_min_rate``."""


async def _read_body(receive: Any, settings: WebSettings) -> bytes:
    """The whole body, or an exception: never a prefix passed off as the body.

    Each wait for the next chunk ends at the earlier of two deadlines: ``body_timeout``
    seconds after the last chunk (a client that stops sending), and the moment the
    bytes received fall below ``body_min_rate`` per second counted from
    ``body_timeout`` seconds after the start (a client that drips a byte at a time).

    Raises:
        _BodyTooLarge: more than ``max_body_size`` bytes arrived.
        _BodyTooSlow: one of the deadlines passed.
        _BodyIncomplete: the client disconnected before the last chunk.
    """
    limit = settings.max_body_size
    grace = settings.body_timeout
    rate = settings.body_min_rate
    started = trio.current_time()
    chunks: list[bytes] = []
    size = 0
    while True:
        deadline = trio.current_time() + grace
        if rate > 0:
            deadline = min(deadline, started + grace + size / rate)
        message = None
        with trio.move_on_at(deadline):
            message = await receive()
        if message is None:  # the scope was cancelled: no chunk in time
            raise _BodyTooSlow
        if message["type"] == "http.disconnect":
            raise _BodyIncomplete(size)
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise _BodyTooLarge
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _plain(status: int, text: str) -> tuple[int, Headers, bytes]:
    body = text.encode("utf-8")
    return (
        status,
        [
            (b"content-type", b"text/plain; charset=utf-8"),
            (b"content-length", str(len(body)).encode()),
        ],
        body,
    )


async def handle_http(app: WebApp, scope: dict[str, Any], receive: Any, send: Any) -> None:
    """The ASGI ``http`` branch: read the body, run the pipeline, send, log."""
    started = time.perf_counter()
    method = scope["method"]
    raw_path = scope.get("raw_path")
    path = raw_path.decode("latin-1") if raw_path else scope["path"]
    client = scope.get("client")
    peer = client[0] if client else "-"
    announced = _announced_length(scope)
    try:
        if announced is not None and announced > app.settings.max_body_size:
            raise _BodyTooLarge  # refused from the head: the body is never read
        body = await _read_body(receive, app.settings)
    except _BodyTooLarge:
        status, headers, payload = _plain(413, "Payload too large")
    except _BodyTooSlow:
        # The rest of the body may still be on its way: the connection cannot carry
        # another request, so the answer closes it.
        status, headers, payload = _plain(408, "Request Timeout")
        headers.append((b"connection", b"close"))
    except _BodyIncomplete as exc:
        # Nothing ran and nothing is answered: the client is gone. The log line says
        # so in words, never with a status a reader could take for success.
        if app.settings.access_log:
            expected = f"{announced} bytes" if announced is not None else "a chunked body"
            access_log.info(
                '%s "%s %s" aborted by the client (%d of %s received) %.1fms',
                peer,
                method,
                path,
                exc.received,
                expected,
                (time.perf_counter() - started) * 1000,
            )
        return
    else:
        await greenback.ensure_portal()
        status, headers, payload = await _respond(app, scope, body)
    if app.settings.access_log:
        # Logged before sending: the line exists once the client has the answer.
        access_log.info(
            '%s "%s %s" %d %.1fms',
            peer,
            method,
            path,
            status,
            (time.perf_counter() - started) * 1000,
        )
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})


async def _respond(app: WebApp, scope: dict[str, Any], body: bytes) -> tuple[int, Headers, bytes]:
    request = build_request(scope, body)
    cors = app.cors
    origin = request["headers"].get("origin") if cors is not None else None
    static_file = resolve_static(app.static_mounts, request["path"])
    if origin is not None and cors.is_preflight(request["method"], request["headers"]):
        # A browser asking before a cross-origin request: answered here, not by the app.
        allowed = cors.allows(origin)
        response: Any = {
            "status": 204 if allowed else 403,
            "headers": cors.preflight_headers(origin) if allowed else {},
        }
    elif static_file is not None:
        data = await trio.to_thread.run_sync(static_file.read_bytes)
        response = {
            "status": 200,
            "body": data,
            "headers": {"Content-Type": content_type_for(static_file)},
        }
    else:
        response = _run_handlers(app, request)
    if origin is not None and cors.allows(origin) and isinstance(response, dict):
        response = {
            **response,
            "headers": {**(response.get("headers") or {}), **cors.response_headers(origin)},
        }
    try:
        status, headers, payload = render_response(_with_defaults(app, response), app.encode_json)
    except (InvalidResponse, UnicodeEncodeError, TypeError) as exc:
        log.error("invalid response for %s %s: %s", request["method"], request["path"], exc)
        return _plain(500, "Invalid response")
    return status, headers, payload


def _run_handlers(app: WebApp, request: dict[str, Any]) -> Any:
    """Steps 2–5 and 7 of §12.2; returns the response value (maybe invalid)."""
    try:
        response = None
        for middleware in app.middlewares:
            result = middleware(request)
            if isinstance(result, dict) and "status" in result:
                response = result
                break
            if isinstance(result, dict):
                request = result
            # None: the middleware only looked; keep the request as it was.
        if response is None:
            response = _route(app, request)
        for after in app.after_middlewares:
            response = after(request, response)
        return response
    except Exception as exc:
        return _internal_error(app, request, exc)


def _route(app: WebApp, request: dict[str, Any]) -> Any:
    redirect = app.redirects.get(request["path"])
    if redirect is not None:
        to_url, status = redirect
        return {"status": status, "headers": {"Location": to_url}, "body": ""}
    response = None
    matched = app.routes.match(request["method"], request["path"])
    if matched is not None:
        route, request["params"] = matched
        response = route.handler(request)
    # A route that answers None (a router with no route for this method) leaves the
    # request to handle_request, like a path no route matched.
    if response is None and app.handle_request is not None:
        response = app.handle_request(request)
    if response is None:
        not_found = app.error_handlers.get(404)
        if not_found is not None:
            return not_found(request)
        return {
            "status": 404,
            "body": "Not found",
            "headers": {"Content-Type": "text/plain; charset=utf-8"},
        }
    return response


def _internal_error(app: WebApp, request: dict[str, Any], exc: Exception) -> Any:
    log.error(
        "error handling %s %s:\n%s", request["method"], request["path"], app.format_error(exc)
    )
    handler = app.error_handlers.get(500)
    if handler is not None:
        try:
            return handler(request, str(exc))
        except Exception as nested:
            log.error("the 500 handler failed too:\n%s", app.format_error(nested))
    return {
        "status": 500,
        "body": "Internal Server Error",
        "headers": {"Content-Type": "text/plain; charset=utf-8"},
    }


def _with_defaults(app: WebApp, response: Any) -> Any:
    if not app.default_headers or not isinstance(response, dict):
        return response
    headers = dict(response.get("headers") or {})
    present = {k.lower() for k in headers}
    for name, value in app.default_headers.items():
        if name.lower() not in present:
            headers[name] = value
    return {**response, "headers": headers}
