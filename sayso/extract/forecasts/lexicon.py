"""The forecast lexicon: cue words, their hedging levels and the rules' word lists.

Every list the forecast extractor (:mod:`sayso.extract.forecasts`) looks at lives here as a
named constant; ``docs/forecasts.md`` explains each rule and why.
"""
from __future__ import annotations

import re

# --- hedging: cue -> level ------------------------------------------------------
# Modal auxiliaries (spaCy tag MD) that put the verb they govern in the future.
# Left out on purpose: "can" (ability, present), "must"/"should"/"ought" (obligation),
# "'d" ("I'd love to", and "had" when the tagger errs: 0 of 7 found a statement on dev-even).
MODAL_HEDGING = {
    "will": "certain", "'ll": "certain", "wo": "certain", "shall": "certain",
    "would": "certain",  # the reported "will" ("said the planes would meet demand"): MEANTIME CERTAIN 7 of 8
    "may": "possible", "might": "possible", "could": "possible",
}
# Verbs and adjectives whose "to"-complement is the predicted event:
# "is expected to launch", "plans to", "is preparing to", "is set to", "threatens to".
# Levels calibrated on MEANTIME airbus + apple: arrangements and commitments (plans to, is set / scheduled
# / due / slated / poised to, vows to) are CERTAIN there, expectations (expects to, is likely to, intends
# to) PROBABLE.
COMPLEMENT_CUES = {
    "expect": "likely", "plan": "certain", "prepare": "certain", "set": "certain",
    "threaten": "likely", "intend": "likely", "aim": "likely", "schedule": "certain",
    "forecast": "likely", "predict": "likely", "project": "likely", "anticipate": "likely",
    "poise": "certain", "vow": "certain", "pledge": "certain", "promise": "certain",
    "likely": "likely", "unlikely": "likely", "due": "certain", "slate": "certain",
    "certain": "certain", "sure": "certain", "bound": "certain", "go": "certain",
    "seek": "possible",
    "agree": "certain", "commit": "certain",  # "have agreed to purchase 60 jets", "are committed to support"
    "design": "likely",  # "a treaty designed to cut emissions by 2020": the purpose it is to reach
}
# Only these complement cues may govern the event with a bare noun object:
# "plans a mass mobilisation", "forecasts growth of 3%", "expects a deal".
OBJECT_CUES = {
    "expect": "likely", "plan": "certain", "forecast": "likely", "predict": "likely",
    "anticipate": "likely", "project": "likely", "prepare": "certain", "threaten": "likely",
    # a proposal, request or deal of an event noun: "negotiates the purchase of 22 jets", "agree purchase
    # of 60 jets", "requests rerun of the bid", "proposed a ban"
    "negotiate": "possible", "agree": "certain", "request": "possible", "demand": "possible",
    # ("propose" left out: "Russia is addressing it, proposing initiatives" describes now)
}
# ... "threaten" only with an agent (a person, group or place, or no subject of its own: "later
# requested ..., threatening a lawsuit"); with a thing as subject it means "endanger", a present
# state ("rising sea levels threaten the coast").
AGENTIVE_OBJECT_CUES = frozenset({"threaten"})
AGENT_ENT_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
AGENT_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "who"})
# Passive predictive verbs with a noun subject: "large losses are predicted",
# "no major change is expected in the next 24 hours", "heavy crowding is to be expected".
PASSIVE_CUES = {
    "predict": "likely", "expect": "likely", "forecast": "likely", "anticipate": "likely",
    "project": "likely", "plan": "certain", "schedule": "certain", "fear": "possible",
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
    "plan": "certain", "intention": "likely", "pledge": "certain", "promise": "certain",
    "vow": "certain", "threat": "likely", "bid": "possible",
    # "in an effort to resolve weeks of uncertainty": the aim of the act told (3 statements found on
    # dev-even); other "efforts to ensure food safety" go on now (4 of 5 on real news no forecast)
    "effort": "possible",
    # the favourite of a race is a prediction of its outcome: "the frontrunner to lead the party",
    # "a front runner to succeed John Paul II" ("runner" heads "front runner"), "favourite to win"
    "favourite": "likely", "favorite": "likely", "frontrunner": "likely", "runner": "likely",
    # a commitment's "to"-verb is what it commits to: "won a contract to supply the RAF with tankers",
    # "signed an agreement to protect", "options to buy six more"
    "contract": "certain", "deal": "certain", "agreement": "certain", "accord": "certain",
    "commitment": "certain", "option": "possible",
}
# Adjectives that predict their subject: "Deadly flash flooding is possible",
# "a deal is likely", "an attack is imminent" (a noun subject only; "it is possible that
# he was killed" is about the past).
PREDICATIVE_CUES = {
    "possible": "possible", "likely": "likely", "probable": "likely", "unlikely": "likely",
    "imminent": "certain", "inevitable": "certain", "expected": "likely",
}
# "be to" + verb, the journalistic arrangement future: "police are to turn the country upside
# down", "the president is to visit Paris" (present tense only: "was to be" is a past prospective).
BE_TO_HEDGING = "certain"  # an arrangement, like "is scheduled to" (MEANTIME: "is to be held" CERTAIN)
BE_TO_TAGS = frozenset({"VBZ", "VBP"})
# ... not a specifying copula, whose subject names a goal or a way, not an agent: "the priority
# is to help", "the easiest way is to lift the ban", "his intention is to run" (a plan noun
# subject is a stated plan, already a forecast by its own noun when it governs "to"), nor
# "is yet to be announced" (not done so far) and "who is to blame" (an idiom of the present).
SPECIFYING_NOUNS = frozenset({
    "aim", "goal", "priority", "way", "thing", "intention", "idea", "task", "job", "objective",
    "purpose", "mission", "challenge", "solution", "step", "option", "answer", "plan", "point",
    "role", "hope", "desire", "dream", "strategy", "policy", "duty", "aspiration", "ambition",
    "area", "focus", "direction", "part", "element",  # "one of the key areas of our work is to ..."
})
BE_TO_BLOCKERS = frozenset({"yet", "blame"})
# The present of a plan dated ahead: "the leaders meet in Paris tomorrow", "the company is
# launching the phone next year" (a present or present-progressive verb whose adverbial holds
# one of these words; "later" is left out: "two days later" looks back).
FORWARD_TIME_WORDS = frozenset({"tomorrow", "next", "upcoming", "coming", "tonight"})
FORWARD_TIME_DEPS = frozenset({"npadvmod", "advmod", "prep", "tmod"})
SCHEDULED_PLAN_HEDGING = "likely"
PRESENT_VERB_TAGS = frozenset({"VBZ", "VBP"})
# Participles that make their noun a planned or expected event: "several inductions planned by
# the IAF", "the proposed aircraft", "the expected rise in rates", "a scheduled visit".
PLANNED_PARTICIPLES = {
    "plan": "certain", "propose": "possible", "schedule": "certain", "expect": "likely",
    "anticipate": "likely", "slate": "certain", "intend": "likely", "forecast": "likely",
    "project": "likely", "predict": "likely",
}
PARTICIPLE_DEPS = frozenset({"acl", "amod"})
# Nouns of chance whose "of"-gerund is the predicted event: "a 1 in 300 chance of colliding
# with earth", "in danger of losing its superiority", "the prospects of finding survivors".
RISK_NOUNS = {
    "chance": "possible", "risk": "possible", "danger": "possible", "possibility": "possible",
    "prospect": "possible", "likelihood": "likely", "probability": "likely", "threat": "possible",
    "verge": "likely", "brink": "likely", "cusp": "likely",  # "on the verge of collapsing"
}
RISK_PREP = "of"
# Verbs whose prepositional gerund is the aimed-at event: "This act aims at dragging the Lebanese
# toward civil strife".
AIM_GERUND_CUES = {("aim", "at"): "likely", ("aim", "toward"): "likely", ("aim", "towards"): "likely"}
# Adverbs on the event verb (or its cue) that override the cue's level:
# "will probably", "could well", "will certainly".
ADVERB_HEDGING = {
    "probably": "likely", "likely": "likely", "presumably": "likely",
    "possibly": "possible", "perhaps": "possible", "maybe": "possible",
    "certainly": "certain", "definitely": "certain", "surely": "certain", "undoubtedly": "certain",
}
HEDGING_LEVELS = ("certain", "likely", "possible")

