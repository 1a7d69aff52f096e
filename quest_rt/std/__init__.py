"""Native standard modules: ``use "std/<name>"`` resolves here first (spec 9.2, 9.4).

Each module under this package is plain Python exposing ``create() -> QuestModule``; the
loader calls it once per process. A Quest-source file of the same path under
``stdlib/`` extends the native module (it runs with the native one bound as
``__builtin__``).
"""

from __future__ import annotations

from quest_rt.runtime.objects import QuestModule

#: Quest module path -> Python module implementing it
NATIVE: dict[str, str] = {
    "std/test": "quest_rt.std.test",
    "std/time": "quest_rt.std.time",
    "std/encoding/json": "quest_rt.std.json",
    "std/json": "quest_rt.std.json",
    "std/uuid": "quest_rt.std.uuid",
    "std/hash": "quest_rt.std.hash",
    "std/io": "quest_rt.std.io",
    "std/sys": "quest_rt.std.sys",
    "std/math": "quest_rt.std.math",
    "std/str": "quest_rt.std.str",
    "std/os": "quest_rt.std.os",
    "std/term": "quest_rt.std.term",
    "std/html": "quest_rt.std.html",
    "std/error": "quest_rt.std.error",
    "std/web": "quest_rt.std.web",
    "std/web/ws": "quest_rt.std.web.ws",
    "std/web/router": "quest_rt.std.web.router",
    "std/web/liveview": "quest_rt.std.web.liveview",
    "std/web/channels": "quest_rt.std.web.channels",
    "std/web/presence": "quest_rt.std.web.presence",
    "std/web/pubsub": "quest_rt.std.web.pubsub",
    "std/web/pubsub/redis": "quest_rt.std.web.pubsub_redis",
}

_created: dict[str, QuestModule] = {}

#: ``os.search_path``: extra module directories (spec 9.2 item 3)
SEARCH_PATH: list[str] = []


def search_path() -> list[str]:
    return SEARCH_PATH


def native_module(path: str) -> QuestModule | None:
    """The native module for a ``std/...`` path, created once; None if there is none."""
    module = _created.get(path)
    if module is not None:
        return module
    dotted = NATIVE.get(path)
    if dotted is None:
        return None
    try:
        import importlib  # here: a script that uses no std module does not need it

        py = importlib.import_module(dotted)
    except ModuleNotFoundError as exc:
        if exc.name == dotted:
            return None
        raise
    # aliases (std/json, std/encoding/json) share one module object
    for other, target in NATIVE.items():
        if target == dotted and other in _created:
            _created[path] = _created[other]
            return _created[path]
    module = py.create()
    _created[path] = module
    return module
