"""Compile Quest templates for the diff engine tests: real ``.q`` source, real compiler."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from quest_rt.runtime.loader import compile_source, new_namespace, run_code


def load_quest(source: str, path: Path) -> dict[str, Any]:
    """Compile and run ``source`` as the file ``path``; return its top-level names."""
    path.write_text(source, encoding="utf-8")
    compiled = compile_source(source, str(path))
    namespace = new_namespace(str(path))
    run_code(compiled.code, namespace)
    return namespace


def template_module(body: str, path: Path, helpers: str = "") -> Any:
    """The ``render(assigns)`` of a module whose template is ``body``."""
    source = (
        'use "std/web/liveview" as lv\n'
        f"{helpers}"
        "fun render(assigns)\n"
        f'  lv.template("""{body}""", assigns)\n'
        "end\n"
    )
    return load_quest(source, path)["render"]
