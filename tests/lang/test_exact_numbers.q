# BigInt and Decimal (spec 1.3, 5.11): literals, conversions, arithmetic and comparisons mixed
# with Int, ranges in `for` and `match`, indexing, field annotations, format specs.
use "std/test" {module, describe, it, assert, assert_eq, assert_neq, assert_raises, assert_type}
use "./_support" {assert_error, assert_error_has, bug}

module("Language: BigInt and Decimal")

describe("BigInt", fun ()
  it("is written with an n suffix, in any base, of any size", fun ()
    assert_eq(123n.cls(), "BigInt")
    assert_eq(0xFFn, 255n)
    assert_eq(0b1_0n.str(), "2")
    assert_eq((123456789012345678901234567890n * 10).str(), "1234567890123456789012345678900")
  end)

  it("converts from Str: trailing n, 0x/0b/0o, _ and surrounding whitespace", fun ()
    assert_eq("12n".to_bigint(), 12n)
    assert_eq("  0xFF_FF ".to_bigint(), 65535n)
    assert_eq("0b101".to_bigint(), 5n)
    assert_eq("-0o17n".to_bigint(), -15n)
    assert_eq("1_000_000_000_000_000_000_000".to_bigint().str(), "1000000000000000000000")
    assert_eq(BigInt.new("42"), 42n)
    assert_eq(7.to_bigint().cls(), "BigInt")
    assert_raises(ValueErr, fun () "12x".to_bigint() end)
    assert_raises(ValueErr, fun () "".to_bigint() end)
  end)

  it("mixes with Int in arithmetic and stays a BigInt past 64 bits", fun ()
    let max = 9223372036854775807
    let big = max.to_bigint() + 1
    assert_eq(big.str(), "9223372036854775808")
    assert_eq(big.cls(), "BigInt")
    assert_eq((2 * big).cls(), "BigInt")
    assert_eq(7n / 2, 3n)
    assert_eq(-7n / 2, -3n)
    assert_eq(-7n % 2, -1n)
    assert_eq(2n.pow(64).str(), "18446744073709551616")
    let n = 1
    n += 1n
    assert_eq(n.cls(), "BigInt")
    assert_raises(RuntimeErr, fun () 1n / 0 end)
  end)

  it("compares with Int", fun ()
    assert(5n == 5)
    assert(5 == 5n)
    assert(5n < 6)
    assert(7 > 6n)
    assert_eq([3n, 1, 2n].sorted(), [1, 2n, 3n])
  end)

  it("works in for and match ranges", fun ()
    let seen = []
    for i in 1n to 3n
      seen.push(i.cls())
    end
    assert_eq(seen, ["BigInt", "BigInt", "BigInt"])
    let where = nil
    match 5n
    in 1 to 10
      where = "low"
    else
      where = "high"
    end
    assert_eq(where, "low")
    match 6n
    in 0n to 10n step 3n
      where = "step"
    end
    assert_eq(where, "step")
  end)

  it("indexes Array, Str and Bytes when it fits", fun ()
    assert_eq([10, 20, 30][1n], 20)
    assert_eq("abc"[2n], "c")
    assert_eq("abc".bytes()[0n], 97)
    assert_raises(TypeErr, fun () [1][99999999999999999999n] end)
  end)

  it("formats with a spec and converts back", fun ()
    assert_eq(f"{42n:05}", "00042")
    assert_eq(42n.to_int().cls(), "Int")
    assert_raises(RuntimeErr, fun () (2n.pow(70)).to_int() end)
  end)
end)

describe("Decimal", fun ()
  it("keeps the written form", fun ()
    assert_eq(Decimal.new("19.90").to_string(), "19.90")
    assert_eq(Decimal.new("19.90").str(), "19.90")
    assert_eq("0.10".to_decimal().to_string(), "0.10")
    assert_eq(Decimal.zero().str(), "0")
    assert_eq(Decimal.new("1.5").cls(), "Decimal")
    assert_raises(ValueErr, fun () Decimal.new("abc") end)
  end)

  it("is exact", fun ()
    let a = Decimal.new("0.1")
    let b = Decimal.new("0.2")
    assert(a + b == Decimal.new("0.3"))
    assert_eq((Decimal.new("19.99") * 3).str(), "59.97")
    assert_eq((Decimal.new("10") / 4).str(), "2.5")
    assert_eq((Decimal.new("1") / 3).str(), "0.3333333333333333333333333333")
    assert_eq((Decimal.new("5.00") - 1).str(), "4.00")
    assert_eq(Decimal.new("1.005").round(2).str(), "1.00")
    assert_eq(f"{Decimal.new('2.5'):.2}", "2.50")
  end)

  it("refuses a Float operand: TypeErr", fun ()
    assert_error(TypeErr, fun () Decimal.new("1") + 0.5 end,
                 "unsupported operand types for +: Decimal and Float")
    assert_raises(RuntimeErr, fun () Decimal.new("1") / 0 end)
  end)

  it("is a field annotation", fun ()
    type Price
      pub amount: Decimal
    end
    assert_eq(Price.new(Decimal.new("2.50")).amount.str(), "2.50")
    assert_raises(TypeErr, fun () Price.new(2.5) end)
  end)

  it("works in match ranges, but not with a step", fun ()
    let where = nil
    match Decimal.new("2.5")
    in Decimal.new("1") to Decimal.new("3")
      where = "in"
    else
      where = "out"
    end
    assert_eq(where, "in")
    assert_error(TypeErr, fun ()
      match Decimal.new("2")
      in Decimal.new("1") to Decimal.new("3") step Decimal.new("0.5")
        nil
      end
    end, "a Decimal match range cannot have a step")
  end)

  it("does not expose Python's Decimal methods", fun ()
    assert_raises(AttrErr, fun () Decimal.new("2").sqrt() end)
    assert_raises(AttrErr, fun () Decimal.new("2").quantize(Decimal.new("1")) end)
    assert_raises(AttrErr, fun () 5n.bit_length() end)
  end)

  it("orders with the other numbers", fun ()
    assert(Decimal.new("19.9") > 19)
    assert(Decimal.new("19.9") < 20n)
    assert_eq([Decimal.new("1.5"), 1, 2n].sorted(), [1, Decimal.new("1.5"), 2n])
  end)
end)
