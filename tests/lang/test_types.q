# User types and traits (spec 7, 5.1, 5.9, 4.2): fields, privacy, defaults, construction,
# methods, class methods, traits and impl checks, does/is/cls, string form, callable structs.
use "std/test" {module, describe, it, assert, assert_eq, assert_neq, assert_raises, assert_nil, assert_type}
use "./_support" {assert_error, assert_error_has, bug, error_of}

module("Language: types and traits")

trait Printable "Things that describe themselves"
  fun describe()
end

trait Labelled
  fun label(prefix, width) -> Str
end

type Account "A bank account"
  pub owner: Str
  pub balance: Num = 0
  pub note: Str?
  history = []
  secret

  fun deposit(amount)
    self.balance += amount
    self.history.push(amount)
    self
  end

  fun history_copy()
    self.history.slice(0, self.history.len())
  end

  fun reveal()
    self.secret
  end

  fun self.open(owner)
    Account.new(owner: owner, secret: "s")
  end

  impl Printable
    fun describe()
      self.owner .. ": " .. self.balance
    end
  end
end

type Point
  pub x: Int
  pub y: Int = 0

  fun sum() self.x + self.y end
  fun self.origin() Point.new(0, 0) end
end

type Plain
  a
  pub b: Str?
end

type Empty
end

let declaration_runs = 0

fun count_declaration()
  declaration_runs += 1
  declaration_runs
end

type Stamped
  pub stamp = count_declaration()
end

describe("Fields", fun ()
  it("reads public fields", fun ()
    let a = Account.open("Ada")
    assert_eq(a.owner, "Ada")
    assert_eq(a.balance, 0)
  end)

  it("refuses to read private fields from outside", fun ()
    let a = Account.open("Ada")
    assert_error(AttrErr, fun () a.history end, "Field 'history' of type Account is private")
    assert_error(AttrErr, fun () a.secret end, "Field 'secret' of type Account is private")
  end)

  it("reads private fields through self", fun ()
    let a = Account.open("Ada")
    assert_eq(a.reveal(), "s")
    assert_eq(a.deposit(5).history_copy(), [5])
  end)

  it("does not check privacy on writes", fun ()
    let a = Account.open("Ada")
    a.secret = "changed"
    assert_eq(a.reveal(), "changed")
  end)

  it("raises AttrErr for an unknown field, read or written", fun ()
    let p = Point.new(1)
    assert_raises(AttrErr, fun () p.z end)
    assert_raises(AttrErr, fun () p.z = 1 end)
  end)

  it("gives optional fields nil by default and accepts nil", fun ()
    let a = Account.open("Ada")
    assert_nil(a.note)
    assert_nil(Plain.new(a: 1).b)
    assert_nil(Plain.new(a: 1, b: nil).b)
  end)

  it("assigns fields, compound operators included", fun ()
    let p = Point.new(1, 2)
    p.x = 10
    p.y += 5
    assert_eq([p.x, p.y], [10, 7])
  end)
end)

describe("Defaults", fun ()
  it("give every instance its own copy of Array and Dict defaults", fun ()
    type Bag
      pub items = []
      pub index = {}
      pub nested = [[1]]
    end
    let a = Bag.new()
    let b = Bag.new()
    a.items.push(1)
    a.index["k"] = 1
    a.nested[0].push(2)
    assert_eq(b.items, [])
    assert_eq(b.index, {})
    assert_eq(b.nested, [[1]])
    assert_eq(Bag.new().nested, [[1]])
  end)

  it("are evaluated once, when the declaration runs", fun ()
    let first = Stamped.new().stamp
    assert_eq(Stamped.new().stamp, first)
    assert_eq(declaration_runs, 1)
  end)

  it("must match the field's annotation when the declaration runs", fun ()
    let declare = fun ()
      type BadDefault
        pub x: Int = "s"
      end
    end
    assert_raises(TypeErr, declare)
  end)
end)

describe("Field annotations", fun ()
  it("reject a lower-case built-in type name, suggesting the capitalised one", fun ()
    let e = error_of(fun ()
      type Lower
        pub x: str
      end
    end)
    assert(e != nil, "declaration should fail")
    assert(e.message().contains("Str"), e.message())
  end)

  it("reject an unknown type name", fun ()
    let declare = fun ()
      type Unknown
        pub x: NoSuchType
      end
    end
    assert(error_of(declare) != nil)
  end)
end)

