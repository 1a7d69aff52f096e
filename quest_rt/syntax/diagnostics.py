"""Turning Lark's parse failures into messages a person understands.

``describe_error`` is called from exactly one place (``parser._parse_tree``) with whatever
Lark raised, and returns ``(message, line, col)``. It works through, in order:

1. characters no token can start with: unclosed strings, ``!``, ``@`` (``_bad_character``);
2. the table of common slips (``SLIPS``, Lark's example-matching idea): each entry lists
   malformed snippets; the parser state in which a snippet fails, together with the token it
   fails on, identifies the slip when a user's program fails the same way. LALR reduces as
   far as the bad token allows before failing, so ``if a = 1``, ``if a.b = 1`` and
   ``if f() = 1`` all fail in the state "after the condition of an `if`";
3. reserved words used as names (``fun f(step)``), named after the place where they stand
   (``RESERVED_WORD_PLACES``, matched the same way);
4. brackets and blocks that are closed wrongly or never closed, found on the parser's value
   stack (tokens not yet reduced are exactly the constructs still open);
5. a missing ``end``, located by indentation (``blocks.find_missing_end``);
6. otherwise "unexpected X; expected Y", with Y spelled as the tokens' literal text.
"""

from __future__ import annotations

import functools

from lark import Lark, Token, UnexpectedCharacters, UnexpectedInput, UnexpectedToken
from lark.lexer import PatternStr

from .blocks import (
    BLOCK_OPENERS,
    BRACKETS,
    CLOSER_OF,
    find_missing_end,
    open_constructs,
    opener_label,
)
from .lexicon import KEYWORDS, keyword_terminal

#: Marks a slip recognised by the parser state alone, whatever the token that follows.
ANY_TOKEN = "*"

#: Malformed snippet tables: message → examples. ``{token}`` is the offending token's text;
#: an example starting with ``!`` is parsed as a lone expression (template tags, ``#{}``).
SLIPS: dict[str, tuple[str, ...]] = {
    "`=` assigns a value; to compare in a condition use `==`": (
        "if a = 1 end",
        "while a = 1 end",
        "if a\nelif b = 1\nend",
    ),
    "Quest blocks do not use `:`; the body simply follows (`if cond ... end`)": (
        "if a: end",
        "while a: end",
        "if a\nelif b: end",
        "for x in xs: end",
        "fun f(): end",
        "fun f(x): end",
        "if a else: end",
    ),
    ANY_TOKEN + "a function declaration needs a parameter list, even an empty one: `fun name()`": (
        "fun f end",
        "fun f\nx\nend",
        "fun f -> Int end",
        "type T fun m end end",
    ),
    "`{token}{token}` is not a Quest operator; use `and`": ("a && b",),
    "`{token}{token}` is not a Quest operator; use `or`": ("a || b",),
    "`elif` cannot follow `else` in an `if` block": (
        "if a else elif b end",
        "if a else x elif b end",
    ),
    "`catch` cannot follow `ensure` in a `try` block": (
        "try x ensure y catch e z end",
        "try x ensure catch e z end",
    ),
    "assignment is a statement; only an expression is allowed here": (
        "!a = 1",
        "!a += 1",
        "!a -= 1",
        "!a *= 1",
        "!a /= 1",
        "!a %= 1",
    ),
    "`{token}` starts a statement; only an expression is allowed here": tuple(
        "!" + s
        for s in (
            "let x = 1",
            "const x = 1",
            "if x end",
            "while x end",
            "for x in y end",
            "match x end",
            "try x end",
            "with x end",
            "use 'x'",
            "del x",
            "return 1",
            "return",
            "raise x",
            "raise",
            "break",
            "continue",
            "type T end",
            "trait T end",
            "pub let x = 1",
        )
    ),
}

