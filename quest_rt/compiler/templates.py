"""Literal `lv.template("...", assigns)` calls (triple-quoted in practice), compiled at
compile time.

The template text was parsed by ``quest_rt.syntax.templates`` during scope analysis
(so a malformed tag is a compile error at its ``.q`` line). Here it becomes a render
function, a closure in the lexical scope of the call, that builds the rendered structure
of ``quest_rt.common.rendered``. Its dynamics are *lazy*: a function of the changed set
(the assigns changed since the client last saw this template) that evaluates only the
tags whose read set meets it and yields ``None`` ("unchanged") for the others::

    <p><%= count %> of <%= total %></p>

    def ·tpl3(·a):                       # ·a: the assigns Dict
        def ·tpl5(·c6):                  # ·c6: the changed set, None = everything
            ·d4 = []
            if ·c6 is None or 'count' in ·c6:
                ·d4.append(·output(<count>))
            else:
                ·d4.append(None)
            if ·c6 is None or 'total' in ·c6:
                ·d4.append(·output(<total>))
            else:
                ·d4.append(None)
            return ·d4
        return ·Rendered(("<p>", " of ", "</p>"), ·tpl5, 1234, ·a)

and the call becomes ``lv.template(·CompiledTemplate(·tpl3, reads), assigns)``. Names in
tags resolve to template loop variables, then assigns keys, then the lexical scope, then
nil (seed-extensions.md section 2).

**Read sets.** A tag reads every name it looks up that is not a loop variable of the
template (a name that turns out to be lexical, such as a helper function, is harmless in
the set: it is never an assign that changes). An ``if`` reads what its conditions and
branches read, a ``for`` what its iterable and body read. A tag that reads the variable
passed as the assigns argument itself (``<%= row(assigns) %>``) depends on every assign
and is always evaluated. State outside assigns (module variables) is not tracked, as in
Phoenix: a tag that shows it is re-evaluated when an assign it reads changes.

**Nesting.** The branch an ``if`` takes is itself lazy, so a re-render that keeps the
branch evaluates only the branch's tags that read a changed assign. A ``for`` body is
evaluated at once for every item (its dynamics are plain lists, and an ``if`` inside it
is eager too): loop variables are not assigns, and the diff engine compares items with
what it sent before instead.

**Errors.** Every statement emitted for a tag carries the tag's ``.q`` position, so an
error raised while rendering, even when the diff engine evaluates the dynamics long
after the render function returned, shows the tag's line in the Quest traceback.
"""

from __future__ import annotations

import ast
import hashlib

from quest_rt.compiler.emitter import Emitter, FunctionContext, call, const, helper, name, stamp
from quest_rt.syntax import ast as q


def default_parser():
    try:
        from quest_rt.syntax.templates import parse_template
    except ImportError:  # the syntax layer predates templates: templates stay plain strings
        return None
    return parse_template


def _fingerprint(path: str, nodes: tuple, statics: tuple[str, ...]) -> int:
    """Identifies one piece of template code: a template, an ``if`` branch, a ``for`` body.

    Like Phoenix's, it covers the code (the tag nodes, with their expressions and
    positions, and the file), not only the statics: two templates with equal text around
    different tags must differ, or a diff engine would keep the first one's values for
    tags of the second that change tracking skips. 64 bits of BLAKE2b: collisions are not
    a practical concern, and the value never goes on the wire.
    """
    text = "\x00".join((path, repr(nodes), *statics)).encode()
    return int.from_bytes(hashlib.blake2b(text, digest_size=8).digest(), "big")


def _statics(statics: tuple[str, ...]) -> ast.Tuple:
    return ast.Tuple([const(s) for s in statics], ast.Load())


def _append(dyn: str, value: ast.expr) -> ast.stmt:
    return ast.Expr(call(ast.Attribute(name(dyn), "append", ast.Load()), value))


def _changed_test(changed: str, reads: set[str]) -> ast.expr:
    """``changed is None or <reads meet changed>``."""
    everything = ast.Compare(name(changed), [ast.Is()], [const(None)])
    if not reads:
        return everything
    if len(reads) == 1:
        meets: ast.expr = ast.Compare(const(next(iter(reads))), [ast.In()], [name(changed)])
    else:
        disjoint = call(ast.Attribute(name(changed), "isdisjoint", ast.Load()),
                        _statics(tuple(sorted(reads))))
        meets = ast.UnaryOp(ast.Not(), disjoint)
    return ast.BoolOp(ast.Or(), [everything, meets])