# --- nominal, copular and headline forecasts (:mod:`.nominal`) -------------------------
# "Apple to give free cases to iPhone 4 owners": a headline's "to"-verb is its future (an
# announced arrangement: MEANTIME CERTAIN).
HEADLINE_HEDGING = "certain"
# "on track to hit its targets", "on course to", "in line to", "on schedule to".
TRACK_NOUNS = {("on", "track"): "likely", ("on", "course"): "likely", ("in", "line"): "likely",
               ("on", "schedule"): "certain", ("on", "target"): "likely"}
# "the most likely scenario is a recession": the copula's subject names a predicted outcome; the
# level comes from its adjective when it has one ("the worst case is ..." -> possible).
SCENARIO_NOUNS = {"scenario": "likely", "outcome": "likely", "prospect": "likely", "expectation": "likely",
                  "bet": "likely", "forecast": "likely", "prediction": "likely", "projection": "likely",
                  "outlook": "likely", "consensus": "likely", "case": "likely"}
SCENARIO_ADJECTIVES = {"likely": "likely", "probable": "likely", "expected": "likely", "base": "likely",
                       "central": "likely", "possible": "possible", "worst": "possible", "best": "possible",
                       "inevitable": "certain"}
# ... only in the present or future: "the outcome was a disaster" is told, not predicted.
SCENARIO_TAGS = frozenset({"VBZ", "VBP", "VB"})
# "projections show the population reaching 10 billion", "forecasts suggest", "models indicate".
PROJECTION_NOUNS = {"projection": "likely", "forecast": "likely", "prediction": "likely", "model": "likely",
                    "outlook": "likely", "simulation": "likely", "scenario": "likely", "estimate": "likely"}
