# The Quest server of the web benchmarks: echo on /ws; "broadcast:<x>" broadcasts <x>.
use "std/web" as web
use "std/web/ws" as ws

web.websocket("/ws", fun (socket)
  socket.on_message(fun (data)
    if data.startswith("broadcast:")
      ws.broadcast("/ws", data.slice(10, data.len()))
    else
      socket.send(data)
    end
  end)
end)
