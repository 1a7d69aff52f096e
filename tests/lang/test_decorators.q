# Doc declarations and decorators (spec 2.15): `@Type`, `@mod.Type`, `@Type(args)` before `fun`, applied bottom-up;
# named decorator arguments pass the function as field `func`; `_decorate(func)` decides what
# is bound. And the CORE bug they exposed: `self.func(x)` on a private field holding a function.
use "std/test" {module, describe, it, assert, assert_eq, assert_neq, assert_raises, assert_type}
use "./_support" {assert_error, assert_error_has, bug}

module("Language: decorators")

type Counted
  func
  pub calls = 0
  fun _call(*args, **kwargs)
    self.calls += 1
    self.func(*args, **kwargs)
  end
end

type Tagged
  pub func
  pub tag = "?"
  fun _call(x)
    self.tag .. self.func(x)
  end
end

type Doubled
  func
  fun _call(x) x end
  fun _decorate(func)
    fun (x) func(func(x)) end
  end
end

type Scaled
  func
  factor
  fun _call(x) self.func(x) * self.factor end
end

@Counted
fun add(a, b) a + b end

@Tagged(tag: ">")
@Doubled
fun inc(x) x + 1 end

@Scaled(10)
fun plus_one(x) x + 1 end

describe("Decorators", fun ()
  it("replace the function by the decorator struct, which _call runs", fun ()
    assert_eq(add(1, 2), 3)
    assert_eq(add(b: 3, a: 4), 7)
    assert_eq(add.calls, 2)
    assert_eq(add.cls(), "Counted")
  end)

  it("apply bottom-up, named arguments pass the function as field func", fun ()
    assert_eq(inc(1), ">3")
  end)

  it("pass positional decorator arguments after the function", fun ()
    assert_eq(plus_one(1), 20)
  end)

  it("bind what _decorate returns when the type has it", fun ()
    @Doubled
    fun twice(x) x * 3 end
    assert_eq(twice(1), 9)
    assert_eq(twice.cls(), "Fun")
  end)

  it("must be a type with _call: TypeErr", fun ()
    let plain = fun (f) f end
    assert_error_has(TypeErr, fun ()
      @plain
      fun g() 1 end
      g
    end, "must be a type with a _call method")
  end)

  it("are not supported on methods: TypeErr when the type is declared", fun ()
    assert_error_has(TypeErr, fun ()
      type WithDecoratedMethod
        @Counted
        fun m() 1 end
      end
      WithDecoratedMethod
    end, "not supported on methods")
    trait Shown
      fun show()
    end
    assert_error_has(TypeErr, fun ()
      type WithDecoratedImpl
        impl Shown
          @Counted
          fun show() "x" end
        end
      end
      WithDecoratedImpl
    end, "not supported on methods")
  end)
end)

% fun documented(x) -> Int "Doubles x."
fun documented(x) x * 2 end
let after_an_expression = 7
% const DOC_LIMIT "A documented constant."
const DOC_LIMIT = 3
% type DocPoint "A documented type."
% trait DocShape "A documented trait."

describe("Doc declarations (spec 2.15)", fun ()
  it("load and do nothing, even right after an expression", fun ()
    assert_eq(documented(4), 8)
    assert_eq(DOC_LIMIT, 3)
    assert_eq(after_an_expression % 4, 3)
  end)
end)

describe("A private field holding a function", fun ()
  it("is called with self.name(args) inside a method", fun ()
    type Holder
      func
      fun run(x) self.func(x) end
      fun run_via_let(x)
        let f = self.func
        f(x)
      end
    end
    let h = Holder.new(fun (x) x * 2 end)
    assert_eq(h.run(21), 42)
    assert_eq(h.run_via_let(21), 42)
    assert_raises(AttrErr, fun () h.func(1) end)
  end)
end)
