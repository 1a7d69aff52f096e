"""Where quest-rt's data files are: the grammar, the Quest-source standard library and the
browser assets (the vendored LiveView clients).

In a source checkout they sit at the repository root (``grammar/quest.lark``, ``stdlib/``);
an installed wheel carries them inside the package as ``quest_rt/_data/grammar``,
``quest_rt/_data/stdlib`` and ``quest_rt/_data/assets`` (pyproject's force-include). The package-relative copy is checked
first, so an installed quest-rt never picks up files from whatever directory it runs in.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _locate(relative: str) -> Path:
    candidates = (_PACKAGE_DIR / "_data" / relative, _PACKAGE_DIR.parent / relative)
    for candidate in candidates:
        if candidate.exists():
            return candidate
    searched = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"quest-rt data file {relative!r} not found (searched {searched})")


def grammar_path() -> Path:
    """The Quest grammar, ``quest.lark``."""
    return _locate("grammar/quest.lark")


def stdlib_dir() -> Path:
    """The directory of standard modules written in Quest (``std/...`` source files)."""
    return _locate("stdlib")


def assets_dir() -> Path:
    """The browser side: ``liveview/`` holds the vendored ``phoenix`` and
    ``phoenix_live_view`` bundles (``scripts/vendor_assets.py``)."""
    return _locate("assets")
