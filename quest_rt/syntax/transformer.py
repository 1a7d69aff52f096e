"""Parse tree → Quest AST.

One method per ``-> alias`` (or named rule) of ``grammar/quest.lark``; each receives the
rule's position (``meta``: line and column of its first token, keywords included) and its
children, and builds the nodes of ``ast.py``. Children arrive in grammar order with ``None``
for every absent ``[...]`` part, so each method unpacks a fixed shape.

Besides building nodes the transformer checks what the grammar deliberately parses loosely:
assignment targets, ``let``/``const`` initialisers, parameter order, ``fun self.name``,
``try`` without clauses, and the contents of literals. Such errors are raised as
``QuestSyntaxError`` at the offending token.
"""

from __future__ import annotations

from collections.abc import Callable

from lark import Token, Transformer_NonRecursive, v_args

from . import ast
from .errors import QuestSyntaxError
from .lexicon import TYPE_WORDS
from .literals import (
    BigIntLiteral,
    Hole,
    LiteralError,
    decode_bytes,
    decode_number,
    decode_plain_string,
    has_interpolation,
    is_triple,
    split_fstring,
    split_interpolation,
)
from .records import replace

#: parse_expression(source, line, col) for ``#{}`` holes, supplied by parser.py.
EmbeddedParser = Callable[[str, int, int], ast.Expr]


def _chain_pos(meta, name_token) -> dict[str, int]:
    """A ``.name`` on a later line than its receiver (a method chain split before the
    dot) is positioned at that line, so an error in ``.map(...)`` points at ``.map``."""
    pos = _pos(meta)
    line = getattr(name_token, "line", None)
    if line is not None and line != pos["line"]:
        return {"line": line, "col": max(getattr(name_token, "column", 2) - 1, 1)}
    return pos


def _pos(meta) -> dict[str, int]:
    return {"line": meta.line, "col": meta.column}


