"""``std/io`` (spec 11.2): files, globbing and the in-memory ``StringIO`` buffer.

Every failure is an IOErr whose message names the operation and the path in Quest words
(``Cannot read 'notes.txt': No such file or directory``), never a Python ``OSError``.
Text is UTF-8.

Globbing: ``*`` and ``?`` stay inside one path segment, ``[...]`` is a character class
(``[!...]`` negated), ``**`` as a whole segment spans any number of directories. Hidden
files match like any other (the reference's glob crate does the same). ``glob_match``
applies these rules to a path string without touching the file system.
"""

from __future__ import annotations

import glob as _glob
import os
import re
import shutil
from functools import lru_cache
from typing import Any

from quest_rt.runtime.errors import IOErr, ValueErr
from quest_rt.runtime.objects import QuestModule
from quest_rt.std.arguments import need_int, need_list, need_str, need_str_or_bytes, wrong_kind

__all__ = ["StringIO", "create", "glob_regex"]


def _io_error(action: str, path: str, exc: OSError) -> IOErr:
    return IOErr(f"Cannot {action} '{path}': {exc.strerror or exc}")


def read(path: Any) -> str:
    """read(path) -> Str: the whole file as UTF-8 text

    Example:
        io.write("notes.txt", "hello")
        io.read("notes.txt")  # => "hello"
    """
    path = need_str(path, "io.read", "path")
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError as exc:
        raise _io_error("read", path, exc) from None
    except UnicodeDecodeError:
        raise IOErr(f"Cannot read '{path}': the file is not valid UTF-8 text") from None


def _write(path: Any, data: Any, mode: str, fname: str) -> None:
    path = need_str(path, fname, "path")
    data = need_str_or_bytes(data, fname, "data")
    payload = data.encode("utf-8") if type(data) is str else data
    try:
        with open(path, mode + "b") as f:
            f.write(payload)
    except OSError as exc:
        raise _io_error("write", path, exc) from None


def write(path: Any, data: Any) -> None:
    """write(path, data): replace the file with Str or Bytes data

    Example:
        io.write("out.txt", "first")
        io.write("out.txt", "second")
        io.read("out.txt")  # => "second"
    """
    _write(path, data, "w", "io.write")


def append(path: Any, data: Any) -> None:
    """append(path, data): add Str or Bytes data at the end of the file (created when
    missing)

    Example:
        io.write("log.txt", "one\\n")
        io.append("log.txt", "two\\n")
        io.read("log.txt")  # => "one\\ntwo\\n"
    """
    _write(path, data, "a", "io.append")


def exists(path: Any) -> bool:
    """exists(path) -> Bool: whether a file or directory is there

    Example:
        io.write("here.txt", "")
        io.exists("here.txt")  # => true
        io.exists("nowhere.txt")  # => false
    """
    return os.path.exists(need_str(path, "io.exists", "path"))


def is_file(path: Any) -> bool:
    """is_file(path) -> Bool: whether path is a regular file

    Example:
        io.write("f.txt", "")
        io.is_file("f.txt")  # => true
        io.is_file(".")  # => false
    """
    return os.path.isfile(need_str(path, "io.is_file", "path"))


def is_dir(path: Any) -> bool:
    """is_dir(path) -> Bool: whether path is a directory

    Example:
        io.is_dir(".")  # => true
    """
    return os.path.isdir(need_str(path, "io.is_dir", "path"))


def size(path: Any) -> int:
    """size(path) -> Int: the size in bytes

    Example:
        io.write("five.txt", "héllo")
        io.size("five.txt")  # => 6
    """
    path = need_str(path, "io.size", "path")
    try:
        return os.path.getsize(path)
    except OSError as exc:
        raise _io_error("get the size of", path, exc) from None


def remove(path: Any) -> None:
    """remove(path): delete a file, or a directory with everything in it

    Example:
        io.write("tmp.txt", "")
        io.remove("tmp.txt")
        io.exists("tmp.txt")  # => false
    """
    path = need_str(path, "io.remove", "path")
    try:
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path)
        else:
            os.remove(path)
    except OSError as exc:
        raise _io_error("remove", path, exc) from None


def copy(src: Any, dst: Any) -> None:
    """copy(src, dst): copy a file, or a directory with everything in it

    Example:
        io.write("a.txt", "hi")
        io.copy("a.txt", "b.txt")
        io.read("b.txt")  # => "hi"
    """
    src, dst = need_str(src, "io.copy", "source"), need_str(dst, "io.copy", "destination")
    try:
        if os.path.isdir(src):
            shutil.copytree(src, dst)
        else:
            shutil.copyfile(src, dst)
    except OSError as exc:
        raise _io_error("copy", src, exc) from None


