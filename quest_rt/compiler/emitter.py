"""The emitter: Quest AST (with its ``ScopeInfo``) to a Python ``ast.Module``.

One ``compile_<node>`` function per Quest node type, registered with ``@compiles`` in the
modules of this package by family (operators, calls, statements, declarations). An
expression compiles to one Python expression; the statements it needs first (a lifted
``def`` for a multi-line lambda or a template) go to ``Emitter.pending`` and are flushed
before the statement that contains the expression. Lifting a ``def`` is always safe:
creating a function has no side effect, and defaults and annotations are evaluated at
call time in Quest.

Names:

* user variables keep their Quest name (``x``), or get a suffix when shadowed (``x·2``);
* runtime helpers and the few Python built-ins compiled code needs are reached as
  ``·name`` through the module's ``__builtins__`` (``·add``, ``·type``, ``·list``);
* temporaries are ``·t``, ``·l12``... — ``·`` cannot appear in a Quest identifier.

Positions: every Python node gets the line and column of the Quest node it was emitted
for (``stamp``), so CPython's tracebacks point at ``.q`` lines. There is no blanket
``fix_missing_locations``.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass, field

from quest_rt.compiler.inference import Typer, infer
from quest_rt.compiler.scope import Binding, PyScope, ScopeInfo, analyze
from quest_rt.syntax import ast as q
from quest_rt.syntax.errors import QuestCompileError

Compiler = Callable[["Emitter", q.Node], ast.expr]
StatementCompiler = Callable[["Emitter", q.Node, "Tail"], list[ast.stmt]]

EXPRESSIONS: dict[type, Compiler] = {}
STATEMENTS: dict[type, StatementCompiler] = {}


def compiles(node_type: type) -> Callable:
    """Register the compiler of one Quest node type."""

    def register(fn: Callable) -> Callable:
        if issubclass(node_type, q.Stmt):
            STATEMENTS[node_type] = fn
        else:
            EXPRESSIONS[node_type] = fn
        return fn

    return register


@dataclass
class Tail:
    """What the value of the last statement of a block is for.

    ``mode``: ``None`` (discarded), ``"return"`` (a function body: return it),
    ``"result"`` (module run by ``sys.eval``/the REPL: store it in ``·result``).
    """

    mode: str | None
    returns: ast.expr | None = None  # a return annotation to check, as a value expression
    fname: str = ""


NO_TAIL = Tail(None)


@dataclass
class LoopContext:
    node: q.While | q.For
    body_function: bool


@dataclass
class FunctionContext:
    """Per Python function: its scope and the loops open in it."""

    pyscope: PyScope
    loops: list[LoopContext] = field(default_factory=list)
    returns: ast.expr | None = None
    fname: str = ""
    in_loop_body_function: bool = False
    #: (parameter, test) -> name of a flag computed once at entry (see Emitter.type_test)
    type_flags: dict[tuple[str, str], str] = field(default_factory=dict)
    #: a stable ``let`` compiled in this function -> (its statement's flag slot, the loop
    #: depth at the ``let``); the slot receives the flags of its tests (Emitter.let_slot)
    let_slots: dict[str, tuple[ast.If, int]] = field(default_factory=dict)
    #: (id of the slot tuple, test) -> flag name
    let_flags: dict[tuple[int, str], str] = field(default_factory=dict)


PURE_HELPERS = frozenset("·" + n for n in (
    "type", "arith_result", "add", "add_assign", "sub", "mul", "div", "mod", "neg", "pos", "int_overflow", "lt", "le", "gt",
    "ge", "eq", "ne", "concat", "to_str", "str", "bitand", "bitor", "bitxor", "shl", "shr",
    "invert"))
PURE_NODES = (ast.Name, ast.Constant, ast.BinOp, ast.UnaryOp, ast.Compare, ast.BoolOp,
              ast.IfExp, ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop)


def name(id_: str, store: bool = False) -> ast.Name:
    return ast.Name(id_, ast.Store() if store else ast.Load())


def helper(id_: str) -> ast.Name:
    """A runtime helper or built-in reached through the module's ``__builtins__``."""
    return ast.Name("·" + id_, ast.Load())


def call(func: ast.expr, *args: ast.expr, **kwargs: ast.expr) -> ast.Call:
    return ast.Call(func, list(args), [ast.keyword(k, v) for k, v in kwargs.items()])


def const(value: object) -> ast.Constant:
    return ast.Constant(value)


def stamp(tree: ast.AST, node: q.Node) -> ast.AST:
    """Give every sub-node of ``tree`` without a position the position of ``node``.

    Sub-trees that already carry a position were stamped with their own Quest node and
    are left alone.
    """
    line, col = node.line, max(node.col - 1, 0)
    todo = [tree]
    while todo:
        n = todo.pop()
        if "lineno" in n._attributes:
            if getattr(n, "lineno", None) is not None and n is not tree:
                continue
            if getattr(n, "lineno", None) is None:
                n.lineno = line
                n.col_offset = col
                n.end_lineno = line
                n.end_col_offset = col + 1
        for child in ast.iter_child_nodes(n):
            todo.append(child)
    return tree


