"""The LiveView template language (seed-extensions.md section 2): text → ``ast.Template``.

A template is the content of the string literal passed to ``lv.template(source, assigns)``
(usually triple-quoted):
literal text with EEx-style tags::

    <%= expr %>                 output (HTML-escaped by the renderer)
    <% if expr %> ... <% elif expr %> ... <% else %> ... <% end %>
    <% for x in expr %> ... <% end %>         (also <% for a, b in expr %>)
    <%# comment %>              dropped
    <%%                         a literal "<%"

Text is kept verbatim. A ``%>`` inside a Quest string literal in a tag does not close the tag.
Tag expressions are ordinary Quest expressions, parsed by ``parse_expression`` at their exact
position in the ``.q`` file, so an error in a tag, or later at run time, points at the ``.q``
line and column of the tag. Statements (``let``, assignment) are not allowed in tags.

This is a scanner plus a block stack, not grammar rules: the template language shares only
its expressions with Quest, and those come from the Quest parser itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import ast
from .errors import QuestSyntaxError
from .lexicon import KEYWORDS
from .parser import parse_expression

_CONTROL = re.compile(r"\s*(if|elif|else|end|for)\b")
_FOR = re.compile(r"\s*for\s+([A-Za-z_][A-Za-z0-9_]*)\s*(?:,\s*([A-Za-z_][A-Za-z0-9_]*)\s*)?\bin\b")
_STATEMENT = re.compile(
    r"\s*(let|const|fun\s+[A-Za-z_]|return|raise|while|match|try|with|use|del|break|"
    r"continue|type|trait|pub)\b"
)


@dataclass(eq=False)
class _Block:
    """An ``if`` or ``for`` whose ``<% end %>`` has not been seen yet."""

    kind: str  # "if" | "for"
    line: int
    col: int
    body: list[ast.TNode] = field(default_factory=list)
    # for "if": finished (cond, line, col, body) branches, and the else body once seen
    branches: list[tuple[ast.Expr, int, int, list[ast.TNode]]] = field(default_factory=list)
    orelse: list[ast.TNode] | None = None
    # for "for"
    names: tuple[str, ...] = ()
    iterable: ast.Expr | None = None


def parse_template(
    text: str, path: str, line: int, col: int, *, file_text: str | None = None
) -> ast.Template:
    """Parse template ``text`` whose first character is at ``line``:``col`` of ``path``.

    ``file_text`` (the whole ``.q`` source) is only used to show the right line under an
    error; without it the template's own lines stand in for the file's.
    """
    return _TemplateScanner(text, path, line, col, file_text).run()


def parse_template_literal(
    literal: ast.Str, path: str, *, file_text: str | None = None
) -> ast.Template:
    """Parse the template held by a string literal node (the usual ``lv.template`` case).

    The content starts after the opening quotes: three for a triple-quoted literal (raw, so
    every position maps exactly), one otherwise.
    """
    offset = 3 if literal.triple else 1
    return parse_template(
        literal.value, path, literal.line, literal.col + offset, file_text=file_text
    )


class _TemplateScanner:
    def __init__(self, text: str, path: str, line: int, col: int, file_text: str | None):
        self.text = text
        self.path = path
        self.line = line
        self.col = col
        self.shown = file_text or ("\n" * (line - 1) + " " * (col - 1) + text)
        self.root: list[ast.TNode] = []
        self.stack: list[_Block] = []

    # ------------------------------------------------------------ positions and errors

    def position(self, offset: int) -> tuple[int, int]:
        """The ``.q`` line and column of character ``offset`` of the template text."""
        newlines = self.text.count("\n", 0, offset)
        if newlines == 0:
            return self.line, self.col + offset
        return self.line + newlines, offset - self.text.rfind("\n", 0, offset)

    def error(self, message: str, offset: int) -> QuestSyntaxError:
        line, col = self.position(offset)
        return QuestSyntaxError.at(message, self.path, line, col, self.shown)

    def expression(self, source: str, offset: int) -> ast.Expr:
        line, col = self.position(offset)
        return parse_expression(source, self.path, line, col, file_text=self.shown)

    # ------------------------------------------------------------ scanning

    def run(self) -> ast.Template:
        text, i = self.text, 0
        pending: list[str] = []  # text waiting to become one TText
        pending_at = 0
        while True:
            tag = text.find("<%", i)
            if tag < 0 or text.startswith("<%%", tag):
                stop = len(text) if tag < 0 else tag + 2
                if not pending:
                    pending_at = i
                pending.append(text[i:stop])
                if tag < 0:
                    break
                i = tag + 3
                continue
            if tag > i:
                if not pending:
                    pending_at = i
                pending.append(text[i:tag])
            if pending:
                self.emit_text("".join(pending), pending_at)
                pending = []
            i = self.tag(tag)
        if pending and "".join(pending):
            self.emit_text("".join(pending), pending_at)
        if self.stack:
            block = self.stack[-1]
            raise QuestSyntaxError.at(
                f"`<% {block.kind} %>` has no matching `<% end %>`",
                self.path,
                block.line,
                block.col,
                self.shown,
            )
        return ast.Template(body=tuple(self.root), line=self.line, col=self.col)

    def emit_text(self, chunk: str, offset: int) -> None:
        line, col = self.position(offset)
        self.current().append(ast.TText(text=chunk, line=line, col=col))

    def current(self) -> list[ast.TNode]:
        if not self.stack:
            return self.root
        block = self.stack[-1]
        return block.orelse if block.orelse is not None else block.body

    def tag_end(self, start: int) -> int:
        """Index of the ``%>`` closing the tag whose content starts at ``start``, or -1.

        Quest string literals are skipped whole, so ``<%= "100%>" %>`` closes after the
        string. A quote that opens no complete string is an ordinary character here: the
        Quest parser then reports the unclosed string where it starts.
        """
        text, i = self.text, start
        while i < len(text):
            if text.startswith("%>", i):
                return i
            if text[i] in "\"'":
                after = self.string_end(i)
                if after > 0:
                    i = after
                    continue
            i += 1
        return -1

    def string_end(self, i: int) -> int:
        """Index just after the Quest string literal starting at ``i``; -1 if unclosed."""
        text, quote = self.text, self.text[i]
        if text.startswith(quote * 3, i):
            close = text.find(quote * 3, i + 3)
            return -1 if close < 0 else close + 3
        i += 1
        while i < len(text) and text[i] != "\n":
            if text[i] == quote:
                return i + 1
            i += 2 if text[i] == "\\" else 1
        return -1

    def tag(self, at: int) -> int:
        """Handle the tag starting at ``at`` (``<%``); returns the offset after its ``%>``."""
        kind = self.text[at + 2 : at + 3]
        start = at + 3 if kind in ("=", "#") else at + 2
        # A comment ends at the first `%>`, quotes or not; other tags skip Quest strings.
        close = self.text.find("%>", start) if kind == "#" else self.tag_end(start)
        if close < 0:
            raise self.error("this `<%` tag is never closed with `%>`", at)
        content = self.text[start:close]
        if kind == "=":
            if not content.strip():
                raise self.error("empty `<%= %>` tag: put an expression inside", at)
            expr = self.expression(content, start)
            line, col = self.position(at)
            self.current().append(ast.TOutput(expr=expr, line=line, col=col))
        elif kind != "#":
            self.control(content, start, at)
        return close + 2

    # ------------------------------------------------------------ control tags

    def control(self, content: str, start: int, at: int) -> None:
        line, col = self.position(at)
        word = _CONTROL.match(content)
        if word is None:
            raise self.not_control(content, at)
        keyword, rest_at = word[1], start + word.end()
        rest = self.text[rest_at : start + len(content)]
        if keyword in ("if", "elif"):
            if not rest.strip():
                raise self.error(f"`<% {keyword} %>` needs a condition", at)
            cond = self.expression(rest, rest_at)
            if keyword == "if":
                block = _Block("if", line, col)
                block.branches.append((cond, line, col, block.body))
                self.stack.append(block)
            else:
                block = self.open_if("elif", at)
                block.body = []
                block.branches.append((cond, line, col, block.body))
        elif keyword == "else":
            self.expect_nothing(rest, "else", at)
            self.open_if("else", at).orelse = []
        elif keyword == "end":
            self.expect_nothing(rest, "end", at)
            self.close(at)
        else:
            self.open_for(content, start, line, col, at)

    def not_control(self, content: str, at: int) -> QuestSyntaxError:
        statement = _STATEMENT.match(content)
        if statement:
            word = statement[1].split()[0]
            return self.error(
                f"`{word}` is a statement; templates only allow `<%= expr %>` and the "
                "`if`/`elif`/`else`/`end`/`for` tags",
                at,
            )
        return self.error(
            "a `<% %>` tag holds `if`, `elif`, `else`, `end` or `for`; "
            "use `<%= expr %>` to output a value",
            at,
        )

    def expect_nothing(self, rest: str, keyword: str, at: int) -> None:
        if rest.strip():
            raise self.error(f"`<% {keyword} %>` takes nothing after `{keyword}`", at)

    def open_if(self, keyword: str, at: int) -> _Block:
        if not self.stack or self.stack[-1].kind != "if":
            raise self.error(f"`<% {keyword} %>` without an open `<% if %>`", at)
        block = self.stack[-1]
        if block.orelse is not None:
            raise self.error(f"`<% {keyword} %>` after `<% else %>`", at)
        return block

    def open_for(self, content: str, start: int, line: int, col: int, at: int) -> None:
        header = _FOR.match(content)
        if header is None:
            raise self.error("expected `<% for name in expr %>` or `<% for a, b in expr %>`", at)
        names = tuple(n for n in header.groups() if n is not None)
        for name in names:
            if name in KEYWORDS:
                raise self.error(f"`{name}` is a reserved word and cannot be a loop variable", at)
        rest_at = start + header.end()
        rest = self.text[rest_at : start + len(content)]
        if not rest.strip():
            raise self.error("`<% for %>` needs something to iterate after `in`", at)
        block = _Block("for", line, col, names=names, iterable=self.expression(rest, rest_at))
        self.stack.append(block)

    def close(self, at: int) -> None:
        if not self.stack:
            raise self.error("`<% end %>` without an open `<% if %>` or `<% for %>`", at)
        block = self.stack.pop()
        if block.kind == "if":
            branches = tuple(
                ast.TIfBranch(cond=cond, body=tuple(body), line=line, col=col)
                for cond, line, col, body in block.branches
            )
            orelse = None if block.orelse is None else tuple(block.orelse)
            node: ast.TNode = ast.TIf(
                branches=branches, orelse=orelse, line=block.line, col=block.col
            )
        else:
            assert block.iterable is not None
            node = ast.TFor(
                names=block.names,
                iterable=block.iterable,
                body=tuple(block.body),
                line=block.line,
                col=block.col,
            )
        self.current().append(node)  # the enclosing body, now that `block` is popped
