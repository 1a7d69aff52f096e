"""Strict HTTP/1 request heads: refuse the shapes that make request smuggling possible.

h11 is lenient where RFC 9112 allows a server to be, and behind a proxy that leniency
is a security risk (issue 9): the proxy and this server may disagree on where one
request ends and the next begins. Every HTTP/1 request head this server reads goes
through :class:`StrictH11Connection` — the first head of a connection the direct
listener handed over (hypercorn re-parses the replayed bytes) and every later head
on a keep-alive connection — so one check covers every path:

- ``Content-Length`` together with ``Transfer-Encoding`` → 400 (RFC 9112 §6.1: "a
  server MAY reject such a request"; we do, then close);
- an HTTP version other than 1.0 and 1.1 (``HTTP/9.9``) → 505;
- a header line folded onto the next (obs-fold, RFC 9112 §5.2) → 400.

The answer is hypercorn's error response: the status, ``Content-Length: 0`` and
``Connection: close`` — a fixed shape, never a parser message. The connection
closes after it.

hypercorn builds its ``h11.Connection`` inside ``TCPServer.run``;
:class:`StrictTCPServer` swaps it for ours before the first byte is parsed (hypercorn
0.18.0 is pinned; ``_read_data`` is the hook).
"""

from __future__ import annotations

import h11
from hypercorn.protocol.h11 import H11Protocol
from hypercorn.trio.tcp_server import TCPServer

__all__ = ["StrictH11Connection", "StrictTCPServer", "head_violation"]

_VERSIONS = (b"1.0", b"1.1")


def head_violation(head: bytes) -> tuple[int, str] | None:
    """The raw-bytes check h11 cannot make after parsing: a folded header line.

    ``head`` is a request head ending with (or without) its blank line.
    """
    if b"\n " in head or b"\n\t" in head:
        return 400, "obs-fold header"
    return None


def request_violation(request: h11.Request) -> tuple[int, str] | None:
    """The checks on a parsed request: version, and framing by both headers."""
    if request.http_version not in _VERSIONS:
        return 505, "HTTP version not supported"
    length = chunked = False
    for name, _value in request.headers:
        if name == b"content-length":
            length = True
        elif name == b"transfer-encoding":
            chunked = True
    if length and chunked:
        return 400, "both Content-Length and Transfer-Encoding"
    return None


class StrictH11Connection(h11.Connection):
    """An ``h11.Connection`` that raises ``RemoteProtocolError`` for the heads the
    module docstring lists; hypercorn answers that with its error response."""

    def next_event(self) -> h11.Event | type[h11.NEED_DATA] | type[h11.PAUSED]:
        if self.their_state is h11.IDLE:
            data, _closed = self.trailing_data
            end = data.find(b"\r\n\r\n")
            if end >= 0:
                violation = head_violation(data[: end + 2])
                if violation is not None:
                    self._refuse(violation)
        event = super().next_event()
        if type(event) is h11.Request:
            violation = request_violation(event)
            if violation is not None:
                self._refuse(violation)
        return event

    def _refuse(self, violation: tuple[int, str]) -> None:
        # What h11 does for its own parse errors: the peer's side enters ERROR, so
        # an error response may still be sent and the connection cannot be reused.
        self._process_error(self.their_role)
        raise h11.RemoteProtocolError(violation[1], error_status_hint=violation[0])


class StrictTCPServer(TCPServer):
    """hypercorn's Trio ``TCPServer`` whose HTTP/1 parser is :class:`StrictH11Connection`."""

    async def _read_data(self) -> None:
        protocol = self.protocol.protocol
        if isinstance(protocol, H11Protocol) and type(protocol.connection) is h11.Connection:
            protocol.connection = StrictH11Connection(
                h11.SERVER, max_incomplete_event_size=self.config.h11_max_incomplete_size
            )
        await super()._read_data()