PROJECTION_VERBS = frozenset({"show", "suggest", "indicate", "point", "predict", "project", "see", "put", "have"})
# "it looks more like 60,000": an estimate of a number.
LOOKS_LIKE_VERBS = frozenset({"look", "seem", "sound"})
LOOKS_LIKE_HEDGING = "likely"
# "another special event to be held on October 12", "to be released in mid-2011": an arrangement;
# not after an ordinal or superlative ("the first model to be built out of plastic").
SCHEDULED_NOUN_HEDGING = "certain"
ORDINAL_WORDS = frozenset({"first", "last", "only", "second", "third", "latest", "largest", "biggest"})

# --- polarity (:mod:`.polarity`) --------------------------------------------------
# Negation on the event's verb or its cue: "will not", "won't", "never", "no longer".
NEGATION_WORDS = frozenset({"not", "n't", "never"})
# A negative subject or object negates the event: "nobody will win", "nothing will change".
NEGATIVE_QUANTIFIERS = frozenset({"nobody", "nothing", "none", "noone", "neither", "no-one"})
# Cue words that predict the event will not happen: "is unlikely to", "an attack is impossible".
NEGATIVE_CUE_WORDS = frozenset({"unlikely", "improbable", "impossible"})
# The positive form of negative words when the event is written without its negation.
POSITIVE_OF = {"wo": "will", "ca": "can", "sha": "shall", "nobody": "somebody", "nothing": "something",
               "none": "some", "noone": "someone", "no-one": "someone", "neither": "either",
               "unlikely": "likely", "improbable": "probable", "impossible": "possible"}
# Words of necessity: denied, they leave the event open instead of negating it ("no guarantee that
# it will", "conflict is not inevitable", "not certain to win" -> possible, positive).
NECESSITY_WORDS = frozenset({"inevitable", "certain", "sure", "bound", "guarantee", "guaranteed",
                             "necessarily", "definite", "definitely", "assured", "unavoidable", "inescapable"})
# Belief verbs that raise a negation: "we do not believe / think / expect that it will" means "we
# believe it will not".
NEG_RAISING_VERBS = frozenset({"believe", "think", "expect", "anticipate", "foresee", "suppose", "imagine",
                               "see", "feel", "reckon"})
