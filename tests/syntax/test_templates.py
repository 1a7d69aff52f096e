"""The LiveView template language (seed-extensions.md section 2)."""

from __future__ import annotations

import pytest

from quest_rt.syntax import ast
from quest_rt.syntax.errors import QuestSyntaxError
from quest_rt.syntax.parser import parse
from quest_rt.syntax.templates import parse_template, parse_template_literal

from .support import sx


def tpl(text: str, line: int = 1, col: int = 1) -> ast.Template:
    return parse_template(text, "v.q", line, col)


def shape(nodes):
    """Template nodes without positions: text, ("=", expr), ("if", ...), ("for", ...)."""
    out = []
    for n in nodes:
        if isinstance(n, ast.TText):
            out.append(n.text)
        elif isinstance(n, ast.TOutput):
            out.append(("=", sx(n.expr)))
        elif isinstance(n, ast.TIf):
            branches = tuple((sx(b.cond), shape(b.body)) for b in n.branches)
            out.append(("if", branches, None if n.orelse is None else shape(n.orelse)))
        else:
            out.append(("for", n.names, sx(n.iterable), shape(n.body)))
    return tuple(out)


def test_text_and_outputs_are_kept_verbatim():
    t = tpl("<h1>Count: <%= count %></h1>\n  <p><%= cpu %>%</p>")
    assert shape(t.body) == ("<h1>Count: ", ("=", "count"), "</h1>\n  <p>", ("=", "cpu"), "%</p>")


def test_if_elif_else():
    t = tpl("<% if a %>A<% elif b > 1 %>B<% elif c %>C<% else %>D<% end %>!")
    assert shape(t.body) == (
        ("if", (("a", ("A",)), ((">", "b", 1), ("B",)), ("c", ("C",))), ("D",)),
        "!",
    )
    assert shape(tpl("<% if a %><% end %>").body) == (("if", (("a", ()),), None),)
    assert shape(tpl("<% if a %>x<% else %><% end %>").body) == (("if", (("a", ("x",)),), ()),)


def test_for_with_one_and_two_names_and_nesting():
    t = tpl(
        "<% for user_id, cursor in cursors %><%= cursor.color %>"
        "<% for m in msgs %><% if m.read %>r<% end %><% end %><% end %>"
    )
    assert shape(t.body) == (
        (
            "for",
            ("user_id", "cursor"),
            "cursors",
            (
                ("=", (".", "cursor", "color")),
                ("for", ("m",), "msgs", (("if", (((".", "m", "read"), ("r",)),), None),)),
            ),
        ),
    )


def test_expressions_use_the_whole_language():
    t = tpl(
        '<%= lv.live_component(SearchComponent, id: "search") %>'
        "<%= open ? 'block' : 'none' %><%= last.format(\"%H:%M:%S\") %>"
    )
    first, ternary, fmt = shape(t.body)
    assert first == ("=", (".live_component", "lv", "SearchComponent", ("id:", ("str", "search"))))
    assert ternary == ("=", ("?", "open", ("str", "block"), ("str", "none")))
    assert fmt == ("=", (".format", "last", ("str", "%H:%M:%S")))


def test_percent_gt_inside_a_string_does_not_close_the_tag():
    t = tpl("""<%= "100%>" .. '%>' %>x<%= \"\"\"a%>\"\"\" %>""")
    assert shape(t.body) == (
        ("=", ("..", ("str", "100%>"), ("str", "%>"))),
        "x",
        ("=", ("str", "a%>")),
    )


def test_escaped_tag_and_comments():
    t = tpl("a <%%= b %> c<%# it's a comment, %> ignored %>d")
    assert shape(t.body) == ("a <%= b %> c", " ignored %>d")
    assert shape(tpl("<%%").body) == ("<%",)
    assert shape(tpl("").body) == ()


def test_positions_point_into_the_q_file():
    text = "\n  <b><%= a.b %></b>\n<% if x %>\n<%= y %><% end %>"
    t = tpl(text, line=10, col=20)
    lead, out, tail, if_node = t.body
    assert (lead.line, lead.col) == (10, 20)
    assert (out.line, out.col) == (11, 6)
    assert (out.expr.line, out.expr.col) == (11, 10)
    assert (out.expr.obj.line, out.expr.obj.col) == (11, 10)
    assert (tail.line, tail.col) == (11, 16)
    assert (if_node.line, if_node.col) == (12, 1)
    assert (if_node.branches[0].cond.line, if_node.branches[0].cond.col) == (12, 7)
    inner = if_node.branches[0].body[1]
    assert (inner.line, inner.col, inner.expr.col) == (13, 1, 5)
    first_line = tpl("x<%= y %>", line=3, col=9).body[1]
    assert (first_line.col, first_line.expr.col) == (10, 14)


