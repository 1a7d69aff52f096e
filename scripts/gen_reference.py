"""Generate ``docs/reference/`` from the method tables and the std bindings' docstrings.

    .venv/bin/python scripts/gen_reference.py           write the pages
    .venv/bin/python scripts/gen_reference.py --check   exit 1 if a page is missing or stale

Every built-in type's methods come from ``quest_rt.runtime.dispatch.METHODS`` (and the
``UNIVERSAL`` table every value answers), every std module's members from the module
``create()`` builds. A docstring's first paragraph is the entry: the Quest signature,
then ``: `` and a one-line description (``len() -> Int: the number of elements``). An
``Example:`` block after it is shown as Quest code; ``expr  # => value`` lines in it are
checked by ``tests/docs/test_reference.py``, which runs every example.

The request and response Dicts of ``handle_request`` are written out here by hand
(``HTTP_PAGE``); the test compares their field lists with what the engine builds.
"""

from __future__ import annotations

import argparse
import inspect
import re
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "reference"

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

#: built-in types in page order: (Python type, Quest name, one line about the values)
TYPES: list[tuple[type, str, str]] = [
    (
        int,
        "Int",
        "64-bit integers: `42`, `-7`, `0xFF`, `1_000`. Arithmetic beyond the range "
        "is a RuntimeErr.",
    ),
    (float, "Float", "64-bit floating-point numbers: `3.14`, `1e-3`, `2.0`."),
    (bool, "Bool", "`true` and `false`."),
    (
        str,
        "Str",
        'Immutable text in UTF-8: `"hello"`, `\'single\'`, `f"x = {x}"`. '
        "Positions count characters; `len()` counts UTF-8 bytes.",
    ),
    (bytes, "Bytes", 'Immutable byte strings: `b"\\x00\\xff"`, `"text".bytes()`.'),
    (list, "Array", "Ordered, mutable lists: `[1, 2, 3]`."),
    (dict, "Dict", 'Str keys to values, in insertion order: `{"a": 1}`.'),
]

#: std modules in page order: (use path, binding name, what the module is for)
MODULES: list[tuple[str, str, str]] = [
    (
        "std/io",
        "io",
        "Files, globbing and the in-memory StringIO buffer. Text is UTF-8; "
        "a failure is an IOErr naming the operation and the path.",
    ),
    (
        "std/os",
        "os",
        "The environment, the working directory, directories and the module search path.",
    ),
    (
        "std/sys",
        "sys",
        "The running program: its arguments, its streams, exiting, and Quest code run at run time.",
    ),
    (
        "std/time",
        "time",
        "Instants (Timestamp), zoned date-times (Zoned), dates, times of "
        "day and spans, all to the nanosecond.",
    ),
    (
        "std/encoding/json",
        "json",
        "JSON text to Quest values and back. Also available as `std/json`.",
    ),
    ("std/uuid", "uuid", "Universally unique identifiers (Uuid values) of every version."),
    ("std/hash", "hash", "Digests of a Str or Bytes as lower-case hex."),
    ("std/math", "math", "Constants and functions of one number; results are Floats."),
    ("std/str", "str", "Filling `{name}` placeholders in a template."),
    ("std/term", "term", "Text wrapped in ANSI colour and attribute codes."),
    ("std/html", "html", "Escaping, raw HTML and `<%= %>` templates."),
    ("std/error", "error", "Telling errors from other values."),
    (
        "std/test",
        "test",
        "Writing test suites that `quest test` runs: describe/it, hooks, tags and assertions.",
    ),
    (
        "std/web",
        "web",
        "Serving HTTP and WebSockets: the app's `handle_request(request)` "
        "returns a response; see [HTTP requests and responses](http.md).",
    ),
    ("std/web/ws", "ws", "A WebSocket client, and the connection objects handlers get."),
    (
        "std/web/router",
        "router",
        "Routes with typed path parameters (`/users/{id<int>}`), mounted with `web.route`.",
    ),
]


