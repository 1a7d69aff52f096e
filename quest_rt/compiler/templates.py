"""Literal `lv.template("...", assigns)` calls (triple-quoted in practice), compiled at
compile time.

The template text was parsed by ``quest_rt.syntax.templates`` during scope analysis
(so a malformed tag is a compile error at its ``.q`` line). Here it becomes a render
function, a closure in the lexical scope of the call, that builds the rendered structure
of ``quest_rt.common.rendered``::

    def ·tpl3(·a):                       # ·a: the assigns Dict
        ·d4 = []
        ·d4.append(·output(<count>))
        return ·Rendered(("<p>Count: ", "</p>"), ·d4, 1234)

and the call becomes ``lv.template(·Template(·tpl3, info), assigns)``. Names in tags
resolve to template loop variables, then assigns keys, then the lexical scope, then nil
(seed-extensions.md section 2). The LiveView diff engine builds on this structure; the
compiler also records which assigns each dynamic reads.
"""

from __future__ import annotations

import ast
import zlib

from quest_rt.compiler.emitter import Emitter, FunctionContext, call, const, helper, name
from quest_rt.syntax import ast as q


def default_parser():
    try:
        from quest_rt.syntax.templates import parse_template
    except ImportError:  # the syntax layer predates templates: templates stay plain strings
        return None
    return parse_template


def _fingerprint(statics: tuple[str, ...]) -> int:
    return zlib.crc32("\x00".join(statics).encode())


class _TemplateCompiler:
    def __init__(self, em: Emitter, assigns: str) -> None:
        self.em = em
        self.assigns = assigns
        self.reads: set[str] = set()

    def nodes(self, nodes: tuple, out: list[ast.stmt], dyn: str) -> tuple[str, ...]:
        """Emit code appending dynamics to list ``dyn``; return the statics."""
        statics: list[str] = [""]
        for n in nodes:
            if isinstance(n, q.TText):
                statics[-1] += n.text
                continue
            value = self.dynamic(n, out)
            out.append(ast.Expr(call(ast.Attribute(name(dyn), "append", ast.Load()), value)))
            statics.append("")
        return tuple(statics)

    def expr(self, node: q.Expr, out: list[ast.stmt]) -> ast.expr:
        em = self.em
        saved, em.pending = em.pending, []
        value = em.expr(node)
        out.extend(em.pending)
        em.pending = saved
        return value

    def dynamic(self, n, out: list[ast.stmt]) -> ast.expr:
        em = self.em
        if isinstance(n, q.TOutput):
            return call(helper("output"), self.expr(n.expr, out))
        if isinstance(n, q.TIf):
            result = em.temp("if")
            orelse: list[ast.stmt] = [ast.Assign([name(result, True)], const(""))]
            if n.orelse is not None:
                orelse = self.branch(n.orelse, result)
            for br in reversed(n.branches):
                test_out: list[ast.stmt] = []
                test = self.expr(br.cond, test_out)
                orelse = test_out + [ast.If(test, self.branch(br.body, result), orelse)]
            out.extend(orelse)
            return name(result)
        assert isinstance(n, q.TFor)
        comp, dyn = em.temp("for"), em.temp("d")
        body: list[ast.stmt] = [ast.Assign([name(dyn, True)], ast.List([], ast.Load()))]
        statics = self.nodes(n.body, body, dyn)
        body.append(ast.Expr(call(ast.Attribute(ast.Attribute(name(comp), "entries",
                                                               ast.Load()), "append",
                                                 ast.Load()), name(dyn))))
        frame = em.info.frames[id(n)]
        pynames = [frame.all[v].pyname for v in n.names]
        iterable = self.expr(n.iterable, out)
        helper_name = "iter_values" if len(n.names) == 1 else "iter_pairs"
        target: ast.expr = name(pynames[0], True) if len(pynames) == 1 else \
            ast.Tuple([name(p, True) for p in pynames], ast.Store())
        out.append(ast.Assign([name(comp, True)],
                              call(helper("Comprehension"), ast.Tuple(
                                  [const(s) for s in statics], ast.Load()),
                                   ast.List([], ast.Load()), const(_fingerprint(statics)))))
        out.append(ast.For(target, call(helper(helper_name), iterable), body, []))
        return name(comp)

    def branch(self, nodes: tuple, result: str) -> list[ast.stmt]:
        dyn = self.em.temp("d")
        out: list[ast.stmt] = [ast.Assign([name(dyn, True)], ast.List([], ast.Load()))]
        statics = self.nodes(nodes, out, dyn)
        out.append(ast.Assign([name(result, True)], call(
            helper("Rendered"), ast.Tuple([const(s) for s in statics], ast.Load()), name(dyn),
            const(_fingerprint(statics)))))
        return out


def template_name(em: Emitter, node: q.Name) -> ast.expr | None:
    """A name read inside a template tag, or None when not compiling a template."""
    assigns = em.template_assigns
    if assigns is None:
        return None
    b = em.binding(node)
    if b is not None and b.kind == "loop" and isinstance(b.node, q.TFor):
        return name(b.pyname)
    em.template_reads.add(node.name)
    lexical: ast.expr = name(b.pyname) if b is not None else \
        call(helper("global_or_nil"), helper("G"), const(node.name))
    return ast.IfExp(ast.Compare(const(node.name), [ast.In()], [name(assigns)]),
                     ast.Subscript(name(assigns), const(node.name), ast.Load()), lexical)


def compile_template_call(em: Emitter, node: q.Call | q.MethodCall,
                          receiver: ast.expr) -> ast.expr:
    template: q.Template = em.info.templates[id(node)]
    frame = em.info.template_frames[id(node)]
    assigns = em.temp("a")
    fname = em.temp("tpl")
    saved = (em.fn, em.pending, em.template_assigns,
             em.template_reads)
    em.fn = FunctionContext(frame.pyscope)
    em.pending = []
    em.template_assigns = assigns
    em.template_reads = set()
    try:
        tc = _TemplateCompiler(em, assigns)
        dyn = em.temp("d")
        body: list[ast.stmt] = [ast.Assign([name(dyn, True)], ast.List([], ast.Load()))]
        statics = tc.nodes(template.body, body, dyn)
        body.append(ast.Return(call(helper("Rendered"),
                                    ast.Tuple([const(s) for s in statics], ast.Load()),
                                    name(dyn), const(_fingerprint(statics)))))
        reads = sorted(em.template_reads)
    finally:
        em.fn, em.pending, em.template_assigns, em.template_reads = saved
    arguments = ast.arguments(posonlyargs=[], args=[ast.arg(assigns)], vararg=None,
                              kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[])
    em.lift([ast.FunctionDef(fname, arguments, body, [], None)])
    compiled = call(helper("CompiledTemplate"), name(fname),
                    ast.Tuple([const(r) for r in reads], ast.Load()))
    from quest_rt.compiler.calls import emit_args

    rest = emit_args(em, node.args[1:])
    if isinstance(rest, ast.expr):
        return rest
    args, keywords = rest
    if isinstance(node, q.MethodCall):
        func: ast.expr = ast.Attribute(receiver, "template", ast.Load())
    else:
        func = receiver
    return ast.Call(func, [compiled, *args], keywords)
