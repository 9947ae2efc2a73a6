"""Word helpers shared by the speaker modules: normalisation, countries, token tests."""
from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon as R

BLOCKED_ENTS = frozenset({"DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY"})
COMPOUND_WORDS = frozenset(w for title in R.COMPOUND_TITLES for w in title.split())
WORD_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-]*|['’]s\b")

@lru_cache(maxsize=1 << 16)
def norm(word: str) -> str:
    """A word as the lexicons spell it: lower case, British, no trailing stop. Remembered: the
    speakers stage normalises each word of an article many times (a fifth of its time was here)."""
    word = word.lower().replace("’", "'").rstrip(".")
    return R.SPELLING.get(word, word)


def country_of(text: str | None) -> str | None:
    """The country a phrase names or implies ("Ukrainian" -> "Ukraine"), if any."""
    words = [norm(w) for w in WORD_RE.findall(text or "") if not w.startswith(("'", "’"))]
    for i in range(len(words)):
        for size in (2, 1):
            gram = " ".join(words[i:i + size])
            hit = R.COUNTRIES.get(gram) or R.DEMONYMS.get(gram)
            if hit and (size == 1 or i + 1 < len(words)):
                return hit
    return None


def is_lexical(word: str) -> bool:
    """True for a word of any role/org/place lexicon (never part of a person's name)."""
    w = norm(word)
    return (w in R.ROLE_TITLES or w in R.PORTFOLIO_WORDS or w in R.RANKS or w in R.HONORIFICS
            or w in R.ORG_WORDS or w in R.COUNTRIES or w in R.DEMONYMS or w in R.PLACE_NOUNS
            or w in R.ROLE_QUALIFIERS or w in R.DETERMINERS or w in R.PERSON_PRONOUNS)


def role_word(tok) -> bool:
    """True for a token that can belong to a role title."""
    w = norm(tok.text)
    return (w in R.ROLE_TITLES or w in R.PORTFOLIO_WORDS or w in R.ROLE_QUALIFIERS
            or w in R.ROLE_ADJECTIVES or w in R.RANKS or w in COMPOUND_WORDS)


def capitalised(tok) -> bool:
    text = tok.text
    return text[:1].isupper() and (text.isupper() or any(c.islower() for c in text))


def title_case(tokens) -> str:
    """Display form of role words: "defense minister" -> "Defence Minister"."""
    out = []
    for t in tokens:
        w = norm(t.text)
        if w in R.TITLE_FUNCTION_WORDS:
            out.append(w)
        else:
            out.append(t.text if t.text.isupper() and len(t.text) > 1 else w.capitalize())
    return " ".join(out)


def text_of(tokens) -> str:
    """The text a token list covers (as written)."""
    if not tokens:
        return ""
    return tokens[0].doc[tokens[0].i:tokens[-1].i + 1].text



def strip_det(tokens) -> list:
    tokens = list(tokens)
    while tokens and (norm(tokens[0].text) in R.DETERMINERS or tokens[0].is_punct):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    return tokens

