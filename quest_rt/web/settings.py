"""Server settings: every limit the engine enforces, named, with its default and reason.

One dataclass per app (``WebApp.settings``) rather than loose module constants, so a
test or a Quest app can change a limit for one server without touching another
running in the same process. Change settings before serving: a running server has
already copied some of them into hypercorn's config. The dataclass has slots, so a
misspelled field (``settings.ws_queue_size = 8``) raises AttributeError instead of
silently setting nothing.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

__all__ = ["CLOSE_SLOW_CONSUMER", "TransportKind", "WebSettings"]

#: Close code sent to a client whose outbound queue overflowed. 1008 "policy
#: violation" is the code wire-protocol §9.2 assigns to slow consumers; 1013 "try
#: again later" would invite an immediate reconnect into the same overload.
CLOSE_SLOW_CONSUMER = 1008


class TransportKind(enum.Enum):
    """Which code moves WebSocket bytes (plain HTTP is always hypercorn's)."""

    #: hypercorn's ASGI WebSocket path: reference behaviour, slower per message.
    HYPERCORN = "hypercorn"
    #: our listener takes upgrades on registered paths before hypercorn sees them
    #: and runs them on :mod:`quest_rt.web.ws.direct`; every other connection is handed
    #: to hypercorn with the bytes already read replayed.
    DIRECT = "direct"


@dataclass(slots=True)
class WebSettings:
    """Host, port and limits of one server. Defaults are the documented defaults."""

    host: str = "127.0.0.1"
    port: int = 3000

    #: Which WebSocket transport serves upgrades (see :class:`TransportKind`).
    transport: TransportKind = TransportKind.DIRECT

    #: Largest WebSocket message accepted, in bytes (text counted as UTF-8).
    #: Over it the connection is closed with 1009. 1 MiB (wire-protocol §9.1)
    #: rather than hypercorn's 16 MiB: a Layer-1 chat or game message is small, and
    #: the limit bounds the memory one client can make us buffer.
    ws_max_message_size: int = 1 << 20

    #: Outbound messages that may wait for one slow client. A send finding this many
    #: (or :attr:`ws_queue_bytes`) already waiting closes the client with
    #: :data:`CLOSE_SLOW_CONSUMER`. 1024 lets a handler burst a thousand small sends
    #: without a reader keeping pace.
    ws_queue_depth: int = 1024

    #: Outbound bytes that may wait for one slow client (frames the kernel has not
    #: taken yet); a send finding this many waiting closes the client with
    #: :data:`CLOSE_SLOW_CONSUMER`, so one client holds at most this plus one
    #: message. A broadcast frame shared by every recipient counts in each queue it
    #: waits in. 4 MiB: four messages at the largest size a client may send us,
    #: hundreds of ordinary ones (issue 9: counted in messages only, one client that
    #: never read held 776 MB).
    ws_queue_bytes: int = 4 << 20

    #: Handler calls (messages, timers, layer jobs) that may wait in one connection's
    #: mailbox while its current handler runs. A reader stops reading at this depth
    #: (TCP backpressure); a job posted by another task beyond it closes the
    #: connection with :data:`CLOSE_SLOW_CONSUMER`. Same depth as the outbound queue.
    ws_mailbox_depth: int = 1024

    #: permessage-deflate, when a client offers it (both transports). Off: it costs
    #: about 60% more CPU per message (measured, issue 3) and Layer-1 messages are
    #: small. When on, inflation stops at :attr:`ws_max_message_size` (1009), so a
    #: deflate bomb costs at most that (:mod:`quest_rt.web.ws.deflate`).
    ws_compression: bool = False

    #: Seconds to wait for the peer's close frame (and for queued bytes to drain)
    #: after we send ours, before dropping TCP.
    ws_close_timeout: float = 5.0

    #: Seconds a message may take from its first byte to its last (a fragmented
    #: message, or one large frame trickling in). Past it the connection is closed
    #: with 1008: a client cannot hold a half-sent message, and the memory it
    #: buffers, for ever (issue 9: 100 unfinished messages held after 65 s). 30 s
    #: lets a 1 MiB message through at 35 KB/s. 0: no limit.
    ws_message_timeout: float = 30.0

    #: Seconds of silence from a client (nothing read from it) after which the
    #: server sends a ping. Any bytes count, so a Phoenix client's 30 s heartbeat
    #: is never pinged. 0: never ping (a silent peer is then held until TCP gives up).
    ws_ping_interval: float = 45.0

    #: Seconds a pinged client has to send anything (its pong) before it is closed
    #: with 1001. With the interval, a dead peer goes after 60 s of silence, as
    #: Phoenix's idle timeout.
    ws_ping_timeout: float = 15.0

    #: Seconds a fresh connection may take to send its request head before the
    #: direct listener drops it (hypercorn's keep-alive timeout plays this role for
    #: connections it owns).
    header_timeout: float = 10.0

    #: Largest request head the direct listener peeks at; a longer head is handed to
    #: hypercorn, which answers it under its own limits.
    max_header_size: int = 64 * 1024

    #: Largest HTTP request body, in bytes; over it the answer is 413.
    max_body_size: int = 10 * 1024 * 1024

    #: Seconds an HTTP request body may pause between chunks, and the grace before
    #: :attr:`body_min_rate` applies. Past either, the answer is 408 and the connection
    #: closes: a client announcing 10 GB and sending 1 KB holds nothing for long.
    body_timeout: float = 10.0

    #: Slowest HTTP request body accepted, in bytes per second, counted from
    #: :attr:`body_timeout` seconds after the head (a modem's 56 kbit/s is 7,000 B/s;
    #: 1,024 still lets a phone on a bad link through). 0 disables the rate check.
    body_min_rate: int = 1024

    #: Connections served at once; one more is answered 503 (an upgrade: refused with
    #: 503 before the handshake) and closed. 0: from the open-file limit, which the
    #: server raises to its hard maximum at start: that limit less a quarter (at most
    #: 1,024) kept for files, logs and the process's own descriptors.
    max_connections: int = 0

    #: Connections served at once from one IP address (0: no such limit). Off by
    #: default: many clients behind one NAT or proxy share an address.
    max_connections_per_ip: int = 0

    #: Seconds in-flight HTTP requests and closing WebSockets get at shutdown.
    graceful_timeout: float = 10.0

    #: Seconds an idle HTTP keep-alive connection stays open (hypercorn's setting).
    keep_alive_timeout: float = 5.0

    #: Seconds a handler may block the server's loop before one warning line names
    #: it (its ``.q`` file and line). Every other client waits meanwhile.
    handler_warn_after: float = 0.5

    #: Seconds a handler may block the loop before it is interrupted with an error
    #: ("handler exceeded 5 s": 500 for a request, 1011 for a WebSocket). 0: never
    #: interrupted (the warning still comes). 5 s is far beyond any sane handler
    #: and short enough that the other clients' connections survive the stall.
    handler_time_limit: float = 5.0

    #: Log one line per HTTP request (method, path, status, duration).
    access_log: bool = True
