"""The grammar file, the transformer contract and the parser cache."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import lark
import pytest
from lark.lexer import PatternStr

from quest_rt import resources
from quest_rt.syntax.lexicon import KEYWORDS, keyword_terminal
from quest_rt.syntax.parser import _OPTIONS, quest_parser
from quest_rt.syntax.transformer import QuestTransformer


def tree_names() -> set[str]:
    """Names of every parse-tree node the grammar can hand to the transformer."""
    names = set()
    for rule in quest_parser().rules:
        name = rule.alias or rule.origin.name
        if name.startswith("_"):  # inlined rules and Lark's own helper rules
            continue
        if rule.options.expand1 and not rule.alias:  # `?tier` pass-through alternatives
            continue
        names.add(name)
    return names


def handler_names() -> set[str]:
    return {
        name
        for name, value in vars(QuestTransformer).items()
        if callable(value) and not name.startswith("_")
    }


def test_every_alias_has_exactly_one_handler():
    names, handlers = tree_names(), handler_names()
    assert names - handlers == set(), "aliases left to Lark's default handler"
    assert handlers - names == set(), "handlers for no alias"


def test_keywords_are_the_grammars_keyword_terminals():
    parser = quest_parser()
    words = {
        t.pattern.value
        for t in parser.terminals
        if isinstance(t.pattern, PatternStr) and t.pattern.value.isalpha()
    }
    assert words == KEYWORDS
    assert {keyword_terminal(w) for w in KEYWORDS} <= {t.name for t in parser.terminals}


def test_grammar_has_only_the_documented_conflicts(caplog):
    """Shift/reduce conflicts exist only where newlines would separate statements.

    Lark logs each conflict it resolves as shift; reduce/reduce conflicts would raise.
    """
    grammar = resources.grammar_path().read_text(encoding="utf-8")
    with caplog.at_level(logging.DEBUG, logger="lark"):
        lark.Lark(grammar, debug=True, **_OPTIONS)
    conflicts = {
        (r.getMessage().split("terminal ")[1].split(":")[0])
        for r in caplog.records
        if "Shift/Reduce conflict" in r.getMessage()
    }
    expression_starts = set(
        "NAME NUMBER STRING FSTRING BYTES LPAR LSQB LBRACE MINUS PLUS TILDE NOT FUN TRUE "
        "FALSE NIL".split()
    )
    assert conflicts <= expression_starts  # after `return`/`raise`, `-`/`(`/`[`/`{` etc.
    assert {"MINUS", "PLUS", "LPAR", "LSQB", "LBRACE"} <= conflicts


def test_resources_find_the_checkout_files():
    assert resources.grammar_path().name == "quest.lark"
    assert resources.grammar_path().is_file()
    assert resources.stdlib_dir().is_dir()


def run_parse(env_overrides: dict[str, str]) -> subprocess.CompletedProcess:
    env = {**os.environ, **env_overrides}
    code = "from quest_rt.syntax.parser import parse; print(len(parse('puts(1) x = 2').body))"
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )


def test_parser_tables_are_cached_on_disk(tmp_path):
    cache_dir = tmp_path / "cache"
    first = run_parse({"QUEST_CACHE_DIR": str(cache_dir)})
    assert (first.returncode, first.stdout.strip()) == (0, "2"), first.stderr
    (cached,) = cache_dir.iterdir()
    assert cached.name.startswith("quest-grammar-") and cached.stat().st_size > 10_000
    assert not [p for p in cache_dir.iterdir() if p.name.endswith(".tmp")]
    stamp = cached.stat().st_mtime_ns
    second = run_parse({"QUEST_CACHE_DIR": str(cache_dir)})
    assert (second.returncode, second.stdout.strip()) == (0, "2"), second.stderr
    assert cached.stat().st_mtime_ns == stamp  # loaded, not rebuilt


def test_unusable_cache_directory_only_costs_speed(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    result = run_parse({"QUEST_CACHE_DIR": str(blocker / "cache")})
    assert (result.returncode, result.stdout.strip(), result.stderr) == (0, "2", "")
    disabled = run_parse({"QUEST_CACHE_DIR": ""})
    assert (disabled.returncode, disabled.stdout.strip()) == (0, "2")


def test_corrupt_cache_is_rebuilt(tmp_path):
    cache_dir = tmp_path / "cache"
    assert run_parse({"QUEST_CACHE_DIR": str(cache_dir)}).returncode == 0
    (cached,) = cache_dir.iterdir()
    cached.write_bytes(cached.read_bytes()[:200])
    result = run_parse({"QUEST_CACHE_DIR": str(cache_dir)})
    assert (result.returncode, result.stdout.strip()) == (0, "2"), result.stderr
    assert cached.stat().st_size > 10_000


def test_parser_is_built_once_per_process():
    assert quest_parser() is quest_parser()


def test_grammar_lives_at_the_repository_root():
    repo = Path(__file__).resolve().parents[2]
    assert resources.grammar_path() == repo / "grammar" / "quest.lark"


def test_an_installed_package_prefers_its_own_data(tmp_path, monkeypatch):
    package = tmp_path / "site-packages" / "quest_rt"
    (package / "_data" / "grammar").mkdir(parents=True)
    (package / "_data" / "stdlib").mkdir()
    (package / "_data" / "grammar" / "quest.lark").write_text("// packaged")
    (tmp_path / "site-packages" / "grammar").mkdir()  # a stray checkout-like directory
    (tmp_path / "site-packages" / "grammar" / "quest.lark").write_text("// stray")
    monkeypatch.setattr(resources, "_PACKAGE_DIR", package)
    assert resources.grammar_path() == package / "_data" / "grammar" / "quest.lark"
    assert resources.stdlib_dir() == package / "_data" / "stdlib"


def test_missing_data_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(resources, "_PACKAGE_DIR", tmp_path / "quest_rt")
    with pytest.raises(FileNotFoundError, match="grammar/quest.lark"):
        resources.grammar_path()
