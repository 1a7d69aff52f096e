# QEP-054 block 26, seed line 1777: websocket tests
use "std/test" as test
use "std/web/ws" as ws

test.describe("WebSocket", fun ()
    test.it("accepts connection and echoes messages", fun ()
        # Start test server with WebSocket handler
        let server = start_test_server()

        # Connect client
        let client = ws.test_client("ws://localhost:#{server.port}/ws")
        client.connect()

        # Send message
        client.send("Hello")

        # Verify response
        let msg = client.receive()
        test.assert_eq(msg, "Echo: Hello")

        client.close()
        server.stop()
    end)
end)
