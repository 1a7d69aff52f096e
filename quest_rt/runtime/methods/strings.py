"""Str methods (spec 5.5); the byte-level ones (``bytes encode decode hash``) are in
``bytes.py`` with the Bytes methods they share their codecs with.

Two units of length coexist, as in the reference: ``len()`` counts **UTF-8 bytes**
(``"é".len()`` is 2), while ``slice``, ``index_of`` and ``s[i]`` count **characters**.
Every method returns a new string (Str is immutable).
"""

from __future__ import annotations

from typing import Any

from quest_rt.runtime.dispatch import method
from quest_rt.runtime.errors import ValueErr
from quest_rt.runtime.formatting import fmt
from quest_rt.runtime.methods.arguments import need_int, need_str, slice_bounds
from quest_rt.runtime.values import INT_MAX, INT_MIN, eq, to_str


@method(str, "len")
def str_len(s: str) -> int:
    "len() -> Int: the length in UTF-8 bytes (\"é\".len() is 2)"
    return len(s) if s.isascii() else len(s.encode("utf-8", "surrogatepass"))


# ---------------------------------------------------------------- case and whitespace


@method(str, "upper")
def str_upper(s: str) -> str:
    "upper() -> Str: upper-cased"
    return s.upper()


@method(str, "lower")
def str_lower(s: str) -> str:
    "lower() -> Str: lower-cased"
    return s.lower()


@method(str, "capitalize")
def str_capitalize(s: str) -> str:
    "capitalize() -> Str: first character upper-cased, the rest lower-cased"
    return s.capitalize()


@method(str, "title")
def str_title(s: str) -> str:
    "title() -> Str: each word capitalized (a letter after a non-letter starts a word)"
    return s.title()


@method(str, "trim")
def str_trim(s: str) -> str:
    "trim() -> Str: leading and trailing whitespace removed"
    return s.strip()


@method(str, "ltrim")
def str_ltrim(s: str) -> str:
    "ltrim() -> Str: leading whitespace removed"
    return s.lstrip()


@method(str, "rtrim")
def str_rtrim(s: str) -> str:
    "rtrim() -> Str: trailing whitespace removed"
    return s.rstrip()


@method(str, "expandtabs")
def str_expandtabs(s: str, tabsize: Any = 8) -> str:
    "expandtabs(n = 8) -> Str: tabs replaced by spaces up to the next multiple of n"
    return s.expandtabs(need_int(tabsize, "Str.expandtabs", "an Int tab size"))


# ---------------------------------------------------------------- searching


@method(str, "contains")
def str_contains(s: str, part: Any) -> bool:
    "contains(s) -> Bool: whether s occurs in the string"
    return need_str(part, "Str.contains") in s


@method(str, "startswith", "starts_with")
def str_startswith(s: str, prefix: Any) -> bool:
    "startswith(s) -> Bool: whether the string begins with s (alias starts_with)"
    return s.startswith(need_str(prefix, "Str.startswith"))


@method(str, "endswith", "ends_with")
def str_endswith(s: str, suffix: Any) -> bool:
    "endswith(s) -> Bool: whether the string ends with s (alias ends_with)"
    return s.endswith(need_str(suffix, "Str.endswith"))


@method(str, "index_of")
def str_index_of(s: str, part: Any) -> int:
    "index_of(s) -> Int: the character position of the first s, -1 if absent"
    return s.find(need_str(part, "Str.index_of"))


@method(str, "count")
def str_count(s: str, part: Any) -> int:
    "count(s) -> Int: the number of non-overlapping occurrences of s"
    return s.count(need_str(part, "Str.count"))


# ---------------------------------------------------------------- pieces


@method(str, "split")
def str_split(s: str, sep: Any) -> list:
    "split(sep) -> Array: the pieces between occurrences of sep; split(\"\") gives characters"
    sep = need_str(sep, "Str.split", "a Str separator")
    if sep == "":
        return list(s)
    return s.split(sep)


@method(str, "slice")
def str_slice(s: str, start: Any, end: Any = None) -> str:
    "slice(start, end) -> Str: characters [start, end); negatives count from the end"
    a, b = slice_bounds(len(s), start, end, "Str.slice")
    return s[a:b]


@method(str, "replace")
def str_replace(s: str, old: Any, new: Any) -> str:
    "replace(old, new) -> Str: every occurrence of old replaced by new"
    return s.replace(need_str(old, "Str.replace"), need_str(new, "Str.replace"))


