# Collaborative text editor with cursors: the EditorView of QEP-054 "Use Case 2"
# (block 18). Everyone on /editor/<doc id> edits the same text; each sees the others'
# edits and where their cursors are, in the others' colours.
#
#   quest serve examples/editor/app.q
#   then open http://127.0.0.1:3000/editor/notes?name=alice and, in another window,
#   http://127.0.0.1:3000/editor/notes?name=bob      (/ redirects to /editor/welcome)
#
# What differs from the QEP, and why:
# - load_document, save_document and generate_color, which the QEP leaves undefined, are
#   written for real: documents live in this process (there is no database module
#   yet); a colour is the first of a palette that nobody on the document has.
# - The session comes from lv.session_from: ?name= (a guest name without one) gives
#   session["username"] and a user id "<name>#<4 hex digits>".
# - The textarea sits in a <form> (the official client sends phx-change only for inputs
#   inside a form) and is named "value", so payload["value"] is the text as in the QEP.
#   The Editor hook (JavaScript in lv.head below) puts the caret position on the form
#   as phx-value-cursor, which the client sends with each change: payload["cursor"] is
#   that position (a Str). The QEP then stores payload["cursor"] as the user's entry in
#   cursors, which the template reads as {username, color}: cursor_of builds that Dict,
#   with the position, so the QEP's handle_info and template work as written.
# - Moving the caret without typing (arrows, clicks) is a hook event, "move_cursor",
#   broadcast to the others with pubsub.broadcast_from as "cursor_moved".
# - The others' carets are drawn over the textarea by the Carets hook from the
#   positions in the template (data-pos); the server sends a few bytes per move.
# - A textarea that has the focus is not patched by the client (it would lose what
#   the person is typing), so an edit from someone else also goes to the Editor hook as
#   a push_event, which puts the text in and keeps the local caret where it was.
# - The QEP announces a user in mount and handles "user_left" but never sends it, and
#   a newcomer would not learn who is already there: the view announces itself only
#   once connected (not during the page's first render), takes the people already
#   present from an in-memory list per document, and says "user_left" in terminate.
# - Edits are whole-text and last-writer-wins, as in the QEP (no merging of
#   simultaneous edits).
# - `pub` on the view and helpers, for examples/editor/test_app.q.
use "std/web" as web
use "std/web/liveview" as lv
use "std/web/pubsub" as pubsub
use "std/uuid" as uuid

pub const PALETTE = ["#d6336c", "#1c7ed6", "#2b8a3e", "#e8590c", "#7048e8", "#0c8599", "#c2255c", "#5c940d"]

# doc id -> {"content": Str}
let documents = {
    "welcome": {"content": "Welcome to the Quest editor.\nOpen this page in a second window and type in both.\n"}
}
# doc id -> {user id -> {"username", "color", "pos"}}: who has the document open
let present = {}

pub fun load_document(doc_id)
    let doc = documents.get(doc_id)
    if doc == nil
        doc = {"content": ""}
        documents[doc_id] = doc
    end
    return doc
end

pub fun save_document(doc_id, content)
    let doc = load_document(doc_id)
    doc["content"] = content
end

# The colour of someone on a document: the one they were given on arrival.
pub fun generate_color(user_id)
    for doc_id, users in present
        let entry = users.get(user_id)
        if entry != nil
            return entry["color"]
        end
    end
    return PALETTE[0]
end

# The first colour of the palette nobody on the document has (they repeat after eight).
fun free_color(doc_id)
    let taken = present.get(doc_id, {}).values().map(fun (entry) entry["color"] end)
    let free = PALETTE.filter(fun (color) not taken.contains(color) end)
    return free.empty() ? PALETTE[taken.len() % PALETTE.len()] : free[0]
end

pub fun present_on(doc_id)
    return present.get(doc_id, {}).clone()
end

