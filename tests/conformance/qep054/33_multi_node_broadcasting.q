# QEP-054 block 33, seed line 2035: multi node broadcasting
# Broadcast across multiple Quest servers using Redis
use "std/web/pubsub/redis" as redis_pubsub

pubsub.configure(adapter: redis_pubsub, url: "redis://localhost")

# Now broadcasts work across all connected servers
pubsub.broadcast("room:lobby", "message", payload)
