"""Quest exceptions: the built-in types of language spec section 8, and the translation of
Python exceptions into them.

Quest's hierarchy is flat: ``Err`` catches everything and every other type sits directly
under it. Here each is a Python exception class so that compiled Quest code raises and
catches with ordinary ``raise``/``try``. A user type implementing the ``Error`` trait is
raised wrapped in ``UserRaise``; ``catch`` hands the original struct back.

Compiled code takes fast paths that let CPython raise its own exceptions (a list index
out of range, ``1 + "a"``, a missing argument). Those never reach a Quest program as
Python exceptions: ``to_quest`` turns them into the Quest type the spec names, with a
message in Quest words (``Array``, not ``list``). It is called wherever Quest code can
observe an exception: ``catch``, ``std/test``, the top-level error printer.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable

__all__ = [
    "Err", "ValueErr", "TypeErr", "IndexErr", "KeyErr", "ArgErr", "AttrErr", "NameErr",
    "RuntimeErr", "IOErr", "ImportErr", "SyntaxErr", "ConfigurationErr", "UserRaise",
    "ModuleReturn", "ERROR_TYPES", "to_quest", "quest_type_name",
]


class ErrType(type):
    """Metaclass of the Quest exception types: ``ValueErr("x")`` written in Quest is an
    error (spec 2.9: use ``ValueErr.new("x")``); the runtime's own Python code keeps
    calling the classes to create errors."""

    def __call__(cls, *args: object, **kwargs: object) -> Err:
        caller = sys._getframe(1).f_code.co_filename
        if caller in _quest_files():
            raise TypeErr(f"Type {cls.quest_name} is not callable; use "
                          f"{cls.quest_name}.new(message)")
        return super().__call__(*args, **kwargs)


def _quest_files() -> set[str]:
    from quest_rt.runtime.loader import QUEST_FILES

    return QUEST_FILES


class Err(Exception, metaclass=ErrType):
    """Base of every Quest exception (``catch e: Err`` catches all).

    The Quest methods of an exception value (spec 8.1) are plain Python methods here, so
    compiled ``e.message()`` is an ordinary method call.
    """

    quest_name = "Err"

    def __init__(self, message: str = "") -> None:
        super().__init__(message)
        self.quest_message = message

    def __str__(self) -> str:
        return self.quest_message

    @classmethod
    def new(cls, message: object) -> Err:
        """new(message: Str) -> an exception value (not raised)"""
        if type(message) is not str:
            from quest_rt.runtime.values import cls_name

            raise TypeErr(f"{cls.quest_name}.new expects a Str message, got "
                          f"{cls_name(message)}")
        return type.__call__(cls, message)

    def message(self) -> str:
        """message() -> Str"""
        return self.quest_message

    def type(self) -> type:
        """type() -> the exception type (compares equal to ValueErr etc.)"""
        return type(self)

    def str(self) -> str:
        """str() -> Str: the text `Type: message`"""
        return f"{type(self).quest_name}: {self.quest_message}"

    def stack(self) -> list:
        """stack() -> Array of Str frames, innermost first"""
        from quest_rt.runtime.traceback import stack_strings

        return stack_strings(self)

    def line(self) -> int | None:
        """line() -> Int or nil: the line of the innermost Quest frame"""
        from quest_rt.runtime.traceback import quest_frames

        frames = quest_frames(self.__traceback__)
        return frames[-1].line if frames else None

    def file(self) -> str | None:
        """file() -> Str or nil: the file of the innermost Quest frame"""
        from quest_rt.runtime.traceback import quest_frames

        frames = quest_frames(self.__traceback__)
        return frames[-1].path if frames else None

    def cause(self) -> None:
        """cause() -> nil (exception chaining is not implemented)"""
        return None

    def _doc(self) -> str:
        """_doc() -> Str: what this kind of error means"""
        return type(self).quest_doc

    quest_doc = "The base of every Quest error: `catch e: Err` catches everything."


def _define(name: str, doc: str, base: type[Err] | None = None) -> type[Err]:
    return type(name, (base or Err,), {"quest_name": name, "__doc__": doc, "quest_doc": doc,
                               "__module__": __name__})


ValueErr = _define("ValueErr", "A value has the right type but is not acceptable.")
TypeErr = _define("TypeErr", "A value has the wrong type for an operation or annotation.")
KeyErr = _define("KeyErr", "A required key is missing.")
ArgErr = _define("ArgErr", "A call's arguments do not fit the callee's parameters.")
AttrErr = _define("AttrErr", "An unknown method, member or field, or a private field read.")
NameErr = _define("NameErr", "An undefined variable was read or assigned.")
RuntimeErr = _define("RuntimeErr", "Any other failure at run time.")
# a RuntimeErr too: the reference raises RuntimeErr for an index read out of range (spec 8.2)
IndexErr = _define("IndexErr", "An index is out of range; it names the index and the length.",
                   RuntimeErr)
IOErr = _define("IOErr", "A file-system or stream operation failed.")
ImportErr = _define("ImportErr", "A module could not be found or imported.")
SyntaxErr = _define("SyntaxErr", "Source code given at run time (sys.eval) did not parse.")
ConfigurationErr = _define("ConfigurationErr", "The program's configuration is invalid.")

ERROR_TYPES: dict[str, type[Err]] = {
    cls.quest_name: cls
    for cls in (Err, ValueErr, TypeErr, IndexErr, KeyErr, ArgErr, AttrErr, NameErr,
                RuntimeErr, IOErr, ImportErr, SyntaxErr, ConfigurationErr)
}


class UserRaise(Exception):
    """Carries a raised struct whose type implements ``Error`` (spec 8.3)."""

    def __init__(self, value: object) -> None:
        super().__init__(value)
        self.value = value

    def __str__(self) -> str:
        from quest_rt.runtime.values import call_user_method

        return str(call_user_method(self.value, "message"))


class ModuleReturn(BaseException):
    """A ``return`` at a module's top level: ends its initialisation (spec 2.12)."""