class _TemplateCompiler:
    """Compiles the nodes of one template; ``changed`` arguments name the changed-set
    parameter of the lazy function being emitted, or are None inside a ``for`` body."""

    def __init__(self, em: Emitter, assigns: str, whole: str | None) -> None:
        self.em = em
        self.assigns = assigns
        #: the name of the variable passed as assigns: a tag reading it reads them all
        self.whole = whole

    def fingerprint(self, nodes: tuple, statics: tuple[str, ...]) -> int:
        return _fingerprint(self.em.module.path, nodes, statics)

    def lazy(self, nodes: tuple) -> tuple[ast.FunctionDef, tuple[str, ...]]:
        """A function of the changed set returning the dynamics of ``nodes``."""
        em = self.em
        fname, changed, dyn = em.temp("tpl"), em.temp("c"), em.temp("d")
        body: list[ast.stmt] = [ast.Assign([name(dyn, True)], ast.List([], ast.Load()))]
        statics = self.nodes(nodes, body, dyn, changed)
        body.append(ast.Return(name(dyn)))
        arguments = ast.arguments(posonlyargs=[], args=[ast.arg(changed)], vararg=None,
                                  kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[])
        return ast.FunctionDef(fname, arguments, body, [], None), statics

    def nodes(self, nodes: tuple, out: list[ast.stmt], dyn: str,
              changed: str | None) -> tuple[str, ...]:
        """Emit code appending dynamics to list ``dyn``; return the statics."""
        em = self.em
        statics: list[str] = [""]
        for n in nodes:
            if isinstance(n, q.TText):
                statics[-1] += n.text
                continue
            outer, em.template_reads = em.template_reads, set()
            stmts: list[ast.stmt] = []
            value = self.dynamic(n, stmts, changed)
            reads, em.template_reads = em.template_reads, outer
            outer |= reads
            stmts.append(_append(dyn, value))
            if changed is not None and (self.whole is None or self.whole not in reads):
                stmts = [ast.If(_changed_test(changed, reads), stmts,
                                [_append(dyn, const(None))])]
            for s in stmts:
                stamp(s, n)
            out.extend(stmts)
            statics.append("")
        return tuple(statics)

    def expr(self, node: q.Expr, out: list[ast.stmt]) -> ast.expr:
        em = self.em
        saved, em.pending = em.pending, []
        value = em.expr(node)
        out.extend(em.pending)
        em.pending = saved
        return value

    def dynamic(self, n, out: list[ast.stmt], changed: str | None) -> ast.expr:
        em = self.em
        if isinstance(n, q.TOutput):
            return call(helper("output"), self.expr(n.expr, out))
        if isinstance(n, q.TIf):
            result = em.temp("if")
            orelse: list[ast.stmt] = [ast.Assign([name(result, True)], const(""))]
            if n.orelse is not None:
                orelse = self.branch(n.orelse, result, changed)
            for br in reversed(n.branches):
                test_out: list[ast.stmt] = []
                test = self.expr(br.cond, test_out)
                orelse = test_out + [ast.If(test, self.branch(br.body, result, changed),
                                            orelse)]
            out.extend(orelse)
            return name(result)
        assert isinstance(n, q.TFor)
        comp, dyn = em.temp("for"), em.temp("d")
        body: list[ast.stmt] = [ast.Assign([name(dyn, True)], ast.List([], ast.Load()))]
        statics = self.nodes(n.body, body, dyn, None)
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
                              call(helper("Comprehension"), _statics(statics),
                                   ast.List([], ast.Load()),
                                   const(self.fingerprint(n.body, statics)))))
        out.append(ast.For(target, call(helper(helper_name), iterable), body, []))
        return name(comp)

    def branch(self, nodes: tuple, result: str, changed: str | None) -> list[ast.stmt]:
        """Statements setting ``result`` to the Rendered of a branch: lazy (tracked) in
        a tracked context, evaluated at once inside a ``for`` body."""
        if changed is not None:
            define, statics = self.lazy(nodes)
            return [define, ast.Assign([name(result, True)], call(
                helper("Rendered"), _statics(statics), name(define.name),
                const(self.fingerprint(nodes, statics)), name(self.assigns)))]
        dyn = self.em.temp("d")
        out: list[ast.stmt] = [ast.Assign([name(dyn, True)], ast.List([], ast.Load()))]
        statics = self.nodes(nodes, out, dyn, None)
        out.append(ast.Assign([name(result, True)], call(
            helper("Rendered"), _statics(statics), name(dyn),
            const(self.fingerprint(nodes, statics)))))
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
    passed = node.args[1] if len(node.args) > 1 else None
    whole = passed.value.name if passed is not None and passed.kind == "pos" and \
        isinstance(passed.value, q.Name) else None
    saved = (em.fn, em.pending, em.template_assigns,
             em.template_reads)
    em.fn = FunctionContext(frame.pyscope)
    em.pending = []
    em.template_assigns = assigns
    em.template_reads = set()
    try:
        tc = _TemplateCompiler(em, assigns, whole)
        define, statics = tc.lazy(template.body)
        body: list[ast.stmt] = [define, ast.Return(call(
            helper("Rendered"), _statics(statics), name(define.name),
            const(tc.fingerprint(template.body, statics)), name(assigns)))]
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
