"""``syntax.records``: the frozen keyword-only records the AST nodes are made with."""

from __future__ import annotations

import pickle

import pytest

from quest_rt.syntax import ast
from quest_rt.syntax.records import FrozenRecordError, RecordField, fields, record, replace


@record
class Base:
    line: int
    col: int


@record
class Pair(Base):
    left: object
    right: object = None
    note: str = RecordField(default="", repr=False, compare=False)


def test_fields_come_from_the_bases_first_and_keep_their_defaults():
    p = Pair(left=1, line=3, col=4)
    assert fields(Pair) == fields(p) == ("line", "col", "left", "right", "note")
    assert (p.line, p.col, p.left, p.right, p.note) == (3, 4, 1, None, "")


def test_arguments_are_by_keyword_and_checked():
    with pytest.raises(TypeError, match="positional"):
        Pair(1, 2, 3)
    with pytest.raises(TypeError, match="missing 1 required keyword-only argument: 'left'"):
        Pair(line=1, col=1)
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        Pair(left=1, line=1, col=1, colour=2)


def test_records_cannot_change():
    p = Pair(left=1, line=1, col=1)
    with pytest.raises(FrozenRecordError):
        p.left = 2
    with pytest.raises(FrozenRecordError):
        del p.left
    with pytest.raises(AttributeError):  # slotted: no instance dictionary either
        object.__setattr__(p, "other", 1)
    assert not hasattr(p, "__dict__")


def test_equality_and_hash_use_the_compared_fields_of_the_same_class():
    a = Pair(left=(1, 2), line=1, col=1, note="x")
    b = Pair(left=(1, 2), line=1, col=1, note="y")  # note is not compared
    assert a == b and hash(a) == hash(b)
    assert a != replace(a, right=0)
    assert a != Base(line=1, col=1)
    assert len({a, b, replace(a, col=2)}) == 2


def test_repr_names_the_fields_shown():
    assert repr(Pair(left="l", line=1, col=2, note="hidden")) == (
        "Pair(line=1, col=2, left='l', right=None)"
    )


def test_replace_and_pickle_make_equal_records():
    p = Pair(left=[1], line=1, col=1, note="n")
    q = replace(p, right="r")
    assert (q.left, q.right, q.note) == ([1], "r", "n") and p.right is None
    back = pickle.loads(pickle.dumps(q))
    assert back == q and type(back) is Pair and back.note == "n"


def test_ast_nodes_are_records():
    call = ast.Call(func=ast.Name(name="f", line=1, col=1), args=(), line=1, col=1)
    assert "func" in fields(call) and call.__match_args__ == ()
    assert call == ast.Call(func=ast.Name(name="f", line=1, col=1), args=(), line=1, col=1)
    module = ast.Module(body=(), source="puts(1)", line=1, col=1)
    assert module == ast.Module(body=(), source="other", line=1, col=1)
    assert "source" not in repr(module)
