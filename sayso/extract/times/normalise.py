"""The normalisers: a pattern's match -> TIMEX3 type, calendar spec and mod.

Each function ``(match, direction) -> Found`` gives the TIMEX3 type, a calendar spec
(:mod:`.calendar`) and a mod, or None to reject the match. ``direction`` is the tense
around the expression: -1 past, +1 future, 0 unknown (it decides "Friday", "March"),
:data:`NEAREST` the nearest date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from . import lexicon as W
from .calendar import Anaphor, Fixed, Named, Shift, Spec, Weekday
from .patterns import QUARTER_CONTEXT, SEASON_CAPS, UTC_RE


@dataclass(frozen=True)
class Found:
    type: str
    spec: Spec | None  # None: cannot be normalised
    mod: str | None = None


FoundFn = Callable[[re.Match, int], "Found | None"]
YEAR_AGO_QUARTER = Shift("quarter", -5, "quarter")
NAME_AFTER = re.compile(r" [A-Z][a-z]")  # a capitalised word right after a capitalised season
NEAREST = 2


def weekday_direction(direction: int) -> int:
    """A weekday's search direction: unknown tense is the past (news reports), NEAREST the nearest day."""
    return 0 if direction == NEAREST else (direction or -1)


def named_direction(direction: int) -> int:
    """A month's / day's search direction: NEAREST and unknown are both the nearest."""
    return 0 if direction == NEAREST else direction


def num_value(text: str) -> float | None:
    """"two" -> 2, "2 1/2" -> 2.5, "twenty four" -> 24, vague words -> None."""
    text = re.sub(r"\s+", " ", text.lower().strip())
    text = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", text)  # "1,000" -> "1000"
    if text in W.NUMBERS:
        return W.NUMBERS[text]
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?: (\d)/(\d))?", text)
    if m:
        return float(m[1]) + (int(m[2]) / int(m[3]) if m[2] and int(m[3]) else 0)
    parts = re.split(r"[- ]", text)
    if parts and all(p in W.NUMBERS for p in parts):
        return sum(W.NUMBERS[p] for p in parts) if parts[0] != "a" else W.NUMBERS[parts[-1]]
    return None


def duration_value(n: float | None, unit: str) -> str:
    letter = W.UNIT_LETTERS[unit]
    n = n * W.UNIT_FACTORS.get(unit, 1) if n is not None else None
    amount = "X" if n is None else (str(int(n)) if n == int(n) else f"{n:g}")
    if unit == "weekend":
        return f"P{amount}WE"
    if n is not None and n != int(n) and unit in W.SMALLER_UNIT:
        return _mixed_duration(n, unit, letter)
    return f"PT{amount}{letter}" if unit in W.TIME_UNITS else f"P{amount}{letter}"


def _mixed_duration(n: float, unit: str, letter: str) -> str:
    """2.5 years -> P2Y6M, 5.5 hours -> PT5H30M, 1.5 days -> P1DT12H."""
    small, factor = W.SMALLER_UNIT[unit]
    whole = f"{int(n)}{letter}" if int(n) else ""
    rest = f"{round((n - int(n)) * factor)}{small}"
    if unit in W.TIME_UNITS:
        return f"PT{whole}{rest}"
    return f"P{whole}{'T' if unit == 'day' else ''}{rest}"


def _mod(text: str | None) -> str | None:
    if not text:
        return None
    key = re.sub(r"\s+", " ", text.strip().lower())
    return W.DURATION_MODS.get(key) or W.DATE_MODS.get(key) or W.DATE_MODS.get(key.rstrip("-"))


def _unit(word: str) -> str:
    return W.UNITS[word.lower()]


def f_duration(m: re.Match, direction: int) -> Found | None:
    unit = _unit(m["unit"])
    n = None if m["vague"] else num_value(m["num"])
    if m["vague"] is None and n is None:
        return None
    if unit == "second" and m[0].lower().endswith(("a second", "an second")):
        return None  # "a second time", "a second consecutive day": an ordinal
    if m["range"]:  # "two to three weeks", "the next 12 to 18 months": a vague amount
        if num_value(m["range"].split()[-1]) is None:
            return None
        return Found("DURATION", Fixed(duration_value(None, unit)), _mod(m["mod"]))
    if m["half"] and n is not None:
        n += 0.5
    return Found("DURATION", Fixed(duration_value(n, unit)), _mod(m["mod"]))


