#!/usr/bin/env python3
"""Run the Hypothesis fuzz tests with many more examples than CI does (nightly-style).

    .venv/bin/python scripts/fuzz.py [--examples N] [--rounds R]

CI runs each property with a small, fixed (derandomized) set of examples. This script
sets ``QUEST_FUZZ_EXAMPLES=N`` (default 20,000), which switches the properties to
random examples — a new seed each round — with N examples for the reader-against-
wsproto property and N/10 for the real-server one, and runs them ``--rounds`` times.
It exits 1 on the first failing round; Hypothesis prints the shrunk example that
failed, ready to paste into a regression test.

Fuzzed now: the WebSocket frame reader (``tests/web/test_ws_fuzz.py``), the Phoenix
message decoder (``tests/web/channels/test_decode_fuzz.py``) and the LiveView event
decoder, alone and on a served view (``tests/web/liveview/test_event_fuzz.py``).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: The fuzz test modules (each reads QUEST_FUZZ_EXAMPLES).
TARGETS = [
    "tests/web/test_ws_fuzz.py",
    "tests/web/channels/test_decode_fuzz.py",
    "tests/web/liveview/test_event_fuzz.py",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--examples", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    env = dict(os.environ, QUEST_FUZZ_EXAMPLES=str(args.examples))
    for round_number in range(1, args.rounds + 1):
        started = time.monotonic()
        print(f"round {round_number}/{args.rounds}: {args.examples} examples", flush=True)
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *TARGETS],
            cwd=ROOT,
            env=env,
        )
        print(f"round {round_number}: {time.monotonic() - started:.0f} s", flush=True)
        if done.returncode != 0:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
