# QEP-054 block 08, seed line 184: broadcasting to multiple clients
use "std/web/ws" as ws

# Send to specific connection
ws.send_to(connection_id: Str, message: Str)

# Send to all connections on a path
ws.broadcast("/ws/chat", "New message!")

# Send to connections matching filter
ws.broadcast_if("/ws", fun (socket)
    socket.get("room") == "general"
end, "Hello room!")

# Get all active connections
let connections = ws.get_connections("/ws")
let i = 0
while i < connections.len()
    let socket = connections[i]
    puts("Connection: " .. socket.id())
    i = i + 1
end
