# Fixture for test_modules.q: a parent-directory import; shares _helper's state.
use "../_helper" as h

pub fun via_parent()
  h.bump()
end

pub let where = "child"