def f_adjective(m: re.Match, direction: int) -> Found | None:
    """"two-year", "24-hour"; ages ("6-year-old") are not time expressions in TimeBank / AQUAINT."""
    if m[0].lower().endswith("-old"):
        return None
    if m["plural"]:  # "decades-long": a vague duration
        return Found("DURATION", Fixed(duration_value(None, _unit(m["plural"]))))
    n = num_value(m["num"])
    return Found("DURATION", Fixed(duration_value(n, _unit(m["unit"])))) if n else None


def f_ago(m: re.Match, direction: int) -> Found | None:
    """"two weeks ago", "a year earlier", "a week from now"; "three days later" counts from an event,
    not the DCT: TBAQ marks only its duration ("Three days", P3D), so the rule leaves it to "duration"."""
    word = re.sub(r"\s+", " ", m["dir"].lower())
    if word == "later":
        return None
    unit = _unit(m["unit"])
    sign = 1 if word in ("from now", "hence") else -1
    n = None if m["vague"] else num_value(m["num"])
    if n is None:
        return Found("DATE", Fixed("FUTURE_REF" if sign > 0 else "PAST_REF"), _mod(m["mod"]))
    if unit in W.TIME_UNITS:
        return Found("TIME", None, _mod(m["mod"]))
    gran = "day" if unit == "night" else unit
    if unit == "year" and n == 1 and QUARTER_CONTEXT.search(m.string):
        return Found("DATE", Shift("quarter", 5 * sign, "quarter"), _mod(m["mod"]))
    if n != int(n):  # "2.5 years ago" in months, "1.5 days ago", "2.5 weeks ago" in days
        if unit == "year":
            return Found("DATE", Shift("month", sign * round(n * 12), "month"), _mod(m["mod"]))
        return Found("DATE", Shift("day", sign * round(n * W.UNIT_DAYS[unit]), "day"), _mod(m["mod"]))
    return Found("DATE", Shift(gran, sign * int(n), gran), _mod(m["mod"]))


def f_relative(m: re.Match, direction: int) -> Found | None:
    unit = _unit(m["unit"])
    shift = W.RELATIVE[m["rel"].lower()]
    if unit in W.TIME_UNITS or unit == "night":
        return None
    return Found("DATE", Shift(unit, shift, unit), _mod(m["dmod"]))


def f_rel_named(m: re.Match, direction: int) -> Found | None:
    shift = W.RELATIVE.get(m["rel"].lower(), 0)
    word = m["name"].lower().rstrip(".")
    if word in W.WEEKDAYS:
        spec = Weekday(W.WEEKDAYS[word], shift or weekday_direction(direction), strict=bool(shift))
        return Found("DATE", spec, _mod(m["dmod"]))
    if word in W.SEASONS:
        return Found("DATE", Named(season=W.SEASONS[word], year_shift=shift), _mod(m["dmod"]))
    month = W.MONTHS[word]
    return Found("DATE", Named(month=month, direction=shift if shift else 1, by_tense=False), _mod(m["dmod"]))


def f_deictic(m: re.Match, direction: int) -> Found | None:
    word = m["word"].lower()
    part = W.DAY_PARTS.get((m["part"] or word).lower()) if (m["part"] or word == "tonight") else None
    spec = Shift("day", W.DEICTIC_DAYS[word], "day", part)
    return Found("TIME" if part else "DATE", spec, _mod(m["dmod"]))


def f_weekday(m: re.Match, direction: int) -> Found | None:
    dow = W.WEEKDAYS[m["wd"].lower().rstrip(".")]
    part = W.DAY_PARTS.get(m["part"].lower()) if m["part"] else None
    return Found("TIME" if part else "DATE", Weekday(dow, weekday_direction(direction), part), _mod(m["dmod"]))


