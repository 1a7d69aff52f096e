# The dashboards without a browser: `quest test examples/dashboard`. run_timers()
# delivers what lv.schedule queued, as the clock would.
use "std/test" { module, describe, it, assert, assert_eq }
use "std/web/liveview" as lv
use "./app" as app

module("examples/dashboard")

describe("the simulated system", fun ()
    it("stays in range and crosses the dashboard's CPU thresholds", fun ()
        let cpus = []
        let seconds = 0
        while seconds < 600
            let s = app.sample_at(seconds)
            assert(s["cpu"] >= 0 and s["cpu"] <= 100, "cpu " .. s["cpu"])
            assert(s["memory"] > 0 and s["requests_per_sec"] > 0 and s["active_users"] > 0)
            cpus.push(s["cpu"])
            seconds = seconds + 5
        end
        assert(cpus.any(fun (c) c > 90 end), "never critical")
        assert(cpus.any(fun (c) c > 70 and c <= 90 end), "never a warning")
        assert(cpus.any(fun (c) c <= 70 end), "never normal")
    end)

    it("raises one High CPU alert each time the CPU goes over 90%", fun ()
        let conn = {"next_alert": 1, "cpu_high": false, "alerts": []}
        for cpu in [50, 93, 97, 95, 80, 91]
            app.record_sample(conn, {"cpu": cpu})
        end
        assert_eq(conn["alerts"].map(fun (a) a["message"] end),
                  ["CPU at 91% on app-1.", "CPU at 93% on app-1."])
        assert_eq(conn["alerts"][0]["severity"], "critical")
    end)

    it("gives every dashboard the same numbers at the same second", fun ()
        assert_eq(app.sample_at(1234), app.sample_at(1234))
    end)
end)

describe("DashboardView (block 17)", fun ()
    it("renders the metrics and the undismissed alerts", fun ()
        let id = app.add_alert(app.monitoring, "warning", "Fan noisy", "rack 3")
        let view = lv.test_mount(app.DashboardView)
        let html = view.render()
        assert(html.contains("<h3>CPU</h3>"))
        assert(html.contains("<div class=\"value\">" .. view.get("cpu") .. "%</div>"))
        assert(html.contains("id=\"alert-" .. id .. "\""))
        assert(html.contains("phx-value-id=\"" .. id .. "\""))
    end)

    it("refreshes on its timer and schedules the next refresh", fun ()
        let view = lv.test_mount(app.DashboardView)
        assert_eq(view.run_timers(), 1)
        assert_eq(view.run_timers(), 1)  # the refresh scheduled the next one
    end)

    it("shows an alert added to the data on the next refresh", fun ()
        let view = lv.test_mount(app.DashboardView)
        let id = app.add_alert(app.monitoring, "critical", "Queue stuck", "jobs: 0/s")
        assert(not view.render().contains("Queue stuck"))
        view.run_timers()
        assert(view.render().contains("Queue stuck"))
        assert_eq(view.get("alerts")[0]["id"], id)  # newest first
    end)

    it("dismisses an alert for good: the next refresh does not bring it back", fun ()
        let id = app.add_alert(app.monitoring, "warning", "Certificate expires", "in 9 days")
        let view = lv.test_mount(app.DashboardView)
        view.click("dismiss_alert", {"id": id, "value": ""})
        assert(not view.render().contains("Certificate expires"))
        view.run_timers()
        assert(not view.render().contains("Certificate expires"))
        assert(not lv.test_mount(app.DashboardView).render().contains("Certificate expires"))
    end)

    it("says all is well when no alert is left", fun ()
        let view = lv.test_mount(app.DashboardView)
        for alert in view.get("alerts")
            view.click("dismiss_alert", {"id": alert["id"], "value": ""})
        end
        assert(view.render().contains("All systems operational"))
    end)
end)

describe("MetricsView (block 14)", fun ()
    it("lists four metrics with a trend", fun ()
        let view = lv.test_mount(app.MetricsView)
        let metrics = view.get("metrics")
        assert_eq(metrics.map(fun (m) m["name"] end),
                  ["CPU %", "Memory %", "Requests/sec", "Active users"])
        for m in metrics
            assert(["up", "down", "flat"].contains(m["trend"]))
        end
        assert(view.render().contains("class=\"trend " .. metrics[0]["trend"] .. "\""))
    end)

    it("refreshes every time its timer fires", fun ()
        let view = lv.test_mount(app.MetricsView)
        assert_eq(view.run_timers(), 1)
        assert_eq(view.run_timers(), 1)
        assert(view.last_diff().len() > 0)
    end)
end)
