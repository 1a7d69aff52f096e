"Fixture module for test_modules.q: public and private members, module state."
pub let counter = 0
pub const LIMIT = 3
let hidden = "hidden value"

pub fun bump()
  counter += 1
  counter
end

pub fun peek_hidden()
  hidden
end

# Module functions do not see the importer's variables (spec 6.5).
pub fun read_importer_variable()
  importer_only_variable
end

pub type Thing
  pub v = 1
end

fun private_fn()
  1
end
