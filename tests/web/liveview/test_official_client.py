"""The official client merges our diffs into the HTML of a fresh render.

The same check as ``test_diff_merge.py``, with the merge and render code of the
vendored ``phoenix_live_view`` 1.2.12 bundle itself (its ``Rendered`` class, run under
Node by ``official_rendered.js``) instead of the test-side reader: seeded random
sequences of assigns, every message of every sequence checked.
"""

from __future__ import annotations

import copy
import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from quest_rt.resources import assets_dir
from quest_rt.web.liveview.diff import ViewTree
from tests.web.liveview.support import template_module
from tests.web.liveview.test_diff_merge import FLAT, HELPERS, TEMPLATE, apply, initial

HERE = Path(__file__).resolve().parent
NODE = shutil.which("node")

pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")

WORDS = ["", "a", "<b>", "&", "'q'", '"', "✓ ok"]


def random_todo(rng: random.Random) -> dict:
    return {
        "id": rng.randrange(100),
        "title": rng.choice(WORDS),
        "done": rng.random() < 0.5,
        "tags": rng.sample(["x", "y", "<z>"], rng.randrange(3)),
    }


def random_step(rng: random.Random) -> tuple:
    kind = rng.choice(
        [
            "count",
            "flag",
            "title",
            "note",
            "todos",
            "meta",
            "mutate",
            "append",
            "insert",
            "pop",
            "again",
        ]
    )
    if kind == "count":
        return (kind, rng.randrange(-3, 13))
    if kind == "flag":
        return (kind, rng.random() < 0.5)
    if kind in ("title", "note"):
        return (kind, rng.choice(WORDS + ([None] if kind == "note" else [])))
    if kind == "todos":
        return (kind, [random_todo(rng) for _ in range(rng.randrange(8))])
    if kind == "meta":
        return (kind, {k: rng.choice(WORDS) for k in rng.sample("abc", rng.randrange(4))})
    if kind == "mutate":
        return (kind, rng.randrange(6), rng.choice(["title", "done", "tags"]))
    if kind == "append":
        return (kind, random_todo(rng))
    if kind == "insert":
        return (kind, rng.randrange(6), random_todo(rng))
    if kind == "pop":
        return (kind, rng.randrange(6))
    return (kind, rng.choice(["count", "todos", "meta", "note"]))


def sequence(render, rng: random.Random, steps: int) -> tuple[list[dict], list[str]]:
    """The messages a view sends over ``steps`` random changes, and the HTML after each."""
    a = initial()
    tree = ViewTree()
    messages = [tree.diff(render(a), None, a)]
    expected = [render(a).to_html()]
    for _ in range(steps):
        changed = apply(a, random_step(rng))
        messages.append(copy.deepcopy(tree.diff(render(a), changed, a)))
        expected.append(render(a).to_html())
    return messages, expected


@pytest.mark.parametrize("body", [TEMPLATE, FLAT], ids=["rich", "flat"])
def test_the_official_client_renders_our_diffs_as_fresh_renders(body, tmp_path):
    render = template_module(body, tmp_path / "view.q", HELPERS)
    rng = random.Random(20261204)
    runs = [sequence(render, rng, 40) for _ in range(25)]
    messages = tmp_path / "messages.json"
    messages.write_text(json.dumps([m for m, _ in runs]))
    result = subprocess.run(
        [
            NODE,
            str(HERE / "official_rendered.js"),
            str(assets_dir() / "liveview" / "phoenix_live_view.js"),
            str(messages),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    got = json.loads(result.stdout)
    for (sent, want), html in zip(runs, got, strict=True):
        for n, (w, h) in enumerate(zip(want, html, strict=True)):
            assert h == w, f"message {n}: {json.dumps(sent[n])}"
