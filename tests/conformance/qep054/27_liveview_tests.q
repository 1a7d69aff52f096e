# QEP-054 block 27, seed line 1805: liveview tests
use "std/test" as test
use "std/web/liveview" as lv

test.describe("CounterView", fun ()
    test.it("increments count on button click", fun ()
        # Mount view
        let view = lv.test_mount(CounterView)

        # Initial render
        let html = view.render()
        test.assert(html.contains("Count: 0"))

        # Trigger event
        view.click("increment")

        # Verify updated state
        let html = view.render()
        test.assert(html.contains("Count: 1"))
    end)

    test.it("receives broadcasts", fun ()
        let view = lv.test_mount(ChatView, {"room_id": "test"})

        # Simulate broadcast
        pubsub.test_broadcast("room:test", "new_message", {
            "user_id": 123,
            "text": "Hello"
        })

        # Verify message appears
        let html = view.render()
        test.assert(html.contains("Hello"))
    end)
end)