# Verbs that deny the clause or the claim they govern: "X denies it is planning to attack",
# "rejected reports that it would", "ruled out raising taxes" ("rule" + "out").
DENIAL_VERBS = frozenset({"deny", "dismiss", "reject", "refute", "rebut", "disclaim", "doubt", "dispute",
                          # ... and nouns: "expressed deep misgivings that such a plan would work"
                          "misgiving", "skepticism", "scepticism"})
# Verbs above a forecast that lower its level to theirs: "analysts expect that prices will rise",
# "it is expected that the plane will wear ..." (likely, MEANTIME: PROBABLE), "fears that it could".
EMBEDDING_HEDGING = {
    "expect": "likely", "believe": "likely", "think": "likely", "predict": "likely", "forecast": "likely",
    "anticipate": "likely", "estimate": "likely", "project": "likely", "reckon": "likely", "suppose": "likely",
    "hope": "possible", "fear": "possible", "suspect": "possible", "guess": "possible", "speculate": "possible",
}
# "it's hard to see / imagine / believe that it will": doubt, read as a denial.
HARD_WORDS = frozenset({"hard", "difficult", "impossible", "tough"})
HARD_TO_VERBS = frozenset({"see", "imagine", "believe", "envisage", "envision", "think"})
# Speech acts: negated, the clause they govern is not asserted ("did not say whether he would resign").
REPORTING_VERBS = frozenset({"say", "tell", "announce", "confirm", "state", "disclose", "reveal", "specify",
                             "indicate", "comment", "elaborate", "report"})

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
# ... but a wish with a "to"-verb is a stated intention ("he would like to retire to a Bavarian
# village", "I would like to join the appeal"), a forecast at `INTENTION_HEDGING`, unless the
# verb is a speech act performed by saying it ("I would like to thank / express my sympathy").
INTENTION_VERBS = frozenset({"like", "love", "want", "prefer", "wish"})
PERFORMATIVE_VERBS = frozenset({
    "thank", "express", "say", "congratulate", "welcome", "add", "remind", "ask", "apologize",
    "apologise", "acknowledge", "stress", "emphasize", "emphasise", "point", "take", "extend", "offer",
    "pay", "convey", "send", "recognize", "recognise", "commend", "praise", "mention", "note", "assure",
})
INTENTION_HEDGING = "possible"
# "I'll tell you", "we will say this": a speaker's own speech act, whatever the modal.
SPEECH_ACT_VERBS = frozenset({"tell", "say", "admit", "confess", "repeat", "note", "list", "outline", "mention",
                              "stress", "emphasise", "emphasize", "remind", "recall", "underline", "highlight",
                              "reiterate", "describe", "explain", "add"})
# The talk itself, in a speech: "today we will talk about it", "I will refrain from sharing how long it
# takes", "I am not going to give any examples", "you will ask me questions" (not "we will talk with Russia").
DISCOURSE_VERBS = frozenset({"talk", "speak", "refrain", "elaborate", "dwell", "digress", "comment", "touch"})
DISCOURSE_OBJECTS = frozenset({"example", "question", "word", "detail", "figure", "number"})
DISCOURSE_OBJECT_VERBS = frozenset({"give", "ask", "go", "provide"})  # "go into more detail"
DISCOURSE_SUBJECTS = frozenset({"i", "we", "you"})
# Verbs of an activity begun or going on: "started preparing a recovery plan" is no forecast.
ASPECT_VERBS = frozenset({"start", "begin", "continue", "keep", "resume"})
# "I will allow myself to outline ...": permission the speaker gives himself to speak.
SELF_PERMISSION = frozenset({"allow", "permit", "let"})
REFLEXIVE = frozenset({"myself", "ourselves", "me", "us"})
FIRST_PERSON_FORMS = frozenset({"i", "we", "me", "us"})
FIRST_PERSON = frozenset({"i", "we"})
# "couldn't breathe", "could not win": a negated "could" reports a past inability.
NEGATED_PAST_MODALS = frozenset({"could"})
# "may have photos", "may contain melamine": a possible state now, not a future event.
# ("may have to be trucked in" is not: "have" with a complement is a necessity ahead.)
STATIVE_VERBS = frozenset({"have", "contain", "number", "know", "own", "belong", "hold", "mean"})
# ... but "may have a large impact" is an event ahead: "have" with one of these objects.
EVENT_OBJECTS = frozenset({"impact", "effect", "consequence", "influence", "repercussion", "implication",
                           "result", "role", "say", "chance", "opportunity", "problem", "difficulty"})
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
# (Kept when the sentence has no forecast of its own, "The Act, which would require open formats,
# has been introduced": 2 more statements found on dev-even for 19 more predictions, F1 down.)
# A sentence ending in a question mark asks, it does not predict ("Will Russia attack?").
QUESTION_END = "?"

