# QEP-054 block 11, seed line 410: presence tracking
use "std/web/channels" as channels
use "std/web/presence" as presence

channels.channel("room:*", fun (socket, topic, params)
    socket.on_join(fun (payload)
        # Track presence
        presence.track(socket, topic, {
            "user_id": payload["user_id"],
            "username": payload["username"],
            "joined_at": time.now().unix()
        })

        # Get current presence list
        let users = presence.list(topic)

        # Broadcast presence diff
        channels.broadcast(topic, "presence_state", users)

        return {"users": users}
    end)

    socket.on_leave(fun ()
        presence.untrack(socket, topic)
        let users = presence.list(topic)
        channels.broadcast(topic, "presence_state", users)
    end)
end)