# Python type names as Quest spells them, for messages translated from CPython's.
_PY_TO_QUEST = {
    "int": "Int", "float": "Float", "str": "Str", "bool": "Bool", "NoneType": "Nil",
    "list": "Array", "dict": "Dict", "bytes": "Bytes", "function": "Fun",
    "builtin_function_or_method": "Fun", "method": "Fun", "tuple": "Array",
    "decimal.Decimal": "Decimal", "BigInt": "BigInt",
}


def quest_type_name(value: object) -> str:
    """The name ``value.cls()`` returns, without importing the value layer."""
    from quest_rt.runtime.values import cls_name

    return cls_name(value)


def _quest_words(message: str) -> str:
    return re.sub(r"'([\w.]+)'", lambda m: _PY_TO_QUEST.get(m.group(1), m.group(0)), message)


def _names(listed: str) -> list[str]:
    return re.findall(r"'([^']+)'", listed)


def _missing(f: str, m: re.Match[str]) -> str:
    names = _names(m["names"])
    word = "parameter" if len(names) == 1 else "parameters"
    return f"{f}: missing required {word} " + ", ".join(f"'{n}'" for n in names)


def _count(f: str, m: re.Match[str]) -> str:
    bound = {"from": "at most", "most": "at most", "least": "at least"}.get(m["bound"] or "")
    want = f"{bound} {m['want']}" if bound else m["want"]
    return f"{f} expects {want} arguments, got {m['got']}"  # the method tables' wording


def _positional_only(f: str, m: re.Match[str]) -> str:
    listed = ", ".join(f"'{n}'" for n in _names(m["names"]))
    return f"{f}: {listed} cannot be given by name"


