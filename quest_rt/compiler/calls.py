"""Functions and everything postfix: declarations' bodies, lambdas, calls, method calls,
member reads and indexing (spec sections 3.10–3.12 and 6).

A Quest function is a Python function with the same parameters, so calls — positional,
named (``f(x: 1)`` is ``f(x=1)``), ``*spread``, ``**spread`` — cost what a Python call
costs and CPython binds the arguments. Quest's extras are emitted in the prologue:
defaults evaluated at call time (the Python default is the ``·UNSET`` sentinel), and
annotation checks.

Method calls: a name that no built-in value answers (``move``, ``deposit``, ``describe``)
is a plain CPython method call; the others go through the runtime dispatcher, with
inline fast paths for the hottest ones on Arrays and Dicts (``push``, ``len``...).
"""

from __future__ import annotations

import ast
from functools import cache

from quest_rt.compiler.emitter import (
    Emitter,
    FunctionContext,
    Tail,
    call,
    compiles,
    const,
    helper,
    name,
)
from quest_rt.compiler.unswitch import unswitch_loops
from quest_rt.syntax import ast as q

_ANNOTATION_PYTYPES = {"Int": "int", "Float": "float", "Str": "str", "Bool": "bool",
                       "Array": "list", "Dict": "dict", "Bytes": "bytes"}


@cache
def dispatched_names() -> frozenset[str]:
    """Method names the runtime dispatcher must handle (never a raw CPython attribute).

    Every Quest method of a built-in value, plus every attribute CPython's own types
    have, so that ``arr.append(1)`` is an AttrErr instead of Python's ``list.append``.
    """
    import decimal

    from quest_rt.runtime.dispatch import builtin_method_names

    names = set(builtin_method_names())
    for t in (int, float, str, bytes, list, dict, bool, type(None), type, object,
              decimal.Decimal):
        names.update(dir(t))
    return frozenset(names)


# ---------------------------------------------------------------- functions


def annotation_value(em: Emitter, ref: q.TypeRef, *, titlecase: bool = True) -> ast.expr:
    """A type annotation as the runtime value checks compare against.

    Parameter annotations are title-cased (``int`` means ``Int``, spec 6.2 item 6); field
    annotations are not (``str`` is an error suggesting ``Str``, spec 7.1), so the
    declaration passes ``titlecase=False`` and ``make_type`` reports the word.
    """
    if ref.module is not None:
        b = em.binding(ref)
        mod = name(b.pyname if b is not None else ref.module)
        return call(helper("member"), mod, const(ref.name))
    from quest_rt.runtime.objects import BUILTIN_TYPE_WORDS

    word = ref.name[:1].upper() + ref.name[1:] if titlecase else ref.name
    if word in BUILTIN_TYPE_WORDS or ref.name in BUILTIN_TYPE_WORDS:
        return const(word if word in BUILTIN_TYPE_WORDS else ref.name)
    b = em.binding(ref)
    if b is not None:
        return name(b.pyname)
    if not titlecase and ref.name.capitalize() in BUILTIN_TYPE_WORDS:
        return const(ref.name)  # `str`: make_type says "did you mean Str?"
    # not declared in this file: a global made elsewhere, else TypeErr "Unknown type"
    return call(helper("global_type"), helper("G"), const(ref.name))


def _param_check(em: Emitter, p: q.Param, pyname: str, fname: str) -> list[ast.stmt]:
    ann = p.annotation
    assert ann is not None
    value = name(pyname)
    if p.kind == "star" or p.kind == "dstar":
        return [ast.Expr(call(helper("check_elements"), value, annotation_value(em, ann),
                              const(p.name), const(fname)))]
    pytype = _ANNOTATION_PYTYPES.get(ann.name[:1].upper() + ann.name[1:]) \
        if ann.module is None else None
    fail = ast.Expr(call(helper("param_type_error"), const(p.name),
                         annotation_value(em, ann), value, const(fname)))
    if pytype is not None:
        test: ast.expr = ast.Compare(call(helper("type"), value), [ast.IsNot()],
                                     [helper(pytype)])
        if ann.optional:
            test = ast.BoolOp(ast.And(), [ast.Compare(value, [ast.IsNot()], [const(None)]),
                                          test])
        return [ast.If(test, [fail], [])]
    check = call(helper("matches_annotation"), value, annotation_value(em, ann))
    test = ast.UnaryOp(ast.Not(), check)
    if ann.optional:
        test = ast.BoolOp(ast.And(), [ast.Compare(value, [ast.IsNot()], [const(None)]), test])
    return [ast.If(test, [fail], [])]


