"""Interpreter benchmarks: each Quest program against the same algorithm in Python.

    .venv/bin/python bench/interp_bench.py [NAME...] [--repeat N]

Both sides run in this process, interleaved, best of N; the ratio is Quest time over
CPython time (lower is better; the target is at most 3x). The start-up line compares
``quest -e 'puts(1)'`` with ``python -c 'import trio'``, both as fresh processes.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent / "interp"
ROOT = HERE.parent.parent


def load_quest(path: Path):
    from quest_rt.runtime import loader

    compiled = loader.compile_source(path.read_text(), str(path))
    namespace = loader.new_namespace(str(path))
    loader.run_code(compiled.code, namespace)
    return namespace["main"]


def load_python(path: Path):
    spec = importlib.util.spec_from_file_location(f"bench_py_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.main


def best_of(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def startup(repeat: int) -> tuple[float, float]:
    python = sys.executable
    quest_cmd = [python, "-m", "quest_rt", "-e", "puts(1)"]
    trio_cmd = [python, "-c", "import trio"]

    def run(cmd: list[str]) -> float:
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        return time.perf_counter() - t0

    run(quest_cmd)  # warm the compiled-code and parser caches
    run(trio_cmd)
    q = min(run(quest_cmd) for _ in range(repeat))
    t = min(run(trio_cmd) for _ in range(repeat))
    return q, t


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    sys.setrecursionlimit(10000)
    names = args.names or sorted(p.stem for p in HERE.glob("*.q"))
    print(f"{'benchmark':<12} {'python ms':>10} {'quest ms':>10} {'ratio':>7}")
    worst = 0.0
    for name in names:
        q_main = load_quest(HERE / f"{name}.q")
        p_main = load_python(HERE / f"{name}.py")
        q_value, p_value = q_main(), p_main()
        if q_value != p_value:
            print(f"{name}: results differ: quest {q_value!r} python {p_value!r}")
            return 1
        q_time = p_time = float("inf")
        for _ in range(args.repeat):
            p_time = min(p_time, best_of(p_main, 1))
            q_time = min(q_time, best_of(q_main, 1))
        ratio = q_time / p_time
        worst = max(worst, ratio)
        print(f"{name:<12} {p_time * 1e3:>10.2f} {q_time * 1e3:>10.2f} {ratio:>6.2f}x")
    q, t = startup(max(3, args.repeat))
    print(f"{'startup':<12} {t * 1e3:>10.1f} {q * 1e3:>10.1f} {q / t:>6.2f}x"
          "   (python -c 'import trio' vs quest -e 'puts(1)')")
    print(f"worst ratio: {worst:.2f}x")
    return 0


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
