"""``std/time`` (spec 11.3, seed extension E9): instants, zoned date-times, dates, times
of day and spans.

Every value is a small immutable native object holding integers, never a float, so no
precision is lost below the microsecond that Python's ``datetime`` keeps:

* ``Timestamp`` — a UTC instant as nanoseconds since the Unix epoch. Prints as RFC 3339
  with nine fractional digits: ``2025-01-02T03:04:05.123456789Z``.
* ``Zoned`` — an instant plus a time zone (``zoneinfo``); prints like jiff, the library
  the reference uses: ``2025-01-02T04:04:05.123456789+01:00[Europe/Paris]``.
* ``Date`` (``2025-01-02``), ``Time`` (``03:04:05.123456789``) — civil values.
* ``Span`` — a signed duration in nanoseconds; prints as ISO 8601 (``PT1.5S``).

``datetime`` is only used to break an instant into calendar fields and for ``format``
(``strftime``), which therefore sees microseconds (``%f``).
"""

from __future__ import annotations

import datetime as _dt
import os
import time as _time
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from quest_rt.runtime.errors import ValueErr
from quest_rt.runtime.objects import QuestModule
from quest_rt.std import program
from quest_rt.std.arguments import need_int, need_number, need_str, non_negative, wrong_kind

NS_PER_SECOND = 1_000_000_000
_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.UTC)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _trunc_div(n: int, unit: int) -> int:
    """``n / unit`` truncated toward zero, as jiff's ``as_second`` and friends do."""
    q = abs(n) // unit
    return -q if n < 0 else q


def _split(ns: int) -> tuple[_dt.datetime, int]:
    """(UTC datetime to the microsecond, nanoseconds within the second) of an instant."""
    seconds, frac = divmod(ns, NS_PER_SECOND)
    try:
        dt = _EPOCH + _dt.timedelta(seconds=seconds, microseconds=frac // 1000)
    except OverflowError:
        raise ValueErr("Timestamp is outside the supported range (years 1-9999)") from None
    return dt, frac


def _civil(dt: _dt.datetime) -> str:
    return (f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}T"
            f"{dt.hour:02d}:{dt.minute:02d}:{dt.second:02d}")


def _offset_str(offset: _dt.timedelta | None) -> str:
    total = int((offset or _dt.timedelta()).total_seconds())
    sign = "-" if total < 0 else "+"
    hours, rest = divmod(abs(total), 3600)
    minutes, seconds = divmod(rest, 60)
    text = f"{sign}{hours:02d}:{minutes:02d}"
    return text + (f":{seconds:02d}" if seconds else "")


def _strftime(dt: _dt.datetime | _dt.date | _dt.time, pattern: Any, fname: str) -> str:
    need_str(pattern, fname, "pattern")
    try:
        return dt.strftime(pattern)
    except ValueError as exc:
        raise ValueErr(f"{fname}: invalid format pattern '{pattern}': {exc}") from None


def _zone(name: Any, fname: str) -> _dt.tzinfo:
    need_str(name, fname, "time zone name")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueErr(f"Unknown time zone: '{name}'") from None


def local_zone() -> _dt.tzinfo:
    """The local time zone by name when it can be found (``$TZ``, ``/etc/localtime``),
    else the current fixed UTC offset."""
    tz = os.environ.get("TZ", "").lstrip(":")
    if tz:
        try:
            return ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError):
            return _fixed_local_offset()  # a POSIX rule such as "EST+5": the C library's
    try:
        link = os.readlink("/etc/localtime")
    except OSError:
        link = ""
    marker = "zoneinfo/"
    if marker in link:
        try:
            return ZoneInfo(link[link.index(marker) + len(marker):])
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return _fixed_local_offset()


def _fixed_local_offset() -> _dt.tzinfo:
    _time.tzset()
    local = _dt.datetime.now().astimezone().tzinfo
    return local if local is not None else _dt.UTC


def _zone_name(zone: _dt.tzinfo) -> str:
    key = getattr(zone, "key", None)
    if isinstance(key, str):
        return key
    return zone.tzname(None) or "UTC"


