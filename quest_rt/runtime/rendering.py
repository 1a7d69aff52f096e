"""The runtime side of compiled templates: turning a ``<%= %>`` value into a dynamic.

The data types live in :mod:`quest_rt.common.rendered` (shared with the web engine);
this module holds what needs Quest's string forms.
"""

from __future__ import annotations

from quest_rt.common.rendered import ComponentRef, Comprehension, Raw, Rendered, escape
from quest_rt.runtime.values import to_str

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["output"]


def output(value: Any) -> Any:
    """The dynamic for ``<%= value %>`` (seed-extensions E20)."""
    t = type(value)
    if t is str:
        return escape(value)
    if value is None:
        return ""
    if t is Raw or t is Rendered or t is Comprehension or t is ComponentRef:
        return value
    return escape(to_str(value))