class Emitter:
    def __init__(self, module: q.Module, info: ScopeInfo, *, mode: str) -> None:
        self.module = module
        self.info = info
        self.mode = mode  # "file", "repl" (last value to ·result)
        self.typer = Typer(info, trust_globals=mode == "file")
        self.pending: list[ast.stmt] = []
        self.counter = 0
        self.fn = FunctionContext(info.module_frame.pyscope)  # type: ignore[arg-type]
        #: set while compiling the tags of a template: the name of its assigns parameter
        self.template_assigns: str | None = None
        self.template_reads: set[str] = set()
        #: field name -> slot, for the types whose methods are being compiled (innermost last)
        self.type_slots: list[dict[str, str]] = []
        #: id of a `k += 1` that cannot overflow -> the flag it depends on (None: none),
        #: see statements.bounded_counter
        self.bounded_increments: dict[int, ast.expr | None] = {}
        #: every let flag slot (see let_slot); the unfilled ones are removed at the end
        self.slots: list[ast.If] = []
        #: parameters never assigned after entry, by Python name (see type_test)
        self.stable_params = {(b.pyname, id(b.frame.pyscope)): b for b in info.bindings
                              if b.kind == "param" and b.stores == 0}
        #: local ``let`` variables never assigned after their declaration (see let_slot)
        self.stable_lets = {id(b) for b in info.bindings
                            if b.kind == "let" and b.stores == 0 and not b.captured
                            and not b.assigned_in_nested and not b.is_global}

    # ------------------------------------------------------------ errors

    def error(self, message: str, node: q.Node) -> QuestCompileError:
        return QuestCompileError(message, path=self.module.path, line=node.line, col=node.col,
                                 source=self.module.source)

    # ------------------------------------------------------------ names

    def temp(self, prefix: str = "t") -> str:
        self.counter += 1
        return f"·{prefix}{self.counter}"

    def binding(self, node: q.Node) -> Binding | None:
        return self.info.binding_of(node)

    def type_of(self, node: q.Expr) -> str | None:
        return self.typer.of(node)

    def field_slot(self, field: str) -> str:
        """The attribute ``self.field`` reads inside the methods of the current type."""
        return self.type_slots[-1].get(field, field) if self.type_slots else field

    # ------------------------------------------------------------ dispatch

    def expr(self, node: q.Expr) -> ast.expr:
        try:
            compiler = EXPRESSIONS[type(node)]
        except KeyError:
            raise self.error(f"cannot compile {type(node).__name__} here", node) from None
        result = compiler(self, node)
        stamp(result, node)
        return result

    def stmt(self, node: q.Stmt, tail: Tail = NO_TAIL) -> list[ast.stmt]:
        compiler = STATEMENTS[type(node)]
        saved, self.pending = self.pending, []
        out = compiler(self, node, tail)
        pre, self.pending = self.pending, saved
        result = pre + out
        for s in result:
            stamp(s, node)
        return result

    def block(self, body: tuple[q.Stmt, ...], tail: Tail = NO_TAIL) -> list[ast.stmt]:
        out: list[ast.stmt] = []
        last = len(body) - 1
        for i, s in enumerate(body):
            out.extend(self.stmt(s, tail if i == last else NO_TAIL))
        if not body and tail.mode == "result":
            out.append(ast.Assign([name("·result", True)], const(None)))
        return out or [ast.Pass()]

    def lift(self, stmts: list[ast.stmt]) -> None:
        """Emit statements that must run before the expression being compiled."""
        self.pending.extend(stmts)

    # ------------------------------------------------------------ values for tails

    def tail_value(self, value: ast.expr, tail: Tail) -> list[ast.stmt]:
        if tail.mode == "return":
            return [ast.Return(self.checked_return(value, tail))]
        if tail.mode == "result":
            return [ast.Assign([name("·result", True)], value)]
        return [ast.Expr(value)]

    def checked_return(self, value: ast.expr, tail: Tail | FunctionContext) -> ast.expr:
        if tail.returns is None:
            return value
        return call(helper("check_return"), value, tail.returns, const(tail.fname))

    def tail_nil(self, tail: Tail) -> list[ast.stmt]:
        """After a statement whose value is nil, in tail position."""
        if tail.mode == "result":
            return [ast.Assign([name("·result", True)], const(None))]
        if tail.mode == "return" and tail.returns is not None:
            return [ast.Return(self.checked_return(const(None), tail))]
        return []

    # ------------------------------------------------------------ type tests

    def type_test(self, value: ast.expr, test: str) -> ast.expr:
        """``·type(value) is ·int`` (test "int", "list"...) or ``·type(value) in ·NUMBERS``
        (test "NUMBERS", "SIZED"...).

        A parameter that the function never reassigns keeps its type for the whole call,
        so inside a loop its test is computed once in the prologue (``emit_function``) and
        reading the flag replaces the call to ``type()``. Outside loops the test runs at
        most once per call anyway, and a flag would only add a store.
        """
        if self.fn.loops and isinstance(value, ast.Name) and isinstance(value.ctx, ast.Load):
            b = self.stable_params.get((value.id, id(self.fn.pyscope)))
            key = (value.id, test)
            if b is not None:
                flag = self.fn.type_flags.get(key)
                if flag is None:
                    flag = self.temp(f"{test.lower()}_")
                    self.fn.type_flags[key] = flag
                return name(flag)
            slot = self.fn.let_slots.get(value.id)
            if slot is not None and len(self.fn.loops) > slot[1]:
                # likewise a `let` never reassigned, read in a loop nested in its scope:
                # the test runs once, right after the `let`
                flag = self.fn.let_flags.get((id(slot), test))
                if flag is None:
                    flag = self.temp(f"{test.lower()}_")
                    self.fn.let_flags[id(slot), test] = flag
                    assign = ast.Assign([name(flag, True)], self.raw_type_test(name(value.id),
                                                                               test))
                    for part in ast.walk(assign):  # the slot has its place already
                        ast.copy_location(part, slot[0])
                    body = slot[0].body
                    body[:] = [s for s in body if not isinstance(s, ast.Pass)] + [assign]
                return name(flag)
        return self.raw_type_test(value, test)

    def tested_once(self, value: ast.expr) -> bool:
        """Whether ``type_test(value, ...)`` reads a flag computed once (see there)."""
        if not (self.fn.loops and isinstance(value, ast.Name)
                and isinstance(value.ctx, ast.Load)):
            return False
        if (value.id, id(self.fn.pyscope)) in self.stable_params:
            return True
        slot = self.fn.let_slots.get(value.id)
        return slot is not None and len(self.fn.loops) > slot[1]

    def let_slot(self, binding) -> list[ast.stmt]:
        """After the store of a ``let``: a slot for the flags of later type tests on it
        (``if True: pass`` until a test in a nested loop fills it; CPython drops both)."""
        if id(binding) not in self.stable_lets or binding.type is not None:
            return []
        slot = ast.If(const(True), [ast.Pass()], [])
        self.fn.let_slots[binding.pyname] = (slot, len(self.fn.loops))
        self.slots.append(slot)
        return [slot]

    def unused_slots(self) -> set[int]:
        return {id(slot) for slot in self.slots if isinstance(slot.body[0], ast.Pass)}

    @staticmethod
    def raw_type_test(value: ast.expr, test: str) -> ast.expr:
        op = ast.In() if test.isupper() else ast.Is()
        return ast.Compare(call(helper("type"), value), [op], [helper(test)])

    def flag_prologue(self) -> list[ast.stmt]:
        return [ast.Assign([name(flag, True)], self.raw_type_test(name(pyname), test))
                for (pyname, test), flag in self.fn.type_flags.items()]

    # ------------------------------------------------------------ simple operands

    @staticmethod
    def is_simple(e: ast.expr) -> bool:
        return isinstance(e, ast.Name | ast.Constant)

    @staticmethod
    def is_pure(e: ast.expr) -> bool:
        """Whether evaluating ``e`` twice is the same as once: only variable reads,
        constants, operators and the runtime's operator helpers (which may raise, and
        raising ends the evaluation the first time)."""
        for n in ast.walk(e):
            if isinstance(n, ast.Call):
                if not (isinstance(n.func, ast.Name) and n.func.id in PURE_HELPERS):
                    return False
            elif isinstance(n, ast.NamedExpr):
                if not n.target.id.startswith("·"):
                    return False
            elif not isinstance(n, PURE_NODES):
                return False
        return True

    def hold(self, e: ast.expr, prefix: str = "v") -> tuple[ast.expr, ast.expr]:
        """(first use, later uses) of a value that must be evaluated exactly once."""
        if self.is_simple(e):
            return e, e
        t = self.temp(prefix)
        return ast.NamedExpr(name(t, True), e), name(t)


