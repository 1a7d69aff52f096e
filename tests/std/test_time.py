"""std/time (spec 11.3, E9): Timestamp, Zoned, Date, Time, Span and the module functions."""

from __future__ import annotations

import datetime
import os
import time as pytime

import greenback
import pytest
import trio

from quest_rt.runtime.errors import TypeErr, ValueErr
from quest_rt.std import time as qtime
from tests.std.support import lines

MODULE = qtime.create()
# 2025-01-02T03:04:05.123456789Z
INSTANT = 1735787045 * 10**9 + 123456789


def ts(ns: int = INSTANT) -> qtime.Timestamp:
    return qtime.Timestamp(ns)


# ---------------------------------------------------------------- Timestamp


def test_timestamp_prints_rfc3339_with_nine_fraction_digits_and_z():
    assert str(ts()) == "2025-01-02T03:04:05.123456789Z"
    assert ts().iso() == ts().str() == str(ts())
    assert str(qtime.from_timestamp_ms(1735787045123)) == "2025-01-02T03:04:05.123000000Z"
    assert str(qtime.from_timestamp(0)) == "1970-01-01T00:00:00.000000000Z"


def test_timestamp_before_the_epoch():
    t = qtime.from_timestamp(-0.5)
    assert str(t) == "1969-12-31T23:59:59.500000000Z"
    assert t.as_seconds() == 0  # truncated toward zero, like jiff
    assert t.as_millis() == -500
    assert qtime.from_timestamp(-86400).format("%Y-%m-%d") == "1969-12-31"


def test_timestamp_unit_accessors():
    t = ts()
    assert (t.as_seconds(), t.as_millis(), t.as_micros(), t.as_nanos()) == \
        (1735787045, 1735787045123, 1735787045123456, INSTANT)
    assert t.unix() == t.as_seconds()
    assert type(t.unix()) is int


@pytest.mark.parametrize("make, arg, ns", [
    (qtime.from_timestamp, 12, 12 * 10**9),
    (qtime.from_timestamp, 1.25, 1_250_000_000),
    (qtime.from_timestamp_ms, 1500, 1_500_000_000),
    (qtime.from_timestamp_us, 1500, 1_500_000),
])
def test_from_timestamp_variants(make, arg, ns):
    assert make(arg).as_nanos() == ns


@pytest.mark.parametrize("make, arg, error", [
    (qtime.from_timestamp, "12", TypeErr),
    (qtime.from_timestamp, True, TypeErr),
    (qtime.from_timestamp, float("nan"), ValueErr),
    (qtime.from_timestamp_ms, 1.5, TypeErr),
    (qtime.from_timestamp_us, None, TypeErr),
])
def test_from_timestamp_rejects_bad_arguments(make, arg, error):
    with pytest.raises(error):
        make(arg)


def test_format_is_strftime_in_utc():
    assert ts().format("%H:%M:%S") == "03:04:05"
    assert ts().format("%Y-%m-%d") == "2025-01-02"
    assert ts().format("%f") == "123456"
    with pytest.raises(TypeErr):
        ts().format(3)


def test_now_is_the_current_instant():
    before = pytime.time_ns()
    now = qtime.now()
    after = pytime.time_ns()
    assert before <= now.as_nanos() <= after


def test_timestamps_compare_by_instant():
    assert ts() == ts(INSTANT)
    assert ts() != ts(INSTANT + 1)
    assert ts() != INSTANT


# ---------------------------------------------------------------- Zoned


def test_to_zoned_uses_the_zone_rules_including_summer_time():
    winter = ts().to_zoned("Europe/Paris")
    assert str(winter) == "2025-01-02T04:04:05.123456789+01:00[Europe/Paris]"
    summer = qtime.from_timestamp(1751936645).to_zoned("Europe/Paris")  # 2025-07-08 01:04:05Z
    assert (summer.hour(), summer.offset(), summer.day()) == (3, "+02:00", 8)
    assert summer.iso() == "2025-07-08T03:04:05.000000000+02:00"


def test_zoned_getters():
    z = ts().to_zoned("America/New_York")  # 2025-01-01 22:04:05.123456789 -05:00
    assert (z.year(), z.month(), z.day(), z.hour(), z.minute(), z.second()) == \
        (2025, 1, 1, 22, 4, 5)
    assert (z.millisecond(), z.microsecond(), z.nanosecond()) == (123, 123456, 123456789)
    assert (z.day_of_week(), z.weekday(), z.day_of_year()) == (3, "Wednesday", 1)
    assert (z.timezone(), z.offset(), z.offset_seconds()) == ("America/New_York", "-05:00",
                                                              -18000)
    assert z.to_timestamp() == ts()
    assert str(z.date()) == "2025-01-01"
    assert str(z.time()) == "22:04:05.123456789"
    assert z.format("%H:%M") == "22:04"
    assert str(z.to_zoned("UTC")) == "2025-01-02T03:04:05.123456789+00:00[UTC]"


