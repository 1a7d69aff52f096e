"""Which brackets and blocks are still open, and where an ``end`` went missing.

Used only to explain syntax errors. Two views of the same question:

- ``open_constructs(value_stack)``: at the moment the parser failed, the opening tokens it has
  shifted but not yet reduced (``(``, ``[``, ``{``, ``fun``, ``if`` ...) are exactly the
  constructs still open, innermost last.
- ``find_missing_end(tokens, text)``: when the file ends with a block still open, the parser
  only knows that *some* ``end`` is missing; the ``end``s that follow the gap close the wrong
  blocks. Indentation tells where the gap is: the first line that starts at or left of the
  column of an open block's line, with a token that cannot continue that block (anything but
  ``end``, ``elif``, ``else``, ``catch``, ``ensure``, a ``match`` arm's ``in``, or a closing
  bracket). For::

       9  fun handle(msg)
      10    if msg
      11      reply(msg)
      12    end
      13
      14  fun broadcast(msg)      <- starts at column 1, left of nothing: `fun handle` is open
      15    ...
      16  end

  the report is "`fun handle` (opened at line 9) has no matching `end`" at 14:1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lark import Token

BRACKETS = frozenset({"LPAR", "LSQB", "LBRACE"})
CLOSER_OF = {"LPAR": "RPAR", "LSQB": "RSQB", "LBRACE": "RBRACE"}
BLOCK_OPENERS = frozenset("FUN IF WHILE FOR MATCH TRY WITH TYPE TRAIT IMPL".split())
_CONTINUES_BLOCK = frozenset("END ELIF ELSE CATCH ENSURE IN RPAR RSQB RBRACE".split())


def open_constructs(value_stack: list) -> list[Token]:
    """Opening tokens on the parser's value stack that nothing has closed yet, outermost first.

    A ``fun`` directly inside a ``trait`` is a method signature, which has no ``end``.
    """
    opened: list[Token] = []
    for item in value_stack:
        if not isinstance(item, Token):
            continue
        if item.type in BRACKETS or _opens_block(item, opened):
            opened.append(item)
        elif item.type in CLOSER_OF.values():
            if opened and CLOSER_OF.get(opened[-1].type) == item.type:
                opened.pop()
        elif item.type == "END" and opened and opened[-1].type in BLOCK_OPENERS:
            opened.pop()
    return opened


def _opens_block(tok: Token, opened: list[Token]) -> bool:
    if tok.type not in BLOCK_OPENERS:
        return False
    return not (tok.type == "FUN" and opened and opened[-1].type == "TRAIT")


@dataclass(frozen=True, slots=True)
class MissingEnd:
    label: str  # how the block is named in the message: "`fun handle`", "`if`"
    opener: Token
    where: Token | None  # the first token of the line where the `end` was due, if known
    else_if: Token | None  # the first `if` written right after `else` (the `else if` slip)


def find_missing_end(tokens: list[Token], text: str) -> MissingEnd | None:
    """The block whose ``end`` is missing, by the indentation rule of the module docstring."""
    lines = text.split("\n")
    opened: list[tuple[Token, int]] = []  # (opener, indentation of its line)
    suspect: tuple[Token, Token] | None = None  # (opener, first token where its `end` was due)
    else_if: Token | None = None
    previous: Token | None = None
    for tok in tokens:
        first_on_line = previous is None or tok.line != previous.line
        if first_on_line and opened and suspect is None:
            opener, indent = opened[-1]
            dedented = tok.line > opener.line and tok.column <= indent + 1
            if dedented and not _continues(tok, opener):
                suspect = (opener, tok)
        if tok.type in BLOCK_OPENERS and _opens_block(tok, [o for o, _ in opened]):
            opened.append((tok, _indentation(lines[tok.line - 1])))
            if tok.type == "IF" and previous is not None and previous.type == "ELSE":
                else_if = else_if or tok
        elif tok.type == "END" and opened:
            opened.pop()
        previous = tok
    if not opened:
        return None
    opener, where = suspect if suspect is not None else (opened[-1][0], None)
    return MissingEnd(opener_label(opener, text), opener, where, else_if)


def _continues(tok: Token, opener: Token) -> bool:
    if tok.type == "IN":
        return opener.type == "MATCH"
    return tok.type in _CONTINUES_BLOCK


def _indentation(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


_FUN_NAME = re.compile(r"fun\s+((?:self\s*\.\s*)?[A-Za-z_][A-Za-z0-9_]*\??)")
_LAMBDA = re.compile(r"fun\s*(\([^()\n]*\))")
_NAMED = re.compile(r"(type|trait|impl)\s+([A-Za-z_][A-Za-z0-9_.]*)")


def opener_label(opener: Token, text: str) -> str:
    """``fun handle``, ``fun (socket)``, ``type Account``, or just the keyword, in backticks."""
    rest = text[opener.start_pos : opener.start_pos + 200]
    if opener.type == "FUN":
        named = _FUN_NAME.match(rest)
        if named:
            return "`fun " + re.sub(r"\s+", "", named[1]) + "`"
        anonymous = _LAMBDA.match(rest)
        return f"`fun {anonymous[1]}`" if anonymous else "`fun`"
    named = _NAMED.match(rest)
    if named and opener.type in ("TYPE", "TRAIT", "IMPL"):
        return f"`{named[1]} {named[2]}`"
    return f"`{opener}`"
