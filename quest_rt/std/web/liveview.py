"""``std/web/liveview``: LiveView templates (the views themselves come with the LiveView session).

``lv.template(source, assigns)`` returns the *rendered* structure of the template
(:mod:`quest_rt.common.rendered`), not HTML: a LiveView's ``render`` hands it to the diff
engine (:mod:`quest_rt.web.liveview.diff`), which evaluates only the tags whose assigns
changed. A literal template is compiled at compile time (seed-extensions E1, section 2);
a Str built at run time is compiled on first use. Printing a rendered value, or
outputting it inside another template, renders it in full (E20: not escaped again).

``lv.raw(s)`` marks HTML that templates output without escaping.

The views themselves (``lv.component``, ``lv.mount``, the socket) arrive with the
LiveView session on top of the channel layer.
"""

from __future__ import annotations

from typing import Any

from quest_rt.common.rendered import Raw, Rendered
from quest_rt.runtime.objects import QuestModule
from quest_rt.runtime.values import to_str
from quest_rt.std.arguments import need_dict, need_str

_compiled: dict[str, Any] = {}


def template(source: Any, assigns: Any = None) -> Rendered:
    """template(source, assigns = {}) -> Rendered: the template rendered with assigns;
    <%= %> escapes HTML, nested templates and lv.raw values are output as they are

    Example:
        liveview.template("<b><%= name %></b>", {"name": "<Ada>"}).to_html()  # => "<b>&lt;Ada&gt;</b>"
    """
    from quest_rt.runtime.builtins import CompiledTemplate

    assigns = {} if assigns is None else need_dict(assigns, "lv.template", "of assigns")
    if isinstance(source, CompiledTemplate):
        return source(assigns)
    need_str(source, "lv.template", "template")
    render = _compiled.get(source)
    if render is None:
        from quest_rt.std.html import compile_template_text

        render = compile_template_text(source, "<template>", "std/web/liveview")
        _compiled[source] = render
    return render(assigns)


def raw(text: Any) -> Raw:
    """raw(value) -> Str: HTML (the string form of value) that templates output without
    escaping

    Example:
        liveview.template("<p><%= x %></p>", {"x": liveview.raw("<i>hi</i>")}).to_html()  # => "<p><i>hi</i></p>"
    """
    return Raw(text if type(text) is str else to_str(text))


def create() -> QuestModule:
    return QuestModule("liveview", {"template": template, "raw": raw}, None)
