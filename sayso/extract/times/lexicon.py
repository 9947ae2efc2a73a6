"""Word lists and regular-expression pieces for time expressions (TimeML extents).

Every list the rules in :mod:`.rules` use lives here, named. Month and
weekday names must be capitalised ("march" and "may" are verbs); everything
else matches in any case.
"""
from __future__ import annotations

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6,
    "sunday": 7, "sun": 7,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
             "overnight": "NI"}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "a couple of": 2, "a couple": 2,
    "couple of": 2, "a dozen": 12, "dozen": 12, "half a": 0.5, "a half": 0.5,
}
# vague amounts: the duration's number is X ("several years" -> PXY)
VAGUE_NUMBERS = ("several", "a few", "few", "many", "some", "a number of", "numerous", "countless")
ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
    "final": 4, "last": 4,
}
UNITS = {
    "second": "second", "seconds": "second", "minute": "minute", "minutes": "minute",
    "hour": "hour", "hours": "hour", "day": "day", "days": "day", "night": "night", "nights": "night",
    "week": "week", "weeks": "week", "weekend": "weekend", "weekends": "weekend",
    "month": "month", "months": "month", "quarter": "quarter", "quarters": "quarter",
    "year": "year", "years": "year", "decade": "decade", "decades": "decade",
    "century": "century", "centuries": "century",
}
# TIMEX3 duration letters (PT for hours, minutes, seconds)
UNIT_LETTERS = {"second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
                "weekend": "WE", "month": "M", "quarter": "M", "year": "Y", "decade": "Y",
                "century": "CE"}
# units written as a multiple of a smaller one ("two decades" -> P20Y, "three quarters" -> P9M)
UNIT_FACTORS = {"decade": 10, "quarter": 3}
TIME_UNITS = ("second", "minute", "hour")
# days in a unit, for fractional shifts ("1.5 days ago", "2.5 weeks ago"; years count in months)
UNIT_DAYS = {"day": 1, "night": 1, "week": 7, "weekend": 7, "month": 30, "quarter": 91, "decade": 3652,
             "century": 36524}
# "last", "next": the shift in units they stand for
RELATIVE = {"last": -1, "past": -1, "previous": -1, "preceding": -1, "prior": -1,
            "this": 0, "current": 0, "present": 0, "same": 0,
            "next": 1, "coming": 1, "following": 1, "upcoming": 1}
# anaphoric expressions: the shift from the last date the text mentioned ("the following year")
ANAPHOR_SHIFTS = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1}
# words before a duration that TimeML keeps in the extent (TIMEX3 mod)
# "about", "over" and "almost" stay out: TBAQ leaves them outside the extent (26 of 30, 9 of 11, 5 of 8)
DURATION_MODS = {
    "more than": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "less than": "LESS_THAN", "under": "LESS_THAN", "fewer than": "LESS_THAN",
    "no more than": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS",
    "nearly": "APPROX", "around": "APPROX",
    "roughly": "APPROX", "approximately": "APPROX", "some": "APPROX", "close to": "APPROX",
    "just over": "MORE_THAN", "just under": "LESS_THAN", "well over": "MORE_THAN",
}
# words before a date that TimeML keeps in the extent (TIMEX3 mod)
DATE_MODS = {
    "early": "START", "earlier": None, "late": "END", "later": None, "mid": "MID",
    "mid-": "MID", "early-": "START", "late-": "END",
    "the end of": "END", "the beginning of": "START", "the start of": "START",
    "the middle of": "MID", "the close of": "END", "the rest of": None, "the remainder of": None,
}
# present / past / future references (TIMEX3 value, type)
REFERENCES = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "at present": "PRESENT_REF",
    "right now": "PRESENT_REF", "the moment": "PRESENT_REF", "presently": "PRESENT_REF",
    "recently": "PAST_REF", "more recently": "PAST_REF", "until recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF", "previously": "PAST_REF",
    "formerly": "PAST_REF", "the past": "PAST_REF", "in the past": "PAST_REF", "once": "PAST_REF",
    "soon": "FUTURE_REF", "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the distant future": "FUTURE_REF", "future": "FUTURE_REF",
    "shortly": "FUTURE_REF", "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF", "the time being": "PRESENT_REF",
    "someday": "FUTURE_REF", "eventually": "FUTURE_REF",
}
# references that are words of other senses too: kept only in these forms
# measured on TimeBank: "previously", "soon", "future" are marked less than half the time
REFERENCES_USED = ("now", "right now", "more recently", "until recently", "currently", "nowadays", "these days", "at present", "recently",
                   "lately", "the past", "the future", "the near future", "the distant future", "current", "recent",
                   "the near term", "the short term", "the long term", "the time being")
