"""Str methods (spec 5.5), the text ones; the byte-level ones are in test_methods_bytes."""

from __future__ import annotations

import pytest

from quest_rt.runtime.errors import ArgErr, AttrErr, TypeErr, ValueErr
from tests.runtime.support import check, check_error, ids

CASES = [
    # len counts UTF-8 bytes; slice, index_of and s[i] count characters
    ("", "len", (), 0), ("abc", "len", (), 3), ("é", "len", (), 2), ("日本", "len", (), 6),
    ("😀", "len", (), 4),
    # case
    ("aBc", "upper", (), "ABC"), ("aBc", "lower", (), "abc"),
    ("hELLO wORLD", "capitalize", (), "Hello world"), ("", "capitalize", (), ""),
    ("hello big world", "title", (), "Hello Big World"), ("x-ray", "title", (), "X-Ray"),
    # whitespace
    ("  a b \n", "trim", (), "a b"), ("  a ", "ltrim", (), "a "), ("  a ", "rtrim", (), "  a"),
    ("\t", "trim", (), ""),
    ("a\tb", "expandtabs", (), "a       b"), ("a\tb", "expandtabs", (4,), "a   b"),
    ("ab\tc\td", "expandtabs", (4,), "ab  c   d"),
    # searching
    ("hello", "contains", ("ell",), True), ("hello", "contains", ("xyz",), False),
    ("hello", "contains", ("",), True),
    ("hello", "startswith", ("he",), True), ("hello", "starts_with", ("lo",), False),
    ("hello", "endswith", ("lo",), True), ("hello", "ends_with", ("he",), False),
    ("hello", "index_of", ("l",), 2), ("hello", "index_of", ("z",), -1),
    ("héllo", "index_of", ("l",), 2), ("hello", "index_of", ("",), 0),
    ("banana", "count", ("a",), 3), ("aaaa", "count", ("aa",), 2), ("abc", "count", ("z",), 0),
    # split
    ("a,b,,c", "split", (",",), ["a", "b", "", "c"]), ("abc", "split", ("",), ["a", "b", "c"]),
    ("", "split", ("",), []), ("", "split", (",",), [""]), ("a b", "split", (" ",), ["a", "b"]),
    ("a--b", "split", ("--",), ["a", "b"]), ("héé", "split", ("",), ["h", "é", "é"]),
    # slice: characters [start, end), negatives from the end, clamped
    ("hello", "slice", (1, 3), "el"), ("hello", "slice", (-3, -1), "ll"),
    ("hello", "slice", (0, 100), "hello"), ("hello", "slice", (-100, 2), "he"),
    ("hello", "slice", (3, 1), ""), ("hello", "slice", (2,), "llo"),
    ("héllo", "slice", (1, 2), "é"), ("hello", "slice", (5, 5), ""),
    # replace, repeat, concat
    ("a.b.c", "replace", (".", "-"), "a-b-c"), ("aaa", "replace", ("a", ""), ""),
    ("abc", "replace", ("x", "y"), "abc"),
    ("ab", "repeat", (3,), "ababab"), ("ab", "repeat", (0,), ""),
    ("n=", "concat", (5,), "n=5"), ("x", "concat", (None,), "xnil"),
    ("v", "concat", (2.0,), "v2"), ("", "concat", ([1, "a"],), "[1, a]"),
    # comparison
    ("a", "eq", ("a",), True), ("a", "eq", ("b",), False), ("1", "eq", (1,), False),
    ("a", "neq", ("b",), True), ("a", "neq", ("a",), False),
    # fmt (spec 4.4)
    ("{} + {} = {}", "fmt", (1, 2, 3), "1 + 2 = 3"), ("{1}{0}", "fmt", ("a", "b"), "ba"),
    ("{:5}|", "fmt", (42,), "   42|"), ("{:<5}|", "fmt", (42,), "42   |"),
    ("{:^5}|", "fmt", (42,), " 42  |"), ("{:05}", "fmt", (42,), "00042"),
    ("{:.2}", "fmt", (3.14159,), "3.14"), ("{:#x}", "fmt", (255,), "0xff"),
    ("{{}} {}", "fmt", ("x",), "{} x"), ("{0:>4}", "fmt", ("ab",), "  ab"),
    ("plain", "fmt", (), "plain"), ("{}", "fmt", (1.0,), "1"),
    # conversions
    ("42", "to_int", (), 42), ("  -42 \n", "to_int", (), -42), ("+7", "to_int", (), 7),
    ("1_000_000", "to_int", (), 1000000), ("0x1F", "to_int", (), 31), ("0XfF", "to_int", (), 255),
    ("0b101", "to_int", (), 5), ("0o17", "to_int", (), 15), ("-0x10", "to_int", (), -16),
    ("007", "to_int", (), 7), ("9223372036854775807", "to_int", (), 2**63 - 1),
    ("-9223372036854775808", "to_int", (), -(2**63)),
    ("3.5", "to_float", (), 3.5), (" -2 ", "to_float", (), -2.0), ("1_000.5", "to_float", (),
                                                                   1000.5),
    ("1e3", "to_float", (), 1000.0), (".5", "to_float", (), 0.5), ("inf", "to_float", (),
                                                                   float("inf")),
    ("A", "ord", (), 65), ("é!", "ord", (), 233),
    # classification: Python's rules, but "" is never in a class
    ("123", "isdigit", (), True), ("12a", "isdigit", (), False), ("", "isdigit", (), False),
    ("abé", "isalpha", (), True), ("ab1", "isalpha", (), False), ("", "isalpha", (), False),
    ("ab1", "isalnum", (), True), ("ab 1", "isalnum", (), False), ("", "isalnum", (), False),
    (" \t\n", "isspace", (), True), (" a", "isspace", (), False), ("", "isspace", (), False),
    ("ABC1", "isupper", (), True), ("AbC", "isupper", (), False), ("", "isupper", (), False),
    ("abc1", "islower", (), True), ("aBc", "islower", (), False), ("", "islower", (), False),
    ("Hello World", "istitle", (), True), ("Hello world", "istitle", (), False),
    ("", "istitle", (), False),
    ("abc~", "isascii", (), True), ("é", "isascii", (), False), ("", "isascii", (), False),
    ("123", "isdecimal", (), True), ("½", "isdecimal", (), False), ("", "isdecimal", (), False),
    ("½3", "isnumeric", (), True), ("3a", "isnumeric", (), False), ("", "isnumeric", (), False),
    # universal methods on strings
    ("x", "cls", (), "Str"), ("x", "str", (), "x"), ("x", "_rep", (), '"x"'),
    ("x", "is", ("Str",), True), ("x", "is", ("Int",), False),
]


