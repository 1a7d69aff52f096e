"""Methods of Uuid values (``uuid.UUID``): ``u.to_string()``, ``u.version()``...

The values are made by ``std/uuid`` (and by typed route parameters, ``{id<uuid>}``);
their methods live with the other method tables because the compiler must know every
method name a built-in value answers when it decides how to call a method.
"""

from __future__ import annotations

import uuid

from quest_rt.runtime.dispatch import method

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_VARIANTS = {
    uuid.RESERVED_NCS: "NCS",
    uuid.RFC_4122: "RFC4122",
    uuid.RESERVED_MICROSOFT: "Microsoft",
    uuid.RESERVED_FUTURE: "Future",
}


@method(uuid.UUID, "to_string", "str", "to_hyphenated")
def uuid_to_string(u: uuid.UUID) -> str:
    """to_string() -> Str: lower-case hyphenated (alias str, alias to_hyphenated)

    Example:
        uuid.parse("{550E8400-E29B-41D4-A716-446655440000}").to_string()  # => "550e8400-e29b-41d4-a716-446655440000"
    """
    return str(u)


@method(uuid.UUID, "to_simple")
def uuid_to_simple(u: uuid.UUID) -> str:
    """to_simple() -> Str: 32 lower-case hex digits, no hyphens

    Example:
        uuid.parse("550e8400-e29b-41d4-a716-446655440000").to_simple()  # => "550e8400e29b41d4a716446655440000"
    """
    return u.hex


@method(uuid.UUID, "to_urn")
def uuid_to_urn(u: uuid.UUID) -> str:
    """to_urn() -> Str: the urn:uuid: form

    Example:
        uuid.nil_uuid().to_urn()  # => "urn:uuid:00000000-0000-0000-0000-000000000000"
    """
    return u.urn


@method(uuid.UUID, "to_bytes")
def uuid_to_bytes(u: uuid.UUID) -> bytes:
    """to_bytes() -> Bytes: the 16 bytes, big-endian

    Example:
        uuid.v4().to_bytes().len()  # => 16
    """
    return u.bytes


@method(uuid.UUID, "version")
def uuid_version(u: uuid.UUID) -> int:
    """version() -> Int: 0 for the nil Uuid, else the version nibble

    Example:
        uuid.v7().version()  # => 7
        uuid.nil_uuid().version()  # => 0
    """
    return (u.int >> 76) & 0xF


@method(uuid.UUID, "variant")
def uuid_variant(u: uuid.UUID) -> str:
    """variant() -> Str: RFC4122, NCS, Microsoft or Future

    Example:
        uuid.v4().variant()  # => "RFC4122"
    """
    return _VARIANTS[u.variant]


@method(uuid.UUID, "is_nil")
def uuid_is_nil(u: uuid.UUID) -> bool:
    """is_nil() -> Bool: whether every bit is zero

    Example:
        uuid.nil_uuid().is_nil()  # => true
        uuid.v4().is_nil()  # => false
    """
    return u.int == 0


@method(uuid.UUID, "eq")
def uuid_eq(u: uuid.UUID, other: Any) -> bool:
    """eq(other) -> Bool: whether other is the same Uuid

    Example:
        let id = uuid.v4()
        id.eq(uuid.parse(id.str()))  # => true
    """
    return type(other) is uuid.UUID and other == u


@method(uuid.UUID, "neq")
def uuid_neq(u: uuid.UUID, other: Any) -> bool:
    """neq(other) -> Bool: whether other is not the same Uuid

    Example:
        uuid.v4().neq(uuid.v4())  # => true
    """
    return not uuid_eq(u, other)
