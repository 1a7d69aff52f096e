# with (spec 2.10, 2.16): _enter/_exit order, `as` binding and restoring, exceptions,
# suppression by a truthy _exit, return/break through the body, the sys.redirect_stream guard.
use "std/test" {module, describe, it, assert, assert_eq, assert_neq, assert_raises, assert_nil}
use "./_support" {assert_error, assert_error_has, bug}
use "std/sys"
use "std/io"

module("Language: with")

let log = []

type Res
  pub name: Str
  pub suppress = false
  fun _enter()
    log.push("enter " .. self.name)
    self.name .. "!"
  end
  fun _exit()
    log.push("exit " .. self.name)
    self.suppress
  end
end

type BadExit
  fun _enter() self end
  fun _exit() raise TypeErr.new("exit fails") end
end

describe("Entering and exiting", fun ()
  it("enters left to right and exits in reverse order", fun ()
    log = []
    with Res.new("a") as x, Res.new("b") as y
      log.push("body " .. x .. y)
    end
    assert_eq(log, ["enter a", "enter b", "body a!b!", "exit b", "exit a"])
  end)

  it("binds the result of _enter to the as name", fun ()
    log = []
    let seen = nil
    with Res.new("r") as r
      seen = r
    end
    assert_eq(seen, "r!")
  end)

  it("accepts items without as", fun ()
    log = []
    with Res.new("plain")
      log.push("body")
    end
    assert_eq(log, ["enter plain", "body", "exit plain"])
  end)

  it("restores a previous variable of the as name afterwards", fun ()
    log = []
    let x = "outer"
    let inside = nil
    with Res.new("c") as x
      inside = x
    end
    assert_eq(inside, "c!")
    assert_eq(x, "outer")
  end)

  it("runs the body in the current frame", fun ()
    log = []
    let f = fun ()
      with Res.new("v") as v
        let declared_inside = 1
      end
      declared_inside
    end
    assert_eq(f(), 1)
  end)

  it("has the value nil as the last statement of a function", fun ()
    log = []
    let f = fun () with Res.new("x") as x 5 end end
    assert_nil(f())
  end)
end)

describe("Exceptions", fun ()
  it("calls _exit when the body raises and propagates the exception", fun ()
    log = []
    let f = fun ()
      with Res.new("a") as x
        raise ValueErr.new("in body")
      end
    end
    assert_error(ValueErr, f, "in body")
    assert_eq(log, ["enter a", "exit a"])
  end)

  it("suppresses the exception when _exit returns a truthy value", fun ()
    log = []
    let after = false
    with Res.new("s", true) as x
      raise ValueErr.new("suppressed")
    end
    after = true
    assert(after)
    assert_eq(log, ["enter s", "exit s"])
  end)

  it("suppresses when any of several _exit calls is truthy", fun ()
    log = []
    let f = fun ()
      with Res.new("outer", true) as a, Res.new("inner") as b
        raise ValueErr.new("x")
      end
      "survived"
    end
    assert_eq(f(), "survived")
    assert_eq(log, ["enter outer", "enter inner", "exit inner", "exit outer"])
  end)

  it("lets an exception from _exit win over the body's", fun ()
    let f = fun ()
      with BadExit.new() as b
        raise ValueErr.new("body")
      end
    end
    assert_error(TypeErr, f, "exit fails")
  end)

  it("raises an exception from _exit after a normal body", fun ()
    let f = fun ()
      with BadExit.new() as b
        1
      end
    end
    assert_error(TypeErr, f, "exit fails")
  end)
end)

describe("Control flow", fun ()
  it("calls _exit when return leaves the body and keeps the returned value", fun ()
    log = []
    let f = fun ()
      with Res.new("r") as r
        return "ret " .. r
      end
      "not reached"
    end
    assert_eq(f(), "ret r!")
    assert_eq(log, ["enter r", "exit r"])
  end)

  it("calls _exit when break leaves the body", fun ()
    log = []
    for i in [1, 2]
      with Res.new("loop" .. i) as r
        break
      end
    end
    assert_eq(log, ["enter loop1", "exit loop1"])
  end)
end)

describe("Built-in guards", fun ()
  it("redirects a stream for the body with sys.redirect_stream", fun ()
    let buf = io.StringIO.new()
    with sys.redirect_stream(sys.stdout, buf)
      puts("captured")
    end
    assert_eq(buf.get_value(), "captured\n")
  end)
end)

describe("Values that are no context manager", fun ()
  it("name the missing method in the reference's words", fun ()
    type NoEnter
      fun _exit() nil end
    end
    type NoExit
      fun _enter() self end
    end
    assert_error_has(AttrErr, fun () with NoEnter.new() nil end end, "has no method '_enter'")
    assert_error_has(AttrErr, fun () with NoExit.new() nil end end, "has no method '_exit'")
    assert_error_has(AttrErr, fun () with "text" nil end end, "Str has no method '_enter'")
  end)
end)
