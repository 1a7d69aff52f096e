# The QEP-054 live dashboards: "Use Case 1: Live Dashboard" (block 17) at /dashboard,
# refreshed every 2 seconds, and "LiveView with Live Data" (block 14) at /metrics,
# refreshed every 5 seconds; both re-render on lv.schedule. Run it and open
# http://127.0.0.1:3000/dashboard (or /, which redirects there):
#   quest serve examples/dashboard/app.q
#
# What differs from the QEP, and why:
# - There is no database module yet (std/db/postgres does not exist): the QEP's
#   `db.connect(...)` and its SQL queries are replaced by in-memory data. `monitoring`
#   below stands for the database: a simulated system whose numbers are a function of
#   the time (so every open dashboard shows the same values), and an alerts table.
#   `conn` is that Dict; fetch_metrics and refresh_metrics read it where the QEP runs
#   its SELECTs. CPU going over 90% adds a "High CPU" alert, as a monitoring agent
#   writing to the alerts table would.
# - Dismissing an alert also marks it dismissed in `monitoring` (the QEP only drops it
#   from the page, so its next refresh, which selects the undismissed alerts, would
#   bring it back two seconds later). Alert ids are Strs, because phx-value-id arrives
#   as a Str and the QEP compares it with `!=`.
# - Block 14's component is called MetricsView (both blocks name theirs DashboardView),
#   and `time` and `math` are imported (the QEP uses `time` without importing it).
# - Block 17 also shows block 14's "Last updated" line, the <style> given to lv.head and
#   the layout's navigation are added so the pages look decent and link to each other.
# - `pub let` on the components so examples/dashboard/test_app.q can mount them.
use "std/web/liveview" as lv
use "std/time" as time
use "std/math" as math

lv.head("""<link rel="icon" href="data:,">
<style>
  body { font-family: system-ui, sans-serif; background: #f4f6fb; color: #1d2433; margin: 0; }
  nav { background: #1d2433; padding: .8rem 2rem; }
  nav a { color: #dbe4ff; margin-right: 1.4rem; text-decoration: none; font-weight: 600; }
  .dashboard { max-width: 60rem; margin: 0 auto; padding: 1.2rem 2rem 2rem; }
  .metrics { display: grid; grid-template-columns: repeat(4, 1fr); gap: 1rem; }
  .metric { background: #fff; border-radius: 12px; padding: 1rem 1.2rem;
            box-shadow: 0 4px 16px rgba(30, 40, 80, .10); border-top: 5px solid #40c057; }
  .metric.warning { border-top-color: #fab005; }
  .metric.critical { border-top-color: #fa5252; }
  .metric h3 { margin: 0; font-size: .9rem; color: #5c677d; font-weight: 600; }
  .metric .value { font-size: 2rem; font-weight: 700; margin-top: .3rem;
                   font-variant-numeric: tabular-nums; }
  p.value { margin: .3rem 0 .4rem; }
  .trend.up { color: #2b8a3e; } .trend.down { color: #c92a2a; } .trend.flat { color: #868e96; }
  .alerts h2 { margin-top: 2rem; }
  .alert { background: #fff; border-radius: 10px; padding: .8rem 1rem; margin: .6rem 0;
           border-left: 6px solid #fab005; display: grid; grid-template-columns: 1fr auto;
           align-items: center; box-shadow: 0 2px 8px rgba(30, 40, 80, .08); }
  .alert.critical { border-left-color: #fa5252; }
  .alert p { margin: .2rem 0 0; color: #5c677d; grid-column: 1; }
  .alert button { grid-row: 1 / span 2; grid-column: 2; border: 1px solid #ced4da;
                  background: #f8f9fa; border-radius: 7px; padding: .35rem .8rem; cursor: pointer; }
  .success { color: #2b8a3e; font-weight: 600; }
  .updated { color: #5c677d; margin-top: 0; }
</style>""")

lv.layout(fun (page)
    lv.template("""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title><%= title %></title>
<%= head %>
</head>
<body>
<nav><a href="/dashboard">System dashboard</a><a href="/metrics">Metrics</a></nav>
<%= body %>
</body>
</html>
""", page)
end)

# ── the in-memory stand-in for the monitoring database ──────────────────────

# alerts: newest first, as the QEP's `ORDER BY created_at DESC` gives them
pub let monitoring = {
    "next_alert": 3,
    "cpu_high": false,
    "alerts": [
        {"id": "a2", "severity": "critical", "title": "Backup failed",
         "message": "The nightly backup of db-1 did not finish.", "dismissed": false},
        {"id": "a1", "severity": "warning", "title": "Disk almost full",
         "message": "db-1: /var is 87% full.", "dismissed": false}
    ]
}

# A number that wobbles between -1 and 1 with the second, the same for everyone.
fun wobble(seconds, speed)
    math.sin(seconds * speed) * 0.6 + math.sin(seconds * speed * 2.7 + 1.3) * 0.4
end

# The simulated system at a time (an Int of seconds): what a SELECT on the QEP's
# metrics table would return.
pub fun sample_at(seconds)
    let cpu = (62 + 30 * wobble(seconds, 0.11)).round().max(0).min(100)
    return {
        "cpu": cpu,
        "memory": (58 + 12 * wobble(seconds + 40, 0.05)).round(),
        "requests_per_sec": (420 + 260 * wobble(seconds + 7, 0.17)).round(),
        "active_users": (130 + 45 * wobble(seconds + 99, 0.03)).round()
    }
