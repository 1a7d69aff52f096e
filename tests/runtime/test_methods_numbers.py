"""Int and Float methods (spec 5.3, 5.4)."""

from __future__ import annotations

import math

import pytest

from quest_rt.runtime.errors import AttrErr, RuntimeErr, TypeErr, ValueErr
from tests.runtime.support import check, check_error, ids

INT_MAX = 2**63 - 1
INT_MIN = -(2**63)
NAN = math.nan
INF = math.inf

CASES = [
    # arithmetic = the operators (spec 3.2), aliases included
    (3, "plus", (4,), 7), (3, "add", (4,), 7), (3, "plus", (0.5,), 3.5),
    (3, "minus", (4,), -1), (3, "sub", (4,), -1),
    (3, "times", (4,), 12), (3, "mul", (4,), 12), (3, "times", (1.5,), 4.5),
    (7, "div", (2,), 3), (-7, "div", (2,), -3), (7, "div", (2.0,), 3.5),
    (-7, "mod", (3,), -1), (7, "mod", (-3,), 1), (7.5, "mod", (2,), 1.5),
    (1.5, "plus", (1,), 2.5), (1.5, "add", (1,), 2.5), (1.5, "minus", (2,), -0.5),
    (1.5, "sub", (2,), -0.5), (1.5, "times", (2,), 3.0), (1.5, "mul", (2,), 3.0),
    (3.0, "div", (2,), 1.5), (-7.5, "mod", (2,), -1.5),
    # comparison
    (1, "eq", (1.0,), True), (1, "eq", ("1",), False), (1, "eq", (True,), False),
    (1, "neq", (2,), True), (1, "neq", (1,), False), (2.0, "eq", (2,), True),
    (2.0, "neq", (None,), True),
    (3, "gt", (2,), True), (3, "gt", (3,), False), (3, "lt", (3.5,), True),
    (3, "gte", (3,), True), (3, "lte", (2,), False),
    (1.5, "gt", (1,), True), (1.5, "lt", (1,), False), (1.5, "gte", (1.5,), True),
    (1.5, "lte", (2,), True),
    # Int
    (-5, "abs", (), 5), (5, "abs", (), 5), (5, "neg", (), -5), (-5, "neg", (), 5),
    (-9, "sign", (), -1), (0, "sign", (), 0), (9, "sign", (), 1),
    (2, "pow", (10,), 1024), (2, "pow", (0,), 1), (-2, "pow", (63,), INT_MIN),
    (2, "pow", (-1,), 0.5), (4, "pow", (0.5,), 2.0), (0, "pow", (-1,), INF),
    (1, "pow", (10**6,), 1), (-1, "pow", (10**6 + 1,), -1), (0, "pow", (10**6,), 0),
    (3, "min", (5,), 3), (3, "min", (-5,), -5), (3, "max", (5,), 5), (3, "max", (1.9,), 3),
    (3, "min", (1.9,), 1),
    (7, "round", (), 7), (7, "floor", (), 7), (7, "ceil", (), 7), (7, "trunc", (), 7),
    (7, "to_f64", (), 7.0), (7, "to_num", (), 7.0), (-7, "to_string", (), "-7"),
    # Float
    (-1.5, "abs", (), 1.5), (1.5, "neg", (), -1.5),
    (-0.5, "sign", (), -1.0), (0.0, "sign", (), 0.0), (2.5, "sign", (), 1.0),
    (2.0, "pow", (3,), 8.0), (2.0, "pow", (-1,), 0.5), (-8.0, "pow", (0.5,), NAN),
    (10.0, "pow", (400,), INF), (-10.0, "pow", (401,), -INF), (0.0, "pow", (-2,), INF),
    (1.5, "min", (2,), 1.5), (1.5, "max", (2,), 2.0), (NAN, "min", (1,), 1.0),
    (1.0, "max", (NAN,), 1.0),
    (2.7, "floor", (), 2), (-2.2, "floor", (), -3), (2.2, "ceil", (), 3), (-2.7, "ceil", (), -2),
    (2.5, "round", (), 3), (-2.5, "round", (), -3), (2.4999, "round", (), 2),
    (0.5, "round", (), 1), (-0.5, "round", (), -1), (1.5, "round", (), 2),
    (0.49999999999999994, "round", (), 0), (-0.49999999999999994, "round", (), 0),
    (2.7, "trunc", (), 2.0), (-2.7, "trunc", (), -2.0), (-0.5, "trunc", (), -0.0),
    (INF, "trunc", (), INF),
    (2.7, "to_int", (), 2), (-2.7, "to_int", (), -2),
    (3.0, "to_string", (), "3"), (0.1, "to_string", (), "0.1"), (1e20, "to_string", (),
                                                                 "100000000000000000000"),
    (2.5, "to_f64", (), 2.5), (2.5, "to_num", (), 2.5),
    (NAN, "is_nan", (), True), (1.0, "is_nan", (), False),
    (-INF, "is_infinite", (), True), (NAN, "is_infinite", (), False),
    (1.0, "is_finite", (), True), (INF, "is_finite", (), False), (NAN, "is_finite", (), False),
    # universal methods on numbers
    (5, "cls", (), "Int"), (5.0, "cls", (), "Float"), (5.0, "str", (), "5"),
    (5, "_rep", (), "5"), (5, "is", ("int",), True), (5, "is", ("Float",), False),
]