def move(src: Any, dst: Any) -> None:
    """move(src, dst): move or rename a file or directory

    Example:
        io.write("old.txt", "x")
        io.move("old.txt", "new.txt")
        io.exists("old.txt")  # => false
        io.read("new.txt")  # => "x"
    """
    src, dst = need_str(src, "io.move", "source"), need_str(dst, "io.move", "destination")
    if not os.path.lexists(src):
        raise IOErr(f"Cannot move '{src}': No such file or directory")
    try:
        shutil.move(src, dst)
    except OSError as exc:
        raise _io_error("move", src, exc) from None


def glob(pattern: Any) -> list[str]:
    """glob(pattern) -> Array of Str: matching paths, sorted

    Example:
        io.write("a.q", "")
        io.write("b.q", "")
        io.glob("*.q")  # => ["a.q", "b.q"]
    """
    pattern = need_str(pattern, "io.glob", "pattern")
    return sorted(_glob.glob(pattern, recursive=True, include_hidden=True))


def _class(body: str) -> str:
    if body.startswith("!"):
        body = "^" + body[1:]
    return "[" + body.replace("\\", "\\\\") + "]"


@lru_cache(maxsize=256)
def glob_regex(pattern: str) -> re.Pattern[str]:
    """The compiled regular expression equivalent to a glob pattern (rules above)."""
    out = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "*":
            if pattern.startswith("**", i):
                at_start = i == 0 or pattern[i - 1] == "/"
                if at_start and pattern.startswith("**/", i):
                    out.append("(?:.*/)?")  # zero or more directories
                    i += 3
                    continue
                out.append(".*")
                i += 2
                continue
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            end = pattern.find("]", i + 2 if pattern.startswith("[!", i) else i + 1)
            if end == -1:
                out.append(re.escape(c))
            else:
                out.append(_class(pattern[i + 1:end]))
                i = end
        else:
            out.append(re.escape(c))
        i += 1
    try:
        return re.compile("".join(out) + r"\Z", re.DOTALL)
    except re.error as exc:
        raise ValueErr(f"Invalid glob pattern '{pattern}': {exc}") from None


def glob_match(path: Any, pattern: Any) -> bool:
    """glob_match(path, pattern) -> Bool: whether the path matches the glob pattern

    Example:
        io.glob_match("src/app/main.q", "src/**/*.q")  # => true
        io.glob_match("main.txt", "*.q")  # => false
    """
    path = need_str(path, "io.glob_match", "path")
    pattern = need_str(pattern, "io.glob_match", "pattern")
    return glob_regex(pattern).match(path) is not None


# ---------------------------------------------------------------- StringIO


