"""``del name`` (spec 2.13): removes a variable from the current frame.

These run whole programs in process. Deleting a variable of the current frame does not
compile yet (an internal compiler error: tests/lang/BUGS.md), so those programs cannot live in
a ``.q`` suite, where one of them would stop the whole file from loading; they are here, marked
as expected failures until the bug is fixed. The cases that compile today are in
``tests/lang/test_scoping.q`` too.
"""

from __future__ import annotations

from tests.compiler.support import can_compile, run


def test_del_removes_a_top_level_variable():
    out = run('let x = 1\ndel x\ntry\n  puts(x)\ncatch e: NameErr\n  puts("gone")\nend\n')
    assert out == "gone\n"


def test_a_deleted_name_can_be_declared_again():
    assert run("let dv = 1\ndel dv\nlet dv = 2\nputs(dv)\n") == "2\n"


def test_del_in_a_function_frame():
    out = run('fun f()\n  let a = 1\n  del a\n  let a = "again"\n  a\nend\nputs(f())\n')
    assert out == "again\n"


def test_del_in_a_block_frame():
    out = run(
        "if true\n"
        "  let b = 1\n"
        "  del b\n"
        '  try\n    puts(b)\n  catch e: NameErr\n    puts("gone")\n  end\n'
        "end\n"
    )
    assert out == "gone\n"


def test_del_of_an_outer_variable_is_a_runtime_error():
    out = run(
        "let x = 1\n"
        "fun f() del x end\n"
        'try\n  f()\ncatch e: RuntimeErr\n  puts("outer")\nend\n'
        "puts(x)\n"
    )
    assert out == "outer\n1\n"


def test_del_of_an_unknown_name_is_a_name_error():
    out = run(
        'fun f() del nothing_here end\ntry\n  f()\ncatch e: NameErr\n  puts("unknown")\nend\n'
    )
    assert out == "unknown\n"


def test_del_of_a_module_binding_is_a_runtime_error():
    out = run(
        'use "std/math"\n'
        'try\n  del math\ncatch e: RuntimeErr\n  puts("module")\nend\n'
        "puts(math.pi > 3)\n"
    )
    assert out == "module\ntrue\n"


def test_del_compiles_where_the_name_is_outer():
    can_compile("let x = 1\nfun f() del x end\n")
