"""The forecast lexicon: cue words, their hedging levels and the rules' word lists.

Every list the forecast extractor (``forecasts.py``) looks at lives here as a
named constant; ``docs/forecasts.md`` explains each rule and why.
"""
from __future__ import annotations

# --- hedging: cue -> level ------------------------------------------------------
# Modal auxiliaries (spaCy tag MD) that put the verb they govern in the future.
# Left out on purpose: "can" (ability, present), "must"/"should"/"ought" (obligation),
# "'d" ("I'd love to", and "had" when the tagger errs: 0 of 7 found a statement on dev-even).
MODAL_HEDGING = {
    "will": "certain", "'ll": "certain", "wo": "certain", "shall": "certain",
    "would": "likely",
    "may": "possible", "might": "possible", "could": "possible",
}
# Verbs and adjectives whose "to"-complement is the predicted event:
# "is expected to launch", "plans to", "is preparing to", "is set to", "threatens to".
COMPLEMENT_CUES = {
    "expect": "likely", "plan": "likely", "prepare": "likely", "set": "likely",
    "threaten": "likely", "intend": "likely", "aim": "likely", "schedule": "likely",
    "forecast": "likely", "predict": "likely", "project": "likely", "anticipate": "likely",
    "poise": "likely", "vow": "likely", "pledge": "likely", "promise": "likely",
    "likely": "likely", "unlikely": "likely", "due": "likely", "slate": "likely",
    "certain": "certain", "sure": "certain", "bound": "certain", "go": "certain",
    "hope": "possible", "seek": "possible",
}
# Only these complement cues may govern the event with a bare noun object:
# "plans a mass mobilisation", "forecasts growth of 3%", "expects a deal".
OBJECT_CUES = {
    "expect": "likely", "plan": "likely", "forecast": "likely", "predict": "likely",
    "anticipate": "likely", "project": "likely", "prepare": "likely",
}
# Passive predictive verbs with a noun subject: "large losses are predicted",
# "no major change is expected in the next 24 hours", "heavy crowding is to be expected".
PASSIVE_CUES = {
    "predict": "likely", "expect": "likely", "forecast": "likely", "anticipate": "likely",
    "project": "likely", "plan": "likely", "schedule": "likely", "fear": "possible",
}
# "warned of potential flash floods", "warned of dire consequences unless ...".
WARNING_VERBS = {"warn": "likely", "caution": "likely"}
WARNING_PREPS = frozenset({"of", "about", "against"})
# Verbs of predicting proper: their "that"-clause is the predicted event whatever its tense
# ("predicted that the virtual environment is the main future"), and a past prediction
# with a noun object stays a forecast ("polls had predicted a close race").
PREDICTION_VERBS = {"predict": "likely", "forecast": "likely", "foresee": "likely", "project": "likely",
                    "anticipate": "likely", "expect": "likely"}
PAST_OBJECT_OK = frozenset({"predict", "forecast", "foresee", "project"})
# "going to" counts only with "be" before it ("is going to"): "go" also means moving.
GOING_TO_AUX = "be"
# Nouns whose "to"-complement is a plan or a commitment: "announced plans to withdraw by
# September 11", "its intention to sell", "a pledge to cut emissions".
NOUN_CUES = {
    "plan": "likely", "intention": "likely", "pledge": "likely", "promise": "likely",
    "vow": "likely", "threat": "likely", "bid": "possible",
}
# Adjectives that predict their subject: "Deadly flash flooding is possible",
# "a deal is likely", "an attack is imminent" (a noun subject only; "it is possible that
# he was killed" is about the past).
PREDICATIVE_CUES = {
    "possible": "possible", "likely": "likely", "probable": "likely", "unlikely": "likely",
    "imminent": "certain", "inevitable": "certain", "expected": "likely",
}
# Adverbs on the event verb (or its cue) that override the cue's level:
# "will probably", "could well", "will certainly".
ADVERB_HEDGING = {
    "probably": "likely", "likely": "likely", "presumably": "likely",
    "possibly": "possible", "perhaps": "possible", "maybe": "possible",
    "certainly": "certain", "definitely": "certain", "surely": "certain", "undoubtedly": "certain",
}
HEDGING_LEVELS = ("certain", "likely", "possible")

