"""Every server limit of issue 9 is settable from Quest (``web.set_*``) and from
quest.toml's ``[std.web]`` table, with Quest-worded errors for bad values."""

from __future__ import annotations

import itertools

import pytest

from quest_rt.runtime import loader
from quest_rt.runtime.errors import Err
from quest_rt.std import web as std_web
from quest_rt.web import WebSettings

_counter = itertools.count()


@pytest.fixture(autouse=True)
def fresh_state():
    yield
    std_web.STATE = None  # the next test's program starts from the defaults


def run_quest(source: str) -> WebSettings:
    """A fresh ``std/web`` state, the program's top level run; its settings."""
    std_web.STATE = None
    path = f"<limits-{next(_counter)}>"
    loader.QUEST_FILES.add(path)
    compiled = loader.compile_source('use "std/web" as web\n' + source, path)
    loader.run_code(compiled.code, loader.new_namespace(path))
    return std_web.state().app.settings


def test_each_limit_is_set_from_quest() -> None:
    settings = run_quest(
        "web.set_body_timeout(3)\n"
        "web.set_body_min_rate(0)\n"
        "web.set_handler_time_limit(2.5)\n"
        "web.set_handler_warning(0.2)\n"
        "web.set_max_connections(100)\n"
        "web.set_max_connections_per_ip(10)\n"
        "web.set_shutdown_timeout(4)\n"
    )
    assert (settings.body_timeout, settings.body_min_rate) == (3.0, 0)
    assert (settings.handler_time_limit, settings.handler_warn_after) == (2.5, 0.2)
    assert (settings.max_connections, settings.max_connections_per_ip) == (100, 10)
    assert settings.graceful_timeout == 4.0


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            "web.set_max_connections(-1)",
            "ValueErr: web.set_max_connections expects an Int >= 0, got -1",
        ),
        (
            'web.set_body_timeout("x")',
            "TypeErr: web.set_body_timeout expects a number of seconds, got Str",
        ),
        (
            "web.set_body_timeout(0)",
            "ValueErr: web.set_body_timeout: seconds must be positive, got 0",
        ),
        (
            "web.set_handler_time_limit(-2)",
            "ValueErr: web.set_handler_time_limit expects a number of seconds >= 0, got -2",
        ),
        (
            "web.set_max_connections_per_ip(1.5)",
            "TypeErr: web.set_max_connections_per_ip expects an Int count of connections, got Float",
        ),
    ],
)
def test_bad_values_get_quest_errors(call: str, message: str) -> None:
    with pytest.raises(Err) as caught:
        run_quest(call)
    assert caught.value.str() == message


def test_quest_toml_fills_in_what_the_program_left() -> None:
    run_quest("web.set_body_timeout(3)\n")
    std_web.apply_config(
        {"port": 8080, "body_timeout": 7, "handler_time_limit": 1, "max_connections": 50}
    )
    settings = std_web.state().app.settings
    assert settings.body_timeout == 3.0  # the program's value wins
    assert (settings.handler_time_limit, settings.max_connections) == (1.0, 50)


def test_quest_toml_values_are_checked_like_quest_ones() -> None:
    run_quest("")
    with pytest.raises(Err) as caught:
        std_web.apply_config({"max_connections": "many"})
    assert caught.value.str() == (
        "TypeErr: web.set_max_connections expects an Int count of connections, got Str"
    )
    with pytest.raises(Err) as caught:
        std_web.apply_config({"body_timout": 3})
    assert caught.value.str() == "ValueErr: quest.toml [std.web]: unknown setting body_timout"
