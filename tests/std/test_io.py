"""std/io (spec 11.2): files, glob, glob_match, StringIO."""

from __future__ import annotations

import os

import pytest

from quest_rt.runtime.errors import IOErr, TypeErr, ValueErr
from quest_rt.std import io as qio
from quest_rt.std.io import StringIO
from tests.std.support import lines

# ---------------------------------------------------------------- files


def test_write_then_read_text(tmp_path):
    path = str(tmp_path / "a.txt")
    assert qio.write(path, "héllo\n") is None
    assert qio.read(path) == "héllo\n"
    assert qio.size(path) == len("héllo\n".encode())
    qio.write(path, "replaced")
    assert qio.read(path) == "replaced"


def test_write_bytes_and_append(tmp_path):
    path = str(tmp_path / "b.bin")
    qio.write(path, b"\x00\x01")
    qio.append(path, b"\x02")
    qio.append(path, "z")
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\x01\x02z"


def test_write_rejects_other_values(tmp_path):
    with pytest.raises(TypeErr, match="expects Str or Bytes data, got Int"):
        qio.write(str(tmp_path / "x"), 5)
    with pytest.raises(TypeErr, match="io.read expects a Str path, got Nil"):
        qio.read(None)


def test_read_missing_file_is_ioerr_in_quest_words(tmp_path):
    path = str(tmp_path / "missing.txt")
    with pytest.raises(IOErr) as info:
        qio.read(path)
    assert str(info.value) == f"Cannot read '{path}': No such file or directory"


def test_read_non_utf8_is_ioerr(tmp_path):
    (tmp_path / "bad").write_bytes(b"\xff\xfe")
    with pytest.raises(IOErr, match="not valid UTF-8"):
        qio.read(str(tmp_path / "bad"))


def test_exists_is_file_is_dir(tmp_path):
    (tmp_path / "f").write_text("x")
    (tmp_path / "d").mkdir()
    f, d, m = (str(tmp_path / n) for n in ("f", "d", "m"))
    assert (qio.exists(f), qio.is_file(f), qio.is_dir(f)) == (True, True, False)
    assert (qio.exists(d), qio.is_file(d), qio.is_dir(d)) == (True, False, True)
    assert (qio.exists(m), qio.is_file(m), qio.is_dir(m)) == (False, False, False)


def test_size_of_missing_file(tmp_path):
    with pytest.raises(IOErr, match="Cannot get the size of"):
        qio.size(str(tmp_path / "nope"))


def test_remove_file_and_directory_tree(tmp_path):
    (tmp_path / "f").write_text("x")
    (tmp_path / "d" / "e").mkdir(parents=True)
    (tmp_path / "d" / "e" / "g").write_text("y")
    qio.remove(str(tmp_path / "f"))
    qio.remove(str(tmp_path / "d"))
    assert os.listdir(tmp_path) == []
    with pytest.raises(IOErr, match="Cannot remove .*No such file or directory"):
        qio.remove(str(tmp_path / "f"))


def test_copy_and_move(tmp_path):
    src = tmp_path / "src.txt"
    src.write_text("data")
    qio.copy(str(src), str(tmp_path / "copy.txt"))
    assert (tmp_path / "copy.txt").read_text() == "data"
    assert src.exists()
    qio.move(str(src), str(tmp_path / "moved.txt"))
    assert not src.exists()
    assert (tmp_path / "moved.txt").read_text() == "data"
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "x").write_text("1")
    qio.copy(str(tmp_path / "dir"), str(tmp_path / "dir2"))
    assert (tmp_path / "dir2" / "x").read_text() == "1"
    with pytest.raises(IOErr, match="Cannot copy"):
        qio.copy(str(tmp_path / "nope"), str(tmp_path / "other"))
    with pytest.raises(IOErr, match="Cannot move"):
        qio.move(str(tmp_path / "nope"), str(tmp_path / "other"))


# ---------------------------------------------------------------- glob


