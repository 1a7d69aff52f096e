# Fixture for test_modules.q: A uses B uses A.
use "./_circular_a"
pub let b = 1
