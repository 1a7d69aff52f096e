# QEP-054 block 15, seed line 697: liveview with pub sub
use "std/web/liveview" as lv
use "std/web/pubsub" as pubsub

let ChatView = lv.component(fun ()
    let state = {
        "messages": [],
        "users": [],
        "current_message": ""
    }

    fun mount(params, session, socket)
        let room_id = params["room_id"]
        let user_id = session["user_id"]

        # Subscribe to room updates
        pubsub.subscribe(socket, "room:" .. room_id)

        # Load initial data
        socket.assign("messages", load_messages(room_id))
        socket.assign("room_id", room_id)
        socket.assign("user_id", user_id)

        return socket
    end

    fun render(assigns)
        lv.template("""
            <div class="chat">
                <div class="messages">
                    <% for msg in messages %>
                        <div class="message">
                            <strong><%= msg.username %>:</strong>
                            <%= msg.text %>
                        </div>
                    <% end %>
                </div>

                <form phx-submit="send_message">
                    <input
                        type="text"
                        name="message"
                        value="<%= current_message %>"
                        phx-change="update_message"
                        autocomplete="off" />
                    <button type="submit">Send</button>
                </form>
            </div>
        """, assigns)
    end

    fun handle_event(event, payload, socket)
        if event == "update_message"
            socket.assign("current_message", payload["message"])

        elif event == "send_message"
            let room_id = socket.get("room_id")
            let user_id = socket.get("user_id")
            let message = socket.get("current_message")

            # Save message
            save_message(room_id, user_id, message)

            # Broadcast to all viewers of this room
            pubsub.broadcast("room:" .. room_id, "new_message", {
                "user_id": user_id,
                "username": get_username(user_id),
                "text": message
            })

            # Clear input
            socket.assign("current_message", "")
        end

        return socket
    end

    fun handle_info(msg, socket)
        # Receive broadcasts from pubsub
        if msg["event"] == "new_message"
            let messages = socket.get("messages")
            messages.push(msg["payload"])
            socket.assign("messages", messages)
        end

        return socket
    end

    return {
        "state": state,
        "mount": mount,
        "render": render,
        "handle_event": handle_event,
        "handle_info": handle_info
    }
end)
