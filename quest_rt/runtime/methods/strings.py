"""Str methods (spec 5.5); the byte-level ones (``bytes encode decode hash``) are in
``bytes.py`` with the Bytes methods they share their codecs with.

Two units of length coexist, as in the reference: ``len()`` counts **UTF-8 bytes**
(``"é".len()`` is 2), while ``slice``, ``index_of`` and ``s[i]`` count **characters**.
Every method returns a new string (Str is immutable).
"""

from __future__ import annotations

from quest_rt.runtime.dispatch import method
from quest_rt.runtime.errors import ValueErr
from quest_rt.runtime.formatting import fmt
from quest_rt.runtime.methods.arguments import need_int, need_str, slice_bounds
from quest_rt.runtime.values import INT_MAX, INT_MIN, eq, to_str

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


@method(str, "len")
def str_len(text: str) -> int:
    """len() -> Int: the length in UTF-8 bytes ("é".len() is 2)

    Example:
        "abc".len()  # => 3
        "é".len()  # => 2
    """
    return len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))


# ---------------------------------------------------------------- case and whitespace


@method(str, "upper")
def str_upper(text: str) -> str:
    """upper() -> Str: upper-cased

    Example:
        "Hello".upper()  # => "HELLO"
    """
    return text.upper()


@method(str, "lower")
def str_lower(text: str) -> str:
    """lower() -> Str: lower-cased

    Example:
        "Hello".lower()  # => "hello"
    """
    return text.lower()


@method(str, "capitalize")
def str_capitalize(text: str) -> str:
    """capitalize() -> Str: first character upper-cased, the rest lower-cased

    Example:
        "hELLO world".capitalize()  # => "Hello world"
    """
    return text.capitalize()


@method(str, "title")
def str_title(text: str) -> str:
    """title() -> Str: each word capitalized (a letter after a non-letter starts a word)

    Example:
        "hello big world".title()  # => "Hello Big World"
    """
    return text.title()


@method(str, "trim")
def str_trim(text: str) -> str:
    """trim() -> Str: leading and trailing whitespace removed

    Example:
        "  hi  ".trim()  # => "hi"
    """
    return text.strip()


@method(str, "ltrim")
def str_ltrim(text: str) -> str:
    """ltrim() -> Str: leading whitespace removed

    Example:
        "  hi  ".ltrim()  # => "hi  "
    """
    return text.lstrip()


@method(str, "rtrim")
def str_rtrim(text: str) -> str:
    """rtrim() -> Str: trailing whitespace removed

    Example:
        "  hi  ".rtrim()  # => "  hi"
    """
    return text.rstrip()


@method(str, "expandtabs")
def str_expandtabs(text: str, n: Any = 8) -> str:
    """expandtabs(n = 8) -> Str: tabs replaced by spaces up to the next multiple of n

    Example:
        "a\\tb".expandtabs(4)  # => "a   b"
    """
    return text.expandtabs(need_int(n, "Str.expandtabs", "an Int tab size"))


# ---------------------------------------------------------------- searching


@method(str, "contains")
def str_contains(text: str, s: Any) -> bool:
    """contains(s) -> Bool: whether s occurs in the string

    Example:
        "hello".contains("ell")  # => true
    """
    return need_str(s, "Str.contains") in text


@method(str, "startswith", "starts_with")
def str_startswith(text: str, s: Any) -> bool:
    """startswith(s) -> Bool: whether the string begins with s (alias starts_with)

    Example:
        "report.pdf".startswith("rep")  # => true
    """
    return text.startswith(need_str(s, "Str.startswith"))


@method(str, "endswith", "ends_with")
def str_endswith(text: str, s: Any) -> bool:
    """endswith(s) -> Bool: whether the string ends with s (alias ends_with)

    Example:
        "report.pdf".endswith(".pdf")  # => true
        "report.pdf".ends_with(".txt")  # => false
    """
    return text.endswith(need_str(s, "Str.endswith"))


@method(str, "index_of")
def str_index_of(text: str, s: Any) -> int:
    """index_of(s) -> Int: the character position of the first s, -1 if absent

    Example:
        "hello".index_of("l")  # => 2
        "hello".index_of("z")  # => -1
    """
    return text.find(need_str(s, "Str.index_of"))


@method(str, "count")
def str_count(text: str, s: Any) -> int:
    """count(s) -> Int: the number of non-overlapping occurrences of s

    Example:
        "banana".count("an")  # => 2
    """
    return text.count(need_str(s, "Str.count"))


# ---------------------------------------------------------------- pieces


@method(str, "split")
def str_split(text: str, sep: Any) -> list:
    """split(sep) -> Array: the pieces between occurrences of sep; split("") gives characters

    Example:
        "a,b,c".split(",")  # => ["a", "b", "c"]
        "abc".split("")  # => ["a", "b", "c"]
    """
    sep = need_str(sep, "Str.split", "a Str separator")
    if sep == "":
        return list(text)
    return text.split(sep)


@method(str, "slice")
def str_slice(text: str, start: Any, end: Any = None) -> str:
    """slice(start, end) -> Str: characters [start, end); negatives count from the end

    Example:
        "hello".slice(1, 3)  # => "el"
        "hello".slice(-3)  # => "llo"
    """
    a, b = slice_bounds(len(text), start, end, "Str.slice")
    return text[a:b]


@method(str, "replace")
def str_replace(text: str, old: Any, new: Any) -> str:
    """replace(old, new) -> Str: every occurrence of old replaced by new

    Example:
        "a-b-c".replace("-", "+")  # => "a+b+c"
    """
    return text.replace(need_str(old, "Str.replace"), need_str(new, "Str.replace"))


