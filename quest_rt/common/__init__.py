"""Quest-free data types that both the Quest runtime and the web engine use.

The engine must not import the runtime and the runtime must not import the engine
(docs/internals.md, "What may import what"); a type both need lives here, at the
bottom, and imports nothing else of ``quest_rt``. Today that is the rendered
structure of a compiled template (:mod:`.rendered`): the compiler builds it, the
LiveView diff engine reads it.
"""
