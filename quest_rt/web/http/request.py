"""The request Dict of language spec §12.3, built from an ASGI scope and the body.

A worked example — ``POST /search?q=a%20b&x HTTP/1.1`` with ``Cookie: s=1`` and
the body ``hello`` becomes::

    {"method": "POST", "path": "/search", "query_string": "q=a%20b&x",
     "query": {"q": "a b", "x": ""}, "headers": {"cookie": "s=1", ...},
     "cookies": {"s": "1"}, "body": "hello", "client_ip": "127.0.0.1",
     "version": "HTTP/1.1", "scheme": "http", "host": "localhost:3000",
     "user_agent": "", "referer": "", "content_type": "", "content_length": 5,
     "params": {}}

``path`` is the path as the client sent it ("not decoded further"); static-file
lookup decodes it itself. For ``multipart/form-data`` the body is the Dict
``{"fields": {name: str}, "files": [{"name", "filename", "mime_type", "size",
"data"}]}``.
"""

from __future__ import annotations

from email.message import Message
from typing import Any
from urllib.parse import parse_qsl

__all__ = ["build_request", "parse_cookies", "parse_multipart"]


def build_request(scope: dict[str, Any], body: bytes) -> dict[str, Any]:
    """A fresh, mutable request dict for one ASGI ``http`` scope."""
    headers: dict[str, str] = {}
    for raw_name, raw_value in scope["headers"]:
        name = raw_name.decode("latin-1").lower()
        value = raw_value.decode("latin-1")
        if name in headers:  # repeated header: RFC 9110 §5.3 list semantics
            value = headers[name] + ("; " if name == "cookie" else ", ") + value
        headers[name] = value
    raw_path = scope.get("raw_path")
    path = raw_path.decode("latin-1") if raw_path else scope["path"]
    query_string = scope["query_string"].decode("latin-1")
    content_type = headers.get("content-type", "")
    try:
        content_length = int(headers.get("content-length", "0"))
    except ValueError:
        content_length = 0
    client = scope.get("client")
    return {
        "method": scope["method"],
        "path": path,
        "query_string": query_string,
        "query": dict(parse_qsl(query_string, keep_blank_values=True)),
        "headers": headers,
        "cookies": parse_cookies(headers.get("cookie", "")),
        "body": _body(content_type, body),
        "client_ip": client[0] if client else "",
        "version": "HTTP/" + scope.get("http_version", "1.1"),
        "scheme": scope.get("scheme", "http"),
        "host": headers.get("host", ""),
        "user_agent": headers.get("user-agent", ""),
        "referer": headers.get("referer", ""),
        "content_type": content_type,
        "content_length": content_length,
        "params": {},
    }


def parse_cookies(header: str) -> dict[str, str]:
    """``a=1; b="two"`` → ``{"a": "1", "b": "two"}``; malformed pairs are skipped."""
    cookies: dict[str, str] = {}
    for pair in header.split(";"):
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1]
        cookies[name] = value
    return cookies


def _body(content_type: str, body: bytes) -> Any:
    if content_type.lower().startswith("multipart/form-data"):
        parsed = parse_multipart(content_type, body)
        if parsed is not None:
            return parsed
    return body.decode("utf-8", "replace")


def _header_params(name: str, value: str) -> Message:
    message = Message()
    message[name] = value
    return message


def parse_multipart(content_type: str, body: bytes) -> dict[str, Any] | None:
    """Split a ``multipart/form-data`` body (RFC 7578); None if it has no boundary."""
    boundary = _header_params("content-type", content_type).get_param(
        "boundary", header="content-type"
    )
    if not isinstance(boundary, str) or not boundary:
        return None
    fields: dict[str, str] = {}
    files: list[dict[str, Any]] = []
    delimiter = b"--" + boundary.encode("latin-1")
    for chunk in body.split(delimiter)[1:]:
        if chunk.startswith(b"--"):
            break  # the closing delimiter; what follows is the epilogue
        chunk = chunk.removeprefix(b"\r\n").removesuffix(b"\r\n")
        head, sep, data = chunk.partition(b"\r\n\r\n")
        if not sep:
            continue
        part_headers: dict[str, str] = {}
        for line in head.decode("utf-8", "replace").split("\r\n"):
            key, _, value = line.partition(":")
            part_headers[key.strip().lower()] = value.strip()
        disposition = _header_params(
            "content-disposition", part_headers.get("content-disposition", "")
        )
        name = disposition.get_param("name", header="content-disposition")
        filename = disposition.get_param("filename", header="content-disposition")
        if not isinstance(name, str):
            continue
        if isinstance(filename, str):
            files.append(
                {
                    "name": name,
                    "filename": filename,
                    "mime_type": part_headers.get("content-type", "application/octet-stream"),
                    "size": len(data),
                    "data": data,
                }
            )
        else:
            fields[name] = data.decode("utf-8", "replace")
    return {"fields": fields, "files": files}
