# Fixture for test_modules.q: A uses B uses A.
use "./_circular_b"
pub let a = 1
