"""Stated intentions and demands: PLOVER's verbal events that have no trigger word of their own.

PLOVER codes "Libya must hand over the suspects" (someone says so) as DEMAND, "the rebels said they will
release the hostages" as AGREE (an intent to cooperate) and "Nigeria announced it will withdraw its
force unless ..." as THREATEN. The clause itself reports nothing that happened (the realis filter drops
its trigger, if it has one); what happened is the statement. So, for a clause that a statement verb
(``STATEMENT_VERBS``) governs:

- with "must" / "should" / "has to": a **demand** (PLOVER DEMAND);
- with "will" / "would" / "is ready / willing / prepared to", and its subject the speaker (a pronoun
  or the same words): a **threat** (PLOVER THREATEN) when the clause is conditional ("unless", "if")
  or its verb is in ``HOSTILE_VERBS``, else an **intent** (PLOVER AGREE; ACLED codes neither) when
  the verb is in ``COOPERATIVE_VERBS``.

Anything else (a forecast about someone else: "Russia will attack", says Ukraine) is no event here;
the forecasts stage records it.
"""
from __future__ import annotations

from ..spans import token_table
from .syntax import first_kid, lem

STATEMENT_VERBS = frozenset({"say", "announce", "declare", "state", "tell", "insist", "reiterate", "conclude",
                             "warn", "stress", "add", "confirm", "indicate", "pledge", "promise", "vow",
                             "signal", "write", "quote"})
DEMAND_MODALS = frozenset({"must", "should"})
INTENT_MODALS = frozenset({"will", "would", "'ll", "wo"})
READY_ADJECTIVES = frozenset({"ready", "willing", "prepared"})
COOPERATIVE_VERBS = frozenset({
    "release", "free", "allow", "lift", "give", "send", "help", "contribute", "return", "meet", "negotiate",
    "host", "resume", "open", "reopen", "support", "provide", "grant", "accept", "sign", "cooperate",
    "consider", "talk", "join", "hand", "ease", "pay", "offer", "invite", "visit", "withdraw", "respect"})
HOSTILE_VERBS = frozenset({
    "impose", "extend", "boycott", "halt", "tighten", "attack", "strike", "ban", "expel", "cut", "suspend",
    "retaliate", "punish", "sanction", "close", "block", "stop", "end", "break", "veto", "reject", "tolerate",
    "fight", "destroy", "invade", "seize", "bomb", "arrest"})
CONDITION_WORDS = frozenset({"unless", "if"})
CLAUSE_DEPS = ("ccomp", "xcomp", "conj")  # how a stated clause hangs on its statement verb


def _statement_head(verb):
    """The statement verb whose complement ``verb``'s clause is, or None."""
    cur = verb
    for _ in range(3):
        if cur.dep_ not in ("ccomp", "xcomp", "conj") or cur.head.i == cur.i:
            return None
        cur = cur.head
        if lem(cur) in STATEMENT_VERBS:
            return cur
    return None


def _same_party(subject, speaker) -> bool:
    if subject is None:
        return False
    if subject.pos_ == "PRON" and subject.lower_ not in ("you",):
        return True
    return speaker is not None and lem(subject) == lem(speaker)


def intent_kind(verb) -> str | None:
    """"demand", "threat", "intent" or None for the clause headed by ``verb`` (module docstring)."""
    if verb.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    ready = verb.dep_ == "xcomp" and lem(verb.head) in READY_ADJECTIVES
    head = verb.head.head if ready and verb.head.dep_ in ("acomp",) else verb
    statement = _statement_head(head if ready else verb)
    if statement is None:
        return None
    if auxes & DEMAND_MODALS or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and \
            lem(verb.head) == "have" and verb.dep_ == "xcomp":
        return "demand"
    if not (auxes & INTENT_MODALS or ready):
        return None
    subject = first_kid(head if not ready else verb.head.head, "nsubj", "nsubjpass") if ready else \
        first_kid(verb, "nsubj", "nsubjpass")
    if not _same_party(subject, first_kid(statement, "nsubj")):
        return None
    conditional = any(c.dep_ == "advcl" and any(m.lower_ in CONDITION_WORDS for m in c.children)
                      for c in verb.children)
    if conditional or lem(verb) in HOSTILE_VERBS:
        return "threat"
    if lem(verb) in COOPERATIVE_VERBS:
        return "intent"
    return None


def find_intents(ctx):
    """A Trigger (head: the statement verb; span: the clause's verb) for every demand or intent."""
    from .triggers import Trigger

    found = []
    table = token_table(ctx.doc)
    for i in (i for i, (pos, dep) in enumerate(zip(table.pos, table.dep)) if pos == "VERB" and dep in CLAUSE_DEPS):
        tok = ctx.doc[i]
        kind = intent_kind(tok)
        if kind is None:
            continue
        statement = _statement_head(tok.head.head if tok.dep_ == "xcomp" and lem(tok.head) in READY_ADJECTIVES
                                    else tok)
        if statement is not None:
            found.append(Trigger(statement.i, tok.i, tok.i, kind))
    return found
