"""Compiling and running Quest source, and the module system (spec section 9).

``compile_source`` goes text → Quest AST → Python AST → code object, and caches the
marshalled code on disk keyed by the source, its path and a stamp of the compiler's own
files (like ``.pyc`` files), so a script that has not changed starts without parsing.

Modules are cached by resolved path: every importer shares one module object and its
state. ``std/...`` paths name native modules (``quest_rt.std``) and/or Quest-source
modules in the shipped ``stdlib/`` directory.

Start-up: a cached script runs without the parser, the compiler or Python's ``ast``,
and this module imports no more than running one needs (``pathlib`` only when a
module is resolved, SHA-1 from the built-in ``_sha1`` rather than ``hashlib``, which
loads OpenSSL).
"""

from __future__ import annotations

import marshal
import os
import sys
import types

from quest_rt.runtime.builtins import BUILTINS
from quest_rt.runtime.errors import ImportErr, ModuleReturn
from quest_rt.runtime.objects import QuestModule

try:
    from _sha1 import sha1
except ImportError:  # a CPython built without its own SHA-1 (OpenSSL's then)
    from hashlib import sha1

TYPE_CHECKING = False
if TYPE_CHECKING:
    import ast
    from collections.abc import Iterator
    from pathlib import Path
    from typing import Any

#: filenames of compiled Quest code: traceback printing keeps only these frames
QUEST_FILES: set[str] = set()
#: the text of compiled sources that are not files (``-e``, the REPL, stdin, ``sys.eval``),
#: by their ``<name>``, for the lines of a traceback
SOURCES: dict[str, str] = {}


def register_source(path: str, source: str) -> None:
    """Make source that is not a file show in tracebacks (``quest_rt.runtime.traceback``
    reads it: that module and ``linecache`` load only when a traceback is printed)."""
    SOURCES[path] = source


_CACHE_FORMAT = 1


class InternalCompilerError(Exception):
    """The compiler failed on valid input: a bug in quest-rt, not in the program."""

    def __init__(self, path: str, cause: BaseException) -> None:
        super().__init__(f"{path}: internal compiler error (this is a quest-rt bug, please "
                         f"report it): {type(cause).__name__}: {cause}")


class Compiled:
    """A compiled module: its code, its public names and its doc comment."""

    __slots__ = ("code", "public", "doc")

    def __init__(self, code: types.CodeType, public: frozenset[str], doc: str | None) -> None:
        self.code = code
        self.public = public
        self.doc = doc


def _stamp() -> str:
    here = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    h = sha1(sys.version.encode())
    # std modules register methods of their values (Uuid...): the compiler's choice between
    # a plain method call and the dispatcher depends on them too
    for sub in ("compiler", "syntax", "runtime", "runtime/methods", "std"):
        d = os.path.join(here, sub)
        if not os.path.isdir(d):
            continue
        for entry in sorted(os.scandir(d), key=lambda e: e.name):
            if entry.name.endswith(".py"):
                st = entry.stat()
                h.update(f"{entry.name}{st.st_mtime_ns}{st.st_size}".encode())
    from quest_rt.resources import locate

    st = os.stat(locate("grammar/quest.lark"))
    h.update(f"grammar{st.st_mtime_ns}{st.st_size}".encode())
    return h.hexdigest()


_stamp_value: str | None = None


def _cache_dir() -> str | None:
    base = os.environ.get("QUEST_CACHE_DIR")
    if base is None:
        xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        base = os.path.join(xdg, "quest-rt", "code")
    try:
        os.makedirs(base, exist_ok=True)
    except OSError:
        return None
    return base


def _public_names(module: Any) -> tuple[frozenset[str], str | None]:
    from quest_rt.syntax import ast as q

    names: set[str] = set()
    for stmt in module.body:
        if isinstance(stmt, q.Let) and stmt.pub:
            names.update(b.name for b in stmt.bindings)
        elif isinstance(stmt, q.Const | q.FunDecl | q.TypeDecl | q.TraitDecl) and stmt.pub:
            names.add(stmt.name)
    doc = None
    if module.body and isinstance(module.body[0], q.ExprStmt) and \
            isinstance(module.body[0].expr, q.Str):
        doc = module.body[0].expr.value
    return frozenset(names), doc


def python_ast(source: str, path: str, mode: str = "file") -> ast.Module:
    """The Python AST a Quest source compiles to (``quest compile --python``)."""
    from quest_rt.compiler.emitter import compile_module
    from quest_rt.syntax.parser import parse

    return compile_module(parse(source, path), mode=mode)


def compile_source(source: str, path: str, mode: str = "file") -> Compiled:
    """Compile Quest source (raises ``QuestSyntaxError``/``QuestCompileError``)."""
    global _stamp_value
    QUEST_FILES.add(path)
    cache = _cache_dir() if mode == "file" else None
    key_file = None
    if cache is not None:
        if _stamp_value is None:
            _stamp_value = _stamp()
        key = sha1(f"{_CACHE_FORMAT}\0{_stamp_value}\0{path}\0{mode}\0".encode()
                   + source.encode()).hexdigest()
        key_file = os.path.join(cache, f"{key}.qc")
        try:
            with open(key_file, "rb") as f:
                code, public, doc = marshal.loads(f.read())
            return Compiled(code, frozenset(public), doc)
        except (OSError, ValueError, EOFError, TypeError):
            pass
    import warnings

    from quest_rt.compiler.emitter import compile_module
    from quest_rt.syntax.errors import QuestSourceError
    from quest_rt.syntax.parser import parse

    module = parse(source, path)
    try:
        tree = compile_module(module, mode=mode)
        with warnings.catch_warnings():
            # CPython warns about `x is 0` style tests that the emitter writes on purpose
            warnings.simplefilter("ignore", SyntaxWarning)
            code = compile(tree, path, "exec", dont_inherit=True, optimize=0)
    except QuestSourceError:
        raise
    except Exception as exc:
        raise InternalCompilerError(path, exc) from exc
    public, doc = _public_names(module)
    if key_file is not None:
        tmp = f"{key_file[:-3]}.{os.getpid()}.tmp"
        try:
            with open(tmp, "wb") as f:
                f.write(marshal.dumps((code, tuple(sorted(public)), doc)))
            os.replace(tmp, key_file)
            _prune(cache)
        except OSError:
            pass
    return Compiled(code, public, doc)


