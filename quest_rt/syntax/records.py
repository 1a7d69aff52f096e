"""Frozen, keyword-only, slotted record classes: what the AST's nodes are made with.

``@record`` gives a class what ``dataclass(frozen=True, kw_only=True, slots=True)``
would: fields from its annotations (a base's first), defaults, ``__slots__``, an
``__init__`` taking the fields by keyword, ``__repr__``, ``__eq__`` and ``__hash__`` over
the compared fields, and instances that cannot be changed. It exists for start-up time:
``dataclasses`` compiles five or six methods per class from source text with ``exec``,
which for the AST's ~70 node classes cost a program compiled afresh ~35 ms before its
first token was parsed. Here the methods are written once and shared; each class only
carries its field table.

    @record
    class Call(Expr):
        func: Expr
        args: tuple[Arg, ...] = ()

    Call(func=f, line=1, col=1)   # Call(line=1, col=1, func=..., args=())

``fields(x)`` lists the fields of a record class or instance, ``replace(x, **changes)``
copies one with some fields changed, ``RecordField(default=..., repr=False, compare=False)``
declares a field left out of ``repr`` and of equality (a Module's source text).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["RecordField", "FrozenRecordError", "fields", "record", "replace"]

_REQUIRED = object()


class FrozenRecordError(AttributeError):
    """Assigning to or deleting a field of a record (records never change once made)."""


class RecordField:
    """A field declared with options: ``source: str = RecordField(default="", repr=False)``."""

    __slots__ = ("default", "repr", "compare")

    def __init__(self, *, default: Any = _REQUIRED, repr: bool = True, compare: bool = True):
        self.default = default
        self.repr = repr
        self.compare = compare


class _Spec:
    """One field of one record class: its name, default and options, and its slot."""

    __slots__ = ("name", "default", "repr", "compare", "set")

    def __init__(self, name: str, default: Any, repr: bool, compare: bool) -> None:
        self.name = name
        self.default = default
        self.repr = repr
        self.compare = compare
        self.set: Any = None  # the slot's member descriptor ``__set__``, once the class exists


def _own_specs(cls: type) -> dict[str, _Spec]:
    specs = {}
    for name in cls.__dict__.get("__annotations__", {}):
        value = cls.__dict__.get(name, _REQUIRED)
        if isinstance(value, RecordField):
            specs[name] = _Spec(name, value.default, value.repr, value.compare)
        else:
            specs[name] = _Spec(name, value, True, True)
    return specs


def record(cls: type) -> type:
    """Make ``cls`` a frozen keyword-only slotted record (see the module doc)."""
    specs: dict[str, _Spec] = {}
    for base in reversed(cls.__mro__[1:]):
        for spec in getattr(base, "__record_fields__", ()):
            specs[spec.name] = spec
    own = _own_specs(cls)
    specs.update(own)
    namespace = {k: v for k, v in cls.__dict__.items() if k not in own}
    namespace.pop("__dict__", None)
    namespace.pop("__weakref__", None)
    inherited = {name for base in cls.__mro__[1:] for name in getattr(base, "__slots__", ())}
    namespace["__slots__"] = tuple(name for name in own if name not in inherited)
    namespace["__match_args__"] = ()
    new = type(cls)(cls.__name__, cls.__bases__, namespace)
    new.__qualname__ = cls.__qualname__
    table = []
    for spec in specs.values():
        spec = _Spec(spec.name, spec.default, spec.repr, spec.compare)
        spec.set = _slot_owner(new, spec.name).__dict__[spec.name].__set__
        table.append(spec)
    new.__record_fields__ = tuple(table)
    new.__record_compared__ = tuple(s.name for s in table if s.compare)
    for name, method in _METHODS.items():
        if name not in cls.__dict__:
            setattr(new, name, method)
    return new


def _slot_owner(cls: type, name: str) -> type:
    for klass in cls.__mro__:
        if name in klass.__dict__.get("__slots__", ()):
            return klass
    raise TypeError(f"{cls.__name__}: no slot for field {name!r}")


def _init(self: Any, **values: Any) -> None:
    """The first ``__init__`` of a record class: it writes the class's own (one keyword
    parameter per field, straight into the slots), installs it and runs it. Only the
    classes a program's source uses pay for compiling theirs."""
    cls = type(self)
    cls.__init__ = _compile_init(cls)
    cls.__init__(self, **values)


def _compile_init(cls: type) -> Any:
    specs = cls.__record_fields__
    env: dict[str, Any] = {}
    params, body = [], []
    for i, spec in enumerate(specs):
        if spec.default is _REQUIRED:
            params.append(spec.name)
        else:
            env[f"d{i}"] = spec.default
            params.append(f"{spec.name}=d{i}")
        env[f"s{i}"] = spec.set
        body.append(f"    s{i}(self, {spec.name})")
    factory = (
        f"def factory({', '.join(env)}):\n"
        f"  def __init__(self, *, {', '.join(params)}):\n"
        + "\n".join("  " + line for line in body or ["    pass"])
        + "\n  return __init__\n"
    )
    namespace: dict[str, Any] = {}
    exec(factory, namespace)  # noqa: S102 - field names are Python identifiers (annotations)
    init = namespace["factory"](**env)
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _repr(self: Any) -> str:
    shown = ", ".join(
        f"{s.name}={getattr(self, s.name)!r}" for s in self.__record_fields__ if s.repr
    )
    return f"{type(self).__qualname__}({shown})"


def _key(self: Any) -> tuple:
    return tuple(getattr(self, name) for name in self.__record_compared__)


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _key(self) == _key(other)


def _hash(self: Any) -> int:
    return hash(_key(self))


def _setattr(self: Any, name: str, value: Any) -> None:
    raise FrozenRecordError(f"cannot assign to field {name!r} of {type(self).__name__}")


def _delattr(self: Any, name: str) -> None:
    raise FrozenRecordError(f"cannot delete field {name!r} of {type(self).__name__}")


def _reduce(self: Any) -> tuple:
    return (_rebuild, (type(self), {s.name: getattr(self, s.name) for s in self.__record_fields__}))


def _rebuild(cls: type, values: dict[str, Any]) -> Any:
    return cls(**values)


_METHODS = {
    "__init__": _init,
    "__repr__": _repr,
    "__eq__": _eq,
    "__hash__": _hash,
    "__setattr__": _setattr,
    "__delattr__": _delattr,
    "__reduce__": _reduce,
}


def fields(obj: Any) -> tuple[str, ...]:
    """The field names of a record class or instance, in ``__init__`` order."""
    return tuple(s.name for s in obj.__record_fields__)


def replace(obj: Any, **changes: Any) -> Any:
    """A copy of the record ``obj`` with ``changes`` applied."""
    values = {s.name: getattr(obj, s.name) for s in obj.__record_fields__}
    values.update(changes)
    return type(obj)(**values)
