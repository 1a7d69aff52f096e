# The QEP-054 "Use Case 3: Real-Time Notifications" (block 19): the NotificationComponent
# (a bell with an unread badge and a dropdown) on a page that can also send
# notifications; a notification sent to someone reaches their open pages at once, by
# PubSub. Run it and open two windows, one per person:
#   quest serve examples/notifications/app.q
#   http://127.0.0.1:3000/notifications?user=alice   and   ...?user=bob
# (/ redirects to alice's page).
#
# What differs from the QEP, and why:
# - The QEP shows the component only ("can be embedded in any LiveView"): this app
#   embeds it with lv.live_component in NotificationsPage, whose form creates a
#   notification and broadcasts it on "user:<id>:notifications" as "new_notification"
#   (the event the component's handle_info waits for).
# - Who is signed in comes from ?user= (lv.session_from puts it in the session, where
#   the component's mount reads session["user_id"]); there are no accounts to log in.
# - The helpers the QEP leaves undefined are written for real, on an in-memory store
#   (no database module yet): load_notifications (a person's notifications, newest
#   first; a read welcome note the first time), count_unread, mark_notification_read,
#   format_time (HH:MM:SS). Notification ids are Strs, because phx-value-id arrives as a
#   Str and mark_read compares it with ==.
# - The bell is an inline SVG instead of the QEP's 🔔 character, which shows as an
#   empty box where no emoji font is installed (headless browsers, many servers).
# - id/class names, the <style> given to lv.head and the page title are added for the
#   looks; `pub let` so examples/notifications/test_app.q can mount the components.
use "std/web/liveview" as lv
use "std/web/pubsub" as pubsub
use "std/time" as time

lv.head("""<link rel="icon" href="data:,">
<style>
  body { font-family: system-ui, sans-serif; background: #f4f6fb; color: #1d2433; margin: 0; }
  .topbar { display: flex; align-items: center; gap: 1.2rem; background: #1d2433; color: #dbe4ff;
            padding: .6rem 2rem; }
  .topbar .brand { font-weight: 700; margin-right: auto; }
  .notifications { position: relative; }
  .notification-bell { position: relative; background: none; border: 0; color: #dbe4ff;
                       cursor: pointer; padding: .3rem .4rem; display: flex; }
  .badge { position: absolute; top: -.2rem; right: -.4rem; background: #fa5252; color: #fff;
           font-size: .75rem; font-weight: 700; border-radius: 999px; padding: .05rem .4rem; }
  .notification-dropdown { position: absolute; right: 0; top: 2.6rem; width: 21rem; z-index: 10;
                           background: #fff; color: #1d2433; border-radius: 10px; padding: .4rem;
                           box-shadow: 0 8px 30px rgba(30, 40, 80, .25); }
  .notification-dropdown > p { margin: .8rem; color: #868e96; }
  .notification { display: grid; grid-template-columns: 1fr auto; align-items: center;
                  padding: .5rem .7rem; border-radius: 8px; }
  .notification.unread { background: #edf2ff; }
  .notification p { margin: 0; }
  .notification .time { font-size: .75rem; color: #868e96; }
  .notification button { grid-row: 1 / span 2; grid-column: 2; font-size: .75rem;
                         border: 1px solid #ced4da; background: #fff; border-radius: 6px;
                         padding: .2rem .5rem; cursor: pointer; }
  .notification:not(.unread) button { visibility: hidden; }
  main { max-width: 30rem; margin: 3rem auto; }
  form { background: #fff; border-radius: 14px; padding: 1.4rem 2rem 1.8rem;
         box-shadow: 0 6px 24px rgba(30, 40, 80, .12); }
  form h2 { margin-top: 0; }
  label { display: block; font-size: .85rem; color: #5c677d; margin: .8rem 0 .25rem; }
  select, input { box-sizing: border-box; width: 100%; padding: .5rem .6rem; font-size: 1rem;
                  border: 1px solid #ced4da; border-radius: 7px; background: #fff; }
  form button { margin-top: 1.2rem; width: 100%; padding: .6rem; font-size: 1rem; border: 0;
                border-radius: 8px; background: #3b5bdb; color: #fff; cursor: pointer; }
  .status { color: #2b8a3e; margin: 1rem .2rem; } .status.error { color: #c92a2a; }
  .hint { color: #5c677d; font-size: .9rem; margin: 1rem .2rem; }
</style>""")

# ── the in-memory notification store ────────────────────────────────────────

pub let PEOPLE = ["alice", "bob", "carol"]
let store = {"next_id": 1, "by_user": {}}

fun new_notification(message)
    let id = "n" .. store["next_id"]
    store["next_id"] = store["next_id"] + 1
    return {"id": id, "message": message, "read": false, "created_at": time.now()}
