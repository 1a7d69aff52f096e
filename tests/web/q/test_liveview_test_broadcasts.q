# pubsub.broadcast and broadcast_batch reach lv.test_mount views as they reach
# connected ones: at once from test code, and after the running callback for the
# broadcaster's own view (LiveView fix: they used to reach only real connections, so
# a view that broadcasts from handle_event never saw its own message in a test).
use "std/test" { module, describe, it, assert_eq }
use "std/web/liveview" as lv
use "std/web/pubsub" as pubsub

module("lv.test_mount and pubsub")

let Room = lv.component(fun ()
    fun render(assigns) lv.template("<p><%= log.join(',') %></p>", assigns) end
    fun mount(params, session, socket) pubsub.subscribe(socket, "room:" .. params["room"]) end
    fun handle_event(event, payload, socket)
        pubsub.broadcast("room:" .. payload["room"], "said", {"text": payload["text"]})
        socket.assign("log", socket.get("log") .. ["sent " .. payload["text"]])
    end
    fun handle_info(msg, socket)
        socket.assign("log", socket.get("log") .. [msg["event"] .. " " .. msg["payload"]["text"]])
    end
    {"state": {"log": []}, "render": render, "mount": mount, "handle_event": handle_event,
     "handle_info": handle_info}
end)

describe("pubsub.broadcast to test views", fun ()
    it("reaches the sender after its handler and the others at once", fun ()
        let a = lv.test_mount(Room, {"room": "b1"})
        let b = lv.test_mount(Room, {"room": "b1"})
        a.submit("say", {"room": "b1", "text": "hi"})
        assert_eq(a.get("log"), ["sent hi", "said hi"])
        assert_eq(b.get("log"), ["said hi"])
        assert_eq(b.render(), "<p>said hi</p>")
    end)

    it("reaches test views from test code, counted", fun ()
        let a = lv.test_mount(Room, {"room": "b2"})
        let other = lv.test_mount(Room, {"room": "elsewhere"})
        assert_eq(pubsub.broadcast("room:b2", "said", {"text": "yo"}), 1)
        assert_eq(a.get("log"), ["said yo"])
        assert_eq(other.get("log"), [])
    end)

    it("delivers a batch in order", fun ()
        let a = lv.test_mount(Room, {"room": "b3"})
        let sent = pubsub.broadcast_batch("room:b3", [
            {"event": "said", "payload": {"text": "one"}},
            {"event": "said", "payload": {"text": "two"}}
        ])
        assert_eq(sent, 2)
        assert_eq(a.get("log"), ["said one", "said two"])
    end)

    it("reaches a view broadcasting from handle_info after that callback", fun ()
        let Relay = lv.component(fun ()
            fun render(assigns) lv.template("<p><%= log.join(',') %></p>", assigns) end
            fun mount(params, session, socket) pubsub.subscribe(socket, "relay:b4") end
            fun handle_info(msg, socket)
                if msg["event"] == "ping"
                    pubsub.broadcast("relay:b4", "pong", {})
                end
                socket.assign("log", socket.get("log") .. [msg["event"]])
            end
            {"state": {"log": []}, "render": render, "mount": mount, "handle_info": handle_info}
        end)
        let view = lv.test_mount(Relay)
        view.send_info({"event": "ping"})
        assert_eq(view.get("log"), ["ping", "pong"])
    end)
end)
