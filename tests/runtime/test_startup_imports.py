"""What a Quest program's start-up imports (bench/README.md, "The interpreter").

A script whose compiled code is cached runs without the parser and the compiler, and a
script that uses only the core language loads none of the web stack nor the standard
library modules that cost start-up time and that only some programs need: they load
where they are used. Each case runs in a fresh process (``sys.modules`` of this one
holds everything the other tests loaded).
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys

import pytest

#: Never loaded by a cached core program: (module, why it is costly or out of place).
NOT_AT_START_UP = [
    "lark",
    "trio",
    "hypercorn",
    "wsproto",
    "quest_rt.syntax",
    "quest_rt.compiler",
    "quest_rt.web",
    "ast",
    "dataclasses",
    "inspect",
    "typing",
    "pathlib",
    "hashlib",
    "uuid",
    "dis",
    "copy",
    "base64",
    "linecache",
]

CORE_PROGRAM = """\
type Point
  pub x: Int
  pub y: Int = 0
  fun norm1()
    self.x.abs() + self.y.abs()
  end
end

fun collatz(n)
  let steps = 0
  while n != 1
    if n % 2 == 0
      n = n / 2
    else
      n = 3 * n + 1
    end
    steps += 1
  end
  steps
end

let counts = {}
for w in "a b a c b a".split(" ")
  counts[w] = counts.get(w, 0) + 1
end
let p = Point.new(x: -3, y: 4)
let caught = "none"
try
  raise ValueErr.new("bad")
catch e: ValueErr
  caught = e.message()
end
puts(collatz(27), " ", counts["a"], " ", p.norm1(), " ", [3, 1, 2].sorted(), " ", caught)
"""

RUN_AND_LIST_MODULES = """\
import json, sys
from quest_rt.cli import main
status = main(sys.argv[1:])
sys.stdout.flush()
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
sys.exit(status)
"""


def _run(args: list[str], cache_dir) -> tuple[str, set[str]]:
    env = dict(os.environ, QUEST_CACHE_DIR=str(cache_dir))
    env.pop("QUEST_DEBUG", None)
    out = subprocess.run(
        [sys.executable, "-c", RUN_AND_LIST_MODULES, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    *_, modules = out.stderr.strip().splitlines()
    return out.stdout, set(json.loads(modules))


def _loaded(modules: set[str], name: str) -> bool:
    return any(m == name or m.startswith(name + ".") for m in modules - _interpreter_modules())


@functools.cache
def _interpreter_modules() -> frozenset[str]:
    """What the interpreter loads before any code of ours (3.13's own start-up loads
    ``linecache``, for one): only what Quest's start-up adds counts."""
    out = subprocess.run(
        [sys.executable, "-c", "import sys; print(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return frozenset(out.stdout.split())


def test_a_cached_core_program_loads_no_parser_and_nothing_costly(tmp_path):
    script = tmp_path / "core.q"
    script.write_text(CORE_PROGRAM)
    first, first_modules = _run([str(script)], tmp_path / "cache")
    second, modules = _run([str(script)], tmp_path / "cache")
    assert first == second == "111 3 7 [1, 2, 3] bad\n"
    assert _loaded(first_modules, "quest_rt.syntax")  # the first run compiled it
    assert [name for name in NOT_AT_START_UP if _loaded(modules, name)] == []


def test_a_snippet_compiled_afresh_loads_no_web_stack(tmp_path):
    out, modules = _run(["-e", "puts(6 * 7)"], tmp_path / "cache")
    assert out == "42\n"
    assert _loaded(modules, "quest_rt.compiler")
    costly = ["trio", "hypercorn", "wsproto", "quest_rt.web", "uuid"]
    assert [name for name in costly if _loaded(modules, name)] == []


@pytest.mark.parametrize("run", ["first", "cached"])
def test_uuid_values_answer_their_methods_when_the_code_was_cached(tmp_path, run):
    # the Uuid method table loads with std/uuid, not with the other tables: a cached
    # program never reads the tables through the compiler
    script = tmp_path / "ids.q"
    script.write_text('use "std/uuid"\nlet u = uuid.v4()\nputs(u.to_string().len(), u.version())\n')
    if run == "cached":
        _run([str(script)], tmp_path / "cache")
    out, modules = _run([str(script)], tmp_path / "cache")
    assert out == "364\n"
    assert "uuid" in modules


@pytest.mark.parametrize("run", ["first", "cached"])
def test_a_snippet_traceback_shows_its_source_line(tmp_path, run):
    # the source of `-e` reaches the traceback without linecache being loaded up front
    env = dict(os.environ, QUEST_CACHE_DIR=str(tmp_path / "cache"))
    env.pop("QUEST_DEBUG", None)
    snippet = "fun half(n)\n  n / 0\nend\nhalf(3)\n"
    cmd = [sys.executable, "-m", "quest_rt", "-e", snippet]
    if run == "cached":
        subprocess.run(cmd, capture_output=True, env=env, timeout=60)
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 1
    assert "<-e>:2 in half\n    n / 0\n" in out.stderr
    assert out.stderr.rstrip().endswith("Division by zero")
