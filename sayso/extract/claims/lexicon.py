"""The cue lexicon and the thresholds of the claims extractor, as named constants.

Hand-curated lists live here; ``sayso/data/claims_cues.json`` adds the cue
lemmas mined from PolNeAR train (``python -m training.claims``) and a small
logistic-regression model that decides whether a candidate is a cue in context.
"""
from __future__ import annotations

import re

from ..spans import SUBJECT_DEPS

# --- cue words --------------------------------------------------------------
# Verbs of saying: content is their clausal complement or an adjacent quote.
REPORTING_VERBS = frozenset({
    "say", "tell", "warn", "claim", "declare", "add", "note", "emphasise", "emphasize",
    "state", "announce", "report", "explain", "insist", "argue", "suggest", "stress",
    "write", "tweet", "post", "ask", "reply", "respond", "acknowledge", "admit", "confirm",
    "deny", "predict", "estimate", "reveal", "allege", "assert", "caution", "contend",
    "maintain", "recall", "remark", "observe", "concede", "complain", "comment", "testify",
    "indicate", "conclude", "agree", "promise", "vow", "pledge", "threaten", "urge",
    "demand", "accuse", "criticise", "criticize", "slam", "blast", "praise", "mention",
    "describe", "cite", "quip", "joke", "counter", "retort", "scoff", "lament", "boast",
    "brag", "charge", "proclaim", "announce", "declare", "underline", "underscore",
    "reiterate", "repeat", "affirm", "assure", "inform", "advise", "point", "signal",
    "hint", "speculate", "forecast", "project", "guarantee", "swear", "concur", "disclose",
    "divulge", "shout", "yell", "scream", "whisper", "exclaim", "continue", "tout",
    "condemn", "denounce", "decry", "dismiss", "reject", "question", "call", "blame",
    "welcome", "applaud", "hail", "lash", "rail", "attack", "thank", "congratulate",
})
# Stance verbs: beliefs and expectations ("he expects", "they believe").
STANCE_VERBS = frozenset({
    "expect", "believe", "think", "hope", "fear", "doubt", "feel", "suspect", "worry",
    "reckon", "assume", "anticipate", "want", "wish", "know", "consider", "estimate",
})
# Verbs whose object names the content when there is no clause ("called for X").
OBJECT_CONTENT_PREPS = frozenset({"for", "about", "of", "against", "on", "over"})
# Phrasal particles kept in the cue ("pointed out", "called for").
CUE_PARTICLES = frozenset({"out", "up", "on", "for", "off"})
# ...unless the preposition's object is a date, time or name: "said on Tuesday", "said on CNN".
NOT_PARTICLE_ENTS = frozenset({"DATE", "TIME", "ORG", "PERSON", "GPE", "NORP"})
# Adverbs kept in the cue when right before the verb ("reportedly said").
CUE_ADVERBS = frozenset({
    "reportedly", "also", "further", "furthermore", "later", "repeatedly", "again",
    "publicly", "privately", "previously", "earlier", "recently", "then", "once",
    "allegedly", "separately", "similarly", "explicitly", "flatly", "openly", "falsely",
    "firmly", "strongly", "loudly", "quietly", "initially", "subsequently", "additionally",
})
# PolNeAR cue spans keep the auxiliaries right before the verb ("has said", "didn't say").
CUE_AUX_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})
# Verbs that take the reporting verb as complement, kept in the cue ("continued to add").
CUE_CHAIN_VERBS = frozenset({"continue", "go", "proceed", "went", "keep", "begin", "start"})
# Nouns that can carry an attribution ("his claim that ...", "in a statement").
CUE_NOUNS = frozenset({
    "statement", "claim", "remark", "comment", "assertion", "warning", "announcement",
    "belief", "view", "argument", "suggestion", "allegation", "accusation", "insistence",
    "promise", "pledge", "vow", "prediction", "estimate", "assessment", "tweet", "post",
    "speech", "testimony", "interview", "message", "letter", "report", "memo", "admission",
    "denial", "threat", "call", "plea", "demand", "appeal", "complaint", "criticism",
    "contention", "conclusion", "fear", "hope", "expectation", "opinion", "position",
})
# "X issued a statement saying ...": the subject of the verb that issued the noun speaks.
# The cue runs from the issuing verb to the participle ("issued a statement Wednesday saying").
ISSUED_NOUNS = frozenset({"statement", "letter", "email", "e-mail", "message", "release", "tweet", "memo"})
ISSUING_VERBS = frozenset({"issue", "release", "send", "put", "post", "publish"})
ISSUED_CUE_MAX_TOKENS = 8
# "made (it) clear that ...": the cue runs from the verb to the predicate word.
LIGHT_CUE_VERBS = frozenset({"make"})
LIGHT_CUE_PREDICATES = frozenset({"clear"})
LIGHT_PREDICATE_MAX_GAP = 2
# "X seems/appears to ...": the author's impression; PolNeAR marks the cue without a source.
IMPRESSION_VERBS = frozenset({"seem", "appear"})
# Noun cues: "his claim that ...", "Turkey's refusal to ...", "a call for X", "a demand by X that".
NOUN_CLAUSE_DEPS = frozenset({"acl", "ccomp", "relcl", "advcl"})
NOUN_COMPLEMENT_MARKERS = frozenset({"that", "to", "whether"})
NOUN_AGENT_PREP = "by"
# Adjective cues: "was adamant that ...", "is critical of ...", "aides, confident that ...".
STANCE_ADJECTIVES = frozenset({  # measured on PolNeAR train; "sure", "willing", "happy" ... left out
    "adamant", "concerned", "worried", "glad", "upbeat", "tired", "impressed", "confident",
    "convinced", "optimistic", "pessimistic", "skeptical", "sceptical", "critical", "supportive",
    "opposed", "pleased", "angry", "furious", "eager", "hopeful", "aware", "unhappy", "frustrated",
    "excited", "wary", "leery", "fearful", "doubtful", "nervous", "disappointed", "satisfied",
    "unconvinced", "uneasy", "anxious", "dismissive", "mindful", "insistent", "reluctant",
    "keen", "outspoken", "vocal", "upset", "disturbed", "troubled", "alarmed", "thrilled",
    "grateful", "thankful", "embarrassed",
})
ADJECTIVE_DEPS = frozenset({"acomp", "advcl", "conj", "oprd"})
ADJECTIVE_CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})
ADJECTIVE_PREPS = frozenset({"of", "about", "with", "that", "over", "toward", "towards"})
# "according to X"
ACCORDING_LEMMA = "accord"
ACCORDING_WORD = "according"
ACCORDING_PREP = "to"
# "in a CNN poll, Clinton leads ..." (cue "in", source the poll); "To Ms. Gil, X is ..." (cue "To")
SOURCE_IN_PREP = "in"
SURVEY_NOUNS = frozenset({"poll", "survey", "average"})  # "in a report/study": measured, mostly not annotated
SINGULAR_NOUN_TAGS = frozenset({"NN", "NNP"})  # "in a CNN poll" yes, "leading in the polls" no
SOURCE_TO_PREP = "to"
PERSON_POS = frozenset({"PROPN", "PRON"})  # "To Ms. Gil," / "To them," but not "To date,"
NON_SOURCE_ENTS = frozenset({"DATE", "TIME", "GPE", "LOC", "MONEY", "PERCENT", "CARDINAL", "QUANTITY"})
# "in an interview with X" / "said on CNN" / "told BFMTV": where the claim was made.
CHANNEL_NOUNS = frozenset({"interview", "statement", "post", "tweet", "op-ed", "broadcast"})
CHANNEL_PREPS = frozenset({"on", "in", "to"})
CHANNEL_TELL_LEMMAS = frozenset({"tell", "inform", "brief"})
CHANNEL_ENTS = frozenset({"ORG", "PERSON", "NORP", "WORK_OF_ART", "FAC", "PRODUCT"})
# Words that are not speakers even when they are a cue verb's subject.
NON_SPEAKER_WORDS = frozenset({"it", "there", "that", "this", "which", "what"})

