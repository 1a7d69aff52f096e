"""Quest source text → Quest AST.

``parse(source, path)`` reads a whole ``.q`` file into an ``ast.Module``;
``parse_expression(source, path, line, col)`` reads one expression that sits at a known place
in a ``.q`` file (a ``#{}`` hole, a LiveView template tag), so that its nodes and its errors
carry that file's line and column.

The Lark parser is built once per process, lazily, from ``grammar/quest.lark``. Building the
LALR tables takes a few hundred milliseconds, far too long for ``quest -e 'puts(1)'``, so the
built parser is cached on disk (``_cache_file``): later processes unpickle it in a few
milliseconds. The cache file name carries a hash of the grammar, the Lark version and the
Python version, so a changed grammar never meets a stale table; Lark re-checks the same hash
inside the file. A cache directory that cannot be written only costs speed.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import lark
from lark import Lark, UnexpectedInput
from lark.exceptions import VisitError

from .. import resources
from . import ast
from .errors import QuestSyntaxError
from .transformer import QuestTransformer

_OPTIONS = {
    "parser": "lalr",
    "lexer": "basic",
    "propagate_positions": True,
    "maybe_placeholders": True,
    "start": ["module", "expr_only"],
}


def _cache_dirs() -> Iterator[Path]:
    """Where the parser cache may live, best first.

    ``QUEST_CACHE_DIR`` overrides the choice (empty: no cache at all); otherwise the per-user
    cache directory, then a private directory under the system temporary directory.
    """
    override = os.environ.get("QUEST_CACHE_DIR")
    if override is not None:
        if override:
            yield Path(override)
        return
    xdg = os.environ.get("XDG_CACHE_HOME")
    yield (Path(xdg) if xdg else Path.home() / ".cache") / "quest-rt"
    import tempfile  # only when the user cache is unusable: it costs start-up time

    uid = os.getuid() if hasattr(os, "getuid") else "user"
    yield Path(tempfile.gettempdir()) / f"quest-rt-{uid}"


def _private_dir(directory: Path) -> bool:
    """Create ``directory`` if needed; True when it exists and belongs to us.

    The cache is a pickle, so a directory someone else controls (a planted /tmp entry) is
    never read from.
    """
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = directory.stat()
    except OSError:
        return False
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()


def _cache_file(grammar: str) -> Path | None:
    """The cache file for this grammar, Lark and Python, in the first directory that has it
    or can take it; None when no directory can."""
    key = hashlib.sha256(
        f"{grammar}\0{lark.__version__}\0{sys.version_info[:2]}\0{sorted(_OPTIONS.items())}".encode()
    ).hexdigest()[:24]
    name = f"quest-grammar-{key}.lark-cache"
    for directory in _cache_dirs():
        if _private_dir(directory) and (
            (directory / name).is_file() or os.access(directory, os.W_OK)
        ):
            return directory / name
    return None


@functools.cache
def quest_parser() -> Lark:
    """The process-wide Lark parser for Quest (loaded from the cache, or built and cached)."""
    grammar = resources.grammar_path().read_text(encoding="utf-8")
    cache = _cache_file(grammar)
    if cache is not None and cache.is_file():
        try:
            with cache.open("rb") as f:
                return Lark.load(f)
        except Exception:  # a truncated or foreign file: rebuild it and replace it
            pass
    parser = Lark(grammar, **_OPTIONS)
    if cache is not None:
        _save(parser, cache)
    return parser


def _save(parser: Lark, cache: Path) -> None:
    """Write the cache through a private file and an atomic rename, so that a process
    starting at the same moment sees either no cache or a complete one."""
    tmp = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as f:
            parser.save(f)
        os.replace(tmp, cache)
    except OSError:
        # A directory we cannot write to: run uncached, and leave no partial file behind.
        tmp.unlink(missing_ok=True)


def parse(source: str, path: str = "<string>") -> ast.Module:
    """Parse a whole ``.q`` file.

    Raises:
        QuestSyntaxError: at the first error, with a message that says what was expected.
    """
    source = source.removeprefix("\ufeff")  # a UTF-8 byte order mark is not part of the code
    tree = _parse_tree(source, "module", path, source)
    body = _transform(tree, path, source)
    return ast.Module(body=body, path=path, source=source, line=1, col=1)


def parse_expression(
    source: str, path: str, line: int = 1, col: int = 1, *, file_text: str | None = None
) -> ast.Expr:
    """Parse one expression whose first character sits at ``line``:``col`` of ``path``.

    Nodes get positions in the enclosing file: the first line of ``source`` is offset by
    ``col - 1`` columns, later lines keep their own columns. ``file_text`` (the whole file)
    only serves to show the right line under an error; without it the line is rebuilt from
    ``source``.
    """
    padded = "\n" * (line - 1) + " " * (col - 1) + source
    shown = padded if file_text is None else file_text
    if not source.strip():
        raise QuestSyntaxError.at("expected an expression", path, line, col, shown)
    tree = _parse_tree(padded, "expr_only", path, shown)
    return _transform(tree, path, shown)


def _parse_tree(text: str, start: str, path: str, shown: str) -> lark.Tree:
    parser = quest_parser()
    try:
        return parser.parse(text, start=start)
    except UnexpectedInput as err:
        # The one place where Lark's exceptions become Quest syntax errors.
        from .diagnostics import describe_error  # only needed when something is wrong

        message, line, col = describe_error(err, parser, text, start)
        raise QuestSyntaxError.at(message, path, line, col, shown) from None


def _transform(tree: lark.Tree, path: str, shown: str):
    def parse_embedded(source: str, line: int, col: int) -> ast.Expr:
        return parse_expression(source, path, line, col, file_text=shown)

    try:
        return QuestTransformer(path, shown, parse_embedded).transform(tree)
    except VisitError as err:
        # Lark wraps whatever a transformer method raises; our own errors go out unwrapped,
        # anything else is a quest-rt bug and keeps its original traceback.
        raise err.orig_exc from None
