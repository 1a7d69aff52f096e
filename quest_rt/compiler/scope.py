"""Scope resolution: which binding every Quest name refers to, before any code is emitted.

Quest scoping (spec 2.16, 6.4) is lexical with *block* frames: each ``if`` branch, loop
iteration, ``match`` arm, ``try`` body and ``catch`` opens a frame, and a ``let`` inside
one is gone after ``end``. Python has only function scopes. This pass bridges the two:

* every declaration becomes a ``Binding``; bindings of block frames get a Python name of
  their own (``x·2``) so shadowing never clobbers the outer variable;
* a reference in the same Quest function sees only declarations *before* it in each
  frame; a reference from inside a nested function sees the whole frame (the function
  runs later: mutual recursion and use-before-definition work, spec 6.4);
* a binding declared inside a loop iteration and captured by a closure must be fresh per
  iteration; Python cells are per call, so that loop's body is emitted as a nested
  function called once per iteration (``Loop.body_function``);
* module-level bindings are Python globals, so top-level functions look them up at call
  time; everything else is a local or a closure cell, with ``nonlocal``/``global``
  declarations computed here.

Worked example::

    let x = 1                 # Binding x (module, global "x")
    fun f()                   # Binding f (module, global "f")
      if true let x = 2 end   # Binding x (block frame in f, Python local "x·1")
      x                       # resolves to the module x: the block binding is gone
    end
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quest_rt.syntax import ast as q
from quest_rt.syntax.errors import QuestCompileError

LIVEVIEW_MODULE = "std/web/liveview"
#: Quest identifiers that CPython's AST cannot use as names (their Python name gets a `·`)
PYTHON_CONSTANTS = frozenset(("None", "True", "False"))
#: modules whose ``template(literal, assigns)`` is compiled at compile time
TEMPLATE_MODULES = frozenset((LIVEVIEW_MODULE, "std/html"))


@dataclass(eq=False)
class PyScope:
    """A Python function (or the module) that code is emitted into."""

    kind: str  # "module", "function", "loop"
    parent: PyScope | None
    node: object = None
    nonlocals: set[str] = field(default_factory=set)
    globals: set[str] = field(default_factory=set)

    @property
    def is_module(self) -> bool:
        return self.kind == "module"


@dataclass(eq=False)
class Frame:
    """A Quest frame (spec 2.16)."""

    kind: str  # "module", "function", "block", "iteration", "with"
    parent: Frame | None
    function: Frame  # the enclosing function or module frame (itself for those)
    loop: q.While | q.For | None = None  # set on iteration frames
    all: dict[str, Binding] = field(default_factory=dict)
    visible: dict[str, Binding] = field(default_factory=dict)
    pyscope: PyScope | None = None  # resolved after the walk


@dataclass(eq=False)
class Binding:
    name: str
    kind: str  # let const param fun type trait use loop catch with
    frame: Frame
    node: q.Node
    pyname: str = ""
    const: bool = False
    captured: bool = False
    assigned_in_nested: bool = False
    use_path: str | None = None  # for "use" bindings: the module path
    use_member: str | None = None  # for selective imports: the member name
    #: (operator or None, value expression) for every assignment, for type inference
    sources: list[tuple[str | None, q.Expr | None]] = field(default_factory=list)
    stores: int = 0  # assignments and dels after the declaration
    fixed_type: str | None = None  # from an annotation, a range loop...
    type: str | None = None  # inferred, see inference.py

    @property
    def is_global(self) -> bool:
        return self.frame.pyscope is not None and self.frame.pyscope.is_module


@dataclass(eq=False)
class Loop:
    node: q.While | q.For
    frame: Frame  # the iteration frame
    body_function: bool = False


@dataclass(eq=False)
class Reference:
    binding: Binding | None
    frame: Frame
    store: bool
    name: str = ""


@dataclass
class ScopeInfo:
    module_frame: Frame
    refs: dict[int, Reference]  # id(q.Name or declaring node) -> Reference
    decls: dict[int, Binding]  # id(declaring node / param / binding node) -> Binding
    frames: dict[int, Frame]  # id(node owning a frame) -> Frame
    loops: dict[int, Loop]
    bindings: list[Binding]
    templates: dict[int, q.Template]  # id(call node) -> parsed template
    template_frames: dict[int, Frame]
    unresolved: set[str]
    import_conflicts: set[int]  # id(ImportName) of selective imports over a declared name

    def binding_of(self, node: q.Node) -> Binding | None:
        ref = self.refs.get(id(node))
        return ref.binding if ref else None


def _declared_names(body: tuple[q.Stmt, ...]) -> list[tuple[str, q.Node]]:
    """Names a statement list declares directly into its frame (with/ensure included)."""
    out: list[tuple[str, q.Node]] = []
    for stmt in body:
        if isinstance(stmt, q.Let):
            out.extend((b.name, b) for b in stmt.bindings)
        elif isinstance(stmt, q.Const | q.FunDecl | q.TypeDecl | q.TraitDecl):
            out.append((stmt.name, stmt))
        elif isinstance(stmt, q.Use):
            if stmt.names is not None:
                out.extend((n.alias or n.name, n) for n in stmt.names)
            if stmt.alias is not None or stmt.names is None:
                out.append((stmt.alias or module_alias(stmt.path), stmt))
        elif isinstance(stmt, q.With):
            out.extend(_declared_names(stmt.body))
        elif isinstance(stmt, q.Try) and stmt.ensure:
            out.extend(_declared_names(stmt.ensure))
    return out


def module_alias(path: str) -> str:
    """``use "std/encoding/json"`` binds ``json`` (spec 9.1)."""
    last = path.rstrip("/").split("/")[-1]
    if last.endswith(".q"):
        last = last[:-2]
    return last.lstrip(".") or last


class ScopeAnalyzer:
    def __init__(self, module: q.Module, *, template_parser=None) -> None:
        self.module = module
        self.refs: dict[int, Reference] = {}
        self.decls: dict[int, Binding] = {}
        self.frames: dict[int, Frame] = {}
        self.loops: dict[int, Loop] = {}
        self.bindings: list[Binding] = []
        self.templates: dict[int, q.Template] = {}
        self.template_frames: dict[int, Frame] = {}
        self.unresolved: set[str] = set()
        self.template_parser = template_parser
        self.all_frames: list[Frame] = []
        self.import_conflicts: set[int] = set()

    # ------------------------------------------------------------ frames and bindings

    def new_frame(self, kind: str, parent: Frame | None, owner: q.Node | None = None,
                  loop: q.While | q.For | None = None) -> Frame:
        if kind in ("module", "function"):
            frame = Frame(kind, parent, function=None)  # type: ignore[arg-type]
            frame.function = frame
        else:
            assert parent is not None
            frame = Frame(kind, parent, function=parent.function, loop=loop)
        if owner is not None:
            self.frames[id(owner)] = frame
        self.all_frames.append(frame)
        return frame

    def declare_body(self, frame: Frame, body: tuple[q.Stmt, ...]) -> None:
        target = frame
        while target.kind == "with":
            target = target.parent  # type: ignore[assignment]
        for name, node in _declared_names(body):
            self.binding(target, name, node)

    def binding(self, frame: Frame, name: str, node: q.Node, kind: str | None = None) -> Binding:
        existing = frame.all.get(name)
        if existing is not None:
            self.decls[id(node)] = existing
            return existing
        kind = kind or _kind_of(node)
        b = Binding(name, kind, frame, node, const=isinstance(node, q.Const))
        if isinstance(node, q.Use):
            b.use_path = node.path
        frame.all[name] = b
        self.decls[id(node)] = b
        self.bindings.append(b)
        return b

    def declare(self, frame: Frame, name: str, node: q.Node) -> Binding:
        """Make a pre-declared binding visible from here on (``let`` executes)."""
        target = frame
        while target.kind == "with":
            target = target.parent  # type: ignore[assignment]
        b = target.all.get(name) or self.binding(target, name, node)
        old = target.visible.get(name)
        if old is b and b.const and isinstance(node, q.LetBinding | q.Const):
            raise QuestCompileError(f"cannot redeclare constant '{name}'", path=self.module.path,
                                    line=node.line, col=node.col,
                                    source=self.module.source)
        if b.const and isinstance(node, q.LetBinding):
            raise QuestCompileError(f"cannot redeclare constant '{name}' with let",
                                    path=self.module.path, line=node.line, col=node.col,
                                    source=self.module.source)
        if not isinstance(node, q.LetBinding | q.Const):
            b.sources.append((None, None))  # a fun/type/use value: type unknown
        target.visible[name] = b
        self.decls[id(node)] = b
        return b

    def resolve(self, name: str, frame: Frame) -> Binding | None:
        f: Frame | None = frame
        crossed = False
        while f is not None:
            b = (f.all if crossed else f.visible).get(name)
            if b is not None:
                return b
            if f.kind == "function":
                crossed = True
            f = f.parent
        return None

    def reference(self, node: q.Node, name: str, frame: Frame, store: bool = False) -> None:
        b = self.resolve(name, frame)
        self.refs[id(node)] = Reference(b, frame, store, name)
        if b is None:
            self.unresolved.add(name)
            return
        if store:
            b.stores += 1
        # a closure (or template) reading a binding of an enclosing Quest function, or a
        # block binding of the module, captures it: it must survive, per iteration
        if b.frame.function is not frame.function and b.frame.kind != "module":
            b.captured = True
            if store:
                b.assigned_in_nested = True

    # ------------------------------------------------------------ walking

    def run(self) -> ScopeInfo:
        frame = self.new_frame("module", None, self.module)
        self.declare_body(frame, self.module.body)
        self.block(self.module.body, frame)
        self.assign_pyscopes(frame)
        return ScopeInfo(frame, self.refs, self.decls, self.frames, self.loops, self.bindings,
                         self.templates, self.template_frames, self.unresolved,
                         self.import_conflicts)

    def block(self, body: tuple[q.Stmt, ...], frame: Frame) -> None:
        for stmt in body:
            self.stmt(stmt, frame)

    def new_block(self, body: tuple[q.Stmt, ...], parent: Frame, owner: q.Node,
                  kind: str = "block", loop: q.While | q.For | None = None) -> Frame:
        frame = self.new_frame(kind, parent, owner, loop)
        self.declare_body(frame, body)
        return frame

    def stmt(self, node: q.Stmt, frame: Frame) -> None:
        method = getattr(self, "stmt_" + type(node).__name__)
        method(node, frame)

    def stmt_ExprStmt(self, node: q.ExprStmt, frame: Frame) -> None:
        self.expr(node.expr, frame)

    def stmt_Let(self, node: q.Let, frame: Frame) -> None:
        for b in node.bindings:
            self.expr(b.value, frame)
            binding = self.declare(frame, b.name, b)
            binding.sources.append((None, b.value))
            if b.annotation is not None:
                self.annotation(b.annotation, frame)

    def stmt_Const(self, node: q.Const, frame: Frame) -> None:
        self.expr(node.value, frame)
        binding = self.declare(frame, node.name, node)
        binding.const = True
        binding.sources.append((None, node.value))

    def stmt_Assign(self, node: q.Assign, frame: Frame) -> None:
        self.expr(node.value, frame)
        target = node.target
        if isinstance(target, q.Name):
            self.reference(target, target.name, frame, store=True)
            b = self.refs[id(target)].binding
            if b is not None:
                b.sources.append((node.op, node.value))
        else:
            self.expr(target, frame)

    def stmt_If(self, node: q.If, frame: Frame) -> None:
        for branch in node.branches:
            self.expr(branch.cond, frame)
            self.block(branch.body, self.new_block(branch.body, frame, branch))
        if node.orelse is not None:
            # the else frame is keyed by the If node itself
            self.block(node.orelse, self.new_block(node.orelse, frame, node))

    def loop_body(self, node: q.While | q.For, frame: Frame) -> Frame:
        inner = self.new_frame("iteration", frame, node, loop=node)
        self.declare_body(inner, node.body)
        loop = Loop(node, inner)
        self.loops[id(node)] = loop
        return inner

    def stmt_While(self, node: q.While, frame: Frame) -> None:
        self.expr(node.cond, frame)
        inner = self.loop_body(node, frame)
        self.block(node.body, inner)

    def stmt_For(self, node: q.For, frame: Frame) -> None:
        if isinstance(node.iterable, q.Range):
            self.range(node.iterable, frame)
        else:
            self.expr(node.iterable, frame)
        inner = self.loop_body(node, frame)
        for i, name in enumerate(node.names):
            b = self.binding(inner, name, node, kind="loop")
            inner.visible[name] = b
            if isinstance(node.iterable, q.Range):
                b.fixed_type = "int"
            elif len(node.names) == 2 and i == 1 and not _maybe_dict(node.iterable):
                b.fixed_type = None
            self.decls[id(node), i] = b  # type: ignore[index]
        self.block(node.body, inner)

    def range(self, node: q.Range, frame: Frame) -> None:
        self.expr(node.start, frame)
        self.expr(node.end, frame)
        if node.step is not None:
            self.expr(node.step, frame)

    def stmt_Break(self, node: q.Break, frame: Frame) -> None:
        pass

    def stmt_Continue(self, node: q.Continue, frame: Frame) -> None:
        pass

    def stmt_Return(self, node: q.Return, frame: Frame) -> None:
        if node.value is not None:
            self.expr(node.value, frame)

    def stmt_Raise(self, node: q.Raise, frame: Frame) -> None:
        if node.value is not None:
            self.expr(node.value, frame)

    def stmt_Try(self, node: q.Try, frame: Frame) -> None:
        self.block(node.body, self.new_block(node.body, frame, node))
        for catch in node.catches:
            if catch.type is not None:
                self.annotation(catch.type, frame)
            inner = self.new_block(catch.body, frame, catch)
            if catch.name is not None:
                b = self.binding(inner, catch.name, catch, kind="catch")
                inner.visible[catch.name] = b
            self.block(catch.body, inner)
        if node.ensure is not None:
            self.block(node.ensure, frame)

    def stmt_Match(self, node: q.Match, frame: Frame) -> None:
        self.expr(node.subject, frame)
        for arm in node.arms:
            for v in arm.values:
                self.expr(v, frame)
            if arm.range is not None:
                self.range(arm.range, frame)
            self.block(arm.body, self.new_block(arm.body, frame, arm))
        if node.orelse is not None:
            self.block(node.orelse, self.new_block(node.orelse, frame, node))

    def stmt_With(self, node: q.With, frame: Frame) -> None:
        for item in node.items:
            self.expr(item.expr, frame)
        inner = self.new_frame("with", frame, node)
        for item in node.items:
            if item.name is not None:
                b = self.binding(inner, item.name, item, kind="with")
                inner.visible[item.name] = b
        self.block(node.body, inner)

    def stmt_Use(self, node: q.Use, frame: Frame) -> None:
        if node.names is not None:
            for n in node.names:
                alias = n.alias or n.name
                target = frame
                while target.kind == "with":
                    target = target.parent  # type: ignore[assignment]
                if alias in target.visible:
                    # spec 9.1: an error suggesting `as`, raised when the `use` runs
                    self.import_conflicts.add(id(n))
                b = self.declare(frame, n.alias or n.name, n)
                b.kind = "use"
                b.use_path = node.path
                b.use_member = n.name
        if node.alias is not None or node.names is None:
            b = self.declare(frame, node.alias or module_alias(node.path), node)
            b.use_path = node.path

    def stmt_Del(self, node: q.Del, frame: Frame) -> None:
        self.reference(node, node.name, frame, store=True)
        target = frame
        while target.kind == "with":
            target = target.parent  # type: ignore[assignment]
        target.visible.pop(node.name, None)

    def stmt_FunDecl(self, node: q.FunDecl, frame: Frame) -> None:
        self.declare(frame, node.name, node)
        self.decorators(node, frame)
        self.function(node, node.params, node.body, node.returns, frame)

    def decorators(self, node: q.FunDecl, frame: Frame) -> None:
        for d in node.decorators:
            self.reference(d, d.module or d.name, frame)
            if d.args is not None:
                self.args(d.args, frame)

    def function(self, node: q.Node, params: tuple[q.Param, ...], body: tuple[q.Stmt, ...],
                 returns: q.TypeRef | None, frame: Frame, *, method_of: q.TypeDecl | None = None,
                 static: bool = False) -> Frame:
        inner = self.new_frame("function", frame, node)
        if method_of is not None and not static:
            self_b = self.binding(inner, "self", node, kind="param")
            inner.visible["self"] = self_b
            self.decls[id(node), "self"] = self_b  # type: ignore[index]
        self.declare_body(inner, body)
        for p in params:
            if p.annotation is not None:
                self.annotation(p.annotation, inner)
            if p.default is not None:
                self.expr(p.default, inner)
            b = self.binding(inner, p.name, p, kind="param")
            inner.visible[p.name] = b
            if p.kind == "star":
                b.fixed_type = "list"
            elif p.kind == "dstar":
                b.fixed_type = "dict"
            elif p.annotation is not None and p.annotation.module is None \
                    and not p.annotation.optional:
                b.fixed_type = _ANNOTATION_TYPES.get(p.annotation.name)
            b.sources.append((None, None))
        if returns is not None:
            self.annotation(returns, inner)
        self.block(body, inner)
        return inner

    def stmt_TypeDecl(self, node: q.TypeDecl, frame: Frame) -> None:
        for f in node.fields:
            if f.annotation is not None:
                self.annotation(f.annotation, frame)
            if f.default is not None:
                self.expr(f.default, frame)
        # the type's own name is visible inside its methods (they run later)
        self.declare(frame, node.name, node)
        for m in node.methods:
            self.decorators(m, frame)
            self.function(m, m.params, m.body, m.returns, frame, method_of=node, static=m.static)
        for impl in node.impls:
            self.reference(impl, impl.trait_module or impl.trait, frame)
            for m in impl.methods:
                self.function(m, m.params, m.body, m.returns, frame, method_of=node)

    def stmt_DocDecl(self, node: q.DocDecl, frame: Frame) -> None:
        return  # documentation metadata: declares and reads nothing (spec 2.15)

    def stmt_TraitDecl(self, node: q.TraitDecl, frame: Frame) -> None:
        self.declare(frame, node.name, node)

    def annotation(self, ref: q.TypeRef, frame: Frame) -> None:
        if ref.module is not None:
            self.reference(ref, ref.module, frame)
        elif ref.name not in _BUILTIN_TYPE_WORDS:
            self.reference(ref, ref.name, frame)

    # ------------------------------------------------------------ expressions

    def expr(self, node: q.Expr | None, frame: Frame) -> None:
        if node is None:
            return
        method = getattr(self, "expr_" + type(node).__name__, None)
        if method is not None:
            method(node, frame)

    def expr_Name(self, node: q.Name, frame: Frame) -> None:
        self.reference(node, node.name, frame)

    def expr_Interp(self, node: q.Interp, frame: Frame) -> None:
        for part in node.parts:
            if not isinstance(part, str):
                self.expr(part, frame)

    def expr_FStr(self, node: q.FStr, frame: Frame) -> None:
        for part in node.parts:
            if isinstance(part, q.FStrPart):
                self.expr(part.expr, frame)

    def expr_ArrayLit(self, node: q.ArrayLit, frame: Frame) -> None:
        for item in node.items:
            self.expr(item, frame)

    def expr_MatrixLit(self, node: q.MatrixLit, frame: Frame) -> None:
        for row in node.rows:
            for item in row:
                self.expr(item, frame)

    def expr_DictLit(self, node: q.DictLit, frame: Frame) -> None:
        for _key, value in node.pairs:
            self.expr(value, frame)

    def expr_Binary(self, node: q.Binary, frame: Frame) -> None:
        self.expr(node.left, frame)
        self.expr(node.right, frame)

    expr_Logical = expr_Binary
    expr_Elvis = expr_Binary

    def expr_Not(self, node: q.Not, frame: Frame) -> None:
        self.expr(node.operand, frame)

    expr_Unary = expr_Not

    def expr_Ternary(self, node: q.Ternary, frame: Frame) -> None:
        self.expr(node.cond, frame)
        self.expr(node.then, frame)
        self.expr(node.otherwise, frame)

    def args(self, args: tuple[q.Arg, ...], frame: Frame) -> None:
        for a in args:
            self.expr(a.value, frame)

    def expr_Call(self, node: q.Call, frame: Frame) -> None:
        self.expr(node.func, frame)
        if isinstance(node.func, q.Name) and self.template_source(node, frame) is not None:
            self.template(node, frame)
            self.args(node.args[1:], frame)
            return
        self.args(node.args, frame)

    def expr_MethodCall(self, node: q.MethodCall, frame: Frame) -> None:
        self.expr(node.obj, frame)
        if node.name == "template" and isinstance(node.obj, q.Name) and \
                self.template_source(node, frame) is not None:
            self.template(node, frame)
            self.args(node.args[1:], frame)
            return
        self.args(node.args, frame)

    def expr_Member(self, node: q.Member, frame: Frame) -> None:
        self.expr(node.obj, frame)

    def expr_Index(self, node: q.Index, frame: Frame) -> None:
        self.expr(node.obj, frame)
        for i in node.indices:
            self.expr(i, frame)

    def expr_Lambda(self, node: q.Lambda, frame: Frame) -> None:
        self.function(node, node.params, node.body, node.returns, frame)

    # ------------------------------------------------------------ templates

    def template_source(self, node: q.Call | q.MethodCall, frame: Frame) -> q.Str | None:
        """The literal template of an ``lv.template("...", ...)`` call, if this is one."""
        if not node.args or node.args[0].kind != "pos" or \
                not isinstance(node.args[0].value, q.Str):
            return None
        if isinstance(node, q.MethodCall):
            b = self.binding_of_name(node.obj, frame)  # type: ignore[arg-type]
            ok = b is not None and b.use_path in TEMPLATE_MODULES and b.use_member is None
        else:
            b = self.binding_of_name(node.func, frame)  # type: ignore[arg-type]
            ok = b is not None and b.use_path in TEMPLATE_MODULES and b.use_member == "template"
        return node.args[0].value if ok else None  # type: ignore[return-value]

    def binding_of_name(self, name: q.Name, frame: Frame) -> Binding | None:
        ref = self.refs.get(id(name))
        return ref.binding if ref else None

    def template(self, node: q.Call | q.MethodCall, frame: Frame) -> None:
        source = node.args[0].value
        assert isinstance(source, q.Str)
        if self.template_parser is None:
            return
        line, col = source.line, source.col + (3 if source.triple else 1)
        template = self.template_parser(source.value, self.module.path, line, col)
        self.templates[id(node)] = template
        inner = self.new_frame("function", frame, template)
        self.template_frames[id(node)] = inner
        self.template_nodes(template.body, inner)

    def template_nodes(self, nodes: tuple, frame: Frame) -> None:
        for n in nodes:
            if isinstance(n, q.TOutput):
                self.expr(n.expr, frame)
            elif isinstance(n, q.TIf):
                for br in n.branches:
                    self.expr(br.cond, frame)
                    self.template_nodes(br.body, frame)
                if n.orelse is not None:
                    self.template_nodes(n.orelse, frame)
            elif isinstance(n, q.TFor):
                self.expr(n.iterable, frame)
                inner = self.new_frame("block", frame, n)
                for name in n.names:
                    b = self.binding(inner, name, n, kind="loop")
                    inner.visible[name] = b
                self.template_nodes(n.body, inner)

    # ------------------------------------------------------------ Python scopes

    def assign_pyscopes(self, module_frame: Frame) -> None:
        # 1. loops whose iteration frames declare a captured binding get body functions
        for b in self.bindings:
            if not b.captured:
                continue
            f: Frame | None = b.frame
            while f is not None and f.kind not in ("function", "module"):
                if f.kind == "iteration":
                    loop = self.loops[id(f.loop)]
                    loop.body_function = True
                    break
                f = f.parent
        # 2. each frame's Python scope
        module_scope = PyScope("module", None, self.module)
        scopes: dict[int, PyScope] = {}
        for frame in self.all_frames:  # creation order: parents first
            if frame.kind == "module":
                frame.pyscope = module_scope
            elif frame.kind == "function":
                parent = frame.parent.pyscope if frame.parent else None
                frame.pyscope = scopes.setdefault(id(frame), PyScope("function", parent, frame))
            elif frame.kind == "iteration" and self.loops[id(frame.loop)].body_function:
                frame.pyscope = PyScope("loop", frame.parent.pyscope, frame)  # type: ignore
            else:
                frame.pyscope = frame.parent.pyscope  # type: ignore[union-attr]
        # 3. Python names
        counts: dict[str, int] = {}
        for b in self.bindings:
            counts[b.name] = counts.get(b.name, 0) + 1
        serial = 0
        for b in self.bindings:
            plain = b.kind == "param" or b.frame.kind == "module" or (
                counts[b.name] == 1 and b.name not in self.unresolved)
            if b.name in PYTHON_CONSTANTS:
                b.pyname = b.name + "·"  # CPython cannot name a variable None/True/False
            elif plain:
                b.pyname = b.name
            else:
                serial += 1
                b.pyname = f"{b.name}·{serial}"
        # 4. nonlocal / global declarations for stores across Python scopes
        for ref in self.refs.values():
            b = ref.binding
            if b is None and ref.store and ref.frame.pyscope is not None and \
                    not ref.frame.pyscope.is_module:
                ref.frame.pyscope.globals.add(ref.name)  # undeclared: checked at run time
            if b is None or not ref.store:
                continue
            here = ref.frame.pyscope
            there = b.frame.pyscope
            if here is there or here is None or there is None:
                continue
            if there.is_module:
                here.globals.add(b.pyname)
            else:
                here.nonlocals.add(b.pyname)

_BUILTIN_TYPE_WORDS = frozenset(("Int", "Float", "Num", "Str", "Bool", "Array", "Dict", "Bytes",
                                 "Uuid", "Decimal", "BigInt", "Obj", "Nil", "Func", "int",
                                 "float", "num", "str", "bool", "array", "dict", "bytes", "uuid",
                                 "decimal", "bigint", "obj", "nil", "func"))

_ANNOTATION_TYPES = {"Int": "int", "Float": "float", "Num": "num", "Str": "str", "Bool": "bool",
                     "Array": "list", "Dict": "dict", "int": "int", "float": "float",
                     "str": "str", "bool": "bool", "array": "list", "dict": "dict"}


def _kind_of(node: q.Node) -> str:
    if isinstance(node, q.LetBinding):
        return "let"
    if isinstance(node, q.Const):
        return "const"
    if isinstance(node, q.FunDecl):
        return "fun"
    if isinstance(node, q.TypeDecl):
        return "type"
    if isinstance(node, q.TraitDecl):
        return "trait"
    if isinstance(node, q.Use | q.ImportName):
        return "use"
    return "let"


def _maybe_dict(node: q.Expr) -> bool:
    return not isinstance(node, q.ArrayLit)


def analyze(module: q.Module, template_parser=None) -> ScopeInfo:
    return ScopeAnalyzer(module, template_parser=template_parser).run()
