# Scoping (spec 2.1–2.3, 2.13, 2.16): which constructs open frames, shadowing, lookup before a
# declaration in the same frame, `let` rebinding [EXT E8], const, annotations, del.
# `del` of a variable of the current frame is tested in tests/compiler/test_del.py
# (it does not compile yet, BUGS.md).
use "std/test" {module, describe, it, assert, assert_eq, assert_neq, assert_raises, assert_nil}
use "./_support" {assert_error, assert_error_has, bug}

module("Language: scoping")

let top_level = "top"
const TOP_CONST = 1
if true
  let leaked_from_if = 1
end

describe("Frames", fun ()
  it("does not leak a let out of an if branch", fun ()
    let f = fun ()
      if true
        let inner = 5
      end
      inner
    end
    assert_error(NameErr, f, "Undefined variable: inner")
  end)

  it("does not leak a let out of an if at the top level of a module", fun ()
    assert_raises(NameErr, fun () leaked_from_if end)
  end)

  it("does not leak a let out of elif and else branches", fun ()
    let f = fun ()
      if false
      elif false
      else
        let in_else = 1
      end
      in_else
    end
    assert_raises(NameErr, f)
  end)

  it("does not leak a let out of a while or for body", fun ()
    let w = fun ()
      let i = 0
      while i < 1
        let in_while = i
        i += 1
      end
      in_while
    end
    let f = fun ()
      for i in [1]
        let in_for = i
      end
      in_for
    end
    assert_raises(NameErr, w)
    assert_raises(NameErr, f)
  end)

  it("does not leak the loop variable", fun ()
    let f = fun ()
      for loop_var in [1]
      end
      loop_var
    end
    assert_raises(NameErr, f)
  end)

  it("does not leak a let out of a match arm", fun ()
    let f = fun ()
      match 1
      in 1
        let in_arm = 1
      end
      in_arm
    end
    assert_raises(NameErr, f)
  end)

  it("does not leak a let out of a try body or the catch variable", fun ()
    let t = fun ()
      try
        let in_try = 1
      catch e
      end
      in_try
    end
    let c = fun ()
      try
        raise "x"
      catch caught
      end
      caught
    end
    assert_raises(NameErr, t)
    assert_raises(NameErr, c)
  end)

  it("opens no frame for an ensure body", fun ()
    let f = fun ()
      try
        nil
      ensure
        let in_ensure = 2
      end
      in_ensure
    end
    assert_eq(f(), 2)
  end)

  it("opens no frame for a with body", fun ()
    type Ctx
      fun _enter() self end
      fun _exit() nil end
    end
    let f = fun ()
      with Ctx.new() as c
        let in_with = 3
      end
      in_with
    end
    assert_eq(f(), 3)
  end)

  it("does not leak parameters or locals of a function", fun ()
    let f = fun (param) let local = 1 end
    f(1)
    assert_raises(NameErr, fun () param end)
    assert_raises(NameErr, fun () local end)
  end)

  it("sees the module's top-level names from a test body", fun ()
    assert_eq(top_level, "top")
  end)
end)

describe("Shadowing", fun ()
  it("lets an inner frame shadow an outer name without changing it", fun ()
    let x = "outer"
    let seen = nil
    if true
      let x = "inner"
      seen = x
    end
    assert_eq(seen, "inner")
    assert_eq(x, "outer")
  end)

  it("lets a function shadow a captured name", fun ()
    let x = "outer"
    let f = fun () let x = "local" x end
    assert_eq(f(), "local")
    assert_eq(x, "outer")
  end)

  it("assigns to the shadowing variable inside the block", fun ()
    let a = 1
    if true
      let a = 5
      a = 6
    end
    assert_eq(a, 1)
  end)

  it("reads the outer variable before the same frame declares its own", fun ()
    let x = "outer"
    let f = fun ()
      let r = x
      let x = "inner"
      return [r, x]
    end
    assert_eq(f(), ["outer", "inner"])
  end)

  it("reads the outer variable in a block before the block declares its own", fun ()
    let x = "outer"
    let out = []
    if true
      out.push(x)
      let x = "block"
      out.push(x)
    end
    out.push(x)
    assert_eq(out, ["outer", "block", "outer"])
  end)

  it("raises NameErr for a name declared later in the same frame and nowhere else", fun ()
    let f = fun ()
      let r = declared_later
      let declared_later = 5
      r
    end
    assert_error(NameErr, f, "Undefined variable: declared_later")
  end)

  it("lets a const be shadowed by a let in an inner frame", fun ()
    const K = 1
    let f = fun () if true let K = 2 K end end
    assert_eq(f(), 2)
    assert_eq(K, 1)
  end)
end)

describe("let", fun ()
  it("declares several bindings left to right", fun ()
    let a = 1, b = a + 1, c = [b]
    assert_eq([a, b, c], [1, 2, [2]])
  end)

  it("rebinds a name declared again in the same frame [EXT E8]", fun ()
    let html = "first"
    let html = html .. " second"
    assert_eq(html, "first second")
  end)

  it("rebinds at the top of a function body [EXT E8]", fun ()
    let f = fun ()
      let a = 1
      let a = a + 1
      a
    end
    assert_eq(f(), 2)
  end)

  it("checks later assignments against an annotation", fun ()
    let count: Int = 0
    count = 5
    assert_eq(count, 5)
    assert_error(TypeErr, fun () count = "s" end, "Cannot assign Str to variable 'count' of type Int")
    assert_eq(count, 5)
  end)
end)

describe("Assignment", fun ()
  it("updates the innermost frame that has the name", fun ()
    let x = 1
    if true
      if true
        x = 2
      end
    end
    assert_eq(x, 2)
  end)

  it("updates a captured variable from a nested function", fun ()
    let y = 1
    let set_y = fun () y = 2 end
    set_y()
    assert_eq(y, 2)
  end)

  it("raises NameErr for an undeclared name, suggesting let", fun ()
    assert_error_has(NameErr, fun () never_declared = 5 end, "let")
    assert_error_has(NameErr, fun () never_declared = 5 end, "never_declared")
  end)

  it("raises NameErr when reading an undefined name", fun ()
    assert_error(NameErr, fun () no_such_variable end, "Undefined variable: no_such_variable")
  end)
end)

describe("const", fun ()
  it("cannot be assigned", fun ()
    const LIMIT = 100
    assert_error(TypeErr, fun () LIMIT = 6 end, "Cannot reassign constant 'LIMIT'")
    assert_error(TypeErr, fun () LIMIT += 1 end, "Cannot modify constant 'LIMIT'")
    assert_error(TypeErr, fun () LIMIT -= 1 end, "Cannot modify constant 'LIMIT'")
    assert_eq(LIMIT, 100)
  end)

  it("is shallow: the value itself may change", fun ()
    const XS = [1]
    XS.push(2)
    assert_eq(XS, [1, 2])
  end)

  it("works at the top level of a module", fun ()
    assert_raises(TypeErr, fun () TOP_CONST = 2 end)
    assert_eq(TOP_CONST, 1)
  end)
end)

describe("del", fun ()
  it("raises RuntimeErr for a variable of an outer frame", fun ()
    let outer_var = 1
    let f = fun () del outer_var end
    assert_raises(RuntimeErr, f)
    assert_eq(outer_var, 1)
  end)

  it("raises RuntimeErr for a variable of the function frame deleted inside a block", fun ()
    let f = fun ()
      let q = 1
      if true
        del q
      end
      q
    end
    assert_raises(RuntimeErr, f)
  end)

  it("raises NameErr for an unknown name", fun ()
    assert_raises(NameErr, fun () del nothing_here end)
  end)
end)
