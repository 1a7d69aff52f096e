"""Where quest-rt's data files are: the grammar, the Quest-source standard library and the
browser assets (the vendored LiveView clients).

In a source checkout they sit at the repository root (``grammar/quest.lark``, ``stdlib/``);
an installed wheel carries them inside the package as ``quest_rt/_data/grammar``,
``quest_rt/_data/stdlib`` and ``quest_rt/_data/assets`` (pyproject's force-include). The package-relative copy is checked
first, so an installed quest-rt never picks up files from whatever directory it runs in.

``locate`` works on strings: the code cache stamps the grammar file at every start-up,
which should not cost ``pathlib``'s import.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

_PACKAGE_DIR = os.path.dirname(os.path.realpath(__file__))


def locate(relative: str) -> str:
    """The path of a data file or directory (``relative`` uses ``/``)."""
    candidates = (
        os.path.join(_PACKAGE_DIR, "_data", relative),
        os.path.join(os.path.dirname(_PACKAGE_DIR), relative),
    )
    for candidate in candidates:
        if os.path.exists(candidate):
            return candidate
    searched = ", ".join(candidates)
    raise FileNotFoundError(f"quest-rt data file {relative!r} not found (searched {searched})")


def _locate(relative: str) -> Path:
    from pathlib import Path

    return Path(locate(relative))


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
