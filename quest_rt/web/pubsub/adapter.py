"""The seam between :class:`~.pubsub.PubSub` and the nodes that must see a broadcast.

A broadcast leaves the node through an adapter and comes back into every node
(this one included) through :meth:`PubSub.deliver_local`, which encodes it once per
codec and writes it to that node's subscribers. The local adapter does that at
once; a remote adapter (Redis next) publishes the :class:`~.pubsub.Broadcast` record
— plain data: topic, event, a JSON-able or Bytes payload, the excluded subscription
id — and delivers what it receives later, from its own task, so the encoding happens
once on each node rather than once per node on the sender.

``exclude`` (``broadcast_from``) names a subscription of the sending node. Ids are
per node (another node may well have a subscription with the same number), so a
remote adapter does not carry it across: other nodes deliver with no exclusion.
"""

from __future__ import annotations

import abc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pubsub import Broadcast, PubSub

__all__ = ["Adapter", "LocalAdapter"]


class Adapter(abc.ABC):
    """How broadcasts travel between nodes. Methods never wait: they are called from
    handlers; a remote adapter queues and does its network I/O in its own task."""

    @abc.abstractmethod
    def attach(self, pubsub: PubSub) -> None:
        """Remember the node's PubSub, where received broadcasts are delivered."""

    @abc.abstractmethod
    def publish(self, message: Broadcast) -> int:
        """Send ``message`` to every node. Returns the local deliveries made before
        returning (a remote adapter that loops its own messages back returns 0)."""


class LocalAdapter(Adapter):
    """One node: a broadcast is delivered synchronously, in the caller's task."""

    __slots__ = ("_pubsub",)

    def __init__(self) -> None:
        self._pubsub: PubSub | None = None

    def attach(self, pubsub: PubSub) -> None:
        self._pubsub = pubsub

    def publish(self, message: Broadcast) -> int:
        assert self._pubsub is not None, "adapter used before PubSub attached it"
        return self._pubsub.deliver_local(message)
