"""Interpreter benchmarks: each Quest program against the same algorithm in Python.

    .venv/bin/python bench/interp_bench.py [NAME...] [--repeat N] [--mode warm|whole|both]
    .venv/bin/python bench/interp_bench.py --pythons 3.11,3.12,3.13   # side by side

With ``--pythons`` the benchmarks run once per CPython version, each in that version's
virtualenv (``.venv`` for the version it has, ``.venv-3.X`` for the others — the ones
``scripts/test`` makes), one after the other, and the ratios are printed side by side.

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


def startup(repeat: int) -> tuple[float, float, float]:
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
    return t, q, fresh


def print_startup(t: float, q: float, fresh: float) -> None:
    print(
        f"{'startup':<12} {t * 1e3:>10.1f} {q * 1e3:>10.1f} {q / t:>6.2f}x"
        "   (python -c 'import trio' vs quest -e 'puts(1)', compiled code cached)"
    )
    print(
        f"{'startup':<12} {t * 1e3:>10.1f} {fresh * 1e3:>10.1f} {fresh / t:>6.2f}x"
        "   (the same, a snippet not compiled before)"
    )


def venv_python(version: str) -> Path | None:
    """The interpreter of the virtualenv for CPython ``version`` (see the module doc)."""
    for venv in (ROOT / ".venv", ROOT / f".venv-{version}"):
        python = venv / "bin" / "python"
        if python.exists():
            out = subprocess.run(
                [str(python), "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                capture_output=True,
                text=True,
            )
            if out.stdout.strip() == version:
                return python
    return None


def side_by_side(versions: list[str], argv: list[str]) -> int:
    """Run this script under each version's virtualenv; print the ratios in columns."""
    import json

    results: dict[str, dict] = {}
    for version in versions:
        python = venv_python(version)
        if python is None:
            print(f"CPython {version}: no .venv-{version} (run scripts/test first); skipped")
            continue
        print(f"running under CPython {version} ({python}) ...", flush=True)
        out = subprocess.run(
            [str(python), str(Path(__file__).resolve()), *argv, "--json"],
            check=True,
            capture_output=True,
            text=True,
            env=ENV,
        )
        results[version] = json.loads(out.stdout.strip().splitlines()[-1])
    if not results:
        return 1
    columns = list(results)
    print(
        f"\n{'ratio (quest/python)':<22}" + "".join(f"{results[v]['python']:>10}" for v in columns)
    )
    rows = [(m, n) for m, names in next(iter(results.values()))["ratios"].items() for n in names]
    for mode, name in rows:
        cells = "".join(f"{results[v]['ratios'][mode][name]:>9.2f}x" for v in columns)
        print(f"{mode + ' ' + name:<22}{cells}")
    for i, label in ((1, "startup cached"), (2, "startup fresh")):
        cells = "".join(
            f"{results[v]['startup'][i] / results[v]['startup'][0]:>9.2f}x" for v in columns
        )
        print(f"{label:<22}{cells}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--mode", choices=("warm", "whole", "both"), default="both")
    parser.add_argument(
        "--pythons", help="comma-separated CPython versions to compare, e.g. 3.11,3.12,3.13"
    )
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.pythons:
        argv = [*args.names, "--repeat", str(args.repeat), "--mode", args.mode]
        return side_by_side(args.pythons.split(","), argv)
    sys.setrecursionlimit(10000)
    names = args.names or sorted(p.stem for p in HERE.glob("*.q"))
    modes = ("warm", "whole") if args.mode == "both" else (args.mode,)
    show = not args.json
    ratios: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="quest-bench-") as tmp:
        scratch = Path(tmp)
        for mode in modes:
            ratios[mode] = {}
            if show:
                print(f"{mode + ' mode':<12} {'python ms':>10} {'quest ms':>10} {'ratio':>7}")
            for name in names:
                if mode == "warm":
                    p_time, q_time = warm(name, args.repeat)
                else:
                    p_time, q_time = whole(name, args.repeat, scratch)
                ratios[mode][name] = q_time / p_time
                if show:
                    print(
                        f"{name:<12} {p_time * 1e3:>10.2f} {q_time * 1e3:>10.2f} "
                        f"{q_time / p_time:>6.2f}x"
                    )
        times = startup(max(3, args.repeat))
    if args.json:
        import json
        import platform

        print(json.dumps({"python": platform.python_version(), "ratios": ratios, "startup": times}))
        return 0
    print_startup(*times)
    for mode, by_name in ratios.items():
        print(f"worst ratio, {mode} mode: {max(by_name.values()):.2f}x")
    return 0


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
