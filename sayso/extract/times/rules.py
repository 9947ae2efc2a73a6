"""The rules: regular expressions for TimeML extents, each with its normaliser.

A rule is a name, a pattern (built from :mod:`.patterns`, compiled case-insensitive)
and its normaliser from :mod:`.normalise`.

Extents follow the TimeBank / TempEval-3 gold: determiners and modifiers
belong to the expression ("the third quarter", "the past two months",
"nearly two years", "early next year", "the end of 1990"); prepositions do
not ("by March", "in 1998", "within a month" -> "March", "1998", "a month").
"""
from __future__ import annotations

import re

from . import lexicon as W
from .normalise import (FoundFn, f_adjective, f_ago, f_anaphor, f_bare_units, f_century, f_clock, f_date_any,
    f_decade, f_deictic, f_duration, f_fiscal_year, f_holiday, f_month, f_month_may, f_month_rel_year,
    f_month_year, f_numeric_any, f_part_any, f_quarter, f_rate, f_recent_units, f_reference, f_rel_named,
    f_relative, f_report_period, f_same_period, f_season, f_set_adverb, f_set_every, f_set_weekdays,
    f_spoken_year, f_the_unit, f_the_years, f_vague_future, f_weekday, f_year, f_year_end, f_year_period)
from .patterns import (CLOCK, DATEMOD, DAY, DECADE, DMOD, HOLIDAY, MONTH, MONTH_ANY, NUM, NUMWORD, ORD, PART,
    REL, SEASON, SPOKEN_YEAR, UNIT, UNIT_SING, VAGUE, WEEKDAY, WEEKDAY_ABBR, YEAR, alt, caps)


