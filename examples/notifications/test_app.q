# The notifications without a browser: `quest test examples/notifications`.
use "std/test" { module, describe, it, assert, assert_eq, assert_nil }
use "std/web/liveview" as lv
use "std/web/pubsub" as pubsub
use "std/time" as time
use "./app" as app

module("examples/notifications")

fun unread(view)
    view.render().split("class=\"notification unread\"").len() - 1
end

describe("NotificationComponent", fun ()
    it("starts with the welcome note, read, and no badge", fun ()
        let view = lv.test_mount(app.NotificationComponent, {}, {"user_id": "dora"})
        let html = view.render()
        assert(html.contains("Welcome, dora!"))
        assert(not html.contains("class=\"badge\""))
        assert_eq(view.get("unread_count"), 0)
        assert(html.contains("style=\"display: none\""))
    end)

    it("counts a notification broadcast on the user's topic", fun ()
        let view = lv.test_mount(app.NotificationComponent, {}, {"user_id": "erin"})
        let notif = {"id": "x1", "message": "Deploy finished", "read": false, "created_at": time.now()}
        assert_eq(pubsub.test_broadcast("user:erin:notifications", "new_notification", notif), 1)
        let html = view.render()
        assert(html.contains("<span class=\"badge\">1</span>"))
        assert(html.index_of("Deploy finished") < html.index_of("Welcome, erin!"))  # newest first
        assert_eq(unread(view), 1)
    end)

    it("ignores broadcasts for someone else", fun ()
        let view = lv.test_mount(app.NotificationComponent, {}, {"user_id": "finn"})
        let notif = {"id": "x2", "message": "Not yours", "read": false, "created_at": time.now()}
        pubsub.test_broadcast("user:gina:notifications", "new_notification", notif)
        assert(not view.render().contains("Not yours"))
        assert_eq(view.get("unread_count"), 0)
    end)

    it("opens and closes the dropdown with the bell", fun ()
        let view = lv.test_mount(app.NotificationComponent, {}, {"user_id": "hugo"})
        view.click("toggle")
        assert(view.render().contains("style=\"display: block\""))
        view.click("toggle")
        assert(view.render().contains("style=\"display: none\""))
    end)

    it("marks a notification read, in the page and in the store", fun ()
        let view = lv.test_mount(app.NotificationComponent, {}, {"user_id": "ines"})
        let notif = app.notify("ines", "Review requested")  # stored and broadcast
        assert_eq(view.get("unread_count"), 1)
        view.click("mark_read", {"id": notif["id"], "value": ""})
        assert_eq(view.get("unread_count"), 0)
        assert_eq(unread(view), 0)
        assert_eq(app.count_unread(app.load_notifications("ines")), 0)
        let again = lv.test_mount(app.NotificationComponent, {}, {"user_id": "ines"})
        assert_eq(again.get("unread_count"), 0)  # a new page loads it read
    end)
end)

describe("NotificationsPage", fun ()
    it("offers to send to everyone but oneself", fun ()
        let view = lv.test_mount(app.NotificationsPage, {}, {"user_id": "alice"})
        let html = view.render()
        assert(html.contains("Signed in as <strong>alice</strong>"))
        assert(html.contains("<option value=\"bob\">"))
        assert(not html.contains("<option value=\"alice\">"))
        assert(html.contains("class=\"notification-bell\""))  # the component inside
    end)

    it("stores a sent notification for its recipient, unread", fun ()
        let view = lv.test_mount(app.NotificationsPage, {}, {"user_id": "alice"})
        view.submit("send", {"to": "carol", "message": "  Standup moved to 10  "})
        assert(view.render().contains("Sent to carol."))
        let first = app.load_notifications("carol")[0]
        assert_eq(first["message"], "alice: Standup moved to 10")
        assert_eq(first["read"], false)
        assert_eq(view.get("sent_count"), 1)
    end)

    it("reaches the recipient's open page at once", fun ()
        let alice = lv.test_mount(app.NotificationsPage, {}, {"user_id": "alice"})
        let carol = lv.test_mount(app.NotificationsPage, {}, {"user_id": "carol"})
        let before = app.count_unread(app.load_notifications("carol"))
        alice.submit("send", {"to": "carol", "message": "Coffee?"})
        let html = carol.render()
        assert(html.contains("<p>alice: Coffee?</p>"))
        assert(html.contains("<span class=\"badge\">" .. (before + 1) .. "</span>"))
        assert(not alice.render().contains("alice: Coffee?"))
    end)

    it("refuses an empty message or an unknown recipient", fun ()
        let view = lv.test_mount(app.NotificationsPage, {}, {"user_id": "bob"})
        view.submit("send", {"to": "alice", "message": "   "})
        assert(view.render().contains("Write a message first."))
        view.submit("send", {"to": "mallory", "message": "hi"})
        assert(view.render().contains("Pick someone to send to."))
        assert_eq(view.get("sent_count"), 0)
    end)
end)