def scope_declarations(pyscope) -> list[ast.stmt]:
    out: list[ast.stmt] = []
    if pyscope.globals:
        out.append(ast.Global(sorted(pyscope.globals)))
    if pyscope.nonlocals:
        out.append(ast.Nonlocal(sorted(pyscope.nonlocals)))
    return out


def emit_function(em: Emitter, node: q.Node, pyname: str, params: tuple[q.Param, ...],
                  body: tuple[q.Stmt, ...], returns: q.TypeRef | None, *, quest_name: str,
                  method: bool = False) -> list[ast.stmt]:
    """The ``def`` of a Quest function, lambda or method (a list: it may be an error)."""
    frame = em.info.frames[id(node)]
    pyscope = frame.pyscope
    seen_default = False
    for p in params:
        if p.kind == "normal" and p.default is not None:
            seen_default = True
        elif p.kind == "normal" and seen_default:
            return [ast.Expr(call(helper("param_order_error"), const(quest_name),
                                  const(p.name)))]
    names = [p.name for p in params] + (["self"] if method else [])
    if len(set(names)) != len(names):
        dup = next(n for n in names if names.count(n) > 1)
        raise em.error(f"parameter '{dup}' appears more than once in '{quest_name}'", node)

    saved_fn, saved_pending = em.fn, em.pending
    em.pending = []
    returns_value = annotation_value(em, returns) if returns is not None else None
    em.fn = FunctionContext(pyscope, returns=returns_value, fname=quest_name)
    try:
        args: list[ast.arg] = [ast.arg("self")] if method else []
        defaults: list[ast.expr] = []
        vararg = kwarg = None
        prologue: list[ast.stmt] = []
        checks: list[ast.stmt] = []
        for p in params:
            b = em.info.decls[id(p)]
            if p.kind == "star":
                vararg = ast.arg(b.pyname)
                prologue.append(ast.Assign([name(b.pyname, True)],
                                           call(helper("list"), name(b.pyname))))
            elif p.kind == "dstar":
                kwarg = ast.arg(b.pyname)
            else:
                args.append(ast.arg(b.pyname))
                if p.default is not None:
                    defaults.append(helper("UNSET"))
                    em.pending = []
                    value = em.expr(p.default)
                    fill = em.pending + [ast.Assign([name(b.pyname, True)], value)]
                    em.pending = []
                    prologue.append(ast.If(ast.Compare(name(b.pyname), [ast.Is()],
                                                       [helper("UNSET")]), fill, []))
            if p.annotation is not None:
                checks.extend(_param_check(em, p, b.pyname, quest_name))
        docstring: list[ast.stmt] = []
        if body and isinstance(body[0], q.ExprStmt) and isinstance(body[0].expr, q.Str):
            # spec 2.14: a leading string literal is the docstring (and, when it is the
            # whole body, still the function's value)
            docstring = [ast.Expr(const(body[0].expr.value))]
            if len(body) > 1:
                body = body[1:]
        tail = Tail("return", returns_value, quest_name)
        stmts = em.block(body, tail)
        flags = em.flag_prologue()
        stmts = unswitch_loops(
            stmts, set(em.fn.type_flags.values()) | set(em.fn.let_flags.values()))
    finally:
        em.fn, em.pending = saved_fn, saved_pending
    fn_body = docstring + scope_declarations(pyscope) + prologue + checks + flags + stmts
    arguments = ast.arguments(posonlyargs=[], args=args, vararg=vararg, kwonlyargs=[],
                              kw_defaults=[], kwarg=kwarg, defaults=defaults)
    return [ast.FunctionDef(pyname, arguments, fn_body, [], None)]


@compiles(q.Lambda)
def compile_lambda(em: Emitter, node: q.Lambda) -> ast.expr:
    pyname = em.temp("<anonymous>·")
    pyname = pyname.replace("·<anonymous>·", "<anonymous>·")
    defs = emit_function(em, node, pyname, node.params, node.body, node.returns,
                         quest_name="<anonymous>")
    if not isinstance(defs[0], ast.FunctionDef):
        # a malformed parameter list: the error is raised where the lambda is evaluated
        return ast.Call(ast.Lambda(_no_args(), defs[0].value), [], [])  # type: ignore
    em.lift(defs)
    return name(pyname)