@pytest.mark.parametrize("receiver, name, args, want", CASES, ids=ids(CASES))
def test_number_method(receiver, name, args, want):
    check(receiver, name, args, want)


ERRORS = [
    (1, "plus", ("a",), TypeErr, "Int.plus expects a number, got Str"),
    (1.0, "minus", (None,), TypeErr, "Float.minus expects a number, got Nil"),
    (1, "times", (True,), TypeErr, "Int.times expects a number, got Bool"),
    (1, "div", (0,), RuntimeErr, "Division by zero"),
    (1.0, "div", (0,), RuntimeErr, "Division by zero"),
    (1, "mod", (0,), RuntimeErr, "Modulo by zero"),
    (INT_MAX, "plus", (1,), RuntimeErr, "Integer overflow"),
    (INT_MIN, "times", (-1,), RuntimeErr, "Integer overflow"),
    (INT_MIN, "abs", (), RuntimeErr, "Integer overflow"),
    (INT_MIN, "neg", (), RuntimeErr, "Integer overflow"),
    (2, "pow", (63,), RuntimeErr, "Integer overflow in pow"),
    (3, "pow", (10**18,), RuntimeErr, "Integer overflow in pow"),
    (2, "pow", ("2",), TypeErr, "Int.pow expects a number, got Str"),
    (2.0, "pow", ([],), TypeErr, "Float.pow expects a number, got Array"),
    (1, "gt", ("a",), TypeErr, "Int.gt expects a number, got Str"),
    (1.0, "lte", (None,), TypeErr, "Float.lte expects a number, got Nil"),
    (NAN, "lt", (1,), RuntimeErr, "Cannot compare"),
    (1, "min", ("a",), TypeErr, "Int.min expects a number, got Str"),
    (1, "max", (NAN,), ValueErr, "cannot convert NaN to Int"),
    (1.0, "max", ("a",), TypeErr, "Float.max expects a number"),
    (NAN, "round", (), ValueErr, "cannot convert NaN to Int"),
    (INF, "floor", (), ValueErr, "cannot convert infinity to Int"),
    (-INF, "ceil", (), ValueErr, "cannot convert infinity to Int"),
    (1e300, "round", (), RuntimeErr, "Integer overflow"),
    (1e19, "to_int", (), RuntimeErr, "Integer overflow"),
    (NAN, "to_int", (), ValueErr, "cannot convert NaN to Int"),
    (1, "is_nan", (), AttrErr, "Int has no method 'is_nan'"),
    (1.5, "to_f32", (), AttrErr, "Float has no method 'to_f32'"),
]


@pytest.mark.parametrize("receiver, name, args, error, text", ERRORS, ids=ids(ERRORS))
def test_number_method_error(receiver, name, args, error, text):
    check_error(receiver, name, args, error, text)
