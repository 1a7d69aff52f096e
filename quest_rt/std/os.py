"""``std/os`` (spec 9.4): the environment, the working directory and the module search
path, plus the reference's LATER file-system helpers (``chdir`` ... ``rename``).

``search_path`` is the very list the module loader consults (``quest_rt.std.SEARCH_PATH``),
so ``os.search_path.push("vendor")`` makes later ``use`` statements look there.
"""

from __future__ import annotations

import os
from typing import Any

from quest_rt.runtime.errors import IOErr
from quest_rt.runtime.objects import QuestModule
from quest_rt.runtime.values import to_str
from quest_rt.std import SEARCH_PATH
from quest_rt.std.arguments import need_str


def _io_error(action: str, path: str, exc: OSError) -> IOErr:
    return IOErr(f"Cannot {action} '{path}': {exc.strerror or exc}")


def getenv(name: Any) -> str | None:
    """getenv(name) -> Str or nil: the value of an environment variable, nil when unset

    Example:
        os.setenv("APP_MODE", "dev")
        os.getenv("APP_MODE")  # => "dev"
        os.getenv("NO_SUCH_VARIABLE")  # => nil
    """
    return os.environ.get(need_str(name, "os.getenv", "name"))


def setenv(name: Any, value: Any) -> None:
    """setenv(name, value): set a variable (nil unsets it)

    Example:
        os.setenv("LEVEL", 3)
        os.getenv("LEVEL")  # => "3"
        os.setenv("LEVEL", nil)
        os.getenv("LEVEL")  # => nil
    """
    name = need_str(name, "os.setenv", "name")
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value if type(value) is str else to_str(value)


def unsetenv(name: Any) -> None:
    """unsetenv(name): remove an environment variable (nothing happens when it is unset)

    Example:
        os.setenv("TOKEN", "x")
        os.unsetenv("TOKEN")
        os.getenv("TOKEN")  # => nil
    """
    os.environ.pop(need_str(name, "os.unsetenv", "name"), None)


def environ() -> dict[str, str]:
    """environ() -> Dict: every environment variable, name to value

    Example:
        os.setenv("APP_MODE", "dev")
        os.environ()["APP_MODE"]  # => "dev"
    """
    return dict(os.environ)


def getcwd() -> str:
    """getcwd() -> Str: the working directory

    Example:
        os.getcwd().cls()  # => "Str"
    """
    return os.getcwd()


def chdir(path: Any) -> None:
    """chdir(path): make path the working directory

    Example:
        os.mkdir("work")
        os.chdir("work")
        os.getcwd().endswith("work")  # => true
    """
    path = need_str(path, "os.chdir", "path")
    try:
        os.chdir(path)
    except OSError as exc:
        raise _io_error("change directory to", path, exc) from None


def listdir(path: Any = ".") -> list[str]:
    """listdir(path = ".") -> Array of Str: entry names, sorted

    Example:
        os.mkdir("d")
        os.mkdir("d/b")
        os.mkdir("d/a")
        os.listdir("d")  # => ["a", "b"]
    """
    path = need_str(path, "os.listdir", "path")
    try:
        return sorted(os.listdir(path))
    except OSError as exc:
        raise _io_error("list", path, exc) from None


def mkdir(path: Any) -> None:
    """mkdir(path): create a directory and any missing parents

    Example:
        os.mkdir("a/b/c")
        os.listdir("a/b")  # => ["c"]
    """
    path = need_str(path, "os.mkdir", "path")
    try:
        os.makedirs(path)
    except OSError as exc:
        raise _io_error("create directory", path, exc) from None


def rmdir(path: Any) -> None:
    """rmdir(path): remove an empty directory

    Example:
        os.mkdir("empty")
        os.rmdir("empty")
        os.listdir(".")  # => []
    """
    path = need_str(path, "os.rmdir", "path")
    try:
        os.rmdir(path)
    except OSError as exc:
        raise _io_error("remove directory", path, exc) from None


def remove(path: Any) -> None:
    """remove(path): delete a file

    Example:
        use "std/io"
        io.write("x.txt", "")
        os.remove("x.txt")
        io.exists("x.txt")  # => false
    """
    path = need_str(path, "os.remove", "path")
    try:
        os.remove(path)
    except OSError as exc:
        raise _io_error("remove", path, exc) from None


def rename(src: Any, dst: Any) -> None:
    """rename(src, dst): rename or move a file or directory

    Example:
        os.mkdir("old")
        os.rename("old", "new")
        os.listdir(".")  # => ["new"]
    """
    src, dst = need_str(src, "os.rename", "source"), need_str(dst, "os.rename", "destination")
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
