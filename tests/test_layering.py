"""The layers only look down (DESIGN.md): web engine → nothing of Quest; runtime → no
web engine. Each check imports a layer in a fresh interpreter and lists what came in."""

from __future__ import annotations

import subprocess
import sys


def modules_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    return {m for m in out.split() if m.startswith("quest_rt")}


def test_the_web_engine_imports_no_compiler_runtime_or_std():
    loaded = modules_after("import quest_rt.web.server, quest_rt.web.ws.testing")
    assert loaded, "nothing of the engine was imported"
    forbidden = {m for m in loaded
                 if m.split(".")[1:2] in (["compiler"], ["syntax"], ["runtime"], ["std"])}
    assert not forbidden


def test_the_runtime_does_not_import_the_web_engine():
    loaded = modules_after("import quest_rt.runtime.loader, quest_rt.runtime.traceback")
    assert "quest_rt.runtime.loader" in loaded
    assert not {m for m in loaded if m.startswith("quest_rt.web")}


def test_running_cached_code_needs_neither_parser_nor_compiler(tmp_path):
    env_cache = tmp_path / "cache"
    program = tmp_path / "p.q"
    program.write_text('puts("hi")\n')
    runner = (
        "import os, sys\n"
        f"os.environ['QUEST_CACHE_DIR'] = {str(env_cache)!r}\n"
        "from quest_rt.runtime import loader\n"
        f"src = open({str(program)!r}).read()\n"
        f"c = loader.compile_source(src, {str(program)!r})\n"
        f"loader.run_code(c.code, loader.new_namespace({str(program)!r}))\n"
        "print('\\n'.join(m for m in sys.modules if m.startswith('quest_rt')))\n"
    )
    subprocess.run([sys.executable, "-c", runner], check=True, capture_output=True)
    second = subprocess.run([sys.executable, "-c", runner], check=True, capture_output=True,
                            text=True).stdout.split()
    assert second[0] == "hi"
    assert not [m for m in second if m.startswith(("quest_rt.syntax", "quest_rt.compiler"))]

