"""Regenerate ``tests/conformance/qep054/*.q`` from the QEP-054 seed.

    .venv/bin/python tests/conformance/extract_qep054.py [--check]

One file per ```` ```quest ```` block (the line rule of ``seed_blocks.py``), named
``NN_<section>.q`` after the nearest heading above the block. Block 07, the "WebSocket
Object API" listing of signatures, is written as ``07_websocket_object_api.q.txt``: it is
documentation, not code, and is not compiled. ``--check`` exits non-zero when the files
on disk differ from the seed.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from seed_blocks import NOT_CODE, seed_blocks, seed_path  # noqa: E402

OUT = HERE / "qep054"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def section_names() -> dict[int, str]:
    lines = seed_path().read_text(encoding="utf-8").split("\n")
    names: dict[int, str] = {}
    for block in seed_blocks():
        heading = "block"
        for i in range(block.line - 2, -1, -1):
            m = re.match(r"^#{2,4} (.+)$", lines[i])
            if m:
                heading = m.group(1)
                break
        names[block.number] = slug(heading)
    return names


def expected_files() -> dict[str, str]:
    names = section_names()
    files: dict[str, str] = {}
    for block in seed_blocks():
        suffix = ".q.txt" if block.number in NOT_CODE else ".q"
        header = (
            f"# QEP-054 block {block.number:02d}, seed line {block.line}: "
            f"{names[block.number].replace('_', ' ')}\n"
        )
        files[f"{block.number:02d}_{names[block.number]}{suffix}"] = header + block.source
    return files


def main() -> int:
    files = expected_files()
    if "--check" in sys.argv:
        on_disk = {
            p.name: p.read_text()
            for p in OUT.iterdir()
            if p.is_file() and p.suffix in (".q", ".txt")
        }
        if on_disk != files:
            print("tests/conformance/qep054 differs from the seed; rerun this script")
            return 1
        return 0
    OUT.mkdir(exist_ok=True)
    for old in OUT.glob("*.q*"):
        old.unlink()
    for name, text in files.items():
        (OUT / name).write_text(text)
    print(f"wrote {len(files)} files to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