class Timestamp:
    """A UTC instant with nanosecond precision."""

    quest_name = "Timestamp"
    __slots__ = ("ns",)

    def __init__(self, ns: int) -> None:
        self.ns = ns

    def __eq__(self, other: object) -> bool:
        return type(other) is Timestamp and other.ns == self.ns

    def __lt__(self, other: Timestamp) -> bool:
        return self.ns < other.ns

    def __hash__(self) -> int:
        return hash(("Timestamp", self.ns))

    def __str__(self) -> str:
        dt, frac = _split(self.ns)
        return f"{_civil(dt)}.{frac:09d}Z"

    def __repr__(self) -> str:
        return f"Timestamp({self})"

    def str(self) -> str:
        """str() -> Str: RFC 3339 in UTC with nanoseconds

        Example:
            let t = time.from_timestamp(1735787045)  # 2025-01-02 03:04:05 UTC
            t.str()  # => "2025-01-02T03:04:05.000000000Z"
        """
        return str(self)

    def iso(self) -> str:
        """iso() -> Str: the same RFC 3339 string as str()

        Example:
            let t = time.from_timestamp(1735787045)  # 2025-01-02 03:04:05 UTC
            t.iso()  # => "2025-01-02T03:04:05.000000000Z"
        """
        return str(self)

    def unix(self) -> int:
        """unix() -> Int: whole seconds since the Unix epoch (= as_seconds())

        Example:
            let t = time.from_timestamp(1735787045)  # 2025-01-02 03:04:05 UTC
            t.unix()  # => 1735787045
        """
        return _trunc_div(self.ns, NS_PER_SECOND)

    def as_seconds(self) -> int:
        """as_seconds() -> Int: whole seconds since the epoch (truncated toward zero)

        Example:
            let t = time.from_timestamp(1735787045)  # 2025-01-02 03:04:05 UTC
            t.as_seconds()  # => 1735787045
        """
        return _trunc_div(self.ns, NS_PER_SECOND)

    def as_millis(self) -> int:
        """as_millis() -> Int: milliseconds since the Unix epoch

        Example:
            let t = time.from_timestamp(1735787045)  # 2025-01-02 03:04:05 UTC
            t.as_millis()  # => 1735787045000
        """
        return _trunc_div(self.ns, 1_000_000)

    def as_micros(self) -> int:
        """as_micros() -> Int: microseconds since the Unix epoch

        Example:
            let t = time.from_timestamp(1735787045)  # 2025-01-02 03:04:05 UTC
            t.as_micros()  # => 1735787045000000
        """
        return _trunc_div(self.ns, 1000)

    def as_nanos(self) -> int:
        """as_nanos() -> Int: nanoseconds since the Unix epoch

        Example:
            let t = time.from_timestamp(1735787045)  # 2025-01-02 03:04:05 UTC
            t.as_nanos()  # => 1735787045000000000
        """
        return self.ns

    def format(self, pattern: Any) -> str:
        """format(pattern) -> Str: the instant in UTC written with strftime codes (%f gives
        microseconds)

        Example:
            let t = time.from_timestamp(1735787045)  # 2025-01-02 03:04:05 UTC
            t.format("%Y-%m-%d %H:%M")  # => "2025-01-02 03:04"
        """
        return _strftime(_split(self.ns)[0], pattern, "Timestamp.format")

    def to_zoned(self, tz: Any) -> Zoned:
        """to_zoned(tz_name) -> Zoned: this instant in a named time zone

        Example:
            let t = time.from_timestamp(1735787045)  # 2025-01-02 03:04:05 UTC
            t.to_zoned("Asia/Tokyo").hour()  # => 12
        """
        return Zoned(self.ns, _zone(tz, "Timestamp.to_zoned"))

    def since(self, other: Any) -> Span:
        """since(other) -> Span: the time from other to this instant (self - other)

        Example:
            let t = time.from_timestamp(1735787045)  # 2025-01-02 03:04:05 UTC
            t.since(time.from_timestamp(1735787000)).as_seconds()  # => 45.0
        """
        return Span(self.ns - _instant_ns(other, "Timestamp.since"))

    def until(self, other: Any) -> Span:
        """until(other) -> Span: the time from this instant to other (other - self)

        Example:
            let t = time.from_timestamp(1735787045)  # 2025-01-02 03:04:05 UTC
            t.until(time.from_timestamp(1735787105)).str()  # => "PT1M"
        """
        return Span(_instant_ns(other, "Timestamp.until") - self.ns)

    def add(self, span: Any) -> Timestamp:
        """add(span) -> Timestamp: the instant span later

        Example:
            let t = time.from_timestamp(1735787045)  # 2025-01-02 03:04:05 UTC
            t.add(time.hours(1)).str()  # => "2025-01-02T04:04:05.000000000Z"
        """
        return Timestamp(self.ns + _span_ns(span, "Timestamp.add"))

    def sub(self, span: Any) -> Timestamp:
        """sub(span) -> Timestamp: the instant span earlier

        Example:
            let t = time.from_timestamp(1735787045)  # 2025-01-02 03:04:05 UTC
            t.sub(time.days(2)).str()  # => "2024-12-31T03:04:05.000000000Z"
        """
        return Timestamp(self.ns - _span_ns(span, "Timestamp.sub"))


