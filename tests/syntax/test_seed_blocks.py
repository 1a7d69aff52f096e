"""Every ```quest block of the QEP-054 seed parses, templates included (block 07 excepted)."""

from __future__ import annotations

import pytest

from quest_rt.syntax import ast
from quest_rt.syntax.errors import QuestSyntaxError
from quest_rt.syntax.parser import parse
from quest_rt.syntax.templates import parse_template
from tests.conformance.seed_blocks import NOT_CODE, extract_blocks, seed_blocks

from .support import walk

BLOCKS = seed_blocks()


def test_the_line_rule_finds_33_blocks():
    assert len(BLOCKS) == 33
    assert [b.number for b in BLOCKS] == list(range(1, 34))
    assert BLOCKS[5].line == 128 and BLOCKS[5].source.startswith('use "std/web" as web\n')


def test_extraction_ignores_other_fences():
    text = "```markdown\n```quest\nx = 1\n```\n```\n```quest\ny\n```\n"
    assert [(b.number, b.line, b.source) for b in extract_blocks(text)] == [
        (1, 3, "x = 1\n"),
        (2, 7, "y\n"),
    ]


def template_literals(module: ast.Module) -> list[ast.Str]:
    """First arguments of ``lv.template(...)`` calls that are triple-quoted literals."""
    found = []
    for node in walk(module.body):
        if isinstance(node, ast.MethodCall) and node.name == "template" and node.args:
            literal = node.args[0].value
            if isinstance(literal, ast.Str) and literal.triple:
                found.append(literal)
    return found


CODE_BLOCKS = [b for b in BLOCKS if b.number not in NOT_CODE]


@pytest.mark.parametrize("block", CODE_BLOCKS, ids=[b.id for b in CODE_BLOCKS])
def test_block_parses_with_its_templates(block):
    path = f"{block.id}.q"
    module = parse(block.source, path)
    for literal in template_literals(module):
        template = parse_template(
            literal.value, path, literal.line, literal.col + 3, file_text=block.source
        )
        assert template.body


def test_templates_are_found_where_the_spec_says():
    counts = {b.number: len(template_literals(parse(b.source, b.id))) for b in CODE_BLOCKS}
    assert {n: c for n, c in counts.items() if c} == {
        12: 1, 13: 1, 14: 1, 15: 1, 16: 2, 17: 1, 18: 1, 19: 1,
    }  # fmt: skip


def test_block_07_is_a_signature_listing_not_code():
    (block,) = [b for b in BLOCKS if b.number == 7]
    with pytest.raises(QuestSyntaxError) as info:
        parse(block.source, "block07.q")
    assert info.value.line == 6 and "unexpected `=`" in info.value.message


def test_seed_specific_constructs():
    by_number = {b.number: parse(b.source, b.id) for b in CODE_BLOCKS}
    interp = [n for n in walk(by_number[26].body) if isinstance(n, ast.Interp)]
    assert len(interp) == 1 and isinstance(interp[0].parts[1], ast.Member)
    predicates = {n.name for n in walk(by_number[21].body) if isinstance(n, ast.Name)}
    assert "can_access?" in predicates
    bare = [n for n in walk(by_number[20].body) if isinstance(n, ast.Return)]
    assert [r.value for r in bare] == [None]
