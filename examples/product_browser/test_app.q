# examples/product_browser without a browser: the QEP's SearchComponent and
# ProductBrowserView (block 16) under lv.test_mount.
use "std/test" { module, describe, it, assert, assert_eq, assert_nil, assert_raises }
use "std/web/liveview" as lv
use "./app" as shop

module("examples/product_browser")

describe("search_database", fun ()
  it("finds products by name in any case, as {id, title} results", fun ()
    assert_eq(shop.search_database("LAMP"), [
      {"id": "1", "title": "Desk lamp"},
      {"id": "2", "title": "Floor lamp"},
      {"id": "3", "title": "Lamp shade"}
    ])
    assert_eq(shop.search_database("  clock "), [{"id": "8", "title": "Wall clock"}])
    assert_eq(shop.search_database("sofa"), [])
    assert_eq(shop.search_database(""), [])
    assert_eq(shop.search_database(nil), [])
  end)

  it("loads a product by its id, nil for an unknown one", fun ()
    assert_eq(shop.load_product_details("4")["name"], "Oak desk")
    assert_nil(shop.load_product_details("99"))
  end)
end)

describe("SearchComponent", fun ()
  it("lists what matches the query, each result clickable with its id", fun ()
    let search = lv.test_mount(shop.SearchComponent)
    search.change("search", {"value": "desk"}, "value")
    assert_eq(search.get("query"), "desk")
    assert_eq(search.get("loading"), false)
    let html = search.render()
    assert(html.contains("phx-value-id=\"4\""))
    assert(html.contains("Oak desk"))
    assert(html.contains("value=\"desk\""))
    assert(not html.contains("No products match"))
  end)

  it("says when nothing matches", fun ()
    let search = lv.test_mount(shop.SearchComponent)
    search.change("search", {"value": "<sofa>"}, "value")
    assert(search.render().contains("No products match “&lt;sofa&gt;”."))
  end)

  it("needs a parent to tell about a selection", fun ()
    let search = lv.test_mount(shop.SearchComponent)
    search.change("search", {"value": "desk"}, "value")
    assert_raises(ValueErr, fun () search.click("select", {"id": "4", "value": ""}) end)
  end)
end)

describe("ProductBrowserView", fun ()
  it("renders the search component and a hint before any choice", fun ()
    let view = lv.test_mount(shop.ProductBrowserView)
    let html = view.render()
    assert(html.contains("<h1>Product Browser</h1>"))
    assert(html.contains("placeholder=\"Search...\""))
    assert(html.contains("Search, then pick a product"))
    assert_eq(view.get("page_title"), "Product Browser")
  end)

  it("shows the product the search component selected", fun ()
    let view = lv.test_mount(shop.ProductBrowserView)
    view.send_info({"event": "item_selected", "payload": {"id": "6"}})
    assert_eq(view.get("selected_product"), "6")
    let html = view.render()
    assert(html.contains("<h2>Monitor arm</h2>"))
    assert(html.contains("$59.90"))
    assert(not html.contains("Search, then pick a product"))
  end)

  it("searches in its component and shows the product picked there", fun ()
    let view = lv.test_mount(shop.ProductBrowserView)
    view.change("search", {"value": "lamp"}, "value", component: "search")
    let html = view.render()
    assert(html.contains("Floor lamp"))
    assert(html.contains("Search, then pick a product"))
    # the component's event reaches the component; lv.send tells the parent
    view.click("select", {"id": "2", "value": ""}, component: "search")
    assert_eq(view.get("selected_product"), "2")
    html = view.render()
    assert(html.contains("<h2>Floor lamp</h2>"))
    assert(html.contains("$79.00"))
    # the search keeps its results beside the details
    assert(html.contains("Lamp shade"))
  end)

  it("ignores an id that is not in the catalogue", fun ()
    let view = lv.test_mount(shop.ProductBrowserView)
    view.send_info({"event": "item_selected", "payload": {"id": "6"}})
    view.send_info({"event": "item_selected", "payload": {"id": "nope"}})
    assert_eq(view.get("selected_product"), "6")
  end)
end)
