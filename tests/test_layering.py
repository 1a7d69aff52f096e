"""What may import what (docs/internals.md), checked over every import of every module.

The rule, in one line: a module imports only layers below its own —
common → syntax → runtime → compiler → std/testing → commands — and the web engine
(web.http → web.ws → the server modules → web.pubsub → web.channels → web.liveview)
sees nothing of Quest but ``quest_rt.common``; only std and the commands import it.

The check reads source, not ``sys.modules``: an import inside a function counts as
much as one at the top (the upward references used to hide there). Imports under
``if TYPE_CHECKING:`` are not counted — they exist for the type checker only. The few
deliberate exceptions are listed in ``ALLOWED`` with their reason; anything else that
looks up fails with the file and line.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "quest_rt"

#: Layer of each top-level area, and the areas each may import (its own always allowed).
LAYERS: dict[str, set[str]] = {
    "common": set(),
    "resources": set(),
    "syntax": {"common", "resources"},
    "runtime": {"common", "resources"},
    "compiler": {"common", "resources", "syntax", "runtime"},
    # The engine: Quest-free. Its internal order is checked by WEB_LAYERS.
    "web": {"common"},
    # std and testing bind Quest to the engine and to the test framework; they use
    # each other (std/test drives a testing session, which reads std.program).
    "std": {"common", "resources", "syntax", "runtime", "compiler", "web", "testing"},
    "testing": {"common", "resources", "syntax", "runtime", "compiler", "std"},
    # Commands sit on top and may use anything.
    "cli": {"*"},
    "repl": {"*"},
    "serving": {"*"},
    "testrunner": {"*"},
    "__main__": {"*"},
}

#: Inside the engine: the layers a web area may import (its own always allowed).
#: "core" is the server that composes HTTP and WebSockets (app, asgi, listener,
#: server); settings, bridge and portal are leaves everything may use.
_LEAVES = {"settings", "bridge", "portal"}
WEB_LAYERS: dict[str, set[str]] = {
    "settings": set(),
    "bridge": set(),
    "portal": set(),
    "http": _LEAVES,
    "ws": {"http"} | _LEAVES,
    "core": {"http", "ws"} | _LEAVES,
    "pubsub": {"http", "ws", "core"} | _LEAVES,
    "channels": {"http", "ws", "core", "pubsub"} | _LEAVES,
    "liveview": {"http", "ws", "core", "pubsub", "channels"} | _LEAVES,
}

#: (importing module, imported module prefix): why the edge goes up.
ALLOWED: dict[tuple[str, str], str] = {
    ("quest_rt.runtime.loader", "quest_rt.compiler"): (
        "the module loader compiles a .q file on its first `use`; imported inside the "
        "function that compiles, so cached code runs without the compiler (tested below)"
    ),
    ("quest_rt.runtime.loader", "quest_rt.syntax"): "the same: parsing on first `use`",
    ("quest_rt.runtime.loader", "quest_rt.std"): (
        '`use "std/x"` resolves native modules through quest_rt.std.NATIVE'
    ),
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[tuple[str, int]]:
    """Every ``quest_rt`` import in a file (absolute name, line), TYPE_CHECKING excluded."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    tree = ast.parse(path.read_text(), str(path))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(n) for n in ast.walk(node))
    found: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found += [(a.name, node.lineno) for a in node.names if a.name.startswith("quest_rt")]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
                if not node.module:  # `from . import x`: each name is a module or a member
                    found += [(f"{target}.{a.name}", node.lineno) for a in node.names]
                    continue
            else:
                target = node.module or ""
            if target.startswith("quest_rt"):
                found.append((target, node.lineno))
    return found


def _area(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _web_area(module: str) -> str:
    parts = module.split(".")
    if len(parts) > 2 and parts[2] in WEB_LAYERS:
        return parts[2]
    return "core"


def _violation(source: str, target: str) -> str | None:
    for (allowed_source, allowed_prefix), _reason in ALLOWED.items():
        if source == allowed_source and (
            target == allowed_prefix or target.startswith(allowed_prefix + ".")
        ):
            return None
    src, dst = _area(source), _area(target)
    if dst == "" or src == dst:
        if src == dst == "web":
            a, b = _web_area(source), _web_area(target)
            if a != b and b not in WEB_LAYERS[a]:
                return f"web.{a} may not import web.{b}"
        return None
    allowed = LAYERS.get(src)
    if allowed is None:
        return f"{src} has no layer in LAYERS (add it)"
    if "*" in allowed or dst in allowed:
        return None
    return f"{src} may not import {dst}"


def test_every_import_of_every_module_looks_down():
    problems = []
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 50
    for path in files:
        source = _module_name(path)
        for target, line in _imports(path):
            why = _violation(source, target)
            if why is not None:
                problems.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {target} — {why}")
    assert problems == []


def test_every_allowed_exception_is_still_used():
    used = set()
    for path in PACKAGE.rglob("*.py"):
        source = _module_name(path)
        for target, _line in _imports(path):
            for key in ALLOWED:
                if source == key[0] and (target == key[1] or target.startswith(key[1] + ".")):
                    used.add(key)
    assert set(ALLOWED) == used, "remove exceptions the code no longer needs"


@pytest.mark.parametrize(
    ("source", "target", "ok"),
    [
        ("quest_rt.web.ws.connection", "quest_rt.runtime.values", False),
        ("quest_rt.web.http.pipeline", "quest_rt.web.ws.connection", False),
        ("quest_rt.web.ws.direct", "quest_rt.web.http.request", True),
        ("quest_rt.web.channels.socket", "quest_rt.web.liveview.diff", False),
        ("quest_rt.runtime.values", "quest_rt.std.web", False),
        ("quest_rt.std.web", "quest_rt.cli", False),
        ("quest_rt.runtime.loader", "quest_rt.compiler.emitter", True),
        ("quest_rt.common.rendered", "quest_rt.runtime.values", False),
    ],
)
def test_the_checker_itself(source, target, ok):
    assert (_violation(source, target) is None) == ok


def modules_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return {m for m in out.split() if m.startswith("quest_rt")}


def test_the_web_engine_loads_nothing_of_quest():
    loaded = modules_after("import quest_rt.web.server, quest_rt.web.ws.testing")
    assert "quest_rt.web.ws.connection" in loaded
    assert {m.split(".")[1] for m in loaded if m != "quest_rt"} <= {"web", "common"}


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
    second = subprocess.run(
        [sys.executable, "-c", runner], check=True, capture_output=True, text=True
    ).stdout.split()
    assert second[0] == "hi"
    assert not [m for m in second if m.startswith(("quest_rt.syntax", "quest_rt.compiler"))]
