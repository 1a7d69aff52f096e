# The app the phoenix.js conformance scripts (client.mjs) talk to.
use "std/web/channels" as channels
use "std/web/presence" as presence

channels.channel("room:*", fun (socket, topic, params)
    socket.on_join(fun (payload)
        if payload["deny"]
            return {"error": "unauthorized"}
        end
        socket.set("user", payload["user"])
        presence.track(socket, topic, {"user_id": payload["user"]})
        return {"joined": topic}
    end)
    socket.on("ping", fun (payload)
        return {"pong": payload}
    end)
    socket.on("shout", fun (payload)
        channels.broadcast(topic, "shout", {"from": socket.get("user"), "text": payload["text"]})
    end)
    socket.on("typing", fun (payload)
        channels.broadcast_from(socket, topic, "typing", {"from": socket.get("user")})
        return {}
    end)
    socket.on("crash", fun (payload)
        raise RuntimeErr.new("crash requested by the test")
    end)
    socket.on("bytes", fun (payload)
        socket.push("bytes", payload)
        return payload
    end)
end)
