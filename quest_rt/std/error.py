"""``std/error`` (spec 11.7), native half: ``is_error``. The ``Error`` trait and
``BasicError`` are Quest source in ``stdlib/std/error.q``."""

from __future__ import annotations

from typing import Any

from quest_rt.runtime.objects import QuestModule, is_error_value


def is_error(value: Any) -> bool:
    """is_error(value) -> Bool: whether value can be raised (an error or an Error struct).

    Example:
        error.is_error(ValueErr.new("bad"))  # => true
        error.is_error("bad")  # => false
    """
    return is_error_value(value)


def create() -> QuestModule:
    return QuestModule("error", {"is_error": is_error}, None)
