#!/usr/bin/env python3
"""Vendor the official LiveView browser clients into ``assets/liveview/``, or check them.

    .venv/bin/python scripts/vendor_assets.py           # fetch with npm, verify, write
    .venv/bin/python scripts/vendor_assets.py --check   # verify the committed files only

The pages a LiveView serves load the unmodified ``phoenix`` and ``phoenix_live_view``
npm builds (wire-protocol.md section 1): the IIFE bundles (global ``Phoenix`` and
``LiveView``), minified for pages and readable for debugging. Pinned here, each with
the sha256 the wire spec lists, next to the npm ``dist.integrity`` of its tarball:

1. ``npm pack <name>@<version>`` (the ordinary npm client) into a scratch directory;
2. the tarball's sha512 must equal the pinned integrity, and every file taken from it
   its pinned sha256 — a mismatch stops the script before anything is written;
3. the bundles and each package's ``LICENSE.md`` are written to ``assets/liveview/``,
   plus morphdom's licence (MIT, Patrick Steele-Idem): ``phoenix_live_view`` embeds a
   fork of morphdom whose notice is not inside the bundle, so it is taken from the
   registry's ``morphdom`` 2.7.7 package (the version 1.0.x declared).

``--check`` reads only ``assets/liveview/`` and fails on any missing or changed file;
the test suite runs it.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets" / "liveview"


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    #: npm's ``dist.integrity`` of the tarball
    integrity: str
    #: path inside the tarball -> (file name under assets/liveview, sha256 or None)
    files: dict[str, tuple[str, str | None]]


PACKAGES = (
    Package(
        "phoenix",
        "1.8.16",
        "sha512-bNNJkYBnES2MHo8XjBg6ROK7iU7FeYfkANpTnYzh2ecOipI+8ZF1wiiWdvqv2YfV4MVb9yFJBE2BPF+RXgXXuw==",
        {
            "package/priv/static/phoenix.min.js": (
                "phoenix.min.js",
                "3ddf7a67e2f1f3ae9bc26d0a799c9b48912fd4d2cb6b4c23f6250d1a3d20d1f1",
            ),
            "package/priv/static/phoenix.js": (
                "phoenix.js",
                "0508ab5efebd201ff09945cdfe94a9691948a3176fea870c8bb4e575d5ec1bfc",
            ),
            "package/LICENSE.md": ("LICENSE-phoenix.md", None),
        },
    ),
    Package(
        "phoenix_live_view",
        "1.2.12",
        "sha512-MmJSXZrqThk4mTzyvxSujzdRj6OHdVf5P5IS+qLPKdquCzHBYC7YXCkltBPCaom4uKS1cBKGahU7fGhU3Vyo4w==",
        {
            "package/priv/static/phoenix_live_view.min.js": (
                "phoenix_live_view.min.js",
                "b3644c575949ce39f4cebf2d53f01eee659ae2ac4111075f4a7ece1002fecadc",
            ),
            "package/priv/static/phoenix_live_view.js": (
                "phoenix_live_view.js",
                "219b3ee94dc7abf447acc64dd39dbcee6ca87a817d0a9f5c77929db9c79ccb9f",
            ),
            "package/LICENSE.md": ("LICENSE-phoenix_live_view.md", None),
        },
    ),
    Package(
        "morphdom",
        "2.7.7",
        "sha512-04GmsiBcalrSCNmzfo+UjU8tt3PhZJKzcOy+r1FlGA7/zri8wre3I1WkYN9PT3sIeIKfW9bpyElA+VzOg2E24g==",
        {"package/LICENSE": ("LICENSE-morphdom", None)},
    ),
)

#: sha256 of the licence files as vendored (they carry no hash in the wire spec; pinned
#: from the verified tarballs so --check covers them too)
LICENCES = {
    "LICENSE-phoenix.md": "41a686069f0199ff369d7e5277d5267385cc54d9199f1efc960bacbe2e799255",
    "LICENSE-phoenix_live_view.md": "5a76ffa3373ac1fbc8c8645967b980896154c26113c827d3c01c4b0158c057c6",
    "LICENSE-morphdom": "dc18a39627c8f2e5391255635bd1d6bbb02e91ba4a9bd3e13e53347b8c25e61a",
}


class VendorError(Exception):
    """A download, an integrity check or a file check failed: nothing was written."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def integrity_of(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def expected_files() -> dict[str, str]:
    """File name under assets/liveview -> pinned sha256."""
    out: dict[str, str] = {}
    for package in PACKAGES:
        for name, digest in package.files.values():
            out[name] = digest or LICENCES[name]
    return out


def npm_pack(package: Package, scratch: Path) -> bytes:
    spec = f"{package.name}@{package.version}"
    if shutil.which("npm") is None:
        raise VendorError("npm is not installed (apt-get install npm): it fetches the tarballs")
    result = subprocess.run(
        ["npm", "pack", spec, "--json", "--pack-destination", str(scratch)],
        capture_output=True,
        text=True,
        cwd=scratch,
        timeout=300,
    )
    if result.returncode != 0:
        raise VendorError(f"npm pack {spec} failed:\n{result.stderr.strip()}")
    filename = json.loads(result.stdout)[0]["filename"]
    data = (scratch / filename).read_bytes()
    if integrity_of(data) != package.integrity:
        raise VendorError(f"{spec}: tarball integrity {integrity_of(data)} is not the pinned one")
    return data


def extract(package: Package, tarball: Path) -> dict[str, bytes]:
    """The pinned files of one tarball, each checked against its sha256."""
    out: dict[str, bytes] = {}
    with tarfile.open(tarball) as tar:
        for member, (name, digest) in package.files.items():
            handle = tar.extractfile(member)
            if handle is None:
                raise VendorError(f"{package.name}: {member} is not a file in the tarball")
            data = handle.read()
            want = digest or LICENCES[name]
            if sha256(data) != want:
                raise VendorError(
                    f"{package.name}: {member} has sha256 {sha256(data)}, pinned {want}"
                )
            out[name] = data
    return out


def vendor() -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        for package in PACKAGES:
            data = npm_pack(package, scratch)
            tarball = scratch / f"{package.name}.tgz"
            tarball.write_bytes(data)
            files.update(extract(package, tarball))
    ASSETS.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (ASSETS / name).write_bytes(data)
    return files


def check(directory: Path = ASSETS) -> list[str]:
    """Problems with the vendored files (empty when every file matches its pin)."""
    problems = []
    for name, digest in expected_files().items():
        path = directory / name
        if not path.is_file():
            problems.append(f"{path}: missing (run scripts/vendor_assets.py)")
        elif sha256(path.read_bytes()) != digest:
            problems.append(f"{path}: sha256 {sha256(path.read_bytes())}, pinned {digest}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="verify the committed files only")
    args = parser.parse_args(argv)
    if not args.check:
        try:
            files = vendor()
        except VendorError as exc:
            print(f"vendor_assets: {exc}", file=sys.stderr)
            return 1
        for name, data in sorted(files.items()):
            print(f"{sha256(data)}  {len(data):7d}  assets/liveview/{name}")
    problems = check()
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"assets/liveview: {len(expected_files())} files match their pins")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
