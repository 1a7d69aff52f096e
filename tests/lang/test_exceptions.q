# Exceptions (spec 2.9, 8): try/catch/ensure ordering, typed catches, raise forms, bare raise,
# ensure on return/break/continue, exception objects, user error types from std/error.
use "std/test" {module, describe, it, assert, assert_eq, assert_neq, assert_raises, assert_nil, assert_type}
use "./_support" {assert_error, assert_error_has, bug, error_of}
use "std/error" {Error, BasicError, is_error}

module("Language: exceptions")

type QuotaError
  pub limit: Int
  impl Error
    fun message() "over quota " .. self.limit end
    fun str() "QuotaError: " .. self.message() end
  end
end

type NotAnError
  pub v = 1
end

fun risky(kind)
  if kind == "value" raise ValueErr.new("bad value") end
  if kind == "str" raise "plain text" end
  if kind == "index" raise IndexErr.new("idx") end
  if kind == "quota" raise QuotaError.new(limit: 10) end
  "fine"
end

fun guarded(kind, log)
  try
    log.push("body")
    risky(kind)
  catch e: ValueErr
    log.push("value: " .. e.message())
    "caught value"
  catch e: Err
    log.push("any: " .. e.message())
    "caught any"
  ensure
    log.push("ensure")
  end
end

fun raise_here()
  raise RuntimeErr.new("from raise_here")
end

fun raise_via_call()
  raise_here()
end

describe("try / catch / ensure", fun ()
  it("runs body, the first matching catch, then ensure", fun ()
    let log = []
    assert_eq(guarded("value", log), "caught value")
    assert_eq(log, ["body", "value: bad value", "ensure"])
  end)

  it("falls through to catch e: Err for other types", fun ()
    let log = []
    assert_eq(guarded("index", log), "caught any")
    assert_eq(log, ["body", "any: idx", "ensure"])
  end)

  it("runs ensure after normal completion and gives the body's value", fun ()
    let log = []
    assert_eq(guarded("ok", log), "fine")
    assert_eq(log, ["body", "ensure"])
  end)

  it("runs ensure when the exception is not handled, then propagates it", fun ()
    let log = []
    let f = fun ()
      try
        raise ValueErr.new("a")
      catch e: TypeErr
        log.push("wrong catch")
      ensure
        log.push("ensure")
      end
    end
    assert_raises(ValueErr, f)
    assert_eq(log, ["ensure"])
  end)

  it("supports try / ensure without catch", fun ()
    let log = []
    let f = fun ()
      try
        raise ValueErr.new("a")
      ensure
        log.push("ensure")
      end
    end
    assert_error(ValueErr, f, "a")
    assert_eq(log, ["ensure"])
  end)

  it("catches anything with an untyped catch", fun ()
    let caught = nil
    try
      [].pop()
    catch e
      caught = e.type()
    end
    assert_eq(caught, RuntimeErr)
  end)

  it("matches typed catches exactly: there is no hierarchy between built-in types", fun ()
    let which = fun (raiser)
      try
        raiser()
      catch e: TypeErr
        "type"
      catch e: ValueErr
        "value"
      catch e: Err
        "err"
      end
    end
    assert_eq(which(fun () raise ValueErr.new("x") end), "value")
    assert_eq(which(fun () raise TypeErr.new("x") end), "type")
    assert_eq(which(fun () raise KeyErr.new("x") end), "err")
  end)

  it("uses the first clause that matches", fun ()
    let r = nil
    try
      raise ValueErr.new("x")
    catch e: Err
      r = "err first"
    catch e: ValueErr
      r = "value second"
    end
    assert_eq(r, "err first")
  end)

  it("nests: an inner try that does not match lets the outer one catch", fun ()
    let r = nil
    try
      try
        raise ValueErr.new("inner")
      catch e: TypeErr
        r = "inner catch"
      end
    catch e: ValueErr
      r = "outer " .. e.message()
    end
    assert_eq(r, "outer inner")
  end)

  it("lets an exception raised in ensure replace the pending one", fun ()
    let f = fun ()
      try
        raise ValueErr.new("first")
      ensure
        raise TypeErr.new("second")
      end
    end
    assert_error(TypeErr, f, "second")
  end)

  it("lets an exception raised in a catch clause propagate after ensure", fun ()
    let log = []
    let f = fun ()
      try
        raise ValueErr.new("first")
      catch e
        raise TypeErr.new("from catch")
      ensure
        log.push("ensure")
      end
    end
    assert_error(TypeErr, f, "from catch")
    assert_eq(log, ["ensure"])
  end)

  it("lets an exception raised in ensure replace a return", fun ()
    let f = fun ()
      try
        return 1
      ensure
        raise "from ensure"
      end
    end
    assert_error(RuntimeErr, f, "from ensure")
  end)

  it("binds the catch variable for the clause only, leaving an outer one alone", fun ()
    let e = "outer"
    let inside = nil
    try
      raise "x"
    catch e
      inside = e.message()
    end
    assert_eq(inside, "x")
    assert_eq(e, "outer")
  end)

  it("gives the value of the catch clause that ran", fun ()
    let f = fun () try raise "x" catch e "recovered" end end
    assert_eq(f(), "recovered")
  end)
end)