def _instant_ns(value: Any, fname: str) -> int:
    if type(value) is Timestamp or type(value) is Zoned:
        return value.ns
    raise wrong_kind(value, fname, "a Timestamp or Zoned")


def _span_ns(value: Any, fname: str) -> int:
    if type(value) is Span:
        return value.ns
    raise wrong_kind(value, fname, "a Span")


class Zoned:
    """An instant seen in a time zone: calendar fields, offset and zone name."""

    quest_name = "Zoned"
    __slots__ = ("ns", "zone", "_local", "_frac")

    def __init__(self, ns: int, zone: _dt.tzinfo) -> None:
        self.ns = ns
        self.zone = zone
        utc, self._frac = _split(ns)
        try:
            self._local = utc.astimezone(zone)
        except OverflowError:
            raise ValueErr("Timestamp is outside the supported range (years 1-9999)") from None

    def __eq__(self, other: object) -> bool:
        return type(other) is Zoned and other.ns == self.ns and \
            _zone_name(other.zone) == _zone_name(self.zone)

    def __hash__(self) -> int:
        return hash(("Zoned", self.ns, _zone_name(self.zone)))

    def __str__(self) -> str:
        text = f"{_civil(self._local)}.{self._frac:09d}{_offset_str(self._local.utcoffset())}"
        key = getattr(self.zone, "key", None)
        return text + (f"[{key}]" if isinstance(key, str) else "")

    def str(self) -> str:
        """str() -> Str: RFC 3339 with offset, then the zone name in brackets

        Example:
            let z = time.from_timestamp(1735787045).to_zoned("Europe/Paris")
            z.str()  # => "2025-01-02T04:04:05.000000000+01:00[Europe/Paris]"
        """
        return str(self)

    def iso(self) -> str:
        """iso() -> Str: RFC 3339 with the zone's offset (no zone name)

        Example:
            let z = time.from_timestamp(1735787045).to_zoned("Europe/Paris")
            z.iso()  # => "2025-01-02T04:04:05.000000000+01:00"
        """
        return f"{_civil(self._local)}.{self._frac:09d}{_offset_str(self._local.utcoffset())}"

    def year(self) -> int:
        """year() -> Int: the year

        Example:
            let z = time.from_timestamp(1735787045).to_zoned("Europe/Paris")
            z.year()  # => 2025
        """
        return self._local.year

    def month(self) -> int:
        """month() -> Int: the month (1-12)

        Example:
            let z = time.from_timestamp(1735787045).to_zoned("Europe/Paris")
            z.month()  # => 1
        """
        return self._local.month

    def day(self) -> int:
        """day() -> Int: the day of the month (1-31)

        Example:
            let z = time.from_timestamp(1735787045).to_zoned("Europe/Paris")
            z.day()  # => 2
        """
        return self._local.day

    def hour(self) -> int:
        """hour() -> Int: the local hour (0-23)

        Example:
            let z = time.from_timestamp(1735787045).to_zoned("Europe/Paris")
            z.hour()  # => 4
        """
        return self._local.hour

    def minute(self) -> int:
        """minute() -> Int: the minute (0-59)

        Example:
            let z = time.from_timestamp(1735787045).to_zoned("Europe/Paris")
            z.minute()  # => 4
        """
        return self._local.minute

    def second(self) -> int:
        """second() -> Int: the second (0-59)

        Example:
            let z = time.from_timestamp(1735787045).to_zoned("Europe/Paris")
            z.second()  # => 5
        """
        return self._local.second

    def millisecond(self) -> int:
        """millisecond() -> Int: the milliseconds within the second (0-999)

        Example:
            let z = time.from_timestamp(1735787045).to_zoned("Europe/Paris")
            z.millisecond()  # => 0
        """
        return self._frac // 1_000_000

    def microsecond(self) -> int:
        """microsecond() -> Int: the microseconds within the second (0-999999)

        Example:
            let z = time.from_timestamp(1735787045).to_zoned("Europe/Paris")
            z.microsecond()  # => 0
        """
        return self._frac // 1000

    def nanosecond(self) -> int:
        """nanosecond() -> Int: the nanoseconds within the second (0-999999999)

        Example:
            let z = time.from_timestamp(1735787045).to_zoned("Europe/Paris")
            z.nanosecond()  # => 0
        """
        return self._frac

    def day_of_week(self) -> int:
        """day_of_week() -> Int: Monday 1 ... Sunday 7

        Example:
            let z = time.from_timestamp(1735787045).to_zoned("Europe/Paris")
            z.day_of_week()  # => 4
        """
        return self._local.isoweekday()

    def weekday(self) -> str:
        """weekday() -> Str: Monday ... Sunday

        Example:
            let z = time.from_timestamp(1735787045).to_zoned("Europe/Paris")
            z.weekday()  # => "Thursday"
        """
        return _WEEKDAYS[self._local.weekday()]

    def day_of_year(self) -> int:
        """day_of_year() -> Int: the day of the year (1-366)

        Example:
            let z = time.from_timestamp(1735787045).to_zoned("Europe/Paris")
            z.day_of_year()  # => 2
        """
        return self._local.timetuple().tm_yday

    def timezone(self) -> str:
        """timezone() -> Str: the zone name (an IANA name when known)

        Example:
            let z = time.from_timestamp(1735787045).to_zoned("Europe/Paris")
            z.timezone()  # => "Europe/Paris"
        """
        return _zone_name(self.zone)

    def offset(self) -> str:
        """offset() -> Str: the UTC offset, e.g. +01:00

        Example:
            let z = time.from_timestamp(1735787045).to_zoned("Europe/Paris")
            z.offset()  # => "+01:00"
        """
        return _offset_str(self._local.utcoffset())

    def offset_seconds(self) -> int:
        """offset_seconds() -> Int: the UTC offset in seconds

        Example:
            let z = time.from_timestamp(1735787045).to_zoned("Europe/Paris")
            z.offset_seconds()  # => 3600
        """
        return int((self._local.utcoffset() or _dt.timedelta()).total_seconds())

    def to_timestamp(self) -> Timestamp:
        """to_timestamp() -> Timestamp: the same instant without a zone

        Example:
            let z = time.from_timestamp(1735787045).to_zoned("Europe/Paris")
            z.to_timestamp().str()  # => "2025-01-02T03:04:05.000000000Z"
        """
        return Timestamp(self.ns)

    def to_zoned(self, tz: Any) -> Zoned:
        """to_zoned(tz_name) -> Zoned: the same instant in another zone

        Example:
            let z = time.from_timestamp(1735787045).to_zoned("Europe/Paris")
            z.to_zoned("America/New_York").hour()  # => 22
        """
        return Zoned(self.ns, _zone(tz, "Zoned.to_zoned"))

    def date(self) -> Date:
        """date() -> Date: the calendar date in this zone

        Example:
            let z = time.from_timestamp(1735787045).to_zoned("Europe/Paris")
            z.date().str()  # => "2025-01-02"
        """
        return Date(self._local.year, self._local.month, self._local.day)

    def time(self) -> Time:
        """time() -> Time: the local time of day

        Example:
            let z = time.from_timestamp(1735787045).to_zoned("Europe/Paris")
            z.time().str()  # => "04:04:05.000000000"
        """
        d = self._local
        return Time(d.hour, d.minute, d.second, self._frac)

    def format(self, pattern: Any) -> str:
        """format(pattern) -> Str: the local date-time written with strftime codes

        Example:
            let z = time.from_timestamp(1735787045).to_zoned("Europe/Paris")
            z.format("%H:%M %Z")  # => "04:04 CET"
        """
        return _strftime(self._local, pattern, "Zoned.format")

    def since(self, other: Any) -> Span:
        """since(other) -> Span: the time from other to this instant (self - other)

        Example:
            let z = time.from_timestamp(1735787045).to_zoned("Europe/Paris")
            z.since(time.from_timestamp(1735787040)).as_seconds()  # => 5.0
        """
        return Span(self.ns - _instant_ns(other, "Zoned.since"))

    def as_seconds(self) -> int:
        """as_seconds() -> Int: seconds since the Unix epoch

        Example:
            let z = time.from_timestamp(1735787045).to_zoned("Europe/Paris")
            z.as_seconds()  # => 1735787045
        """
        return _trunc_div(self.ns, NS_PER_SECOND)


