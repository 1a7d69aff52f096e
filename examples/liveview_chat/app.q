# LiveView chat with PubSub: the ChatView of QEP-054 block 15 ("LiveView with Pub/Sub"),
# served by the official LiveView client. Every page open on a room sees every message,
# on one node or on several sharing Redis (docs/scaling.md).
#
#   quest serve examples/liveview_chat/app.q
#   then open http://127.0.0.1:3000/chat/lobby?name=alice and, in another window,
#   http://127.0.0.1:3000/chat/lobby?name=bob     (/ redirects to /chat/lobby)
#
# What differs from the QEP, and why:
# - The helpers the QEP leaves undefined are written for real, on in-memory data (there
#   is no database module yet): load_messages/save_message keep each room's last 100
#   messages in this process (with several nodes, each node keeps its own history;
#   live messages still reach every node), get_username reads the name out of the id.
# - The session comes from lv.session_from: the page's ?name= (a guest name without
#   one) makes the user id "<name>#<4 hex digits>", so two tabs named alike differ.
# - mount keeps the name as an assign for the header; the template has a header, a
#   hook that keeps the newest message in sight, an empty-room line, and marks one's
#   own messages.
# - send_message ignores a blank message (a person pressing Enter on an empty box).
# - `pub let ChatView` so examples/liveview_chat/test_app.q can mount it without a browser.
use "std/web" as web
use "std/web/liveview" as lv
use "std/web/pubsub" as pubsub
use "std/uuid" as uuid

const HISTORY = 100

# room id -> Array of {"user_id", "username", "text"}, oldest first
let rooms = {}

pub fun load_messages(room_id)
    let messages = rooms.get(room_id, [])
    # a copy: the view pushes onto its own Array, the room's history stays as saved
    return messages.slice(0, messages.len())
end

pub fun save_message(room_id, user_id, message)
    let messages = rooms.get(room_id, [])
    messages.push({"user_id": user_id, "username": get_username(user_id), "text": message})
    if messages.len() > HISTORY
        messages = messages.slice(messages.len() - HISTORY, messages.len())
    end
    rooms[room_id] = messages
end

pub fun get_username(user_id)
    if user_id == nil
        return "someone"
    end
    return user_id.split("#")[0]
end

fun new_user_id(name)
    let clean = (name ?: "").trim()
    if clean == ""
        clean = "guest-" .. uuid.v4().to_simple().slice(0, 4)
    end
    if clean.len() > 24
        clean = clean.slice(0, 24)
    end
    return clean.replace("#", "") .. "#" .. uuid.v4().to_simple().slice(0, 4)
end

lv.session_from(fun (request)
    {"user_id": new_user_id(request["query"].get("name"))}
end)

pub let ChatView = lv.component(fun ()
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
        socket.assign("me", get_username(user_id))
        socket.assign("page_title", "#" .. room_id .. " · Quest chat")

        return socket
    end

    fun render(assigns)
        lv.template("""
            <div class="chat">
                <header>
                    <h1>#<%= room_id %></h1>
                    <span class="me">you are <b><%= me %></b></span>
                </header>
                <div class="messages" id="messages" phx-hook="ScrollDown">
                    <% if messages.empty() %>
                        <p class="empty">No messages yet. Say hello!</p>
                    <% end %>
                    <% for msg in messages %>
                        <div class="message<%= msg.user_id == user_id ? ' mine' : '' %>">
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
                        placeholder="Write a message…"
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
            if message == nil or message.trim() == ""
                return socket
            end

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

lv.mount("/chat/:room_id", ChatView)
web.redirect("/", "/chat/lobby")

lv.head("""
<script>
window.QuestLiveHooks = {
  ScrollDown: {
    mounted() { this.el.scrollTop = this.el.scrollHeight },
    updated() { this.el.scrollTop = this.el.scrollHeight }
  }
}
</script>
<style>
  body { margin: 0; font: 15px/1.4 system-ui, sans-serif; background: #eef1f5; color: #1d2330; }
  .chat { max-width: 640px; margin: 32px auto; background: #fff; border-radius: 10px;
          box-shadow: 0 2px 12px rgba(0,0,0,.08); display: flex; flex-direction: column;
          height: calc(100vh - 64px); max-height: 640px; }
  header { display: flex; align-items: baseline; justify-content: space-between;
           padding: 14px 18px; border-bottom: 1px solid #e3e6eb; }
  header h1 { margin: 0; font-size: 20px; }
  .me { color: #5b6474; font-size: 13px; }
  .messages { flex: 1; overflow-y: auto; padding: 12px 18px; }
  .message { padding: 6px 10px; margin: 4px 0; border-radius: 6px; background: #f4f6fa; }
  .message strong { color: #3358c4; }
  .message.mine { background: #e6edff; }
  .empty { color: #8a93a3; font-style: italic; }
  form { display: flex; gap: 8px; padding: 12px 18px; border-top: 1px solid #e3e6eb; }
  form input { flex: 1; padding: 9px 12px; border: 1px solid #c9ced8; border-radius: 6px;
               font: inherit; }
  form button { padding: 9px 18px; border: 0; border-radius: 6px; background: #3358c4;
                color: #fff; font: inherit; cursor: pointer; }
</style>
""")
