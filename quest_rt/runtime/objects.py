"""User types, traits and modules as runtime objects (spec sections 7 and 9).

A Quest ``type`` becomes a Python class made by ``make_type``: its metaclass is
``StructType``, its base ``Struct``, its fields are ``__slots__`` and its methods are
ordinary Python functions compiled from Quest, so ``obj.method(...)`` and ``self.field``
are plain CPython attribute operations. ``T.new(...)`` is the constructor of spec 7.2;
calling ``T(...)`` directly is an error that suggests ``.new``.

A module is a ``QuestModule``: native modules (written in Python under ``quest_rt.std``)
expose their members as attributes; Quest-source modules read their *live* top-level
variables through ``__getattr__`` so ``mod.counter`` always shows the current value, and
only ``pub`` names are visible.
"""

from __future__ import annotations

import types

from quest_rt.runtime.errors import ArgErr, AttrErr, Err, TypeErr
from quest_rt.runtime.values import cls_name, is_function, is_uuid_type

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "Struct", "StructType", "FieldSpec", "Trait", "QuestModule", "make_type", "make_trait",
    "check_annotation", "annotation_name",
]

_MISSING = object()

BUILTIN_TYPE_WORDS = ("Int", "Float", "Num", "Str", "Bool", "Array", "Dict", "Bytes", "Uuid",
                      "Decimal", "BigInt", "Obj", "Nil", "Func")


class FieldSpec:
    """A declared field of a struct type (read-only once made).

    A plain slotted class rather than a dataclass: every program declares types through
    here, and ``dataclasses`` (with ``inspect``) would cost each start-up ~5 ms.
    """

    __slots__ = ("name", "pub", "annotation", "optional", "default", "slot")

    name: str
    pub: bool
    annotation: Any  # None, a type word (Str) or a StructType
    optional: bool
    default: Any  # _MISSING when the field has none
    slot: str  # the Python attribute holding it (see field_slot)

    def __init__(self, name: str, pub: bool, annotation: Any, optional: bool, default: Any,
                 slot: str = "") -> None:
        setattr_ = object.__setattr__
        for attr, value in (("name", name), ("pub", pub), ("annotation", annotation),
                            ("optional", optional), ("default", default), ("slot", slot)):
            setattr_(self, attr, value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"FieldSpec is read-only: cannot set {name!r}")

    def __repr__(self) -> str:
        return (f"FieldSpec(name={self.name!r}, pub={self.pub!r}, "
                f"annotation={self.annotation!r}, optional={self.optional!r}, "
                f"default={self.default!r}, slot={self.slot!r})")


def field_slot(name: str, method_names: set[str] | frozenset[str], pub: bool = True) -> str:
    """Where a field lives: the Python attribute holding it.

    A public field is stored under its own name, so ``obj.x`` is a plain attribute read.
    A private field is stored as ``x·private``: only the type's own methods name that
    slot (the compiler emits it for ``self.x``), so reading ``obj.x`` from outside finds
    no attribute and becomes AttrErr "Field 'x' of type T is private" (spec 7.3).
    ``BasicError`` has a ``message`` field and a ``message()`` method (spec 8.3): Python
    has one attribute namespace, so a field sharing a method's name is ``message·field``.
    """
    if name in method_names:
        return f"{name}·field"
    return name if pub else f"{name}·private"


def annotation_name(annotation: Any) -> str:
    if isinstance(annotation, str):
        return annotation
    return getattr(annotation, "quest_name", getattr(annotation, "__name__", str(annotation)))


def matches_annotation(value: Any, annotation: Any) -> bool:
    """Whether ``value`` satisfies a type annotation (spec 6.2 item 6 and 7.2)."""
    if isinstance(annotation, str):
        t = type(value)
        if annotation == "Int":
            return t is int
        if annotation == "Float":
            return t is float
        if annotation == "Num":
            return t is int or t is float
        if annotation == "Str":
            return t is str
        if annotation == "Bool":
            return t is bool
        if annotation == "Array":
            return t is list
        if annotation == "Dict":
            return t is dict
        if annotation == "Nil":
            return value is None
        if annotation == "Bytes":
            return t is bytes
        if annotation == "Uuid":
            return is_uuid_type(t)
        if annotation == "Obj":
            return True
        if annotation == "Func":
            return is_function(value) or callable(value)
        return cls_name(value) == annotation
    if isinstance(annotation, type):
        return isinstance(value, annotation)
    if isinstance(annotation, Trait):
        return isinstance(value, Struct) and annotation in type(value).quest_traits
    return False


def check_annotation(value: Any, annotation: Any, what: str) -> Any:
    """Raise TypeErr unless ``value`` matches; ``what`` names the checked thing."""
    if not matches_annotation(value, annotation):
        raise TypeErr(f"{what} expects type {annotation_name(annotation)}, "
                      f"got {cls_name(value)}")
    return value