@method(str, "repeat")
def str_repeat(text: str, n: Any) -> str:
    """repeat(n) -> Str: the string n times (n >= 0)

    Example:
        "ab".repeat(3)  # => "ababab"
    """
    if need_int(n, "Str.repeat") < 0:
        raise ValueErr(f"Str.repeat count must not be negative, got {n}")
    return text * n


@method(str, "concat")
def str_concat(text: str, x: Any) -> str:
    """concat(x) -> Str: the string followed by x's string form (s .. x)

    Example:
        "n=".concat(5)  # => "n=5"
    """
    return text + (x if type(x) is str else to_str(x))


@method(str, "fmt")
def str_fmt(text: str, *args: Any) -> str:
    """fmt(args...) -> Str: {} next argument, {0} by index, {:spec} formatted, {{ }} braces

    Example:
        "{} + {} = {}".fmt(1, 2, 3)  # => "1 + 2 = 3"
        "{0}{0}".fmt("ab")  # => "abab"
        "{:.2}".fmt(3.14159)  # => "3.14"
        "{:>4}".fmt(7)  # => "   7"
    """
    return fmt(text, *args)


# ---------------------------------------------------------------- comparison


@method(str, "eq")
def str_eq(text: str, s: Any) -> bool:
    """eq(s) -> Bool: s == other

    Example:
        "a".eq("a")  # => true
    """
    return eq(text, s)


@method(str, "neq")
def str_neq(text: str, s: Any) -> bool:
    """neq(s) -> Bool: s != other

    Example:
        "a".neq("b")  # => true
    """
    return not eq(text, s)


# ---------------------------------------------------------------- conversions

_DIGITS = {10: "0123456789", 16: "0123456789abcdef", 8: "01234567", 2: "01"}
_PREFIXES = {"0x": 16, "0o": 8, "0b": 2}


@method(str, "to_int")
def str_to_int(text: str) -> int:
    """to_int() -> Int: the number written in the string (trimmed; _, 0x, 0o, 0b allowed)

    Example:
        "42".to_int()  # => 42
        "0xFF".to_int()  # => 255
    """
    body = text.strip()
    negative = body[:1] == "-"
    if body[:1] in ("-", "+"):
        body = body[1:]
    base = _PREFIXES.get(body[:2].lower(), 10)
    if base != 10:
        body = body[2:]
    digits = body.replace("_", "").lower()
    allowed = _DIGITS[base]
    if not digits or any(c not in allowed for c in digits):
        raise ValueErr(f"Cannot convert '{text}' to Int")
    value = int(digits, base)
    value = -value if negative else value
    if not INT_MIN <= value <= INT_MAX:
        raise ValueErr(f"Cannot convert '{text}' to Int: out of the 64-bit range")
    return value


@method(str, "to_float")
def str_to_float(text: str) -> float:
    """to_float() -> Float: the number written in the string (trimmed; _ allowed)

    Example:
        " 1_000.5 ".to_float()  # => 1000.5
    """
    body = text.strip().replace("_", "")
    if body and body.isascii():
        try:
            return float(body)
        except ValueError:
            pass
    raise ValueErr(f"Cannot convert '{text}' to Float")


@method(str, "ord")
def str_ord(text: str) -> int:
    """ord() -> Int: the code point of the first character

    Example:
        "A".ord()  # => 65
    """
    if not text:
        raise ValueErr("Str.ord of an empty string")
    return ord(text[0])


# ---------------------------------------------------------------- classification
# Python's rules for each class of character, except that "" is never in a class.


@method(str, "isdigit")
def str_isdigit(text: str) -> bool:
    """isdigit() -> Bool: non-empty and every character a digit

    Example:
        "123".isdigit()  # => true
        "".isdigit()  # => false
    """
    return text.isdigit()


@method(str, "isalpha")
def str_isalpha(text: str) -> bool:
    """isalpha() -> Bool: non-empty and every character a letter

    Example:
        "abc".isalpha()  # => true
        "abc1".isalpha()  # => false
    """
    return text.isalpha()


@method(str, "isalnum")
def str_isalnum(text: str) -> bool:
    """isalnum() -> Bool: non-empty and every character a letter or digit

    Example:
        "abc123".isalnum()  # => true
    """
    return text.isalnum()


@method(str, "isspace")
def str_isspace(text: str) -> bool:
    """isspace() -> Bool: non-empty and every character whitespace

    Example:
        " \\t".isspace()  # => true
    """
    return text.isspace()


@method(str, "isupper")
def str_isupper(text: str) -> bool:
    """isupper() -> Bool: has a cased character and every cased character is upper case

    Example:
        "ABC".isupper()  # => true
    """
    return text.isupper()


@method(str, "islower")
def str_islower(text: str) -> bool:
    """islower() -> Bool: has a cased character and every cased character is lower case

    Example:
        "abc".islower()  # => true
    """
    return text.islower()


@method(str, "istitle")
def str_istitle(text: str) -> bool:
    """istitle() -> Bool: has a cased character and equals its title() form

    Example:
        "Hello World".istitle()  # => true
    """
    return text.istitle()


@method(str, "isascii")
def str_isascii(text: str) -> bool:
    """isascii() -> Bool: non-empty and every character ASCII

    Example:
        "abc".isascii()  # => true
        "é".isascii()  # => false
    """
    return text != "" and text.isascii()


@method(str, "isdecimal")
def str_isdecimal(text: str) -> bool:
    """isdecimal() -> Bool: non-empty and every character a decimal digit

    Example:
        "123".isdecimal()  # => true
    """
    return text.isdecimal()


@method(str, "isnumeric")
def str_isnumeric(text: str) -> bool:
    """isnumeric() -> Bool: non-empty and every character numeric

    Example:
        "42".isnumeric()  # => true
    """
    return text.isnumeric()
