# Modules (spec 9, 2.11, 6.5): use forms, aliases, selective imports, privacy, relative imports
# (`./x`, `.x`, `../x`), shared module state, isolation, early return, circular imports.
# Fixture modules live in tests/lang/modules/ (names starting with `_`, never run as tests).
use "std/test" {module, describe, it, assert, assert_eq, assert_neq, assert_raises, assert_nil, assert_type}
use "./_support" {assert_error, assert_error_has, bug, error_of}
use "./modules/_helper"
use "./modules/_helper" as helper_alias
use "./modules/_helper" {bump, LIMIT as HELPER_LIMIT, Thing,}
use "./modules/sub/_child" as child

module("Language: modules")

let importer_only_variable = "the importer's"

describe("use forms", fun ()
  it("binds the module to the last path segment", fun ()
    assert_eq(_helper.LIMIT, 3)
    assert_eq(_helper.str(), "<module _helper>")
  end)

  it("binds the module to an alias with as", fun ()
    assert_eq(helper_alias.LIMIT, 3)
  end)

  it("gives every importer the same module object", fun ()
    assert_eq(_helper, helper_alias)
  end)

  it("binds only the listed public members with braces, renaming with as", fun ()
    assert_eq(HELPER_LIMIT, 3)
    assert_eq(Thing.new().v, 1)
    assert_eq(bump.str(), "<fun bump>")
  end)

  it("binds both the alias and the members when both are given", fun ()
    let f = fun ()
      use "./modules/_helper" as both {LIMIT}
      [both.LIMIT, LIMIT]
    end
    assert_eq(f(), [3, 3])
  end)

  it("binds no module name for a selective import", fun ()
    let f = fun ()
      use "./modules/sub/_child" {where}
      _child
    end
    assert_raises(NameErr, f)
  end)

  it("strips a .q extension from the bound name", fun ()
    let f = fun ()
      use "./modules/_helper.q"
      _helper.LIMIT
    end
    assert_eq(f(), 3)
  end)

  it("keeps a use inside a function local to it", fun ()
    let f = fun ()
      use "std/math" as local_math
      local_math.pi
    end
    assert(f() > 3.14)
    assert_raises(NameErr, fun () local_math end)
  end)

  it("names std modules after their last segment, std/json being an alias", fun ()
    let f = fun ()
      use "std/encoding/json"
      use "std/json" as j2
      [json.stringify({"b": 1, "a": [1]}), j2.parse("[1]")]
    end
    assert_eq(f(), ["{\"a\":[1],\"b\":1}", [1]])
  end)

  it("reads the module docstring", fun ()
    assert_eq(_helper._doc(), "Fixture module for test_modules.q: public and private members, module state.")
  end)
end)

describe("Privacy", fun ()
  it("hides names declared without pub", fun ()
    assert_error(AttrErr, fun () _helper.hidden end, "Module _helper has no member 'hidden'")
    assert_raises(AttrErr, fun () _helper.private_fn() end)
  end)

  it("raises AttrErr for a missing member", fun ()
    assert_raises(AttrErr, fun () _helper.no_such_member end)
  end)

  it("raises ImportErr for a selective import of a private or missing name", fun ()
    assert_raises(ImportErr, fun () use "./modules/_helper" {hidden} end)
    assert_raises(ImportErr, fun () use "./modules/_helper" {no_such_member} end)
  end)

  it("lets module functions see the module's private names", fun ()
    assert_eq(_helper.peek_hidden(), "hidden value")
  end)

  it("does not let module functions see the importer's variables", fun ()
    assert_raises(NameErr, fun () _helper.read_importer_variable() end)
  end)

  it("does not support assigning a module member from outside", fun ()
    assert(error_of(fun () _helper.counter = 5 end) != nil)
  end)

  it("refuses a selective import of a name already declared in the frame", fun ()
    let f = fun ()
      let bump = 1
      use "./modules/_helper" {bump}
    end
    assert(error_of(f) != nil)
  end)
end)

describe("Module state", fun ()
  it("is shared by every importer and read live", fun ()
    let before = _helper.counter
    bump()
    helper_alias.bump()
    assert_eq(_helper.counter, before + 2)
    assert_eq(helper_alias.counter, before + 2)
  end)

  it("is shared with a module that imports it through a parent-directory path", fun ()
    let before = _helper.counter
    assert_eq(child.via_parent(), before + 1)
    assert_eq(_helper.counter, before + 1)
    assert_eq(child.where, "child")
  end)
end)

describe("Relative paths", fun ()
  it("accepts .x as well as ./x", fun ()
    let f = fun ()
      use ".modules/_helper" as dotted
      dotted
    end
    assert_eq(f(), _helper)
  end)

  it("resolves ../x against the importing file's directory", fun ()
    assert_eq(child.where, "child")
  end)

  it("raises ImportErr for a missing module", fun ()
    assert_error_has(ImportErr, fun () use "./modules/_missing_module" end, "_missing_module")
  end)
end)

describe("Loading", fun ()
  it("ends initialisation at a top-level return, still creating the module", fun ()
    let f = fun ()
      use "./modules/_early_return" as early
      early
    end
    let early = f()
    assert_eq(early.before, 1)
    assert_raises(AttrErr, fun () early.after end)
  end)

  it("raises ImportErr for a circular import", fun ()
    assert_error_has(ImportErr, fun () use "./modules/_circular_a" end, "ircular")
  end)
end)

describe("Module names", fun ()
  it("take the use ... as alias, and document themselves by it without a doc string", fun ()
    use "./modules/sub/_child" as doc_module
    assert_eq(doc_module.str(), "<module doc_module>")
    assert_eq(doc_module._doc(), "Module: doc_module")
    use "std/math" as m2
    assert_eq(m2.str(), "<module m2>")
    use "std/math"
    assert_eq(math.str(), "<module math>")
    assert(m2 == math)
  end)
end)
