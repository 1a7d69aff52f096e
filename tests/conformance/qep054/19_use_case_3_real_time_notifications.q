# QEP-054 block 19, seed line 1531: use case 3 real time notifications
use "std/web/liveview" as lv
use "std/web/pubsub" as pubsub

let NotificationComponent = lv.component(fun ()
    let state = {
        "notifications": [],
        "unread_count": 0
    }

    fun mount(params, session, socket)
        let user_id = session["user_id"]

        # Subscribe to user's notification channel
        pubsub.subscribe(socket, "user:" .. user_id .. ":notifications")

        # Load recent notifications
        let notifs = load_notifications(user_id)
        socket.assign("notifications", notifs)
        socket.assign("unread_count", count_unread(notifs))

        return socket
    end

    fun render(assigns)
        lv.template("""
            <div class="notifications">
                <button phx-click="toggle" class="notification-bell">
                    🔔
                    <% if unread_count > 0 %>
                        <span class="badge"><%= unread_count %></span>
                    <% end %>
                </button>

                <div class="notification-dropdown" style="display: <%= open ? 'block' : 'none' %>">
                    <% if notifications.empty() %>
                        <p>No notifications</p>
                    <% else %>
                        <% for notif in notifications %>
                            <div class="notification <%= notif.read ? '' : 'unread' %>">
                                <p><%= notif.message %></p>
                                <span class="time"><%= format_time(notif.created_at) %></span>
                                <button phx-click="mark_read" phx-value-id="<%= notif.id %>">
                                    Mark read
                                </button>
                            </div>
                        <% end %>
                    <% end %>
                </div>
            </div>
        """, assigns)
    end

    fun handle_event(event, payload, socket)
        if event == "toggle"
            socket.assign("open", not socket.get("open"))

        elif event == "mark_read"
            let notif_id = payload["id"]
            mark_notification_read(notif_id)

            let notifs = socket.get("notifications")
            notifs = notifs.map(fun (n)
                if n["id"] == notif_id
                    n["read"] = true
                end
                n
            end)

            socket.assign("notifications", notifs)
            socket.assign("unread_count", count_unread(notifs))
        end

        return socket
    end

    fun handle_info(msg, socket)
        if msg["event"] == "new_notification"
            let notif = msg["payload"]
            let notifs = socket.get("notifications")
            notifs = [notif] .. notifs  # Prepend
            socket.assign("notifications", notifs)
            socket.assign("unread_count", socket.get("unread_count") + 1)
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

# Can be embedded in any LiveView
# <%= lv.live_component(NotificationComponent, id: "notifications") %>
