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

# Forms and keys: nested names, _target, phx-debounce, phx-keyup with phx-key, blur/focus.
let Inputs = lv.component(fun ()
  fun render(assigns)
    lv.template("""
      <main>
        <form id="f" phx-change="validate" phx-submit="save">
          <input id="email" name="user[email]" value="<%= email %>" phx-debounce="200" />
          <input id="tag1" name="user[tags][]" value="a" />
          <input id="tag2" name="user[tags][]" value="b" />
          <button id="save" type="submit">save</button>
        </form>
        <p id="target"><%= target %></p>
        <p id="saved"><%= saved %></p>
        <input id="search" phx-keyup="key" phx-key="Enter" phx-blur="left" phx-focus="entered" />
        <p id="key"><%= key %></p>
        <p id="focus"><%= focus %></p>
      </main>
    """, assigns)
  end
  fun handle_event(event, payload, socket)
    if event == "validate"
      socket.assign("email", payload["user"]["email"])
      socket.assign("target", payload["_target"].join("/"))
    elif event == "save"
      socket.assign("saved", payload["user"]["email"] .. " " .. payload["user"]["tags"].join(","))
    elif event == "key"
      socket.assign("key", payload["key"] .. ":" .. payload["value"])
    elif event == "left" or event == "entered"
      socket.assign("focus", event)
    end
  end
  {"state": {"email": "", "target": "", "saved": "", "key": "", "focus": ""},
   "render": render, "handle_event": handle_event}
end)
lv.mount("/inputs", Inputs)