@pytest.mark.parametrize("receiver, name, args, want", CASES, ids=ids(CASES))
def test_str_method(receiver, name, args, want):
    check(receiver, name, args, want)


ERRORS = [
    ("abc", "contains", (1,), TypeErr, "Str.contains expects a Str, got Int"),
    ("abc", "startswith", (None,), TypeErr, "Str.startswith expects a Str, got Nil"),
    ("abc", "ends_with", ([],), TypeErr, "Str.endswith expects a Str, got Array"),
    ("abc", "index_of", (1,), TypeErr, "Str.index_of expects a Str, got Int"),
    ("abc", "count", (1,), TypeErr, "Str.count expects a Str, got Int"),
    ("a,b", "split", (1,), TypeErr, "Str.split expects a Str separator, got Int"),
    ("abc", "slice", ("1", 2), TypeErr, "Str.slice expects Int bounds, got Str"),
    ("abc", "slice", (0, 1.5), TypeErr, "Str.slice expects Int bounds, got Float"),
    ("abc", "replace", ("a", 1), TypeErr, "Str.replace expects a Str, got Int"),
    ("ab", "repeat", (-1,), ValueErr, "must not be negative"),
    ("ab", "repeat", ("2",), TypeErr, "Str.repeat expects an Int, got Str"),
    ("a\tb", "expandtabs", ("4",), TypeErr, "Str.expandtabs expects an Int tab size"),
    ("{} {}", "fmt", (1,), ArgErr, "not enough arguments"),
    ("{:q}", "fmt", (1,), ValueErr, "Invalid format spec"),
    ("", "to_int", (), ValueErr, "Cannot convert '' to Int"),
    ("abc", "to_int", (), ValueErr, "Cannot convert 'abc' to Int"),
    ("1.5", "to_int", (), ValueErr, "Cannot convert '1.5' to Int"),
    ("0x", "to_int", (), ValueErr, "Cannot convert '0x' to Int"),
    ("0b102", "to_int", (), ValueErr, "Cannot convert '0b102' to Int"),
    ("١٢", "to_int", (), ValueErr, "Cannot convert"),
    ("9223372036854775808", "to_int", (), ValueErr, "out of the 64-bit range"),
    ("", "to_float", (), ValueErr, "Cannot convert '' to Float"),
    ("1.2.3", "to_float", (), ValueErr, "Cannot convert '1.2.3' to Float"),
    ("", "ord", (), ValueErr, "empty string"),
    ("abc", "empty", (), AttrErr, "Str has no method 'empty'"),
    ("abc", "push", ("d",), AttrErr, "Str has no method 'push'"),
]


@pytest.mark.parametrize("receiver, name, args, error, text", ERRORS, ids=ids(ERRORS))
def test_str_method_error(receiver, name, args, error, text):
    check_error(receiver, name, args, error, text)


def test_wrong_argument_count_is_an_arg_err_naming_the_method():
    check_error("abc", "split", (), ArgErr, "Str.split(sep) expects 1 arguments, got 0")
    check_error("abc", "upper", (1,), ArgErr, "Str.upper() expects 0 arguments, got 1")
    check_error("abc", "slice", (1, 2, 3), ArgErr,
                "Str.slice(start, end) expects 1 to 2 arguments, got 3")

