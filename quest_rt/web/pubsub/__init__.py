"""Topics → subscribers, with one broadcast encoded once per node (the PubSub engine).

Channels (Layer 2) and LiveView (Layer 3) subscribe connections to topics here; the
adapter underneath decides how a broadcast reaches the other nodes (only this node
for now: :class:`LocalAdapter`). See :mod:`.pubsub` for the model.
"""

from __future__ import annotations

from .adapter import Adapter, LocalAdapter
from .pubsub import Broadcast, Owner, PubSub, PubSubStatistics, Subscription

__all__ = [
    "Adapter",
    "Broadcast",
    "LocalAdapter",
    "Owner",
    "PubSub",
    "PubSubStatistics",
    "Subscription",
]
