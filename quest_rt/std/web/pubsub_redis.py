"""``std/web/pubsub/redis``: the Redis adapter, named for ``pubsub.configure``.

``use "std/web/pubsub/redis" as redis`` then ``pubsub.configure(adapter: redis,
url: "redis://...")`` (docs/scaling.md). The module is the adapter's
name; :mod:`quest_rt.std.web.pubsub` builds the
:class:`~quest_rt.web.pubsub.redis.RedisAdapter` with the URL.
"""

from __future__ import annotations

from quest_rt.runtime.objects import QuestModule

#: The default Redis URL of a node on the same machine.
DEFAULT_URL = "redis://localhost:6379"


def create() -> QuestModule:
    return QuestModule("redis", {"DEFAULT_URL": DEFAULT_URL}, None)


__all__ = ["create"]
