"""The Quest runtime: values, operators, method tables, errors and the loader (spec 3-9).

A regular package, not a namespace one: finding a namespace package costs every start-up
a directory scan.
"""
