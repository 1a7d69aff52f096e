"""Declarations and assignment (spec 2.1–2.3, 2.11, 2.13, 2.14, 7): let, const, `=` and
compound assignment, use, del, fun, type and trait."""

from __future__ import annotations

import ast

from quest_rt.compiler.calls import annotation_value, emit_args, emit_function, is_method_self
from quest_rt.compiler.emitter import Emitter, Tail, call, compiles, const, helper, name
from quest_rt.compiler.operators import binary
from quest_rt.syntax import ast as q


def _store(pyname: str, value: ast.expr) -> ast.Assign:
    return ast.Assign([name(pyname, True)], value)


@compiles(q.Let)
def compile_let(em: Emitter, node: q.Let, tail: Tail) -> list[ast.stmt]:
    out: list[ast.stmt] = []
    for b in node.bindings:
        value = em.expr(b.value)
        binding = em.info.decls[id(b)]
        out.append(_store(binding.pyname, value))
        out.extend(em.let_slot(binding))
    return out + em.tail_nil(tail)


@compiles(q.Const)
def compile_const(em: Emitter, node: q.Const, tail: Tail) -> list[ast.stmt]:
    binding = em.info.decls[id(node)]
    return [_store(binding.pyname, em.expr(node.value))] + em.tail_nil(tail)


def _declared_annotation(binding) -> q.TypeRef | None:
    node = binding.node
    return getattr(node, "annotation", None) if isinstance(node, q.LetBinding | q.Const) \
        else None


@compiles(q.Assign)
def compile_assign(em: Emitter, node: q.Assign, tail: Tail) -> list[ast.stmt]:
    target = node.target
    if isinstance(target, q.Name):
        out = _assign_name(em, node, target)
    elif isinstance(target, q.Index):
        out = _assign_index(em, node, target)
    elif isinstance(target, q.Member):
        out = _assign_member(em, node, target)
    else:
        raise em.error("invalid assignment target", target)
    return out + em.tail_nil(tail)


def _assign_name(em: Emitter, node: q.Assign, target: q.Name) -> list[ast.stmt]:
    b = em.binding(target)
    value = em.expr(node.value)
    if b is None:
        # not declared anywhere in this file: a global made by earlier code (REPL, eval)
        check = ast.If(ast.Compare(const(target.name), [ast.NotIn()], [helper("G")]),
                       [ast.Expr(call(helper("undeclared_error"), const(target.name)))], [])
        if node.op is not None:
            value = binary(em, node.op, name(target.name), None, value, None, compound=True)
        return [check, _store(target.name, value)]
    if b.const:
        compound = [const(True)] if node.op is not None else []
        return [ast.Expr(value),
                ast.Expr(call(helper("const_error"), const(target.name), *compound))]
    if id(node) in em.bounded_increments:
        # `k += 1` after `k < n` with an Int n (statements.bounded_counter)
        plain = ast.BinOp(name(b.pyname), ast.Add(), const(1))
        flag = em.bounded_increments[id(node)]
        if node.op is not None:
            value = binary(em, node.op, name(b.pyname), b.type, value, em.type_of(node.value),
                           compound=True)
        value = plain if flag is None else ast.IfExp(flag, plain, value)
    elif node.op is not None:
        value = binary(em, node.op, name(b.pyname), b.type, value, em.type_of(node.value),
                       compound=True)
    annotation = _declared_annotation(b)
    if annotation is not None:
        value = call(helper("check_assign"), value, annotation_value(em, annotation),
                     const(target.name))
    return [_store(b.pyname, value)]


