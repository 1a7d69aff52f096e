"""Decoding literal tokens: numbers, strings, f-strings, ``#{}`` interpolation, bytes.

The lexer only finds where a literal starts and ends; the rules for what it means live here
(spec 1.3 and 1.4). Every function takes the token text exactly as written and raises
``LiteralError`` with an offset into that text, so the caller can point the caret at the
offending character rather than at the start of the token.

Worked example: the token ``"id=#{user.id}\\n"`` splits (``split_interpolation``) into::

    ["id=", Hole(text="user.id", offset=6), "\\n"]

where ``offset`` is where ``user.id`` starts inside the token (after ``"id=#{``), and the text
pieces have had their escapes processed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from .lexicon import IDENTIFIER, KEYWORDS

INT_MAX = 2**63 - 1


class LiteralError(Exception):
    """A malformed literal; ``offset`` is the character within the token text to point at."""

    def __init__(self, message: str, offset: int = 0):
        super().__init__(message)
        self.message = message
        self.offset = offset


# ---------------------------------------------------------------- numbers

_DECIMAL = re.compile(r"[0-9][0-9_]*(?:\.[0-9][0-9_]*)?(?:[eE][+-]?[0-9][0-9_]*)?")
_BIG_DECIMAL = re.compile(r"[0-9][0-9_]*")


class BigIntLiteral(NamedTuple):
    """The value of a BigInt literal (``123n``, ``0xFFn``): any size, no 64-bit check."""

    value: int
_BASES = {"x": (16, "hexadecimal", "0-9a-f"), "b": (2, "binary", "01"), "o": (8, "octal", "0-7")}


def decode_number(text: str) -> int | float | BigIntLiteral:
    """The value of a NUMBER token: Int (64-bit), Float or BigInt (an ``n`` suffix).

    The token may contain anything the lexer glued to the digits (``12abc``, ``0x1G``);
    this is where such spellings are rejected.
    """
    if len(text) > 1 and text[0] == "0" and text[1].lower() in _BASES:
        if text.endswith("n"):
            return BigIntLiteral(_decode_based(text[:-1], text, check=False))
        return _decode_based(text, text)
    if _DECIMAL.fullmatch(text):
        digits = text.replace("_", "")
        if any(ch in digits for ch in ".eE"):
            value = float(digits)
            if value == float("inf"):
                raise LiteralError(f"float literal `{text}` is too large")
            return value
        return _checked_int(int(digits), text)
    if text.endswith("n") and _BIG_DECIMAL.fullmatch(text[:-1]):
        return BigIntLiteral(int(text[:-1].replace("_", "")))
    bad = next((i for i, ch in enumerate(text) if ch.isalpha() and ch not in "eE"), 0)
    raise LiteralError(f"`{text}` is not a valid number: digits cannot run into letters", bad)


def _decode_based(text: str, token: str, check: bool = True) -> int:
    base, word, allowed = _BASES[text[1].lower()]
    body = text[2:]
    for i, ch in enumerate(body):
        if ch != "_" and not _is_digit_in_base(ch, base):
            raise LiteralError(f"invalid digit `{ch}` in {word} number `{token}`", i + 2)
    digits = body.replace("_", "")
    if not digits:
        raise LiteralError(f"`{token}` has no digits (expected {allowed} after `{text[:2]}`)")
    return _checked_int(int(digits, base), text) if check else int(digits, base)


def _is_digit_in_base(ch: str, base: int) -> bool:
    try:
        return int(ch, 16) < base
    except ValueError:
        return False


def _checked_int(value: int, text: str) -> int:
    if value > INT_MAX:
        raise LiteralError(
            f"integer literal `{text}` does not fit in 64 bits (the largest Int is {INT_MAX})"
        )
    return value


# ---------------------------------------------------------------- strings

_STRING_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "'": "'"}
_ESCAPE_PAIR = re.compile(r"\\(.)", re.DOTALL)


def unescape(body: str) -> str:
    """Process the escapes of ``"..."``, ``'...'`` and f-strings.

    Only ``\\n \\t \\r \\\\ \\" \\'`` are escapes; any other backslash pair is kept as
    written, so regexes like ``"\\d+"`` keep their backslash.
    """
    if "\\" not in body:
        return body
    return _ESCAPE_PAIR.sub(lambda m: _STRING_ESCAPES.get(m[1], m[0]), body)


def is_triple(text: str) -> bool:
    return text.startswith(('"""', "'''"))


def string_body(text: str) -> str:
    """The characters between the quotes of a STRING token (raw, escapes not processed)."""
    if is_triple(text):
        return text[3:-3]
    return text[1:-1]


def decode_plain_string(text: str) -> str:
    """The value of a STRING token read as a plain literal (no interpolation)."""
    if is_triple(text):
        return text[3:-3]  # raw: no escapes (spec 1.4)
    return unescape(text[1:-1])


@dataclass(frozen=True, slots=True)
class Hole:
    """A ``#{expr}`` or f-string ``{name:spec}`` found inside a string token."""

    text: str  # the expression source, or the f-string name
    offset: int  # where ``text`` starts within the token
    spec: str | None = None


def has_interpolation(text: str) -> bool:
    """True when a STRING token is a double-quoted one-line string containing ``#{``."""
    return text.startswith('"') and not is_triple(text) and "#{" in text