def f_part_of_day(m: re.Match, direction: int) -> Found | None:
    word = (m["which"] or "").lower()
    part = W.DAY_PARTS[m["part"].lower()]
    shift = -1 if word == "last" else (1 if word == "tomorrow" else 0)
    if word == "last" and part != "NI":
        return None
    return Found("TIME", Shift("day", shift, "day", part))


def f_clock(m: re.Match, direction: int) -> Found | None:
    clock = _clock(m["clock"])
    day = (m["day"] or "").lower().rstrip(".")
    if day in W.WEEKDAYS:
        return Found("TIME", Weekday(W.WEEKDAYS[day], weekday_direction(direction), clock))
    if m["mon"]:
        return Found("TIME", Named(month=W.MONTHS[m["mon"].lower().rstrip(".")], day=_day_number(m["mday"]),
                                   direction=named_direction(direction), part=clock))
    if day:
        return Found("TIME", Shift("day", W.DEICTIC_DAYS[day], "day", clock))
    return Found("TIME", Anaphor("day", 0, clock))  # "at 10 p.m.": on the day last mentioned


def _day_number(text: str) -> int:
    """"9th" -> 9, "23" -> 23."""
    return int(re.match(r"\d+", text)[0])


def _clock(text: str) -> str | None:
    """"5 p.m." -> "17:00", "18:00 UTC" -> "18:00Z", "0800 GMT" -> "08:00Z"; None for an impossible hour."""
    zone = "Z" if UTC_RE.search(text) else ""
    text = text.lower()
    if "noon" in text or "midday" in text:
        return "12:00"
    if "midnight" in text:
        return "24:00"
    m = re.match(r"(\d\d)(\d\d)\b", text) or re.match(r"(\d{1,2})(?::(\d\d))?\s*(a\.m\.|p\.m\.|am|pm|o'clock)?", text)
    suffix = m[3] if m.re.groups == 3 else None
    hour = int(m[1]) if not suffix else int(m[1]) % 12 + (12 if suffix.startswith("p") else 0)
    return f"{hour:02d}:{m[2] or '00'}{zone}" if hour < 24 else None


def f_date(m: re.Match, direction: int) -> Found | None:
    month = W.MONTHS[m["mon"].lower().rstrip(".")]
    day = _day_number(m["mday"]) if m["mday"] else None
    if day is not None and not 1 <= day <= 31:
        return None
    if m["year"]:
        year = int(m["year"])
        if day is None:
            return Found("DATE", Fixed(f"{year}-{month:02d}"), _mod(m["dmod"]))
        return Found("DATE", Fixed(f"{year}-{month:02d}-{day:02d}") if _valid(year, month, day) else None)
    return Found("DATE", Named(month=month, day=day, direction=named_direction(direction)), _mod(m["dmod"]))


def _valid(year: int, month: int, day: int) -> bool:
    import calendar

    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def f_month_rel_year(m: re.Match, direction: int) -> Found | None:
    shift = W.RELATIVE[m["rel"].lower()]
    return Found("DATE", Named(month=W.MONTHS[m["mon"].lower().rstrip(".")], year_shift=shift), _mod(m["dmod"]))


def f_month(m: re.Match, direction: int) -> Found | None:
    return Found("DATE", Named(month=W.MONTHS[m["mon"].lower().rstrip(".")], direction=named_direction(direction)),
                 _mod(m["dmod"]))


def f_numeric_date(m: re.Match, direction: int) -> Found | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if y < 100:
        y += 1900 if y > 30 else 2000
    if not _valid(y, mo, d):
        return Found("DATE", None)
    return Found("DATE", Fixed(f"{y}-{mo:02d}-{d:02d}"))


def f_year(m: re.Match, direction: int) -> Found | None:
    return Found("DATE", Fixed(m["year"]), _mod(m["dmod"]))


def f_spoken_year(m: re.Match, direction: int) -> Found | None:
    words = re.split(r"[-\s]+", m["spoken"].lower())
    if words[0] == "nineteen":
        rest = words[1:]
        value = 1900 if rest == ["hundred"] else 1900 + sum(W.NUMBERS[w] for w in rest)
    else:
        value = 2000 + sum(W.NUMBERS.get(w, 0) for w in words[2:] if w != "and")
    return Found("DATE", Fixed(str(value)), _mod(m["dmod"]))


