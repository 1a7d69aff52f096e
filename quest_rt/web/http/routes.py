"""The engine's route table: HTTP paths the framework serves ahead of ``handle_request``.

LiveView pages (``lv.mount("/products/:id", ...)``), the vendored client bundles and
the routers of ``std/web/router`` are routes here, so there is one router. A pattern
is a path whose segments are literal text or parameters::

    /products/:id          :id matches one segment          → {"id": "42"}
    /users/{id<int>}       a typed parameter: int or str     → {"id": 42}
    /assets/*path          the rest of the path (maybe empty) → {"path": "js/app.js"}

Matching: the method must match (``"*"`` matches any), then routes without
parameters win over routes with them, and among equals the one registered first
wins. Parameter values are percent-decoded; an ``int`` parameter that is not a
decimal integer does not match (the next route is tried, so a 404 results when none
does).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

__all__ = ["Route", "RouteTable", "parse_pattern"]

Handler = Callable[[dict[str, Any]], Any]

#: A parameter segment: ``:name``, ``{name}``, ``{name<type>}`` or ``*name``.
_PARAM = re.compile(
    r"^(?::(?P<colon>[A-Za-z_]\w*)|\{(?P<brace>[A-Za-z_]\w*)(?:<(?P<type>int|str)>)?\}"
    r"|\*(?P<rest>[A-Za-z_]\w*))$"
)


@dataclass(frozen=True, slots=True)
class Segment:
    """One segment of a pattern: literal text, or a parameter with a type."""

    kind: str  # "static" | "param" | "rest"
    value: str  # the text for static segments, the name for parameters
    type: str = "str"  # "str" or "int", for parameters


def parse_pattern(pattern: str) -> tuple[Segment, ...]:
    """Split a route pattern into segments.

    Raises:
        ValueError: the pattern does not start with ``/``, repeats a parameter
            name, or has a ``*rest`` segment before the last position.
    """
    if not pattern.startswith("/"):
        raise ValueError(f"route pattern must start with '/': {pattern!r}")
    segments: list[Segment] = []
    names: set[str] = set()
    parts = pattern.strip("/").split("/") if pattern.strip("/") else []
    for i, part in enumerate(parts):
        found = _PARAM.match(part)
        if found is None:
            if ":" in part[:1] or "{" in part or "*" in part[:1]:
                raise ValueError(f"malformed parameter {part!r} in route {pattern!r}")
            segments.append(Segment("static", part))
            continue
        name = found["colon"] or found["brace"] or found["rest"]
        if name in names:
            raise ValueError(f"parameter {name!r} appears twice in route {pattern!r}")
        names.add(name)
        if found["rest"]:
            if i != len(parts) - 1:
                raise ValueError(f"*{name} must be the last segment of route {pattern!r}")
            segments.append(Segment("rest", name))
        else:
            segments.append(Segment("param", name, found["type"] or "str"))
    return tuple(segments)


@dataclass(frozen=True, slots=True)
class Route:
    method: str
    pattern: str
    segments: tuple[Segment, ...]
    handler: Handler

    @property
    def is_static(self) -> bool:
        return all(s.kind == "static" for s in self.segments)

    def match(self, parts: list[str]) -> dict[str, Any] | None:
        """The parameters if the path's segments match this route, else None."""
        params: dict[str, Any] = {}
        segments = self.segments
        if segments and segments[-1].kind == "rest":
            if len(parts) < len(segments) - 1:
                return None
        elif len(parts) != len(segments):
            return None
        for i, segment in enumerate(segments):
            if segment.kind == "rest":
                params[segment.value] = "/".join(unquote(p) for p in parts[i:])
                break
            part = parts[i]
            if segment.kind == "static":
                if part != segment.value:
                    return None
                continue
            value = unquote(part)
            if segment.type == "int":
                if not re.fullmatch(r"-?\d{1,18}", value):
                    return None
                params[segment.value] = int(value)
            else:
                params[segment.value] = value
        return params


class RouteTable:
    """The routes of one app, in registration order (see the module docstring)."""

    def __init__(self) -> None:
        self._static: dict[tuple[str, str], Route] = {}
        self._dynamic: list[Route] = []

    def add(self, method: str, pattern: str, handler: Handler) -> Route:
        """Register ``handler(request) -> response`` for ``method`` and ``pattern``.

        Raises:
            ValueError: a malformed pattern (see :func:`parse_pattern`).
        """
        route = Route(method.upper(), pattern, parse_pattern(pattern), handler)
        if route.is_static:
            key = (route.method, "/" + "/".join(s.value for s in route.segments))
            self._static.setdefault(key, route)
        else:
            self._dynamic.append(route)
        return route

    def match(self, method: str, path: str) -> tuple[Route, dict[str, Any]] | None:
        """The route for a request, with its parameters; None when nothing matches."""
        if not self._static and not self._dynamic:
            return None
        bare = path.partition("?")[0]
        normal = "/" + bare.strip("/")
        method = method.upper()
        for wanted in (method, "*"):
            route = self._static.get((wanted, normal))
            if route is not None:
                return route, {}
        parts = bare.strip("/").split("/") if bare.strip("/") else []
        for route in self._dynamic:
            if route.method != method and route.method != "*":
                continue
            params = route.match(parts)
            if params is not None:
                return route, params
        return None

    def __len__(self) -> int:
        return len(self._static) + len(self._dynamic)

    def routes(self) -> list[Route]:
        """Every route: static ones first, then dynamic ones, each in registration order."""
        return [*self._static.values(), *self._dynamic]