def split_interpolation(text: str) -> list[str | Hole]:
    """Split a double-quoted STRING token into text pieces and ``#{expr}`` holes.

    The scan mirrors the STRING terminal: a backslash pair is skipped as a unit (so ``\\#{``
    is not a hole), and inside a hole a ``"..."`` string and one level of ``{...}`` may
    contain a ``}`` that does not close it.
    """
    body, start = text[1:-1], 1
    parts: list[str | Hole] = []
    piece_start = i = 0
    while i < len(body):
        if body[i] == "\\":
            i += 2
        elif body.startswith("#{", i):
            close = _hole_end(body, i + 2)
            if close < 0:
                raise LiteralError("`#{` in this string is never closed with `}`", start + i)
            expr = body[i + 2 : close]
            if not expr.strip():
                raise LiteralError("empty `#{}` in string: put an expression inside", start + i)
            if piece_start < i:
                parts.append(unescape(body[piece_start:i]))
            parts.append(Hole(expr, start + i + 2))
            i = piece_start = close + 1
        else:
            i += 1
    if piece_start < len(body):
        parts.append(unescape(body[piece_start:]))
    return parts


def _hole_end(body: str, i: int) -> int:
    """Index of the ``}`` closing a hole whose expression starts at ``i``, or -1."""
    depth = 0
    while i < len(body):
        ch = body[i]
        if ch in "\"'":
            i += 1
            while i < len(body) and body[i] != ch:
                i += 2 if body[i] == "\\" else 1
        elif ch == "{":
            depth += 1
        elif ch == "}":
            if depth == 0:
                return i
            depth -= 1
        i += 1
    return -1




def split_fstring(text: str) -> list[str | Hole]:
    """Split an FSTRING token (``f"..."``) into text pieces and ``{expr}``/``{expr:spec}``
    holes (``Hole.offset`` points at the ``{``).

    [EXT] A hole holds any expression, as Python users expect (``f"{a.b}"``,
    ``f"{n + 1:05}"``); the format spec starts at the first top-level ``:`` that is not part
    of an elvis ``?:`` or a ternary ``c ? a : b``. There is no ``{{`` escape, and a lone
    ``}`` is ordinary text.
    """
    body, start = text[2:-1], 2
    parts: list[str | Hole] = []
    piece_start = i = 0
    while i < len(body):
        if body[i] == "\\":
            i += 2
        elif body[i] == "{":
            close = _hole_end(body, i + 1)
            if close < 0:
                raise LiteralError("`{` in this f-string is never closed with `}`", start + i)
            inner = body[i + 1 : close]
            expr, spec = _split_spec(inner)
            if not expr.strip():
                raise LiteralError(
                    "empty f-string hole: put an expression inside, optionally with a format "
                    "spec (`{name}`, `{total:.2}`)",
                    start + i,
                )
            if piece_start < i:
                parts.append(unescape(body[piece_start:i]))
            parts.append(Hole(expr, start + i, spec))
            i = piece_start = close + 1
        else:
            i += 1
    if piece_start < len(body):
        parts.append(unescape(body[piece_start:]))
    return parts


def _split_spec(inner: str) -> tuple[str, str | None]:
    """``("n + 1", "05")`` for the hole text ``n + 1:05``; the spec is ``None`` without one."""
    depth, pending_ternary, i = 0, 0, 0
    while i < len(inner):
        ch = inner[i]
        if ch in "\"'":
            i += 1
            while i < len(inner) and inner[i] != ch:
                i += 2 if inner[i] == "\\" else 1
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif depth == 0 and ch == "?":
            if inner[i + 1 : i + 2] == ":":
                i += 1  # the elvis operator `?:`
            elif inner[i + 1 : i + 2] != "(":  # not a `name?(` predicate call
                pending_ternary += 1
        elif depth == 0 and ch == ":":
            if pending_ternary:
                pending_ternary -= 1
            else:
                return inner[:i], inner[i + 1 :]
        i += 1
    return inner, None


_BYTES_ESCAPES = {"n": 10, "r": 13, "t": 9, "0": 0, "\\": 92, '"': 34, "'": 39}


def decode_bytes(text: str) -> bytes:
    """The value of a BYTES token (``b"..."``): ASCII plus ``\\xHH \\n \\r \\t \\0 \\\\ \\" \\'``."""
    body, start = text[2:-1], 2
    out = bytearray()
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            nxt = body[i + 1]
            if nxt == "x":
                digits = body[i + 2 : i + 4]
                if len(digits) != 2 or not all(d in "0123456789abcdefABCDEF" for d in digits):
                    raise LiteralError("`\\x` in a bytes literal needs two hex digits", start + i)
                out.append(int(digits, 16))
                i += 4
                continue
            if nxt not in _BYTES_ESCAPES:
                raise LiteralError(f"invalid escape `\\{nxt}` in a bytes literal", start + i)
            out.append(_BYTES_ESCAPES[nxt])
            i += 2
            continue
        if not ch.isascii():
            raise LiteralError(
                f"bytes literals hold ASCII only; write `{ch}` with `\\x` escapes", start + i
            )
        out.append(ord(ch))
        i += 1
    return bytes(out)


def is_identifier(word: str) -> bool:
    return IDENTIFIER.fullmatch(word) is not None and word not in KEYWORDS
