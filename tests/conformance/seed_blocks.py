"""The ```` ```quest ```` blocks of the QEP-054 seed, extracted by the line rule.

seed-extensions.md explains the rule: a line that is exactly ```` ```quest ```` opens a block
and the next line that is exactly ```` ``` ```` closes it. A CommonMark parser would misread
the seed (a ```` ```markdown ```` fence nests three quest fences and leaves a stray closing
fence), so this rule is the one every conformance test uses; it yields the 33 blocks the spec
numbers 01-33.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

#: Block 07 is the "WebSocket Object API" listing of signatures: documentation, not code.
NOT_CODE = frozenset({7})


@dataclass(frozen=True)
class SeedBlock:
    number: int  # 1-based, as seed-extensions.md numbers them
    line: int  # seed line of the block's first code line
    source: str  # the code, ending with a newline

    @property
    def id(self) -> str:
        return f"block{self.number:02d}"


def seed_path() -> Path:
    """The seed document: ``$QUEST_SEED`` if set, else ``shared/seed/`` beside the checkout."""
    override = os.environ.get("QUEST_SEED")
    if override:
        return Path(override)
    repo = Path(__file__).resolve().parents[2]
    return repo.parent / "shared" / "seed" / "QEP-054-realtime-web-framework.md"


def extract_blocks(text: str) -> list[SeedBlock]:
    blocks: list[SeedBlock] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if lines[i] == "```quest":
            start = i + 1
            end = start
            while end < len(lines) and lines[end] != "```":
                end += 1
            code = "".join(line + "\n" for line in lines[start:end])
            blocks.append(SeedBlock(len(blocks) + 1, start + 1, code))
            i = end + 1
        else:
            i += 1
    return blocks


def seed_blocks() -> list[SeedBlock]:
    """The blocks from the seed beside the checkout, or, where it is absent (a CI clone),
    from the committed copies in ``qep054/`` (each keeps its block number and seed line
    in its first comment line; ``test_qep054.py`` checks the copies match the seed)."""
    path = seed_path()
    if path.exists():
        return extract_blocks(path.read_text(encoding="utf-8"))
    blocks = []
    for copy in sorted((Path(__file__).resolve().parent / "qep054").glob("*.q*")):
        header, _, source = copy.read_text(encoding="utf-8").partition("\n")
        m = re.match(r"# QEP-054 block (\d+), seed line (\d+):", header)
        if m:
            blocks.append(SeedBlock(int(m.group(1)), int(m.group(2)), source))
    return sorted(blocks, key=lambda b: b.number)
