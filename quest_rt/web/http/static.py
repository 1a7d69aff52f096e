"""Static files: which file a URL path names, safely, and its content type.

Resolution (language spec §12.2 step 1): the longest registered prefix that the
path starts with (at a ``/`` boundary, so ``/static`` does not claim
``/staticky``) wins; the rest of the path, percent-decoded once, is looked up
under the mount's directory; an empty rest, or a directory, serves its
``index.html``. A path that would leave the directory — ``..`` segments, encoded
``%2e%2e``, absolute parts, NUL bytes, a symlink pointing outside — resolves to
None, exactly like a missing file, and the request falls through to the rest of
the pipeline (usually a 404).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

__all__ = ["CONTENT_TYPES", "content_type_for", "resolve_static"]

#: Extension → Content-Type for the extensions the language spec lists (§12.2);
#: anything else is served as application/octet-stream.
CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "css": "text/css; charset=utf-8",
    "js": "text/javascript; charset=utf-8",
    "json": "application/json",
    "md": "text/markdown; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "svg": "image/svg+xml",
    "ico": "image/x-icon",
    "pdf": "application/pdf",
    "woff": "font/woff",
    "woff2": "font/woff2",
    "ttf": "font/ttf",
    "eot": "application/vnd.ms-fontobject",
}


def content_type_for(path: Path) -> str:
    return CONTENT_TYPES.get(path.suffix[1:].lower(), "application/octet-stream")


def resolve_static(mounts: dict[str, Path], url_path: str) -> Path | None:
    """The file ``url_path`` names under one of ``mounts``, or None.

    Args:
        mounts: {url_prefix: directory}, prefixes without a trailing slash.
        url_path: the request path as received (not yet percent-decoded).
    """
    if not mounts:
        return None
    for prefix in sorted(mounts, key=len, reverse=True):
        if prefix == "/":
            rest = url_path
        elif url_path == prefix or url_path.startswith(prefix + "/"):
            rest = url_path[len(prefix) :]
        else:
            continue
        return _lookup(mounts[prefix], unquote(rest))
    return None


def _lookup(directory: Path, rest: str) -> Path | None:
    if "\x00" in rest or "\\" in rest:
        return None
    segments = [s for s in rest.split("/") if s not in ("", ".")]
    if ".." in segments:
        return None
    try:
        root = directory.resolve(strict=True)
        candidate = root.joinpath(*segments).resolve(strict=True)
    except (OSError, RuntimeError):  # missing file, symlink loop
        return None
    if not candidate.is_relative_to(root):
        return None  # a symlink inside the mount that points outside it
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None
