# examples/liveview_chat without a browser: the QEP's ChatView (block 15) under lv.test_mount.
use "std/test" { module, describe, it, assert, assert_eq }
use "std/web/liveview" as lv
use "std/web/pubsub" as pubsub
use "./app" as chat

module("examples/liveview_chat")

describe("ChatView", fun ()
  it("mounts on a room with its history and the user's name", fun ()
    chat.save_message("q-history", "zoe#0001", "earlier")
    let view = lv.test_mount(chat.ChatView, {"room_id": "q-history"}, {"user_id": "ada#1234"})
    let html = view.render()
    assert(html.contains("<h1>#q-history</h1>"))
    assert(html.contains("you are <b>ada</b>"))
    assert(html.contains("<strong>zoe:</strong>"))
    assert(html.contains("earlier"))
    assert(not html.contains("No messages yet"))
    assert_eq(view.get("page_title"), "#q-history · Quest chat")
  end)

  it("shows a broadcast on the room, escaped, and marks one's own messages", fun ()
    let view = lv.test_mount(chat.ChatView, {"room_id": "q-broadcast"}, {"user_id": "ada#1234"})
    assert(view.render().contains("No messages yet"))
    let n = pubsub.test_broadcast("room:q-broadcast", "new_message",
      {"user_id": "bob#9999", "username": "bob", "text": "<i>hi</i>"})
    assert_eq(n, 1)
    pubsub.test_broadcast("room:q-broadcast", "new_message",
      {"user_id": "ada#1234", "username": "ada", "text": "mine"})
    let html = view.render()
    assert(html.contains("&lt;i&gt;hi&lt;/i&gt;"))
    assert(not html.contains("No messages yet"))
    assert(html.contains("<div class=\"message mine\">"))
    assert_eq(view.get("messages").len(), 2)
    # a message for another room does not arrive
    pubsub.test_broadcast("room:elsewhere", "new_message", {"username": "x", "text": "nope"})
    assert(not view.render().contains("nope"))
  end)

  it("sends what was typed, saves it and empties the box", fun ()
    let view = lv.test_mount(chat.ChatView, {"room_id": "q-send"}, {"user_id": "ada#1234"})
    view.change("update_message", {"message": "hello"}, "message")
    assert(view.render().contains("value=\"hello\""))
    let listener = lv.test_mount(chat.ChatView, {"room_id": "q-send"}, {"user_id": "cy#4242"})
    view.submit("send_message", {"message": "hello"})
    assert_eq(view.get("current_message"), "")
    # the broadcast reached both views of the room, the sender's own too
    assert_eq(view.get("messages"), [{"user_id": "ada#1234", "username": "ada", "text": "hello"}])
    assert_eq(listener.get("messages").len(), 1)
    assert(listener.render().contains("<strong>ada:</strong>"))
    assert(view.render().contains("value=\"\""))
    # saved: the next person in the room gets it with the history
    let later = lv.test_mount(chat.ChatView, {"room_id": "q-send"}, {"user_id": "bob#9999"})
    assert(later.render().contains("<strong>ada:</strong>"))
    assert(later.render().contains("hello"))
  end)

  it("sends nothing for a blank message", fun ()
    let view = lv.test_mount(chat.ChatView, {"room_id": "q-blank"}, {"user_id": "ada#1234"})
    view.change("update_message", {"message": "   "}, "message")
    view.submit("send_message", {"message": "   "})
    assert_eq(chat.load_messages("q-blank"), [])
    assert_eq(view.get("current_message"), "   ")
    assert_eq(view.get("messages"), [])
  end)

  it("keeps a room's last 100 messages", fun ()
    for i in 0 until 105
      chat.save_message("q-long", "ada#1234", "m" .. i)
    end
    let kept = chat.load_messages("q-long")
    assert_eq(kept.len(), 100)
    assert_eq(kept[0]["text"], "m5")
    # load_messages hands out a copy: pushing onto it leaves the room alone
    kept.push({"text": "x"})
    assert_eq(chat.load_messages("q-long").len(), 100)
  end)
end)

describe("get_username", fun ()
  it("is the name part of the user id", fun ()
    assert_eq(chat.get_username("ada#1234"), "ada")
    assert_eq(chat.get_username(nil), "someone")
  end)
end)
