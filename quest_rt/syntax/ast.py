"""The Quest abstract syntax tree.

The parser (``parser.py``) turns source text into these nodes; the compiler
(``quest_rt.compiler``) turns them into a Python ``ast.Module``. Nodes are
frozen keyword-only records (``records.py``: what a frozen dataclass gives, without its
start-up cost) and every one carries a *required* ``line`` and ``col``
(1-based, the position of the node's first token): a node built without a
position is a bug that fails loudly instead of a traceback pointing at line 1.

Sequences are tuples so that nodes stay hashable and immutable.

Worked example: ``let n = f(1, x: 2) .. "!"`` becomes::

    Let(bindings=(LetBinding(name="n", annotation=None,
        value=Binary(op="..",
                     left=Call(func=Name(name="f"),
                               args=(Arg(kind="pos", name=None, value=Int(value=1)),
                                     Arg(kind="named", name="x", value=Int(value=2)))),
                     right=Str(value="!"))),))
"""

from __future__ import annotations

from quest_rt.syntax.records import RecordField, record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Literal

node = record


@node
class Node:
    line: int
    col: int


# ---------------------------------------------------------------- expressions


@node
class Expr(Node):
    pass


@node
class Int(Expr):
    value: int


@node
class Float(Expr):
    value: float


@node
class BigInt(Expr):
    """A BigInt literal (``123n``, ``0xFFn``, spec 1.3)."""

    value: int


@node
class Str(Expr):
    """A plain string literal (escapes already processed)."""

    value: str
    #: True for triple-quoted literals; ``lv.template`` templates are usually these.
    triple: bool = False


@node
class Bytes(Expr):
    value: bytes


@node
class FStrPart(Node):
    """One ``{expr}`` or ``{expr:spec}`` hole of an f-string (positioned at its ``{``)."""

    expr: Expr
    spec: str | None


@node
class FStr(Expr):
    """``f"..."``: literal text (``str``) interleaved with holes (``FStrPart``)."""

    parts: tuple[str | FStrPart, ...]


@node
class Interp(Expr):
    """``"a #{expr} b"`` [EXT]: literal text (``str``) interleaved with expressions."""

    parts: tuple[str | Expr, ...]


@node
class Bool(Expr):
    value: bool


@node
class Nil(Expr):
    pass


@node
class TypeName(Expr):
    """A built-in type word used as a value (``Int``, ``Str``...): evaluates to its name."""

    name: str


@node
class Name(Expr):
    name: str


@node
class ArrayLit(Expr):
    items: tuple[Expr, ...]


@node
class MatrixLit(Expr):
    """``[1, 2; 3, 4]``: reserved syntax; evaluating it is an error."""

    rows: tuple[tuple[Expr, ...], ...]


@node
class DictLit(Expr):
    """``{"a": 1, b: 2}``: keys are always literal strings (a bare word is its own text)."""

    pairs: tuple[tuple[str, Expr], ...]


if TYPE_CHECKING:
    BinOp = Literal[
        "+", "-", "*", "/", "%", "..", "==", "!=", "<", ">", "<=", ">=", "&", "|", "^", "<<", ">>"
    ]


@node
class Binary(Expr):
    op: str
    left: Expr
    right: Expr


@node
class Logical(Expr):
    """``and`` / ``or``: short-circuit, the value is one of the operands."""

    op: Literal["and", "or"]
    left: Expr
    right: Expr


@node
class Elvis(Expr):
    """``a ?: b``: ``a`` unless it is nil."""

    left: Expr
    right: Expr


@node
class Not(Expr):
    operand: Expr


@node
class Unary(Expr):
    op: Literal["-", "+", "~"]
    operand: Expr


@node
class Ternary(Expr):
    """``cond ? a : b`` [EXT]."""

    cond: Expr
    then: Expr
    otherwise: Expr


@node
class Arg(Node):
    """One call argument: ``pos`` (``x``), ``star`` (``*xs``), ``named`` (``k: v``), ``dstar`` (``**d``)."""

    kind: Literal["pos", "star", "named", "dstar"]
    value: Expr
    name: str | None = None


@node
class Call(Expr):
    func: Expr
    args: tuple[Arg, ...]


@node
class MethodCall(Expr):
    """``obj.name(args)``: the parentheses make it a call (``obj.name`` alone is ``Member``)."""

    obj: Expr
    name: str
    args: tuple[Arg, ...]


@node
class Member(Expr):
    obj: Expr
    name: str


@node
class Index(Expr):
    obj: Expr
    indices: tuple[Expr, ...]


@node
class TypeRef(Node):
    """A type annotation: ``Int``, ``Str?``, ``mod.Type``."""

    name: str
    module: str | None = None
    optional: bool = False


@node
class Param(Node):
    name: str
    kind: Literal["normal", "star", "dstar"] = "normal"
    annotation: TypeRef | None = None
    default: Expr | None = None


@node
class Lambda(Expr):
    """``fun (params) body end`` used as a value."""

    params: tuple[Param, ...]
    body: tuple[Stmt, ...]
    returns: TypeRef | None = None


# ---------------------------------------------------------------- statements


@node
class Stmt(Node):
    pass


@node
class ExprStmt(Stmt):
    expr: Expr


@node
class LetBinding(Node):
    name: str
    value: Expr
    annotation: TypeRef | None = None


@node
class Let(Stmt):
    bindings: tuple[LetBinding, ...]
    pub: bool = False