def _assign_index(em: Emitter, node: q.Assign, target: q.Index) -> list[ast.stmt]:
    out: list[ast.stmt] = []

    def held(e: ast.expr, prefix: str) -> ast.expr:
        if em.is_simple(e):
            return e
        t = em.temp(prefix)
        out.append(_store(t, e))
        return name(t)

    value = held(em.expr(node.value), "v")  # the right-hand side is evaluated first
    obj = held(em.expr(target.obj), "o")
    if len(target.indices) != 1:
        out.append(ast.Expr(call(helper("setindex_multi"), obj,
                                 *[em.expr(i) for i in target.indices])))
        return out
    index_node = target.indices[0]
    index = held(em.expr(index_node), "i")
    t, it = em.type_of(target.obj), em.type_of(index_node)
    if node.op is not None:
        current = call(helper("index"), obj, index)
        if t == "list" and it == "int" or t == "dict" and it == "str":
            current = ast.Subscript(obj, index, ast.Load()) if t == "list" else \
                call(ast.Attribute(obj, "get", ast.Load()), index)
        value = binary(em, node.op, current, None, value, em.type_of(node.value), compound=True)
    store = ast.Assign([ast.Subscript(obj, index, ast.Store())], value)
    if (t == "list" and it == "int") or (t == "dict" and it == "str"):
        out.append(store)
        return out
    slow = ast.Expr(call(helper("setindex"), obj, index, value))
    if t == "dict":
        test: ast.expr = ast.Compare(call(helper("type"), index), [ast.Is()], [helper("str")])
    else:
        test = ast.BoolOp(ast.And(), [
            ast.Compare(call(helper("type"), obj), [ast.Is()], [helper("list")]),
            ast.Compare(call(helper("type"), index), [ast.Is()], [helper("int")])])
    if node.op is not None:
        # the value expression reads the target: compute it once, then store
        v = em.temp("v")
        out.append(_store(v, value))
        store = ast.Assign([ast.Subscript(obj, index, ast.Store())], name(v))
        slow = ast.Expr(call(helper("setindex"), obj, index, name(v)))
    out.append(ast.If(test, [store], [slow]))
    return out


def _assign_member(em: Emitter, node: q.Assign, target: q.Member) -> list[ast.stmt]:
    value = em.expr(node.value)
    if is_method_self(em, target.obj):
        obj = em.expr(target.obj)
        slot = em.field_slot(target.name)
        if node.op is not None:
            current = ast.Attribute(obj, slot, ast.Load())
            value = binary(em, node.op, current, None, value, em.type_of(node.value), compound=True)
        return [ast.Assign([ast.Attribute(obj, slot, ast.Store())], value)]
    out: list[ast.stmt] = []
    if not em.is_simple(value):
        t = em.temp("v")
        out.append(_store(t, value))
        value = name(t)
    obj = em.expr(target.obj)
    if not em.is_simple(obj):
        t = em.temp("o")
        out.append(_store(t, obj))
        obj = name(t)
    if node.op is not None:
        current = call(helper("member"), obj, const(target.name))
        value = binary(em, node.op, current, None, value, em.type_of(node.value), compound=True)
    out.append(ast.Expr(call(helper("setmember"), obj, const(target.name), value)))
    return out


@compiles(q.Use)
def compile_use(em: Emitter, node: q.Use, tail: Tail) -> list[ast.stmt]:
    module = call(helper("import_module"), const(node.path), helper("FILE"),
                  *([const(node.alias)] if node.alias is not None else []))
    out: list[ast.stmt] = []
    if node.names is None:
        b = em.info.decls[id(node)]
        return [_store(b.pyname, module)] + em.tail_nil(tail)
    held = em.temp("mod")
    out.append(_store(held, module))
    if node.alias is not None:
        out.append(_store(em.info.decls[id(node)].pyname, name(held)))
    for n in node.names:
        if id(n) in em.info.import_conflicts:
            out.append(ast.Expr(call(helper("import_conflict"), const(n.alias or n.name),
                                     const(n.name), const(node.path))))
            continue
        b = em.info.decls[id(n)]
        out.append(_store(b.pyname, call(helper("import_member"), name(held), const(n.name),
                                         const(node.path))))
    return out + em.tail_nil(tail)


@compiles(q.DocDecl)
def compile_doc_decl(em: Emitter, node: q.DocDecl, tail: Tail) -> list[ast.stmt]:
    """``% fun name(params) "doc"``: documentation only, nothing runs (spec 2.15)."""
    return em.tail_nil(tail)


@compiles(q.Del)
def compile_del(em: Emitter, node: q.Del, tail: Tail) -> list[ast.stmt]:
    ref = em.info.refs[id(node)]
    b = ref.binding
    if b is None:
        return [ast.Expr(call(helper("del_undefined"), const(node.name)))]
    frame = ref.frame
    while frame.kind == "with":
        frame = frame.parent
    if b.frame is not frame:
        return [ast.Expr(call(helper("del_outer"), const(node.name)))]
    return [ast.Delete([ast.Name(b.pyname, ast.Del())])] + em.tail_nil(tail)


@compiles(q.FunDecl)
def compile_fun(em: Emitter, node: q.FunDecl, tail: Tail) -> list[ast.stmt]:
    b = em.info.decls[id(node)]
    out = emit_function(em, node, b.pyname, node.params, node.body, node.returns,
                        quest_name=node.name)
    if node.decorators:
        out.append(_store(b.pyname, _decorated(em, node, name(b.pyname))))
    return out + em.tail_nil(tail)