describe("Construction", fun ()
  it("takes named arguments in any order", fun ()
    let p = Point.new(y: 5, x: 3)
    assert_eq([p.x, p.y], [3, 5])
  end)

  it("takes positional arguments in declaration order", fun ()
    let p = Point.new(1, 2)
    assert_eq([p.x, p.y], [1, 2])
  end)

  it("fills the rest from defaults, nil for optional fields", fun ()
    let p = Point.new(1)
    assert_eq(p.y, 0)
    let plain = Plain.new(7)
    assert_eq(plain.str(), "Plain{ a: 7, b: nil }")
    assert_nil(plain.b)
  end)

  it("treats a single Dict argument as named arguments", fun ()
    let p = Point.new({"x": 7})
    assert_eq([p.x, p.y], [7, 0])
  end)

  it("builds from defaults with no arguments", fun ()
    assert_eq(Stamped.new().stamp, 1)
    assert_type(Empty.new(), "Empty")
  end)

  it("raises ArgErr for a missing required field", fun ()
    assert_error(ArgErr, fun () Point.new() end, "Required field 'x' not provided and has no default")
    assert_error(ArgErr, fun () Point.new(y: 1) end, "Required field 'x' not provided and has no default")
  end)

  it("raises ArgErr for fewer positional arguments than required fields", fun ()
    type Req
      pub a
      pub b
      pub c = 3
    end
    assert_raises(ArgErr, fun () Req.new(1) end)
    assert_eq(Req.new(1, 2).c, 3)
  end)

  it("raises ArgErr for more positional arguments than fields", fun ()
    assert_raises(ArgErr, fun () Point.new(1, 2, 3) end)
  end)

  it("checks built-in annotations with TypeErr", fun ()
    assert_error_has(TypeErr, fun () Point.new("s") end, "Type mismatch: expected Int, got Str")
    assert_error_has(TypeErr, fun () Point.new(x: 1.5) end, "Type mismatch: expected Int, got Float")
    assert_error_has(TypeErr, fun () Plain.new(a: 1, b: 5) end, "Type mismatch: expected Str, got Int")
  end)

  it("lets Num accept Int and Float", fun ()
    let a = Account.new(owner: "x", secret: 1, balance: 2.5)
    assert_eq(a.balance, 2.5)
    assert_raises(TypeErr, fun () Account.new(owner: "x", secret: 1, balance: "2") end)
  end)

  it("does not check a field annotated with a user type", fun ()
    type Inner
      pub v = 1
    end
    type Ty
      pub t: Inner
    end
    assert_eq(Ty.new(5).t, 5)
  end)

  it("refuses to call a type directly, suggesting new", fun ()
    assert_error_has(TypeErr, fun () Point(1, 2) end, ".new")
  end)

  it("always uses the built-in new, even if the type declares one", fun ()
    type WithNew
      pub v = 1
      fun self.new() "custom" end
    end
    assert_type(WithNew.new(), "WithNew")
    assert_eq(WithNew.new(v: 2).v, 2)
  end)
end)

describe("Instances", fun ()
  it("are shared references", fun ()
    let p = Point.new(1, 2)
    let q = p
    q.x = 100
    assert_eq(p.x, 100)
  end)

  it("compare by identity", fun ()
    let p = Point.new(1, 2)
    assert_eq(p, p)
    assert_neq(p, Point.new(1, 2))
  end)

  it("print as TypeName{ field: value } in declaration order", fun ()
    assert_eq(Point.new(1, 2).str(), "Point{ x: 1, y: 2 }")
    assert_eq("" .. Plain.new(a: "s"), "Plain{ a: s, b: nil }")
    let a = Account.open("Ada").deposit(5)
    assert_eq(a.str(), "Account{ owner: Ada, balance: 5, note: nil, history: [5], secret: s }")
  end)

  it("print nested instances", fun ()
    type Line
      pub from
      pub to_point
    end
    let l = Line.new(Point.new(0), Point.new(1, 1))
    assert_eq(l.str(), "Line{ from: Point{ x: 0, y: 0 }, to_point: Point{ x: 1, y: 1 } }")
  end)

  it("are printed without consulting a user str method, which str() calls", fun ()
    type Custom
      pub v = 1
      fun str() "custom" end
    end
    let c = Custom.new()
    assert_eq(c.str(), "custom")
    assert_eq("" .. c, "Custom{ v: 1 }")
    assert_eq([c].str(), "[Custom{ v: 1 }]")
  end)
end)

describe("Methods", fun ()
  it("bind self and chain by returning it", fun ()
    let a = Account.open("Ada")
    a.deposit(5).deposit(2)
    assert_eq(a.balance, 7)
  end)

  it("call other methods through self", fun ()
    type Calc
      pub n = 2
      fun double() self.n * 2 end
      fun quadruple() self.double() * 2 end
    end
    assert_eq(Calc.new().quadruple(), 8)
  end)

  it("look up a bare name lexically, not among the methods", fun ()
    type Lexical
      fun helper() 5 end
      fun calls_bare() helper() end
    end
    assert_raises(NameErr, fun () Lexical.new().calls_bare() end)
  end)

  it("raise AttrErr for an unknown method", fun ()
    let p = Point.new(1)
    assert_raises(AttrErr, fun () p.move() end)
  end)

  it("become ordinary instance methods when declared in an impl block", fun ()
    assert_eq(Account.open("Ada").describe(), "Ada: 0")
  end)
end)