def compile_module(module: q.Module, *, mode: str = "file", template_parser=None) -> ast.Module:
    """Compile a parsed module to a Python ``ast.Module`` (not yet ``compile()``d)."""
    from quest_rt.compiler import calls, declarations, operators, statements, templates  # noqa: F401

    info = analyze(module, template_parser=template_parser or templates.default_parser())
    infer(info, trust_globals=mode == "file")
    em = Emitter(module, info, mode=mode)
    body = em.block(module.body, Tail("result") if mode == "repl" else NO_TAIL) \
        if module.body else []
    if mode == "repl":
        body.insert(0, ast.Assign([name("·result", True)], const(None)))
    for stmt in body:
        stamp(stmt, module)  # only what has no position yet: an empty module's `pass`
    tree = ast.Module(body=body, type_ignores=[])
    if em.unused_slots():
        tree = _SlotRemover(em.unused_slots()).visit(tree)
    return tree


class _SlotRemover(ast.NodeTransformer):
    """Drops the ``let`` flag slots no type test filled (``if True: pass``, which CPython
    would still compile to a NOP)."""

    def __init__(self, slots: set[int]) -> None:
        self.slots = slots

    def visit_If(self, node: ast.If) -> ast.AST | None:
        if id(node) in self.slots:
            return None
        return self.generic_visit(node)
