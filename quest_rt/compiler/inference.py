"""Local type inference: which variables provably always hold an Int, a Str, an Array...

The emitter inlines CPython's own operators where Quest and Python agree, guarded by a
type test (``type(x) is int``) where the operand's type is unknown. A guard costs about
as much as the operation, so knowing a type statically is the main speed lever of the
compiler: ``let i = 0 while i < n ... i += 1 end`` makes ``i`` an Int, and ``i < n``,
``i + 1`` need no test on ``i``.

The analysis is flow-insensitive and optimistic: a binding's type is the join of the
types of every value ever assigned to it (its ``sources``), iterated to a fixpoint.
Types: ``int float num str bool nil list dict`` or ``None`` (unknown). ``num`` is "Int or
Float". Only what is certain is claimed: a value from a call, an index or a parameter
without annotation is unknown.
"""

from __future__ import annotations

from quest_rt.compiler.scope import Binding, ScopeInfo
from quest_rt.syntax import ast as q

BOTTOM = "bottom"  # no value seen yet (optimistic start)
NUMERIC = frozenset(("int", "float", "num"))

# result types of methods on receivers of a known built-in type
_METHOD_RESULTS = {
    "str": {"len": "int", "upper": "str", "lower": "str", "trim": "str", "ltrim": "str",
            "rtrim": "str", "slice": "str", "replace": "str", "repeat": "str",
            "capitalize": "str", "title": "str", "concat": "str", "str": "str",
            "index_of": "int", "count": "int", "split": "list", "contains": "bool",
            "startswith": "bool", "endswith": "bool", "starts_with": "bool",
            "ends_with": "bool", "fmt": "str", "to_string": "str"},
    "list": {"len": "int", "index_of": "int", "count": "int", "find_index": "int",
             "join": "str", "contains": "bool", "empty": "bool", "map": "list",
             "filter": "list", "slice": "list", "sorted": "list", "reversed": "list",
             "concat": "list", "str": "str"},
    "dict": {"len": "int", "keys": "list", "values": "list", "contains": "bool",
             "empty": "bool", "str": "str", "clone": "dict", "set": "dict", "remove": "dict"},
    "int": {"abs": "int", "str": "str", "to_string": "str", "to_f64": "float",
            "to_num": "float", "neg": "int", "sign": "int", "min": "int", "max": "int"},
    "float": {"str": "str", "to_string": "str", "floor": "int", "ceil": "int", "round": "int",
              "to_int": "int", "abs": "float"},
}


def join(a: str | None, b: str | None) -> str | None:
    if a == BOTTOM:
        return b
    if b == BOTTOM:
        return a
    if a == b:
        return a
    if a in NUMERIC and b in NUMERIC:
        return "num"
    return None


def binary_type(op: str, left: str | None, right: str | None) -> str | None:
    if left == BOTTOM or right == BOTTOM:
        return BOTTOM
    if op in ("+", "-", "*", "/", "%"):
        if left == "int" and right == "int":
            return "int"
        if op in ("+", "-", "*") and "float" in (left, right):
            # a Float operand: the result is a Float or the operation raised (the
            # emitter tests for exactly that where the other operand's type is unknown)
            return "float"
        if left in NUMERIC and right in NUMERIC:
            if left == "float" or right == "float":
                return "float"
            return "num"
        if op == "*" and {left, right} == {"str", "int"}:
            return "str"
        if op != "*" and "str" not in (left, right) and "list" not in (left, right):
            # `+ - / %` are numeric only in Quest: the value is a number, or the
            # operation raised (`*` also repeats strings, so it is not in this rule)
            return "num"
        return None
    if op == "..":
        if left == "list" and right in ("list", "nil") or right == "list" and left == "nil":
            return "list"
        if left in (None, "list", "nil") and right in (None, "list", "nil"):
            return None
        return "str"
    if op in ("==", "!=", "<", ">", "<=", ">="):
        return "bool"
    if op in ("&", "|", "^", "<<", ">>"):
        return "int"
    return None


class Typer:
    def __init__(self, info: ScopeInfo, *, trust_globals: bool) -> None:
        self.info = info
        self.trust_globals = trust_globals

    def of(self, node: q.Expr | None) -> str | None:
        if node is None:
            return None
        t = type(node)
        if t is q.Int:
            return "int"
        if t is q.Float:
            return "float"
        if t in (q.Str, q.FStr, q.Interp, q.TypeName):
            return "str"
        if t is q.Bool:
            return "bool"
        if t is q.Nil:
            return "nil"
        if t is q.ArrayLit:
            return "list"
        if t is q.DictLit:
            return "dict"
        if t is q.Name:
            b = self.info.binding_of(node)
            return b.type if b is not None else None
        if t is q.Binary:
            return binary_type(node.op, self.of(node.left), self.of(node.right))
        if t is q.Not:
            return "bool"
        if t is q.Unary:
            inner = self.of(node.operand)
            if node.op == "~":
                return "int" if inner == "int" else None
            return inner if inner in NUMERIC or inner == BOTTOM else None
        if t is q.Logical:
            return join(self.of(node.left), self.of(node.right))
        if t is q.Ternary:
            return join(self.of(node.then), self.of(node.otherwise))
        if t is q.MethodCall:
            if isinstance(node.obj, q.TypeName) and node.obj.name == "Array" and \
                    node.name == "new":
                return "list"
            recv = self.of(node.obj)
            if recv == BOTTOM:
                return BOTTOM
            return _METHOD_RESULTS.get(recv or "", {}).get(node.name)
        return None


def infer(info: ScopeInfo, *, trust_globals: bool = True) -> None:
    """Set ``Binding.type`` for every binding of ``info``."""
    typer = Typer(info, trust_globals=trust_globals)
    candidates: list[Binding] = []
    for b in info.bindings:
        if b.kind in ("param", "loop"):
            b.type = b.fixed_type
        elif b.kind in ("let", "const") and b.sources and \
                (trust_globals or b.frame.kind != "module"):
            b.type = BOTTOM
            candidates.append(b)
        else:
            b.type = None
    changed = True
    while changed:
        changed = False
        for b in candidates:
            t: str | None = BOTTOM
            for op, expr in b.sources:
                if expr is None:
                    t = None
                    break
                et = typer.of(expr)
                if op is not None:
                    et = binary_type(op, b.type, et)
                t = join(t, et)
                if t is None:
                    break
            if t != b.type:
                b.type = t
                changed = True
    for b in candidates:
        if b.type == BOTTOM:
            b.type = None