# --- past, present and non-forecast uses ---------------------------------------
# "could have done", "would have been": a modal with a perfect is about the past.
# Only "will have done" (future perfect) stays a forecast.
PERFECT_OK_MODALS = frozenset({"will", "'ll", "wo", "shall"})
# "would like to", "I could see", "it would seem": wishes, politeness and hedged speech, not predictions.
VOLITION_VERBS = frozenset({
    "like", "love", "prefer", "rather", "hate", "want", "wish", "say", "argue", "imagine",
    "see", "think", "suggest", "add", "note", "guess", "bet", "appreciate", "seem", "appear",
})
VOLITION_MODALS = frozenset({"would", "could", "might"})
# "I'll tell you", "we will say this": a speaker's own speech act, whatever the modal.
SPEECH_ACT_VERBS = frozenset({"tell", "say", "admit", "confess", "repeat"})
FIRST_PERSON = frozenset({"i", "we"})
# "couldn't breathe", "could not win": a negated "could" reports a past inability.
NEGATED_PAST_MODALS = frozenset({"could"})
# "may have photos", "may contain melamine": a possible state now, not a future event.
# ("may have to be trucked in" is not: "have" with a complement is a necessity ahead.)
STATIVE_VERBS = frozenset({"have", "contain", "number", "know", "own", "belong", "hold", "mean"})
STATIVE_MODALS = frozenset({"may", "might", "could"})
# "was going to try", "were expected to": a past prospective; only "going to" is dropped
# ("was expected to" in news usually still looks ahead).
PAST_PROSPECTIVE_CUES = frozenset({"go"})
PAST_AUX_TAGS = frozenset({"VBD"})
# "2-3 times more likely to fall ill": a comparative risk, a generic present statement.
COMPARATIVE_WORDS = frozenset({"more", "less"})
# A forecast anchored in a relative clause ("Dow's board, which will expand to 14") is
# background to the sentence's own statement: 3 of 26 found a statement on dev-even.
BACKGROUND_DEPS = frozenset({"relcl"})
# A sentence ending in a question mark asks, it does not predict ("Will Russia attack?").
QUESTION_END = "?"

# --- orders with a deadline ------------------------------------------------------
# "Putin has ordered the seizure of Donetsk by March": a directive verb whose scope holds
# a deadline ("by March", "before the summer") or a time after the article's date.
DIRECTIVE_VERBS = frozenset({
    "order", "instruct", "direct", "task", "command", "demand", "decree", "mandate",
})
DIRECTIVE_HEDGING = "likely"

# --- scheduled facts (not forecasts) -------------------------------------------------
# "Russia will celebrate Army Day on February 23": an observance of a calendar day is
# fixed by the calendar, not predicted.  A certain statement is a scheduled fact when
# its verb is an observance verb and a calendar noun (or an EVENT / DATE entity that
# names a day) is its object, or when a calendar noun is its subject ("Army Day falls on").
OBSERVANCE_VERBS = frozenset({
    "celebrate", "commemorate", "observe", "mark", "honour", "honor", "fall", "be",
})
CALENDAR_NOUNS = frozenset({
    "day", "anniversary", "holiday", "birthday", "festival", "jubilee", "christmas",
    "easter", "ramadan", "eid", "diwali", "hanukkah", "new year", "independence",
    "memorial", "centenary", "bicentenary", "eve",
})
CALENDAR_ENTITY_TYPES = frozenset({"EVENT", "DATE"})

# --- conditions ----------------------------------------------------------------------
# Subordinators that make an adverbial clause the forecast's condition.
CONDITION_MARKS = frozenset({"if", "unless", "provided", "providing"})

# --- windows -------------------------------------------------------------------------
# The word right before a time expression that turns it into a deadline ("by March",
# "before the summer", "until 2030"): the window opens at the article's date.
DEADLINE_WORDS = frozenset({"by", "before", "until", "till", "within"})
# ... or into an open start ("after the election", "from 2025 on").
FROM_WORDS = frozenset({"after", "from", "since", "beyond"})
# TIMEX3 mods (set by the times stage from the same prepositions) with the same effect.
DEADLINE_MODS = frozenset({"BEFORE", "ON_OR_BEFORE"})
FROM_MODS = frozenset({"AFTER", "ON_OR_AFTER"})
# How far back (characters) to look for that word.
PREPOSITION_LOOKBACK = 16
# TIMEX3 values that carry no window of their own ("this time", "now").
NO_WINDOW_VALUES = frozenset({"PRESENT_REF", "PAST_REF"})
# Durations that set a window from the article's date: "within a month", "in the next two weeks".
DURATION_UNITS_DAYS = {"D": 1, "W": 7, "M": 30, "Y": 365}
# ... only when counted forward: "within a month", "the next / coming / following two weeks".
FORWARD_WORDS = frozenset({"next", "coming", "following"})

# --- the baseline of the evaluation -----------------------------------------------
# `sayso eval forecasts` compares with "every sentence holding one of these words".
BASELINE_CUE_WORDS = frozenset({
    "will", "'ll", "wo", "shall", "would", "may", "might", "could",
    "expect", "expects", "expected", "plan", "plans", "planned", "forecast", "forecasts",
    "predict", "predicts", "predicted", "likely", "unlikely", "going", "set", "threaten",
    "threatens", "preparing", "prepare", "prepares", "warn", "warns", "warned",
})
