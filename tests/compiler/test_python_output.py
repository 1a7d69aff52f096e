"""``quest compile --python`` for a few key constructs (our hy2py).

Only the stable structure is pinned: which functions exist and how they are called. Compiler
temporaries are numbered in emission order (``·loop1``, ``<anonymous>·2``, ``·r3``); the
numbers are replaced by ``N`` before comparing, and lines are matched in order with anything
in between allowed, so a new temporary or a changed fast path does not break these tests.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.compiler.support import quest


def python_of(tmp_path: Path, source: str) -> list[str]:
    path = tmp_path / "prog.q"
    path.write_text(source, encoding="utf-8")
    result = quest("compile", "--python", str(path))
    assert result.returncode == 0, result.stderr
    # ·loop1 -> ·loopN, <anonymous>·2 -> <anonymous>·N, ·a1 -> ·aN
    text = re.sub(r"(·[A-Za-z_]*)\d+", r"\1N", result.stdout)
    return text.splitlines()


def assert_in_order(lines: list[str], expected: list[str]) -> None:
    """Each expected line appears exactly, in this order; other lines may come between."""
    position = 0
    for want in expected:
        for i in range(position, len(lines)):
            if lines[i] == want:
                position = i + 1
                break
        else:
            raise AssertionError(
                f"{want!r} not found after line {position} in:\n" + "\n".join(lines)
            )


def test_a_closure_in_a_loop_gets_a_per_iteration_body_function(tmp_path):
    lines = python_of(tmp_path, "let fs = []\nfor i in 0 to 2\n  fs.push(fun () i end)\nend\n")
    assert_in_order(
        lines,
        [
            "fs = []",
            "def ·loopN(i):",
            "    def <anonymous>·N():",
            "        return i",
            "for i in ·range_of(0, 2, True):",
            "    ·rN = ·loopN(i)",
        ],
    )


def test_a_loop_without_closures_stays_inline(tmp_path):
    lines = python_of(tmp_path, "let t = 0\nfor i in 0 to 2\n  t += i\nend\n")
    assert not any(line.startswith("def ·loop") for line in lines), "\n".join(lines)
    assert_in_order(lines, ["for i in ·range_of(0, 2, True):"])


def test_a_type_declaration_becomes_methods_and_a_make_type_call(tmp_path):
    lines = python_of(
        tmp_path,
        (
            "type Point\n"
            "  pub x: Int\n"
            "  y = 0\n"
            "  fun norm() self.x + self.y end\n"
            "  fun self.origin() Point.new(0) end\n"
            "end\n"
        ),
    )
    assert_in_order(
        lines,
        [
            "def Point.norm(self):",
            "def Point.origin():",
        ],
    )
    make = [line for line in lines if line.startswith("Point = ·make_type(")]
    assert len(make) == 1, "\n".join(lines)
    assert make[0].startswith(
        "Point = ·make_type('Point', None, [('x', True, 'Int', False, "
        "·MISSING), ('y', False, None, False, 0)]"
    )
    assert "{'norm': Point.norm}, {'origin': Point.origin}" in make[0]


def test_a_template_literal_becomes_a_render_function(tmp_path):
    lines = python_of(
        tmp_path,
        (
            'use "std/web/liveview" as lv\n'
            "fun render(assigns)\n"
            '  lv.template("""<p><%= count %></p>""", assigns)\n'
            "end\n"
        ),
    )
    assert_in_order(
        lines,
        [
            "lv = ·import_module('std/web/liveview', ·FILE, 'lv')",
            "def render(assigns):",
            "    def ·tplN(·aN):",
        ],
    )
    rendered = [line for line in lines if "return ·Rendered(" in line]
    assert len(rendered) == 1 and "('<p>', '</p>')" in rendered[0], "\n".join(lines)
    call = [line for line in lines if "return lv.template(" in line]
    assert call == ["    return lv.template(·CompiledTemplate(·tplN, ('count',)), assigns)"]
