# The QEP-054 room channel with presence (blocks 10 and 11 together), with the helper
# functions the QEP assumes, and a page (index.html) that uses the official phoenix
# client served by the app at /assets/phoenix.min.js.
#
#   quest serve examples/channels_chat/app.q     then open two tabs on http://127.0.0.1:3000/
#
# One change to block 10: `room_id` is computed once per join at the top of the channel
# function, where every handler sees it (in the QEP it lives inside on_join, so
# new_message would fail with a NameErr).
use "std/web" as web
use "std/web/channels" as channels
use "std/web/presence" as presence
use "std/time" as time
use "std/html" as html

# room_id -> Array of the room's last messages
let history = {}

fun is_authorized(socket, room_id)
    return room_id != "" and socket.get("username") != nil
end

fun get_room_messages(room_id)
    return history.get(room_id, [])
end

fun get_room_users(room_id)
    return presence.list("room:" .. room_id).keys()
end

fun save_message(room_id, user_id, message)
    let messages = history.get(room_id, [])
    messages.push({"user_id": user_id, "message": message})
    if messages.len() > 50
        messages = messages.slice(messages.len() - 50, messages.len())
    end
    history[room_id] = messages
end

channels.channel("room:*", fun (socket, topic, params)
    let room_id = topic.split(":")[1]

    socket.on_join(fun (payload)
        puts("User joined room: " .. room_id)
        socket.set("user_id", payload["user_id"])
        socket.set("username", payload["username"])

        if not is_authorized(socket, room_id)
            return {"error": "Unauthorized"}
        end

        presence.track(socket, topic, {
            "user_id": payload["user_id"],
            "username": payload["username"],
            "joined_at": time.now().unix()
        })

        channels.broadcast(topic, "user_joined", {
            "user_id": payload["user_id"],
            "username": payload["username"]
        })

        return {
            "messages": get_room_messages(room_id),
            "users": get_room_users(room_id)
        }
    end)

    socket.on("new_message", fun (payload)
        let message = payload["message"]
        let user_id = socket.get("user_id")
        save_message(room_id, user_id, message)
        channels.broadcast(topic, "new_message", {
            "user_id": user_id,
            "username": socket.get("username"),
            "message": message,
            "timestamp": time.now().iso()
        })
        return {"ok": true}
    end)

    socket.on("typing", fun (payload)
        channels.broadcast_from(socket, topic, "user_typing", {
            "user_id": socket.get("user_id"),
            "username": socket.get("username")
        })
        return {"ok": true}
    end)

    socket.on_leave(fun ()
        channels.broadcast(topic, "user_left", {
            "user_id": socket.get("user_id")
        })
    end)
end)

fun handle_request(request)
    if request["path"] == "/"
        return {"status": 200, "body": html.render("index.html")}
    end
    return {"status": 404, "body": "Not found"}
end
