# The QEP-054 "Simple Chat Server", as written in the QEP (plus the `html` import the
# QEP leaves out). Run it and open http://127.0.0.1:3000/ in two browser tabs:
#   quest serve examples/chat/app.q
use "std/web" as web
use "std/web/ws" as ws
use "std/html" as html

let users = {}  # Track usernames by socket ID

web.websocket("/chat", fun (socket)
    socket.on_open(fun ()
        socket.send("Enter your username:")
    end)

    socket.on_message(fun (data)
        let user_id = socket.id()

        # First message is username
        if not users[user_id]
            users[user_id] = data
            socket.send("Welcome, " .. data .. "!")
            ws.broadcast("/chat", "[" .. data .. " joined]")
        else
            # Broadcast chat message
            let username = users[user_id]
            let message = username .. ": " .. data
            ws.broadcast("/chat", message)
        end
    end)

    socket.on_close(fun (code, reason)
        let username = users[socket.id()]
        if username
            ws.broadcast("/chat", "[" .. username .. " left]")
            users = users.remove(socket.id())
        end
    end)
end)

fun handle_request(request)
    if request["path"] == "/"
        {"status": 200, "body": render_chat_page()}
    end
end

fun render_chat_page()
    html.render("chat.html")
end