class StructType(type):
    """Metaclass of every user type: prints as ``type Name``; ``T(...)`` is an error."""

    quest_name: str
    quest_fields: tuple[FieldSpec, ...]
    quest_field_map: dict[str, FieldSpec]
    quest_traits: tuple[Trait, ...]
    quest_doc: str | None

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        raise TypeErr(f"Type {cls.quest_name} is not callable; use {cls.quest_name}.new(...)")


    def __repr__(cls) -> str:
        return f"type {cls.quest_name}"


class Struct:
    """Base class of user type instances (never truthiness-special: always truthy)."""

    __slots__ = ()
    quest_name = "Struct"

    def __repr__(self) -> str:
        from quest_rt.runtime.values import to_str

        return to_str(self)


def construct(cls: StructType, *args: Any, **kwargs: Any) -> Struct:
    """``T.new(...)`` (spec 7.2): named, positional, or a single Dict argument."""
    fields = cls.quest_fields
    if len(args) == 1 and not kwargs and type(args[0]) is dict and fields:
        kwargs = args[0]
        args = ()
    unknown = [k for k in kwargs if k not in cls.quest_field_map]
    if unknown:
        raise ArgErr(f"{cls.quest_name}.new: unknown field '{unknown[0]}'")
    if len(args) > len(fields):
        raise ArgErr(f"{cls.quest_name}.new takes at most {len(fields)} positional arguments, "
                     f"{len(args)} given")
    obj = object.__new__(cls)
    for i, field in enumerate(fields):
        if i < len(args):
            value = args[i]
            if field.name in kwargs:
                raise ArgErr(f"{cls.quest_name}.new: field '{field.name}' given both "
                             "positionally and by name")
        elif field.name in kwargs:
            value = kwargs[field.name]
        elif field.default is not _MISSING:
            value = field.default
            if type(value) is list or type(value) is dict:
                import copy

                value = copy.deepcopy(value)
        elif field.optional:
            value = None
        else:
            raise ArgErr(f"Required field '{field.name}' not provided and has no default")
        if isinstance(field.annotation, str) and not (value is None and field.optional):
            # spec 7.2: built-in type words are checked, other names are not
            if not matches_annotation(value, field.annotation):
                raise TypeErr(f"Type mismatch: expected {annotation_name(field.annotation)}, "
                              f"got {cls_name(value)} for field '{field.name}' of "
                              f"{cls.quest_name}")
        object.__setattr__(obj, field.slot, value)
    return obj


_PYTHON_TESTS = {"Int": "type({v}) is int", "Float": "type({v}) is float",
                 "Num": "(type({v}) is int or type({v}) is float)", "Str": "type({v}) is str",
                 "Bool": "type({v}) is bool", "Array": "type({v}) is list",
                 "Dict": "type({v}) is dict", "Nil": "{v} is None", "Bytes": "type({v}) is bytes",
                 "Obj": "True"}


def fast_constructor(cls: StructType) -> Any:
    """A ``T.new`` specialised for ``cls``, generated when the type is declared.

    Named arguments (the common ``Point.new(x: 1, y: 2)``) are keyword-only parameters,
    so CPython binds them and rejects unknown names; defaults, optional fields and
    annotation checks are unrolled. Positional arguments and the single-Dict form go to
    the general ``construct``. Returns None when a field name cannot be a Python
    parameter (a Python keyword), and ``construct`` serves every call.
    """
    import keyword

    fields = cls.quest_fields
    if any(keyword.iskeyword(f.name) or not f.name.isidentifier() for f in fields):
        return None
    env: dict[str, Any] = {"_M": _MISSING, "construct": construct, "cls": cls,
                           "new_object": object.__new__,
                           "ArgErr": ArgErr, "mismatch": _field_mismatch}
    params = ", ".join(f"{f.name}=_M" for f in fields)
    lines = [f"def new(*args{', ' + params if params else ''}):",
             "    if args:",
             "        return construct(cls, *args, **{k: v for k, v in ((" +
             "".join(f"'{f.name}', {f.name}), (" for f in fields) + "None, _M)) if v is not _M})",
             "    obj = new_object(cls)"]
    for i, f in enumerate(fields):
        v = f.name
        if f.slot.isidentifier():
            store = f"    obj.{f.slot} = {v}"
        else:  # a private or method-shadowed field: its slot name is not Python syntax
            env[f"set{i}"] = cls.__dict__[f.slot].__set__
            store = f"    set{i}(obj, {v})"
        lines.append(f"    if {v} is _M:")
        if f.default is not _MISSING:
            env[f"d{i}"] = f.default
            copy_default = type(f.default) is list or type(f.default) is dict
            if copy_default:
                import copy

                env["deepcopy"] = copy.deepcopy
            lines.append(f"        {v} = deepcopy(d{i})" if copy_default else f"        {v} = d{i}")
        elif f.optional:
            lines.append(f"        {v} = None")
        else:
            lines.append(f"        raise ArgErr(\"Required field '{f.name}' not provided and "
                         f"has no default\")")
        if isinstance(f.annotation, str):  # spec 7.2: user type names are not checked
            if f.annotation in _PYTHON_TESTS:
                test = _PYTHON_TESTS[f.annotation].format(v=v)
            else:
                env[f"a{i}"] = f.annotation
                env["matches"] = matches_annotation
                test = f"matches({v}, a{i})"
            if f.optional:
                test = f"{v} is None or {test}"
            if test != "True":
                lines.append(f"    elif not ({test}):")
                lines.append(f"        mismatch(cls, {i}, {v})")
        lines.append(store)
    lines.append("    return obj")
    exec("\n".join(lines), env)  # noqa: S102 - generated from field names checked above
    fn = env["new"]
    fn.__qualname__ = fn.__name__ = f"{cls.quest_name}.new"
    return fn


