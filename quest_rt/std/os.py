"""``std/os`` (spec 9.4): the environment, the working directory and the module search
path, plus the reference's LATER file-system helpers (``chdir`` ... ``rename``).

``search_path`` is the very list the module loader consults (``quest_rt.std.SEARCH_PATH``),
so ``os.search_path.push("vendor")`` makes later ``use`` statements look there.
"""

from __future__ import annotations

import os
from typing import Any

from quest_rt.runtime.errors import IOErr, TypeErr
from quest_rt.runtime.objects import QuestModule
from quest_rt.runtime.values import cls_name, to_str
from quest_rt.std import SEARCH_PATH


def _str(value: Any, fname: str, what: str) -> str:
    if type(value) is not str:
        raise TypeErr(f"os.{fname} expects a Str {what}, got {cls_name(value)}")
    return value


def _io_error(action: str, path: str, exc: OSError) -> IOErr:
    return IOErr(f"Cannot {action} '{path}': {exc.strerror or exc}")


def getenv(name: Any) -> str | None:
    """getenv(name) -> Str or nil"""
    return os.environ.get(_str(name, "getenv", "name"))


def setenv(name: Any, value: Any) -> None:
    """setenv(name, value): set a variable (nil unsets it)"""
    name = _str(name, "setenv", "name")
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value if type(value) is str else to_str(value)


def unsetenv(name: Any) -> None:
    """unsetenv(name)"""
    os.environ.pop(_str(name, "unsetenv", "name"), None)


def environ() -> dict[str, str]:
    """environ() -> Dict of every environment variable"""
    return dict(os.environ)


def getcwd() -> str:
    """getcwd() -> Str: the working directory"""
    return os.getcwd()


def chdir(path: Any) -> None:
    """chdir(path)"""
    path = _str(path, "chdir", "path")
    try:
        os.chdir(path)
    except OSError as exc:
        raise _io_error("change directory to", path, exc) from None


def listdir(path: Any = ".") -> list[str]:
    """listdir(path = ".") -> Array of Str: entry names, sorted"""
    path = _str(path, "listdir", "path")
    try:
        return sorted(os.listdir(path))
    except OSError as exc:
        raise _io_error("list", path, exc) from None


def mkdir(path: Any) -> None:
    """mkdir(path): create a directory and any missing parents"""
    path = _str(path, "mkdir", "path")
    try:
        os.makedirs(path)
    except OSError as exc:
        raise _io_error("create directory", path, exc) from None


def rmdir(path: Any) -> None:
    """rmdir(path): remove an empty directory"""
    path = _str(path, "rmdir", "path")
    try:
        os.rmdir(path)
    except OSError as exc:
        raise _io_error("remove directory", path, exc) from None


def remove(path: Any) -> None:
    """remove(path): delete a file"""
    path = _str(path, "remove", "path")
    try:
        os.remove(path)
    except OSError as exc:
        raise _io_error("remove", path, exc) from None


def rename(src: Any, dst: Any) -> None:
    """rename(src, dst)"""
    src, dst = _str(src, "rename", "source"), _str(dst, "rename", "destination")
    try:
        os.rename(src, dst)
    except OSError as exc:
        raise _io_error("rename", src, exc) from None


def create() -> QuestModule:
    return QuestModule("os", {
        "getenv": getenv, "setenv": setenv, "unsetenv": unsetenv, "environ": environ,
        "getcwd": getcwd, "search_path": SEARCH_PATH, "chdir": chdir, "listdir": listdir,
        "mkdir": mkdir, "rmdir": rmdir, "remove": remove, "rename": rename,
    }, None)
