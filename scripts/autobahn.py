#!/usr/bin/env python3
"""Run the Autobahn|Testsuite fuzzing client against a quest_rt.web echo server.

    .venv/bin/python scripts/autobahn.py [--transport direct|hypercorn]
                                         [--cases 1.*,2.*,...] [--outdir DIR]
                                         [--compression]

What it does (wire-protocol spec §9.3):

1. finds pyenv's CPython 2.7.18 at ``$(pyenv root)/versions/2.7.18`` (the suite is
   Python-2 only); if it is missing, prints why and exits with status 0 and
   ``SKIPPED`` (there is nothing to test with — not a failure of ours);
2. installs ``autobahntestsuite`` 25.10.1 and its pinned dependencies once, with
   ``pip install --target`` into ``$AUTOBAHN_HOME`` (default
   ``~/.cache/quest-rt/autobahn``), all from PyPI;
3. starts a Layer-1 echo endpoint ``/ws`` on the chosen transport (message limit
   16 MiB, as the suite expects), in a thread of this process;
4. runs ``wstest -m fuzzingclient`` on cases 1–7 and 10 (9, 12 and 13 — large
   messages and compression — are excluded: slow, and not the default setup);
   with ``--compression`` the server turns permessage-deflate on
   (``ws_compression``, inflation bounded by the message limit) and the default
   cases are 12 and 13, the permessage-deflate groups;
5. reads ``index.json`` and exits 1 if any case's ``behavior`` or
   ``behaviorClose`` is ``FAILED``; prints a per-result tally either way.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DEFAULT_CASES = ["1.*", "2.*", "3.*", "4.*", "5.*", "6.*", "7.*", "10.*"]
#: The permessage-deflate groups (run with --compression).
DEFLATE_CASES = ["12.*", "13.*"]

PINNED = [
    "setuptools==44.0.0",
    "txaio==2.1.0",
    "incremental==16.10.1",
    "Twisted==19.10.0",
    "zope.interface==4.6.0",
    "jinja2==2.11.3",
    "markupsafe==1.1.1",
    "Werkzeug==1.0.1",
    "klein==17.10.0",
    "six==1.16.0",
    "unittest2==1.1.0",
    "autobahn==0.10.9",
    "pyOpenSSL==19.1.0",
    "cryptography==3.3.2",
    "service_identity==18.1.0",
    "autobahntestsuite==25.10.1",
]

# --target does not process .pth files (zope is a namespace package), so wstest is
# started through site.addsitedir (wire-protocol §9.3).
WSTEST = (
    "import site, sys; site.addsitedir(sys.argv.pop(1)); sys.argv[0] = 'wstest'; "
    "from autobahntestsuite import wstest; wstest.run()"
)


def python27() -> Path | None:
    """pyenv's CPython 2.7.18, or None when this machine has none."""
    pyenv = shutil.which("pyenv")
    root = os.environ.get("PYENV_ROOT")
    if root is None and pyenv is not None:
        root = subprocess.run([pyenv, "root"], capture_output=True, text=True).stdout.strip()
    if not root:
        root = str(Path.home() / ".pyenv")
    candidate = Path(root) / "versions" / "2.7.18" / "bin" / "python"
    return candidate if candidate.exists() else None


def autobahn_home() -> Path:
    return Path(os.environ.get("AUTOBAHN_HOME", Path.home() / ".cache" / "quest-rt" / "autobahn"))


def ensure_installed(py2: Path) -> Path:
    site = autobahn_home() / "site"
    marker = site / ".quest-rt-installed"
    if marker.exists():
        return site
    site.mkdir(parents=True, exist_ok=True)
    print(f"installing autobahntestsuite into {site} ...", flush=True)
    subprocess.run(
        [
            str(py2),
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            "--target",
            str(site),
            *PINNED,
        ],
        check=True,
    )
    marker.write_text("\n".join(PINNED))
    return site


