# QEP-054 block 21, seed line 1663: liveview csrf protection
# Automatic CSRF token validation
# LiveView includes CSRF token in WebSocket connection

fun mount(params, session, socket)
    # Session is validated by LiveView framework
    # Only authenticated users reach this point
    let user_id = session["user_id"]

    # Verify user has access to resource
    if not can_access?(user_id, params["doc_id"])
        socket.redirect("/unauthorized")
        return socket
    end

    # Safe to proceed
    return socket
end
