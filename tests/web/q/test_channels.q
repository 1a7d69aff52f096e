# std/web/channels from `quest test`: a channel tested with channels.test_client.
use "std/test" as test
use "std/web" as web
use "std/web/channels" as channels
use "std/web/presence" as presence

channels.channel("room:*", fun (socket, topic, params)
    socket.on_join(fun (payload)
        if payload["name"] == nil
            return {"error": "name required"}
        end
        socket.set("name", payload["name"])
        presence.track(socket, topic, {"user_id": payload["name"]})
        return {"welcome": payload["name"]}
    end)
    socket.on("shout", fun (payload)
        channels.broadcast(topic, "shout", {"from": socket.get("name"), "text": payload["text"]})
        return {"ok": true}
    end)
    socket.on("typing", fun (payload)
        channels.broadcast_from(socket, topic, "typing", {"from": socket.get("name")})
    end)
end)

test.describe("A room channel", fun ()
    test.it("joins, replies, broadcasts and tracks presence", fun ()
        let server = web.test_server()
        let url = "ws://127.0.0.1:#{server.port}/ws"
        let ann = channels.test_client(url).connect()
        let bob = channels.test_client(url).connect()

        test.assert_eq(ann.join("room:1", {})["response"], {"error": "name required"})
        test.assert_eq(ann.join("room:1", {"name": "ann"}), {"status": "ok", "response": {"welcome": "ann"}})
        test.assert_eq(ann.receive("presence_state")["payload"].keys(), ["ann"])
        bob.join("room:1", {"name": "bob"})
        test.assert_eq(bob.receive("presence_state")["payload"].keys().sorted(), ["ann", "bob"])

        test.assert_eq(bob.push("room:1", "shout", {"text": "hi"})["response"], {"ok": true})
        test.assert_eq(ann.receive("shout")["payload"], {"from": "bob", "text": "hi"})

        test.assert_eq(ann.push("room:1", "typing")["status"], "ok")
        test.assert_eq(bob.receive("typing")["payload"], {"from": "ann"})

        test.assert_eq(bob.push("room:2", "shout", {})["response"], {"reason": "unmatched topic"})
        ann.close()
        bob.close()
        server.stop()
    end)
end)