def _field_mismatch(cls: StructType, index: int, value: Any) -> None:
    field = cls.quest_fields[index]
    raise TypeErr(f"Type mismatch: expected {annotation_name(field.annotation)}, "
                  f"got {cls_name(value)} for field '{field.name}' of {cls.quest_name}")


def _quest_call(self: Any, *args: Any, **kwargs: Any) -> Any:
    return self._call(*args, **kwargs)


class Trait:
    """A trait value: a named list of required method signatures (spec 7.4)."""

    quest_name = "Trait"

    def __init__(self, name: str, doc: str | None,
                 methods: tuple[tuple[str, tuple[str, ...], str | None], ...]) -> None:
        self.name = name
        self.doc = doc
        self.methods = methods  # (name, parameter names, return annotation or None)

    def __str__(self) -> str:
        return f"trait {self.name}"

    def _doc(self) -> str:
        if self.doc is not None:
            return self.doc
        text = f"Trait definition: {self.name}\n"
        if self.methods:
            lines = []
            for name, params, returns in self.methods:
                line = f"  fun {name}({', '.join(params)})"
                if returns:
                    line += f" -> {returns}"
                lines.append(line)
            text += "Required methods:\n" + "\n".join(lines)
        return text


def make_trait(name: str, doc: str | None,
               methods: tuple[tuple[str, tuple[str, ...], str | None], ...]) -> Trait:
    return Trait(name, doc, methods)


def make_type(name: str, doc: str | None, fields: list[tuple], methods: dict[str, Any],
              statics: dict[str, Any], impls: list[tuple[Any, dict[str, Any]]]) -> StructType:
    """Build a user type when its declaration runs.

    ``fields`` holds ``(name, pub, annotation, optional, default)`` tuples with the
    default already evaluated (or ``_MISSING``); ``impls`` holds ``(trait, methods)``.
    """
    specs = []
    method_names = set(methods) | set(statics)
    for _trait, trait_methods in impls:
        method_names |= set(trait_methods)
    for fname, pub, annotation, optional, default in fields:
        if isinstance(annotation, str) and annotation not in BUILTIN_TYPE_WORDS:
            if annotation.title() in BUILTIN_TYPE_WORDS or annotation.capitalize() in \
                    BUILTIN_TYPE_WORDS:
                raise TypeErr(f"Unknown type '{annotation}' for field '{fname}'; "
                              f"did you mean {annotation.capitalize()}?")
            raise TypeErr(f"Unknown type '{annotation}' for field '{fname}'")
        if isinstance(annotation, str) and default is not _MISSING and \
                not (default is None and optional) and \
                not matches_annotation(default, annotation):
            raise TypeErr(f"Default of field '{fname}' expects type "
                          f"{annotation_name(annotation)}, got {cls_name(default)}")
        specs.append(FieldSpec(fname, pub, annotation, optional, default,
                               field_slot(fname, method_names, pub)))
    namespace: dict[str, Any] = {
        "__slots__": tuple(s.slot for s in specs),
        "__module__": "__quest__",
        "__qualname__": name,
        "quest_name": name,
        "quest_doc": doc,
        "quest_fields": tuple(specs),
        "quest_field_map": {s.name: s for s in specs},
    }
    traits = []
    all_methods = dict(methods)
    for trait, trait_methods in impls:
        if not isinstance(trait, Trait):
            raise AttrErr(f"{cls_name(trait)} is not a trait")
        for mname, params, _returns in trait.methods:
            fn = trait_methods.get(mname)
            if fn is None:
                raise TypeErr(f"Type {name} does not implement method '{mname}' required "
                              f"by trait {trait.name}")
            arity = fn.__code__.co_argcount - 1
            if arity != len(params):
                raise TypeErr(f"Method '{mname}' of type {name} takes {arity} parameters "
                              f"but trait {trait.name} requires {len(params)}")
        all_methods.update(trait_methods)
        traits.append(trait)
    for mname, fn in all_methods.items():
        fn.quest_owner = name
        namespace[mname] = fn
    for mname, fn in statics.items():
        if mname == "new":
            continue  # T.new is always the built-in constructor (spec 7.2)
        fn.quest_owner = name
        namespace[mname] = staticmethod(fn)
    if "_call" in all_methods:
        namespace["__call__"] = _quest_call
    namespace["quest_traits"] = tuple(traits)
    # `T.new` is the constructor (spec 7.2). It is a class attribute, so reading it costs
    # what any attribute costs; a type that also has an instance method named `new` gets
    # its own metaclass whose `new` property (a data descriptor, so it wins over the
    # class dict) returns the constructor.
    meta = StructType
    if "new" in namespace:
        meta = type(f"{name}Type", (StructType,), {"new": property(_constructor_of)})
    cls = meta(name, (Struct,), namespace)
    fast = fast_constructor(cls)
    type.__setattr__(cls, "quest_new", fast if fast is not None else
                     types.MethodType(construct, cls))
    if meta is StructType:
        type.__setattr__(cls, "new", staticmethod(cls.quest_new))
    return cls