#: constants whose value depends on the machine or the run: described, not shown
DESCRIBED = {
    ("std/sys", "argv"): "Array of Str: the script path, then the program's arguments",
    ("std/sys", "argc"): "Int: the length of argv",
    ("std/sys", "script_path"): "Str: the running script's absolute path (nil for -e)",
    ("std/sys", "version"): 'Str: the quest-rt version, e.g. "0.1.0"',
    ("std/sys", "platform"): '"linux", "darwin" or "windows"',
    ("std/sys", "executable"): "Str: the path of the quest command",
    ("std/sys", "builtin_module_names"): "Array of Str: the paths of the std modules",
    ("std/os", "search_path"): "Array of Str: extra directories `use` searches (push to it)",
}


@dataclass
class Entry:
    """One documented method or function."""

    name: str
    aliases: list[str]
    signature: str
    summary: str
    example: str | None
    where: str  # "Array" or "std/io" or "std/io StringIO"


@dataclass
class Page:
    file: str
    title: str
    intro: str
    use: str | None  # the std path examples need, None for built-in types
    binding: str | None
    sections: list[tuple[str, list[Entry]]] = field(default_factory=list)
    constants: list[tuple[str, str]] = field(default_factory=list)


# ---------------------------------------------------------------- docstrings


def split_doc(doc: str | None) -> tuple[str, str | None]:
    """(first paragraph joined into one line, the Example block dedented or None)."""
    text = inspect.cleandoc(doc or "")
    paragraphs = re.split(r"\n\s*\n", text)
    head = " ".join(line.strip() for line in paragraphs[0].splitlines()) if text else ""
    example = None
    match = re.search(r"^Examples?:\n((?:[ \t]+.*\n?|\s*\n)+)", text, re.MULTILINE)
    if match:
        example = inspect.cleandoc(match.group(1))
    return head, example


def signature_and_summary(head: str, name: str) -> tuple[str, str]:
    """Split ``len() -> Int: the number`` into the signature and the description."""
    depth = 0
    close = -1
    for i, c in enumerate(head):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                close = i
                break
    if close == -1:
        return f"{name}()", head
    colon = head.find(": ", close)
    if colon != -1:
        signature, summary = head[:colon], head[colon + 2 :]
    elif " -> " in head[close:] and not head[head.index(" -> ", close) + 4 :][:1].isupper():
        arrow = head.index(" -> ", close)  # "get(i) -> the element at i": a description
        signature, summary = head[: close + 1], "returns " + head[arrow + 4 :]
    else:
        signature, summary = head, ""
    summary = summary.strip()
    if summary and summary[0].islower():
        summary = summary[0].upper() + summary[1:]
    if summary and not summary.endswith((".", "!", "?", ")")):
        summary += "."
    return signature.strip(), summary


#: pointers to documents a reader of these pages does not have, dropped from summaries
_OUTSIDE = re.compile(r"\s*\((?:spec|seed extension)[^)]*\)")


def entry(name: str, aliases: list[str], fn: Any, where: str) -> Entry:
    head, example = split_doc(getattr(fn, "__doc__", None))
    head = _OUTSIDE.sub("", head)
    signature, summary = signature_and_summary(head, name)
    return Entry(name, aliases, signature, summary, example, where)


def _grouped(members: dict[str, Any]) -> list[tuple[str, list[str], Any]]:
    """(name, aliases, function) with aliases folded into the name the docstring uses."""
    by_fn: dict[int, list[str]] = {}
    fns: dict[int, Any] = {}
    for name, fn in members.items():
        by_fn.setdefault(id(fn), []).append(name)
        fns[id(fn)] = fn
    out = []
    for key, names in by_fn.items():
        head = split_doc(getattr(fns[key], "__doc__", None))[0]
        primary = next((n for n in names if head.startswith(n + "(")), names[0])
        out.append((primary, [n for n in names if n != primary], fns[key]))
    return sorted(out, key=lambda item: item[0].lstrip("_"))