def f_decade(m: re.Match, direction: int) -> Found | None:
    text = m["decade"].lower()
    if text.startswith("'"):
        return Found("DATE", Fixed("19" + text[1]), _mod(m["dmod"]))
    return Found("DATE", Fixed(text[:3]), _mod(m["dmod"]))


def f_century(m: re.Match, direction: int) -> Found | None:
    n = W.ORDINALS.get(m["ord"].lower()) or _day_number(m["ord"])
    return Found("DATE", Fixed(f"{n - 1:02d}") if n >= 1 else None)  # "the 0th century": no value


def f_season(m: re.Match, direction: int) -> Found | None:
    """A season needs a determiner, a year or a capital ("the fall", "fall 1998", "Spring")."""
    if not (m["year"] or m["rel"] or m["dmod"] or m[0].lower().startswith("the") or m["season"] in SEASON_CAPS):
        return None
    if m["season"] in SEASON_CAPS and not m["year"] and NAME_AFTER.match(m.string, m.end()):
        return None  # "the Winter Olympics", "the Summer Games", "the Autumn Statement": a name
    season = W.SEASONS[m["season"].lower()]
    if m["year"]:
        return Found("DATE", Fixed(f"{m['year']}-{season}"), _mod(m["dmod"]))
    if m["rel"]:
        return Found("DATE", Named(season=season, year_shift=W.RELATIVE[m["rel"].lower()]), _mod(m["dmod"]))
    return Found("DATE", Named(season=season, year_shift=0), _mod(m["dmod"]))


def f_quarter(m: re.Match, direction: int) -> Found | None:
    word = m["ord"].lower()
    q = W.ORDINALS[word]
    rel = m["rel"] or m["rel2"] or m["rel3"]
    if m["unit"].lower().startswith("half"):
        return _half(2 if word in ("last", "final") else q, m["year"], rel, direction)
    if q > 4:
        return None
    if m["year"]:
        return Found("DATE", Fixed(f"{m['year']}-Q{q}"))
    if rel:
        return Found("DATE", Named(quarter=q, year_shift=W.RELATIVE[rel.lower()]))
    return Found("DATE", Named(quarter=q, direction=-1 if named_direction(direction) <= 0 else 1))


def _half(h: int, year: str | None, rel: str | None, direction: int) -> Found | None:
    """"the first half of 2012" -> 2012-H1, "the second half of next year", "the last half" (H2)."""
    if h > 2:
        return None
    if year:
        return Found("DATE", Fixed(f"{year}-H{h}"))
    if rel:
        return Found("DATE", Named(half=h, year_shift=W.RELATIVE[rel.lower()]))
    return Found("DATE", Named(half=h, direction=-1 if named_direction(direction) <= 0 else 1))


def f_the_unit(m: re.Match, direction: int) -> Found | None:
    """"the quarter" (the reporting quarter), "the year", "the week", "the weekend"."""
    unit = m["unit"].lower()
    after = m.string[m.end():m.end() + 12].lower()
    if unit == "quarter":
        return Found("DATE", Shift("quarter", -1, "quarter"))
    if unit == "year" and re.match(r"\s+(?:ended|ending|to)\b", after):
        return Found("DURATION", Fixed("P1Y"))
    if unit == "weekend":
        return Found("DATE", Shift("weekend", 0 if named_direction(direction) > 0 else -1, "weekend"))
    return Found("DATE", Shift(unit, 0, unit), _mod(m["dmod"]))


