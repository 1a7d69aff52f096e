# The QEP-054 "Basic LiveView Example" (block 12): a counter whose buttons run on the
# server. Run it and open http://127.0.0.1:3000/counter (or /, which redirects there):
#   quest serve examples/counter/app.q
#
# What differs from the QEP, and why:
# - `pub let CounterView`: the component is public so examples/counter/test_app.q can
#   mount it without a browser (the QEP's `let` keeps it private to this file).
# - the <style> given to lv.head, the class names in the markup and the page title
#   (the "page_title" assign): only so the page looks decent; the QEP has no styling.
# - handle_request redirects "/" to /counter instead of answering 404 for everything.
use "std/web/liveview" as lv

lv.head("""<link rel="icon" href="data:,">
<style>
  body { font-family: system-ui, sans-serif; background: #f4f6fb; color: #1d2433;
         display: flex; justify-content: center; padding-top: 12vh; margin: 0; }
  .counter { background: #fff; border-radius: 14px; padding: 2rem 3rem; text-align: center;
             box-shadow: 0 6px 24px rgba(30, 40, 80, .12); }
  .counter h1 { font-size: 2.4rem; margin: 0 0 1.4rem; font-variant-numeric: tabular-nums; }
  .counter button { font-size: 1.2rem; min-width: 3.2rem; margin: 0 .3rem; padding: .5rem 1rem;
                    border: 0; border-radius: 8px; background: #3b5bdb; color: #fff; cursor: pointer; }
  .counter button:hover { background: #2f4ac0; }
  .counter button.reset { background: #868e96; }
</style>""")

# Define LiveView component
pub let CounterView = lv.component(fun ()
    # Initial state
    let state = {"count": 0, "page_title": "Counter"}

    # Render function
    fun render(assigns)
        lv.template("""
            <div class="counter">
                <h1>Count: <%= count %></h1>
                <button phx-click="increment">+</button>
                <button phx-click="decrement">-</button>
                <button phx-click="reset" class="reset">Reset</button>
            </div>
        """, assigns)
    end

    # Event handlers
    fun handle_event(event, payload, socket)
        if event == "increment"
            socket.assign("count", socket.get("count") + 1)
        elif event == "decrement"
            socket.assign("count", socket.get("count") - 1)
        elif event == "reset"
            socket.assign("count", 0)
        end
        return socket
    end

    return {
        "state": state,
        "render": render,
        "handle_event": handle_event
    }
end)

# Mount LiveView at route
lv.mount("/counter", CounterView)

fun handle_request(request)
    # Fallback for non-LiveView routes: "/" goes to the counter
    if request["path"] == "/"
        return {"status": 302, "headers": {"Location": "/counter"}, "body": ""}
    end
    {"status": 404, "body": "Not found"}
end
