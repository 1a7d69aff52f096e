"""``std/term`` (spec 11.6): text wrapped in ANSI SGR codes.

``red("x", ["bold"])`` is ``"\\x1b[31;1mx\\x1b[0m"``: the colour code first, then each
attribute's code, joined with ``;``. ``grey`` is bright black (90), the grey terminals
actually show (code 30 is black, invisible on dark backgrounds).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from quest_rt.runtime.errors import ValueErr
from quest_rt.runtime.objects import QuestModule
from quest_rt.runtime.values import to_str
from quest_rt.std.arguments import need_list, need_str

RESET = "\x1b[0m"

COLORS = {"red": 31, "green": 32, "yellow": 33, "blue": 34, "magenta": 35, "cyan": 36,
          "white": 37, "grey": 90}

ATTRIBUTES = {"bold": 1, "dim": 2, "dimmed": 2, "underline": 4, "blink": 5, "reverse": 7,
              "hidden": 8}


def _attr_codes(attrs: Any, fname: str) -> list[int]:
    if attrs is None:
        return []
    codes = []
    for a in need_list(attrs, f"term.{fname}", "of attribute names"):
        if type(a) is not str or a not in ATTRIBUTES:
            raise ValueErr(f"term.{fname}: unknown attribute {to_str(a)!s} (known: "
                           + ", ".join(ATTRIBUTES) + ")")
        codes.append(ATTRIBUTES[a])
    return codes


def _wrap(text: Any, codes: list[int]) -> str:
    body = text if type(text) is str else to_str(text)
    return f"\x1b[{';'.join(str(c) for c in codes)}m{body}{RESET}"


def _colour(name: str) -> Callable[..., str]:
    def colour(text: Any, attrs: Any = None) -> str:
        return _wrap(text, [COLORS[name], *_attr_codes(attrs, name)])

    colour.__name__ = colour.__qualname__ = name
    colour.__doc__ = (f"{name}(text, attrs = []) -> Str: text in {name}, with the attributes "
                      f"named in attrs\n\nExample:\n    term.{name}(\"ok\", [\"bold\"]) == "
                      f"chr(27) .. \"[{COLORS[name]};1mok\" .. term.reset()  # => true\n")
    return colour


def _attribute(name: str) -> Callable[[Any], str]:
    def attribute(text: Any) -> str:
        return _wrap(text, [ATTRIBUTES[name]])

    attribute.__name__ = attribute.__qualname__ = name
    attribute.__doc__ = (f"{name}(text) -> Str: text shown {name}\n\nExample:\n    "
                         f"term.{name}(\"x\") == chr(27) .. \"[{ATTRIBUTES[name]}mx\" .. "
                         f"term.reset()  # => true\n")
    return attribute


def color(text: Any, name: Any, attrs: Any = None) -> str:
    """color(text, name, attrs = []) -> Str: the colour given by name

    Example:
        term.color("x", "blue") == chr(27) .. "[34mx" .. chr(27) .. "[0m"  # => true
    """
    if need_str(name, "term.color", "colour name") not in COLORS:
        raise ValueErr(f"term.color: unknown colour {to_str(name)} (known: "
                       + ", ".join(COLORS) + ")")
    return _wrap(text, [COLORS[name], *_attr_codes(attrs, "color")])


def reset() -> str:
    """reset() -> Str: the code that turns every colour and attribute off

    Example:
        term.reset() == chr(27) .. "[0m"  # => true
    """
    return RESET


def create() -> QuestModule:
    members: dict[str, Any] = {name: _colour(name) for name in COLORS}
    members.update({name: _attribute(name) for name in ATTRIBUTES})
    members["color"] = color
    members["reset"] = reset
    return QuestModule("term", members, None)