#: Where a reserved word was used as a name: place → examples ending on that keyword.
RESERVED_WORD_PLACES: dict[str, tuple[str, ...]] = {
    "parameter name": (
        "fun f(step) end",
        "fun f(a, step) end",
        "fun (step) end",
        "fun (a, step) end",
        "fun f(*step) end",
        "fun f(**step) end",
        "trait T fun f(step) end",
    ),
    "variable name": (
        "let step = 1",
        "let a = 1, step = 2",
        "const step = 1",
        "for step in x end",
        "for a, step in x end",
        "try x catch step y end",
        "del step",
        "with x as step end",
    ),
    "function name": ("fun step() end", "type T fun self.step() end end"),
    "type name": ("type step end", "trait step end"),
    "field name": ("type T step end", "type T pub step end"),
    "named argument": ("f(a, step: 1)",),
    'bare dict key (quote it: `"{token}"`)': ("{step: 1}", '{"a": 1, step: 2}'),
    "module alias": ('use "m" as step', 'use "m" {step}', 'use "m" {a as step}'),
}

#: Friendly names for the regex terminals (string terminals show their own text).
_TERMINAL_WORDS = {
    "NAME": "a name",
    "NUMBER": "a number",
    "STRING": "a string",
    "FSTRING": "an f-string",
    "BYTES": "a bytes literal",
    "$END": "end of input",
}
_EXPRESSION_STARTS = frozenset(
    "NAME NUMBER STRING FSTRING BYTES LPAR LSQB LBRACE MINUS PLUS TILDE NOT FUN TRUE FALSE NIL".split()
)
_STATEMENT_STARTS = frozenset(
    "LET CONST PUB IF WHILE FOR MATCH TRY WITH USE DEL RETURN BARE_RETURN RAISE BARE_RAISE "
    "BREAK CONTINUE TYPE TRAIT FUN AT DOC_MARK".split()
)
#: Tokens that could only have extended the expression before them (and the `**` splat
#: marker, which comes with `*`): noise in an "expected" list.
_CONTINUATIONS = frozenset(
    "== != < > <= >= | ^ & << >> .. + - * ** / % ? ?: . ( [ or and = += -= *= /= %=".split()
)
_FIRST = ("END", "RPAR", "RSQB", "RBRACE")
_KEYWORD_TYPES = frozenset(keyword_terminal(w) for w in KEYWORDS)


def describe_error(
    err: UnexpectedInput, parser: Lark, text: str, start: str
) -> tuple[str, int, int]:
    """Message, line and column for a Lark failure on ``text`` parsed from rule ``start``."""
    if isinstance(err, UnexpectedCharacters):
        return _bad_character(err, text)
    message, line, col = _unexpected_token(err, parser, text, start)
    if start == "expr_only":  # a template tag or a `#{}` hole: its end is not the file's
        message = message.replace("end of input", "end of the expression")
    return message, line, col


def _unexpected_token(
    err: UnexpectedInput, parser: Lark, text: str, start: str
) -> tuple[str, int, int]:
    assert isinstance(err, UnexpectedToken)
    token = err.token
    ip = err.interactive_parser
    state = ip.parser_state.position
    accepts = ip.accepts()
    stack = ip.parser_state.value_stack
    if token.type == "$END":
        return _unexpected_end(parser, text, stack, accepts, token)
    line, col = token.line, token.column
    slips = _slip_index(parser)
    slip = slips.get((start, state, token.type)) or slips.get((start, state, ANY_TOKEN))
    if slip is not None:
        return slip.format(token=token), line, col
    place = _reserved_index(parser).get((start, state))
    if place is not None and token.type in _KEYWORD_TYPES and token.type not in _CLAUSES:
        place = place.format(token=token)
        return f"`{token}` is a reserved word and cannot be used as a {place}", line, col
    opened = open_constructs(stack)
    message = _misplaced(token, opened, accepts)
    if message is None:
        message = f"unexpected {describe_token(token)}; expected {_expected(parser, accepts)}"
        if token.type in _KEYWORD_TYPES and "NAME" in accepts and token.type not in _CLAUSES:
            message += f" (`{token}` is a reserved word, not a name)"
        brackets = [t for t in opened if t.type in BRACKETS]
        if brackets and CLOSER_OF[brackets[-1].type] in accepts and brackets[-1].line < line:
            inner = brackets[-1]
            message += f" (the `{inner}` opened at line {inner.line} is not closed)"
    return message, line, col


