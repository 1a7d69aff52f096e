"""Out-of-range indexing: one message for Array, Str and Bytes, even from a fast path.

Spec 8.2 (ours): reading or writing ``x[i]`` out of range raises IndexErr naming the index
and the length. The runtime helpers (``ops.index``, ``Array.get``...) know both and call
``out_of_range``. Compiled code takes a fast path for a known Array and an Int index, a plain
CPython subscript (``a[i]``), so the check costs nothing when the index is in range; when it
is not, CPython raises ``IndexError: list index out of range``, which knows neither value.

``from_index_error`` recovers them after the fact, from the frame that failed: the operands
of the failing ``BINARY_SUBSCR``/``STORE_SUBSCR`` were pushed by the instructions just before
it, and in compiled Quest those are nearly always loads of a local, a cell, a global or a
constant (``a[i]``), or short pure computations over them (``a[i + 1]``, ``grid[r][c]``).
``_Recovery`` walks the straight-line bytecode backwards and re-evaluates such operands from
the frame's variables. Anything else (a call, a branch, an operator it does not model) stops
it, and the message falls back to the words without the numbers. Re-evaluating is safe
because only loads, subscripts of built-in containers and Int arithmetic are replayed.

Worked example: ``row[j - 1]`` inside a function compiles to::

    LOAD_FAST row; LOAD_FAST j; LOAD_CONST 1; BINARY_OP (-); BINARY_SUBSCR

The index is the value of ``BINARY_OP``: its right operand is the constant 1, its left the
local ``j``; the container is the instruction before that, the local ``row``.
"""

from __future__ import annotations

import operator
import types

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["out_of_range", "from_index_error"]

_QUEST_KINDS = {list: "Array", str: "Str", bytes: "Bytes"}

# BINARY_OP arguments replayed on Int operands (the others never build an index).
_INT_OPS = {
    0: operator.add,
    10: operator.sub,
    5: operator.mul,
    2: operator.floordiv,
    6: operator.mod,
}

_LOADS = {
    "LOAD_FAST",
    "LOAD_FAST_CHECK",
    "LOAD_FAST_BORROW",
    "LOAD_DEREF",
    "LOAD_CLASSDEREF",
    "LOAD_NAME",
    "LOAD_GLOBAL",
    "LOAD_CONST",
    "LOAD_SMALL_INT",
}
_TRANSPARENT = {"EXTENDED_ARG", "NOP", "CACHE", "PRECALL"}


class _Unknown(Exception):
    """The operand is not one ``_Recovery`` can replay."""


def out_of_range(obj: Any, i: Any, what: str = "Index") -> str:
    """The IndexErr message for index ``i`` of ``obj`` (an Array, Str or Bytes)."""
    kind = _QUEST_KINDS.get(type(obj), "Array")
    return f"{what} {i} out of range for {kind} of length {len(obj)}"


def from_index_error(tb: types.TracebackType | None) -> str:
    """The IndexErr message for a CPython ``IndexError`` whose traceback is ``tb``."""
    if tb is None:
        return "Index out of range"
    while tb.tb_next is not None:
        tb = tb.tb_next
    recovery = _Recovery(tb.tb_frame, tb.tb_lasti)
    try:
        container, index = recovery.operands()
    except Exception:  # _Unknown, or bytecode this replay does not model: say less

        index = recovery.index
        return f"Index {index} out of range" if type(index) is int else "Index out of range"
    if type(container) not in _QUEST_KINDS or type(index) is not int:
        return "Index out of range"
    return out_of_range(container, index)


