"""``docs/reference/``: generated, current, complete, self-contained, and every example
runs with the value it shows.

Each example runs in a fresh namespace, in an empty working directory, with the page's
module bound (``use "std/io"``); ``expr  # => value`` lines are checked: the value must
have the same Quest type and string form as ``value``.
"""

from __future__ import annotations

import importlib.util
import io
import re
import sys
from pathlib import Path

import pytest

from quest_rt.runtime.loader import compile_source, new_namespace, run_code
from quest_rt.runtime.values import cls_name, rep
from quest_rt.testing.console import ConsoleReporter
from quest_rt.testing.session import Config, Session, activated

ROOT = Path(__file__).resolve().parents[2]


def _load_generator():
    spec = importlib.util.spec_from_file_location(
        "gen_reference", ROOT / "scripts" / "gen_reference.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_reference"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


GEN = _load_generator()
PAGES = GEN.all_pages()
ENTRIES = [(page, e) for page in PAGES for _, entries in page.sections for e in entries]

#: modules whose docstrings live in code restructured elsewhere; examples come later
WITHOUT_EXAMPLES = {"std/web", "std/web/ws", "std/web/router"}
#: their functions need a joined channel on a running server: docs/channels.md runs them
WITHOUT_EXAMPLES |= {"std/web/channels", "std/web/presence"}

#: examples here record test results or end the program rather than give a value
SHOWS_NO_VALUES = {"std/test"}

#: what examples read from standard input (the pages say so where they read it)
STDIN = "one\ntwo\n"

CHECK = re.compile(r"^(?P<indent>\s*)(?P<expr>\S.*?)\s+# => (?P<want>.+)$")


def test_the_pages_are_current():
    """Fails when a method table or a docstring changed without regenerating the pages."""
    assert GEN.main(["--check"]) == 0, "run: .venv/bin/python scripts/gen_reference.py"


def test_every_type_and_std_module_has_a_page():
    from quest_rt.std import NATIVE

    titles = {p.title for p in PAGES}
    assert {"Int", "Float", "Bool", "Str", "Bytes", "Array", "Dict"} <= titles
    documented = set(titles) | {"std/json"}  # std/json is std/encoding/json's alias
    assert set(NATIVE) <= documented, set(NATIVE) - documented


@pytest.mark.parametrize(("page", "e"), ENTRIES, ids=[f"{p.title}.{e.name}" for p, e in ENTRIES])
def test_every_entry_has_a_signature_a_description_and_an_example(page, e):
    if page.use in WITHOUT_EXAMPLES:
        return
    assert e.signature.startswith(f"{e.name}(") or e.signature.startswith(
        f"{e.where.split()[-1]}.{e.name}("
    ), e.signature
    assert e.summary, f"{e.where} {e.name}: no description after the signature"
    assert e.example, f"{e.where} {e.name}: no Example: block in the docstring"
    if page.use not in SHOWS_NO_VALUES and "sys.exit" not in e.example:
        assert any(CHECK.match(line) for line in e.example.splitlines()), (
            f"{e.where} {e.name}: the example shows no value (expr  # => value)"
        )


def test_the_pages_speak_of_the_project_alone():
    """No pointers to documents a user does not have (specs, proposals, the reference)."""
    outside = re.compile(
        r"\bspec(ification)? ?\d|§|\bQEP\b|seed extension|planning|"
        r"\breference implementation\b|\(Ref\b",
        re.IGNORECASE,
    )
    for name, text in GEN.render_all().items():
        for line in text.splitlines():
            assert not outside.search(line), f"{name}: {line}"


class ExampleFailed(AssertionError):
    pass


def _checker(source: str):
    lines = source.splitlines()

    def example_check(number: int, got, want) -> None:
        if cls_name(got) != cls_name(want) or rep(got) != rep(want):
            raise ExampleFailed(
                f"line {number}: {lines[number - 1].strip()}\n"
                f"  gave {rep(got)} ({cls_name(got)}), "
                f"the page says {rep(want)} ({cls_name(want)})"
            )

    return example_check


def _program(page, example: str) -> str:
    out = [f'use "{page.use}"'] if page.use else []
    for number, line in enumerate(example.splitlines(), 1):
        match = CHECK.match(line)
        if match:
            line = f"{match['indent']}example_check({number}, {match['expr']}, {match['want']})"
        out.append(line)
    return "\n".join(out) + "\n"


EXAMPLES = [(p, e) for p, e in ENTRIES if e.example]


@pytest.mark.parametrize(("page", "e"), EXAMPLES, ids=[f"{p.title}.{e.name}" for p, e in EXAMPLES])
def test_every_example_runs_and_shows_the_right_values(page, e, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.StringIO(STDIN))
    source = _program(page, e.example)
    namespace = new_namespace(f"<example {e.where} {e.name}>")
    namespace["example_check"] = _checker(e.example)
    code = compile_source(source, f"<example {e.where} {e.name}>").code
    session = Session(Config(colors=False), ConsoleReporter(colors=False, condensed=True))
    with activated(session):
        try:
            run_code(code, namespace)
        except SystemExit:
            assert "sys.exit" in e.example


def test_the_http_page_lists_exactly_the_fields_the_engine_builds():
    from quest_rt.web.http.request import build_request, parse_multipart

    scope = {
        "type": "http",
        "method": "GET",
        "path": "/",
        "raw_path": b"/",
        "query_string": b"",
        "headers": [],
        "client": ("127.0.0.1", 1),
    }
    request_fields = set(build_request(scope, b""))
    boundary = "XyZ"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="a"; filename="a.txt"'
        f"\r\n\r\nhi\r\n--{boundary}--\r\n"
    ).encode()
    multipart = parse_multipart(f"multipart/form-data; boundary={boundary}", body)
    sections = _tables(GEN.HTTP_PAGE)
    assert sections[0] == request_fields
    assert sections[1] == set(multipart)
    assert sections[2] == set(multipart["files"][0])
    response_fields = {"status", "body", "json", "headers", "cookies"}
    assert sections[3] == response_fields
    assert sections[4] == {"value", "max_age", "path", "domain", "secure", "http_only", "same_site"}


def _tables(text: str) -> list[set[str]]:
    """The first-column names of each Markdown table, in order."""
    tables: list[set[str]] = []
    current: set[str] | None = None
    for line in text.splitlines():
        match = re.match(r"\| `(\w+)` \|", line)
        if match:
            if current is None:
                current = set()
                tables.append(current)
            current.add(match[1])
        elif not line.startswith("|"):
            current = None
    return tables


def test_the_response_fields_are_the_ones_the_engine_reads():
    """Every response field and cookie attribute the page lists changes what is sent."""
    from quest_rt.web.http.response import render_response, set_cookie_header

    status, headers, body = render_response(
        {"status": 201, "json": [1], "headers": {"X-A": "1"}, "cookies": {"c": "v"}},
        lambda v: "[1]",
    )
    assert (status, body) == (201, b"[1]")
    assert (b"X-A", b"1") in headers and (b"set-cookie", b"c=v") in headers
    assert render_response({"status": 200, "body": "hi"}, str)[2] == b"hi"
    cookie = set_cookie_header(
        "sid",
        {
            "value": "abc",
            "max_age": 60,
            "path": "/",
            "domain": "example.com",
            "secure": True,
            "http_only": True,
            "same_site": "Lax",
        },
    )
    assert cookie == (
        "sid=abc; Max-Age=60; Path=/; Domain=example.com; Secure; HttpOnly; SameSite=Lax"
    )