class Date:
    """A calendar date."""

    quest_name = "Date"
    __slots__ = ("_date",)

    def __init__(self, year: int, month: int, day: int) -> None:
        self._date = _dt.date(year, month, day)

    def __eq__(self, other: object) -> bool:
        return type(other) is Date and other._date == self._date

    def __hash__(self) -> int:
        return hash(self._date)

    def __str__(self) -> str:
        d = self._date
        return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"

    def str(self) -> str:
        """str() -> Str: YYYY-MM-DD

        Example:
            let d = time.from_timestamp(1735787045).to_zoned("UTC").date()
            d.str()  # => "2025-01-02"
        """
        return str(self)

    def year(self) -> int:
        """year() -> Int: the year

        Example:
            let d = time.from_timestamp(1735787045).to_zoned("UTC").date()
            d.year()  # => 2025
        """
        return self._date.year

    def month(self) -> int:
        """month() -> Int: the month (1-12)

        Example:
            let d = time.from_timestamp(1735787045).to_zoned("UTC").date()
            d.month()  # => 1
        """
        return self._date.month

    def day(self) -> int:
        """day() -> Int: the day of the month (1-31)

        Example:
            let d = time.from_timestamp(1735787045).to_zoned("UTC").date()
            d.day()  # => 2
        """
        return self._date.day

    def day_of_week(self) -> int:
        """day_of_week() -> Int: Monday 1 ... Sunday 7

        Example:
            let d = time.from_timestamp(1735787045).to_zoned("UTC").date()
            d.day_of_week()  # => 4
        """
        return self._date.isoweekday()

    def weekday(self) -> str:
        """weekday() -> Str: Monday ... Sunday

        Example:
            let d = time.from_timestamp(1735787045).to_zoned("UTC").date()
            d.weekday()  # => "Thursday"
        """
        return _WEEKDAYS[self._date.weekday()]

    def day_of_year(self) -> int:
        """day_of_year() -> Int: the day of the year (1-366)

        Example:
            let d = time.from_timestamp(1735787045).to_zoned("UTC").date()
            d.day_of_year()  # => 2
        """
        return self._date.timetuple().tm_yday

    def format(self, pattern: Any) -> str:
        """format(pattern) -> Str: the date written with strftime codes (%Y, %m, %d, %A...)

        Example:
            let d = time.from_timestamp(1735787045).to_zoned("UTC").date()
            d.format("%d/%m/%Y")  # => "02/01/2025"
        """
        return _strftime(self._date, pattern, "Date.format")


