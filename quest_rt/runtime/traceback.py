"""Quest tracebacks: the ``.q`` frames of an exception, innermost last.

Compiled Quest code runs as CPython frames whose code objects carry the ``.q`` path as
filename and the Quest function name (with a compiler suffix such as ``·2`` removed), so
a Quest traceback is the Python traceback filtered to those frames. Frames of quest-rt
itself (runtime helpers, std modules) are hidden unless ``QUEST_DEBUG=1``::

    Traceback (most recent call last):
      app.q:20 in <module>
        puts(ratio(1, 0))
      app.q:3 in ratio
        a / b
    RuntimeErr: Division by zero
"""

from __future__ import annotations

import linecache
import os
import traceback as pytraceback
import types
from dataclasses import dataclass

from quest_rt.runtime.errors import Err, UserRaise, to_quest
from quest_rt.runtime.loader import QUEST_FILES, SOURCES
from quest_rt.runtime.values import cls_name, error_message


@dataclass(frozen=True)
class QuestFrame:
    path: str
    line: int
    function: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line} in {self.function}"


def debug_enabled() -> bool:
    return os.environ.get("QUEST_DEBUG", "") not in ("", "0")


def quest_function_name(code: types.CodeType) -> str:
    name = code.co_name.split("·")[0]
    return name or "<anonymous>"


def _enclosing_function(code: types.CodeType) -> str:
    """The Quest function a compiler-made function (``·tpl3``) is nested in."""
    for part in reversed(code.co_qualname.split(".<locals>.")):
        if not part.startswith("·"):
            return part.split("·")[0] or "<anonymous>"
    return "<module>"


def quest_frames(tb: types.TracebackType | None) -> list[QuestFrame]:
    frames: list[QuestFrame] = []
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename in QUEST_FILES:
            if code.co_name.startswith("·") and frames:
                # a loop body or template function: part of the Quest frame that called it
                frames[-1] = QuestFrame(code.co_filename, tb.tb_lineno, frames[-1].function)
            elif code.co_name.startswith("·"):
                # a template's dynamics evaluated by the LiveView diff engine, after the
                # render function returned: name the Quest function the template is in
                frames.append(QuestFrame(code.co_filename, tb.tb_lineno,
                                         _enclosing_function(code)))
            else:
                frames.append(QuestFrame(code.co_filename, tb.tb_lineno,
                                         quest_function_name(code)))
        tb = tb.tb_next
    return frames


def _source_line(path: str, line: int) -> str:
    _share_sources()
    text = linecache.getline(path, line)
    return text.strip()


def _share_sources() -> None:
    """Hand the sources that are not files (``loader.register_source``) to ``linecache``,
    where Python's own tracebacks (``QUEST_DEBUG=1``) read them too."""
    for path, source in SOURCES.items():
        entry = linecache.cache.get(path)
        if entry is None or entry[0] != len(source) or "".join(entry[2]) != source:
            linecache.cache[path] = (len(source), None, source.splitlines(True), path)


def error_type_name(value: object) -> str:
    if isinstance(value, Err):
        return type(value).quest_name
    return cls_name(value)


def format_exception(exc: BaseException) -> str:
    """The text printed for an uncaught exception (or logged for a failing handler)."""
    value = to_quest(exc)
    tb = exc.__traceback__
    lines = []
    frames = quest_frames(tb)
    if frames:
        lines.append("Traceback (most recent call last):")
        repeats = 0
        for i, f in enumerate(frames):
            if i > 0 and f == frames[i - 1]:
                repeats += 1
                if repeats >= 3:
                    continue  # deep recursion: say how often instead of printing it all
            elif repeats >= 3:
                lines.append(f"  [previous frame repeated {repeats - 2} more times]")
                repeats = 0
            else:
                repeats = 0
            lines.append(f"  {f}")
            src = _source_line(f.path, f.line)
            if src:
                lines.append(f"    {src}")
        if repeats >= 3:
            lines.append(f"  [previous frame repeated {repeats - 2} more times]")
    if isinstance(exc, UserRaise) or not isinstance(value, Err):
        lines.append(f"{error_type_name(value)}: {error_message(value)}")
    else:
        lines.append(f"{type(value).quest_name}: {value.quest_message}")
    text = "\n".join(lines)
    if debug_enabled():
        _share_sources()
        py = "".join(pytraceback.format_exception(type(exc), exc, exc.__traceback__))
        text = py + "\n" + text
    return text


def stack_strings(exc: BaseException) -> list[str]:
    return [str(f) for f in reversed(quest_frames(exc.__traceback__))]
