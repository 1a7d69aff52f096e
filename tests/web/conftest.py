"""Fixtures for the web engine tests: servers on port 0 in the test's own nursery."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial

import pytest
import trio

from quest_rt.web import TransportKind, WebApp, serve


@pytest.fixture(params=[TransportKind.DIRECT, TransportKind.HYPERCORN], ids=lambda k: k.value)
def transport(request: pytest.FixtureRequest) -> TransportKind:
    """Every WebSocket test runs against both transports behind the seam."""
    return request.param


@pytest.fixture
def app(transport: TransportKind) -> WebApp:
    app = WebApp()
    app.settings.transport = transport
    app.settings.ws_close_timeout = 2.0
    return app


@pytest.fixture
def http_app() -> WebApp:
    """An app for HTTP tests, on the default transport (so plain HTTP goes through the
    direct listener's hand-off to hypercorn, the path production takes)."""
    return WebApp()


StartServer = Callable[..., Awaitable[int]]


@pytest.fixture
def start_server(nursery: trio.Nursery) -> StartServer:
    """``port = await start_server(app)`` — serve in the test's nursery on port 0.
    ``shutdown_trigger`` may be passed to test graceful shutdown."""

    async def start(app: WebApp, **kwargs: object) -> int:
        return await nursery.start(partial(serve, app, host="127.0.0.1", port=0, **kwargs))

    return start


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "autobahn: runs the Autobahn|Testsuite (needs pyenv's Python 2.7.18)"
    )