# --- dependency labels -------------------------------------------------------
CUE_SUBJECT_DEPS = SUBJECT_DEPS | {"csubj"}  # "What he said was ..." has a clausal subject
AGENT_DEP = "agent"
CLAUSE_DEPS = frozenset({"ccomp"})
OPEN_CLAUSE_DEPS = frozenset({"xcomp"})
OBJECT_DEPS = frozenset({"dobj", "attr"})
ADDRESSEE_DEPS = frozenset({"dative", "iobj"})
INHERIT_SUBJECT_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "acl"})
PARENTHETICAL_DEPS = frozenset({"parataxis", "advcl", "conj"})
PARTICIPLE_TAGS = frozenset({"VBG"})
OBJECT_PREDICATE_DEPS = frozenset({"oprd", "ccomp", "xcomp"})  # "called it a disgrace"
# Phrases after an object that PolNeAR keeps in the content ("named five people to the committee",
# "showed Clinton with a lead", "described the plan as ..."), unless they name a date or time.
OBJECT_PHRASE_PREPS = frozenset({
    "as", "to", "with", "into", "in", "from", "at", "over", "of", "about", "for", "against", "on",
})
TIME_ENTS = frozenset({"DATE", "TIME"})
ASIDE_DEPS = frozenset({"relcl", "appos", "advcl"})  # ", which ...", ", a plan ...", ", saying ..."
AS_MARKERS = frozenset({"as"})  # "As X told Y, ..."
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
CLAUSE_LIKE_POS = frozenset({"VERB", "AUX"})
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON"})

