"""Polarity and the hedging the words around a cue add: what the source says will, or will not, happen.

:func:`read` looks at one cue in its parse and returns a :class:`Reading`:

1. **negation in the clause**: "not", "n't", "never", "no longer" on the event's verb or on the
   cue ("will **not** attack", "is **not** expected to", "does **not** plan to"), a negative
   quantifier as its subject or object ("**no** decision will be made", "**nobody** will win"),
   "no" on a cue noun ("there are **no** plans to"), a negative cue word ("**unlikely** to");
2. **negation above the cue**: a belief verb with "not" ("we do **not believe** ..."; English
   raises the negation: "I don't think it will" means "I think it won't"), a denial ("X
   **denies** it is planning to attack", "**rejected** reports that ...", "**ruled out** ...");
3. **a necessity denied** weakens instead of negating: "there is **no guarantee** that these
   forecasts will prove accurate", "conflict is **not inevitable**", "it is **not certain** that ..."
   say the event may or may not happen: positive, ``possible``;
4. **an embedding belief** lowers the cue's level: "analysts **expect** that prices will rise",
   "it **is expected** that the plane will wear ..." are ``likely``, not ``certain``
   (:data:`~.lexicon.EMBEDDING_HEDGING`; MEANTIME annotates such events PROBABLE);
5. **a speech act denied** asserts nothing: "he did **not say** whether he would resign" is no
   forecast (``drop``).

Each negation found flips the polarity (two cancel out). The negation words inside the event's
span are listed in ``negations`` so the event can be written in its positive form
(:func:`positive_form`: "Russia will not attack" -> "Russia will attack").
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import (DENIAL_VERBS, HARD_TO_VERBS, HARD_WORDS, EMBEDDING_HEDGING, HEDGING_LEVELS, NECESSITY_WORDS, NEGATIVE_CUE_WORDS,
    NEGATIVE_QUANTIFIERS, NEGATION_WORDS, NEG_RAISING_VERBS, POSITIVE_OF, REPORTING_VERBS)

MAX_EMBEDDING_STEPS = 6
CONTRACTED = frozenset({"wo", "ca", "sha"})
LEMMA_MENDS = ("hope",)  # "won't", "can't", "shan't" without their "n't"
QUANTIFIER_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})


@dataclass
class Reading:
    """What the words around one cue say: polarity, hedging, the negation tokens, whether to drop it."""

    polarity: str = "positive"
    hedging: str = "certain"
    negations: list = field(default_factory=list)  # the negation tokens (in the event or not) that flipped it
    drop: bool = False


def weaker(a: str, b: str) -> str:
    """The less sure of two hedging levels."""
    return max(a, b, key=HEDGING_LEVELS.index)


def read(cue) -> Reading:
    """The polarity and hedging of one cue (see the module doc)."""
    reading = Reading(hedging=cue.hedging)
    flips: list = []
    clause = _clause_tokens(cue)
    necessary = any(_necessity(t) for t in cue.tokens)  # "is inevitable", "is certain to"
    for tok in clause:
        for neg in _negations(tok, with_quantifiers=tok == cue.anchor or tok == cue.event_root):
            if _necessity(tok) or (necessary and tok in cue.tokens):
                reading.hedging = "possible"
            else:
                flips.append(neg)
    flips += [[t] for t in cue.tokens if t.lower_ in NEGATIVE_CUE_WORDS]  # "unlikely": "likely", negated
    _embedding(clause, reading, flips, necessary)
    if len(flips) % 2:
        reading.polarity = "negative"
    reading.negations = [t for unit in flips for t in unit]
    return reading


def _clause_tokens(cue) -> list:
    """The anchor, the event's root and the cue words with the verbs and nouns they hang on."""
    out: list = []
    for tok in (cue.anchor, cue.event_root, *cue.tokens):
        if tok not in out:
            out.append(tok)
    return out


def _negations(tok, with_quantifiers: bool) -> list[list]:
    """The negations on ``tok``, each as its tokens: "not", "never", "no longer", "no" on a noun;
    with ``with_quantifiers`` also a negative subject or object ("nobody", "no decision")."""
    found = []
    for child in tok.children:
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ in NEGATION_WORDS) or (
                child.dep_ == "preconj" and child.lower_ == "neither"):
            found.append([child])
        elif child.dep_ == "det" and child.lower_ == "no" and tok.pos_ in ("NOUN", "PROPN"):
            found.append(_no_tokens(tok))
        elif child.dep_ == "advmod" and child.lower_ == "longer" and any(g.lower_ == "no" for g in child.children):
            found.append([*(g for g in child.children if g.lower_ == "no"), child])
        elif with_quantifiers and child.dep_ in QUANTIFIER_DEPS and _negative_quantifier(child):
            found.append([child] if child.lower_ in NEGATIVE_QUANTIFIERS else _no_tokens(child))
    return found