# CPython's wordings of a call whose arguments do not fit the callee, each with the Quest
# message it becomes: (form, pattern, message). Python functions (Quest's compiled ones
# and the std bindings) use the first forms on every version; C functions word theirs
# differently, and 3.13 reworded several: an unknown keyword is "'k' is an invalid keyword
# argument for f()" on 3.11/3.12 and "f() got an unexpected keyword argument 'k'" on 3.13,
# "replace expected at least 2 arguments, got 1" became "replace() takes at least 2
# positional arguments (1 given)". tests/runtime/test_error_translation.py provokes each
# form on each supported version and knows which versions emit it. The patterns are
# strings, compiled by ``re`` (and kept in its cache) when an argument error first needs
# them: compiling them all costs every start-up ~1 ms.
_ARG_FORMS: tuple[tuple[str, str, Callable[[str, re.Match[str]], str]], ...] = (
    ("missing", r"missing \d+ required (?:positional|keyword-only) "
                r"arguments?: (?P<names>.*)", _missing),
    ("too many", r"takes (?:(?P<bound>from) \d+ to )?(?P<want>\d+) positional "
                 r"arguments? but (?P<got>\d+) (?:positional arguments? \(.*\) )?"
                 r"(?:was|were) given", _count),
    ("unexpected keyword", r"got an unexpected keyword argument '(?P<name>\w+)'",
     lambda f, m: f"{f}: unknown keyword argument '{m['name']}'"),
    ("invalid keyword", r"^'(?P<name>\w+)' is an invalid keyword argument for "
                        r"(?P<f>[\w.]+)\(\)",
     lambda f, m: f"{f}: unknown keyword argument '{m['name']}'"),
    ("given twice", r"got multiple values for (?:keyword )?argument '(?P<name>\w+)'",
     lambda f, m: f"{f}: parameter '{m['name']}' given both positionally and by name"),
    ("no keywords", r"takes no keyword arguments",
     lambda f, m: f"{f} takes no named arguments"),
    ("positional-only", r"got some positional-only arguments passed as keyword "
                        r"arguments: (?P<names>.*)", _positional_only),
    ("takes none", r"takes no arguments \((?P<got>\d+) given\)",
     lambda f, m: f"{f} expects 0 arguments, got {m['got']}"),
    ("takes one", r"takes exactly one argument \((?P<got>\d+) given\)",
     lambda f, m: f"{f} expects 1 arguments, got {m['got']}"),
    ("expected", r"expected (?:at (?P<bound>most|least) )?(?P<want>\d+) "
                 r"arguments?, got (?P<got>\d+)", _count),
    ("takes at least", r"takes at (?P<bound>least) (?P<want>\d+) (?:positional )?"
                       r"arguments? \((?P<got>\d+) given\)", _count),
    ("missing one", r"missing required argument '(?P<names>\w+)'",
     lambda f, m: f"{f}: missing required parameter '{m['names']}'"),
)


def _function_name(message: str) -> str:
    """The callee a CPython argument message starts with, as Quest names it."""
    head = re.match(r"[^\s(]*", message)[0]
    # a qualified name: keep `Type.method`, drop the Python nesting path before it
    name = head.rsplit("<locals>.", 1)[-1] or "function"
    owner, dot, method = name.rpartition(".")
    if dot:  # a C method: `list.append` is `Array.append`
        name = f"{_PY_TO_QUEST.get(owner, owner)}.{method}"
    return name.split("·")[0] or "<anonymous>"  # compiler suffixes (`·2`) are not Quest


def _argument_error(msg: str) -> ArgErr | None:
    for _form, pattern, message in _ARG_FORMS:
        m = re.search(pattern, msg)
        if m:
            fname = m["f"] if "f" in m.re.groupindex else _function_name(msg)
            return ArgErr(message(fname, m))
    return None


def _translate_type_error(exc: TypeError) -> Err:
    msg = str(exc)
    arg_err = _argument_error(msg)
    if arg_err is not None:
        return arg_err
    if "not callable" in msg:
        m = re.match(r"'(\w+)' object is not callable", msg)
        kind = _PY_TO_QUEST.get(m.group(1), m.group(1)) if m else "value"
        return TypeErr(f"{kind} is not callable")
    m = re.match(r'can only concatenate (\w+) \(not "(\w+)"\) to (\w+)', msg)
    if m:
        a, b = _PY_TO_QUEST.get(m.group(1), m.group(1)), _PY_TO_QUEST.get(m.group(2), m.group(2))
        return TypeErr(f"unsupported operand types for +: {a} and {b}")
    m = re.match(r"can't concat (\w+) to (\w+)", msg)  # bytes + str
    if m:
        a, b = _PY_TO_QUEST.get(m.group(2), m.group(2)), _PY_TO_QUEST.get(m.group(1), m.group(1))
        return TypeErr(f"unsupported operand types for +: {a} and {b}")
    m = re.match(r"can't multiply sequence by non-int of type '(\w+)'", msg)
    if m:
        return TypeErr("unsupported operand types for *: a Str or Array can only be repeated "
                       f"by an Int, not {_PY_TO_QUEST.get(m.group(1), m.group(1))}")
    if "unsupported operand" in msg or "can only concatenate" in msg or "can't multiply" in msg:
        m = re.search(r"for (\S+): '([\w.]+)' and '([\w.]+)'", msg)
        if m:
            a, b = (_PY_TO_QUEST.get(t, t) for t in m.group(2, 3))
            return TypeErr(f"unsupported operand types for {m.group(1)}: {a} and {b}")
        return TypeErr("unsupported operand types: " + _quest_words(msg))
    if "bad operand type for unary" in msg:
        m = re.search(r"unary (\S+): '(\w+)'", msg)
        if m:
            return TypeErr(f"unsupported operand type for unary {m.group(1)} "
                           f"{_PY_TO_QUEST.get(m.group(2), m.group(2))}")
    if "indices must be integers" in msg or "index must be" in msg:
        # "list indices must be integers or slices, not str"; "..., not 'str'" for a Str
        m = re.search(r"not '?(\w+)'?$", msg)
        got = _PY_TO_QUEST.get(m.group(1), m.group(1)) if m else None
        return TypeErr(f"index must be an Int, got {got}" if got else "index must be an Int")
    if "not subscriptable" in msg or "does not support item assignment" in msg:
        m = re.match(r"'(\w+)' object", msg)
        kind = _PY_TO_QUEST.get(m.group(1), m.group(1)) if m else "value"
        if "assignment" in msg:
            return TypeErr(f"{kind} does not support index assignment")
        return TypeErr(f"{kind} does not support indexing")
    if "not iterable" in msg:
        m = re.match(r"'(\w+)' object", msg)
        kind = _PY_TO_QUEST.get(m.group(1), m.group(1)) if m else "value"
        return TypeErr(f"cannot iterate over {kind}")
    return TypeErr(_quest_words(msg))