describe("Class methods", fun ()
  it("are called on the type", fun ()
    let p = Point.origin()
    assert_eq([p.x, p.y], [0, 0])
    assert_eq(Account.open("Bob").owner, "Bob")
  end)

  it("raise AttrErr when missing", fun ()
    assert_raises(AttrErr, fun () Point.nomethod() end)
  end)
end)

describe("Types as values", fun ()
  it("print as type Name", fun ()
    assert_eq(Point.str(), "type Point")
    assert_eq("" .. Point, "type Point")
  end)

  it("document themselves with the docstring after the name", fun ()
    assert_eq(Account._doc(), "A bank account")
    assert_eq(Account.open("x")._doc(), "A bank account")
  end)

  it("generate a description listing the fields", fun ()
    assert_eq(Point._doc(), "Type definition: Point\nFields:\n  Int: x\n  Int: y")
    assert_eq(Plain._doc(), "Type definition: Plain\nFields:\n  a\n  Str?: b")
    assert_eq(Empty._doc(), "Type definition: Empty\n")
  end)

  it("may be declared inside functions as local bindings", fun ()
    let make = fun ()
      type Local
        pub v = 1
      end
      Local.new().v
    end
    assert_eq(make(), 1)
    assert_raises(NameErr, fun () Local end)
  end)
end)

describe("cls, is and does", fun ()
  it("cls gives the type name", fun ()
    assert_eq(Point.new(1).cls(), "Point")
  end)

  it("is compares with the type exactly", fun ()
    let p = Point.new(1)
    assert(p.is(Point))
    assert(not p.is(Account))
    assert(not p.is("Point"))
  end)

  it("is compares built-in kinds case-insensitively by name", fun ()
    assert(5.is(Int))
    assert(5.is("int"))
    assert(not 5.is(Float))
    assert("s".is(Str))
    assert(nil.is("Nil"))
  end)

  it("does tells whether the type implements a trait", fun ()
    assert(Account.open("x").does(Printable))
    assert(not Point.new(1).does(Printable))
  end)
end)

describe("Traits", fun ()
  it("print as trait Name and document themselves", fun ()
    assert_eq(Printable.str(), "trait Printable")
    assert_eq(Printable._doc(), "Things that describe themselves")
  end)

  it("generate a description listing the required methods", fun ()
    assert_eq(Labelled._doc(), "Trait definition: Labelled\nRequired methods:\n  fun label(prefix, width) -> Str")
  end)

  it("require every method when the type declaration runs: TypeErr", fun ()
    let declare = fun ()
      type Missing
        impl Labelled
        end
      end
    end
    assert_raises(TypeErr, declare)
  end)

  it("require the same number of parameters: TypeErr", fun ()
    let declare = fun ()
      type WrongArity
        impl Labelled
          fun label(p) p end
        end
      end
    end
    assert_raises(TypeErr, declare)
  end)

  it("raise AttrErr for an unknown trait", fun ()
    let declare = fun ()
      type UnknownTrait
        impl NoSuchTrait
          fun m() 1 end
        end
      end
    end
    assert_raises(AttrErr, declare)
  end)

  it("accept an implementation with the right arity", fun ()
    type Tag
      pub name = "t"
      impl Labelled
        fun label(prefix, width) prefix .. self.name end
      end
    end
    assert_eq(Tag.new().label("#", 3), "#t")
    assert(Tag.new().does(Labelled))
  end)
end)

describe("Callable structs and function fields", fun ()
  it("call a struct with a _call method", fun ()
    type Adder
      pub n: Int
      fun _call(x) self.n + x end
    end
    let add5 = Adder.new(5)
    assert_eq(add5(3), 8)
    assert_eq([1, 2].map(add5), [6, 7])
  end)

  it("call a field holding a function with method syntax", fun ()
    type Holder
      pub fn
    end
    let h = Holder.new(fn: fun (x) x * 2 end)
    assert_eq(h.fn(21), 42)
  end)

  it("prefer a method over a field of the same name", fun ()
    type Named
      pub message: Str
      fun message() "method:" .. self.message end
    end
    let n = Named.new(message: "m")
    assert_eq(n.message(), "method:m")
    assert_eq(n.message, "m")
  end)

  it("call a field holding a callable struct with method syntax", fun ()
    type Doubler
      fun _call(x) x * 2 end
    end
    type Box
      pub op
    end
    assert_eq(Box.new(Doubler.new()).op(4), 8)
  end)
end)
