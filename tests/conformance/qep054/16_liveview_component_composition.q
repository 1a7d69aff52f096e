# QEP-054 block 16, seed line 803: liveview component composition
use "std/web/liveview" as lv

# Reusable search component
let SearchComponent = lv.component(fun ()
    let state = {
        "query": "",
        "results": [],
        "loading": false
    }

    fun render(assigns)
        lv.template("""
            <div class="search">
                <input
                    type="text"
                    value="<%= query %>"
                    phx-change="search"
                    phx-debounce="500"
                    placeholder="Search..." />

                <% if loading %>
                    <div class="spinner">Searching...</div>
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
let ProductBrowserView = lv.component(fun ()
    let state = {
        "selected_product": nil,
        "details": nil
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
                <% end %>
            </div>
        """, assigns)
    end

    fun handle_info(msg, socket)
        if msg["event"] == "item_selected"
            let product_id = msg["payload"]["id"]
            let details = load_product_details(product_id)

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
