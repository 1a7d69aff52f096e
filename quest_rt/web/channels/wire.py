"""The Phoenix Channels wire vocabulary (serializer ``vsn=2.0.0``, wire-protocol §3–5).

Every event name, reserved topic, status, refusal reason and default limit the
channel layer puts on or reads from the wire is named here once.
"""

from __future__ import annotations

#: The serializer version we speak; a ``vsn`` query parameter must start with "2.".
VSN = "2.0.0"

#: The reserved topic of heartbeats (never routed to an app channel).
PHOENIX_TOPIC = "phoenix"

# Events.
PHX_JOIN = "phx_join"
PHX_LEAVE = "phx_leave"
PHX_REPLY = "phx_reply"
PHX_CLOSE = "phx_close"
PHX_ERROR = "phx_error"
HEARTBEAT = "heartbeat"
PRESENCE_STATE = "presence_state"
PRESENCE_DIFF = "presence_diff"

# Reply statuses.
OK = "ok"
ERROR = "error"

# Refusal reasons, as Phoenix words them (wire-protocol §4.1, §8.5).
UNMATCHED_TOPIC = "unmatched topic"
JOIN_CRASHED = "join crashed"
TOO_MANY_CHANNELS = "too many channels joined"
#: Ours: the app's rate-limit hook refused an event.
RATE_LIMITED = "rate limited"
#: Ours: a joined channel has no handler for the event.
UNHANDLED_EVENT = "unhandled event"
#: Ours: a frame we could not read but whose ref and topic we could.
MALFORMED = "malformed message"
#: The payload of ``phx_error`` (the 1.9 wording; the client does not read it).
CHANNEL_CRASH = "channel_crash"

# Binary frame kinds (byte 0 of a v2 binary frame).
KIND_PUSH = 0
KIND_REPLY = 1
KIND_BROADCAST = 2

#: Phoenix's default per-socket channel limit.
MAX_CHANNELS = 100
#: Seconds without any inbound message after which a socket is closed (Phoenix's
#: ``timeout: 60_000``; a client heartbeats every 30 s).
IDLE_TIMEOUT = 60.0
#: The close code of an idle socket: "going away", so the client reconnects (a
#: 1000 would make a LiveSocket reload the page, wire-protocol §4.10).
CLOSE_IDLE = 1001
#: The mount path an app that declares channels gets without asking (the QEP's
#: page does ``new Socket('/ws')``, which connects to ``/ws/websocket``).
DEFAULT_MOUNT = "/ws"