# --- orders with a deadline ------------------------------------------------------
# "Putin has ordered the seizure of Donetsk by March": a directive verb whose scope holds
# a deadline ("by March", "before the summer") or a time after the article's date.
DIRECTIVE_VERBS = frozenset({
    "order", "instruct", "direct", "task", "command", "demand", "decree", "mandate",
})
DIRECTIVE_HEDGING = "likely"
# Requests and recommendations: "asked the Government to acquire 40 jets", "urged Londoners to get
# moving again", "recommended that airlines should not purchase Airbus aircraft", "we insist that the
# perpetrators must be brought to justice". The asked-for act lies ahead and can be checked later;
# whether it happens is open (`REQUEST_HEDGING`). Only a "to"-verb after the addressee, or a
# "that"-clause with a modal of obligation; "should" and "must" elsewhere stay out (obligation
# in the present: 4 of 37 "should" found a statement on dev-even).
REQUEST_VERBS = frozenset({
    "ask", "urge", "request", "recommend", "insist", "demand", "advise", "press", "encourage", "implore",
    "tell",
})
# ... of them, these make the act happen: "has forced Apple to lower its prices" (MEANTIME CERTAIN).
CAUSATIVE_VERBS = frozenset({"force"})  # (not among the requests now: "actions that force the enemy to
# retreat" state what happens, 1 of 3 on real news a forecast)
# ... and these only in the present ("tells airlines not to buy"; "police told the man to move back"
# is a story told, the act done).
PRESENT_ONLY_REQUESTS = frozenset({"tell"})
CAUSATIVE_HEDGING = "certain"
OBLIGATION_MODALS = frozenset({"should", "must"})
REQUEST_HEDGING = "possible"

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
# Durations that set a window from the article's date: "within a month", "in the next two weeks"
# (days from ``times.duration_days``); these units are counted in calendar months instead.
CALENDAR_DURATION_MONTHS = {"M": 1, "Q": 3, "Y": 12}
# ... only when counted forward: "within a month", "the next / coming / following two weeks".
FORWARD_WORDS = frozenset({"next", "coming", "following"})

# --- not forecasts (:mod:`.filters`) -------------------------------------------------
# Wishes: what someone would like to happen ("hopes to win", "would like to retire", "wants to").
WISH_VERBS = frozenset({"hope", "wish", "like", "love", "want", "prefer", "desire", "long", "yearn"})
# Plans and arrangements that, told in the past outside a report, are past plans ("they planned to
# kill", "the terminal was scheduled to open", "had planned to attack").
PAST_PLAN_CUES = frozenset({"plan", "intend", "aim", "prepare", "schedule", "set", "due", "slate", "go", "mean"})
# Verbs whose clause reports what someone said or thinks: "would" and a past plan under them are the
# report's tense ("said it planned to cut 500 jobs", "warned that prices would rise").
REPORTING_HEADS = frozenset({
    "say", "tell", "announce", "confirm", "state", "add", "claim", "insist", "warn", "believe", "think",
    "expect", "predict", "argue", "suggest", "write", "note", "explain", "estimate", "report", "indicate",
    "agree", "promise", "vow", "pledge", "threaten", "fear", "assure", "caution", "forecast", "project",
    "anticipate", "acknowledge", "admit", "stress", "reiterate", "declare", "maintain", "reckon",
    "understand", "learn", "hear", "tweet", "post", "decide", "signal", "hint", "concede", "reveal",
    "disclose", "foresee", "conclude", "find", "show", "suggest", "agree", "accept", "assume", "imply",
    # adjectives of a stance: "is concerned that planes would have to be flown in", "confident it would"
    "concerned", "worried", "afraid", "confident", "optimistic", "pessimistic", "hopeful", "convinced",
})
# ... and nouns: "fears that the Taliban would strike back", "reports that it would".
REPORTING_NOUNS = frozenset({"fear", "report", "claim", "expectation", "hope", "belief", "view", "warning",
                             "prediction", "forecast", "estimate", "statement", "assurance", "promise", "concern",
                             "speculation", "suggestion", "announcement", "agreement", "pledge"})
