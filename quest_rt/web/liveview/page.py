"""The dead render's HTML page (wire-protocol.md §6.2).

Everything a LiveView page needs around the view: the CSRF meta tag, the title, the
vendored ``phoenix`` and ``phoenix_live_view`` bundles, our bootstrap
(``assets/quest_live.js``, which connects a ``LiveSocket`` to ``/live``) and the
``[data-phx-main]`` container with the signed session and the view already rendered
inside, so the page shows its content before the socket connects and nothing
flashes when the join's render replaces it.

An app can bring its own layout: a function of ``{"title", "head", "body"}`` (the
last two already HTML) returning the page; it must output ``head`` inside its
``<head>`` and ``body`` where the view goes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from quest_rt.common.rendered import Raw, escape

__all__ = ["ASSET_ROUTES", "BOOTSTRAP", "Layout", "container", "head", "page"]

#: What a LiveView app serves under /assets: URL → (directory under assets/, file).
ASSET_ROUTES = {
    "/assets/phoenix.min.js": ("liveview", "phoenix.min.js"),
    "/assets/phoenix.js": ("liveview", "phoenix.js"),
    "/assets/phoenix_live_view.min.js": ("liveview", "phoenix_live_view.min.js"),
    "/assets/phoenix_live_view.js": ("liveview", "phoenix_live_view.js"),
    "/assets/quest_live.js": ("", "quest_live.js"),
}
BOOTSTRAP = "/assets/quest_live.js"

#: ``layout({"title": Str, "head": Raw, "body": Raw}) -> HTML``
Layout = Callable[[dict[str, Any]], Any]


def head(csrf_token: str, extra: str = "") -> Raw:
    """The tags a LiveView page needs in its ``<head>`` (``extra`` goes before the
    scripts: an app's hooks must be defined before the bootstrap runs)."""
    return Raw(
        '<meta name="csrf-token" content="'
        + escape(csrf_token)
        + '">\n'
        + extra
        + '<script defer src="/assets/phoenix.min.js"></script>\n'
        '<script defer src="/assets/phoenix_live_view.min.js"></script>\n'
        f'<script defer src="{BOOTSTRAP}"></script>\n'
    )


def container(view_id: str, session_token: str, inner_html: str) -> Raw:
    """The main view's container: the view id, the signed session, an empty static
    token (the client then sends ``"static": null``) and the rendered view."""
    return Raw(
        f'<div id="{view_id}" data-phx-main data-phx-session="{escape(session_token)}"'
        f' data-phx-static="">{inner_html}</div>'
    )


def page(title: str, head_html: str, body_html: str) -> str:
    """The default layout."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<link rel="icon" href="data:,">\n'
        f"<title>{escape(title)}</title>\n"
        f"{head_html}"
        "</head>\n"
        "<body>\n"
        f"{body_html}\n"
        "</body>\n"
        "</html>\n"
    )
