"""Round trip: the client's merge of every diff gives the HTML of a fresh full render.

Hypothesis drives seeded random sequences of assigns (values with characters that need
escaping, in-place mutation of list items then ``assign`` as the QEP does (E15),
branches switching, loops growing and shrinking, nested templates); after each step
the independent merger of ``client.py`` must hold exactly the HTML of the same state
rendered from scratch.
"""

from __future__ import annotations

import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quest_rt.web.liveview.diff import ViewTree
from tests.web.liveview.client import ClientRendered
from tests.web.liveview.support import template_module

TEMPLATE = """<header class="<%= flag ? 'on' : 'off' %>"><%= title %></header>
<% if flag %><p><%= count %> <%= note %></p><% elif count > 5 %><em><%= count %></em><% else %><i>none</i><% end %>
<ul><% for t in todos %><li id="t<%= t.id %>" class="<%= t.done ? 'done' : '' %>"><%= t.title %><% if t.done %> &#10003; <%= badge(t.id) %><% end %><% for tag in t.tags %><span><%= tag %></span><% end %></li><% end %></ul>
<footer><%= badge(count) %><% for k, v in meta %><dt><%= k %></dt><dd><%= v %></dd><% end %></footer>"""

# items of plain values only: shifted items are sent as moves ("km")
FLAT = """<ol><% for t in todos %><li class="<%= t.done ? 'done' : '' %>"><%= t.title %></li><% end %></ol>"""

HELPERS = 'fun badge(n)\n  lv.template("""<b><%= n %></b>""", {"n": n})\nend\n'

TEXT = st.text(alphabet="ab <>&'\"✓", max_size=6)
TODO = st.fixed_dictionaries(
    {
        "id": st.integers(0, 99),
        "title": TEXT,
        "done": st.booleans(),
        "tags": st.lists(st.sampled_from(["x", "y", "<z>"]), max_size=3),
    }
)
STEP = st.one_of(
    st.tuples(st.just("count"), st.integers(-3, 12)),
    st.tuples(st.just("flag"), st.booleans()),
    st.tuples(st.just("title"), TEXT),
    st.tuples(st.just("note"), st.none() | TEXT),
    st.tuples(st.just("todos"), st.lists(TODO, max_size=6)),
    st.tuples(st.just("meta"), st.dictionaries(st.sampled_from("abc"), TEXT, max_size=3)),
    st.tuples(st.just("mutate"), st.integers(0, 5), st.sampled_from(["title", "done", "tags"])),
    st.tuples(st.just("append"), TODO),
    st.tuples(st.just("pop"), st.integers(0, 5)),
    st.tuples(st.just("insert"), st.integers(0, 5), TODO),
    st.tuples(st.just("again"), st.sampled_from(["count", "todos", "meta", "note"])),
)


@pytest.fixture(scope="module", params=["rich", "flat"])
def render(request, tmp_path_factory):
    body = TEMPLATE if request.param == "rich" else FLAT
    return template_module(body, tmp_path_factory.mktemp("merge") / "view.q", HELPERS)


def initial() -> dict:
    return {"count": 0, "flag": False, "title": "t", "note": None, "todos": [], "meta": {}}


def apply(a: dict, step: tuple) -> set[str]:
    """Change the assigns as a handler would; return the names it assigned."""
    kind = step[0]
    todos = a["todos"]
    if kind == "mutate":
        if not todos:
            return set()
        todo = todos[step[1] % len(todos)]
        field = step[2]
        if field == "done":
            todo["done"] = not todo["done"]
        elif field == "title":
            todo["title"] = todo["title"] + "!"
        else:
            todo["tags"].append("x")
        return {"todos"}
    if kind == "append":
        todos.append(copy.deepcopy(step[1]))
        return {"todos"}
    if kind == "insert":
        todos.insert(step[1] % (len(todos) + 1), copy.deepcopy(step[2]))
        return {"todos"}
    if kind == "pop":
        if todos:
            todos.pop(step[1] % len(todos))
        return {"todos"}
    if kind == "again":
        return {step[1]}
    a[kind] = copy.deepcopy(step[1])
    return {kind}


def check_sequence(render, steps: list[tuple], unknown_every: int = 0) -> None:
    a = initial()
    tree = ViewTree()
    client = ClientRendered(tree.diff(render(a), None, a))
    assert client.html == render(a).to_html()
    for n, step in enumerate(steps, 1):
        changed = apply(a, step)
        if unknown_every and n % unknown_every == 0:
            changed = None  # the view does not know what changed: everything is evaluated
        client.merge(tree.diff(render(a), changed, a))
        assert client.html == render(a).to_html(), f"after {steps[:n]}"


@settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(STEP, max_size=25))
def test_merged_diffs_equal_a_fresh_render(render, steps):
    check_sequence(render, steps)


@settings(max_examples=40, derandomize=True, deadline=None)
@given(st.lists(STEP, max_size=20))
def test_merged_diffs_equal_a_fresh_render_when_changes_are_unknown(render, steps):
    check_sequence(render, steps, unknown_every=3)


def test_a_render_of_a_copy_of_the_assigns_is_not_tracked(render):
    # A render function may hand the template another Dict than the view's assigns:
    # the changed set is about the view's Dict, so such renders are evaluated in full.
    a = initial()
    tree = ViewTree()
    client = ClientRendered(tree.diff(render(dict(a)), None, a))
    for step in [("count", 7), ("title", "<x>"), ("flag", True), ("count", 8)]:
        changed = apply(a, step)
        client.merge(tree.diff(render(dict(a)), changed, a))
        assert client.html == render(a).to_html()


def test_the_merger_rejects_a_diff_the_browser_would_render_as_undefined():
    # the reader is strict: a missing slot or a keyed diff for a plain slot fails
    client = ClientRendered({"0": "a", "s": ["<p>", "</p>"]})
    with pytest.raises(AssertionError):
        client.merge({"0": {"k": {"kc": 0}}})
    with pytest.raises(AssertionError):
        ClientRendered({"s": ["<p>", "</p>"]})
