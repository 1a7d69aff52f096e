"""``_doc()`` and ``_name()`` of functions, types, traits, modules and values (spec 5.9,
7.3, 7.4), and how dispatch reaches universal methods on such objects (spec 5.1)."""

from __future__ import annotations

import pytest

from quest_rt.runtime.builtins import puts
from quest_rt.runtime.dispatch import bound_method, call_method
from quest_rt.runtime.errors import ArgErr, AttrErr, Err, ValueErr
from quest_rt.runtime.objects import QuestModule
from tests.runtime.support import run_quest

SOURCE = '''
fun greet(name)
  "Says hello to name"
  "hi " .. name
end
fun plain(x) x end
let anon = fun (a) a end

type Point "A point in the plane"
  pub x: Int
  pub y: Int
end

type Account
  pub owner: Str
  pub note: Str?
  balance: Num = 0
  history = []
  fun deposit(amount) self.balance += amount end
  fun str() "Account!" end
  fun self.open(owner) Account.new(owner: owner) end
end

type Empty
end

trait Printable "Things that describe themselves"
  fun describe()
end

trait Labelled
  fun label(prefix, width) -> Str
  fun reset()
end

trait Marker
end

let acct = Account.open("ada")
let method_ref = Account.deposit
'''


@pytest.fixture(scope="module")
def ns():
    return run_quest(SOURCE)


@pytest.mark.parametrize("name, doc", [
    ("greet", "Says hello to name"),
    ("plain", "User-defined function: plain"),
    ("anon", "Anonymous function"),
    ("method_ref", "User-defined function: deposit"),
])
def test_function_doc(ns, name, doc):
    assert call_method(ns[name], "_doc") == doc


@pytest.mark.parametrize("name, want", [
    ("greet", "greet"), ("anon", "<anonymous>"), ("method_ref", "deposit"),
])
def test_function_name(ns, name, want):
    assert call_method(ns[name], "_name") == want


def test_function_str_and_cls(ns):
    assert call_method(ns["greet"], "str") == "<fun greet>"
    assert call_method(ns["greet"], "cls") == "Fun"
    assert type(call_method(ns["greet"], "_id")) is int


def test_native_function_doc_is_its_docstring():
    assert call_method(puts, "_doc").startswith("puts(a, b, ...)")
    assert call_method(puts, "_name") == "puts"


def test_method_read_without_call_keeps_the_method_doc():
    push = bound_method([], "push")
    doc = call_method(push, "_doc")
    assert doc.startswith("push(x) -> Array: appends x, returns the array\n\nExample:\n")
    with pytest.raises(ArgErr, match=r"Array.push\(x\) expects 1 arguments, got 2"):
        push(1, 2)


TYPE_DOCS = [
    ("Point", "A point in the plane"),
    ("Account", "Type definition: Account\nFields:\n  Str: owner\n  Str?: note\n"
                "  Num: balance\n  history"),
    ("Empty", "Type definition: Empty\n"),
    ("Printable", "Things that describe themselves"),
    ("Labelled", "Trait definition: Labelled\nRequired methods:\n"
                 "  fun label(prefix, width) -> Str\n  fun reset()"),
    ("Marker", "Trait definition: Marker\n"),
]


@pytest.mark.parametrize("name, doc", TYPE_DOCS)
def test_type_and_trait_doc(ns, name, doc):
    assert call_method(ns[name], "_doc") == doc


def test_instance_doc_is_its_type_doc(ns):
    assert call_method(ns["acct"], "_doc") == call_method(ns["Account"], "_doc")


@pytest.mark.parametrize("name, text, type_name", [
    ("Point", "type Point", "Point"), ("Printable", "trait Printable", "Printable"),
])
def test_type_and_trait_str_and_name(ns, name, text, type_name):
    assert call_method(ns[name], "str") == text
    assert call_method(ns[name], "_name") == type_name


def test_a_type_answers_str_even_when_its_instances_define_str(ns):
    assert call_method(ns["Account"], "str") == "type Account"
    assert call_method(ns["acct"], "str") == "Account!"


def test_class_methods_and_new_still_dispatch(ns):
    acct = call_method(ns["Account"], "open", "bob")
    assert call_method(acct, "cls") == "Account"
    point = call_method(ns["Point"], "new", 1, 2)
    assert call_method(point, "str") == "Point{ x: 1, y: 2 }"


def test_instance_methods_are_not_class_methods(ns):
    with pytest.raises(AttrErr, match="Type Account has no class method 'deposit'"):
        call_method(ns["Account"], "deposit", 5)


def test_instances_have_no_name(ns):
    with pytest.raises(AttrErr, match="Type Account has no field or method '_name'"):
        call_method(ns["acct"], "_name")


def test_exception_types_and_values():
    assert call_method(ValueErr, "_doc") == ValueErr.__doc__
    assert call_method(ValueErr, "str") == "ValueErr"
    assert call_method(ValueErr, "_name") == "ValueErr"
    err = call_method(ValueErr, "new", "bad")
    assert call_method(err, "_doc") == ValueErr.__doc__
    assert call_method(err, "str") == "ValueErr: bad"


def test_the_base_error_type_has_a_quest_description():
    assert call_method(Err, "_doc") == \
        "The base of every exception type: catch e: Err catches them all."


def test_module_doc_name_and_members():
    documented = QuestModule("tools", {"helper": len}, None, doc="Useful tools")
    bare = QuestModule("std/bare", {}, None)
    assert call_method(documented, "_doc") == "Useful tools"
    assert call_method(bare, "_doc") == "Module: std/bare"
    assert call_method(documented, "_name") == "tools"
    assert call_method(documented, "str") == "<module tools>"
    assert call_method(documented, "helper", [1, 2]) == 2
    with pytest.raises(AttrErr, match="Module tools has no member 'missing'"):
        call_method(documented, "missing")


@pytest.mark.parametrize("value, doc", [
    (1, "Int: a 64-bit signed integer"), (1.5, "Float: a 64-bit floating-point number"),
    ("s", "Str: an immutable Unicode string"), (True, "Bool: true or false"),
    ([], "Array: an ordered, mutable list of values"),
    ({}, "Dict: a mutable map from Str keys to values, in insertion order"),
    (b"", "Bytes: an immutable sequence of bytes"),
])
def test_builtin_value_doc(value, doc):
    assert call_method(value, "_doc") == doc


@pytest.mark.parametrize("value", [1, "s", [], {}, b"", True, 1.0])
def test_plain_values_have_no_name(value):
    with pytest.raises(AttrErr, match="has no method '_name'"):
        call_method(value, "_name")


@pytest.mark.parametrize("name", ["str", "cls", "_doc", "_rep", "_id", "len", "anything"])
def test_nil_answers_no_method_but_is(name):
    with pytest.raises(AttrErr, match=f"Cannot call method '{name}' on nil"):
        call_method(None, name)


def test_nil_answers_is():
    assert call_method(None, "is", "Nil") is True
    assert call_method(None, "is", "Int") is False