describe("ensure and control flow", fun ()
  it("runs ensure when return leaves the body", fun ()
    let log = []
    let f = fun ()
      try
        return "returned"
      ensure
        log.push("ensure")
      end
      "not reached"
    end
    assert_eq(f(), "returned")
    assert_eq(log, ["ensure"])
  end)

  it("runs ensure when break leaves the body", fun ()
    let log = []
    for i in 0 to 3
      try
        if i == 1 break end
        log.push(i)
      ensure
        log.push("ensure " .. i)
      end
    end
    assert_eq(log, [0, "ensure 0", "ensure 1"])
  end)

  it("runs ensure when continue leaves the body", fun ()
    let log = []
    for i in 0 to 1
      try
        continue
      ensure
        log.push(i)
      end
    end
    assert_eq(log, [0, 1])
  end)

  it("never lets catch see return, break or continue", fun ()
    let log = []
    let f = fun ()
      for i in [1, 2]
        try
          if i == 1 continue end
          break
        catch e
          log.push("caught")
        end
      end
      try
        return "ret"
      catch e
        log.push("caught")
      end
    end
    assert_eq(f(), "ret")
    assert_eq(log, [])
  end)
end)

describe("raise", fun ()
  it("raises an exception object made with T.new", fun ()
    assert_error(ValueErr, fun () raise ValueErr.new("m") end, "m")
    assert_error(KeyErr, fun () raise KeyErr.new("k") end, "k")
  end)

  it("turns a Str into a RuntimeErr with that message", fun ()
    assert_error(RuntimeErr, fun () risky("str") end, "plain text")
  end)

  it("rejects other values with TypeErr", fun ()
    assert_error_has(TypeErr, fun () raise 5 end, "must implement Error trait")
    assert_error_has(TypeErr, fun () raise NotAnError.new() end, "must implement Error trait")
    assert_raises(TypeErr, fun () raise nil end)
  end)

  it("re-raises the exception being handled with a bare raise", fun ()
    let f = fun ()
      try
        raise ValueErr.new("orig")
      catch e
        raise
      end
    end
    assert_error(ValueErr, f, "orig")
  end)

  it("treats raise followed by a line break as a bare raise", fun ()
    let ran = false
    let f = fun ()
      try
        raise ValueErr.new("orig")
      catch e
        raise
        ran = true
      end
    end
    assert_error(ValueErr, f, "orig")
    assert_eq(ran, false)
  end)

  it("raises RuntimeErr for a bare raise with no active exception", fun ()
    assert_error(RuntimeErr, fun () raise end, "No active exception to re-raise")
  end)

  it("does not make exception types callable", fun ()
    assert(error_of(fun () ValueErr("x") end) != nil)
  end)
end)

