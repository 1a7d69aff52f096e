# QEP-054 block 17, seed line 1274: use case 1 live dashboard
use "std/web/liveview" as lv
use "std/db/postgres" as db

let DashboardView = lv.component(fun ()
    let conn = db.connect("postgres://localhost/monitoring")

    let state = {
        "cpu": 0,
        "memory": 0,
        "requests_per_sec": 0,
        "active_users": 0,
        "alerts": []
    }

    fun mount(params, session, socket)
        # Initial data load
        refresh_metrics(socket, conn)

        # Update every 2 seconds
        lv.schedule(socket, "refresh", 2000)

        return socket
    end

    fun render(assigns)
        lv.template("""
            <div class="dashboard">
                <h1>System Dashboard</h1>

                <div class="metrics">
                    <div class="metric <%= cpu_class(cpu) %>">
                        <h3>CPU</h3>
                        <div class="value"><%= cpu %>%</div>
                    </div>

                    <div class="metric">
                        <h3>Memory</h3>
                        <div class="value"><%= memory %>%</div>
                    </div>

                    <div class="metric">
                        <h3>Requests/sec</h3>
                        <div class="value"><%= requests_per_sec %></div>
                    </div>

                    <div class="metric">
                        <h3>Active Users</h3>
                        <div class="value"><%= active_users %></div>
                    </div>
                </div>

                <div class="alerts">
                    <h2>Alerts</h2>
                    <% if alerts.empty() %>
                        <p class="success">All systems operational</p>
                    <% else %>
                        <% for alert in alerts %>
                            <div class="alert <%= alert.severity %>">
                                <strong><%= alert.title %></strong>
                                <p><%= alert.message %></p>
                                <button phx-click="dismiss_alert" phx-value-id="<%= alert.id %>">
                                    Dismiss
                                </button>
                            </div>
                        <% end %>
                    <% end %>
                </div>
            </div>
        """, assigns)
    end

    fun handle_info(msg, socket)
        if msg == "refresh"
            refresh_metrics(socket, conn)
            lv.schedule(socket, "refresh", 2000)
        end
        return socket
    end

    fun handle_event(event, payload, socket)
        if event == "dismiss_alert"
            let alerts = socket.get("alerts")
            alerts = alerts.filter(fun (a) a["id"] != payload["id"] end)
            socket.assign("alerts", alerts)
        end
        return socket
    end

    fun refresh_metrics(socket, conn)
        let cursor = conn.cursor()
        cursor.execute("SELECT * FROM metrics WHERE timestamp > NOW() - INTERVAL '1 minute'")
        let metrics = cursor.fetch_one()

        socket.assign("cpu", metrics["cpu"])
        socket.assign("memory", metrics["memory"])
        socket.assign("requests_per_sec", metrics["requests_per_sec"])
        socket.assign("active_users", metrics["active_users"])

        # Fetch alerts
        cursor.execute("SELECT * FROM alerts WHERE dismissed = false ORDER BY created_at DESC")
        socket.assign("alerts", cursor.fetch_all())
    end

    fun cpu_class(cpu)
        if cpu > 90
            "critical"
        elif cpu > 70
            "warning"
        else
            "normal"
        end
    end

    return {
        "state": state,
        "mount": mount,
        "render": render,
        "handle_info": handle_info,
        "handle_event": handle_event
    }
end)

lv.mount("/dashboard", DashboardView)