def _no_args() -> ast.arguments:
    return ast.arguments(posonlyargs=[], args=[], vararg=None, kwonlyargs=[], kw_defaults=[],
                         kwarg=None, defaults=[])


# ---------------------------------------------------------------- arguments


def emit_args(em: Emitter, args: tuple[q.Arg, ...]) -> tuple[list[ast.expr], list[ast.keyword]] \
        | ast.expr:
    """Python call arguments, or an expression raising the run-time ArgErr of spec 3.11."""
    positional: list[ast.expr] = []
    pieces: list[ast.expr] = []  # dicts to merge when ** and named arguments mix
    keywords: list[ast.keyword] = []
    named_seen: set[str] = set()
    named_started = False
    has_dstar = any(a.kind == "dstar" for a in args)
    for a in args:
        value = em.expr(a.value)
        if a.kind in ("pos", "star"):
            if named_started:
                return call(helper("arg_order_error"))
            positional.append(value if a.kind == "pos" else
                              ast.Starred(call(helper("spread"), value), ast.Load()))
            continue
        named_started = True
        if a.kind == "named":
            assert a.name is not None
            if a.name in named_seen:
                return call(helper("duplicate_named_error"), const(a.name))
            named_seen.add(a.name)
            if has_dstar:
                pieces.append(ast.Dict([const(a.name)], [value]))
            else:
                keywords.append(ast.keyword(a.name, value))
        else:
            pieces.append(call(helper("kwspread"), value))
    if pieces:
        merged = pieces[0] if len(pieces) == 1 else call(helper("merge_named"), *pieces)
        keywords.append(ast.keyword(None, merged))
    return positional, keywords


@compiles(q.Call)
def compile_call(em: Emitter, node: q.Call) -> ast.expr:
    if id(node) in em.info.templates:
        from quest_rt.compiler.templates import compile_template_call

        return compile_template_call(em, node, em.expr(node.func))
    func = em.expr(node.func)
    emitted = emit_args(em, node.args)
    if isinstance(emitted, ast.expr):
        return emitted
    args, keywords = emitted
    return ast.Call(func, args, keywords)


# ---------------------------------------------------------------- method calls


def _attr_call(obj: ast.expr, name: str, *args: ast.expr) -> ast.Call:
    return call(ast.Attribute(obj, name, ast.Load()), *args)


def _str_len(o: ast.expr, later: ast.expr, args: list[ast.expr]) -> ast.expr:
    # Quest's Str.len() is the UTF-8 byte length: the character count for ASCII text
    return ast.IfExp(_attr_call(o, "isascii"), call(helper("len"), later),
                     call(helper("call_method"), later, const("len")))


def _push(o: ast.expr, later: ast.expr, args: list[ast.expr]) -> ast.expr:
    return ast.BoolOp(ast.Or(), [_attr_call(o, "append", args[0]), later])


def _nonempty(method: str, native):
    """A builder for a method that is native on a non-empty receiver and leaves the empty
    one (an error with Quest's message) to the dispatcher."""
    def build(o: ast.expr, later: ast.expr, args: list[ast.expr]) -> ast.expr:
        return ast.IfExp(o, native(later), call(helper("call_method"), later, const(method)))
    return build