# A proposal as subject: "would" says what it will do ("the law would allow female lawyers to ...").
PROPOSAL_NOUNS = frozenset({"law", "bill", "plan", "proposal", "measure", "deal", "agreement", "legislation",
                            "rule", "policy", "change", "move", "treaty", "reform", "system", "scheme", "project",
                            "programme", "program", "merger", "acquisition", "purchase", "contract", "order",
                            "regulation", "amendment", "budget", "package", "switch", "service"})

# Modals of an unreal condition: "if the sanctions really worked, they would not have to explain".
UNREAL_MODALS = frozenset({"would", "could", "might"})
# A chance weighed is no chance predicted: "analyse the possibility of providing medication".
DELIBERATION_VERBS = frozenset({"analyse", "analyze", "study", "consider", "discuss", "explore", "examine",
                                "assess", "evaluate", "review", "weigh", "investigate", "debate", "raise"})

# --- which time dates the event (:mod:`.timing`) ------------------------------------
# A comparison or a reference point on the way from the time to the event: "higher than in 2021",
# "a decade earlier than 2040", "compared with 2019", "versus last year".
COMPARISON_WORDS = frozenset({"than", "compared", "compare", "versus", "vs", "vs.", "relative"})
# Verbs that belong to the predicted event itself, crossable on that way: "make an attempt to launch
# ... and seize ... within a month" (infinitives, conjoined verbs, gerunds after a preposition).
EVENT_CLAUSE_DEPS = frozenset({"xcomp", "conj", "pcomp"})
INFINITIVE_CLAUSE_DEPS = frozenset({"acl", "advcl", "relcl"})  # ... when they are "to"-infinitives
# ... and a clause that says when the event happens: "will look at sanctions when they meet on Monday".
SAME_TIME_MARKS = frozenset({"when", "once", "while"})
# Entities that name something: a time inside one is part of a name ("the Winter Olympics", "the
# 2008 Beijing Olympic Games", "the Millennium Dome"), not a date of the event.
NAME_ENTITY_TYPES = frozenset({"EVENT", "ORG", "FAC", "WORK_OF_ART", "LAW", "PRODUCT"})
NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "nummod"})
# An event named as a reference point: a time that dates it dates that event, not the forecast
# ("will resign after the vote on Tuesday", "before the summit in March").
# A record's span is no date of the event: "the first rate decrease in more than 20 years".
RECORD_WORDS = frozenset({"first", "last", "only", "highest", "lowest", "biggest", "largest", "smallest", "worst",
                          "best"})
REFERENCE_PREPS = frozenset({"after", "before", "since", "until", "till", "following", "ahead", "prior"})
# Only these expressions move to their next occurrence when they ended before the article's date.
NEXT_OCCURRENCE = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"[a-z]*\.?\b|\b(?:spring|summer|autumn|fall|winter)\b", re.I)
LOOKING_BACK = re.compile(r"\b(?:last|past|previous|ago|earlier|yesterday|since)\b", re.I)

# --- the baseline of the evaluation -----------------------------------------------
# `sayso eval forecasts` compares with "every sentence holding one of these words".
BASELINE_CUE_WORDS = frozenset({
    "will", "'ll", "wo", "shall", "would", "may", "might", "could",
    "expect", "expects", "expected", "plan", "plans", "planned", "forecast", "forecasts",
    "predict", "predicts", "predicted", "likely", "unlikely", "going", "set", "threaten",
    "threatens", "preparing", "prepare", "prepares", "warn", "warns", "warned",
})
