"""Errors that point at a place in a ``.q`` file.

Two kinds share one shape and one rendering:

- ``QuestSyntaxError``: the text is not Quest (raised by the parser and the template scanner);
- ``QuestCompileError``: the text parses but means nothing (raised by the compiler: ``break``
  outside a loop, a repeated parameter name...).

Both carry the file path, a 1-based line and column, a message written for the person who
wrote the program, and the offending source line, and render like this::

    chat.q:14:1: syntax error: `fun handle` (opened at line 9) has no matching `end`
       14 | fun broadcast(msg)
          | ^

Anything that is not one of these (a Python exception escaping the parser or the compiler) is
a bug in quest-rt, not in the user's program.
"""

from __future__ import annotations

from typing import Self


class QuestSourceError(Exception):
    """Common base: a message tied to a position in a source file.

    Args:
        message: what is wrong, in words; code is quoted with backticks.
        path: the file as the user named it (``chat.q``, ``<string>``).
        line: 1-based line number.
        col: 1-based column (characters, not bytes).
        source_line: the text of that line without its newline; ``""`` when unknown, in which
            case ``format()`` shows the header line only.
        source: alternatively, the whole file text, from which ``source_line`` is taken.
    """

    #: The word between the position and the message in ``format()``.
    kind = "error"

    def __init__(
        self,
        message: str,
        path: str,
        line: int,
        col: int,
        source_line: str = "",
        *,
        source: str | None = None,
    ):
        if source is not None and not source_line:
            source_line = source_line_at(source, line)
        super().__init__(message, path, line, col, source_line)
        self.message = message
        self.path = path
        self.line = line
        self.col = col
        self.source_line = source_line

    @classmethod
    def at(cls, message: str, path: str, line: int, col: int, source: str | None) -> Self:
        """Build the error, taking the source line from the whole file text ``source``."""
        return cls(message, path, line, col, source=source)

    @classmethod
    def at_node(cls, message: str, node: object, path: str, source: str | None = None) -> Self:
        """Build the error at a Quest AST node's position (anything with ``line`` and ``col``)."""
        line, col = node.line, node.col  # type: ignore[attr-defined]
        return cls.at(message, path, line, col, source)

    def format(self) -> str:
        """The full report: ``path:line:col: kind: message``, the line, and a caret under it."""
        header = f"{self.path}:{self.line}:{self.col}: {self.kind}: {self.message}"
        if not self.source_line:
            return header
        width = max(5, len(str(self.line)) + 1)
        # Keep tabs in the caret's indentation so the caret lines up under a tab-indented line.
        before = self.source_line[: max(self.col - 1, 0)]
        pad = "".join(ch if ch == "\t" else " " for ch in before)
        return f"{header}\n{self.line:>{width}} | {self.source_line}\n{'':>{width}} | {pad}^"

    def __str__(self) -> str:
        return self.format()


class QuestSyntaxError(QuestSourceError):
    """The source text is not valid Quest."""

    kind = "syntax error"


class QuestCompileError(QuestSourceError):
    """The source parses, but the compiler cannot give it a meaning."""

    kind = "error"


def source_line_at(source: str | None, line: int) -> str:
    """Line ``line`` (1-based) of ``source``, without its line ending; ``""`` if out of range.

    Lines are split on ``\\n`` only, the way the lexer counts them (``str.splitlines`` also
    splits on form feeds and Unicode separators, which would shift every line after them).
    """
    if not source or line < 1:
        return ""
    lines = source.split("\n")
    if line > len(lines):
        return ""
    return lines[line - 1].rstrip("\r")
