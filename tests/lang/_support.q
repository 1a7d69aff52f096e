# Helpers shared by the language suites (not a test file: its name does not start with test_).
use "std/test" as test
use "std/os"

# The error `fn()` raises, or nil when it returns normally.
pub fun error_of(fn)
  try
    fn()
  catch e
    return e
  end
  nil
end

# `fn()` raises exactly `T` with exactly `message` (spec 8.1: `e.type()` compares by name).
pub fun assert_error(T, fn, message)
  let e = error_of(fn)
  if e == nil
    test.fail("Expected " .. T .. " but nothing was raised")
  else
    test.assert_eq(e.type(), T)
    test.assert_eq(e.message(), message)
  end
end

# `fn()` raises exactly `T` and its message contains `part` (for messages the spec only
# quotes in part, e.g. "Integer overflow in addition etc.").
pub fun assert_error_has(T, fn, part)
  let e = error_of(fn)
  if e == nil
    test.fail("Expected " .. T .. " but nothing was raised")
  else
    test.assert_eq(e.type(), T)
    test.assert(e.message().contains(part), "message " .. e.message()._rep() .. " should contain " .. part._rep())
  end
end

# A test kept for a known bug (tests/lang/BUGS.md): recorded as skipped with the reason;
# the body is compiled but not run. With QUEST_RUN_BUGS=1 in the environment the body runs as
# an ordinary `it` named "[bug] ..." (it fails until the bug is fixed). Replace `bug(` by
# `it(` once the bug is fixed.
pub fun bug(name, reason, body)
  if os.getenv("QUEST_RUN_BUGS")
    test.it("[bug] " .. name, body)
  else
    test.skip(name, "BUG: " .. reason)
  end
end
