"""The compiler: Quest AST to Python AST (docs/internals.md).

A regular package, not a namespace one: finding a namespace package costs a directory scan.
"""