def _no_tokens(noun) -> list:
    """The words that make a noun negative: "no" ("no decision"), with "more" ("no more shadow", "no more
    troops": no longer any)."""
    found = [c for c in noun.children if c.dep_ == "det" and c.lower_ == "no"]
    for more in (c for c in noun.children if c.dep_ == "amod" and c.lower_ == "more"):
        found += [more, *(g for g in more.children if g.lower_ == "no")]
    return sorted(found, key=lambda t: t.i) if any(t.lower_ == "no" for t in found) else []


def _negative_quantifier(tok) -> bool:
    """"nobody", "nothing", "none", or a noun with "no" ("no decision")."""
    return tok.lower_ in NEGATIVE_QUANTIFIERS or bool(_no_tokens(tok))


def _necessity(tok) -> bool:
    """``tok`` is, or is the copula of, a word of necessity ("inevitable", "certain", "guarantee")."""
    if tok.lemma_.lower() in NECESSITY_WORDS or tok.lower_ in NECESSITY_WORDS:
        return True
    return tok.lemma_ == "be" and any(c.dep_ == "acomp" and c.lower_ in NECESSITY_WORDS for c in tok.children)


def _embedding(clause: list, reading: Reading, flips: list, necessary: bool) -> None:
    """The verbs and nouns above the cue: beliefs (lower the level; negated they flip, or weaken
    a cue of necessity: "we do not believe conflict is inevitable"), denials (flip), denied
    necessities (weaken), denied speech acts (drop)."""
    tok = _top(clause)
    for _ in range(MAX_EMBEDDING_STEPS):
        if tok.head.i == tok.i or tok.dep_ in ("relcl", "parataxis"):
            return
        tok = tok.head
        lemma = _lemma(tok)
        negs = _negations(tok, with_quantifiers=False)
        if lemma in DENIAL_VERBS or (lemma == "rule" and any(c.lower_ == "out" for c in tok.children)) or (
                lemma in HARD_TO_VERBS and tok.dep_ == "xcomp" and _hard(tok.head)):
            # ... "it's hard to see that anything will be passed before year-end": doubt, a denial
            flips += [[], *negs]  # the denial (outside the event), and a negated denial undoes it
        elif lemma in NECESSITY_WORDS or _necessity(tok):
            if negs:
                reading.hedging = "possible"
        elif lemma in NEG_RAISING_VERBS or lemma in EMBEDDING_HEDGING:
            reading.hedging = weaker(reading.hedging, EMBEDDING_HEDGING.get(lemma, reading.hedging))
            if negs and lemma in NEG_RAISING_VERBS:
                if necessary:
                    reading.hedging = "possible"
                else:
                    flips += negs
        elif lemma in REPORTING_VERBS and negs:
            reading.drop = True
        if _imperative(tok):
            reading.drop = True  # "do not give them the impression that the world will not resist"


def _imperative(verb) -> bool:
    """A command ("Do not give ...", "Tell them ..."): a base-form root with no subject."""
    return verb.tag_ == "VB" and verb.dep_ == "ROOT" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") or (c.dep_ == "aux" and c.lower_ not in ("do", "don't"))
        for c in verb.children)


def _hard(head) -> bool:
    """"hard" itself, or a copula with "hard" ("it is hard to see ...")."""
    return head.lower_ in HARD_WORDS or any(c.dep_ == "acomp" and c.lower_ in HARD_WORDS for c in head.children)


def _lemma(tok) -> str:
    """The lemma, mended where the tagger errs ("hoped" -> "hop")."""
    lemma = tok.lemma_.lower()
    return next((verb for verb in LEMMA_MENDS if tok.lower_.startswith(verb)), lemma)


def _top(tokens: list):
    """The token of ``tokens`` highest in the tree (the others hang below it)."""
    return min(tokens, key=lambda t: len(list(t.ancestors)))


def positive_form(tokens: list, negations: list) -> str:
    """The words of ``tokens`` (a span, in order) without the negation words in ``negations``:
    "Russia will not attack" -> "Russia will attack", "won't" -> "will", "nobody" -> "somebody"."""
    drop = {t.i for t in negations}
    parts: list[str] = []
    for tok in tokens:
        if tok.i in drop:
            replacement = POSITIVE_OF.get(tok.lower_)
            if replacement and not _contraction_part(tok):
                parts.append(replacement + tok.whitespace_)
            elif tok.whitespace_ and parts and not parts[-1].endswith(" "):
                parts[-1] += " "
            continue
        text = POSITIVE_OF.get(tok.lower_, tok.text) if _contracted(tok, drop) else tok.text
        parts.append(text + tok.whitespace_)
    return "".join(parts).strip()


def _contraction_part(tok) -> bool:
    return tok.lower_ in CONTRACTED


def _contracted(tok, drop: set) -> bool:
    """"wo" of "won't", "ca" of "can't", "sha" of "shan't" when their "n't" is dropped."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.i in drop and tok.lower_ in CONTRACTED