end

# One poll of the monitor: the current sample (see record_sample).
pub fun poll_monitor(conn)
    record_sample(conn, sample_at(time.now().as_seconds()))
end

# Keep a sample as the monitoring agent would: CPU going over 90% adds an alert, once
# per crossing (a dismissed alert stays dismissed while the CPU stays high).
pub fun record_sample(conn, metrics)
    let high = metrics["cpu"] > 90
    if high and not conn["cpu_high"]
        add_alert(conn, "critical", "High CPU", "CPU at " .. metrics["cpu"] .. "% on app-1.")
    end
    conn["cpu_high"] = high
    return metrics
end

pub fun add_alert(conn, severity, title, message)
    let id = "a" .. conn["next_alert"]
    conn["next_alert"] = conn["next_alert"] + 1
    conn["alerts"].insert(0, {"id": id, "severity": severity, "title": title,
                              "message": message, "dismissed": false})
    return id
end

fun undismissed_alerts(conn)
    conn["alerts"].filter(fun (a) not a["dismissed"] end)
end

fun dismiss_alert(conn, id)
    for alert in conn["alerts"]
        if alert["id"] == id
            alert["dismissed"] = true
        end
    end
end

# ── block 17: the system dashboard ──────────────────────────────────────────

pub let DashboardView = lv.component(fun ()
    let conn = monitoring  # the QEP: db.connect("postgres://localhost/monitoring")

    let state = {
        "cpu": 0,
        "memory": 0,
        "requests_per_sec": 0,
        "active_users": 0,
        "alerts": [],
        "last_updated": time.now(),
        "page_title": "System Dashboard"
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
                <p class="updated">Last updated: <%= last_updated.format("%H:%M:%S") %></p>

                <div class="metrics">
                    <div class="metric <%= cpu_class(cpu) %>" id="cpu">
                        <h3>CPU</h3>
                        <div class="value"><%= cpu %>%</div>
                    </div>

                    <div class="metric" id="memory">
                        <h3>Memory</h3>
                        <div class="value"><%= memory %>%</div>
                    </div>

                    <div class="metric" id="requests">
                        <h3>Requests/sec</h3>
                        <div class="value"><%= requests_per_sec %></div>
                    </div>

                    <div class="metric" id="users">
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
                            <div class="alert <%= alert.severity %>" id="alert-<%= alert.id %>">
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
            dismiss_alert(conn, payload["id"])  # the QEP leaves the table as it was
            let alerts = socket.get("alerts")
            alerts = alerts.filter(fun (a) a["id"] != payload["id"] end)
            socket.assign("alerts", alerts)
        end
        return socket
    end

    fun refresh_metrics(socket, conn)
        # the QEP: SELECT * FROM metrics WHERE timestamp > NOW() - INTERVAL '1 minute'
        let metrics = poll_monitor(conn)

        socket.assign("cpu", metrics["cpu"])
        socket.assign("memory", metrics["memory"])
        socket.assign("requests_per_sec", metrics["requests_per_sec"])
        socket.assign("active_users", metrics["active_users"])
        socket.assign("last_updated", time.now())

        # Fetch alerts (the QEP: SELECT * FROM alerts WHERE dismissed = false ORDER BY created_at DESC)
        socket.assign("alerts", undismissed_alerts(conn))
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

# ── block 14: metrics with their trend over the last minute ─────────────────

pub let MetricsView = lv.component(fun ()
    let conn = monitoring  # the QEP: db.connect("postgres://localhost/metrics")

    let state = {
        "metrics": fetch_metrics(conn),
        "last_updated": time.now(),
        "page_title": "Metrics"
    }

    fun render(assigns)
        lv.template("""
            <div class="dashboard">
                <h1>System Dashboard</h1>
                <p class="updated">Last updated: <%= last_updated.format("%H:%M:%S") %></p>

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

# The QEP: SELECT name, value, trend, change FROM metrics. Here: each metric now, and
# its change against a minute ago (in percent, one decimal).
pub fun fetch_metrics(conn)
    let seconds = time.now().as_seconds()
    let now = sample_at(seconds)
    let before = sample_at(seconds - 60)
    let rows = []
    for key, name in {"cpu": "CPU %", "memory": "Memory %", "requests_per_sec": "Requests/sec",
                      "active_users": "Active users"}
        let change = math.round((now[key] - before[key]) * 100.0 / before[key].max(1), 1)
        let trend = "flat"
        if change > 0
            trend = "up"
        elif change < 0
            trend = "down"
        end
        let sign = ""
        if change > 0
            sign = "+"
        end
        rows.push({"name": name, "value": now[key], "trend": trend, "change": sign .. change})
    end
    return rows
end

lv.mount("/dashboard", DashboardView)
lv.mount("/metrics", MetricsView)

fun handle_request(request)
    if request["path"] == "/"
        return {"status": 302, "headers": {"Location": "/dashboard"}, "body": ""}
    end
    {"status": 404, "body": "Not found"}
end
