"""Fixtures of the conformance tests: the web tests' server fixture, for blocks that
are served."""

from tests.web.conftest import start_server

__all__ = ["start_server"]
