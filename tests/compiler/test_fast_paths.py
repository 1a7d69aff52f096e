"""The shape of the speed-critical code the compiler emits (bench/README.md says what
each one buys). Semantics are pinned by tests/lang/test_fast_paths.q; these tests pin that
the fast forms are still chosen, so that a change elsewhere cannot silently undo them."""

from __future__ import annotations

from tests.compiler.test_python_output import assert_in_order, python_of


def test_a_while_loop_has_an_unconditional_back_edge(tmp_path):
    lines = python_of(
        tmp_path, "fun f(n)\n  let i = 0\n  while i < n\n    i += 2\n  end\n  i\nend\n"
    )
    assert_in_order(
        lines,
        [
            "    if ·int_N:",
            "        while True:",
            "            if not i < n:",
            "                break",
            "    else:",
            "        while True:",
            "            if not (i < n if ·int_N else ·lt(i, n)):",
            "                break",
        ],
    )
    assert not any(line.lstrip().startswith("while i") for line in lines)


def test_a_counter_bounded_by_an_int_has_no_overflow_check(tmp_path):
    source = (
        "fun f(n)\n  let k = 0\n  while k < n\n    k += 1\n  end\n  k\nend\n"
        "fun g()\n  let k = 0\n  while k < 10\n    k += 1\n  end\n  k\nend\n"
    )
    assert_in_order(
        python_of(tmp_path, source),
        [
            "def f(n):",
            "    if ·int_N:",
            "            k·N = k·N + 1",
            "    else:",
            "            k·N = k·N + 1 if ·int_N else ·tN if (·tN := (k·N + 1)) <= 1073741823 "
            "or ·tN <= 9223372036854775807 else ·int_overflow('addition')",
            "def g():",
            "        k·N = k·N + 1",
        ],
    )


def test_a_counter_stored_twice_keeps_its_check(tmp_path):
    source = "fun f()\n  let k = 0\n  while k < 10\n    k += 1\n    k += 1\n  end\n  k\nend\n"
    lines = python_of(tmp_path, source)
    assert not any(line.strip() == "k = k + 1" for line in lines)
    assert_in_order(
        lines,
        [
            "        k = ·tN if (·tN := (k + 1)) <= 1073741823 or ·tN <= 9223372036854775807 "
            "else ·int_overflow('addition')"
        ],
    )


def test_a_type_test_on_a_stable_let_runs_once_after_the_let(tmp_path):
    source = (
        "fun f(rows, n)\n  let row = rows[0]\n  let s = 0\n  for j in 0 until n\n"
        "    s = row[j]\n  end\n  s\nend\n"
    )
    assert_in_order(
        python_of(tmp_path, source),
        [
            "    row = rows[0] if ·type(rows) is ·list else ·index(rows, 0)",
            "        ·indexable_N = ·type(row) in ·INDEXABLE",
            "    if ·indexable_N:",
            "            s = row[j]",
            "    else:",
            "            s = row[j] if ·indexable_N else ·index(row, j)",
        ],
    )


def test_a_str_or_an_array_tested_once_is_indexed_by_cpython(tmp_path):
    source = "fun f(code, n)\n  let pc = 0\n  while pc < n\n    puts(code[pc])\n    pc += 1\n  end\nend\n"
    assert_in_order(
        python_of(tmp_path, source),
        [
            "    ·indexable_N = ·type(code) in ·INDEXABLE",
            "    else:",
            "            puts(code[pc] if ·indexable_N else ·index(code, pc))",
        ],
    )
    # where the receiver's type would be tested at each read, only an Array is
    lines = python_of(tmp_path, "fun g(rows, i)\n  rows[i][0]\nend\n")
    assert not any("INDEXABLE" in line for line in lines)


def test_a_str_key_on_an_unknown_receiver_tests_for_a_dict(tmp_path):
    lines = python_of(tmp_path, 'fun f(d)\n  d["key"]\nend\n')
    assert_in_order(lines, ["    return d.get('key') if ·type(d) is ·dict else ·index(d, 'key')"])


def test_arithmetic_with_a_float_tests_for_a_float_result_only(tmp_path):
    source = "fun f(x, y)\n  let z = x * 1.5\n  z + y\nend\n"
    assert_in_order(
        python_of(tmp_path, source),
        [
            "    return ·tN if ·type((·tN := (z + y))) is ·float else ·add(z, y)",
        ],
    )


def test_an_innermost_loop_runs_without_the_flags_it_reads(tmp_path):
    source = (
        "fun dot(a, b, n)\n  let s = 0\n  let k = 0\n  while k < n\n"
        "    s = s + a[k] * b[k]\n    k += 1\n  end\n  s\nend\n"
    )
    lines = python_of(tmp_path, source)
    assert_in_order(
        lines,
        [
            "    if ·indexable_N and ·indexable_N and ·int_N:",
            "        while True:",
            "            if not k < n:",
            "    else:",
            "        while True:",
            "            if not (k < n if ·int_N else ·lt(k, n)):",
        ],
    )
    fast = lines[lines.index("    if ·indexable_N and ·indexable_N and ·int_N:") + 1 :]
    fast = fast[: fast.index("    else:")]
    assert not any("·indexable_N" in line or "·int_N" in line for line in fast)
    assert any("a[k]" in line and "b[k]" in line for line in fast)


def test_only_innermost_loops_are_copied_and_never_on_a_flag_set_inside(tmp_path):
    source = (
        "fun f(rows, n)\n  let i = 0\n  while i < n\n    let row = rows[i]\n"
        "    let j = 0\n    while j < n\n      puts(row[j])\n      j += 1\n    end\n"
        "    i += 1\n  end\nend\n"
    )
    lines = python_of(tmp_path, source)
    # the outer loop appears once; the inner one twice, under the flags it reads
    assert sum(line.strip() == "while True:" for line in lines) == 3
    assert_in_order(
        lines,
        [
            "            ·indexable_N = ·type(row) in ·INDEXABLE",
            "        if ·indexable_N and ·int_N:",
        ],
    )
