# QEP-054 block 06, seed line 128: basic websocket handler
use "std/web" as web
use "std/web/ws" as ws

# Define WebSocket handler
web.websocket("/ws", fun (socket)
    # Called when connection opens
    socket.on_open(fun ()
        puts("Client connected: " .. socket.id())
        socket.send("Welcome!")
    end)

    # Called when message received
    socket.on_message(fun (data)
        puts("Received: " .. data)
        socket.send("Echo: " .. data)
    end)

    # Called when connection closes
    socket.on_close(fun (code, reason)
        puts("Client disconnected: " .. socket.id())
    end)

    # Called on error
    socket.on_error(fun (error)
        puts("WebSocket error: " .. error)
    end)
end)

fun handle_request(request)
    # Regular HTTP handler
    {"status": 200, "body": "Hello"}
end
