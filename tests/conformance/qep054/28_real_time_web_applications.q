# QEP-054 block 28, seed line 1859: real time web applications
use "std/web" as web
web.websocket("/ws", fun (socket)
    socket.on_message(fun (data)
        socket.send("Echo: " .. data)
    end)
end)
