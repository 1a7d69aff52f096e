# QEP-054 block 29, seed line 1869: real time web applications
use "std/web/channels" as channels
channels.channel("room:*", fun (socket, topic, params)
    socket.on_join(fun (payload)
        channels.broadcast(topic, "user_joined", payload)
    end)
end)
