# QEP-054 block 18, seed line 1402: use case 2 collaborative text editor
use "std/web/liveview" as lv
use "std/web/pubsub" as pubsub

let EditorView = lv.component(fun ()
    let state = {
        "content": "",
        "cursors": {},
        "doc_id": nil,
        "user_id": nil
    }

    fun mount(params, session, socket)
        let doc_id = params["doc_id"]
        let user_id = session["user_id"]

        # Load document
        let doc = load_document(doc_id)
        socket.assign("content", doc["content"])
        socket.assign("doc_id", doc_id)
        socket.assign("user_id", user_id)

        # Subscribe to document updates
        pubsub.subscribe(socket, "doc:" .. doc_id)

        # Announce presence
        pubsub.broadcast("doc:" .. doc_id, "user_joined", {
            "user_id": user_id,
            "username": session["username"]
        })

        return socket
    end

    fun render(assigns)
        lv.template("""
            <div class="editor">
                <div class="toolbar">
                    <h2>Document <%= doc_id %></h2>
                    <div class="users">
                        <% for user_id, cursor in cursors %>
                            <span class="user" style="color: <%= cursor.color %>">
                                <%= cursor.username %>
                            </span>
                        <% end %>
                    </div>
                </div>

                <div class="editor-area">
                    <textarea
                        phx-change="update_content"
                        phx-hook="Editor"
                        phx-debounce="100"
                    ><%= content %></textarea>
                </div>
            </div>
        """, assigns)
    end

    fun handle_event(event, payload, socket)
        if event == "update_content"
            let content = payload["value"]
            let cursor = payload["cursor"]

            # Save to DB (debounced in real impl)
            save_document(socket.get("doc_id"), content)

            # Broadcast change to other users
            pubsub.broadcast("doc:" .. socket.get("doc_id"), "content_updated", {
                "user_id": socket.get("user_id"),
                "content": content,
                "cursor": cursor
            })

            socket.assign("content", content)
        end

        return socket
    end

    fun handle_info(msg, socket)
        let event = msg["event"]

        if event == "content_updated"
            let payload = msg["payload"]

            # Don't update if it's our own change
            if payload["user_id"] != socket.get("user_id")
                socket.assign("content", payload["content"])

                # Update cursor position
                let cursors = socket.get("cursors")
                cursors[payload["user_id"]] = payload["cursor"]
                socket.assign("cursors", cursors)
            end

        elif event == "user_joined"
            let payload = msg["payload"]
            let cursors = socket.get("cursors")
            cursors[payload["user_id"]] = {
                "username": payload["username"],
                "color": generate_color(payload["user_id"])
            }
            socket.assign("cursors", cursors)

        elif event == "user_left"
            let payload = msg["payload"]
            let cursors = socket.get("cursors")
            cursors = cursors.remove(payload["user_id"])
            socket.assign("cursors", cursors)
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

lv.mount("/editor/:doc_id", EditorView)