fun arrive(doc_id, user_id, entry)
    let users = present.get(doc_id, {})
    users[user_id] = entry
    present[doc_id] = users
end

fun leave(doc_id, user_id)
    present[doc_id] = present.get(doc_id, {}).remove(user_id)
end

# The user's cursor entry with the caret at pos (a Str from the client, or nil:
# the last position known).
pub fun cursor_of(socket, pos)
    let doc_id = socket.get("doc_id")
    let user_id = socket.get("user_id")
    let known = present.get(doc_id, {}).get(user_id)
    let at = known == nil ? 0 : known["pos"]
    let text = pos == nil ? "" : pos.str().trim()
    if text != "" and text.isdigit()
        at = text.to_int()
    end
    let cursor = {"username": socket.get("username"), "color": generate_color(user_id), "pos": at}
    if known != nil
        arrive(doc_id, user_id, cursor)
    end
    return cursor
end

lv.session_from(fun (request)
    let name = (request["query"].get("name") ?: "").trim()
    if name == ""
        name = "guest-" .. uuid.v4().to_simple().slice(0, 4)
    end
    name = name.replace("#", "")
    if name.len() > 24
        name = name.slice(0, 24)
    end
    {"user_id": name .. "#" .. uuid.v4().to_simple().slice(0, 4), "username": name}
end)

pub let EditorView = lv.component(fun ()
    let state = {
        "content": "",
        "cursors": {},
        "doc_id": nil,
        "user_id": nil
    }

    fun mount(params, session, socket)
        let doc_id = params["doc_id"]
        let user_id = session["user_id"]

        # Load document
        let doc = load_document(doc_id)
        socket.assign("content", doc["content"])
        socket.assign("doc_id", doc_id)
        socket.assign("user_id", user_id)
        socket.assign("username", session["username"])
        socket.assign("page_title", "Document " .. doc_id)

        # Subscribe to document updates
        pubsub.subscribe(socket, "doc:" .. doc_id)

        if socket.connected()
            # Who is here already; then join them
            socket.assign("cursors", present_on(doc_id))
            arrive(doc_id, user_id, {
                "username": session["username"],
                "color": free_color(doc_id),
                "pos": 0
            })

            # Announce presence
            pubsub.broadcast("doc:" .. doc_id, "user_joined", {
                "user_id": user_id,
                "username": session["username"]
            })
        end

        return socket
    end

    fun render(assigns)
        lv.template("""
            <div class="editor">
                <div class="toolbar">
                    <h2>Document <%= doc_id %></h2>
                    <div class="users">
                        <% for user_id, cursor in cursors %>
                            <span class="user" style="color: <%= cursor.color %>">
                                <%= cursor.username %>
                            </span>
                        <% end %>
                    </div>
                </div>

                <div class="editor-area">
                    <form id="editor-form">
                        <textarea
                            id="editor"
                            name="value"
                            spellcheck="false"
                            phx-change="update_content"
                            phx-hook="Editor"
                            phx-debounce="100"
                        ><%= content %></textarea>
                    </form>
                    <div class="carets" id="carets" phx-hook="Carets" aria-hidden="true">
                        <% for uid, c in cursors %>
                            <% if uid != user_id and c.pos != nil %>
                                <span class="remote-caret" data-user="<%= c.username %>" data-pos="<%= c.pos %>" style="background: <%= c.color %>"><span class="flag" style="background: <%= c.color %>"><%= c.username %></span></span>
                            <% end %>
                        <% end %>
                    </div>
                </div>
            </div>
        """, assigns)
    end

    fun handle_event(event, payload, socket)
        if event == "update_content"
            let content = payload["value"]
            let cursor = cursor_of(socket, payload["cursor"])

            # Save to DB (debounced in real impl)
            save_document(socket.get("doc_id"), content)

            # Broadcast change to other users
            pubsub.broadcast("doc:" .. socket.get("doc_id"), "content_updated", {
                "user_id": socket.get("user_id"),
                "content": content,
                "cursor": cursor
            })

            socket.assign("content", content)

        elif event == "move_cursor"
            pubsub.broadcast_from(socket, "doc:" .. socket.get("doc_id"), "cursor_moved", {
                "user_id": socket.get("user_id"),
                "cursor": cursor_of(socket, payload["cursor"])
            })
        end

        return socket
    end

    fun handle_info(msg, socket)
        let event = msg["event"]

        if event == "content_updated"
            let payload = msg["payload"]

            # Don't update if it's our own change
            if payload["user_id"] != socket.get("user_id")
                socket.assign("content", payload["content"])
                socket.push_event("remote_content", {"content": payload["content"]})

                # Update cursor position
                let cursors = socket.get("cursors")
                cursors[payload["user_id"]] = payload["cursor"]
                socket.assign("cursors", cursors)
            end

        elif event == "cursor_moved"
            let payload = msg["payload"]
            let cursors = socket.get("cursors")
            cursors[payload["user_id"]] = payload["cursor"]
            socket.assign("cursors", cursors)

        elif event == "user_joined"
            let payload = msg["payload"]
            let cursors = socket.get("cursors")
            cursors[payload["user_id"]] = {
                "username": payload["username"],
                "color": generate_color(payload["user_id"])
            }
            socket.assign("cursors", cursors)

        elif event == "user_left"
            let payload = msg["payload"]
            let cursors = socket.get("cursors")
            cursors = cursors.remove(payload["user_id"])
            socket.assign("cursors", cursors)
        end

        return socket
    end

    fun terminate(reason, socket)
        let doc_id = socket.get("doc_id")
        let user_id = socket.get("user_id")
        leave(doc_id, user_id)
        pubsub.broadcast("doc:" .. doc_id, "user_left", {"user_id": user_id})
    end

    return {
        "state": state,
        "mount": mount,
        "render": render,
        "handle_event": handle_event,
        "handle_info": handle_info,
        "terminate": terminate
    }
end)

