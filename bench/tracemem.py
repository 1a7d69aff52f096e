"""Run a Python program with tracemalloc on; each SIGUSR1 writes a snapshot.

    python bench/tracemem.py OUTDIR -m MODULE [ARGS...]
    python bench/tracemem.py OUTDIR SCRIPT.py [ARGS...]

Snapshot N (from 0) is written to ``OUTDIR/snapN.bin`` (renamed into place once
complete, so a reader polling for the file never sees half of it). bench/liveview.py's
``--trace-memory`` starts a server this way to say where its memory per view goes:
tracemalloc counts Python allocations by the line that made them, which RSS cannot.
"""

from __future__ import annotations

import os
import runpy
import signal
import sys
import tracemalloc

#: frames kept per allocation: enough to see past trio's and greenback's own frames
DEPTH = 12


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    outdir = sys.argv[1]
    taken = 0

    def snapshot(signum, frame) -> None:
        nonlocal taken
        path = os.path.join(outdir, f"snap{taken}.bin")
        tracemalloc.take_snapshot().dump(path + ".part")
        os.replace(path + ".part", path)
        taken += 1

    signal.signal(signal.SIGUSR1, snapshot)
    tracemalloc.start(DEPTH)
    if sys.argv[2] == "-m":
        sys.argv = [sys.argv[3], *sys.argv[4:]]
        runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
    else:
        sys.argv = sys.argv[2:]
        runpy.run_path(sys.argv[0], run_name="__main__")


if __name__ == "__main__":
    main()
