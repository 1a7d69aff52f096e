"""Magic values (spec 1.5): ``__file__``, ``__line__``, ``__function__``."""

from __future__ import annotations

import os

from tests.compiler.support import quest, run


def test_file_is_absolute_for_a_relative_path(tmp_path):
    (tmp_path / "prog.q").write_text("puts(__file__)\n")
    result = quest("prog.q", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == str(tmp_path / "prog.q") + "\n"


def test_file_is_unknown_for_stdin_and_dash_e():
    assert quest(stdin="puts(__file__)\n").stdout == "<unknown>\n"
    assert quest("-e", "puts(__file__)").stdout == "<unknown>\n"


def test_line_is_the_line_of_the_token():
    assert run("\n\nputs(__line__)\nputs(\n  __line__)\n") == "3\n5\n"


def test_function_names_the_enclosing_function():
    source = (
        "fun outer()\n  let inner = fun () __function__ end\n"
        "  for i in 0 to 0\n    puts(__function__)\n  end\n  inner()\nend\n"
        "puts(outer())\nputs(__function__)\n"
    )
    assert run(source) == "outer\n<anonymous>\n<module>\n"


def test_magic_values_in_an_imported_module_are_its_own(tmp_path):
    (tmp_path / "lib.q").write_text('pub fun where() __file__ .. ":" .. __line__ end\n')
    (tmp_path / "main.q").write_text('use "./lib"\nputs(lib.where())\n')
    result = quest(os.fspath(tmp_path / "main.q"))
    assert result.stdout == f"{tmp_path / 'lib.q'}:1\n", result.stderr
