"""Which files ``quest test`` runs (spec 10.4).

A test file's base name starts with ``test_`` or ends with ``_test.q``; names starting
with ``.`` are skipped (directories too). Ours: the file must also be a ``.q`` file, so a
``test_data.json`` fixture next to the tests is never taken for a suite. These rules
choose files inside the directories searched; a file named explicitly is run whatever its
name (``quest test examples/smoke.q``).
"""

from __future__ import annotations

import os

#: directories left out when the scan starts at the working directory itself
EXCLUDED_AT_ROOT = frozenset({"docs", "examples", "scripts"})


def is_test_file(name: str) -> bool:
    """Whether a base name is a test file's."""
    if name.startswith(".") or not name.endswith(".q"):
        return False
    return name.startswith("test_") or name.endswith("_test.q")


def default_paths() -> list[str]:
    """``test/`` if that directory exists, else ``./``."""
    return ["test"] if os.path.isdir("test") else ["."]


def _scan(root: str) -> list[str]:
    at_cwd = os.path.abspath(root) == os.path.abspath(os.curdir)
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        top = os.path.normpath(dirpath) == os.path.normpath(root)
        dirnames[:] = [d for d in dirnames
                       if not d.startswith(".") and not (at_cwd and top and d in EXCLUDED_AT_ROOT)]
        found.extend(os.path.normpath(os.path.join(dirpath, f))
                     for f in filenames if is_test_file(f))
    return found


def find_tests(paths: list[str]) -> list[str]:
    """The test files under ``paths`` (files or directories), sorted, without repeats.

    Raises:
        FileNotFoundError: a path does not exist.
    """
    found: set[str] = set()
    for path in paths:
        if os.path.isdir(path):
            found.update(_scan(path))
        elif os.path.isfile(path):
            found.add(os.path.normpath(path))
        else:
            raise FileNotFoundError(path)
    return sorted(found)
