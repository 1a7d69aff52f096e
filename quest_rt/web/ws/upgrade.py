"""Before the handshake: the endpoint, the upgrade request, and the decision to accept.

Both transports (the direct listener and hypercorn's ASGI path) go through this module,
so what happens before the ``101`` is written once::

    upgrade request ──► endpoint for the path? ──no──► (the transport's "not found")
                              │ yes
                        browser Origin allowed? ──no──► Refuse(403)
                              │ yes
                        endpoint.authorize(upgrade) ──► Refuse(status) ──► HTTP status, closed
                              │ Accept(assigns)
                        101, then open_connection(...) → on_connect(conn)

``authorize`` is where a layer or an app checks a token, a cookie or the peer before
any WebSocket exists: the Phoenix socket runs its ``connect`` callback here, LiveView
verifies its signed session. What it accepts with (``assigns``) stays on the
connection as ``conn.assigns``.

Origins follow Phoenix's ``check_origin`` (wire-protocol §8.3): a request without an
``Origin`` header is not from a browser and is accepted; an ``Origin`` naming the host
the request was sent to is accepted; ``null`` and any other origin are refused unless
the endpoint's allowlist names them. This is what stops a page on another site from
opening a WebSocket with the user's cookies (cross-site WebSocket hijacking).

Error handling:
    An ``authorize`` that raises is logged with the app's ``format_error`` and the
    upgrade is refused with 500: a bug in app code must not let a connection in.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit

from .connection import WebSocketConnection

if TYPE_CHECKING:
    from ..app import WebApp

__all__ = [
    "Accept",
    "Endpoint",
    "Refuse",
    "UpgradeRequest",
    "admit",
    "check_origin",
    "open_connection",
    "parse_query",
]

log = logging.getLogger("quest_rt.web")


@dataclass(frozen=True, slots=True)
class UpgradeRequest:
    """What the server knows about an upgrade before answering it."""

    path: str
    #: The query string, parsed; a repeated name keeps its last value.
    query: Mapping[str, str]
    #: Lower-case names; a repeated header's values joined with ", ".
    headers: Mapping[str, str]
    remote_ip: str


@dataclass(frozen=True, slots=True)
class Accept:
    """Let the connection in; ``assigns`` become ``conn.assigns``."""

    assigns: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Refuse:
    """Answer the upgrade with an HTTP status instead of ``101``."""

    status: int = 403
    reason: str = "Forbidden"


Authorize = Callable[[UpgradeRequest], "Accept | Refuse"]


@dataclass(frozen=True, slots=True)
class Endpoint:
    """One registered WebSocket path.

    Attributes:
        path: the exact request path (no query string).
        on_connect: ``fn(conn)``, run when the connection opens, before ``on_open``.
        authorize: ``fn(upgrade) -> Accept | Refuse``, run before the 101; None
            accepts everyone the origin check lets through.
        check_origin: True (only the request's own host), False (any origin —
            for endpoints that authenticate every connection without cookies), or
            an allowlist of origins, ``*`` allowed as the leftmost label
            (``"https://*.example.com"``); the request's own host is always allowed.
    """

    path: str
    on_connect: Callable[[WebSocketConnection], Any]
    authorize: Authorize | None = None
    check_origin: bool | Sequence[str] = True
    #: Origins already parsed: ((scheme or None, host pattern, port or None), ...).
    _allowed: tuple[tuple[str | None, str, int | None], ...] = field(default=(), repr=False)

    def __post_init__(self) -> None:
        if not self.path.startswith("/"):
            raise ValueError(f"websocket path must start with '/': {self.path!r}")
        if not isinstance(self.check_origin, bool):
            parsed = tuple(_parse_allowed(origin) for origin in self.check_origin)
            object.__setattr__(self, "_allowed", parsed)


def parse_query(query_string: str) -> dict[str, str]:
    """``a=1&b=x%20y&a=2`` → ``{"a": "2", "b": "x y"}``; blank values are kept."""
    return dict(parse_qsl(query_string, keep_blank_values=True))


def admit(app: WebApp, endpoint: Endpoint, upgrade: UpgradeRequest) -> Accept | Refuse:
    """The origin check, then the endpoint's ``authorize`` (see the module docstring)."""
    if not check_origin(upgrade.headers, endpoint):
        log.warning(
            "refused WebSocket upgrade to %s from origin %r (not this host; allow it with "
            "check_origin)",
            upgrade.path,
            upgrade.headers.get("origin"),
        )
        return Refuse(403, "Forbidden")
    if endpoint.authorize is None:
        return Accept()
    try:
        decision = endpoint.authorize(upgrade)
    except Exception as exc:
        log.error("authorize failed for %s:\n%s", upgrade.path, app.format_error(exc))
        return Refuse(500, "Internal Server Error")
    if not isinstance(decision, (Accept, Refuse)):
        log.error(
            "authorize for %s returned %r; expected Accept(...) or Refuse(...)",
            upgrade.path,
            decision,
        )
        return Refuse(500, "Internal Server Error")
    return decision