#: (receiver type, method, argument count) -> native code. Each entry is exact Quest
#: semantics for a receiver of that type (the method tables are the reference). A
#: builder gets the receiver's first use, its later uses (see Emitter.hold) and the
#: arguments.
_NATIVE_METHODS = {
    ("str", "len", 0): _str_len,
    ("str", "upper", 0): lambda o, later, a: _attr_call(o, "upper"),
    ("str", "lower", 0): lambda o, later, a: _attr_call(o, "lower"),
    ("str", "trim", 0): lambda o, later, a: _attr_call(o, "strip"),
    ("list", "len", 0): lambda o, later, a: call(helper("len"), o),
    ("dict", "len", 0): lambda o, later, a: call(helper("len"), o),
    ("list", "push", 1): _push,
    ("list", "pop", 0): _nonempty("pop", lambda o: _attr_call(o, "pop")),
    ("list", "last", 0): _nonempty("last", lambda o: ast.Subscript(o, const(-1), ast.Load())),
    ("list", "first", 0): _nonempty("first", lambda o: ast.Subscript(o, const(0), ast.Load())),
    ("float", "abs", 0): lambda o, later, a: call(helper("abs"), o),
    ("str", "ord", 0): _nonempty("ord", lambda o: call(helper("ord"),
                                                       ast.Subscript(o, const(0), ast.Load()))),
    ("dict", "keys", 0): lambda o, later, a: call(helper("list"), o),
    ("dict", "values", 0): lambda o, later, a: call(helper("list"), _attr_call(o, "values")),
}
#: methods whose first argument must be a Str (checked statically): the Python method
#: and the argument counts it takes
_NATIVE_STR_ARG = {
    ("str", "startswith"): ("startswith", (1,)), ("str", "starts_with"): ("startswith", (1,)),
    ("str", "endswith"): ("endswith", (1,)), ("str", "ends_with"): ("endswith", (1,)),
    ("dict", "get"): ("get", (1, 2)),
}
_PYTYPES = {"str": "str", "list": "list", "dict": "dict", "float": "float"}


def _method_fast_path(em: Emitter, node: q.MethodCall, obj: ast.expr,
                      args: list[ast.expr]) -> ast.expr | None:
    """Inline code for the hottest built-in methods, or None.

    With the receiver's type known statically the native code is used directly; with
    it unknown, behind a ``·type(o) is ...`` test falling back to the dispatcher.
    """
    m, n = node.name, len(args)
    t = em.type_of(node.obj)
    if t in _PYTYPES:
        native = _NATIVE_METHODS.get((t, m, n))
        if native is not None:
            first, later = em.hold(obj, "o")
            return native(first, later, args)
        str_arg = _NATIVE_STR_ARG.get((t, m))
        if str_arg is not None and n in str_arg[1] and \
                em.type_of(node.args[0].value) == "str":
            return _attr_call(obj, str_arg[0], *args)
        if t == "dict" and n == 1 and m == "contains" and \
                em.type_of(node.args[0].value) == "str" and em.is_simple(obj):
            return ast.Compare(args[0], [ast.In()], [obj])
        return None
    if t is not None:
        return None
    # unknown receiver: test its type once, then take the native path or dispatch
    candidates = [pt for pt in ("list", "dict", "str", "float") if (pt, m, n) in _NATIVE_METHODS]
    if not candidates:
        return None
    first, later = em.hold(obj, "o")
    slow = call(helper("call_method"), later, const(m), *args)
    if m == "len" and n == 0:
        return ast.IfExp(em.type_test(first, "SIZED"), call(helper("len"), later), slow)
    pt = candidates[0]
    test = em.type_test(first, _PYTYPES[pt])
    return ast.IfExp(test, _NATIVE_METHODS[(pt, m, n)](later, later, args), slow)


#: methods every value answers: the dispatcher supplies them where the receiver does not
_ALWAYS_DISPATCHED = frozenset(("cls", "str", "_rep", "_doc", "_id", "is", "does", "_name"))


@compiles(q.MethodCall)
def compile_method_call(em: Emitter, node: q.MethodCall) -> ast.expr:
    if id(node) in em.info.templates:
        from quest_rt.compiler.templates import compile_template_call

        return compile_template_call(em, node, em.expr(node.obj))
    if isinstance(node.obj, q.TypeName) and node.obj.name == "Array" and node.name == "new":
        emitted = emit_args(em, node.args)
        if isinstance(emitted, ast.expr):
            return emitted
        return ast.Call(helper("array_new"), *emitted)
    obj = em.expr(node.obj)
    emitted = emit_args(em, node.args)
    if isinstance(emitted, ast.expr):
        return emitted
    args, keywords = emitted
    if is_method_self(em, node.obj) and em.field_slot(node.name).endswith("·private"):
        # `self.func(x)` where `func` is a private field (and no method): call the value
        # the field holds (spec 5.1 item 4), read from its slot like `self.func`
        return ast.Call(ast.Attribute(obj, em.field_slot(node.name), ast.Load()), args,
                        keywords)
    if node.name not in dispatched_names():
        return ast.Call(ast.Attribute(obj, node.name, ast.Load()), args, keywords)
    if not keywords and not any(isinstance(a, ast.Starred) for a in args):
        fast = _method_fast_path(em, node, obj, args)
        if fast is not None:
            return fast
    if node.name in _ALWAYS_DISPATCHED or em.type_of(node.obj) is not None:
        return ast.Call(helper("call_method"), [obj, const(node.name), *args], keywords)
    # a name built-in values answer (`add`, `get`...) may still be a user method: built-in
    # receivers go to the dispatcher, anything else gets a plain method call
    first, later = em.hold(obj, "o")
    return ast.IfExp(
        ast.Compare(call(helper("type"), first), [ast.In()], [helper("METHODS")]),
        ast.Call(helper("call_method"), [later, const(node.name), *args], keywords),
        ast.Call(ast.Attribute(later, node.name, ast.Load()), args, keywords))


