"""The engine's route table: HTTP paths the framework serves ahead of ``handle_request``.

LiveView pages (``lv.mount("/products/:id", ...)``), the vendored client bundles and
the routers of ``std/web/router`` are routes here, so there is one router. A pattern
is a path whose segments are literal text or parameters::

    /products/:id          :id matches one segment                → {"id": "42"}
    /users/{id<int>}       a typed parameter                      → {"id": 42}
    /files/{rest<path>}    the rest of the path, one or more segments → {"rest": "a/b.txt"}
    /assets/*rest          the same, Phoenix's spelling

Parameter types: ``str`` (the default), ``int`` (64-bit decimal), ``float``, ``uuid``
(a ``uuid.UUID``) and ``path`` (greedy, last segment only). Matching: the method must
match (``"*"`` matches any), then routes without parameters win over routes with them,
and among equals the one registered first wins. Parameter values are percent-decoded;
a value that does not convert (``abc`` for an ``int``) does not match, and the next
route is tried.
"""

from __future__ import annotations

import math
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

__all__ = [
    "PARAM_TYPES",
    "Route",
    "RouteTable",
    "Segment",
    "match_segments",
    "parse_pattern",
    "split_path",
]

Handler = Callable[[dict[str, Any]], Any]

#: The parameter types and what converts a decoded segment (None: no match).
PARAM_TYPES = ("str", "int", "float", "uuid", "path")

#: A parameter segment: ``:name``, ``{name}``, ``{name<type>}`` or ``*name``.
_PARAM = re.compile(
    r"^(?::(?P<colon>[A-Za-z_]\w*)|\{(?P<brace>[A-Za-z_]\w*)(?:<(?P<type>\w+)>)?\}"
    r"|\*(?P<rest>[A-Za-z_]\w*))$"
)
_INT = re.compile(r"-?\d{1,19}")
_FLOAT = re.compile(r"-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")


@dataclass(frozen=True, slots=True)
class Segment:
    """One segment of a pattern: literal text, or a parameter with a type."""

    kind: str  # "static" | "param"
    value: str  # the text for static segments, the name for parameters
    type: str = "str"  # one of PARAM_TYPES, for parameters


def _convert(kind: str, text: str) -> Any:
    """A decoded segment as a parameter of ``kind``; None when it does not convert."""
    if kind == "str":
        return text
    if kind == "int":
        if _INT.fullmatch(text):
            value = int(text)
            if -(2**63) <= value < 2**63:
                return value
        return None
    if kind == "float":
        if _FLOAT.fullmatch(text):
            value = float(text)
            return value if math.isfinite(value) else None
        return None
    try:
        return uuid.UUID(text)
    except ValueError:
        return None


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
            if part[:1] in (":", "*") or "{" in part or "}" in part:
                raise ValueError(f"malformed parameter {part!r} in route {pattern!r}")
            segments.append(Segment("static", part))
            continue
        name = found["colon"] or found["brace"] or found["rest"]
        kind = "path" if found["rest"] else (found["type"] or "str")
        if kind not in PARAM_TYPES:
            raise ValueError(
                f"unknown parameter type <{kind}> in route {pattern!r} "
                f"(use one of {', '.join(PARAM_TYPES)})"
            )
        if name in names:
            raise ValueError(f"parameter {name!r} appears twice in route {pattern!r}")
        names.add(name)
        if kind == "path" and i != len(parts) - 1:
            raise ValueError(f"a path parameter must be the last segment of route {pattern!r}")
        segments.append(Segment("param", name, kind))
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
        return match_segments(self.segments, parts)


def split_path(path: str) -> list[str]:
    """``/a/b/`` → ``["a", "b"]``; the query string is dropped; ``/`` → ``[]``."""
    bare = path.partition("?")[0].strip("/")
    return bare.split("/") if bare else []


def match_segments(segments: tuple[Segment, ...], parts: list[str]) -> dict[str, Any] | None:
    """The parameters if ``parts`` (a split path) match ``segments``, else None."""
    greedy = bool(segments) and segments[-1].type == "path" and segments[-1].kind == "param"
    if len(parts) != len(segments) and not (greedy and len(parts) >= len(segments)):
        return None
    params: dict[str, Any] = {}
    for i, segment in enumerate(segments):
        if segment.kind == "static":
            if parts[i] != segment.value:
                return None
            continue
        if segment.type == "path":
            params[segment.value] = "/".join(unquote(p) for p in parts[i:])
            break
        value = _convert(segment.type, unquote(parts[i]))
        if value is None:
            return None
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
        parts = split_path(path)
        normal = "/" + "/".join(parts)
        method = method.upper()
        for wanted in (method, "*"):
            route = self._static.get((wanted, normal))
            if route is not None:
                return route, {}
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