def _constructor_of(cls: StructType) -> Any:
    return cls.quest_new


def type_doc(cls: StructType) -> str:
    if cls.quest_doc is not None:
        return cls.quest_doc
    text = f"Type definition: {cls.quest_name}\n"
    if cls.quest_fields:
        lines = []
        for f in cls.quest_fields:
            if f.annotation is not None:
                lines.append(f"  {annotation_name(f.annotation)}{'?' if f.optional else ''}: "
                             f"{f.name}")
            else:
                lines.append(f"  {f.name}")
        text += "Fields:\n" + "\n".join(lines)
    return text


class QuestModule:
    """A loaded module. Only public members are visible (spec 9.3)."""

    quest_name = "Module"

    def __init__(self, name: str, namespace: dict[str, Any], public: set[str] | None,
                 doc: str | None = None, path: str | None = None) -> None:
        d = object.__getattribute__(self, "__dict__")
        d["quest_module_name"] = name
        d["_q_ns"] = namespace
        d["_q_pub"] = public  # None: every name of the namespace is public (native)
        d["_q_doc"] = doc
        d["_q_path"] = path
        if public is None:
            for key, value in namespace.items():
                if not key.startswith("_"):
                    d[key] = value
                    if isinstance(value, types.FunctionType) and \
                            not hasattr(value, "quest_owner"):
                        value.quest_owner = name  # prints as <fun name.member> (spec 4.2)
                        value.__qualname__ = f"{name}.{key}"  # Python's ArgErr text

    def renamed(self, alias: str) -> QuestModule:
        """The same module (same members, same state) under the name a ``use ... as``
        gave it: it prints as ``<module alias>`` and documents itself as ``alias``."""
        twin = object.__new__(QuestModule)
        d = object.__getattribute__(twin, "__dict__")
        d.update(object.__getattribute__(self, "__dict__"))
        d["quest_module_name"] = alias
        return twin

    def __eq__(self, other: object) -> bool:
        # a renamed twin is the same module: `==` is identity of the module's namespace
        return isinstance(other, QuestModule) and other._q_ns is self._q_ns

    def __hash__(self) -> int:
        return id(self._q_ns)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)  # Python's protocols (copy, pickle, pytest) ask these
        pub = self._q_pub
        if pub is not None and name in pub:
            try:
                return self._q_ns[name]
            except KeyError:
                pass
        raise AttrErr(f"Module {self.quest_module_name} has no member '{name}'")

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttrErr(f"Cannot assign to member '{name}' of module {self.quest_module_name}")

    def quest_members(self) -> dict[str, Any]:
        if self._q_pub is None:
            return {k: v for k, v in self._q_ns.items() if not k.startswith("_")}
        return {k: self._q_ns[k] for k in self._q_pub if k in self._q_ns}

    def __str__(self) -> str:
        return f"<module {self.quest_module_name}>"


def does(value: Any, trait: Any) -> bool:
    return isinstance(value, Struct) and trait in type(value).quest_traits


def is_error_value(value: Any) -> bool:
    """Whether ``raise value`` is allowed: an error object or an ``Error`` struct."""
    if isinstance(value, Err):
        return True
    return isinstance(value, Struct) and any(t.name == "Error" for t in type(value).quest_traits)
