# QEP-054 block 25, seed line 1760: broadcast optimization
# Don't send diffs to sender
pubsub.broadcast_from(socket, topic, event, payload)

# Batch updates
pubsub.broadcast_batch(topic, events)

# Selective delivery
pubsub.broadcast_if(topic, fun (socket)
    socket.get("subscribed_to_alerts")
end, event, payload)
