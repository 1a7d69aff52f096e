"""``std/web/liveview``'s templates: ``lv.template`` returns the rendered structure the
diff engine reads; printing it renders it in full."""

from __future__ import annotations

import pytest

from quest_rt.common.rendered import Rendered
from quest_rt.runtime.errors import TypeErr
from tests.runtime.support import run_quest


def test_a_literal_template_returns_a_lazy_render_of_its_assigns():
    ns = run_quest(
        'use "std/web/liveview" as lv\n'
        'let a = {"n": 2, "xs": [1, 2]}\n'
        'let r = lv.template("""<p><%= n %></p><% for x in xs %><i><%= x %></i><% end %>""", a)\n'
        "let html = r.str()\n"
    )
    r = ns["r"]
    assert type(r) is Rendered and r.assigns is ns["a"]
    assert ns["html"] == "<p>2</p><i>1</i><i>2</i>"
    assert r.values({"other"}) == [None, None]


def test_a_template_built_at_run_time_is_compiled_on_first_use():
    ns = run_quest(
        'use "std/web/liveview" as lv\n'
        'let text = "<b><%= " .. "who %></b>"\n'
        'let html = lv.template(text, {"who": "<you>"}).str()\n'
    )
    assert ns["html"] == "<b>&lt;you&gt;</b>"


def test_raw_html_is_not_escaped_again():
    ns = run_quest(
        'use "std/web/liveview" as lv\n'
        'let html = lv.template("""<%= lv.raw("<i>x</i>") %><%= "<i>" %>""", {}).str()\n'
    )
    assert ns["html"] == "<i>x</i>&lt;i&gt;"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ('lv.template("<p></p>", 5)', "lv.template expects a Dict of assigns, got Int"),
        ("lv.template(5, {})", "lv.template expects a Str template, got Int"),
    ],
)
def test_bad_arguments_are_quest_errors(call, message):
    with pytest.raises(TypeErr, match=message):
        run_quest(f'use "std/web/liveview" as lv\n{call}\n')


def test_html_templates_render_the_same_lazy_structure_to_a_str():
    ns = run_quest(
        'use "std/html" as html\n'
        'let page = html.template("""<% for x in xs %><% if x > 1 %><b><%= x %></b><% else %>'
        '<%= x %><% end %><% end %>""", {"xs": [1, 2]})\n'
    )
    assert ns["page"] == "1<b>2</b>"