def _bad_character(err: UnexpectedCharacters, text: str) -> tuple[str, int, int]:
    pos, line, col = err.pos_in_stream, err.line, err.column
    char = text[pos]
    if char in "\"'":
        if text[max(pos - 2, 0) : pos + 1] == char * 3:
            return f"unclosed triple-quoted string: no closing `{char * 3}`", line, col - 2
        return f"unclosed string: no closing `{char}` on this line", line, col
    if char == "!":
        return "`!` is not a Quest operator: use `not x`, or `!=` for inequality", line, col
    return f"unexpected character `{char}`", line, col


#: Clause keywords and the blocks they belong in (``end`` is handled with the brackets).
_CLAUSES = {
    "END": ("any", BLOCK_OPENERS),
    "ELIF": ("`if`", {"IF"}),
    "ELSE": ("`if` or `match`", {"IF", "MATCH"}),
    "CATCH": ("`try`", {"TRY"}),
    "ENSURE": ("`try`", {"TRY"}),
}


def _misplaced(token: Token, opened: list[Token], accepts: set[str]) -> str | None:
    """A closer or clause keyword that closes nothing, or closes the wrong thing."""
    brackets = [t for t in opened if t.type in BRACKETS]
    blocks = [t for t in opened if t.type not in BRACKETS]
    if token.type in ("ELIF", "ELSE", "CATCH", "ENSURE"):
        where, owners = _CLAUSES[token.type]
        if not blocks or blocks[-1].type not in owners:
            return f"`{token}` outside an {where} block"
        return None
    if token.type == "END":
        if brackets and (not blocks or brackets[-1].start_pos > blocks[-1].start_pos):
            inner = brackets[-1]
            return (
                f"`end` found while the `{inner}` opened at line {inner.line} is still open; "
                f"expected `{CLOSER_TEXT[inner.type]}`"
            )
        if not blocks:
            return "`end` does not close any open block"
        return None
    if token.type not in CLOSER_OF.values():
        return None
    if not brackets:
        return f"unmatched `{token}`: there is no open bracket for it to close"
    inner = brackets[-1]
    if CLOSER_OF[inner.type] != token.type and CLOSER_OF[inner.type] in accepts:
        return (
            f"`{token}` does not match the `{inner}` opened at line {inner.line}; "
            f"expected `{CLOSER_TEXT[inner.type]}`"
        )
    return None


CLOSER_TEXT = {"LPAR": ")", "LSQB": "]", "LBRACE": "}"}


def _unexpected_end(
    parser: Lark, text: str, stack: list, accepts: set[str], token: Token
) -> tuple[str, int, int]:
    line, col = _end_position(text, token)
    opened = open_constructs(stack)
    if opened and opened[-1].type in BRACKETS:
        inner = opened[-1]
        return f"`{inner}` is never closed (expected `{CLOSER_TEXT[inner.type]}`)", *_at(inner)
    if "END" in accepts and opened:
        found = find_missing_end(_tokens(parser, text), text)
        if found is not None:
            message = f"{found.label} (opened at line {found.opener.line}) has no matching `end`"
            if found.else_if is not None:
                message += (
                    f"; note that `else if` (line {found.else_if.line}) opens a new `if` "
                    "that needs its own `end`: did you mean `elif`?"
                )
            return message, *(_at(found.where) if found.where else (line, col))
        label = opener_label(opened[-1], text)
        return f"{label} (opened at line {opened[-1].line}) has no matching `end`", line, col
    return f"unexpected end of input; expected {_expected(parser, accepts)}", line, col


