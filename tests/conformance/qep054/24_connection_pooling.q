# QEP-054 block 24, seed line 1734: connection pooling
# Reuse database connections across LiveView instances
# Don't create new connection per socket

let conn_pool = db.create_pool("postgres://localhost/app", {
    "max_connections": 20,
    "min_connections": 5
})

let MyView = lv.component(fun ()
    # Use pool instead of individual connection
    fun mount(params, session, socket)
        let conn = conn_pool.acquire()
        socket.set("conn", conn)
        return socket
    end

    fun terminate(reason, socket)
        let conn = socket.get("conn")
        conn_pool.release(conn)
    end
end)