_DM = rf"(?P<dmod>{DATEMOD})?"
_DM_DAY = rf"(?P<dmod>(?!earlier\b|later\b){DATEMOD})?"
RULES: list[tuple[str, str, FoundFn]] = [
    ("duration",
     rf"(?P<mod>{DMOD}\s+(?!the\b))?(?:the\s+(?:(?:past|last|next|first|coming|previous|following|final|remaining|"
     rf"latest|same|initial|ensuing|subsequent|entire|whole|full|other)\s+)?)?"
     rf"(?:(?P<vague>{VAGUE})|(?P<num>{NUM})(?P<range>\s+(?:to|or)\s+{NUM})?)"
     rf"\s+(?:(?:more|full|straight|consecutive|additional|long|extra|further|short)\s+)?(?P<unit>{UNIT})\b"
     r"(?P<half>\s+and\s+a\s+half)?(?:\s+or\s+so\b)?", f_duration),
    ("duration_adjective",
     rf"(?P<num>\d+(?:\.\d+)?|{NUMWORD}(?:-{NUMWORD})?)-(?P<unit>{UNIT_SING})(?:-(?:old|long))?\b|"
     r"(?P<plural>days|weeks|months|years|decades|centuries)-long\b", f_adjective),
    ("ago",
     rf"(?P<mod>{DMOD}\s+)?(?:(?P<vague>{VAGUE})|(?P<num>{NUM}))\s+(?P<unit>{UNIT})\s+(?:or\s+so\s+)?"
     r"(?P<dir>ago|earlier|later|from\s+now|hence)\b", f_ago),
    ("anaphoric",
     rf"{_DM}(?:(?:that|the)\s+same\s+|that\s+|the\s+(?P<rel>following|previous|preceding|prior|next)\s+)"
     rf"(?P<unit>year|quarter|month|week|day|{PART})\b(?!-)",
     f_anaphor),
    ("relative_unit",
     rf"{_DM}(?:the\s+|this\s+(?=past\s|coming\s))?(?P<rel>{REL})\s+(?P<unit>{UNIT_SING})\b", f_relative),
    ("relative_named",
     rf"{_DM}(?P<rel>last|next|this|coming|past)\s+(?P<name>{WEEKDAY}|{MONTH_ANY}(?!\s*\d)|{SEASON}\b)", f_rel_named),
    ("deictic",
     rf"{_DM}(?P<word>today|yesterday|tomorrow|tonight)\b(?:\s+(?P<part>{PART})\b)?", f_deictic),
    ("weekday",
     rf"{_DM_DAY}(?P<wd>{WEEKDAY})(?!\s*,?\s*(?:{MONTH}))(?:\s+(?P<part>{PART})\b)?", f_weekday),
    ("part_of_day",
     rf"(?:(?:later|earlier|early|late)\s+)?(?P<which>this|last|tomorrow|that)\s+(?P<part>{PART})\b|"
     rf"(?P<part2>mid-?\s?afternoon|mid-?\s?morning|overnight)(?:\s+(?P<day2>yesterday|today|tomorrow)\b)?", f_part_any),
    ("clock",
     rf"(?:(?:around|about|at\s+about|approximately|shortly\s+(?:after|before)|just\s+(?:after|before))\s+)?"
     rf"(?P<clock>{CLOCK})(?:\s*,?\s+(?:(?P<day>{WEEKDAY}|today|yesterday|tomorrow)|"
     rf"(?P<mon>{MONTH})\s+(?P<mday>{DAY})))?", f_clock),
    ("date",
     rf"{_DM}(?:(?:{WEEKDAY}|{WEEKDAY_ABBR}),?\s+)?(?:(?P<mon>{MONTH})\s+(?P<mday>{DAY})(?:\s*,?\s+(?P<year>{YEAR}))?|"
     rf"(?P<mday2>{DAY})\s+(?:of\s+)?(?P<mon2>{MONTH})(?:\s*,?\s+(?P<year2>{YEAR}))?)", f_date_any),
    ("month_year", rf"{_DM}(?P<mon>{MONTH_ANY})\s*,?\s+(?:of\s+)?(?P<year>{YEAR})", f_month_year),
    ("month_rel_year", rf"{_DM}(?P<mon>{MONTH_ANY})\s+(?P<rel>this|last|next)\s+year\b", f_month_rel_year),
    ("month", rf"{_DM}(?P<mon>{MONTH})(?!\s+\d)", f_month),
    ("month_may",
     r"(?P<mon>(?-i:May))\b(?!\s+\d)", f_month_may),
    ("numeric_date", r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b|\b(?P<m2>\d{1,2})/(?P<d2>\d{1,2})/(?P<y2>\d{2,4})\b", f_numeric_any),
    ("year", rf"{_DM}(?:the\s+year\s+|(?:fiscal|calendar|the\s+fiscal|model)\s+(?:year\s+)?)?(?<![$\d.,])(?P<year>{YEAR})\b(?!\s*(?:%|percent))", f_year),
    ("spoken_year", rf"{_DM}(?:the\s+year\s+)?(?P<spoken>{SPOKEN_YEAR})", f_spoken_year),
    ("decade", rf"{_DM}(?:the\s+)?(?:(?:early|late|mid)[-\s])?(?P<decade>{DECADE})", f_decade),
    ("century", rf"(?:the\s+)?(?P<ord>{ORD}|\d{{1,2}}(?:st|nd|rd|th))[-\s]century\b", f_century),
    ("season",
     rf"{_DM}(?:(?:the|(?P<rel>this|last|next|coming|past))\s+)?(?P<season>{SEASON})\b(?:\s+(?:of\s+)?(?P<year>{YEAR}))?", f_season),
    ("the_unit", rf"{_DM}(?:the|that)\s+(?:(?:full|entire|whole|current)\s+)?(?P<unit>year|quarter|month|week|weekend)\b(?!-)", f_the_unit),
    ("year_period",
     rf"(?:the\s+)?(?:(?P<year>{YEAR})|(?P<ago>year-ago|year-earlier))\s+(?:(?P<ord>first|second|third|fourth)\s+)?"
     r"(?:fiscal\s+)?(?P<unit>quarter|period|half|nine\s+months|six\s+months)\b", f_year_period),
    ("quarter",
     rf"(?:the\s+(?!(?:fiscal\s+)?\w+-quarter))?(?:(?P<rel>this|last|next)\s+year's\s+)?(?:(?:fiscal|calendar)\s+)?(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th|last(?=[-\s]half\b(?!\s+of\s+the\b)))"
     rf"(?:[-\s](?:fiscal\s+)?)(?P<unit>quarter|half)\b(?:\s+of\s+(?:fiscal\s+)?(?:(?P<year>{YEAR})|"
     rf"(?P<rel2>this|last|next)\s+year|the\s+(?P<rel3>current|previous|next|same)\s+year))?", f_quarter),
    ("report_period",
     r"(?:the\s+)?(?:(?:latest|current|most\s+recent|recent|same|comparable|year-ago|year-earlier|year\s+earlier|"
     r"fiscal|just-ended|just\s+ended)\s+){1,3}(?:fiscal\s+)?(?:quarter|period)\b|"
     r"\b(?:year-ago|year-earlier)\b", f_report_period),
    ("same_period_last_year",
     r"the\s+same\s+(?P<unit>period|month|quarter|week|day)\s+(?:of\s+)?(?:(?:the\s+)?(?:last|previous|prior)\s+year|"
     r"a\s+year\s+(?:ago|earlier|before))", f_same_period),
    ("bare_units", r"(?P<unit>days|weeks|months|years|decades)\b", f_bare_units),
    ("the_years", r"the\s+(?P<unit>years|decades)\b(?!\s+(?:of\b|\d|ago|earlier|later))", f_the_years),
    ("holiday", rf"(?:(?P<rel>last|next|this)\s+)?(?P<holiday>{HOLIDAY})\b", f_holiday),
    ("fiscal_year", r"the\s+(?:current\s+)?fiscal\s+year\b", f_fiscal_year),
    ("year_end", r"\byear-end\b", f_year_end),
    ("reference", rf"(?P<ref>{alt(W.REFERENCES_USED)})\b", f_reference),
    ("vague_future",
     r"(?:the\s+)?(?:coming|upcoming)\s+(?:days|weeks|months|years|decades)\b",
     f_vague_future),
    ("recent_units", r"recent\s+(?P<unit>days|weeks|months|quarters|years|decades)\b", f_recent_units),
    ("set_every",
     rf"(?:every|each|per)\s+(?P<other>other\s+)?(?P<what>{UNIT_SING}|{WEEKDAY}|{MONTH}|{PART})\b", f_set_every),
    ("set_adverb", rf"(?P<adv>{alt(W.SETS_USED)})\b", f_set_adverb),
    ("set_weekdays", rf"(?P<wd>{caps([w for w in W.WEEKDAYS if len(w) > 4])})s\b|"
                     rf"(?P<wd2>{caps([w for w in W.WEEKDAYS if len(w) > 4])})\s+(?P<part>nights|mornings|evenings|afternoons)\b", f_set_weekdays),
    ("rate", r"(?:a|per)\s+(?P<unit>year|month|week|day|hour)\b", f_rate),
]
COMPILED: list[tuple[str, re.Pattern, FoundFn]] = [
    (name, re.compile(rf"(?<![\w-])(?:{pattern})(?![\w])", re.I), fn)
    for name, pattern, fn in RULES
]