@v_args(meta=True)
class QuestTransformer(Transformer_NonRecursive):
    """Builds ``ast`` nodes; non-recursive so deep left-nested chains cannot overflow."""

    def __init__(self, path: str, source: str, parse_embedded: EmbeddedParser):
        super().__init__(visit_tokens=False)
        self.path = path
        self.source = source
        self.parse_embedded = parse_embedded

    def _error(self, message: str, line: int, col: int) -> QuestSyntaxError:
        return QuestSyntaxError.at(message, self.path, line, col, self.source)

    def _literal_error(self, tok: Token, err: LiteralError) -> QuestSyntaxError:
        return self._error(err.message, tok.line, tok.column + err.offset)

    # ------------------------------------------------------------ program and statements

    def module(self, meta, c):
        return tuple(c)

    def expr_only(self, meta, c):
        return c[0]

    def body(self, meta, c):
        return tuple(c)

    def let_stmt(self, meta, c):
        return ast.Let(bindings=tuple(c), **_pos(meta))

    def let_binding(self, meta, c):
        name, annotation, value = c
        if value is None:
            raise self._error(
                f"`let {name}` needs a value: write `let {name} = ...`", name.line, name.column
            )
        return ast.LetBinding(name=str(name), value=value, annotation=annotation, **_pos(meta))

    def const_stmt(self, meta, c):
        name, annotation, value = c
        if value is None:
            raise self._error(
                f"`const {name}` needs a value: write `const {name} = ...`",
                name.line,
                name.column,
            )
        return ast.Const(name=str(name), value=value, annotation=annotation, **_pos(meta))

    def pub(self, meta, c):
        return replace(c[0], pub=True, **_pos(meta))

    def assign(self, meta, c):
        target, op, value = c
        self._check_target(target, op, meta)
        return ast.Assign(target=target, value=value, op=None if op == "=" else op[0], **_pos(meta))

    def _check_target(self, target: ast.Expr, op: Token, meta) -> None:
        node = target
        while isinstance(node, ast.Index | ast.Member):
            node = node.obj
        if isinstance(node, ast.Name):
            return
        if isinstance(node, ast.Call | ast.MethodCall):
            problem = "the result of a call"
        elif isinstance(node, ast.TypeName):
            problem = f"the type name `{node.name}`"
        else:
            problem = "this expression"
        raise self._error(
            f"cannot assign to {problem} with `{op}`: the target must be a variable, "
            "optionally followed by `[index]` or `.field` (no calls)",
            meta.line,
            meta.column,
        )

    def expr_stmt(self, meta, c):
        return ast.ExprStmt(expr=c[0], **_pos(meta))

    def del_stmt(self, meta, c):
        return ast.Del(name=str(c[0]), **_pos(meta))

    def return_stmt(self, meta, c):
        value = None if isinstance(c[0], Token) else c[0]
        return ast.Return(value=value, **_pos(meta))

    def raise_stmt(self, meta, c):
        value = None if isinstance(c[0], Token) else c[0]
        return ast.Raise(value=value, **_pos(meta))

    def break_stmt(self, meta, c):
        return ast.Break(**_pos(meta))

    def continue_stmt(self, meta, c):
        return ast.Continue(**_pos(meta))

    def use_stmt(self, meta, c):
        path_tok, alias, names = c
        path = self._literal_text(path_tok, "a module path")
        return ast.Use(
            path=path, alias=None if alias is None else str(alias), names=names, **_pos(meta)
        )

    def import_list(self, meta, c):
        return tuple(n for n in c if n is not None)

    def import_name(self, meta, c):
        name, alias = c
        return ast.ImportName(
            name=str(name), alias=None if alias is None else str(alias), **_pos(meta)
        )

    # ------------------------------------------------------------ blocks

    def if_stmt(self, meta, c):
        cond, body, *elifs, orelse = c
        first = ast.IfBranch(cond=cond, body=body, **_pos(meta))
        return ast.If(branches=(first, *elifs), orelse=orelse, **_pos(meta))

    def elif_clause(self, meta, c):
        return ast.IfBranch(cond=c[0], body=c[1], **_pos(meta))

    def while_stmt(self, meta, c):
        return ast.While(cond=c[0], body=c[1], **_pos(meta))

    def for_stmt(self, meta, c):
        first, second, iterable, body = c
        names = (str(first),) if second is None else (str(first), str(second))
        return ast.For(names=names, iterable=iterable, body=body, **_pos(meta))

    def range_to(self, meta, c):
        return ast.Range(start=c[0], end=c[1], inclusive=True, step=c[2], **_pos(meta))

    def range_until(self, meta, c):
        return ast.Range(start=c[0], end=c[1], inclusive=False, step=c[2], **_pos(meta))

    def match_stmt(self, meta, c):
        subject, *arms, orelse = c
        return ast.Match(subject=subject, arms=tuple(arms), orelse=orelse, **_pos(meta))

    def match_values(self, meta, c):
        values, body = c
        self._check_arm(meta, body)
        return ast.MatchArm(values=values, body=body, **_pos(meta))

    def match_range(self, meta, c):
        rng, body = c
        self._check_arm(meta, body)
        return ast.MatchArm(range=rng, body=body, **_pos(meta))

    def _check_arm(self, meta, body: tuple) -> None:
        if not body:
            raise self._error(
                "a `match` arm needs at least one statement after its values",
                meta.line,
                meta.column,
            )

    def try_stmt(self, meta, c):
        body, *catches, ensure = c
        if not catches and ensure is None:
            raise self._error(
                "`try` needs at least one `catch` clause or an `ensure` clause",
                meta.line,
                meta.column,
            )
        return ast.Try(body=body, catches=tuple(catches), ensure=ensure, **_pos(meta))

    def catch_clause(self, meta, c):
        name, type_ref, body = c
        return ast.Catch(name=str(name), type=type_ref, body=body, **_pos(meta))

    def ensure_clause(self, meta, c):
        return c[0]

    def with_stmt(self, meta, c):
        *items, body = c
        return ast.With(items=tuple(items), body=body, **_pos(meta))

    def with_item(self, meta, c):
        expr, name = c
        return ast.WithItem(expr=expr, name=None if name is None else str(name), **_pos(meta))

    # ------------------------------------------------------------ functions and types

    def fun_decl(self, meta, c):
        *decorators, name, params, returns, body = c
        return ast.FunDecl(
            name=str(name),
            params=params,
            body=body,
            returns=returns,
            decorators=tuple(decorators),
            **_pos(meta),
        )

    def _doc_decl(self, meta, kind: str, name: Token, doc: Token) -> ast.DocDecl:
        text = self._literal_text(doc, "a doc string")
        return ast.DocDecl(kind=kind, name=str(name), doc=text, **_pos(meta))

    def doc_fun(self, meta, c):
        return self._doc_decl(meta, "fun", c[1], c[-1])

    def doc_const(self, meta, c):
        return self._doc_decl(meta, "const", c[1], c[2])

    def doc_type(self, meta, c):
        return self._doc_decl(meta, "type", c[1], c[2])

    def doc_trait(self, meta, c):
        return self._doc_decl(meta, "trait", c[1], c[2])

    def decorator(self, meta, c):
        first, second, args = c
        name, module = (str(first), None) if second is None else (str(second), str(first))
        return ast.Decorator(name=name, module=module, args=args, **_pos(meta))

    def decorator_args(self, meta, c):
        return c[0]

    def static_method(self, meta, c):
        receiver, name, params, returns, body = c
        if receiver != "self":
            raise self._error(
                f"a class method is declared as `fun self.{name}(...)`, not `fun {receiver}.{name}`",
                receiver.line,
                receiver.column,
            )
        return ast.FunDecl(
            name=str(name), params=params, body=body, returns=returns, static=True, **_pos(meta)
        )

    def lambda_(self, meta, c):
        params, returns, body = c
        return ast.Lambda(params=params, body=body, returns=returns, **_pos(meta))

    def params(self, meta, c):
        params = tuple(p for p in c if p is not None)
        seen_star = seen_dstar = False
        for p in params:
            if seen_dstar:
                raise self._error(
                    f"parameter `{p.name}` comes after the `**` parameter, which must be last",
                    p.line,
                    p.col,
                )
            if p.kind == "dstar":
                seen_dstar = True
            elif p.kind == "star":
                if seen_star:
                    raise self._error("only one `*` parameter is allowed", p.line, p.col)
                seen_star = True
            elif seen_star:
                raise self._error(
                    f"parameter `{p.name}` comes after the `*` parameter; "
                    "only a `**` parameter may follow it",
                    p.line,
                    p.col,
                )
        return params

    def param(self, meta, c):
        star, name, annotation, default = c
        kind = "normal" if star is None else ("star" if star == "*" else "dstar")
        if star is not None and default is not None:
            raise self._error(
                f"the `{star}{name}` parameter cannot have a default value",
                default.line,
                default.col,
            )
        return ast.Param(
            name=str(name), kind=kind, annotation=annotation, default=default, **_pos(meta)
        )

    def type_ref(self, meta, c):
        first, second, optional = c
        if second is None:
            return ast.TypeRef(name=str(first), optional=optional is not None, **_pos(meta))
        return ast.TypeRef(
            name=str(second), module=str(first), optional=optional is not None, **_pos(meta)
        )

    def type_decl(self, meta, c):
        name, doc, *members = c
        fields = tuple(m for m in members if isinstance(m, ast.Field))
        methods = tuple(m for m in members if isinstance(m, ast.FunDecl))
        impls = tuple(m for m in members if isinstance(m, ast.Impl))
        return ast.TypeDecl(
            name=str(name),
            doc=None if doc is None else self._literal_text(doc, "a docstring"),
            fields=fields,
            methods=methods,
            impls=impls,
            **_pos(meta),
        )

    def field(self, meta, c):
        name, annotation, default = c
        return ast.Field(name=str(name), annotation=annotation, default=default, **_pos(meta))

    def impl_block(self, meta, c):
        first, second, *methods = c
        trait, module = (str(first), None) if second is None else (str(second), str(first))
        return ast.Impl(trait=trait, trait_module=module, methods=tuple(methods), **_pos(meta))

    def trait_decl(self, meta, c):
        name, doc, *methods = c
        return ast.TraitDecl(
            name=str(name),
            doc=None if doc is None else self._literal_text(doc, "a docstring"),
            methods=tuple(methods),
            **_pos(meta),
        )

    def trait_method(self, meta, c):
        name, params, returns = c
        return ast.TraitMethod(name=str(name), params=params, returns=returns, **_pos(meta))

    # ------------------------------------------------------------ operators

    def ternary(self, meta, c):
        cond, _qmark, then, otherwise = c
        return ast.Ternary(cond=cond, then=then, otherwise=otherwise, **_pos(meta))

    def elvis(self, meta, c):
        return ast.Elvis(left=c[0], right=c[1], **_pos(meta))

    def or_(self, meta, c):
        return ast.Logical(op="or", left=c[0], right=c[1], **_pos(meta))

    def and_(self, meta, c):
        return ast.Logical(op="and", left=c[0], right=c[1], **_pos(meta))

    def not_(self, meta, c):
        return ast.Not(operand=c[0], **_pos(meta))

    def binary(self, meta, c):
        left, op, right = c
        return ast.Binary(op=str(op), left=left, right=right, **_pos(meta))

    def unary(self, meta, c):
        op, operand = c
        return ast.Unary(op=str(op), operand=operand, **_pos(meta))

    # ------------------------------------------------------------ postfix

    def method_call(self, meta, c):
        obj, name, args = c
        return ast.MethodCall(obj=obj, name=str(name), args=args, **_chain_pos(meta, name))

    def member(self, meta, c):
        return ast.Member(obj=c[0], name=str(c[1]), **_chain_pos(meta, c[1]))

    def member_name(self, meta, c):
        return c[0]  # the token: method_call/member need its position

    def index(self, meta, c):
        return ast.Index(obj=c[0], indices=c[1], **_pos(meta))

    def call(self, meta, c):
        return ast.Call(func=c[0], args=c[1], **_pos(meta))

    def args(self, meta, c):
        return tuple(a for a in c if a is not None)

    def arg_pos(self, meta, c):
        return ast.Arg(kind="pos", value=c[0], **_pos(meta))

    def arg_star(self, meta, c):
        return ast.Arg(kind="star", value=c[1], **_pos(meta))

    def arg_dstar(self, meta, c):
        return ast.Arg(kind="dstar", value=c[1], **_pos(meta))

    def arg_named(self, meta, c):
        return ast.Arg(kind="named", name=str(c[0]), value=c[1], **_pos(meta))

    def exprs(self, meta, c):
        return tuple(c)

    def row(self, meta, c):
        return tuple(c)

    # ------------------------------------------------------------ atoms

    def number(self, meta, c):
        tok = c[0]
        try:
            value = decode_number(str(tok))
        except LiteralError as err:
            raise self._literal_error(tok, err) from None
        if isinstance(value, float):
            return ast.Float(value=value, **_pos(meta))
        if isinstance(value, BigIntLiteral):
            return ast.BigInt(value=value.value, **_pos(meta))
        return ast.Int(value=value, **_pos(meta))

    def string(self, meta, c):
        tok = c[0]
        text = str(tok)
        if not has_interpolation(text):
            return ast.Str(value=decode_plain_string(text), triple=is_triple(text), **_pos(meta))
        try:
            pieces = split_interpolation(text)
        except LiteralError as err:
            raise self._literal_error(tok, err) from None
        if not any(isinstance(p, Hole) for p in pieces):
            return ast.Str(value="".join(pieces), **_pos(meta))  # only escaped `\#{`
        parts = tuple(
            self.parse_embedded(p.text, tok.line, tok.column + p.offset)
            if isinstance(p, Hole)
            else p
            for p in pieces
        )
        return ast.Interp(parts=parts, **_pos(meta))

    def fstring(self, meta, c):
        tok = c[0]
        try:
            pieces = split_fstring(str(tok))
        except LiteralError as err:
            raise self._literal_error(tok, err) from None
        parts = tuple(
            ast.FStrPart(
                expr=self.parse_embedded(p.text, tok.line, tok.column + p.offset + 1),
                spec=p.spec,
                line=tok.line,
                col=tok.column + p.offset,
            )
            if isinstance(p, Hole)
            else p
            for p in pieces
        )
        return ast.FStr(parts=parts, **_pos(meta))

    def bytes(self, meta, c):
        tok = c[0]
        try:
            return ast.Bytes(value=decode_bytes(str(tok)), **_pos(meta))
        except LiteralError as err:
            raise self._literal_error(tok, err) from None

    def true(self, meta, c):
        return ast.Bool(value=True, **_pos(meta))

    def false(self, meta, c):
        return ast.Bool(value=False, **_pos(meta))

    def nil(self, meta, c):
        return ast.Nil(**_pos(meta))

    def name(self, meta, c):
        word = str(c[0])
        if word in TYPE_WORDS:
            return ast.TypeName(name=word, **_pos(meta))
        return ast.Name(name=word, **_pos(meta))

    def array(self, meta, c):
        return ast.ArrayLit(items=c[0] or (), **_pos(meta))

    def matrix(self, meta, c):
        return ast.MatrixLit(rows=tuple(c), **_pos(meta))

    def dict(self, meta, c):
        return ast.DictLit(pairs=tuple(p for p in c if p is not None), **_pos(meta))

    def pair(self, meta, c):
        key, value = c
        text = self._literal_text(key, "a dict key") if key.type == "STRING" else str(key)
        return (text, value)

    def _literal_text(self, tok: Token, what: str) -> str:
        """A STRING token used where only a literal fits (module path, dict key, docstring)."""
        text = str(tok)
        if has_interpolation(text):
            raise self._error(
                f"`#{{...}}` interpolation is not allowed in {what}; it must be a literal string",
                tok.line,
                tok.column,
            )
        return decode_plain_string(text)