@method(str, "repeat")
def str_repeat(s: str, count: Any) -> str:
    "repeat(n) -> Str: the string n times (n >= 0)"
    if need_int(count, "Str.repeat") < 0:
        raise ValueErr(f"Str.repeat count must not be negative, got {count}")
    return s * count


@method(str, "concat")
def str_concat(s: str, other: Any) -> str:
    "concat(x) -> Str: the string followed by x's string form (s .. x)"
    return s + (other if type(other) is str else to_str(other))


@method(str, "fmt")
def str_fmt(s: str, *args: Any) -> str:
    "fmt(args...) -> Str: {} next argument, {0} by index, {:spec} formatted, {{ }} braces"
    return fmt(s, *args)


# ---------------------------------------------------------------- comparison


@method(str, "eq")
def str_eq(s: str, other: Any) -> bool:
    "eq(s) -> Bool: s == other"
    return eq(s, other)


@method(str, "neq")
def str_neq(s: str, other: Any) -> bool:
    "neq(s) -> Bool: s != other"
    return not eq(s, other)


# ---------------------------------------------------------------- conversions

_DIGITS = {10: "0123456789", 16: "0123456789abcdef", 8: "01234567", 2: "01"}
_PREFIXES = {"0x": 16, "0o": 8, "0b": 2}


@method(str, "to_int")
def str_to_int(s: str) -> int:
    "to_int() -> Int: the number written in the string (trimmed; _, 0x, 0o, 0b allowed)"
    body = s.strip()
    negative = body[:1] == "-"
    if body[:1] in ("-", "+"):
        body = body[1:]
    base = _PREFIXES.get(body[:2].lower(), 10)
    if base != 10:
        body = body[2:]
    digits = body.replace("_", "").lower()
    allowed = _DIGITS[base]
    if not digits or any(c not in allowed for c in digits):
        raise ValueErr(f"Cannot convert '{s}' to Int")
    value = int(digits, base)
    value = -value if negative else value
    if not INT_MIN <= value <= INT_MAX:
        raise ValueErr(f"Cannot convert '{s}' to Int: out of the 64-bit range")
    return value


@method(str, "to_float")
def str_to_float(s: str) -> float:
    "to_float() -> Float: the number written in the string (trimmed; _ allowed)"
    body = s.strip().replace("_", "")
    if body and body.isascii():
        try:
            return float(body)
        except ValueError:
            pass
    raise ValueErr(f"Cannot convert '{s}' to Float")


@method(str, "ord")
def str_ord(s: str) -> int:
    "ord() -> Int: the code point of the first character"
    if not s:
        raise ValueErr("Str.ord of an empty string")
    return ord(s[0])


# ---------------------------------------------------------------- classification
# Python's rules for each class of character, except that "" is never in a class.


@method(str, "isdigit")
def str_isdigit(s: str) -> bool:
    "isdigit() -> Bool: non-empty and every character a digit"
    return s.isdigit()


@method(str, "isalpha")
def str_isalpha(s: str) -> bool:
    "isalpha() -> Bool: non-empty and every character a letter"
    return s.isalpha()


@method(str, "isalnum")
def str_isalnum(s: str) -> bool:
    "isalnum() -> Bool: non-empty and every character a letter or digit"
    return s.isalnum()


@method(str, "isspace")
def str_isspace(s: str) -> bool:
    "isspace() -> Bool: non-empty and every character whitespace"
    return s.isspace()


@method(str, "isupper")
def str_isupper(s: str) -> bool:
    "isupper() -> Bool: has a cased character and every cased character is upper case"
    return s.isupper()


@method(str, "islower")
def str_islower(s: str) -> bool:
    "islower() -> Bool: has a cased character and every cased character is lower case"
    return s.islower()


@method(str, "istitle")
def str_istitle(s: str) -> bool:
    "istitle() -> Bool: has a cased character and equals its title() form"
    return s.istitle()


@method(str, "isascii")
def str_isascii(s: str) -> bool:
    "isascii() -> Bool: non-empty and every character ASCII"
    return s != "" and s.isascii()


@method(str, "isdecimal")
def str_isdecimal(s: str) -> bool:
    "isdecimal() -> Bool: non-empty and every character a decimal digit"
    return s.isdecimal()


@method(str, "isnumeric")
def str_isnumeric(s: str) -> bool:
    "isnumeric() -> Bool: non-empty and every character numeric"
    return s.isnumeric()
