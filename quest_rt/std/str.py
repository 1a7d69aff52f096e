"""``std/str`` (spec 9.4): the reference module is a placeholder; we provide
``format(template, **values)`` / ``format(template, dict)`` and nothing more.

``{name}`` is replaced by the string form of that value; a placeholder naming no value is
left as it is, and there is no escape syntax.
"""

from __future__ import annotations

import re
from typing import Any

from quest_rt.runtime.errors import ArgErr
from quest_rt.runtime.objects import QuestModule
from quest_rt.runtime.values import to_str
from quest_rt.std.arguments import need_dict, need_str

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def format_(template: Any, values: Any = None, /, **named: Any) -> str:
    """format(template, **values) -> Str: {name} placeholders replaced by the named values
    (or by a Dict's); unknown placeholders stay

    Example:
        str.format("{who} has {n}", who: "Ada", n: 3)  # => "Ada has 3"
        str.format("{a}{b}", {"a": 1})  # => "1{b}"
    """
    need_str(template, "str.format", "template")
    if values is not None:
        need_dict(values, "str.format", "of values")
        if named:
            raise ArgErr("str.format takes a Dict or named values, not both")
        named = values

    def replace(m: re.Match[str]) -> str:
        key = m.group(1)
        if key not in named:
            return m.group(0)
        value = named[key]
        return value if type(value) is str else to_str(value)

    return _PLACEHOLDER.sub(replace, template)


format_.__name__ = "format"


def create() -> QuestModule:
    return QuestModule("str", {"format": format_}, None)