DEICTIC_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}
SETS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
        "quarterly": "P3M", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W",
        "semiannually": "P6M", "semi-annually": "P6M", "annual": "P1Y"}
# "annually", "quarterly" are mostly not marked in TimeBank (adjectives, report names)
SETS_USED = ("daily", "weekly", "monthly", "yearly", "hourly", "nightly")
# estimated window (days after the DCT) of vague future references
FUTURE_WINDOWS = {"days": 14, "weeks": 56, "months": 183, "years": 1095, "decades": 7300}
FUTURE_WINDOW_DEFAULT = 365
# words that turn a duration backwards from the DCT ("in the past two months"): no forward window
BACKWARD_WORDS = ("past", "last", "previous", "preceding", "prior", "recent", "latest")
# verbs / auxiliaries that put an event in the future
FUTURE_AUX = ("will", "shall", "'ll", "wo", "going")
# future-in-the-past ("warned that it would come in January"): the nearest date, not the next one
NEAREST_AUX = ("would",)
# modals point forward ("could come as soon as Tuesday")
MODAL_AUX = ("could", "might", "may", "should", "can", "must")
FUTURE_VERBS = ("expect", "plan", "schedule", "hope", "intend", "aim", "set", "due", "begin", "start",
                "open", "resume", "vote", "meet", "end", "close", "decide")
# adjectives that put the verb they govern ahead: "are due to look at it on Monday", "is likely to
# meet on Friday", "flooding is possible on Friday" (the weekday is the coming one)
FUTURE_ADJECTIVES = ("due", "likely", "unlikely", "set", "poised", "expected", "bound", "sure", "certain",
                     "possible", "ready", "scheduled", "slated")
# subordinators of a clause that happens when its main clause does: its present tense is the main verb's
# ("will look at sanctions when they meet on Monday")
SAME_TENSE_MARKS = ("when", "once", "after", "before", "until", "till", "as", "while")
# plan verbs: their dates lie ahead of the planning (present: future; past: the nearest date)
PLAN_VERBS = ("plan", "schedule", "set", "expect", "due")
# verbs whose complement happens when they do ("began raising", "continued to fall"): past stays past
ASPECT_VERBS = ("begin", "start", "continue", "stop", "keep", "cease", "finish", "resume", "try")
# holidays (month, day); day None: a floating one (FLOATING_HOLIDAYS)
HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
            "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
            "halloween": (10, 31), "valentine's day": (2, 14), "veterans day": (11, 11),
            "thanksgiving": (11, None), "thanksgiving day": (11, None), "labor day": (9, None),
            "memorial day": (5, None)}
# holidays on the n-th weekday of their month (n, ISO weekday; n = -1: the last one)
FLOATING_HOLIDAYS = {"thanksgiving": (4, 4), "thanksgiving day": (4, 4), "labor day": (1, 1),
                     "memorial day": (-1, 1)}
# fractions of a unit written in the next smaller one ("2 1/2 years" -> P2Y6M)
SMALLER_UNIT = {"year": ("M", 12), "month": ("D", 30), "week": ("D", 7), "day": ("H", 24),
                "hour": ("M", 60), "minute": ("S", 60)}
