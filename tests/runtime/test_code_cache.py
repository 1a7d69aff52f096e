"""The compiled-code cache of ``loader.compile_source``."""

from __future__ import annotations


def test_the_code_cache_stays_bounded(tmp_path, monkeypatch):
    from quest_rt.runtime import loader

    monkeypatch.setenv("QUEST_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(loader, "CACHE_LIMIT", 10)
    for i in range(25):
        loader.compile_source(f"puts({i})\n", f"<snippet {i}>")
    assert len(list(tmp_path.glob("*.qc"))) <= 10
    # what is left still loads
    assert loader.compile_source("puts(24)\n", "<snippet 24>").code is not None
