# Fixture for test_modules.q: a top-level return ends the module's initialisation.
pub let before = 1
return
pub let after = 2
