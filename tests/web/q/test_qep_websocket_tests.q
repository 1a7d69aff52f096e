# QEP-054 "WebSocket Tests" (block 26), as written in the QEP, with the
# start_test_server helper the QEP leaves to the test file: block 28's echo app.
use "std/test" as test
use "std/web/ws" as ws
use "std/web" as web

fun start_test_server()
    web.websocket("/ws", fun (socket)
        socket.on_message(fun (data)
            socket.send("Echo: " .. data)
        end)
    end)
    web.test_server()
end

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

test.describe("WebSocket test client", fun ()
    test.it("receives binary messages as Bytes and sees the server's close code", fun ()
        web.websocket("/bytes", fun (socket)
            socket.on_message(fun (data)
                if data == "bye"
                    socket.close(4000, "done")
                else
                    socket.send_bytes(b"\x01\x02")
                end
            end)
        end)
        let server = web.test_server()
        let client = ws.test_client("ws://127.0.0.1:#{server.port}/bytes").connect()
        client.send("hi")
        test.assert_eq(client.receive(), b"\x01\x02")
        client.send("bye")
        test.assert_raises(RuntimeErr, fun () client.receive(2) end)
        test.assert_eq(client.close_code(), 4000)
        test.assert_eq(client.close_reason(), "done")
        server.stop()
    end)

    test.it("times out when nothing arrives", fun ()
        web.websocket("/quiet", fun (socket) nil end)
        let server = web.test_server()
        let client = ws.test_client("ws://127.0.0.1:#{server.port}/quiet").connect()
        test.assert_raises(RuntimeErr, fun () client.receive(0.2) end)
        client.close()
        server.stop()
    end)

    test.it("fails to connect to a closed port with IOErr", fun ()
        let server = web.test_server()
        let port = server.port
        server.stop()
        test.assert_raises(IOErr, fun () ws.test_client("ws://127.0.0.1:#{port}/ws").connect() end)
    end)
end)