def f_year_period(m: re.Match, direction: int) -> Found | None:
    """"the 1988 period", "the 1988 third quarter", "the year-ago nine months"."""
    unit = re.sub(r"\s+", " ", m["unit"].lower())
    if "months" in unit:
        return Found("DURATION", Fixed("P9M" if unit.startswith("nine") else "P6M"))
    q = W.ORDINALS.get((m["ord"] or "").lower())
    if m["ago"]:
        if q is None:
            return Found("DATE", YEAR_AGO_QUARTER if unit in ("quarter", "period") else Shift("year", -1))
        return Found("DATE", Named(quarter=q, year_shift=-1))
    if q and unit == "quarter":
        return Found("DATE", Fixed(f"{m['year']}-Q{q}"))
    if q and unit == "half" and q <= 2:
        return Found("DATE", Fixed(f"{m['year']}-H{q}"))
    return Found("DATE", Fixed(m["year"]))


def f_report_period(m: re.Match, direction: int) -> Found | None:
    text = m[0].lower()
    if "year-ago" in text or "year-earlier" in text or "year earlier" in text:
        return Found("DATE", YEAR_AGO_QUARTER)
    return Found("DATE", Shift("quarter", -1, "quarter"))


def f_fiscal_year(m: re.Match, direction: int) -> Found | None:
    return Found("DURATION", Fixed("P1Y"))


def f_bare_units(m: re.Match, direction: int) -> Found | None:
    """"within days", "in weeks": a vague duration (only after within / in)."""
    if not re.search(r"\b(?:within|in)\s+$", m.string[max(0, m.start() - 8):m.start()], re.I):
        return None
    return Found("DURATION", Fixed(duration_value(None, _unit(m["unit"]))))


def f_the_years(m: re.Match, direction: int) -> Found | None:
    """"over the years", "in the years that followed": a vague duration."""
    return Found("DURATION", Fixed(duration_value(None, _unit(m["unit"]))))


def f_holiday(m: re.Match, direction: int) -> Found | None:
    name = re.sub(r"\s+", " ", m["holiday"].lower())
    month, day = W.HOLIDAYS[name]
    nth = W.FLOATING_HOLIDAYS.get(name)
    rel = W.RELATIVE.get((m["rel"] or "").lower())
    if rel is not None:
        return Found("DATE", Named(month=month, day=day, year_shift=rel if rel else 0, nth=nth, by_tense=False))
    return Found("DATE", Named(month=month, day=day, direction=named_direction(direction), nth=nth))


def f_anaphor(m: re.Match, direction: int) -> Found | None:
    """"that year", "the following month", "the same day", "the next day": told from the last date mentioned."""
    unit = m["unit"].lower()
    rel = (m["rel"] or "").lower()
    if unit == "day" and not (m["dmod"] or rel or "same" in m[0].lower()):
        return None  # a bare "that day" is mostly left unmarked (TimeBank 0 of 2)
    if rel == "next" and unit in ("year", "quarter", "month", "week"):
        return None  # "the next year / week" is mostly a duration or the DCT's next one ("relative_unit")
    n = W.ANAPHOR_SHIFTS.get(rel, 0)
    if unit in W.DAY_PARTS:
        return Found("TIME", Anaphor("day", n, W.DAY_PARTS[unit]), _mod(m["dmod"]))
    return Found("DATE", Anaphor(unit, n), _mod(m["dmod"]))


def f_year_end(m: re.Match, direction: int) -> Found | None:
    return Found("DATE", Named(month=12, day=31, year_shift=0))


SENTENCE_OPENERS = ".!?:\n\"'`"


def f_reference(m: re.Match, direction: int) -> Found | None:
    word = re.sub(r"\s+", " ", m["ref"].lower())
    after = m.string[m.end():m.end() + 1]
    before = m.string[max(0, m.start() - 8):m.start()].rstrip(" ")
    opens = not before or before[-1] in SENTENCE_OPENERS
    if word == "now" and (after == "-" or (after == "," and opens)):
        return None
    return Found("DATE", Fixed(W.REFERENCES[word]))


def f_vague_future(m: re.Match, direction: int) -> Found | None:
    return Found("DATE", Fixed("FUTURE_REF"))


def f_recent_units(m: re.Match, direction: int) -> Found | None:
    """"recent years": a vague duration up to now (TBAQ + MEANTIME: PX* 7 times, PAST_REF 5)."""
    return Found("DURATION", Fixed(duration_value(None, _unit(m["unit"]))))