def _decorated(em: Emitter, node: q.FunDecl, fn: ast.expr) -> ast.expr:
    """``fn`` wrapped by the decorators of ``node``, the one nearest ``fun`` first."""
    value = fn
    for d in reversed(node.decorators):
        b = em.binding(d)
        target: ast.expr = name(b.pyname if b is not None else d.module or d.name)
        if d.module is not None:
            target = call(helper("member"), target, const(d.name))
        args: list[ast.expr] = []
        keywords: list[ast.keyword] = []
        if d.args is not None:
            emitted = emit_args(em, d.args)
            if isinstance(emitted, ast.expr):
                return emitted  # raises the ArgErr of spec 3.11 when it runs
            args, keywords = emitted
        value = ast.Call(helper("decorate"), [target, value, *args], keywords)
    return value


@compiles(q.TraitDecl)
def compile_trait(em: Emitter, node: q.TraitDecl, tail: Tail) -> list[ast.stmt]:
    b = em.info.decls[id(node)]
    methods = ast.Tuple([
        ast.Tuple([const(m.name), ast.Tuple([const(p.name) for p in m.params], ast.Load()),
                   const(_type_text(m.returns))], ast.Load())
        for m in node.methods], ast.Load())
    value = call(helper("make_trait"), const(node.name), const(node.doc), methods)
    return [_store(b.pyname, value)] + em.tail_nil(tail)


def _type_text(ref: q.TypeRef | None) -> str | None:
    if ref is None:
        return None
    text = f"{ref.module}.{ref.name}" if ref.module else ref.name
    return text + ("?" if ref.optional else "")


@compiles(q.TypeDecl)
def compile_type(em: Emitter, node: q.TypeDecl, tail: Tail) -> list[ast.stmt]:
    b = em.info.decls[id(node)]
    out: list[ast.stmt] = []
    for m in (*node.methods, *(m for impl in node.impls for m in impl.methods)):
        if m.decorators:  # spec 2.15: not supported on methods, a TypeErr when it runs
            out.append(ast.Expr(call(helper("decorated_method_error"), const(node.name),
                                     const(m.name))))
    fields = []
    for f in node.fields:
        annotation = annotation_value(em, f.annotation, titlecase=False) \
            if f.annotation is not None \
            else const(None)
        default = em.expr(f.default) if f.default is not None else helper("MISSING")
        optional = f.annotation is not None and f.annotation.optional
        fields.append(ast.Tuple([const(f.name), const(f.pub), annotation, const(optional),
                                 default], ast.Load()))

    def methods_dict(decls: tuple[q.FunDecl, ...], static: bool) -> ast.Dict:
        keys: list[ast.expr | None] = []
        values: list[ast.expr] = []
        for m in decls:
            if m.static != static:
                continue
            pyname = f"{node.name}.{m.name}"
            out.extend(emit_function(em, m, pyname, m.params, m.body, m.returns,
                                     quest_name=f"{node.name}.{m.name}", method=not static))
            keys.append(const(m.name))
            values.append(name(pyname))
        return ast.Dict(keys, values)

    from quest_rt.runtime.objects import field_slot

    method_names = {m.name for m in node.methods}
    for impl in node.impls:
        method_names.update(m.name for m in impl.methods)
    em.type_slots.append({f.name: field_slot(f.name, method_names, f.pub) for f in node.fields})
    try:
        methods = methods_dict(node.methods, static=False)
        statics = methods_dict(node.methods, static=True)
        impls = _impls(em, node, methods_dict)
    finally:
        em.type_slots.pop()
    value = call(helper("make_type"), const(node.name), const(node.doc),
                 ast.List(fields, ast.Load()), methods, statics, ast.List(impls, ast.Load()))
    return out + [_store(b.pyname, value)] + em.tail_nil(tail)


def _impls(em: Emitter, node: q.TypeDecl, methods_dict) -> list[ast.expr]:
    impls: list[ast.expr] = []
    for impl in node.impls:
        trait_ref = em.info.refs.get(id(impl))
        trait_b = trait_ref.binding if trait_ref else None
        if trait_b is not None:
            trait: ast.expr = name(trait_b.pyname)
        elif impl.trait_module is None:
            trait = call(helper("global_trait"), helper("G"), const(impl.trait))
        else:
            trait = name(impl.trait_module)
        if impl.trait_module is not None:
            trait = call(helper("member"), trait, const(impl.trait))
        impls.append(ast.Tuple([trait, methods_dict(impl.methods, static=False)], ast.Load()))
    return impls
