"""The exact wire objects of the diff engine, situation by situation (wire-protocol 6.4).

Templates are real Quest source compiled by the real compiler; the expected objects are
written out by hand from the format, not recorded from the engine.
"""

from __future__ import annotations

import json

import pytest

from quest_rt.common.rendered import Comprehension, Rendered
from quest_rt.web.liveview.diff import ViewTree
from tests.web.liveview.client import ClientRendered
from tests.web.liveview.support import load_quest, template_module

COUNTER = '<h1>Count: <%= count %></h1><button phx-click="inc">+</button>'


def wire(value):
    """What the browser receives: the JSON text, parsed back."""
    return json.loads(json.dumps(value))


def test_the_counter_of_the_wire_spec_transcript_byte_for_byte(tmp_path):
    # wire-protocol.md section 7, frames 4 and 6: the join's "rendered" and the click's diff
    body = (
        '<div>\n  <h1>Count: <%= count %></h1>\n  <button phx-click="increment">+</button>\n</div>'
    )
    render = template_module(body, tmp_path / "counter.q")
    a = {"count": 0}
    tree = ViewTree()
    compact = {"separators": (",", ":")}
    assert json.dumps(tree.diff(render(a), None, a), **compact) == (
        '{"0":"0","s":["<div>\\n  <h1>Count: ","</h1>\\n  <button phx-click=\\"increment\\">+'
        '</button>\\n</div>"]}'
    )
    a["count"] = 1
    assert json.dumps(tree.diff(render(a), {"count"}, a), **compact) == '{"0":"1"}'


def test_first_render_carries_statics_and_every_slot(tmp_path):
    render = template_module(COUNTER, tmp_path / "counter.q")
    a = {"count": 0}
    assert wire(ViewTree().diff(render(a), None, a)) == {
        "0": "0",
        "s": ["<h1>Count: ", '</h1><button phx-click="inc">+</button>'],
    }


def test_same_fingerprint_sends_only_changed_dynamics(tmp_path):
    render = template_module(COUNTER, tmp_path / "counter.q")
    a = {"count": 0}
    tree = ViewTree()
    tree.diff(render(a), None, a)
    a["count"] = 1
    assert tree.diff(render(a), {"count"}, a) == {"0": "1"}
    assert tree.diff(render(a), {"other"}, a) == {}


def test_a_value_is_escaped_once(tmp_path):
    render = template_module("<p><%= note %></p><%= lv.raw(html) %>", tmp_path / "esc.q")
    a = {"note": "<b>&'\"", "html": "<i>ok</i>"}
    assert ViewTree().diff(render(a), None, a) == {
        "0": "&lt;b&gt;&amp;&#39;&quot;",
        "1": "<i>ok</i>",
        "s": ["<p>", "</p>", ""],
    }


def test_if_branches_are_nested_renders_with_their_own_fingerprints(tmp_path):
    body = "<div><% if on %><b><%= n %></b><% else %><i>off</i><% end %></div>"
    render = template_module(body, tmp_path / "if.q")
    a = {"on": True, "n": 1}
    tree = ViewTree()
    assert tree.diff(render(a), None, a) == {
        "0": {"0": "1", "s": ["<b>", "</b>"]},
        "s": ["<div>", "</div>"],
    }
    a["n"] = 2  # same branch: values only
    assert tree.diff(render(a), {"n"}, a) == {"0": {"0": "2"}}
    a["on"] = False  # the other branch: a new fingerprint, so its statics
    assert tree.diff(render(a), {"on"}, a) == {"0": {"s": ["<i>off</i>"]}}
    a["on"] = True  # back again: the client no longer has the first branch's statics
    assert tree.diff(render(a), {"on"}, a) == {"0": {"0": "2", "s": ["<b>", "</b>"]}}


def test_an_if_without_else_is_an_empty_string_when_false(tmp_path):
    render = template_module("<% if on %><b>x</b><% end %>", tmp_path / "if.q")
    a = {"on": False}
    tree = ViewTree()
    assert tree.diff(render(a), None, a) == {"0": "", "s": ["", ""]}
    a["on"] = True
    assert tree.diff(render(a), {"on"}, a) == {"0": {"s": ["<b>x</b>"]}}


def test_a_new_root_template_is_sent_whole(tmp_path):
    one = template_module("<p><%= x %></p>", tmp_path / "one.q")
    two = template_module("<div><%= x %></div>", tmp_path / "two.q")
    a = {"x": 1}
    tree = ViewTree()
    tree.diff(one(a), None, a)
    assert tree.diff(two(a), {"x"}, a) == {"0": "1", "s": ["<div>", "</div>"]}