class StringIO:
    """An in-memory text buffer with a read position, as the reference has it.

    ``write`` always appends at the end (wherever the position is), moves the position
    to the end and returns the number of UTF-8 bytes written. Positions (``tell``,
    ``seek``, ``truncate``, ``read(n)``) count characters; ``seek`` clamps to
    ``[0, char_len()]``. ``len()`` is the size in UTF-8 bytes and ``char_len()`` in
    characters. ``close()`` and ``_exit()`` change nothing: the buffer stays usable and
    ``closed()`` stays false.
    """

    quest_name = "StringIO"
    __slots__ = ("_text", "_pos")

    def __init__(self, initial: str = "") -> None:
        self._text = initial
        self._pos = 0

    @classmethod
    def new(cls, initial: Any = "") -> StringIO:
        """StringIO.new(initial = "") -> StringIO: a buffer holding initial, positioned at 0

        Example:
            io.StringIO.new("abc").read()  # => "abc"
        """
        return cls(need_str(initial, "StringIO.new"))

    def __str__(self) -> str:
        return f"<StringIO {len(self._text)} chars>"

    def write(self, s: Any) -> int:
        """write(s) -> Int: append s at the end; the number of UTF-8 bytes written

        Example:
            io.StringIO.new("a").write("é")  # => 2
        """
        need_str(s, "StringIO.write")
        self._text += s
        self._pos = len(self._text)
        return len(s.encode("utf-8", "surrogatepass"))

    def writelines(self, lines: Any) -> None:
        """writelines(lines): write each Str of an Array (no separators added)

        Example:
            let buf = io.StringIO.new()
            buf.writelines(["a", "b"])
            buf.get_value()  # => "ab"
        """
        for line in need_list(lines, "StringIO.writelines"):
            self.write(line)

    def get_value(self) -> str:
        """get_value() -> Str: the whole buffer, whatever the position

        Example:
            io.StringIO.new("abc").get_value()  # => "abc"
        """
        return self._text

    getvalue = get_value

    def read(self, n: Any = None) -> str:
        """read(n = nil) -> Str: up to n characters from the position (all when nil)

        Example:
            io.StringIO.new("abcdef").read(2)  # => "ab"
        """
        if n is None or (type(n) is int and n < 0):
            end = len(self._text)
        elif type(n) is int:
            end = min(self._pos + n, len(self._text))
        else:
            raise wrong_kind(n, "StringIO.read", "an Int")
        start = self._pos
        self._pos = max(end, start)
        return self._text[start:end]

    def readline(self) -> str:
        """readline() -> Str: up to and including the next newline ("" at the end)

        Example:
            io.StringIO.new("one\\ntwo").readline()  # => "one\\n"
        """
        start = self._pos
        nl = self._text.find("\n", start)
        end = len(self._text) if nl == -1 else nl + 1
        self._pos = max(end, start)
        return self._text[start:end]

    def readlines(self) -> list[str]:
        """readlines() -> Array of Str: the remaining lines, newlines kept

        Example:
            io.StringIO.new("a\\nb").readlines()  # => ["a\\n", "b"]
        """
        lines = []
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)

    def seek(self, offset: Any, whence: Any = 0) -> int:
        """seek(offset, whence = 0) -> Int: move from the start (0), the position (1) or
        the end (2); the new position, clamped to [0, char_len()]

        Example:
            io.StringIO.new("abcdef").seek(-2, 2)  # => 4
        """
        need_int(offset, "StringIO.seek", "offset")
        need_int(whence, "StringIO.seek", "whence")
        if whence not in (0, 1, 2):
            raise ValueErr(f"StringIO.seek: whence must be 0, 1 or 2, got {whence}")
        base = (0, self._pos, len(self._text))[whence]
        self._pos = min(max(base + offset, 0), len(self._text))
        return self._pos

    def tell(self) -> int:
        """tell() -> Int: the current character position

        Example:
            io.StringIO.new("abc").tell()  # => 0
        """
        return self._pos

    def clear(self) -> None:
        """clear(): empty the buffer and rewind

        Example:
            let buf = io.StringIO.new("abc")
            buf.clear()
            buf.empty()  # => true
        """
        self._text = ""
        self._pos = 0

    def truncate(self, n: Any = None) -> int:
        """truncate(n = nil) -> Int: keep the first n characters (default: up to the
        position); the position moves back if it was past the end

        Example:
            io.StringIO.new("abcdef").truncate(3)  # => 3
        """
        size = need_int(self._pos if n is None else n, "StringIO.truncate")
        if size < 0:
            raise ValueErr(f"StringIO.truncate: negative size {size}")
        self._text = self._text[:size]
        self._pos = min(self._pos, len(self._text))
        return len(self._text)

    def flush(self) -> None:
        """flush(): nothing to do for a memory buffer

        Example:
            io.StringIO.new().flush()  # => nil
        """
        return None

    def close(self) -> None:
        """close(): nothing to release; the buffer stays usable

        Example:
            io.StringIO.new().close()  # => nil
        """
        return None

    def closed(self) -> bool:
        """closed() -> Bool: always false (close() leaves a StringIO usable)

        Example:
            io.StringIO.new().closed()  # => false
        """
        return False

    def len(self) -> int:
        """len() -> Int: the size in UTF-8 bytes

        Example:
            io.StringIO.new("héllo").len()  # => 6
        """
        return len(self._text.encode("utf-8", "surrogatepass"))

    def char_len(self) -> int:
        """char_len() -> Int: the size in characters

        Example:
            io.StringIO.new("héllo").char_len()  # => 5
        """
        return len(self._text)

    def empty(self) -> bool:
        """empty() -> Bool: whether the buffer holds nothing

        Example:
            io.StringIO.new().empty()  # => true
        """
        return not self._text

    def _enter(self) -> StringIO:
        return self

    def _exit(self) -> None:
        return None


def create() -> QuestModule:
    return QuestModule("io", {
        "read": read, "write": write, "append": append, "exists": exists,
        "is_file": is_file, "is_dir": is_dir, "size": size, "remove": remove, "copy": copy,
        "move": move, "glob": glob, "glob_match": glob_match, "StringIO": StringIO,
    }, None)
