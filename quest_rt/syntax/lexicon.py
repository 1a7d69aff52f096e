"""The words of Quest: reserved keywords and the built-in type words.

Shared by the parser (which must reject keywords used as names), the diagnostics (which name
tokens in messages) and the template scanner (which validates ``<% for x in xs %>`` names).
Kept apart from the grammar because Python code needs them as sets, and a test checks that the
grammar and this list agree.
"""

from __future__ import annotations

import re

#: Reserved words (spec 1.2): never a variable, parameter, field, dict-key or argument name.
#: Any word is allowed after a ``.`` (``range.end()``, ``e.type()``).
KEYWORDS: frozenset[str] = frozenset(
    """
    if elif else end fun type trait impl with return and or not true false nil use let del as
    for in to until step while match try catch ensure raise const break continue pub
    """.split()
)

#: Built-in type words that evaluate to their own name when used as a value (spec 1.5).
TYPE_WORDS: frozenset[str] = frozenset("Int Float Str Bool Array Dict Bytes Uuid Num Obj".split())

#: An identifier as the grammar's NAME terminal spells it, without the ``name?(`` suffix.
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def keyword_terminal(word: str) -> str:
    """The Lark terminal name of a keyword written as ``"word"`` in the grammar."""
    return word.upper()