@pytest.fixture
def tree(tmp_path):
    for rel in ("a.q", "b.q", "c.txt", ".hidden.q", "sub/d.q", "sub/deep/e.q", "sub/f.txt",
                "x1.q", "x2.q", "xa.q"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(rel)
    return tmp_path


@pytest.mark.parametrize("pattern, expected", [
    ("*.q", [".hidden.q", "a.q", "b.q", "x1.q", "x2.q", "xa.q"]),
    ("?.q", ["a.q", "b.q"]),
    ("x[12].q", ["x1.q", "x2.q"]),
    ("x[!12].q", ["xa.q"]),
    ("**/*.q", [".hidden.q", "a.q", "b.q", "sub/d.q", "sub/deep/e.q", "x1.q", "x2.q",
                "xa.q"]),
    ("sub/**/*.txt", ["sub/f.txt"]),
    ("sub/*", ["sub/d.q", "sub/deep", "sub/f.txt"]),
    ("nothing*", []),
])
def test_glob(tree, pattern, expected):
    found = qio.glob(str(tree) + "/" + pattern)
    assert found == [str(tree / rel) for rel in expected]
    assert found == sorted(found)


def test_glob_relative_to_the_working_directory(tree, monkeypatch):
    monkeypatch.chdir(tree)
    assert qio.glob("sub/*.q") == ["sub/d.q"]


@pytest.mark.parametrize("path, pattern, matches", [
    ("a.q", "*.q", True),
    ("dir/a.q", "*.q", False),
    ("dir/a.q", "**/*.q", True),
    ("a.q", "**/*.q", True),
    ("a/b/c/d.q", "a/**/d.q", True),
    ("a/d.q", "a/**/d.q", True),
    ("a/b/c.txt", "a/**", True),
    ("ab.q", "a?.q", True),
    ("a/.q", "a?.q", False),
    ("x7.q", "x[0-9].q", True),
    ("xa.q", "x[0-9].q", False),
    ("xa.q", "x[!0-9].q", True),
    ("a.q", "a.q", True),
    ("a+q", "a.q", False),
    ("(a).q", "(a).q", True),
    ("a[.q", "a[.q", True),
])
def test_glob_match(path, pattern, matches):
    assert qio.glob_match(path, pattern) is matches


def test_glob_match_needs_strings():
    with pytest.raises(TypeErr):
        qio.glob_match(1, "*")


# ---------------------------------------------------------------- StringIO


def test_stringio_write_appends_at_the_end_and_counts_utf8_bytes():
    buf = StringIO.new("ab")
    assert buf.get_value() == "ab"
    assert buf.tell() == 0
    assert buf.write("XYZ") == 3  # appended, although the position was 0
    assert buf.getvalue() == "abXYZ"
    assert buf.tell() == 5
    assert buf.write("é€") == 5  # UTF-8 bytes, not characters
    buf.seek(1)
    buf.writelines(["1", "2"])
    assert buf.get_value() == "abXYZé€12"
    assert buf.tell() == 9


def test_stringio_seek_whence_clamps_to_the_buffer():
    buf = StringIO.new("abcdef")
    assert buf.seek(2) == 2
    assert buf.seek(3, 1) == 5
    assert buf.seek(-1, 1) == 4
    assert buf.seek(-2, 2) == 4
    assert buf.read() == "ef"
    assert buf.seek(99) == 6
    assert buf.seek(-99, 1) == 0
    assert buf.seek(5, 2) == 6
    with pytest.raises(ValueErr, match="whence must be 0, 1 or 2, got 3"):
        buf.seek(0, 3)


def test_stringio_truncate_clamps_the_position():
    buf = StringIO.new("abcdef")
    buf.seek(5)
    assert buf.truncate(2) == 2
    assert (buf.get_value(), buf.tell()) == ("ab", 2)
    buf.seek(1)
    assert buf.truncate() == 1  # default: at the position
    assert (buf.get_value(), buf.tell()) == ("a", 1)
    assert buf.truncate(10) == 1


def test_stringio_reading():
    buf = StringIO.new("one\ntwo\nthree")
    assert buf.readline() == "one\n"
    assert buf.read(2) == "tw"
    assert buf.readlines() == ["o\n", "three"]
    assert buf.readline() == ""
    assert buf.read() == ""
    buf.seek(0)
    assert buf.read() == "one\ntwo\nthree"


def test_stringio_sizes_and_clearing():
    buf = StringIO.new("héllo")
    assert (buf.len(), buf.char_len(), buf.empty()) == (6, 5, False)
    assert buf.truncate(2) == 2
    assert buf.get_value() == "hé"
    buf.clear()
    assert (buf.get_value(), buf.tell(), buf.empty()) == ("", 0, True)


def test_stringio_close_and_exit_leave_it_usable():
    buf = StringIO.new()
    buf.flush()
    buf.close()
    assert buf.closed() is False
    assert buf.write("x") == 1
    buf._exit()
    assert buf.closed() is False
    assert buf.read() == ""
    buf.seek(0)
    assert buf.read() == "x"


def test_stringio_argument_checks():
    with pytest.raises(TypeErr):
        StringIO.new(3)
    with pytest.raises(TypeErr):
        StringIO.new().write(3)
    with pytest.raises(TypeErr):
        StringIO.new().seek(0, "end")
    with pytest.raises(ValueErr):
        StringIO.new().truncate(-1)


PROGRAM = """\
use "std/io"
io.write("notes.txt", "first\\n")
io.append("notes.txt", "second\\n")
puts(io.read("notes.txt").split("\\n"))
puts(io.exists("notes.txt"), " ", io.is_file("notes.txt"), " ", io.is_dir("."), " ", io.size("notes.txt"))
io.copy("notes.txt", "copy.txt")
io.move("copy.txt", "moved.txt")
puts(io.glob("*.txt"))
puts(io.glob_match("src/main.q", "**/*.q"), " ", io.glob_match("main.q", "*.txt"))
io.remove("moved.txt")
puts(io.exists("moved.txt"))
try
  io.read("absent.txt")
catch e: IOErr
  puts(e.message())
end
let buf = io.StringIO.new("x")
buf.seek(1)
puts(buf.write("yz"), " ", buf.get_value(), " ", buf.getvalue().len(), " ", buf.len(), " ", buf.cls())
let w = io.StringIO.new("w")
with w
  w.write("!")
end
puts(w.get_value(), " ", w.closed())
"""


def test_io_from_a_quest_program(tmp_path):
    assert lines(PROGRAM, tmp_path=tmp_path) == [
        "[first, second, ]",
        "true true true 13",
        "[moved.txt, notes.txt]",
        "true false",
        "false",
        "Cannot read 'absent.txt': No such file or directory",
        "2 xyz 3 3 StringIO",
        "w! false",
    ]