lv.mount("/editor/:doc_id", EditorView)
web.redirect("/", "/editor/welcome")

lv.head("""
<script>
(function () {
  var NAV_KEYS = ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown"];
  var COPIED = ["boxSizing", "width", "height", "overflowX", "overflowY", "borderTopWidth",
    "borderRightWidth", "borderBottomWidth", "borderLeftWidth", "paddingTop", "paddingRight",
    "paddingBottom", "paddingLeft", "fontStyle", "fontVariant", "fontWeight", "fontSize",
    "lineHeight", "fontFamily", "textAlign", "textTransform", "textIndent", "letterSpacing",
    "wordSpacing", "tabSize"];

  // Where the caret at pos is drawn in the textarea, from a hidden copy laid out alike.
  function caretAt(textarea, pos) {
    var style = getComputedStyle(textarea);
    var copy = document.createElement("div");
    COPIED.forEach(function (p) { copy.style[p] = style[p]; });
    copy.style.position = "absolute";
    copy.style.visibility = "hidden";
    copy.style.whiteSpace = "pre-wrap";
    copy.style.overflowWrap = "break-word";
    copy.textContent = textarea.value.slice(0, pos);
    var mark = document.createElement("span");
    mark.textContent = textarea.value.slice(pos) || ".";
    copy.appendChild(mark);
    document.body.appendChild(copy);
    var top = mark.offsetTop + parseFloat(style.borderTopWidth) - textarea.scrollTop;
    var left = mark.offsetLeft + parseFloat(style.borderLeftWidth) - textarea.scrollLeft;
    document.body.removeChild(copy);
    return {top: top, left: left, height: parseFloat(style.lineHeight)};
  }

  function placeCarets() {
    var textarea = document.getElementById("editor");
    var layer = document.getElementById("carets");
    if (!textarea || !layer) return;
    layer.querySelectorAll(".remote-caret").forEach(function (caret) {
      var pos = Math.min(parseInt(caret.dataset.pos, 10) || 0, textarea.value.length);
      var at = caretAt(textarea, pos);
      caret.style.top = at.top + "px";
      caret.style.left = at.left + "px";
      caret.style.height = at.height + "px";
      caret.hidden = at.top < 0 || at.top + at.height > textarea.clientHeight + 4;
    });
  }

  window.QuestLiveHooks = {
    Editor: {
      mounted() {
        var self = this;
        this.sent = null;
        this.el.addEventListener("input", function () { self.track(); self.sent = self.el.selectionStart; });
        this.el.addEventListener("keyup", function (e) { if (NAV_KEYS.indexOf(e.key) >= 0) self.moved(); });
        this.el.addEventListener("click", function () { self.moved(); });
        this.el.addEventListener("select", function () { self.moved(); });
        this.el.addEventListener("scroll", placeCarets);
        this.handleEvent("remote_content", function (e) { self.remote(e.content); });
        this.track();
      },
      // A patch of the form drops phx-value-cursor: put it back.
      updated() { this.track(); },
      track() { this.el.form.setAttribute("phx-value-cursor", this.el.selectionStart); },
      moved() {
        this.track();
        var pos = this.el.selectionStart;
        if (pos !== this.sent) {
          this.sent = pos;
          this.pushEvent("move_cursor", {cursor: pos});
        }
      },
      // Someone else's text: keep the local caret at the same place in it.
      remote(content) {
        var el = this.el, old = el.value;
        if (old === content) return;
        var start = el.selectionStart, end = el.selectionEnd, same = 0;
        while (same < old.length && same < content.length && old[same] === content[same]) same++;
        var delta = content.length - old.length;
        if (start > same) start = Math.max(same, start + delta);
        if (end > same) end = Math.max(same, end + delta);
        el.value = content;
        if (document.activeElement === el) el.setSelectionRange(start, end);
        // the others see this caret where it now is in the new text
        if (start !== this.sent) {
          this.sent = start;
          this.pushEvent("move_cursor", {cursor: start});
        }
        this.track();
        placeCarets();
      }
    },
    Carets: {
      mounted() { placeCarets(); },
      updated() { placeCarets(); }
    }
  };
  window.addEventListener("resize", placeCarets);
})();
</script>
<style>
  body { margin: 0; font: 15px/1.4 system-ui, sans-serif; background: #edf0f4; color: #1f2430; }
  .editor { max-width: 760px; margin: 32px auto; background: #fff; border-radius: 10px;
            box-shadow: 0 2px 14px rgba(0,0,0,.08); overflow: hidden; }
  .toolbar { display: flex; align-items: center; justify-content: space-between;
             padding: 12px 20px; border-bottom: 1px solid #e2e6ec; background: #f8f9fb; }
  .toolbar h2 { margin: 0; font-size: 18px; }
  .users { display: flex; gap: 10px; }
  .user { font-weight: 600; font-size: 14px; }
  .editor-area { position: relative; padding: 0; }
  .editor-area form { margin: 0; }
  textarea { display: block; width: 100%; height: 380px; box-sizing: border-box; margin: 0;
             padding: 18px 20px; border: 0; resize: none; outline: none;
             font: 15px/24px ui-monospace, "DejaVu Sans Mono", monospace; color: #1f2430;
             background: transparent; white-space: pre-wrap; overflow-wrap: break-word; }
  .carets { position: absolute; inset: 0; pointer-events: none; overflow: hidden; }
  .remote-caret { position: absolute; width: 2px; top: 0; left: 0; }
  .remote-caret .flag { position: absolute; top: -15px; left: 0; padding: 0 4px;
                        border-radius: 3px 3px 3px 0; color: #fff; font: 600 10px/15px system-ui, sans-serif;
                        white-space: nowrap; }
</style>
""")