# ---------------------------------------------------------------- collecting


def type_pages() -> list[Page]:
    from quest_rt.runtime.dispatch import METHODS, UNIVERSAL, _load_tables

    _load_tables()
    pages = []
    for pytype, name, intro in TYPES:
        page = Page(f"{name}.md", name, intro, None, None)
        page.sections.append(
            ("Methods", [entry(n, a, fn, name) for n, a, fn in _grouped(METHODS[pytype])])
        )
        pages.append(page)
    page = Page(
        "any-value.md",
        "Methods of every value",
        "Every value answers these, whatever its type (nil answers `is` only).",
        None,
        None,
    )
    page.sections.append(
        ("Methods", [entry(n, a, fn, "value") for n, a, fn in _grouped(UNIVERSAL)])
    )
    pages.append(page)
    return pages


def _type_methods(cls: type) -> dict[str, Any]:
    """The Quest methods of a native type: public functions and class methods whose
    docstring opens with their Quest signature (others are the binding's own helpers)."""
    out = {}
    for name, raw in vars(cls).items():
        if name.startswith("_"):
            continue
        fn = raw.__func__ if isinstance(raw, (classmethod, staticmethod)) else raw
        head = split_doc(getattr(fn, "__doc__", None))[0]
        if inspect.isfunction(fn) and re.match(rf"(\w+\.)?{name}\(", head):
            out[name] = fn
    return out


def _module_types(members: dict[str, Any], module: Any) -> dict[str, type]:
    """Types a module hands out: its type members, and the classes of its values."""
    from quest_rt.runtime.objects import QuestModule

    types = {
        name: value
        for name, value in members.items()
        if isinstance(value, type) and isinstance(getattr(value, "quest_name", None), str)
    }
    for cls in vars(module).values():
        name = getattr(cls, "quest_name", None)
        if (
            isinstance(cls, type)
            and isinstance(name, str)
            and cls.__module__ == module.__name__
            and name not in types
            and _type_methods(cls)
            and not issubclass(cls, QuestModule)
        ):
            types[name] = cls
    return types


def module_pages() -> list[Page]:
    import importlib

    from quest_rt.runtime.dispatch import METHODS, _load_tables
    from quest_rt.std import NATIVE, native_module

    _load_tables()
    pages = []
    known = {path for path, _, _ in MODULES}
    added = [
        (path, path.rsplit("/", 1)[-1], _module_intro(NATIVE[path]))
        for path in NATIVE
        if path not in known and path != "std/json"
    ]
    for path, binding, intro in MODULES + added:
        members = native_module(path).quest_members()
        page = Page(path.removeprefix("std/").replace("/", "-") + ".md", path, intro, path, binding)
        functions = {n: v for n, v in members.items() if callable(v) and not isinstance(v, type)}
        page.sections.append(
            ("Functions", [entry(n, a, fn, path) for n, a, fn in _grouped(functions)])
        )
        py = importlib.import_module(NATIVE[path])
        for tname, cls in sorted(_module_types(members, py).items()):
            methods = [
                entry(n, a, fn, f"{path} {tname}") for n, a, fn in _grouped(_type_methods(cls))
            ]
            if methods:
                page.sections.append((f"{tname} methods", methods))
        if path == "std/uuid":
            page.sections.append(
                (
                    "Uuid methods",
                    [entry(n, a, fn, f"{path} Uuid") for n, a, fn in _grouped(METHODS[uuid.UUID])],
                )
            )
        page.constants = [
            (n, DESCRIBED.get((path, n)) or f"`{_constant(v)}`")
            for n, v in members.items()
            if not callable(v) and not isinstance(v, type)
        ]
        pages.append(page)
    return pages