describe("Exception objects", fun ()
  it("are made by T.new without being raised", fun ()
    let e = ValueErr.new("made")
    assert_eq(e.message(), "made")
    assert_eq(e.type(), ValueErr)
  end)

  it("need exactly one Str argument in T.new", fun ()
    assert(error_of(fun () ValueErr.new() end) != nil)
    assert(error_of(fun () ValueErr.new(5) end) != nil)
    assert(error_of(fun () ValueErr.new("a", "b") end) != nil)
  end)

  it("answer type, message and str", fun ()
    let e = error_of(fun () raise ValueErr.new("m") end)
    assert_eq(e.type(), ValueErr)
    assert_eq(e.message(), "m")
    assert_eq(e.str(), "ValueErr: m")
    assert_eq("" .. e, "ValueErr: m")
  end)

  it("give a type that prints as the bare name", fun ()
    let e = ValueErr.new("m")
    assert_eq("x: " .. e.type(), "x: ValueErr")
    assert_eq(ValueErr.str(), "ValueErr")
    assert_eq("" .. Err, "Err")
  end)

  it("have a stack of Str frames, innermost first", fun ()
    let e = error_of(raise_via_call)
    let stack = e.stack()
    assert_type(stack, Array)
    assert(stack.len() >= 2)
    assert_type(stack[0], Str)
    assert(stack[0].contains("raise_here"), stack[0])
    assert(stack[1].contains("raise_via_call"), stack[1])
  end)

  it("have the line and file of the raise", fun ()
    let a = error_of(fun () raise "one" end)
    let b = error_of(fun () raise "two" end)
    assert_type(a.line(), Int)
    assert_eq(b.line(), a.line() + 1)
    assert(a.file().contains("test_exceptions.q"), a.file())
  end)

  it("have no cause, and an empty stack and no line until raised", fun ()
    let e = ValueErr.new("m")
    assert_nil(e.cause())
    assert_eq(e.stack(), [])
    assert_nil(e.line())
  end)

  it("exist for every built-in type, all caught by Err", fun ()
    let types = [ValueErr, TypeErr, IndexErr, KeyErr, ArgErr, AttrErr, NameErr, RuntimeErr, IOErr, ImportErr, SyntaxErr, ConfigurationErr]
    for t in types
      let caught = nil
      try
        raise t.new("msg")
      catch e: Err
        caught = e
      end
      assert_eq(caught.type(), t)
      assert_eq(caught.str(), t.str() .. ": msg")
    end
  end)

  it("are raised by built-in operations with the types of the spec's table", fun ()
    assert_raises(NameErr, fun () undefined_name end)
    assert_raises(AttrErr, fun () 1.no_such_method() end)
    assert_raises(AttrErr, fun () nil.anything() end)
    assert_raises(TypeErr, fun () 1 + [] end)
    assert_raises(IndexErr, fun () [].remove_at(0) end)
    assert_raises(RuntimeErr, fun () [].get(0) end)
    assert_raises(ValueErr, fun () "x".to_int() end)
    assert_raises(ArgErr, fun () risky() end)
  end)
end)

describe("User error types", fun ()
  it("can be raised and caught by their exact type, keeping their fields", fun ()
    let limit = nil
    let message = nil
    try
      raise QuotaError.new(limit: 10)
    catch e: QuotaError
      limit = e.limit
      message = e.message()
    end
    assert_eq(limit, 10)
    assert_eq(message, "over quota 10")
  end)

  it("are caught by catch e: Err and by an untyped catch", fun ()
    let seen = []
    try
      risky("quota")
    catch e: Err
      seen.push(e.limit)
    end
    try
      risky("quota")
    catch e
      seen.push(e.str())
    end
    assert_eq(seen, [10, "QuotaError: over quota 10"])
  end)

  it("are not caught by a built-in type", fun ()
    let r = nil
    try
      try
        risky("quota")
      catch e: ValueErr
        r = "wrong"
      end
    catch e: QuotaError
      r = "right"
    end
    assert_eq(r, "right")
  end)

  it("include BasicError with a message field and method", fun ()
    let caught = error_of(fun () raise BasicError.new(message: "basic") end)
    assert_eq(caught.message(), "basic")
    assert_eq(caught.message, "basic")
    assert_eq(caught.cls(), "BasicError")
    let r = nil
    try
      raise BasicError.new(message: "b")
    catch e: BasicError
      r = e.message()
    end
    assert_eq(r, "b")
  end)

  it("are recognised by is_error", fun ()
    assert(is_error(QuotaError.new(1)))
    assert(is_error(ValueErr.new("x")))
    assert(not is_error(5))
    assert(not is_error(NotAnError.new()))
  end)

  it("must implement Error to appear in a catch clause: TypeErr when the try starts", fun ()
    let f = fun ()
      try
        1
      catch e: NotAnError
        2
      end
    end
    assert_raises(TypeErr, f)
  end)

  it("must exist to appear in a catch clause: NameErr", fun ()
    let f = fun ()
      try
        1
      catch e: NoSuchErrorType
        2
      end
    end
    assert_raises(NameErr, f)
  end)

  it("are checked by assert_raises by their type", fun ()
    assert_raises(QuotaError, fun () risky("quota") end)
  end)
end)
