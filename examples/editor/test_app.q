# examples/editor without a browser: the QEP's EditorView (block 18) under lv.test_mount,
# two people on one document.
use "std/test" { module, describe, it, assert, assert_eq, assert_neq, assert_nil }
use "std/web/liveview" as lv
use "./app" as editor

module("examples/editor")

fun open(doc_id, name)
  lv.test_mount(editor.EditorView, {"doc_id": doc_id}, {"user_id": name .. "#0000", "username": name})
end

describe("EditorView", fun ()
  it("opens the document and lists who is there, itself included", fun ()
    editor.save_document("q-open", "first line")
    let ada = open("q-open", "ada")
    let html = ada.render()
    assert(html.contains("<h2>Document q-open</h2>"))
    assert(html.contains(">first line</textarea>"))
    assert_eq(ada.get("cursors").keys(), ["ada#0000"])
    assert_eq(ada.get("page_title"), "Document q-open")
    # a second person learns about the first from the document's list, and the
    # first hears about the second
    let bob = open("q-open", "bob")
    assert_eq(bob.get("cursors").keys().sorted(), ["ada#0000", "bob#0000"])
    assert_eq(ada.get("cursors").keys().sorted(), ["ada#0000", "bob#0000"])
    assert(ada.render().contains(">\n                                bob\n"))
  end)

  it("sends an edit to the others with the caret, not back to its author", fun ()
    let ada = open("q-edit", "ada")
    let bob = open("q-edit", "bob")
    ada.change("update_content", {"value": "hello", "cursor": "5"}, "value")
    assert_eq(editor.load_document("q-edit")["content"], "hello")
    assert_eq(bob.get("content"), "hello")
    assert(bob.render().contains(">hello</textarea>"))
    # bob's hook gets the text (his textarea may have the focus)
    assert_eq(bob.pushed_events(), [["remote_content", {"content": "hello"}]])
    let caret = bob.get("cursors")["ada#0000"]
    assert_eq(caret["pos"], 5)
    assert_eq(caret["username"], "ada")
    assert(bob.render().contains("data-user=\"ada\" data-pos=\"5\""))
    # ada's own page: her text, no caret of her own drawn, nothing pushed
    assert_eq(ada.get("content"), "hello")
    assert(not ada.render().contains("data-user=\"ada\""))
    assert_eq(ada.pushed_events(), [])
  end)

  it("moves a caret without an edit, and keeps the last one when a change has none", fun ()
    let ada = open("q-move", "ada")
    let bob = open("q-move", "bob")
    ada.hook("move_cursor", {"cursor": 3})
    assert_eq(bob.get("cursors")["ada#0000"]["pos"], 3)
    ada.change("update_content", {"value": "abcdef"}, "value")
    assert_eq(bob.get("cursors")["ada#0000"]["pos"], 3)
    ada.change("update_content", {"value": "abcdefg", "cursor": "x"}, "value")
    assert_eq(bob.get("cursors")["ada#0000"]["pos"], 3)
    # a latecomer sees the carets where they are
    let cy = open("q-move", "cy")
    assert_eq(cy.get("cursors")["ada#0000"]["pos"], 3)
  end)

  it("forgets a user who left", fun ()
    let ada = open("q-left", "ada")
    ada.send_info({"event": "user_joined", "payload": {"user_id": "zed#1", "username": "zed"}})
    assert(ada.render().contains("zed"))
    ada.send_info({"event": "user_left", "payload": {"user_id": "zed#1"}})
    assert_eq(ada.get("cursors").keys(), ["ada#0000"])
    assert(not ada.render().contains("zed"))
  end)
end)

describe("helpers", fun ()
  it("load_document makes an empty document for a new id", fun ()
    assert_eq(editor.load_document("q-new-doc"), {"content": ""})
  end)

  it("gives everyone on a document their own colour", fun ()
    let ada = open("q-colours", "ada")
    let bob = open("q-colours", "bob")
    let cy = open("q-colours", "cy")
    let colours = [editor.generate_color("ada#0000"), editor.generate_color("bob#0000"),
                   editor.generate_color("cy#0000")]
    for c, i in colours
      assert_eq(colours.filter(fun (x) x == c end).len(), 1)
    end
    # each view shows the others in the colours they were given
    assert(ada.render().contains("style=\"color: " .. colours[1] .. "\""))
    assert_eq(cy.get("cursors")["ada#0000"]["color"], colours[0])
    # someone arriving on another document starts the palette again
    let zed = open("q-colours-2", "zed")
    assert_eq(editor.generate_color("zed#0000"), editor.PALETTE[0])
  end)
end)