def f_set_every(m: re.Match, direction: int) -> Found | None:
    word = m["what"].lower().rstrip(".")
    if word in W.WEEKDAYS:
        return Found("SET", Fixed(f"XXXX-WXX-{W.WEEKDAYS[word]}"))
    if word in W.MONTHS:
        return Found("SET", Fixed(f"XXXX-{W.MONTHS[word]:02d}"))
    if word in W.DAY_PARTS:
        return Found("SET", Fixed(f"TXX{W.DAY_PARTS[word]}"))
    unit = _unit(word)
    return Found("SET", Fixed(duration_value(2 if m["other"] else 1, unit)))


def f_set_adverb(m: re.Match, direction: int) -> Found | None:
    return Found("SET", Fixed(W.SETS[m["adv"].lower()]))


def f_set_plural_weekday(m: re.Match, direction: int) -> Found | None:
    dow = W.WEEKDAYS[m["wd"].lower()]
    part = W.DAY_PARTS.get((m["part"] or "").lower().rstrip("s"))
    return Found("SET", Fixed(f"XXXX-WXX-{dow}" + (f"T{part}" if part else "")))


RATE_BEFORE = re.compile(r"(?:\d|%|\b(?:once|twice|times|dollars|cents|percent|pounds|euros))\s*$", re.I)


def f_rate(m: re.Match, direction: int) -> Found | None:
    """"a year" is a SET after an amount or a frequency ("$5 a year", "twice a week")."""
    if not RATE_BEFORE.search(m.string[max(0, m.start() - 12):m.start()]):
        return None
    return Found("SET", Fixed(duration_value(1, _unit(m["unit"]))))


def f_date_any(m: re.Match, direction: int) -> Found | None:
    """Both orders of a calendar date ("March 3, 2023", "3 March 2023")."""
    g = m.groupdict()
    proxy = {"mon": g["mon"] or g["mon2"], "mday": g["mday"] or g["mday2"], "year": g["year"] or g["year2"],
             "dmod": g["dmod"]}
    return f_date(proxy, direction)  # type: ignore[arg-type]


def f_month_year(m: re.Match, direction: int) -> Found | None:
    proxy = {"mon": m["mon"], "mday": None, "year": m["year"], "dmod": m["dmod"]}
    return f_date(proxy, direction)  # type: ignore[arg-type]


MAY_BEFORE = re.compile(r"(?:\b(?:in|of|since|until|by|from|through|during|before|after|early|late|and|to|last|"
                        r"next|this)\s+|mid-)$", re.I)


def f_month_may(m: re.Match, direction: int) -> Found | None:
    """"May" is a month only after a preposition or a date word ("in May", "mid-May")."""
    if not MAY_BEFORE.search(m.string[max(0, m.start() - 12):m.start()]):
        return None
    return Found("DATE", Named(month=5, direction=named_direction(direction)))


def f_numeric_any(m: re.Match, direction: int) -> Found | None:
    if m["y"]:
        return f_numeric_date(m, direction)
    proxy = {"y": m["y2"], "m": m["m2"], "d": m["d2"]}
    return f_numeric_date(proxy, direction)  # type: ignore[arg-type]


def f_part_any(m: re.Match, direction: int) -> Found | None:
    if m["part2"]:
        word = m["part2"].lower()
        part = "NI" if "night" in word else ("MO" if "morning" in word else "AF")
        return Found("TIME", Shift("day", W.DEICTIC_DAYS.get((m["day2"] or "").lower(), 0), "day", part))
    return f_part_of_day(m, direction)


def f_set_weekdays(m: re.Match, direction: int) -> Found | None:
    proxy = {"wd": m["wd"] or m["wd2"], "part": m["part"]}
    return f_set_plural_weekday(proxy, direction)  # type: ignore[arg-type]


def f_same_period(m: re.Match, direction: int) -> Found | None:
    """"the same period last year": the reporting period a year back."""
    unit = m["unit"].lower()
    if unit == "period":
        return Found("DATE", YEAR_AGO_QUARTER)
    return Found("DATE", Shift(unit, 0, unit) if unit == "quarter" else Shift("year", -1, unit))