def _translate_attribute_error(exc: AttributeError) -> Err:
    name = getattr(exc, "name", None)
    obj = getattr(exc, "obj", None)
    if name is None:
        # 3.11 and 3.12 leave `name` unset for an assignment to a missing slot
        m = re.match(r"'(\w+)' object has no attribute '(\w+)'", str(exc))
        if m:
            return AttrErr(f"{_PY_TO_QUEST.get(m.group(1), m.group(1))} has no method "
                           f"'{m.group(2)}'")
        return AttrErr(_quest_words(str(exc)))
    if obj is None and "NoneType" in str(exc):
        return AttrErr(f"Cannot call method '{name}' on nil")
    from quest_rt.runtime.values import attribute_error_message

    return AttrErr(attribute_error_message(obj, name))


def _translate(exc: BaseException) -> Err:
    if isinstance(exc, RecursionError):
        return RuntimeErr("maximum recursion depth exceeded")
    if isinstance(exc, ZeroDivisionError):
        return RuntimeErr("Division by zero")
    if isinstance(exc, UnboundLocalError | NameError):
        name = getattr(exc, "name", None)
        if name is None:
            m = re.search(r"'([^']+)'", str(exc))
            name = m.group(1) if m else "?"
        return NameErr(f"Undefined variable: {name.split('·')[0]}")
    if isinstance(exc, AttributeError):
        return _translate_attribute_error(exc)
    if isinstance(exc, TypeError):
        return _translate_type_error(exc)
    if isinstance(exc, IndexError):
        from quest_rt.runtime.bounds import from_index_error

        return IndexErr(from_index_error(exc.__traceback__))
    if isinstance(exc, KeyError):
        return KeyErr(f"Key not found: {exc.args[0] if exc.args else ''}")
    if isinstance(exc, OverflowError):
        return RuntimeErr("Integer overflow")
    if isinstance(exc, ValueError | UnicodeError):
        return ValueErr(_quest_words(str(exc)))
    if isinstance(exc, OSError):
        return IOErr(exc.strerror or str(exc))
    if isinstance(exc, RuntimeError) and "No active exception" in str(exc):
        return RuntimeErr("No active exception to re-raise")
    return RuntimeErr(f"{type(exc).__name__}: {exc}")


def to_quest(exc: BaseException) -> object:
    """The Quest value a ``catch`` binds for ``exc``.

    A Quest error is returned as it is, a raised struct is unwrapped, and any other
    Python exception becomes the Quest error the spec names (the original is kept as
    ``__cause__`` and its traceback carried over, so tracebacks still show where it
    happened).
    """
    if isinstance(exc, Err):
        return exc
    if isinstance(exc, UserRaise):
        return exc.value
    quest = _translate(exc)
    quest.__traceback__ = exc.__traceback__
    quest.__cause__ = exc
    quest.__suppress_context__ = True
    return quest
