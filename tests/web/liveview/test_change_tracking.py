"""Change tracking: a re-render evaluates and sends only the tags that read a changed
assign (DESIGN "LiveView templates"); errors in tags name the tag's ``.q`` line."""

from __future__ import annotations

import pytest

from quest_rt.runtime.traceback import format_exception
from quest_rt.web.liveview.diff import ViewTree
from tests.web.liveview.support import load_quest, template_module

PROBES = "let calls = []\nfun probe(tag, v)\n  calls.push(tag)\n  v\nend\n"

TEMPLATE = (
    '<%= probe("a", a) %>|<%= probe("b", b) %>|<%= probe("ab", a .. b) %>|'
    '<% if probe("if", flag) %><%= probe("in-a", a) %>/<%= probe("in-c", c) %><% end %>|'
    '<% for x in probe("for", xs) %><%= x %><%= probe("for-b", b) %><% end %>'
)

# per assign: the slots its change must send, and the tags that must run
EXPECTED = {
    "a": ({"0": "A!", "2": "A!B", "3": {"0": "A!"}}, ["a", "ab", "if", "in-a"]),
    "b": (
        {"1": "B!", "2": "AB!", "4": {"k": {"0": {"1": "B!"}, "1": {"1": "B!"}, "kc": 2}}},
        ["b", "ab", "for", "for-b", "for-b"],
    ),
    "c": ({"3": {"1": "C!"}}, ["if", "in-c"]),
    "xs": ({"4": {"k": {"1": {"0": "9"}, "kc": 2}}}, ["for", "for-b", "for-b"]),
}


@pytest.fixture
def view(tmp_path):
    ns = load_quest(
        'use "std/web/liveview" as lv\n'
        + PROBES
        + f'fun render(assigns)\n  lv.template("""{TEMPLATE}""", assigns)\nend\n',
        tmp_path / "probe.q",
    )
    a = {"a": "A", "b": "B", "c": "C", "flag": True, "xs": [1, 2]}
    tree = ViewTree()
    tree.diff(ns["render"](a), None, a)
    ns["calls"].clear()
    return ns, a, tree


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_changing_one_assign_sends_and_runs_only_the_tags_that_read_it(view, key):
    ns, a, tree = view
    a[key] = [1, 9] if key == "xs" else a[key] + "!"
    want_diff, want_calls = EXPECTED[key]
    assert tree.diff(ns["render"](a), {key}, a) == want_diff
    assert ns["calls"] == want_calls


def test_an_assign_no_tag_reads_runs_nothing(view):
    ns, a, tree = view
    a["unused"] = 1
    assert tree.diff(ns["render"](a), {"unused"}, a) == {}
    assert ns["calls"] == []


def test_a_changed_branch_condition_renders_the_new_branch_in_full(view):
    ns, a, tree = view
    a["flag"] = False
    assert tree.diff(ns["render"](a), {"flag"}, a) == {"3": ""}
    a["flag"] = True
    ns["calls"].clear()
    assert tree.diff(ns["render"](a), {"flag"}, a) == {
        "3": {"0": "A", "1": "C", "s": ["", "/", ""]}
    }
    assert ns["calls"] == ["if", "in-a", "in-c"]


def test_unknown_changes_evaluate_every_tag(view):
    ns, a, tree = view
    tree.diff(ns["render"](a), None, a)
    assert sorted(set(ns["calls"])) == ["a", "ab", "b", "for", "for-b", "if", "in-a", "in-c"]


def test_a_tag_reading_the_assigns_dict_itself_runs_on_every_change(tmp_path):
    render = template_module("<%= count %>|<%= assigns.len() %>", tmp_path / "whole.q")
    a = {"count": 1}
    tree = ViewTree()
    tree.diff(render(a), None, a)
    a["other"] = 2
    assert tree.diff(render(a), {"other"}, a) == {"1": "2"}


def test_a_nested_template_of_the_same_assigns_is_tracked_inside(tmp_path):
    helpers = (
        'fun header(assigns)\n  lv.template("""<h1><%= title %></h1><%= n %>""", assigns)\nend\n'
    )
    render = template_module("<%= header(assigns) %><p><%= n %></p>", tmp_path / "nest.q", helpers)
    a = {"title": "T", "n": 1}
    tree = ViewTree()
    tree.diff(render(a), None, a)
    a["n"] = 2
    assert tree.diff(render(a), {"n"}, a) == {"0": {"1": "2"}, "1": "2"}


def test_the_compiled_template_knows_every_assign_it_reads(tmp_path):
    ns = load_quest(
        'use "std/web/liveview" as lv\n'
        + PROBES
        + f'let t = fun (assigns) lv.template("""{TEMPLATE}""", assigns) end\n',
        tmp_path / "reads.q",
    )
    source = ns["t"].__code__.co_consts
    reads = [c for c in source if isinstance(c, tuple) and "flag" in c]
    assert reads == [("a", "b", "c", "flag", "probe", "xs")]


def test_an_error_in_a_tag_names_its_q_line_when_the_diff_engine_evaluates_it(tmp_path):
    path = tmp_path / "broken.q"
    ns = load_quest(
        'use "std/web/liveview" as lv\n'
        "fun render(assigns)\n"
        '  lv.template("""\n'
        "<p><%= count %></p>\n"
        "<p><%= 10 / count %></p>\n"
        '""", assigns)\n'
        "end\n",
        path,
    )
    a = {"count": 1}
    tree = ViewTree()
    tree.diff(ns["render"](a), None, a)
    a["count"] = 0
    with pytest.raises(Exception) as info:
        tree.diff(ns["render"](a), {"count"}, a)
    text = format_exception(info.value)
    assert f"{path}:5 in render" in text
    assert "<p><%= 10 / count %></p>" in text
    assert text.endswith("Division by zero")


def test_an_error_in_a_branch_tag_names_its_line_in_a_dead_render_too(tmp_path):
    path = tmp_path / "branch.q"
    ns = load_quest(
        'use "std/web/liveview" as lv\n'
        "fun page(assigns)\n"
        '  lv.template("""<div>\n'
        "<% if show %>\n"
        "  <%= items[5].name %>\n"
        "<% end %>\n"
        '</div>""", assigns)\n'
        "end\n",
        path,
    )
    with pytest.raises(Exception) as info:
        ns["page"]({"show": True, "items": [1]}).to_html()
    text = format_exception(info.value)
    assert f"{path}:5 in page" in text
    assert "<%= items[5].name %>" in text
