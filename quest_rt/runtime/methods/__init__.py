"""Method tables of the built-in types (spec 5.3–5.10), one module per type family.

Importing this package fills ``dispatch.METHODS`` and ``dispatch.UNIVERSAL``.
"""

from quest_rt.runtime.methods import (  # noqa: F401
    arrays,
    booleans,
    bytes,
    callables,
    dicts,
    exact,
    numbers,
    strings,
    universal,
    uuids,
)