def test_literal_helper_starts_after_the_quotes():
    source = 'v = lv.template("""<%= a %>\n<%= b %>""", x)\n'
    (stmt,) = parse(source, "v.q").body
    literal = stmt.value.args[0].value
    t = parse_template_literal(literal, "v.q", file_text=source)
    assert [(n.line, n.col, n.expr.col) for n in t.body if isinstance(n, ast.TOutput)] == [
        (1, 20, 24),
        (2, 1, 5),
    ]


BAD = [
    ("abc <%= x", 1, 5, "this `<%` tag is never closed with `%>`"),
    ("<% end %>", 1, 1, "`<% end %>` without an open `<% if %>` or `<% for %>`"),
    ("<% if a %>\n<% for x in y %>", 2, 1, "`<% for %>` has no matching `<% end %>`"),
    ("<% if a %>x", 1, 1, "`<% if %>` has no matching `<% end %>`"),
    ("<% else %>", 1, 1, "`<% else %>` without an open `<% if %>`"),
    ("<% for x in y %><% elif z %>", 1, 17, "`<% elif %>` without an open `<% if %>`"),
    ("<% if a %><% else %><% elif b %>", 1, 21, "`<% elif %>` after `<% else %>`"),
    ("<% if a %><% else %><% else %>", 1, 21, "`<% else %>` after `<% else %>`"),
    ("<% if %>", 1, 1, "`<% if %>` needs a condition"),
    ("<% if a %><% else b %><% end %>", 1, 11, "`<% else %>` takes nothing after `else`"),
    ("<% if a %><% end x %>", 1, 11, "`<% end %>` takes nothing after `end`"),
    ("<%= %>", 1, 1, "empty `<%= %>` tag: put an expression inside"),
    ("\n  <%= a + %>", 2, 10, "unexpected end of the expression; expected an expression"),
    ("<%= a b %>", 1, 7, "unexpected name `b`; expected end of the expression"),
    ("<%= let x = 1 %>", 1, 5, "`let` starts a statement; only an expression is allowed here"),
    ("<%= x = 1 %>", 1, 7, "assignment is a statement; only an expression is allowed here"),
    ("<% let x = 1 %>", 1, 1, "`let` is a statement; templates only allow `<%= expr %>`"),
    ("<% x %>", 1, 1, "a `<% %>` tag holds `if`, `elif`, `else`, `end` or `for`"),
    ("<% for x y %>", 1, 1, "expected `<% for name in expr %>` or `<% for a, b in expr %>`"),
    ("<% for in in y %><% end %>", 1, 1, "`in` is a reserved word and cannot be a loop variable"),
    ("<% for x in %>", 1, 1, "`<% for %>` needs something to iterate after `in`"),
    ('<%= "abc %>', 1, 5, 'unclosed string: no closing `"` on this line'),
]


@pytest.mark.parametrize("text, line, col, message", BAD, ids=[t for t, *_ in BAD])
def test_malformed_templates(text, line, col, message):
    with pytest.raises(QuestSyntaxError) as info:
        tpl(text)
    err = info.value
    assert err.message.startswith(message)
    assert (err.path, err.line, err.col) == ("v.q", line, col)


def test_template_errors_show_the_q_line():
    source = 'x = 1\nlv.template("""\n  <p><%= a + %></p>\n""", assigns)\n'
    with pytest.raises(QuestSyntaxError) as info:
        parse_template("\n  <p><%= a + %></p>\n", "v.q", 2, 16, file_text=source)
    assert info.value.format().splitlines() == [
        "v.q:3:13: syntax error: unexpected end of the expression; expected an expression",
        "    3 |   <p><%= a + %></p>",
        "      |             ^",
    ]
    with pytest.raises(QuestSyntaxError) as info:
        parse_template("<% if a %>", "v.q", 7, 16)
    assert info.value.format().splitlines()[1:] == [
        "    7 |                <% if a %>",
        "      |                ^",
    ]
