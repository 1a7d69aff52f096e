"""Bool methods (spec 5.6): ``eq`` and ``neq`` besides the universal ones.

``nil`` has no methods at all except ``is`` (spec 5.1 item 6); ``dispatch.call_method``
answers every other call on nil with an AttrErr.
"""

from __future__ import annotations

from quest_rt.runtime.dispatch import method
from quest_rt.runtime.values import eq

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


@method(bool, "eq")
def bool_eq(b: bool, v: Any) -> bool:
    """eq(v) -> Bool: b == v (false for anything but a Bool of the same value)

    Example:
        true.eq(true)  # => true
        true.eq(1)  # => false
    """
    return eq(b, v)


@method(bool, "neq")
def bool_neq(b: bool, v: Any) -> bool:
    """neq(v) -> Bool: b != v

    Example:
        true.neq(false)  # => true
    """
    return not eq(b, v)
