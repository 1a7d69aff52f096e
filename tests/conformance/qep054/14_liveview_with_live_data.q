# QEP-054 block 14, seed line 621: liveview with live data
use "std/web/liveview" as lv
use "std/db/postgres" as db

let DashboardView = lv.component(fun ()
    let conn = db.connect("postgres://localhost/metrics")

    let state = {
        "metrics": fetch_metrics(conn),
        "last_updated": time.now()
    }

    fun render(assigns)
        lv.template("""
            <div class="dashboard">
                <h1>System Dashboard</h1>
                <p>Last updated: <%= last_updated.format("%H:%M:%S") %></p>

                <div class="metrics">
                    <% for metric in metrics %>
                        <div class="metric">
                            <h3><%= metric.name %></h3>
                            <p class="value"><%= metric.value %></p>
                            <span class="trend <%= metric.trend %>">
                                <%= metric.change %>%
                            </span>
                        </div>
                    <% end %>
                </div>
            </div>
        """, assigns)
    end

    # Lifecycle hooks
    fun mount(params, session, socket)
        # Schedule periodic update
        lv.schedule(socket, "refresh", 5000)  # Every 5 seconds
        return socket
    end

    fun handle_info(msg, socket)
        if msg == "refresh"
            # Fetch fresh data
            socket.assign("metrics", fetch_metrics(conn))
            socket.assign("last_updated", time.now())

            # Schedule next update
            lv.schedule(socket, "refresh", 5000)
        end

        return socket
    end

    return {
        "state": state,
        "render": render,
        "mount": mount,
        "handle_info": handle_info
    }
end)

fun fetch_metrics(conn)
    let cursor = conn.cursor()
    cursor.execute("SELECT name, value, trend, change FROM metrics")
    return cursor.fetch_all()
end