def run_suite(
    transport: str,
    cases: list[str],
    outdir: Path,
    py2: Path,
    site: Path,
    *,
    compression: bool = False,
    exclude: list[str] | None = None,
) -> dict:
    from quest_rt.web import TransportKind, WebApp, start_in_thread

    app = WebApp()
    app.settings.transport = TransportKind(transport)
    app.settings.ws_compression = compression
    app.settings.ws_max_message_size = 16 * 1024 * 1024
    app.settings.access_log = False

    def echo(conn):
        def on_message(data):
            if isinstance(data, str):
                conn.send_text_nowait(data)
            else:
                conn.send_bytes_nowait(data)

        conn.on_message(on_message)

    app.websocket("/ws", echo)
    server = start_in_thread(app)
    try:
        spec = {
            "outdir": str(outdir),
            "servers": [{"agent": f"quest-rt-{transport}", "url": server.ws_url("/ws")}],
            "cases": cases,
            "exclude-cases": exclude if exclude is not None else _slow_groups_not_asked(cases),
            "exclude-agent-cases": {},
        }
        with tempfile.TemporaryDirectory() as work:
            spec_path = Path(work) / "fuzzingclient.json"
            spec_path.write_text(json.dumps(spec))
            subprocess.run(
                [str(py2), "-c", WSTEST, str(site), "-m", "fuzzingclient", "-s", str(spec_path)],
                cwd=work,
                check=True,
                stdout=subprocess.DEVNULL,
                timeout=1800,
            )
    finally:
        server.stop()
    return json.loads((outdir / "index.json").read_text())


def _slow_groups_not_asked(cases: list[str]) -> list[str]:
    """The slow groups (9, 12, 13) to exclude: those no requested pattern falls in
    (``--cases 12.1.*`` runs 12.1 only, not nothing)."""
    return [
        group
        for group in ("9.*", "12.*", "13.*")
        if not any(case == group or case.startswith(group[:-1]) for case in cases)
    ]


def summarize(index: dict) -> tuple[collections.Counter, list[str]]:
    tally: collections.Counter = collections.Counter()
    failed = []
    for agent_cases in index.values():
        for case, result in sorted(agent_cases.items()):
            tally[result["behavior"]] += 1
            if "FAILED" in (result["behavior"], result["behaviorClose"]):
                failed.append(
                    f"{case}: behavior={result['behavior']} close={result['behaviorClose']}"
                )
    return tally, failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--transport", choices=["direct", "hypercorn"], default="direct")
    parser.add_argument("--cases", default=None)
    parser.add_argument("--exclude", default=None, help="case patterns to skip")
    parser.add_argument("--outdir", type=Path, default=None)
    parser.add_argument("--compression", action="store_true", help="permessage-deflate on")
    args = parser.parse_args()
    if args.cases is None:
        args.cases = ",".join(DEFLATE_CASES if args.compression else DEFAULT_CASES)
    py2 = python27()
    if py2 is None:
        print(
            "SKIPPED: Autobahn|Testsuite needs pyenv's CPython 2.7.18 "
            "($(pyenv root)/versions/2.7.18), which this machine does not have"
        )
        return 0
    site = ensure_installed(py2)
    outdir = args.outdir or Path(tempfile.mkdtemp(prefix="autobahn-"))
    index = run_suite(
        args.transport,
        args.cases.split(","),
        outdir,
        py2,
        site,
        compression=args.compression,
        exclude=args.exclude.split(",") if args.exclude else None,
    )
    tally, failed = summarize(index)
    total = sum(tally.values())
    mode = ", compression on" if args.compression else ""
    print(f"Autobahn cases {args.cases} on the {args.transport} transport{mode}: {total} cases")
    for behavior, count in sorted(tally.items()):
        print(f"  {behavior:<14}{count}")
    print(f"report: {outdir / 'index.html'}")
    if failed:
        print(f"{len(failed)} FAILED:")
        for line in failed:
            print("  " + line)
        return 1
    print("0 FAILED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