def open_connection(app: WebApp, upgrade: UpgradeRequest, accept: Accept) -> WebSocketConnection:
    """The one place a :class:`WebSocketConnection` is built, for every transport."""
    return WebSocketConnection(
        path=upgrade.path,
        headers=upgrade.headers,  # type: ignore[arg-type]  (the dicts the upgrade built)
        query=upgrade.query,  # type: ignore[arg-type]
        assigns=dict(accept.assigns) if accept.assigns else None,
        remote_ip=upgrade.remote_ip,
        registry=app.registry,
        format_error=app.format_error,
        mailbox_limit=app.settings.ws_mailbox_depth,
    )


def check_origin(headers: Mapping[str, str], endpoint: Endpoint) -> bool:
    """True when the request's ``Origin`` may open this endpoint (module docstring)."""
    origin = headers.get("origin")
    if origin is None or endpoint.check_origin is False:
        return True
    parts = _split_origin(origin)
    if parts is None:
        return False  # "null" (sandboxed frames, file: pages) or garbage
    scheme, host, port = parts
    if _same_host(host, port, scheme, headers.get("host", "")):
        return True
    for allowed_scheme, pattern, allowed_port in endpoint._allowed:
        if allowed_scheme is not None and allowed_scheme != scheme:
            continue
        if allowed_port is not None and allowed_port != port:
            continue
        if pattern == host or (pattern.startswith("*.") and host.endswith(pattern[1:])):
            return True
    return False


_DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}


def _split_origin(origin: str) -> tuple[str, str, int] | None:
    try:
        parts = urlsplit(origin.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if not scheme or not host:
        return None
    return scheme, host, port if port is not None else _DEFAULT_PORTS.get(scheme, 0)


def _same_host(host: str, port: int, scheme: str, host_header: str) -> bool:
    try:
        target = urlsplit("//" + host_header.strip())
        target_port = target.port
    except ValueError:
        return False
    if (target.hostname or "").lower() != host:
        return False
    return (target_port if target_port is not None else _DEFAULT_PORTS.get(scheme, 0)) == port


def _parse_allowed(origin: str) -> tuple[str | None, str, int | None]:
    """``"https://*.example.com"`` → ("https", "*.example.com", None);
    ``"//localhost:4000"`` → (None, "localhost", 4000)."""
    if not isinstance(origin, str) or not origin:
        raise ValueError(f"check_origin entries are origins like 'https://example.com': {origin!r}")
    text = origin if "//" in origin else "//" + origin
    parts = urlsplit(text.replace("*.", "wildcard-label."))
    host = (parts.hostname or "").replace("wildcard-label.", "*.")
    if not host:
        raise ValueError(f"check_origin entry has no host: {origin!r}")
    return (parts.scheme.lower() or None), host.lower(), parts.port
