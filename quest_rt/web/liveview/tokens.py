"""Signed tokens and CSRF tokens for LiveView pages (wire-protocol.md §8.1–8.2).

**Signed tokens.** A LiveView page carries its session in ``data-phx-session``: the
view id and the user session the app handed the dead render. The client only echoes
it in the join, so it must come back unchanged and not too old. The structure is
Phoenix's (HMAC-SHA256 over the payload, a key derived per purpose, issue time, max
age, a version tag) with JSON instead of Erlang terms, since only our server reads it::

    QV1.<base64url(JSON {"d": data, "t": issued_ms})>.<base64url(HMAC-SHA256(key, first two parts))>

``key = PBKDF2-HMAC-SHA256(secret, purpose, 1000 iterations, 32 bytes)``, derived once
per purpose. :meth:`Signer.verify` compares in constant time and returns None for
anything wrong (forged, tampered, truncated, expired, another purpose): the caller
answers every such case the same way (join ``stale``).

**CSRF.** The page's ``<meta name="csrf-token">`` holds a *masked* form of a per-browser
secret kept in an HttpOnly cookie: a fresh random pad per page, ``pad + (pad XOR
secret)``, so no page contains a constant value (BREACH). The LiveSocket sends the
masked token as the ``_csrf_token`` query parameter of the socket URL, where the
upgrade unmasks and compares it with the cookie (:func:`csrf_valid`).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import secrets
import time
from typing import Any

__all__ = [
    "CSRF_COOKIE",
    "MAX_AGE",
    "Signer",
    "csrf_valid",
    "mask_csrf",
    "new_csrf_secret",
    "new_secret",
    "new_view_id",
]

#: Version tag of our tokens (Phoenix's first part is ``SFMyNTY``, base64url of HS256).
_VERSION = "QV1"
#: LiveView's max age for session tokens: 14 days.
MAX_AGE = 14 * 24 * 3600
#: The cookie holding the per-browser CSRF secret.
CSRF_COOKIE = "_quest_csrf"
_CSRF_BYTES = 18


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def new_secret() -> bytes:
    """64 random bytes: the secret of a server that was given none."""
    return os.urandom(64)


def new_view_id() -> str:
    """``phx-`` and 11 base64url characters (64 random bits): unique, HTML-id-safe and
    not guessable, and short, since it travels in every frame of the view (a counter
    click's reply is ≤ 90 bytes with it; Phoenix's 16 characters cost 5 more)."""
    return "phx-" + _b64(os.urandom(8))


class Signer:
    """Signs and verifies JSON data per purpose with one server secret."""

    __slots__ = ("_keys", "_secret")

    def __init__(self, secret: bytes) -> None:
        if len(secret) < 32:
            raise ValueError("the signing secret must be at least 32 bytes")
        self._secret = secret
        self._keys: dict[str, bytes] = {}

    def _key(self, purpose: str) -> bytes:
        key = self._keys.get(purpose)
        if key is None:
            key = self._keys[purpose] = hashlib.pbkdf2_hmac(
                "sha256", self._secret, purpose.encode(), 1000, 32
            )
        return key

    def sign(self, purpose: str, data: Any, *, now: float | None = None) -> str:
        issued = int((time.time() if now is None else now) * 1000)
        body = json.dumps({"d": data, "t": issued}, separators=(",", ":"), sort_keys=True)
        head = f"{_VERSION}.{_b64(body.encode())}"
        mac = hmac.new(self._key(purpose), head.encode(), hashlib.sha256).digest()
        return f"{head}.{_b64(mac)}"

    def verify(
        self, purpose: str, token: Any, *, max_age: float = MAX_AGE, now: float | None = None
    ) -> Any | None:
        """The data of a valid token of ``purpose`` issued less than ``max_age`` seconds
        ago; None otherwise (whatever is wrong with it)."""
        if type(token) is not str or token.count(".") != 2:
            return None
        head, _, mac = token.rpartition(".")
        if not head.startswith(_VERSION + "."):
            return None
        try:
            given = _unb64(mac)
            body = json.loads(_unb64(head[len(_VERSION) + 1 :]))
        except (ValueError, binascii.Error, UnicodeDecodeError):
            return None
        expected = hmac.new(self._key(purpose), head.encode(), hashlib.sha256).digest()
        if not hmac.compare_digest(given, expected):
            return None
        if type(body) is not dict or type(body.get("t")) is not int:
            return None
        age = (time.time() if now is None else now) - body["t"] / 1000
        if age > max_age or age < -60:  # issued in the future: a clock far off, refuse
            return None
        return body.get("d")


def new_csrf_secret() -> str:
    return _b64(secrets.token_bytes(_CSRF_BYTES))


def mask_csrf(secret: str) -> str:
    """A one-time masked form of ``secret`` for one page: ``b64(pad + pad ^ secret)``."""
    raw = _unb64(secret)
    pad = secrets.token_bytes(len(raw))
    return _b64(pad + bytes(a ^ b for a, b in zip(pad, raw, strict=True)))


def csrf_valid(masked: Any, secret: Any) -> bool:
    """Whether ``masked`` (from the socket URL) unmasks to ``secret`` (the cookie)."""
    if type(masked) is not str or type(secret) is not str or not secret:
        return False
    try:
        raw = _unb64(masked)
        want = _unb64(secret)
    except (ValueError, binascii.Error):
        return False
    half = len(raw) // 2
    if len(raw) != 2 * len(want) or half == 0:
        return False
    pad, xored = raw[:half], raw[half:]
    return hmac.compare_digest(bytes(a ^ b for a, b in zip(pad, xored, strict=True)), want)