#: entries the code cache keeps; past it the least recently written half is removed
CACHE_LIMIT = 4000


def _prune(directory: str) -> None:
    """Keep the code cache bounded (every edited file and `-e` snippet adds an entry)."""
    entries = [e for e in os.scandir(directory) if e.name.endswith(".qc")]
    if len(entries) <= CACHE_LIMIT:
        return
    entries.sort(key=lambda e: e.stat().st_mtime)
    for entry in entries[: len(entries) - CACHE_LIMIT // 2]:
        try:
            os.unlink(entry.path)
        except OSError:
            pass  # another process pruned it first


def compile_module_ast(module: Any, mode: str = "file") -> types.CodeType:
    """Compile a Quest AST built by code rather than parsed (``html.render`` templates)."""
    from quest_rt.compiler.emitter import compile_module

    QUEST_FILES.add(module.path)
    tree = compile_module(module, mode=mode)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        return compile(tree, module.path, "exec", dont_inherit=True, optimize=0)


def quest_callers() -> Iterator[types.FrameType]:
    """The frames of compiled Quest code on the stack, innermost first.

    A native function (``web.test_server``, ``sys.eval``...) uses it to find the Quest
    code that called it: its module namespace, its line or its file.
    """
    frame: types.FrameType | None = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename in QUEST_FILES:
            yield frame
        frame = frame.f_back


def new_namespace(path: str) -> dict[str, Any]:
    namespace: dict[str, Any] = {"__builtins__": BUILTINS, "__name__": "__quest__"}
    namespace["·G"] = namespace
    namespace["·FILE"] = path
    return namespace


def run_code(code: types.CodeType, namespace: dict[str, Any]) -> None:
    try:
        exec(code, namespace)
    except ModuleReturn:
        pass


# ---------------------------------------------------------------- modules

_modules: dict[str, QuestModule] = {}
_loading: list[str] = []


def stdlib_dir() -> Path:
    from quest_rt.resources import stdlib_dir as locate

    return locate()


def _search_dirs() -> list[Path]:
    from pathlib import Path

    dirs = [Path.cwd(), Path.cwd() / "lib"]
    extra = os.environ.get("QUEST_INCLUDE")
    if extra:
        dirs.extend(Path(p) for p in extra.split(":") if p)
    from quest_rt.std import search_path

    dirs[2:2] = [Path(p) for p in search_path()]
    dirs.append(stdlib_dir())
    return dirs


def _with_q(p: Path) -> list[Path]:
    if p.suffix == ".q":
        return [p]
    return [p.with_name(p.name + ".q"), p / "index.q"]


def resolve(path: str, importer: str | None) -> tuple[str, Path | None]:
    """(cache key, source file or None for a purely native module)."""
    from pathlib import Path

    if path.startswith("std/"):
        candidates = _with_q(stdlib_dir() / path)
        source = next((c for c in candidates if c.is_file()), None)
        return path, source
    if path.startswith("."):
        base = Path(importer).resolve().parent if importer and not importer.startswith("<") \
            else Path.cwd()
        rel = path
        if rel.startswith("./"):
            rel = rel[2:]
        elif not rel.startswith("../"):
            rel = rel[1:]
        for c in _with_q(base / rel):
            if c.is_file():
                return str(c.resolve()), c
        raise ImportErr(f"Module not found: '{path}' (looked in {base})")
    searched = _search_dirs()
    for d in searched:
        for c in _with_q(d / path):
            if c.is_file():
                return str(c.resolve()), c
    raise ImportErr(f"Module not found: '{path}' (searched: "
                    + ", ".join(str(d) for d in searched) + ")")


def _alias(path: str) -> str:
    from quest_rt.compiler.scope import module_alias

    return module_alias(path)


def import_module(path: str, importer: str | None = None) -> QuestModule:
    from quest_rt.std import native_module

    key, source_file = resolve(path, importer)
    if key in _loading:
        # the module is still running its top level (spec 9.3): not a half-made module
        chain = " -> ".join(_loading[_loading.index(key):] + [key])
        raise ImportErr(f"Circular import: {chain}")
    cached = _modules.get(key)
    if cached is not None:
        return cached
    native = native_module(path) if path.startswith("std/") else None
    if source_file is None:
        if native is None:
            raise ImportErr(f"Module not found: '{path}'")
        _modules[key] = native
        return native
    _loading.append(key)
    try:
        text = source_file.read_text(encoding="utf-8")
        compiled = compile_source(text, str(source_file))
        namespace = new_namespace(str(source_file))
        public = set(compiled.public)
        if native is not None:
            namespace["__builtin__"] = native
            for k, v in native.quest_members().items():
                namespace.setdefault(k, v)
            public |= set(native.quest_members())
        module = QuestModule(_alias(path), namespace, public, compiled.doc, str(source_file))
        _modules[key] = module
        try:
            run_code(compiled.code, namespace)
        except BaseException:
            _modules.pop(key, None)
            raise
        return module
    finally:
        _loading.pop()


def load_native(dotted: str) -> QuestModule:
    import importlib

    return importlib.import_module(dotted).create()