class _Recovery:
    """Replays the operands of the subscript at ``lasti`` in ``frame`` (see module doc)."""

    def __init__(self, frame: types.FrameType, lasti: int) -> None:
        self.frame = frame
        self.code = frame.f_code
        import dis  # here, not at the top: only a failed subscript needs it (start-up time)

        self.jumps = frozenset(dis.hasjrel + dis.hasjabs)
        self.ins = [i for i in dis.get_instructions(self.code) if i.opname not in _TRANSPARENT]
        self.at = next((n for n, i in enumerate(self.ins) if i.offset == lasti), None)
        self.variables: dict[str, Any] | None = None
        self.index: Any = None  # known even when the container is not

    def operands(self) -> tuple[Any, Any]:
        if self.at is None or self.at < 1:
            raise _Unknown
        op = self.ins[self.at].opname
        if op not in ("BINARY_SUBSCR", "STORE_SUBSCR"):
            raise _Unknown
        # both leave the container below the index on the stack
        if self.ins[self.at].is_jump_target:
            return self._conditional_index()
        if self.ins[self.at - 1].opname != "LOAD_FAST_LOAD_FAST":
            self.index, start = self._value(self.at - 1)
            if start >= 1 and self.ins[start - 1].opcode in self.jumps:
                # 3.12+: CPython copies the subscript into both arms of the overflow
                # check, so this one follows the test's fall-through, not a jump.
                return self._container_before(start - 1), self.index
        container, index, _ = self._two(self.at - 1)
        return container, index

    def _conditional_index(self) -> tuple[Any, Any]:
        """An index computed by ``t if cond else slow`` (an Int overflow check): replay the
        path that jumps here from ``t``, then skip the condition to reach the container."""
        target = self.ins[self.at].offset
        jumps = [n for n, i in enumerate(self.ins) if i.argval == target and i.opcode in self.jumps]
        if len(jumps) != 1:
            raise _Unknown
        self.index, start = self._value(jumps[0] - 1)
        return self._container_before(start - 1), self.index

    def _container_before(self, test_jump: int) -> Any:
        """The container pushed before the condition that ends with the jump at
        ``test_jump``: walk back over the condition until it has pushed what the
        jump pops, then read the value below it. The overflow test has several links
        (``t <= 1073741823 and t >= -1073741823 or ...``, see ``compiler.operators``),
        each ending in a jump forward: a link after such a jump is walked back too."""
        import dis

        while True:
            if test_jump < 0 or self.ins[test_jump].opcode not in self.jumps:
                raise _Unknown
            need, n = 0, test_jump
            while True:  # walk back over the link until it has pushed what the jump pops
                ins = self.ins[n]
                need -= (
                    dis.stack_effect(ins.opcode, ins.arg, jump=False)
                    if ins.opcode >= dis.HAVE_ARGUMENT
                    else dis.stack_effect(ins.opcode)
                )
                if need <= 0 or n == 0:
                    break
                n -= 1
            if need == -1 and self.ins[n].opname == "LOAD_FAST_LOAD_FAST":
                # 3.13: the container and the index's first local, loaded at once
                return self._variable(self.ins[n].argval[0])
            if need != 0:
                raise _Unknown
            before = self.ins[n - 1] if n >= 1 else None
            if before is None or before.opcode not in self.jumps or before.argval <= before.offset:
                break
            test_jump = n - 1
        container, _ = self._value(n - 1)
        return container

    def _two(self, n: int) -> tuple[Any, Any, int]:
        """The two values on top of the stack after instruction ``n`` (lower one first)."""
        if n >= 0 and self.ins[n].opname == "LOAD_FAST_LOAD_FAST":  # 3.13: two locals at once
            first, second = self.ins[n].argval
            return self._variable(first), self._variable(second), n
        right, start = self._value(n)
        left, start = self._value(start - 1)
        return left, right, start

    def _value(self, n: int) -> tuple[Any, int]:
        """The value pushed last by instruction ``n`` and the first instruction computing it."""
        if n < 0:
            raise _Unknown
        ins = self.ins[n]
        if ins.is_jump_target and ins.opname not in _LOADS:
            raise _Unknown
        op = ins.opname
        if op == "LOAD_CONST" or op == "LOAD_SMALL_INT":
            return ins.argval, n
        if op in _LOADS:
            return self._variable(ins.argval), n
        if op == "STORE_FAST" and n >= 1 and self.ins[n - 1].opname == "COPY":
            # a named expression: the value stays on the stack and in the local
            _, start = self._value(n - 2)
            return self._variable(ins.argval), start
        if op == "BINARY_SUBSCR":
            left, right, start = self._two(n - 1)
            if type(left) not in (list, str, bytes) or type(right) is not int:
                raise _Unknown
            try:
                return left[right], start
            except IndexError:
                raise _Unknown from None
        if op == "BINARY_OP" and ins.arg in _INT_OPS:
            left, right, start = self._two(n - 1)
            if type(left) is not int or type(right) is not int:
                raise _Unknown
            try:
                return _INT_OPS[ins.arg](left, right), start
            except ZeroDivisionError:
                raise _Unknown from None
        raise _Unknown

    def _variable(self, name: Any) -> Any:
        if not isinstance(name, str):
            raise _Unknown
        if self.variables is None:
            self.variables = dict(self.frame.f_locals)
        for scope in (self.variables, self.frame.f_globals, self.frame.f_builtins):
            if name in scope:
                return scope[name]
        raise _Unknown
