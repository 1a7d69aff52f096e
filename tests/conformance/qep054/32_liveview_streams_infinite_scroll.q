# QEP-054 block 32, seed line 2020: liveview streams infinite scroll
# Efficiently render large lists with virtual scrolling
fun mount(params, session, socket)
    socket.stream("messages", load_initial_messages(), limit: 50)
end

fun handle_info(msg, socket)
    if msg["event"] == "new_message"
        socket.stream_insert("messages", msg["payload"], at: 0)
    end
end