def test_templates_with_equal_text_but_different_tags_have_different_fingerprints(tmp_path):
    # the client holds "<p>X</p>" from the first template; the second template's tag
    # reads y, which did not change: only the fingerprint tells the engine to send it
    source = (
        'use "std/web/liveview" as lv\n'
        "fun render(assigns)\n"
        '  if assigns["first"]\n'
        '    return lv.template("""<p><%= x %></p>""", assigns)\n'
        "  end\n"
        '  lv.template("""<p><%= y %></p>""", assigns)\n'
        "end\n"
        "fun branches(assigns)\n"
        '  lv.template("""<% if first %><b><%= x %></b><% else %><b><%= y %></b><% end %>""", assigns)\n'
        "end\n"
    )
    ns = load_quest(source, tmp_path / "twins.q")
    for render, want in [
        (ns["render"], {"0": "Y", "s": ["<p>", "</p>"]}),
        (ns["branches"], {"0": {"0": "Y", "s": ["<b>", "</b>"]}}),
    ]:
        a = {"first": True, "x": "X", "y": "Y"}
        tree = ViewTree()
        client = ClientRendered(tree.diff(render(a), None, a))
        a["first"] = False
        diff = tree.diff(render(a), {"first"}, a)
        assert diff == want
        assert client.merge(diff) == render(a).to_html()


COMPREHENSION = '<ul><% for t in todos %><li id="t<%= t.id %>"><%= t.title %></li><% end %></ul>'


def test_a_comprehension_is_keyed_by_position(tmp_path):
    render = template_module(COMPREHENSION, tmp_path / "for.q")
    a = {"todos": [{"id": 1, "title": "a"}, {"id": 2, "title": "b"}]}
    assert ViewTree().diff(render(a), None, a) == {
        "0": {
            "k": {"0": {"0": "1", "1": "a"}, "1": {"0": "2", "1": "b"}, "kc": 2},
            "s": ['<li id="t', '">', "</li>"],
        },
        "s": ["<ul>", "</ul>"],
    }


def test_a_comprehension_diff_names_only_changed_items_and_slots(tmp_path):
    render = template_module(COMPREHENSION, tmp_path / "for.q")
    todos = [{"id": i, "title": f"t{i}"} for i in range(5)]
    a = {"todos": todos}
    tree = ViewTree()
    tree.diff(render(a), None, a)
    todos[3]["title"] = "changed"  # mutated in place, then assigned (E15)
    assert tree.diff(render(a), {"todos"}, a) == {"0": {"k": {"3": {"1": "changed"}, "kc": 5}}}
    assert tree.diff(render(a), {"todos"}, a) == {}  # assigned, but nothing differs
    todos.append({"id": 9, "title": "new"})
    assert tree.diff(render(a), {"todos"}, a) == {
        "0": {"k": {"5": {"0": "9", "1": "new"}, "kc": 6}}
    }
    del todos[1:]
    assert tree.diff(render(a), {"todos"}, a) == {"0": {"k": {"kc": 1}}}
    todos.clear()
    assert tree.diff(render(a), {"todos"}, a) == {"0": {"k": {"kc": 0}}}


def test_items_that_only_shifted_are_sent_as_moves(tmp_path):
    render = template_module(COMPREHENSION, tmp_path / "for.q")
    todos = [{"id": i, "title": f"t{i}"} for i in range(4)]
    a = {"todos": todos}
    tree = ViewTree()
    tree.diff(render(a), None, a)
    todos.insert(0, {"id": 9, "title": "new"})  # a prepend: the old items move down
    assert tree.diff(render(a), {"todos"}, a) == {
        "0": {
            "k": {"0": {"0": "9", "1": "new"}, "1": 0, "2": 1, "3": 2, "4": 3, "kc": 5, "km": True}
        }
    }
    del todos[2]  # a removal in the middle: the items after it move up
    assert tree.diff(render(a), {"todos"}, a) == {"0": {"k": {"2": 3, "3": 4, "kc": 4, "km": True}}}
    todos[1]["title"] = "x"  # an edit in place is a diff, not a move
    assert tree.diff(render(a), {"todos"}, a) == {"0": {"k": {"1": {"1": "x"}, "kc": 4}}}


