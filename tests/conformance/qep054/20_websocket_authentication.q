# QEP-054 block 20, seed line 1636: websocket authentication
use "std/web" as web
use "std/web/ws" as ws

web.websocket("/ws/secure", fun (socket)
    # Verify token from headers
    let token = socket.headers()["authorization"]

    if not verify_token(token)
        socket.close(4401, "Unauthorized")
        return
    end

    let user_id = extract_user_id(token)
    socket.set("user_id", user_id)
    socket.set("authenticated", true)

    socket.on_message(fun (data)
        # All messages have auth context
        let user_id = socket.get("user_id")
        process_authenticated_message(user_id, data)
    end)
end)
