"""The LiveViews of one app: their routes, their pages and the ``/live`` socket.

:meth:`LiveViewEndpoint.mount` serves a component at a path pattern
(``/editor/:doc_id``): a ``GET`` there is the *dead render* — the component is made
and mounted (``socket.connected()`` is false: timers and subscriptions asked for now
are not kept), rendered to HTML, and sent inside the page with a signed session
(:mod:`.page`, :mod:`.tokens`). The first mount also serves the client bundles under
``/assets`` and opens the Phoenix socket at ``/live/websocket``, on which every
``lv:<id>`` join is a connected view (:mod:`.session`).

CSRF (wire-protocol.md §8.2): the page sets an HttpOnly cookie with a per-browser
secret and puts a masked form of it in the page; the upgrade compares the URL's
``_csrf_token`` with the cookie. As in Phoenix a mismatch does not refuse the upgrade
(the client would retry forever behind an error banner): the socket is accepted and
every join on it is answered ``stale``, so the client reloads the page and gets fresh
tokens. The browser origin is checked at the upgrade like every WebSocket endpoint
(``check_origin``).

Sessions: ``mount(params, session, socket)`` receives what the app's session
function (``session_from(request) -> dict``) returned for the page's request, kept
inside the signed token, so the connected mount sees the same session without a
server-side store.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ..channels import ChannelHub
from ..channels import mount as mount_socket
from ..http.request import parse_cookies
from ..http.routes import RouteTable
from ..pubsub import PubSub
from ..ws.upgrade import UpgradeRequest
from . import page
from .session import join, route_params
from .tokens import CSRF_COOKIE, Signer, csrf_valid, mask_csrf, new_csrf_secret, new_view_id
from .view import Definition, View

if TYPE_CHECKING:
    from ..app import WebApp

__all__ = ["DeadHost", "LiveViewEndpoint"]

log = logging.getLogger("quest_rt.web.liveview")

#: Where the LiveSocket of our bootstrap connects (``/live/websocket``).
SOCKET_PATH = "/live"

#: ``rate_limit(view, event, payload) -> bool``: True refuses the event.
RateLimit = Callable[[View, str, Any], Any]


class DeadHost:
    """The host of a dead render: nothing outlives the request."""

    __slots__ = ()
    connected = False

    def schedule(self, view: View, msg: Any, seconds: float) -> None:
        pass  # the page is sent and the view dropped: a timer would never fire

    def subscribe(self, view: View, topic: str) -> None:
        pass  # no mailbox to deliver to; the connected mount subscribes again

    def post_info(self, view: View, msg: Any) -> None:
        pass

    def release(self, view: View) -> None:
        pass


DEAD = DeadHost()


class LiveViewEndpoint:
    """Mounted LiveViews and the socket they connect through (see the module docstring).

    Attributes:
        pubsub: the program's PubSub (``pubsub.subscribe`` of a view subscribes here).
        signer: signs and checks the page's session token.
        session_from: ``fn(request) -> dict``: the session a view's ``mount`` gets.
        layout: ``fn({"title", "head", "body"}) -> str``: the page around the view.
        head_extra: HTML added to every page's ``<head>`` before the scripts.
        rate_limit: ``fn(view, event, payload) -> bool``, run before each event.
    """

    def __init__(
        self,
        app: WebApp,
        pubsub: PubSub,
        *,
        secret: bytes,
        check_origin: bool | Sequence[str] = True,
        read_asset: Callable[[str, str], bytes],
        render_layout: Callable[[Any, dict[str, Any]], str] | None = None,
    ) -> None:
        self.app = app
        self.pubsub = pubsub
        self.signer = Signer(secret)
        self.check_origin = check_origin
        self.session_from: Callable[[dict[str, Any]], Any] | None = None
        self.layout: Any = None
        self.head_extra = ""
        self.rate_limit: RateLimit | None = None
        self._read_asset = read_asset
        self._render_layout = render_layout
        self._routes = RouteTable()
        self._mounted = False
        self.hub = ChannelHub(PubSub(), encode_json=app.encode_json, format_error=app.format_error)
        self.hub.subscribe_topics = False
        self.hub.channel("lv:*", lambda channel, topic, params: join(self, channel, topic, params))

    # ── routes ─────────────────────────────────────────────────────────────

    def mount(self, pattern: str, definition: Definition) -> None:
        """Serve ``definition`` at ``pattern``: its page on ``GET``, its connected
        view on the socket.

        Raises:
            ValueError: a malformed pattern.
        """
        self._routes.add("GET", pattern, definition)
        self.app.route("GET", pattern, self._page)
        if not self._mounted:
            self._mounted = True
            self._serve_assets()
            mount_socket(
                self.app,
                self.hub,
                SOCKET_PATH,
                connect=self._connect,
                check_origin=self.check_origin,
            )

    def route(self, url: str) -> tuple[Definition, dict[str, Any]] | None:
        """The component mounted at ``url``'s path and its params (path parameters,
        then query parameters); None if no LiveView is mounted there."""
        path, query = route_params(url)
        matched = self._routes.match("GET", path)
        if matched is None:
            return None
        route, params = matched
        merged = dict(query)
        merged.update(params)
        return route.handler, merged  # type: ignore[return-value]

    # ── the dead render ────────────────────────────────────────────────────

    def _page(self, request: dict[str, Any]) -> dict[str, Any] | None:
        found = self.route(request.get("path", "/") + _query(request))
        if found is None:
            return None
        definition, params = found
        session = self.session_from(request) if self.session_from is not None else {}
        if not isinstance(session, dict):
            raise TypeError("the LiveView session function must return a Dict")
        view_id = new_view_id()
        view = View(definition, DEAD, view_id=view_id, session=session)
        try:
            view.mount(params)
            view.handle_params(params, request.get("path", "/"))
            if view.nav is not None:
                return {"status": 302, "headers": {"Location": view.nav[1]}, "body": ""}
            inner = view.to_html()
            title = view.assigns.get("page_title")
        finally:
            view.discard()
        token = self.signer.sign("lv:session", {"id": view_id, "s": session})
        cookies = request.get("cookies") or {}
        secret = cookies.get(CSRF_COOKIE)
        fresh = not (type(secret) is str and len(secret) >= 16)
        if fresh:
            secret = new_csrf_secret()
        head = page.head(mask_csrf(secret), self.head_extra)
        body = page.container(view_id, token, inner)
        title = title if type(title) is str else request.get("path", "/")
        if self.layout is not None and self._render_layout is not None:
            html = self._render_layout(self.layout, {"title": title, "head": head, "body": body})
        else:
            html = page.page(title, head, body)
        response: dict[str, Any] = {
            "status": 200,
            "headers": {
                "Content-Type": "text/html; charset=utf-8",
                "Cache-Control": "no-store",
            },
            "body": html,
        }
        if fresh:
            response["cookies"] = {
                CSRF_COOKIE: {"value": secret, "path": "/", "http_only": True, "same_site": "Lax"}
            }
        return response

    def _serve_assets(self) -> None:
        for url, (directory, name) in page.ASSET_ROUTES.items():

            def serve(request: dict, directory: str = directory, name: str = name) -> dict:
                return {
                    "status": 200,
                    "body": self._read_asset(directory, name),
                    "headers": {
                        "Content-Type": "text/javascript; charset=utf-8",
                        "Cache-Control": "public, max-age=3600",
                    },
                }

            self.app.route("GET", url, serve)

    # ── the socket ─────────────────────────────────────────────────────────

    def _connect(self, params: dict[str, str], upgrade: UpgradeRequest) -> dict[str, Any]:
        secret = parse_cookies(upgrade.headers.get("cookie", "")).get(CSRF_COOKIE)
        ok = csrf_valid(params.get("_csrf_token"), secret)
        if not ok:
            log.info("LiveView socket from %s without a valid CSRF token", upgrade.remote_ip)
        return {"csrf": ok}


def _query(request: dict[str, Any]) -> str:
    query = request.get("query_string") or ""
    return "?" + query if query else ""
