# Product browser: the two components of QEP-054 block 16 ("LiveView Component
# Composition"). SearchComponent is a live component with its own state and events
# inside ProductBrowserView; choosing a result tells the parent view with lv.send, and
# the parent shows the product.
#
#   quest serve examples/product_browser/app.q
#   then open http://127.0.0.1:3000/products      (/ redirects there)
#
# What differs from the QEP, and why:
# - search_database and load_product_details, which the QEP leaves undefined, search and
#   read an in-memory catalogue (there is no database module yet).
# - The search input sits in a <form>: the official LiveView client sends phx-change only
#   for inputs inside a form. The input is named "value", so the form's fields arrive as
#   {"value": ...} and the QEP's payload["value"] reads what was typed; the form's
#   phx-submit="search" makes Enter search too instead of loading another page.
# - The search component says so when nothing matches; the parent keeps its details
#   unchanged when an unknown id arrives, sets the page title, and has a line to show
#   before anything is chosen.
# - `pub let` for the components, so examples/product_browser/test_app.q can
#   mount them without a browser. The spinner stays as the QEP wrote it: the search is
#   synchronous here, so "loading" is never true when the page renders.
use "std/web" as web
use "std/web/liveview" as lv

pub let CATALOGUE = [
    {"id": "1", "name": "Desk lamp", "price": Decimal.new("24.90"),
     "description": "An adjustable LED lamp with a weighted base and three colour temperatures."},
    {"id": "2", "name": "Floor lamp", "price": Decimal.new("79.00"),
     "description": "A tall reading lamp with a linen shade and a foot switch."},
    {"id": "3", "name": "Lamp shade", "price": Decimal.new("15.50"),
     "description": "A drum shade in natural linen, 30 cm across."},
    {"id": "4", "name": "Oak desk", "price": Decimal.new("349.00"),
     "description": "Solid oak, 140 x 70 cm, with a cable tray underneath."},
    {"id": "5", "name": "Desk chair", "price": Decimal.new("189.00"),
     "description": "An ergonomic chair with lumbar support and adjustable arms."},
    {"id": "6", "name": "Monitor arm", "price": Decimal.new("59.90"),
     "description": "Holds one screen up to 32 inches; clamps to the desk edge."},
    {"id": "7", "name": "Bookshelf", "price": Decimal.new("129.00"),
     "description": "Five shelves of white-lacquered birch, 180 cm tall."},
    {"id": "8", "name": "Wall clock", "price": Decimal.new("35.00"),
     "description": "A silent sweep movement behind a 30 cm glass face."},
    {"id": "9", "name": "Pen holder", "price": Decimal.new("9.50"),
     "description": "Turned from a single piece of walnut."},
    {"id": "10", "name": "Desk mat", "price": Decimal.new("19.90"),
     "description": "A felt and leather mat, 90 x 40 cm."}
]

# Products whose name contains the query (any case), as {"id", "title"} results.
pub fun search_database(query)
    let q = (query ?: "").trim().lower()
    if q == ""
        return []
    end
    let found = CATALOGUE.filter(fun (p) p["name"].lower().contains(q) end)
    return found.map(fun (p) {"id": p["id"], "title": p["name"]} end)
end

pub fun load_product_details(product_id)
    return CATALOGUE.find(fun (p) p["id"] == product_id end)
end

# Reusable search component
pub let SearchComponent = lv.component(fun ()
    let state = {
        "query": "",
        "results": [],
        "loading": false
    }

    fun render(assigns)
        lv.template("""
            <div class="search">
                <form phx-submit="search">
                    <input
                        type="text"
                        name="value"
                        value="<%= query %>"
                        phx-change="search"
                        phx-debounce="500"
                        autocomplete="off"
                        placeholder="Search..." />
                </form>

                <% if loading %>
                    <div class="spinner">Searching...</div>
                <% end %>

                <% if query != "" and results.empty() %>
                    <p class="none">No products match “<%= query %>”.</p>
                <% end %>

                <ul class="results">
                    <% for result in results %>
                        <li phx-click="select" phx-value-id="<%= result.id %>">
                            <%= result.title %>
                        </li>
                    <% end %>
                </ul>
            </div>
        """, assigns)
    end

    fun handle_event(event, payload, socket)
        if event == "search"
            socket.assign("query", payload["value"])
            socket.assign("loading", true)

            # Perform search (async in real impl)
            let results = search_database(payload["value"])
            socket.assign("results", results)
            socket.assign("loading", false)

        elif event == "select"
            # Notify parent component
            lv.send(socket.parent(), "item_selected", {
                "id": payload["id"]
            })
        end

        return socket
    end

    return {
        "state": state,
        "render": render,
        "handle_event": handle_event
    }
end)

# Parent component using SearchComponent
pub let ProductBrowserView = lv.component(fun ()
    let state = {
        "selected_product": nil,
        "details": nil,
        "page_title": "Product Browser"
    }

    fun render(assigns)
        lv.template("""
            <div class="browser">
                <h1>Product Browser</h1>

                <%= lv.live_component(SearchComponent, id: "search") %>

                <% if selected_product %>
                    <div class="details">
                        <h2><%= details.name %></h2>
                        <p><%= details.description %></p>
                        <p class="price">$<%= details.price %></p>
                    </div>
                <% else %>
                    <p class="hint">Search, then pick a product to see it here.</p>
                <% end %>
            </div>
        """, assigns)
    end

    fun handle_info(msg, socket)
        if msg["event"] == "item_selected"
            let product_id = msg["payload"]["id"]
            let details = load_product_details(product_id)
            if details == nil
                return socket
            end

            socket.assign("selected_product", product_id)
            socket.assign("details", details)
        end

        return socket
    end

    return {
        "state": state,
        "render": render,
        "handle_info": handle_info
    }
end)

lv.mount("/products", ProductBrowserView)
web.redirect("/", "/products")

lv.head("""
<style>
  body { margin: 0; font: 15px/1.45 system-ui, sans-serif; background: #f3f1ec; color: #2a2620; }
  .browser { max-width: 620px; margin: 40px auto; padding: 24px 28px; background: #fff;
             border-radius: 10px; box-shadow: 0 2px 14px rgba(0,0,0,.08); }
  h1 { margin: 0 0 16px; font-size: 24px; }
  .search input { width: 100%; box-sizing: border-box; padding: 10px 14px; font: inherit;
                  border: 1px solid #cfc8bb; border-radius: 8px; }
  .results { list-style: none; margin: 8px 0 0; padding: 0; }
  .results li { padding: 8px 12px; border-radius: 6px; cursor: pointer; }
  .results li:hover { background: #f6efe1; }
  .results li + li { border-top: 1px solid #eee8dc; }
  .none, .hint { color: #8b8375; font-style: italic; }
  .spinner { color: #8b8375; }
  .details { margin-top: 20px; padding: 16px 20px; border-radius: 8px; background: #faf6ee;
             border: 1px solid #ece3d1; }
  .details h2 { margin: 0 0 6px; font-size: 20px; }
  .details p { margin: 4px 0; }
  .price { font-weight: 600; font-size: 18px; color: #7a4f10; }
</style>
""")
