"""Every generated Python node carries the position of the Quest code it came from.

Tracebacks and coverage of ``.q`` files read these positions, so a node left at a default
position would point at the wrong line. Each corpus file is compiled with a blank line
prepended: no Quest node is then on line 1, and any Python node at line 1 (or with no line at
all) was not given a Quest position.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from quest_rt.runtime.loader import python_ast

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted([*ROOT.glob("tests/lang/**/*.q"), *ROOT.glob("tests/conformance/qep054/*.q")])


def unpositioned(tree: ast.AST) -> list[str]:
    bad = []
    for node in ast.walk(tree):
        if "lineno" not in node._attributes:
            continue  # operators, contexts, the module itself
        line = getattr(node, "lineno", None)
        if line is None or line < 2:
            try:
                text = ast.unparse(node)[:60]
            except Exception:  # noqa: BLE001 - unparse needs complete nodes; this is a report
                text = ""
            bad.append(f"{type(node).__name__} at line {line}: {text}")
    return bad


def test_the_corpus_is_broad():
    assert len([p for p in CORPUS if "qep054" in p.parts]) == 32
    assert len([p for p in CORPUS if "lang" in p.parts]) >= 15


@pytest.mark.parametrize(
    "path",
    CORPUS,
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_every_node_has_a_quest_position(path: Path):
    source = "\n" + path.read_text(encoding="utf-8")
    tree = python_ast(source, str(path))
    assert unpositioned(tree) == []


def test_the_check_finds_a_node_without_a_position():
    tree = python_ast("\nputs(1)\n", "t.q")
    tree.body.append(ast.Expr(ast.Constant(1)))  # what an emitter bug would leave behind
    assert unpositioned(tree) != []
