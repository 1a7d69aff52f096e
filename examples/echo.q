# A WebSocket echo server (QEP-054 Layer 1).
#   quest serve examples/echo.q    then connect to ws://127.0.0.1:3000/ws
use "std/web" as web

web.websocket("/ws", fun (socket)
  socket.on_open(fun ()
    puts("connected: " .. socket.id())
  end)
  socket.on_message(fun (data)
    socket.send("Echo: " .. data)
  end)
  socket.on_close(fun (code, reason)
    puts("closed: " .. socket.id() .. " (" .. code .. ")")
  end)
end)

fun handle_request(request)
  {"status": 200, "body": "Connect a WebSocket client to /ws"}
end
