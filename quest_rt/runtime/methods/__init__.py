"""Method tables of the built-in types (spec 5.3–5.10), one module per type family.

Importing this package fills ``dispatch.METHODS`` and ``dispatch.UNIVERSAL``, except
for Uuid's methods: ``uuids`` imports Python's ``uuid`` (~2 ms of start-up), so it loads
with the modules that make Uuid values (``std/uuid``, typed route parameters) and when
the compiler reads the tables (``dispatch.builtin_method_names``).
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
)
