# QEP-054 block 23, seed line 1706: rate limiting
use "std/web/liveview" as lv

fun handle_event(event, payload, socket)
    # Check rate limit
    let user_id = socket.get("user_id")
    if exceeded_rate_limit?(user_id, event)
        socket.push_event("rate_limited", {
            "message": "Too many requests, please slow down"
        })
        return socket
    end

    # Process event
    # ...
end