def _at(token: Token) -> tuple[int, int]:
    return token.line, token.column


def _end_position(text: str, token: Token) -> tuple[int, int]:
    """Just after the last token: the end of input, on the last line that has code."""
    if token.end_line is None or not text.strip():
        lines = text.rstrip().split("\n")
        return len(lines), len(lines[-1]) + 1
    return token.end_line, token.end_column


def _tokens(parser: Lark, text: str) -> list[Token]:
    """All tokens of ``text`` (only called when the parse failed at the very end, so it lexes)."""
    try:
        return list(parser.lex(text))
    except UnexpectedInput:
        return []


def describe_token(token: Token) -> str:
    if token.type == "$END":
        return "end of input"
    text = str(token).split("\n")[0]
    if len(text) > 24:
        text = text[:21] + "..."
    kind = {"NAME": "name ", "NUMBER": "number ", "STRING": "string ", "FSTRING": "f-string "}
    return f"{kind.get(token.type, '')}`{text}`"


def _expected(parser: Lark, accepts: set[str]) -> str:
    """``accepts`` in words: literal token text, or "a statement" / "an expression" / "a name"."""
    names = set(accepts) - {"BARE_RETURN", "BARE_RAISE"}  # shown as `return` / `raise`
    if "NAME" in names and "NUMBER" not in names and {"END", "IF", "LET"} <= names:
        names -= _KEYWORD_TYPES  # after `.`, where any word fits: "a name" says it all
    groups = []
    if "LET" in names:
        names -= _STATEMENT_STARTS | _EXPRESSION_STARTS
        groups.append("a statement")
    elif "NUMBER" in names:
        names -= _EXPRESSION_STARTS
        groups.append("an expression")
    elif "NAME" in names:
        names.discard("NAME")
        groups.append("a name")
    rest = {n for n in names if _text(parser, n) not in _CONTINUATIONS}
    if rest or groups:
        names = rest
    first = [_display(parser, n) for n in _FIRST if n in names]
    others = sorted(_display(parser, n) for n in names if n not in _FIRST)
    items = first + others + groups
    if not items:
        return "nothing more here"
    if len(items) > 7:
        items = items[:6] + ["..."]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _text(parser: Lark, name: str) -> str | None:
    """The literal text of a string terminal (``RPAR`` → ``)``); None for regex terminals."""
    if name == "$END":
        return None
    pattern = parser.get_terminal(name).pattern
    return pattern.value if isinstance(pattern, PatternStr) else None


def _display(parser: Lark, name: str) -> str:
    if name in _TERMINAL_WORDS:
        return _TERMINAL_WORDS[name]
    text = _text(parser, name)
    return name.lower() if text is None else f"`{text}`"


def _failure_key(parser: Lark, example: str) -> tuple[str, int, str] | None:
    """(start, parser state, token type) where ``example`` fails; ``!`` prefix: expression."""
    start, text = ("expr_only", example[1:]) if example.startswith("!") else ("module", example)
    try:
        parser.parse(text, start=start)
    except UnexpectedToken as err:
        return start, err.interactive_parser.parser_state.position, err.token.type
    except UnexpectedInput:
        return None
    return None


@functools.cache
def _slip_index(parser: Lark) -> dict[tuple[str, int, str], str]:
    index = {}
    for message, examples in SLIPS.items():
        any_token = message.startswith(ANY_TOKEN)
        for example in examples:
            key = _failure_key(parser, example)
            if key is not None:
                start, state, token_type = key
                key = (start, state, ANY_TOKEN if any_token else token_type)
                index.setdefault(key, message.removeprefix(ANY_TOKEN))
    return index


@functools.cache
def _reserved_index(parser: Lark) -> dict[tuple[str, int], str]:
    index = {}
    for place, examples in RESERVED_WORD_PLACES.items():
        for example in examples:
            key = _failure_key(parser, example)
            if key is not None:
                index.setdefault(key[:2], place)
    return index
