"""The engine behind ``std/test`` and ``quest test`` (spec section 10), plain Python.

- ``results``: the record tree a run produces (modules, describes, tests);
- ``session``: the running state the ``std/test`` functions act on;
- ``console``: condensed and verbose output, the summary;
- ``junit``: the JUnit XML report;
- ``discovery``: which files are test files.

``quest_rt.std.test`` binds it to Quest; ``quest_rt.testrunner`` is the command;
``tests/conftest.py`` runs ``.q`` suites under pytest through ``Session.load_file``.
"""