def test_items_holding_nested_renders_are_matched_by_position(tmp_path):
    body = "<% for t in ts %><% if t.on %><b><%= t.n %></b><% end %><% end %>"
    render = template_module(body, tmp_path / "nested.q")
    ts = [{"on": True, "n": 1}, {"on": True, "n": 2}]
    a = {"ts": ts}
    tree = ViewTree()
    tree.diff(render(a), None, a)
    ts.insert(0, {"on": True, "n": 0})
    assert tree.diff(render(a), {"ts"}, a) == {
        "0": {
            "k": {
                "0": {"0": {"0": "0"}},
                "1": {"0": {"0": "1"}},
                "2": {"0": {"0": "2", "s": ["<b>", "</b>"]}},
                "kc": 3,
            }
        }
    }


def test_an_empty_comprehension_never_sent_is_an_empty_string(tmp_path):
    render = template_module(COMPREHENSION, tmp_path / "for.q")
    a = {"todos": []}
    tree = ViewTree()
    assert tree.diff(render(a), None, a) == {"0": "", "s": ["<ul>", "</ul>"]}
    a["todos"] = [{"id": 1, "title": "a"}]
    assert tree.diff(render(a), {"todos"}, a) == {
        "0": {"k": {"0": {"0": "1", "1": "a"}, "kc": 1}, "s": ['<li id="t', '">', "</li>"]}
    }


def test_two_variable_for_over_a_dict(tmp_path):
    render = template_module("<% for k, v in d %><%= k %>=<%= v %>;<% end %>", tmp_path / "kv.q")
    a = {"d": {"x": 1, "y": 2}}
    assert ViewTree().diff(render(a), None, a) == {
        "0": {
            "k": {"0": {"0": "x", "1": "1"}, "1": {"0": "y", "1": "2"}, "kc": 2},
            "s": ["", "=", ";"],
        },
        "s": ["", ""],
    }


def test_nested_templates_render_nested_and_are_not_escaped_again(tmp_path):
    helpers = 'fun badge(n)\n  lv.template("""<b><%= n %></b>""", {"n": n})\nend\n'
    render = template_module("<p><%= badge(count) %></p>", tmp_path / "nest.q", helpers)
    a = {"count": 3}
    tree = ViewTree()
    assert tree.diff(render(a), None, a) == {
        "0": {"0": "3", "s": ["<b>", "</b>"]},
        "s": ["<p>", "</p>"],
    }
    a["count"] = 4
    assert tree.diff(render(a), {"count"}, a) == {"0": {"0": "4"}}


def test_if_inside_a_loop_shares_one_static_list_per_message(tmp_path):
    body = "<% for t in todos %><li><% if t.done %><s><%= t.title %></s><% end %></li><% end %>"
    render = template_module(body, tmp_path / "shared.q")
    a = {
        "todos": [
            {"title": "a", "done": True},
            {"title": "b", "done": True},
            {"title": "c", "done": False},
        ]
    }
    tree = ViewTree()
    assert tree.diff(render(a), None, a) == {
        "0": {
            "k": {
                "0": {"0": {"0": "a", "s": 0}},
                "1": {"0": {"0": "b", "s": 0}},
                "2": {"0": ""},
                "kc": 3,
            },
            "s": ["<li>", "</li>"],
        },
        "s": ["", ""],
        "p": {"0": ["<s>", "</s>"]},
    }
    a["todos"][2]["done"] = True  # one new branch in this message: sent inline
    assert tree.diff(render(a), {"todos"}, a) == {
        "0": {"k": {"2": {"0": {"0": "c", "s": ["<s>", "</s>"]}}, "kc": 3}}
    }


def test_reset_makes_the_next_diff_a_full_render(tmp_path):
    render = template_module(COUNTER, tmp_path / "counter.q")
    a = {"count": 5}
    tree = ViewTree()
    tree.diff(render(a), None, a)
    assert tree.rendered
    tree.reset()
    assert not tree.rendered
    assert "s" in tree.diff(render(a), {"count"}, a)


def test_hand_built_renders_work_without_quest():
    # the engine only needs the data types: eager dynamics lists are accepted as they are
    item = ("<li>", "</li>")
    r = Rendered(("<ul>", "</ul>"), [Comprehension(item, [["a"], ["b"]], 7)], 1)
    assert ViewTree().diff(r) == {
        "0": {"k": {"0": {"0": "a"}, "1": {"0": "b"}, "kc": 2}, "s": ["<li>", "</li>"]},
        "s": ["<ul>", "</ul>"],
    }


def test_a_render_must_be_a_template():
    with pytest.raises(TypeError, match="must be a template, got str"):
        ViewTree().diff("<p>")  # type: ignore[arg-type]