def _module_intro(dotted: str) -> str:
    """The first sentence of a module not listed in MODULES (list it to write a better one)."""
    import importlib

    doc = inspect.cleandoc(importlib.import_module(dotted).__doc__ or "")
    first = " ".join(doc.split("\n\n")[0].split())
    return _OUTSIDE.sub("", first.split(". ")[0].rstrip(".")) + "."


def _constant(value: Any) -> str:
    from quest_rt.runtime.values import rep

    return rep(value)


def all_pages() -> list[Page]:
    return type_pages() + module_pages()


def examples() -> list[tuple[Page, Entry]]:
    """Every entry that has an example, with its page (for the example runner)."""
    return [
        (page, e)
        for page in all_pages()
        for _, entries in page.sections
        for e in entries
        if e.example
    ]


# ---------------------------------------------------------------- rendering


def render_page(page: Page) -> str:
    out = [f"# {page.title}", "", page.intro, ""]
    if page.use:
        out += ["```quest", f'use "{page.use}"', "```", ""]
    for title, entries in page.sections:
        out += [f"## {title}", ""]
        out.append(" · ".join(f"[{e.name}](#{_anchor(title, e.name)})" for e in entries))
        out.append("")
        for e in entries:
            out += [
                f'<a id="{_anchor(title, e.name)}"></a>',
                f"### {e.name}",
                "",
                f"`{e.signature}`",
                "",
            ]
            if e.summary:
                out += [e.summary, ""]
            if e.aliases:
                out += ["Also: " + ", ".join(f"`{a}`" for a in e.aliases) + ".", ""]
            if e.example:
                out += ["```quest", e.example, "```", ""]
    if page.constants:
        out += ["## Constants", "", "| name | value |", "|---|---|"]
        out += [f"| `{n}` | {v} |" for n, v in page.constants]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _anchor(section: str, name: str) -> str:
    prefix = section.split()[0].lower()
    return f"{prefix}-{name}".replace("_", "-").lower()


def render_index(pages: list[Page]) -> str:
    types = [p for p in pages if p.use is None]
    modules = [p for p in pages if p.use is not None]
    out = [
        "# Quest reference",
        "",
        "Every method of the built-in types and every function of the standard modules, "
        "with its signature, what it does and an example. `expr  # => value` in an "
        "example shows the value the expression gives.",
        "",
        "These pages are generated by `scripts/gen_reference.py` from the method tables "
        "and the modules' docstrings; edit those, then run the script.",
        "",
        "## Built-in types",
        "",
    ]
    out += [f"- [{p.title}]({p.file}) — {p.intro}" for p in types]
    out += ["", "## Standard modules", ""]
    out += [f"- [{p.title}]({p.file}) — {p.intro}" for p in modules]
    out += [
        "",
        "## Web",
        "",
        "- [HTTP requests and responses](http.md) — the request Dict "
        "`handle_request` receives and the response Dict it returns, field by field.",
        "",
    ]
    return "\n".join(out)


