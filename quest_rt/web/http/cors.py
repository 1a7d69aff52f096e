"""Cross-origin resource sharing for HTTP routes (``web.set_cors``).

With a policy set, the pipeline answers a browser's preflight (an ``OPTIONS`` request
carrying ``Access-Control-Request-Method``) itself, with 204 and the allowed methods and
headers, and adds ``Access-Control-Allow-Origin`` (plus ``Vary: Origin`` and, when
asked, ``Access-Control-Allow-Credentials``) to every answer to an allowed origin. A
request from an origin the policy does not list gets no CORS headers, so the browser
keeps the answer from the page; the request itself is served as usual (CORS protects
readers, not the server — authorization is the app's job).

Origins are compared exactly (scheme, host and port), ``"*"`` allows every origin. With
credentials the answer names the requesting origin instead of ``*``, as browsers
require.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["CorsPolicy"]

Headers = list[tuple[bytes, bytes]]


@dataclass(frozen=True, slots=True)
class CorsPolicy:
    origins: tuple[str, ...] = ("*",)
    methods: tuple[str, ...] = ("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
    headers: tuple[str, ...] = ("Content-Type", "Authorization")
    credentials: bool = False
    #: Seconds a browser may cache a preflight answer.
    max_age: int = 600

    @classmethod
    def build(
        cls,
        origins: Sequence[str] = ("*",),
        methods: Sequence[str] | None = None,
        headers: Sequence[str] | None = None,
        credentials: bool = False,
    ) -> CorsPolicy:
        """A policy from user lists (normalised: origins without a trailing ``/``,
        methods upper-case).

        Raises:
            ValueError: an empty origin list, or ``"*"`` with credentials (browsers
                refuse that combination).
        """
        normal = tuple(o.rstrip("/") for o in origins)
        if not normal:
            raise ValueError("CORS needs at least one origin (or '*')")
        if credentials and "*" in normal:
            raise ValueError("CORS with credentials must list its origins; '*' is refused")
        default = cls()
        return cls(
            normal,
            tuple(m.upper() for m in methods) if methods is not None else default.methods,
            tuple(headers) if headers is not None else default.headers,
            credentials,
        )

    def allows(self, origin: str) -> bool:
        return "*" in self.origins or origin.rstrip("/") in self.origins

    def is_preflight(self, method: str, headers: dict[str, str]) -> bool:
        return method == "OPTIONS" and "access-control-request-method" in headers

    def preflight_headers(self, origin: str) -> dict[str, str]:
        """The answer to an allowed preflight (status 204)."""
        return {
            **self.response_headers(origin),
            "Access-Control-Allow-Methods": ", ".join(self.methods),
            "Access-Control-Allow-Headers": ", ".join(self.headers),
            "Access-Control-Max-Age": str(self.max_age),
        }

    def response_headers(self, origin: str) -> dict[str, str]:
        """What an answer to an allowed origin carries."""
        any_origin = "*" in self.origins and not self.credentials
        out = {"Access-Control-Allow-Origin": "*" if any_origin else origin}
        if not any_origin:
            out["Vary"] = "Origin"
        if self.credentials:
            out["Access-Control-Allow-Credentials"] = "true"
        return out

    def to_dict(self) -> dict[str, object]:
        """The Quest view (``web._get_config()["cors"]``)."""
        return {
            "origins": list(self.origins),
            "methods": list(self.methods),
            "headers": list(self.headers),
            "credentials": self.credentials,
        }