# --- quote marks -------------------------------------------------------------
DOUBLE_OPEN = "“„‟«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‚‛"
SINGLE_CLOSE = "’"
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
DOUBLE_APOSTROPHE = "''"         # ''quote'': read as a double quote mark
QUOTE_MARKS_ALL = frozenset(DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT_DOUBLE)
QUOTE_FILLER = "\x01"            # stands for the second apostrophe while pairing marks
# What may sit between a quote and its attribution clause: ", said X" / "X said: "
QUOTE_GLUE = frozenset(" \t,:;.—–-")
SPLIT_GLUE = frozenset(" \t,:;—–-")  # “…,” X said, “…”: the second half follows a comma
SPLIT_SENTENCE_GLUE = SPLIT_GLUE | {"."}  # “…,” X said. “…”: the quote goes on after the cue sentence

# --- thresholds --------------------------------------------------------------
SCARE_QUOTE_MAX_WORDS = 4        # shorter uncued quotes are scare quotes, not claims
QUOTING_KINDS = frozenset({"direct", "mixed"})  # claims a following quote paragraph extends
FLOATING_QUOTE_MIN_WORDS = 8     # an uncued quote paragraph this long continues the last speaker
QUOTE_MAX_CHARS = 3000           # a longer "quote" is a mismatched pair
HEADLINE_MAX_WORDS = 30          # "'quote': Speaker" lines are short
HEADLINE_SPEAKER_MAX_WORDS = 8
SPEAKER_MAX_WORDS = 40
DIRECT_MAX_OUTSIDE_WORDS = 2     # a complement with more words outside quotes is "mixed"
SUBJECT_INHERIT_DEPTH = 3        # how far "adding that ..." climbs for its speaker
CUE_MODEL_THRESHOLD = 0.4
COLON = ":"
COLON_SPEAKER_MAX_WORDS = 4     # "Clinton: Trump will reverse Roe v. Wade"
COLON_CONTENT_MIN_WORDS = 3
NOT_SPEAKER_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
COLON_SOURCE_NOUNS = frozenset({"poll", "survey", "report", "study"})  # "Poll: …" headlines
TITLE_PREPOSITIONS = frozenset({"on", "over", "for", "in", "with", "at", "to", "from", "against", "after", "before",
                                "about", "into", "by", "under", "amid", "as", "and", "or", "vs", "vs."})
NAME_PREPOSITIONS = frozenset({"of", "de", "van", "von", "der", "da", "del"})  # "Bank of America", "Ursula von der Leyen"
MINED_CUE_MIN_PROB = 0.3         # mined lexicon: keep lemmas this often annotated as cues
MINED_CUE_MIN_COUNT = 5
# "'quote': Speaker" headlines
HEADLINE_SEPARATORS = frozenset(":—–―")
# "“quote” ― Jane Doe" at a line's end: a dash and a name (capitalised words, these particles) end the line
TRAILING_NAME_RE = re.compile(r"[ \t\u00a0]*(?:[—–―]|--?)[ \t\u00a0]*((?:[A-Z][\w'’.-]*|de|van|von|der|da|del|dos|la|le|bin|al)"
                              r"(?:[ \t\u00a0]+(?:[A-Z][\w'’.-]*|de|van|von|der|da|del|dos|la|le|bin|al))*)[ \t\u00a0.]*$")

# A claim without a cue loses to any cued claim of the same content (see rules.prune.dedupe).
NO_CUE_DISTANCE = 10**9

# Parse repair: en_core_web_sm sometimes reads "Name, on <date>, slammed X for …" as one noun
# phrase, the verb an adjectival modifier (amod) of X. Such a past-tense verb after a nominal
# sentence root is read as the predicate: the root is its subject and X its object.
MISPARSED_VERB_TAGS = frozenset({"VBD"})
MISPARSED_VERB_DEPS = frozenset({"amod"})
NOMINAL_ROOT_POS = frozenset({"PROPN", "NOUN"})

