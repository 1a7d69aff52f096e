"""Turn a response Dict (language spec §12.4) into a status, header list and body bytes.

The Dict::

    {"status": 200, "body": "<h1>hi</h1>"}                     # text/html; charset=utf-8
    {"status": 200, "json": {"ok": true}}                      # application/json
    {"status": 200, "body": b"\\x89PNG...", "headers": {"Content-Type": "image/png"}}
    {"status": 303, "headers": {"Location": "/"},
     "cookies": {"sid": {"value": "abc", "http_only": true, "max_age": 3600}}}

``status`` is required; a Dict without it (or not a Dict at all) raises
:class:`InvalidResponse`, which the pipeline answers with 500 "Invalid response".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["InvalidResponse", "render_response", "set_cookie_header"]

HTML_UTF8 = "text/html; charset=utf-8"
JSON = "application/json"


class InvalidResponse(ValueError):
    """The handler's return value is not a response Dict the server can send."""


def set_cookie_header(name: str, spec: Any) -> str:
    """One ``Set-Cookie`` value from ``name`` and a Str or a Dict of attributes."""
    if not isinstance(spec, dict):
        return f"{name}={spec}"
    parts = [f"{name}={spec.get('value', '')}"]
    if spec.get("max_age") is not None:
        parts.append(f"Max-Age={int(spec['max_age'])}")
    if spec.get("path"):
        parts.append(f"Path={spec['path']}")
    if spec.get("domain"):
        parts.append(f"Domain={spec['domain']}")
    if spec.get("secure"):
        parts.append("Secure")
    if spec.get("http_only"):
        parts.append("HttpOnly")
    if spec.get("same_site"):
        parts.append(f"SameSite={spec['same_site']}")
    return "; ".join(parts)


def render_response(
    response: Any, encode_json: Callable[[Any], str]
) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    """(status, headers, body) for ``response``; adds Content-Type and Content-Length.

    Raises:
        InvalidResponse: no ``status``, a non-Int status, or a body that is neither
            Str nor Bytes.
    """
    if not isinstance(response, dict) or "status" not in response:
        raise InvalidResponse("response has no status")
    status = response["status"]
    if not isinstance(status, int) or isinstance(status, bool) or not 100 <= status <= 999:
        raise InvalidResponse(f"response status must be an Int, got {status!r}")
    headers: dict[str, str] = {str(k): str(v) for k, v in (response.get("headers") or {}).items()}
    has_type = any(k.lower() == "content-type" for k in headers)
    if "json" in response:
        body = encode_json(response["json"]).encode("utf-8")
        if not has_type:
            headers["Content-Type"] = JSON
    else:
        raw = response.get("body")
        if raw is None:
            body = b""
        elif isinstance(raw, str):
            body = raw.encode("utf-8")
            if not has_type:
                headers["Content-Type"] = HTML_UTF8
        elif isinstance(raw, (bytes, bytearray, memoryview)):
            body = bytes(raw)
        else:
            raise InvalidResponse(f"response body must be Str or Bytes, got {type(raw).__name__}")
    out = [
        (k.encode("latin-1"), v.encode("latin-1"))
        for k, v in headers.items()
        if k.lower() != "content-length"
    ]
    for name, spec in (response.get("cookies") or {}).items():
        out.append((b"set-cookie", set_cookie_header(str(name), spec).encode("latin-1")))
    out.append((b"content-length", str(len(body)).encode("ascii")))
    return status, out, body