class Time:
    """A time of day with nanoseconds."""

    quest_name = "Time"
    __slots__ = ("_hour", "_minute", "_second", "_ns")

    def __init__(self, hour: int, minute: int, second: int, ns: int) -> None:
        self._hour, self._minute, self._second, self._ns = hour, minute, second, ns

    def _key(self) -> tuple[int, int, int, int]:
        return self._hour, self._minute, self._second, self._ns

    def __eq__(self, other: object) -> bool:
        return type(other) is Time and other._key() == self._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __str__(self) -> str:
        return f"{self._hour:02d}:{self._minute:02d}:{self._second:02d}.{self._ns:09d}"

    def str(self) -> str:
        """str() -> Str: HH:MM:SS.nnnnnnnnn

        Example:
            let t = time.from_timestamp_ms(1735787045123).to_zoned("UTC").time()
            t.str()  # => "03:04:05.123000000"
        """
        return str(self)

    def hour(self) -> int:
        """hour() -> Int: the hour (0-23)

        Example:
            let t = time.from_timestamp_ms(1735787045123).to_zoned("UTC").time()
            t.hour()  # => 3
        """
        return self._hour

    def minute(self) -> int:
        """minute() -> Int: the minute (0-59)

        Example:
            let t = time.from_timestamp_ms(1735787045123).to_zoned("UTC").time()
            t.minute()  # => 4
        """
        return self._minute

    def second(self) -> int:
        """second() -> Int: the second (0-59)

        Example:
            let t = time.from_timestamp_ms(1735787045123).to_zoned("UTC").time()
            t.second()  # => 5
        """
        return self._second

    def millisecond(self) -> int:
        """millisecond() -> Int: the milliseconds within the second (0-999)

        Example:
            let t = time.from_timestamp_ms(1735787045123).to_zoned("UTC").time()
            t.millisecond()  # => 123
        """
        return self._ns // 1_000_000

    def microsecond(self) -> int:
        """microsecond() -> Int: the microseconds within the second (0-999999)

        Example:
            let t = time.from_timestamp_ms(1735787045123).to_zoned("UTC").time()
            t.microsecond()  # => 123000
        """
        return self._ns // 1000

    def nanosecond(self) -> int:
        """nanosecond() -> Int: the nanoseconds within the second (0-999999999)

        Example:
            let t = time.from_timestamp_ms(1735787045123).to_zoned("UTC").time()
            t.nanosecond()  # => 123000000
        """
        return self._ns

    def format(self, pattern: Any) -> str:
        """format(pattern) -> Str: the time written with strftime codes (%H, %M, %S, %f...)

        Example:
            let t = time.from_timestamp_ms(1735787045123).to_zoned("UTC").time()
            t.format("%H:%M")  # => "03:04"
        """
        t = _dt.time(self._hour, self._minute, self._second, self._ns // 1000)
        return _strftime(t, pattern, "Time.format")


class Span:
    """A signed duration in nanoseconds."""

    quest_name = "Span"
    __slots__ = ("ns",)

    def __init__(self, ns: int) -> None:
        self.ns = ns

    def __eq__(self, other: object) -> bool:
        return type(other) is Span and other.ns == self.ns

    def __hash__(self) -> int:
        return hash(("Span", self.ns))

    def __str__(self) -> str:
        """ISO 8601: ``PT0S``, ``PT1.5S``, ``P2DT3H``, ``-PT1M``."""
        sign = "-" if self.ns < 0 else ""
        rest = abs(self.ns)
        days, rest = divmod(rest, 86400 * NS_PER_SECOND)
        hours, rest = divmod(rest, 3600 * NS_PER_SECOND)
        minutes, rest = divmod(rest, 60 * NS_PER_SECOND)
        seconds, frac = divmod(rest, NS_PER_SECOND)
        text = "P" + (f"{days}D" if days else "")
        clock = (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
        if frac:
            clock += f"{seconds}.{f'{frac:09d}'.rstrip('0')}S"
        elif seconds or not (days or clock):
            clock += f"{seconds}S"
        if clock:
            text += "T" + clock
        return sign + text

    def str(self) -> str:
        """str() -> Str: ISO 8601 duration

        Example:
            let s = time.seconds(93603.5)  # 1 day, 2 hours and 3.5 seconds
            s.str()  # => "P1DT2H3.5S"
        """
        return str(self)

    def _part(self, unit: int, modulo: int | None) -> int:
        value = abs(self.ns) // unit
        if modulo is not None:
            value %= modulo
        return -value if self.ns < 0 else value

    def days(self) -> int:
        """days() -> Int: whole days

        Example:
            let s = time.seconds(93603.5)  # 1 day, 2 hours and 3.5 seconds
            s.days()  # => 1
        """
        return self._part(86400 * NS_PER_SECOND, None)

    def hours(self) -> int:
        """hours() -> Int: the hours part (0-23)

        Example:
            let s = time.seconds(93603.5)  # 1 day, 2 hours and 3.5 seconds
            s.hours()  # => 2
        """
        return self._part(3600 * NS_PER_SECOND, 24)

    def minutes(self) -> int:
        """minutes() -> Int: the minutes part (0-59)

        Example:
            let s = time.seconds(93603.5)  # 1 day, 2 hours and 3.5 seconds
            s.minutes()  # => 0
        """
        return self._part(60 * NS_PER_SECOND, 60)

    def seconds(self) -> int:
        """seconds() -> Int: the seconds part (0-59)

        Example:
            let s = time.seconds(93603.5)  # 1 day, 2 hours and 3.5 seconds
            s.seconds()  # => 3
        """
        return self._part(NS_PER_SECOND, 60)

    def milliseconds(self) -> int:
        """milliseconds() -> Int: the milliseconds part (0-999)

        Example:
            let s = time.seconds(93603.5)  # 1 day, 2 hours and 3.5 seconds
            s.milliseconds()  # => 500
        """
        return self._part(1_000_000, 1000)

    def microseconds(self) -> int:
        """microseconds() -> Int: the microseconds part (0-999)

        Example:
            time.seconds(0.0012345).microseconds()  # => 234
        """
        return self._part(1000, 1000)

    def nanoseconds(self) -> int:
        """nanoseconds() -> Int: the nanoseconds part (0-999)

        Example:
            time.seconds(0.000001234).nanoseconds()  # => 234
        """
        return self._part(1, 1000)

    def as_days(self) -> float:
        """as_days() -> Float: the whole span in days

        Example:
            let s = time.seconds(93603.5)  # 1 day, 2 hours and 3.5 seconds
            s.as_days() > 1  # => true
            time.hours(36).as_days()  # => 1.5
        """
        return self.ns / (86400 * NS_PER_SECOND)

    def as_hours(self) -> float:
        """as_hours() -> Float: the whole span in hours

        Example:
            time.minutes(90).as_hours()  # => 1.5
        """
        return self.ns / (3600 * NS_PER_SECOND)

    def as_minutes(self) -> float:
        """as_minutes() -> Float: the whole span in minutes

        Example:
            time.seconds(90).as_minutes()  # => 1.5
        """
        return self.ns / (60 * NS_PER_SECOND)

    def as_seconds(self) -> float:
        """as_seconds() -> Float: the whole span in seconds

        Example:
            time.minutes(2).as_seconds()  # => 120.0
        """
        return self.ns / NS_PER_SECOND

    def as_millis(self) -> int:
        """as_millis() -> Int: the whole span in milliseconds (truncated toward zero)

        Example:
            time.seconds(1.5).as_millis()  # => 1500
        """
        return self._part(1_000_000, None)

    def as_micros(self) -> int:
        """as_micros() -> Int: the whole span in microseconds (truncated toward zero)

        Example:
            time.seconds(1.5).as_micros()  # => 1500000
        """
        return self._part(1000, None)

    def as_nanos(self) -> int:
        """as_nanos() -> Int: the whole span in nanoseconds

        Example:
            time.seconds(2).as_nanos()  # => 2000000000
        """
        return self.ns


# ---------------------------------------------------------------- module functions


def now() -> Timestamp:
    """now() -> Timestamp: the current UTC instant

    Example:
        let start = time.now()
        start.cls()  # => "Timestamp"
        time.now().since(start).as_seconds() >= 0  # => true
    """
    return Timestamp(_time.time_ns())


def now_local() -> Zoned:
    """now_local() -> Zoned: the current time in the local time zone

    Example:
        time.now_local().cls()  # => "Zoned"
    """
    return Zoned(_time.time_ns(), local_zone())


def today() -> Date:
    """today() -> Date: the local date

    Example:
        time.today().cls()  # => "Date"
    """
    return now_local().date()


def time_now() -> Time:
    """time_now() -> Time: the local time of day

    Example:
        time.time_now().cls()  # => "Time"
    """
    return now_local().time()


def ticks_ms() -> int:
    """ticks_ms() -> Int: milliseconds since the program started (monotonic)

    Example:
        time.ticks_ms() >= 0  # => true
    """
    return (_time.monotonic_ns() - program.STARTED_NS) // 1_000_000


def sleep(seconds: Any) -> None:
    """sleep(seconds): wait this many seconds (Int or Float); inside a server, other
    connections keep being served

    Example:
        time.sleep(0.01)  # => nil
    """
    seconds = non_negative(need_number(seconds, "time.sleep", "of seconds"),
                           "time.sleep", "seconds")
    from quest_rt.web import bridge

    bridge.sleep(seconds)


def from_timestamp(s: Any) -> Timestamp:
    """from_timestamp(seconds) -> Timestamp: the instant this many seconds (Int or Float)
    after 1970-01-01 UTC

    Example:
        time.from_timestamp(0).str()  # => "1970-01-01T00:00:00.000000000Z"
        time.from_timestamp(1.5).as_millis()  # => 1500
    """
    s = need_number(s, "time.from_timestamp", "of seconds")
    return Timestamp(s * NS_PER_SECOND if type(s) is int else round(s * NS_PER_SECOND))


def from_timestamp_ms(ms: Any) -> Timestamp:
    """from_timestamp_ms(ms) -> Timestamp: the instant ms milliseconds after the Unix epoch

    Example:
        time.from_timestamp_ms(1500).str()  # => "1970-01-01T00:00:01.500000000Z"
    """
    return Timestamp(need_int(ms, "time.from_timestamp_ms", "number of milliseconds") * 1_000_000)


def from_timestamp_us(us: Any) -> Timestamp:
    """from_timestamp_us(us) -> Timestamp: the instant us microseconds after the Unix epoch

    Example:
        time.from_timestamp_us(2).as_nanos()  # => 2000
    """
    return Timestamp(need_int(us, "time.from_timestamp_us", "number of microseconds") * 1000)


def _span_of(factor: int, fname: str) -> Any:
    def make(n: Any) -> Span:
        n = need_number(n, f"time.{fname}", f"of {fname}")
        return Span(n * factor if type(n) is int else round(n * factor))

    make.__name__ = fname
    make.__doc__ = (f"{fname}(n) -> Span: a span of n {fname} (Int or Float)\n\nExample:\n"
                    f"    time.{fname}(2).as_seconds()  # => {2 * factor / NS_PER_SECOND}\n")
    return make


def is_leap_year(year: Any) -> bool:
    """is_leap_year(year) -> Bool: whether the year has 366 days

    Example:
        time.is_leap_year(2024)  # => true
        time.is_leap_year(1900)  # => false
    """
    year = need_int(year, "time.is_leap_year", "year")
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def create() -> QuestModule:
    members: dict[str, Any] = {
        "now": now, "now_local": now_local, "today": today, "time_now": time_now,
        "ticks_ms": ticks_ms, "sleep": sleep, "from_timestamp": from_timestamp,
        "from_timestamp_ms": from_timestamp_ms, "from_timestamp_us": from_timestamp_us,
        "is_leap_year": is_leap_year,
        "days": _span_of(86400 * NS_PER_SECOND, "days"),
        "hours": _span_of(3600 * NS_PER_SECOND, "hours"),
        "minutes": _span_of(60 * NS_PER_SECOND, "minutes"),
        "seconds": _span_of(NS_PER_SECOND, "seconds"),
        "Timestamp": Timestamp, "Zoned": Zoned, "Date": Date, "Time": Time, "Span": Span,
    }
    return QuestModule("time", members, None)