def test_unknown_zone_is_a_value_error():
    with pytest.raises(ValueErr, match="Unknown time zone: 'Mars/Olympus'"):
        ts().to_zoned("Mars/Olympus")
    with pytest.raises(TypeErr):
        ts().to_zoned(1)


def test_now_local_follows_tz(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    z = qtime.now_local()
    assert z.timezone() == "Asia/Tokyo"
    assert z.offset() == "+09:00"
    assert str(z).endswith("+09:00[Asia/Tokyo]")


def test_today_and_time_now_are_local(monkeypatch):
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")  # UTC+14: differs from UTC's date often
    zone = datetime.timezone(datetime.timedelta(hours=14))
    before = datetime.datetime.now(zone)
    today, now = qtime.today(), qtime.time_now()
    after = datetime.datetime.now(zone)
    assert str(today) in (before.date().isoformat(), after.date().isoformat())
    assert today.year() in (before.year, after.year)
    assert now.hour() in (before.hour, after.hour)
    assert type(now.nanosecond()) is int


# ---------------------------------------------------------------- Span, Date, Time


def test_since_gives_a_span():
    span = ts().since(ts(INSTANT - (26 * 3600 + 61) * 10**9 - 500_000_000))
    assert str(span) == "P1DT2H1M1.5S"
    assert (span.days(), span.hours(), span.minutes(), span.seconds(), span.milliseconds()) == \
        (1, 2, 1, 1, 500)
    assert span.as_seconds() == 93661.5
    assert span.as_millis() == 93661500
    back = ts(INSTANT - 10**9).since(ts())
    assert str(back) == "-PT1S"
    assert back.seconds() == -1
    assert str(ts().since(ts())) == "PT0S"


def test_since_rejects_non_instants():
    with pytest.raises(TypeErr, match="expects a Timestamp or Zoned, got Int"):
        ts().since(5)


def test_span_constructors_and_arithmetic():
    m = MODULE
    assert str(m.hours(2)) == "PT2H"
    assert str(m.minutes(1.5)) == "PT1M30S"
    assert str(m.days(1)) == "P1D"
    assert str(ts().add(m.seconds(60))) == "2025-01-02T03:05:05.123456789Z"
    assert ts().add(m.seconds(1)).sub(m.seconds(1)) == ts()


def test_date_and_time_printing():
    assert str(qtime.Date(5, 3, 9)) == "0005-03-09"
    assert str(qtime.Time(7, 8, 9, 10)) == "07:08:09.000000010"
    assert qtime.Time(7, 8, 9, 10).format("%H-%M") == "07-08"
    assert qtime.Date(2024, 2, 29).day_of_year() == 60
    assert MODULE.is_leap_year(2024) and not MODULE.is_leap_year(1900)


# ---------------------------------------------------------------- ticks and sleep


def test_ticks_ms_counts_up_from_the_program_start():
    first = qtime.ticks_ms()
    second = qtime.ticks_ms()
    assert type(first) is int
    assert 0 <= first <= second


@pytest.mark.parametrize("bad, error", [(-1, ValueErr), ("1", TypeErr),
                                        (float("inf"), ValueErr)])
def test_sleep_rejects_bad_durations(bad, error):
    with pytest.raises(error):
        qtime.sleep(bad)


def test_sleep_in_a_plain_thread_returns_nil():
    assert qtime.sleep(0) is None
    assert qtime.sleep(0.001) is None


async def test_sleep_in_a_trio_task_lets_other_tasks_run(autojump_clock):
    """time.sleep inside a server task must suspend the task, not block the loop: a
    second task gets to run while the first sleeps (virtual clock: no real waiting)."""
    events = []

    async def sleeper():
        await greenback.ensure_portal()
        qtime.sleep(10)
        events.append("sleeper woke")

    async def other():
        await trio.sleep(1)
        events.append("other ran")

    async with trio.open_nursery() as nursery:
        nursery.start_soon(sleeper)
        nursery.start_soon(other)
    assert events == ["other ran", "sleeper woke"]


# ---------------------------------------------------------------- through Quest


PROGRAM = """\
use "std/time"
let t = time.from_timestamp_ms(1735787045123)
puts(t)
puts(t.cls(), " ", t.iso(), " ", t.unix(), " ", t.as_micros())
puts(t.format("%Y-%m-%d %H:%M:%S"))
let z = t.to_zoned("Europe/Paris")
puts(z, " ", z.hour(), " ", z.timezone(), " ", z.cls())
puts(t.since(time.from_timestamp(1735787000)))
puts(time.now().since(t).days() > 100)
puts(time.now_local().timezone())
puts(time.today().cls(), " ", time.time_now().cls())
puts(time.ticks_ms().cls())
time.sleep(0)
let n = time.now()
puts(n.iso() == n.str(), " ", n.unix() == n.as_seconds())
try
  t.to_zoned("Nowhere/Else")
catch e: ValueErr
  puts(e.message())
end
"""


def test_time_from_a_quest_program(tmp_path):
    assert lines(PROGRAM, tmp_path=tmp_path, env={"TZ": "Australia/Sydney"}) == [
        "2025-01-02T03:04:05.123000000Z",
        "Timestamp 2025-01-02T03:04:05.123000000Z 1735787045 1735787045123000",
        "2025-01-02 03:04:05",
        "2025-01-02T04:04:05.123000000+01:00[Europe/Paris] 4 Europe/Paris Zoned",
        "PT45.123S",
        "true",
        "Australia/Sydney",
        "Date Time",
        "Int",
        "true true",
        "Unknown time zone: 'Nowhere/Else'",
    ]


# ---------------------------------------------------------------- the local zone and more getters


def test_local_zone_without_tz_is_the_systems(monkeypatch):
    monkeypatch.delenv("TZ", raising=False)
    try:
        link = os.readlink("/etc/localtime")
    except OSError:
        pytest.skip("no /etc/localtime link on this machine")
    expected = link.split("zoneinfo/", 1)[1]
    assert qtime.now_local().timezone() == expected


def test_posix_tz_rule_gives_a_fixed_offset(monkeypatch):
    monkeypatch.setenv("TZ", "QST-3")  # not an IANA name: a POSIX rule, UTC+3
    z = qtime.now_local()
    assert z.offset() == "+03:00"
    assert z.timezone() == "QST"
    assert "[" not in str(z)  # no IANA name to show


def test_span_units_and_sign():
    span = qtime.Span(-(2 * 86400 * 10**9 + 3_004_005_006))
    assert (span.days(), span.hours(), span.seconds(), span.milliseconds(),
            span.microseconds(), span.nanoseconds()) == (-2, 0, -3, -4, -5, -6)
    assert span.as_millis() == -172803004
    assert span.as_micros() == -172803004005
    assert span.as_nanos() == -172803004005006
    assert qtime.Span(36 * 3600 * 10**9).as_days() == 1.5
    assert qtime.Span(90 * 60 * 10**9).as_hours() == 1.5
    assert qtime.Span(90 * 10**9).as_minutes() == 1.5
    assert str(qtime.Span(5)) == "PT0.000000005S"
    assert qtime.Span(5) == qtime.Span(5) and qtime.Span(5) != qtime.Span(6)


def test_until_and_zoned_since():
    later = ts(INSTANT + 10**9)
    assert str(ts().until(later)) == "PT1S"
    z = later.to_zoned("Asia/Tokyo")
    assert str(z.since(ts())) == "PT1S"
    assert z.as_seconds() == later.as_seconds()
    with pytest.raises(TypeErr):
        ts().add(5)


def test_zoned_date_time_equality():
    a = ts().to_zoned("UTC")
    assert a == ts().to_zoned("UTC")
    assert a != ts().to_zoned("Europe/Paris")  # same instant, different zone
    assert a.date() == qtime.Date(2025, 1, 2)
    assert a.time() == qtime.Time(3, 4, 5, 123456789)
    t = a.time()
    assert (t.hour(), t.minute(), t.second(), t.millisecond(), t.microsecond(),
            t.nanosecond()) == (3, 4, 5, 123, 123456, 123456789)
    d = a.date()
    assert (d.year(), d.month(), d.day(), d.day_of_week(), d.weekday()) == \
        (2025, 1, 2, 4, "Thursday")
    assert d.format("%d/%m/%Y") == "02/01/2025"


def test_out_of_range_instants_are_value_errors():
    with pytest.raises(ValueErr, match="outside the supported range"):
        str(qtime.from_timestamp(10**12))
    with pytest.raises(ValueErr, match="outside the supported range"):
        qtime.from_timestamp(-(10**12)).to_zoned("UTC")
