# QEP-054 block 10, seed line 298: channel definition
use "std/web/channels" as channels

# Define channel handler
channels.channel("room:*", fun (socket, topic, params)
    # Called when client joins this channel
    socket.on_join(fun (payload)
        let room_id = topic.split(":")[1]
        puts("User joined room: " .. room_id)

        # Authorize join
        if not is_authorized(socket, room_id)
            return {"error": "Unauthorized"}
        end

        # Track presence
        socket.set("user_id", payload["user_id"])
        socket.set("username", payload["username"])

        # Notify others
        channels.broadcast(topic, "user_joined", {
            "user_id": payload["user_id"],
            "username": payload["username"]
        })

        # Return initial state
        return {
            "messages": get_room_messages(room_id),
            "users": get_room_users(room_id)
        }
    end)

    # Handle custom events
    socket.on("new_message", fun (payload)
        let message = payload["message"]
        let user_id = socket.get("user_id")

        # Save message
        save_message(room_id, user_id, message)

        # Broadcast to all in room
        channels.broadcast(topic, "new_message", {
            "user_id": user_id,
            "username": socket.get("username"),
            "message": message,
            "timestamp": time.now().iso()
        })

        return {"ok": true}
    end)

    socket.on("typing", fun (payload)
        # Broadcast to others (not self)
        channels.broadcast_from(socket, topic, "user_typing", {
            "user_id": socket.get("user_id")
        })
        return {"ok": true}
    end)

    socket.on_leave(fun ()
        channels.broadcast(topic, "user_left", {
            "user_id": socket.get("user_id")
        })
    end)
end)