@node
class Const(Stmt):
    name: str
    value: Expr
    annotation: TypeRef | None = None
    pub: bool = False


@node
class Assign(Stmt):
    """``target = value`` or ``target op= value``; ``op`` is ``None`` or one of ``+ - * / %``.

    The parser guarantees ``target`` is a ``Name`` followed by any chain of ``Index`` and
    ``Member`` nodes (no calls).
    """

    target: Expr
    value: Expr
    op: str | None = None


@node
class IfBranch(Node):
    cond: Expr
    body: tuple[Stmt, ...]


@node
class If(Stmt):
    branches: tuple[IfBranch, ...]  # the ``if`` then each ``elif``
    orelse: tuple[Stmt, ...] | None = None


@node
class While(Stmt):
    cond: Expr
    body: tuple[Stmt, ...]


@node
class Range(Node):
    """``a to b [step s]`` (inclusive) / ``a until b [step s]`` (exclusive), in ``for``/``match``."""

    start: Expr
    end: Expr
    inclusive: bool
    step: Expr | None = None


@node
class For(Stmt):
    """``for x in xs``, ``for x, i in xs``, ``for k, v in d``, ``for i in a to b step s``."""

    names: tuple[str, ...]  # one or two
    iterable: Expr | Range
    body: tuple[Stmt, ...]


@node
class Break(Stmt):
    pass


@node
class Continue(Stmt):
    pass


@node
class Return(Stmt):
    value: Expr | None = None


@node
class Raise(Stmt):
    value: Expr | None = None  # None: bare re-raise


@node
class Catch(Node):
    name: str | None
    type: TypeRef | None
    body: tuple[Stmt, ...]


@node
class Try(Stmt):
    body: tuple[Stmt, ...]
    catches: tuple[Catch, ...]
    ensure: tuple[Stmt, ...] | None = None


@node
class MatchArm(Node):
    """``in e1, e2`` (``values``) or ``in a to b [step s]`` (``range``)."""

    body: tuple[Stmt, ...]
    values: tuple[Expr, ...] = ()
    range: Range | None = None


@node
class Match(Stmt):
    subject: Expr
    arms: tuple[MatchArm, ...]
    orelse: tuple[Stmt, ...] | None = None


@node
class WithItem(Node):
    expr: Expr
    name: str | None = None


@node
class With(Stmt):
    items: tuple[WithItem, ...]
    body: tuple[Stmt, ...]


@node
class ImportName(Node):
    name: str
    alias: str | None = None


@node
class Use(Stmt):
    """``use "path" [as alias] [{a, b as c}]``."""

    path: str
    alias: str | None = None
    names: tuple[ImportName, ...] | None = None


@node
class Del(Stmt):
    name: str


@node
class DocDecl(Stmt):
    """``% fun name(params) "doc"`` and the like (spec 2.15): metadata, nothing to run."""

    kind: Literal["fun", "const", "type", "trait"]
    name: str
    doc: str


@node
class Decorator(Node):
    """``@Name``, ``@mod.Name`` or ``@Name(args)`` before a ``fun`` (spec 2.15)."""

    name: str
    module: str | None = None
    args: tuple[Arg, ...] | None = None  # None: written without parentheses


@node
class FunDecl(Stmt):
    name: str
    params: tuple[Param, ...]
    body: tuple[Stmt, ...]
    returns: TypeRef | None = None
    pub: bool = False
    #: ``fun self.name(...)`` inside a type: a class (static) method.
    static: bool = False
    #: applied bottom-up when the declaration runs (spec 2.15)
    decorators: tuple[Decorator, ...] = ()


@node
class Field(Node):
    name: str
    annotation: TypeRef | None = None
    default: Expr | None = None
    pub: bool = False


@node
class Impl(Node):
    trait: str
    trait_module: str | None
    methods: tuple[FunDecl, ...]


@node
class TypeDecl(Stmt):
    name: str
    doc: str | None = None
    fields: tuple[Field, ...] = ()
    methods: tuple[FunDecl, ...] = ()  # instance and static (``FunDecl.static``) methods
    impls: tuple[Impl, ...] = ()
    pub: bool = False


@node
class TraitMethod(Node):
    name: str
    params: tuple[Param, ...]
    returns: TypeRef | None = None


@node
class TraitDecl(Stmt):
    name: str
    doc: str | None = None
    methods: tuple[TraitMethod, ...] = ()
    pub: bool = False


@node
class Module(Node):
    """A whole ``.q`` file. ``path`` is what error messages and tracebacks show."""

    body: tuple[Stmt, ...]
    path: str = "<string>"
    source: str = RecordField(default="", repr=False, compare=False)


# ---------------------------------------------------------------- templates
#
# ``lv.template("""...""")`` literals (seed-extensions.md section 2) are parsed by
# ``templates.py`` into these nodes. Text is kept verbatim; tag expressions are ordinary
# Quest expressions positioned at their ``.q`` line and column.


@node
class TText(Node):
    text: str


@node
class TOutput(Node):
    """``<%= expr %>``."""

    expr: Expr


@node
class TIfBranch(Node):
    cond: Expr
    body: tuple[TNode, ...]


@node
class TIf(Node):
    branches: tuple[TIfBranch, ...]
    orelse: tuple[TNode, ...] | None = None


@node
class TFor(Node):
    names: tuple[str, ...]
    iterable: Expr
    body: tuple[TNode, ...]


TNode = TText | TOutput | TIf | TFor


@node
class Template(Node):
    body: tuple[TNode, ...]