# --- what a cue says: speech, thought or stance (docs/claims.md, "Attributions only") -------------
# A claim is an attribution only when its cue is one of these predicates (or a source phrase:
# "according to", a headline's colon): "showed", "was found", "voted" report acts, not words.
SPEECH_VERBS = frozenset({
    "say", "tell", "add", "write", "tweet", "post", "retweet", "explain", "note", "state", "announce",
    "claim", "declare", "insist", "argue", "warn", "stress", "emphasise", "emphasize", "ask", "reply",
    "respond", "answer", "acknowledge", "admit", "confirm", "deny", "reveal", "allege", "assert",
    "caution", "contend", "maintain", "remark", "observe", "concede", "complain", "comment", "testify",
    "conclude", "promise", "vow", "pledge", "threaten", "urge", "demand", "accuse", "criticise",
    "criticize", "praise", "mention", "describe", "quip", "joke", "counter", "retort", "scoff", "lament",
    "boast", "brag", "charge", "proclaim", "underline", "underscore", "reiterate", "repeat", "affirm",
    "reaffirm", "assure", "inform", "advise", "point", "suggest", "predict", "recall", "report", "shout",
    "yell", "scream", "whisper", "exclaim", "call", "tout", "condemn", "denounce", "decry", "dismiss",
    "speculate", "forecast", "guarantee", "swear", "disclose", "divulge", "chant", "concur", "agree",
    "hail", "applaud", "welcome", "thank", "congratulate", "blame", "slam", "blast", "lash", "rail",
    "attack", "question", "continue", "recount", "elaborate", "reason", "muse", "bemoan", "chide",
    "vouch", "lambast", "lambaste", "assail", "rebut", "interject", "deride", "express", "mock",
    "recite", "portray", "liken", "repudiate", "refer", "dub", "articulate", "query", "plead", "echo",
    "characterise", "characterize", "rebuff", "discuss", "remind", "outline", "elaborate", "imply",
    "jab", "petition", "rebuke", "utter", "propose", "highlight", "clarify", "disavow", "reject",
    "announce", "estimate", "project", "cite", "indicate", "signal", "hint", "contradict", "dispute",
    "protest", "object", "apologise", "apologize", "acknowledge", "recommend", "advocate", "appeal",
    "implore", "beg", "instruct", "order", "tweet", "blog", "email", "text", "telegraph", "pronounce",
    "concede", "volunteer", "confide", "relate", "narrate", "summarise", "summarize", "stipulate",
    "specify", "predict", "scold", "snap", "sneer", "gush", "rave", "rant", "grumble", "mutter",
    "murmur", "sigh", "laugh", "cry", "plead", "pray", "preach", "lecture", "brief", "update",
    "confess", "attest", "certify", "notify", "alert", "advertise", "boast", "taunt", "tease",
    "speak", "talk", "text", "weigh", "recount", "attribute", "encourage", "invite",
})
THOUGHT_VERBS = frozenset({
    "think", "believe", "feel", "know", "wonder", "suspect", "doubt", "reckon", "assume", "consider",
    "guess", "imagine", "realise", "realize", "recognise", "recognize", "understand", "suppose",
    "deem", "judge", "conclude", "figure", "envision", "contemplate", "interpret", "see",
})
STANCE_VERBS_ALL = frozenset({
    "expect", "hope", "fear", "worry", "want", "wish", "anticipate", "prefer", "oppose", "support",
    "endorse", "favour", "favor", "welcome", "regret", "deplore", "resent", "dread", "trust", "bet",
    "intend", "plan", "refuse", "decline", "insist", "vow", "defend", "back", "reject", "question",
    "challenge", "dispute", "doubt", "estimate", "predict", "forecast", "project", "seek", "aim",
})
LEMMA_FIXES = {"hop": "hope", "hoping": "hope"}
"""Lemmas the small model gets wrong for cue verbs ("hoped" -> "hop")."""
"""Stance predicates: wishes, expectations, positions taken ("she expects", "he opposes")."""
SOURCE_CUES = frozenset({"according to", ":", "-", "--", "–", "—", "―", "in", "to"})
"""Cues that name a source rather than a verb: "according to X", "'quote': X", "in a poll", "To X,"."""
ATTRIBUTION_CUE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ"})
