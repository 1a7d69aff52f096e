"""Layer 2: Phoenix Channels (serializer v2) and Presence on the PubSub engine.

Plain Python on Trio, no Quest. Start with :class:`ChannelHub` (routes, broadcast,
presence) and :func:`mount` (the endpoint on a :class:`~quest_rt.web.WebApp`); the
per-connection protocol is :class:`ChannelSocket`, the wire format
:mod:`.serializer`, the vocabulary :mod:`.wire`.
"""

from __future__ import annotations

from .channel import Channel, ChannelState
from .endpoint import mount, socket_path
from .hub import ChannelHub
from .presence import Tracker
from .serializer import Encoder, MalformedMessage, Message, decode
from .socket import ChannelSocket, Refusal, join_reply

__all__ = [
    "Channel",
    "ChannelHub",
    "ChannelSocket",
    "ChannelState",
    "Encoder",
    "MalformedMessage",
    "Message",
    "Refusal",
    "Tracker",
    "decode",
    "join_reply",
    "mount",
    "socket_path",
]