def is_method_self(em: Emitter, node: q.Expr) -> bool:
    """Whether ``node`` is the ``self`` receiver of the method being compiled."""
    if not isinstance(node, q.Name) or node.name != "self":
        return False
    b = em.binding(node)
    return b is not None and b.kind == "param" and isinstance(b.node, q.FunDecl)


@compiles(q.Member)
def compile_member(em: Emitter, node: q.Member) -> ast.expr:
    obj = em.expr(node.obj)
    if is_method_self(em, node.obj):
        return ast.Attribute(obj, em.field_slot(node.name), ast.Load())
    if node.name in dispatched_names():
        return call(helper("member"), obj, const(node.name))
    # a struct's public field, a module member, a native object's attribute: a plain
    # attribute read (private fields live under another name, see objects.field_slot);
    # a Dict reads the key instead ([EXT] E3). When the attribute is a method, the
    # dispatcher decides: a field of the same name wins (BasicError's `message`).
    first, later = em.hold(obj, "o")
    value = em.temp("m")
    read = ast.IfExp(
        ast.Compare(call(helper("type"), ast.NamedExpr(name(value, True),
                                                       ast.Attribute(later, node.name,
                                                                     ast.Load()))),
                    [ast.IsNot()], [helper("MethodType")]),
        name(value), call(helper("member"), later, const(node.name)))
    return ast.IfExp(ast.Compare(call(helper("type"), first), [ast.IsNot()], [helper("dict")]),
                     read, _attr_call(later, "get", const(node.name)))


# ---------------------------------------------------------------- indexing


@compiles(q.Index)
def compile_index(em: Emitter, node: q.Index) -> ast.expr:
    obj = em.expr(node.obj)
    if len(node.indices) != 1:
        return call(helper("index_multi"), obj, *[em.expr(i) for i in node.indices])
    index_node = node.indices[0]
    index = em.expr(index_node)
    t, it = em.type_of(node.obj), em.type_of(index_node)
    if t == "list" and it == "int":
        return ast.Subscript(obj, index, ast.Load())
    if t == "dict" and it == "str":
        return call(ast.Attribute(obj, "get", ast.Load()), index)
    if not em.is_simple(index) or (t is not None and not em.is_simple(obj)):
        return call(helper("index"), obj, index)
    index_is = [call(helper("type"), index)]
    if t == "dict":
        return ast.IfExp(ast.Compare(index_is[0], [ast.Is()], [helper("str")]),
                         call(ast.Attribute(obj, "get", ast.Load()), index),
                         call(helper("index"), obj, index))
    if t == "list":
        return ast.IfExp(ast.Compare(index_is[0], [ast.Is()], [helper("int")]),
                         ast.Subscript(obj, index, ast.Load()), call(helper("index"), obj, index))
    of, ol = em.hold(obj, "o")
    if it == "str":
        # `d["key"]` on a receiver of unknown type: a Dict is the one fast case
        return ast.IfExp(em.type_test(of, "dict"),
                         call(ast.Attribute(ol, "get", ast.Load()), index),
                         call(helper("index"), ol, index))
    if it == "int" and em.tested_once(of):
        # A Str read with an Int index is CPython's too (negative indexes count from the
        # end, IndexError becomes the same IndexErr, bounds.from_index_error), so where the
        # receiver's type is tested once per call, a Str takes the fast path with an Array
        # (`code[pc]` in an interpreter loop).
        test: ast.expr = em.type_test(of, "INDEXABLE")
    else:
        test = em.type_test(of, "list")
    if it != "int":
        test = ast.BoolOp(ast.And(), [test, em.type_test(index, "int")])
    return ast.IfExp(test, ast.Subscript(ol, index, ast.Load()), call(helper("index"), ol, index))