HTTP_PAGE = """\
# HTTP requests and responses

A web app defines `handle_request(request)`; the server calls it once per HTTP request
with a request Dict and sends back the response Dict it returns.

```quest
fun handle_request(request)
  if request["path"] == "/hello"
    return {"status": 200, "body": "Hello, " .. request["query"].get("name", "you")}
  end
  {"status": 404, "body": "Not found"}
end
```

## The request Dict

| field | type | what it holds |
|---|---|---|
| `method` | Str | the request method in upper case: `"GET"`, `"POST"`... |
| `path` | Str | the path as the client sent it, without the query string (`"/search"`); percent-escapes are kept |
| `query_string` | Str | everything after `?`, undecoded (`"q=a%20b&x"`); `""` when there is none |
| `query` | Dict | the query parameters decoded (`{"q": "a b", "x": ""}`); a repeated name keeps its last value |
| `headers` | Dict | the request headers with lower-case names (`{"content-type": "text/plain"}`); a repeated header's values are joined with `, ` (`; ` for `cookie`) |
| `cookies` | Dict | the cookies of the `Cookie` header (`{"sid": "abc"}`); quotes around a value are removed |
| `body` | Str or Dict | the body decoded as UTF-8 text (`""` when there is none); for `multipart/form-data`, a Dict (below) |
| `client_ip` | Str | the client's address (`"127.0.0.1"`), `""` when unknown |
| `version` | Str | `"HTTP/1.1"` or `"HTTP/2"` |
| `scheme` | Str | `"http"` or `"https"` |
| `host` | Str | the `Host` header (`"localhost:3000"`), `""` when absent |
| `user_agent` | Str | the `User-Agent` header, `""` when absent |
| `referer` | Str | the `Referer` header, `""` when absent |
| `content_type` | Str | the `Content-Type` header, `""` when absent |
| `content_length` | Int | the `Content-Length` header as an Int, `0` when absent or not a number |
| `params` | Dict | the values of `:name` segments of the route that matched (`{"id": "42"}`), else `{}` |

A `multipart/form-data` body becomes:

| field | type | what it holds |
|---|---|---|
| `fields` | Dict | each plain form field, name to Str value |
| `files` | Array | one Dict per uploaded file (below) |

Each file Dict:

| field | type | what it holds |
|---|---|---|
| `name` | Str | the form field's name |
| `filename` | Str | the file name the browser sent |
| `mime_type` | Str | the part's `Content-Type` (`"application/octet-stream"` when absent) |
| `size` | Int | the size in bytes |
| `data` | Bytes | the file's content |

## The response Dict

| field | type | what it does |
|---|---|---|
| `status` | Int | the status code (100–999); required: a response without it is answered with 500 |
| `body` | Str or Bytes | the body; a Str is sent as UTF-8 with `Content-Type: text/html; charset=utf-8` unless `headers` sets one |
| `json` | any value | instead of `body`: the value as JSON with `Content-Type: application/json` |
| `headers` | Dict | extra response headers, name to value (`{"Location": "/"}`); `Content-Length` is always computed |
| `cookies` | Dict | cookies to set: name to a Str value, or to a Dict of attributes (below) |

A cookie Dict:

| field | type | what it does |
|---|---|---|
| `value` | Str | the cookie's value |
| `max_age` | Int | seconds until it expires (`Max-Age`) |
| `path` | Str | the `Path` attribute |
| `domain` | Str | the `Domain` attribute |
| `secure` | Bool | send it over HTTPS only |
| `http_only` | Bool | hide it from JavaScript |
| `same_site` | Str | `"Strict"`, `"Lax"` or `"None"` |

```quest
fun handle_request(request)
  {"status": 303, "headers": {"Location": "/"},
   "cookies": {"sid": {"value": "abc", "http_only": true, "max_age": 3600}}}
end
```
"""


def render_all() -> dict[str, str]:
    """File name (under docs/reference/) -> content."""
    pages = all_pages()
    files = {p.file: render_page(p) for p in pages}
    files["README.md"] = render_index(pages)
    files["http.md"] = HTTP_PAGE
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="report stale or missing pages instead of writing them"
    )
    args = parser.parse_args(argv)
    files = render_all()
    if args.check:
        stale = sorted(
            name
            for name, text in files.items()
            if not (OUT / name).is_file() or (OUT / name).read_text(encoding="utf-8") != text
        )
        extra = sorted(p.name for p in OUT.glob("*.md") if p.name not in files)
        for name in stale:
            print(f"stale: docs/reference/{name}")
        for name in extra:
            print(f"not generated (remove it): docs/reference/{name}")
        if stale or extra:
            print("run: .venv/bin/python scripts/gen_reference.py")
            return 1
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    for stale in OUT.glob("*.md"):
        if stale.name not in files:
            stale.unlink()
    for name, text in files.items():
        (OUT / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(files)} pages to docs/reference/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
