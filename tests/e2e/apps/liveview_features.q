# A LiveView app exercising what the examples do not: live navigation between two
# views, patch links, a hook receiving push_event and pushing back with a reply,
# the page title, and a crash followed by a remount. Served by tests/e2e.
use "std/web/liveview" as lv

lv.head("""<script>
window.QuestLiveHooks = {
  Greeter: {
    mounted() {
      this.handleEvent("greet", (p) => { this.el.textContent = "hook got " + p.name; });
      this.pushEvent("measured", {w: 640}, (reply) => { document.body.dataset.reply = reply.ok; });
    }
  }
};
</script>""")

let First = lv.component(fun ()
  fun render(assigns)
    lv.template("""
      <main>
        <h1>First <%= count %></h1>
        <p id="page">page <%= page %></p>
        <button id="inc" phx-click="inc">+</button>
        <button id="greet" phx-click="greet">greet</button>
        <button id="boom" phx-click="boom">crash</button>
        <button id="go-second" phx-click="second">second (event)</button>
        <a id="patch-link" href="/first?page=2" data-phx-link="patch" data-phx-link-state="push">page 2</a>
        <a id="second-link" href="/second" data-phx-link="redirect" data-phx-link-state="push">second (link)</a>
        <div id="hook" phx-hook="Greeter">waiting</div>
      </main>
    """, assigns)
  end
  fun handle_params(params, url, socket)
    socket.assign("page", params["page"] or "1")
  end
  fun handle_event(event, payload, socket)
    if event == "inc"
      socket.assign("count", socket.get("count") + 1)
      socket.assign("page_title", "First " .. socket.get("count"))
    elif event == "greet"
      socket.push_event("greet", {"name": "Ada"})
    elif event == "measured"
      socket.assign("width", payload["w"])
      return {"ok": "width " .. payload["w"]}
    elif event == "boom"
      raise RuntimeErr.new("deliberate crash")
    elif event == "second"
      socket.push_navigate("/second")
    end
    return socket
  end
  {"state": {"count": 0, "page": "1"}, "render": render, "handle_params": handle_params,
   "handle_event": handle_event}
end)

let Second = lv.component(fun ()
  fun render(assigns)
    lv.template("""
      <main>
        <h1>Second</h1>
        <a id="first-link" href="/first" data-phx-link="redirect" data-phx-link-state="push">first</a>
      </main>
    """, assigns)
  end
  {"render": render}
end)

lv.mount("/first", First)
lv.mount("/second", Second)
