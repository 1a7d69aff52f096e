"""``std/html`` (seed-extensions E18): HTML escaping and template files.

``html.render("chat.html", assigns)`` reads a file next to the program and renders it
with the LiveView template language (``<%= %>``, ``<% if %>``, ``<% for %>``); a file
without tags comes back unchanged. The file is compiled once (and again when it
changes) exactly like a template literal in a ``.q`` file — as if the program had called
``html.template`` with the file's text as a triple-quoted literal — so tag errors and
run-time errors point at the file's own lines.

``html.template(literal, assigns)`` with a literal is compiled at compile time; with a
Str built at run time it is compiled on first use.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from quest_rt.common.rendered import Raw, Rendered
from quest_rt.common.rendered import escape as _escape
from quest_rt.runtime.errors import IOErr
from quest_rt.runtime.objects import QuestModule
from quest_rt.runtime.values import to_str
from quest_rt.std import program
from quest_rt.std.arguments import need_dict, need_str, wrong_kind

_compiled: dict[str, tuple[float, Any]] = {}


def _caller_dir() -> Path:
    from quest_rt.runtime.loader import quest_callers

    for frame in quest_callers():
        path = frame.f_code.co_filename
        if not path.startswith("<"):  # `-e`, the REPL, generated templates: no directory
            return Path(path).resolve().parent
    if program.SCRIPT_PATH:
        return Path(program.SCRIPT_PATH).parent
    return Path.cwd()


def compile_template_text(text: str, path: str, module: str = "std/html") -> Any:
    """A render function for template text that is not a literal in a ``.q`` file: it
    calls ``template`` of ``module`` (``std/html`` or ``std/web/liveview``) with the text
    compiled as if it were a triple-quoted literal."""
    from quest_rt.runtime import loader
    from quest_rt.syntax import ast as q

    pos = {"line": 1, "col": 1}
    call = q.Call(func=q.Name(name="template", **pos),
                  args=(q.Arg(kind="pos", value=q.Str(value=text, line=1, col=0), **pos),
                        q.Arg(kind="pos", value=q.Name(name="assigns", **pos), **pos)), **pos)
    render = q.FunDecl(name="render", params=(q.Param(name="assigns", **pos),),
                       body=(q.ExprStmt(expr=call, **pos),), **pos)
    tree = q.Module(body=(q.Use(path=module, names=(q.ImportName(name="template", **pos),),
                                **pos), render), path=path, source=text, **pos)
    compiled = loader.compile_module_ast(tree)
    namespace = loader.new_namespace(path)
    loader.run_code(compiled, namespace)
    return namespace["render"]


def escape(text: Any) -> str:
    """escape(s) -> Str: s with & < > " ' replaced by HTML entities

    Example:
        html.escape("<a href=\\"x\\">&</a>")  # => "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
    """
    return _escape(text if type(text) is str else to_str(text))


def raw(text: Any) -> Raw:
    """raw(s) -> Raw: HTML that templates output as it is, without escaping

    Example:
        html.template("<%= x %>", {"x": html.raw("<b>hi</b>")}).str()  # => "<b>hi</b>"
    """
    return Raw(text if type(text) is str else to_str(text))


def template(source: Any, assigns: Any = None) -> str:
    """template(source, assigns = {}) -> Str: template text rendered with assigns

    Example:
        html.template("<li><%= item %></li>", {"item": "tea & cake"}).str()  # => "<li>tea &amp; cake</li>"
    """
    from quest_rt.runtime.builtins import CompiledTemplate

    assigns = {} if assigns is None else need_dict(assigns, "html.template", "of assigns")
    if isinstance(source, CompiledTemplate):
        return Raw(source(assigns).to_html())
    if type(source) is not str:
        raise wrong_kind(source, "html.template", "a Str or a compiled template")
    key = "<template>\0" + source
    entry = _compiled.get(key)
    if entry is None:
        entry = (0.0, compile_template_text(source, "<template>"))
        _compiled[key] = entry
    return _to_html(entry[1](assigns))


def _to_html(value: Any) -> str:
    return Raw(value.to_html() if isinstance(value, Rendered) else to_str(value))


def render(path: Any, assigns: Any = None) -> str:
    """render(path, assigns = {}) -> Str: the template file at path (relative to the
    program's directory) rendered with assigns

    Example:
        use "std/io"
        io.write("hello.html", "<p>Hello, <%= name %></p>")
        html.render("hello.html", {"name": "<Ada>"}).str()  # => "<p>Hello, &lt;Ada&gt;</p>"
    """
    need_str(path, "html.render", "path")
    assigns = {} if assigns is None else need_dict(assigns, "html.render", "of assigns")
    file = Path(path)
    if not file.is_absolute():
        file = _caller_dir() / file
    try:
        mtime = os.stat(file).st_mtime
        key = str(file)
        entry = _compiled.get(key)
        if entry is None or entry[0] != mtime:
            text = file.read_text(encoding="utf-8")
            if "<%" not in text:
                entry = (mtime, Raw(text))
            else:
                entry = (mtime, compile_template_text(text, key))
            _compiled[key] = entry
    except OSError as exc:
        raise IOErr(f"html.render: cannot read {file}: {exc.strerror}") from None
    if isinstance(entry[1], str):
        return entry[1]
    return _to_html(entry[1](assigns))


def create() -> QuestModule:
    return QuestModule("html", {"render": render, "escape": escape, "raw": raw,
                                "template": template}, None)