end

# A person's notifications, newest first (a read welcome note the first time).
pub fun load_notifications(user_id)
    let mine = store["by_user"][user_id]
    if mine == nil
        let welcome = new_notification("Welcome, " .. user_id .. "! Notifications show up here.")
        welcome["read"] = true
        mine = [welcome]
        store["by_user"][user_id] = mine
    end
    return mine.map(fun (n) n.clone() end)
end

pub fun count_unread(notifs)
    notifs.filter(fun (n) not n["read"] end).len()
end

pub fun mark_notification_read(notif_id)
    for user, notifs in store["by_user"]
        for n in notifs
            if n["id"] == notif_id
                n["read"] = true
            end
        end
    end
end

fun format_time(t)
    t.format("%H:%M:%S")
end

# Store a notification for a person and broadcast it to their open pages.
pub fun notify(user_id, message)
    load_notifications(user_id)  # makes sure the welcome note comes first
    let notif = new_notification(message)
    store["by_user"][user_id].insert(0, notif)
    pubsub.broadcast("user:" .. user_id .. ":notifications", "new_notification", notif.clone())
    return notif
end

# ── block 19: the component ─────────────────────────────────────────────────

pub let NotificationComponent = lv.component(fun ()
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
                <button phx-click="toggle" class="notification-bell" title="Notifications">
                    <svg viewBox="0 0 24 24" width="22" height="22" aria-label="🔔"><path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1z"/></svg>
                    <% if unread_count > 0 %>
                        <span class="badge"><%= unread_count %></span>
                    <% end %>
                </button>

                <div class="notification-dropdown" style="display: <%= open ? 'block' : 'none' %>">
                    <% if notifications.empty() %>
                        <p>No notifications</p>
                    <% else %>
                        <% for notif in notifications %>
                            <div class="notification <%= notif.read ? '' : 'unread' %>" id="notif-<%= notif.id %>">
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

# ── the page around it: the component and a form that sends notifications ────

pub let NotificationsPage = lv.component(fun ()
    fun mount(params, session, socket)
        let me = session["user_id"]
        socket.assign("me", me)
        socket.assign("others", PEOPLE.filter(fun (p) p != me end))
        socket.assign("page_title", "Notifications · " .. me)
        return socket
    end

    fun render(assigns)
        lv.template("""
            <header class="topbar">
                <span class="brand">Quest notifications</span>
                <span class="me">Signed in as <strong><%= me %></strong></span>
                <%= lv.live_component(NotificationComponent, id: "notifications") %>
            </header>
            <main>
                <form phx-submit="send" id="send-form">
                    <h2>Send a notification</h2>
                    <label for="to">To</label>
                    <select id="to" name="to">
                        <% for person in others %>
                            <option value="<%= person %>"><%= person %></option>
                        <% end %>
                    </select>
                    <label for="message">Message</label>
                    <input id="message-<%= sent_count %>" name="message" autocomplete="off"
                           placeholder="What should they know?" />
                    <button type="submit">Send</button>
                </form>
                <% if status %>
                    <p class="status <%= status_class %>" id="status"><%= status %></p>
                <% end %>
                <p class="hint">Open <a href="/notifications?user=<%= others[0] %>" target="_blank"><%= others[0] %>'s page</a>
                    in another window to watch a notification arrive.</p>
            </main>
        """, assigns)
    end

    fun handle_event(event, payload, socket)
        if event == "send"
            let recipient = payload["to"]
            let text = (payload["message"] or "").trim()
            if not PEOPLE.contains(recipient)
                socket.assign("status", "Pick someone to send to.")
                socket.assign("status_class", "error")
            elif text == ""
                socket.assign("status", "Write a message first.")
                socket.assign("status_class", "error")
            else
                notify(recipient, socket.get("me") .. ": " .. text)
                socket.assign("status", "Sent to " .. recipient .. ".")
                socket.assign("status_class", "")
                socket.assign("sent_count", socket.get("sent_count") + 1)  # a fresh, empty input
            end
        end
        return socket
    end

    return {
        "state": {"sent_count": 0, "status": nil, "status_class": ""},
        "mount": mount,
        "render": render,
        "handle_event": handle_event
    }
end)

# The signed-in person: ?user=NAME, one of PEOPLE (alice when missing or unknown).
lv.session_from(fun (request)
    let user = request["query"]["user"]
    if not PEOPLE.contains(user)
        user = PEOPLE[0]
    end
    {"user_id": user}
end)

lv.mount("/notifications", NotificationsPage)

fun handle_request(request)
    if request["path"] == "/"
        return {"status": 302, "headers": {"Location": "/notifications?user=alice"}, "body": ""}
    end
    {"status": 404, "body": "Not found"}
end
