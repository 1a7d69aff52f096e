"""Interpreter benchmarks: each Quest program against the same algorithm in Python.

    .venv/bin/python bench/interp_bench.py [NAME...] [--repeat N] [--mode warm|whole|both]

Two modes, both printing Quest time over CPython time measured in the same run
(interleaved, best of N; lower is better; the target is at most 3x, then 2x):

- ``warm``: both sides run in this process; each program's ``main`` is called N times
  after a first call, so loops have been specialised by CPython and the code compiled.
- ``whole``: a program as a user runs a script, process start to exit:
  ``quest prog.q`` against ``python prog.py``, each a fresh process, each file being
  ``bench/interp/NAME.{q,py}`` followed by a call of ``main`` that prints the result.
  Every function runs once or a few times, as in a script, and start-up is included
  (the Quest code cache is warm: the first run, not timed, fills it).

The start-up lines compare ``quest -e 'puts(1)'`` with ``python -c 'import trio'``, both
as fresh processes: once with the snippet's compiled code cached, once with a snippet
never run before (parsed and compiled; the parser's own tables stay cached).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent / "interp"
ROOT = HERE.parent.parent
BIN = Path(sys.executable).parent


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


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def warm(name: str, repeat: int) -> tuple[float, float]:
    q_main = load_quest(HERE / f"{name}.q")
    p_main = load_python(HERE / f"{name}.py")
    q_value, p_value = q_main(), p_main()
    if q_value != p_value:
        raise SystemExit(f"{name}: results differ: quest {q_value!r} python {p_value!r}")
    q_time = p_time = float("inf")
    for _ in range(repeat):
        p_time = min(p_time, timed(p_main))
        q_time = min(q_time, timed(q_main))
    return p_time, q_time


#: the processes run as on a user's machine: Python writes and reuses byte-code caches
#: (a session here may have PYTHONDONTWRITEBYTECODE set, which would make every start-up
#: recompile quest_rt's sources, while a `pip install` compiles them once)
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_process(cmd: list[str]) -> tuple[float, str]:
    t0 = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT, env=ENV)
    return time.perf_counter() - t0, out.stdout


def whole(name: str, repeat: int, scratch: Path) -> tuple[float, float]:
    q_file, p_file = scratch / f"{name}.q", scratch / f"{name}.py"
    q_file.write_text((HERE / f"{name}.q").read_text() + "\nputs(main())\n")
    p_file.write_text((HERE / f"{name}.py").read_text() + "\nprint(main())\n")
    q_cmd = [str(BIN / "quest"), str(q_file)]
    p_cmd = [str(BIN / "python"), str(p_file)]
    _, q_out = run_process(q_cmd)  # fills the code cache, as a script's first run does
    _, p_out = run_process(p_cmd)
    if q_out != p_out:
        raise SystemExit(f"{name}: outputs differ: quest {q_out!r} python {p_out!r}")
    q_time = p_time = float("inf")
    for _ in range(repeat):
        p_time = min(p_time, run_process(p_cmd)[0])
        q_time = min(q_time, run_process(q_cmd)[0])
    return p_time, q_time


def startup(repeat: int) -> None:
    quest_cmd = [str(BIN / "quest"), "-e", "puts(1)"]
    trio_cmd = [str(BIN / "python"), "-c", "import trio"]
    run_process(quest_cmd)
    run_process(trio_cmd)
    t = q = fresh = float("inf")
    salt = time.time_ns()
    for i in range(repeat):
        t = min(t, run_process(trio_cmd)[0])
        q = min(q, run_process(quest_cmd)[0])
        # a snippet never run before: parsed and compiled (the parser tables stay cached)
        fresh = min(fresh, run_process([str(BIN / "quest"), "-e", f"puts({salt + i})"])[0])
    print(
        f"{'startup':<12} {t * 1e3:>10.1f} {q * 1e3:>10.1f} {q / t:>6.2f}x"
        "   (python -c 'import trio' vs quest -e 'puts(1)', compiled code cached)"
    )
    print(
        f"{'startup':<12} {t * 1e3:>10.1f} {fresh * 1e3:>10.1f} {fresh / t:>6.2f}x"
        "   (the same, a snippet not compiled before)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--mode", choices=("warm", "whole", "both"), default="both")
    args = parser.parse_args()
    sys.setrecursionlimit(10000)
    names = args.names or sorted(p.stem for p in HERE.glob("*.q"))
    modes = ("warm", "whole") if args.mode == "both" else (args.mode,)
    worst = {}
    with tempfile.TemporaryDirectory(prefix="quest-bench-") as tmp:
        scratch = Path(tmp)
        for mode in modes:
            print(f"{mode + ' mode':<12} {'python ms':>10} {'quest ms':>10} {'ratio':>7}")
            for name in names:
                if mode == "warm":
                    p_time, q_time = warm(name, args.repeat)
                else:
                    p_time, q_time = whole(name, args.repeat, scratch)
                ratio = q_time / p_time
                worst[mode] = max(worst.get(mode, 0.0), ratio)
                print(f"{name:<12} {p_time * 1e3:>10.2f} {q_time * 1e3:>10.2f} {ratio:>6.2f}x")
        startup(max(3, args.repeat))
    for mode, ratio in worst.items():
        print(f"worst ratio, {mode} mode: {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
