"""quantulum3 set up for sayso: deterministic, without its classifier, and fast with the same output.

quantulum3 (pinned 0.10.0) was most of the figures stage's cost: 12 ms of CPU per Reuters story,
against a parse of about 27 ms. Three places held nearly all of it, and each is replaced by one
that gives exactly the same results (``tests/extract/figures/test_quantulum.py`` compares them with
quantulum3's own on every unit surface and on Reuters sentences):

1. its number-word pattern (``text_pattern_reg``) repeats the word-boundary groups inside each
   of ~60 alternatives, so every character of a sentence tried all 60: the boundaries are moved
   outside one alternation (they cannot both hold differently at one position, so the first
   alternative that matches is the same one);
2. its quantity pattern (``units_regex``) is an alternation of ~1,900 unit surfaces, longest
   first, tried one after another at every number and, for the currency prefixes, at every
   character: the same strings as a trie (one key per spelling the case-insensitive pattern
   cannot tell apart: "kg"/"KG", "μs"/"µs"/"Μs"). Every
   surface that can match at one position is a prefix of the others that can, so longest-first
   and a trie that tries the longer continuation before stopping pick the same one;
3. its fallback disambiguation (``disambiguate_no_classifier``) walked all 787 training texts
   and split them into words for every ambiguous unit: the word counts per unit are built once,
   and the training words in the sentence are found once, by a walk of a trie of them.

It also imported its language module on every call of ``language.get`` (48,000 times for 1,000
stories): that lookup is remembered, and so is the value of each number as written
(:func:`values_by_surface`). With these, a parse costs about 0.14 ms of CPU (0.21 ms with the
substring sets of 3. and no remembered values; the 3,209 texts quantulum3 reads in 400 Reuters
stories, ``python bench/profile_stages.py --cprofile figures``).
"""
from __future__ import annotations

import re
import sys
import warnings
from collections import Counter, defaultdict
from functools import lru_cache

LANG = "en_US"
ORIGINAL_DISAMBIGUATE: list = []
"""quantulum3's own ``disambiguate_no_classifier`` (with sorted candidates), kept for the tests."""
LONGEST_SUBSTRING = 24
"""Training words up to this long are looked up among a sentence's substrings; longer ones by ``in``."""


@lru_cache(maxsize=1)
def quantulum_parser():
    """quantulum3's parser module, set up once: no classifier, deterministic, the fast patterns."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import_inflect_unchecked()
        from quantulum3 import classifier, no_classifier, parser
        from quantulum3 import regex as quantulum_regex
    classifier.USE_CLF = False
    _order_sets(no_classifier, quantulum_regex)
    _install_fast_paths(no_classifier, quantulum_regex)
    return parser


def import_inflect_unchecked() -> None:
    """Import inflect (quantulum3's plurals) with typeguard's ``@typechecked`` a no-op, as under
    ``python -O``. inflect decorates its engine's methods with it, and the decorator re-parses and
    recompiles inflect's source at import: 3.8 of quantulum3's 4.4 s of set-up, paid by every
    process (each ``--jobs`` worker, each Spark executor). typeguard documents the decorator as a
    no-op in optimized mode, for checks "not meant to be run in production"; the plurals are the
    same, only inflect's checks of its arguments' types are gone (``tests/extract/figures/
    test_quantulum.py`` compares quantulum3's unit surfaces, which hold the plural of every unit
    name, and a sample of plurals with those of a checked inflect)."""
    if "inflect" in sys.modules:
        return
    import typeguard

    checked = typeguard.typechecked

    def unchecked(target=None, **_options):
        return unchecked if target is None else target

    typeguard.typechecked = unchecked
    try:
        import inflect  # noqa: F401 - imported once, unchecked; quantulum3 imports it next
    finally:
        typeguard.typechecked = checked


def _sorted_result(function):
    """``function`` (one of quantulum3's fixed tables of a language) with its items sorted, sorted
    once: quantulum3 asks for its operators 34 times a Reuters story."""
    @lru_cache(maxsize=None)
    def ordered(*args, **kwargs):
        return tuple(sorted(function(*args, **kwargs)))

    ordered.sayso_ordered = True
    return ordered


def _order_sets(no_classifier, quantulum_regex) -> None:
    """Make quantulum3 deterministic. It iterates Python *sets* in two places where the order
    matters: the operators it joins into its unit regex (same-length alternatives, "27.5 Mb / s"
    read as "27.5 Mb" or as "27.5 Mb / s") and, without its classifier, the candidate units of a
    tie (the first best one wins). Set order follows Python's string hash seed (PYTHONHASHSEED), so
    results changed from run to run; sayso hands both over sorted. Done once, before any parse."""
    if getattr(quantulum_regex.operators, "sayso_ordered", False):
        return
    for name in ("operators", "multiplication_operators", "division_operators"):
        setattr(quantulum_regex, name, _sorted_result(getattr(quantulum_regex, name)))
    original = no_classifier.disambiguate_no_classifier

    def ordered(entities, text, lang=LANG):
        return original(sorted(entities, key=lambda e: e.name), text, lang)

    no_classifier.disambiguate_no_classifier = ordered


def _install_fast_paths(no_classifier, quantulum_regex) -> None:
    """Replace the three slow paths (module docstring) with the fast ones; idempotent."""
    if getattr(quantulum_regex.units_regex, "sayso_fast", False):
        return
    text_pattern, units = fast_text_pattern(quantulum_regex), fast_units_regex(quantulum_regex)
    counts = TrainingCounts.build()

    def text_pattern_reg(lang=LANG):
        return text_pattern

    def units_regex(lang=LANG):
        return units

    def disambiguate(entities, text, lang=LANG):
        return counts.best(sorted(entities, key=lambda e: e.name), text)

    ORIGINAL_DISAMBIGUATE.append(no_classifier.disambiguate_no_classifier)
    units_regex.sayso_fast = True
    quantulum_regex.text_pattern_reg, quantulum_regex.units_regex = text_pattern_reg, units_regex
    no_classifier.disambiguate_no_classifier = disambiguate
    from quantulum3 import language

    language.get = lru_cache(maxsize=None)(language.get)  # it imported the language module on every call
    from quantulum3 import parser

    ORIGINAL_GET_VALUES.append(parser.get_values)
    parser.get_values = values_by_surface(parser.get_values)


ORIGINAL_GET_VALUES: list = []
"""quantulum3's own ``parser.get_values``, kept for the tests."""
VALUES_CACHE = 4096


class _ValueMatch:
    """What ``get_values`` reads of a match of the quantity pattern: its "value" group."""

    def __init__(self, value: str) -> None:
        self.value = value

    def group(self, name: str) -> str:
        return self.value if name == "value" else None


def values_by_surface(get_values):
    """quantulum3's ``get_values(match, lang)``, remembered per number as written: it reads only the
    match's "value" group (eight string-pattern regex calls for every number), and on 400 Reuters
    stories two numbers in three were ones seen before ("1.0" for "a"/"one", "1986"). Each call gets
    its own list of values (quantulum3 changes it in place: "($99.99)" -> -99.99); a ValueError (a
    range whose second number is smaller) is raised again each time."""
    @lru_cache(maxsize=VALUES_CACHE)
    def by_value(value: str, lang: str):
        try:
            return get_values(_ValueMatch(value), lang), None
        except ValueError as err:
            return None, err.args

    def remembered(item, lang=LANG):
        found, error = by_value(item.group("value"), lang)
        if error is not None:
            raise ValueError(*error)
        uncertainty, values = found
        return uncertainty, list(values)

    return remembered


def original_patterns() -> tuple[re.Pattern, re.Pattern]:
    """quantulum3's own two patterns, as it builds them (for the tests that compare)."""
    from quantulum3._lang.en_US import regex as words_en
    from quantulum3 import regex as reg

    quantulum_parser()
    words = r"|".join(r"((?<=\W)|^)%s((?=\W)|$)" % w for w in reg.numberwords(LANG).keys() if w)
    text = words_en.TEXT_PATTERN.format(number_pattern_no_groups=reg.number_pattern_no_groups(LANG),
                                        numberwords_regex=words)
    unit_keys = sorted(_unit_surfaces(), key=len, reverse=True)
    symbol_keys = sorted(_prefix_symbols(), key=len, reverse=True)
    alternation = "|".join
    units = _units_pattern(reg, alternation(map(re.escape, unit_keys)), alternation(map(re.escape, symbol_keys)))
    return re.compile(text, re.VERBOSE | re.IGNORECASE), re.compile(units, re.VERBOSE | re.IGNORECASE)


# -- 1. number words ---------------------------------------------------------------------

def fast_text_pattern(reg) -> re.Pattern:
    """quantulum3's TEXT_PATTERN with the number words' boundaries outside their alternation."""
    from quantulum3._lang.en_US import regex as words_en

    words = [w for w in reg.numberwords(LANG).keys() if w]  # quantulum3's order, unescaped as it has them
    factored = r"(?:(?:(?<=\W)|^)(?:%s)(?:(?=\W)|$))" % "|".join(words)
    pattern = words_en.TEXT_PATTERN.format(number_pattern_no_groups=reg.number_pattern_no_groups(LANG),
                                           numberwords_regex=factored)
    return re.compile(pattern, re.VERBOSE | re.IGNORECASE)


# -- 2. quantities -----------------------------------------------------------------------

def trie_pattern(words) -> str:
    """A regex alternation of ``words`` as a trie that tries longer continuations first.

    >>> trie_pattern(["km", "k", "kg"])
    'k(?:(?:m|g))?'
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict) -> str:
    branches = [re.escape(char) + _node_pattern(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@lru_cache(maxsize=None)
def _ignorecase_char(char: str) -> str:
    """One character standing for every character ``re.IGNORECASE`` matches to ``char``: the
    smallest of them (lower and upper case, and re's extra pairs such as µ/μ/Μ and s/ſ)."""
    try:
        from re._casefix import _EXTRA_CASES  # Python 3.11's table of those extra pairs
    except ImportError:  # pragma: no cover - another Python: lower and upper case only
        _EXTRA_CASES = {}
    near = {char, char.lower(), char.upper()}
    for c in list(near):
        if len(c) == 1:
            near.update(chr(x) for x in _EXTRA_CASES.get(ord(c.lower()), ()) if len(c.lower()) == 1)
    same = [c for c in near if len(c) == 1 and re.fullmatch(re.escape(char), c, re.IGNORECASE)]
    return min(same)


def ignorecase_key(word: str) -> str:
    """``word`` with each character replaced by :func:`_ignorecase_char`: two words the pattern
    (case-insensitive) cannot tell apart get one key, so they share one path of the trie."""
    return "".join(_ignorecase_char(c) for c in word)


def fast_units_regex(reg) -> re.Pattern:
    """quantulum3's ``units_regex`` with the unit surfaces and currency prefixes as tries."""
    unit_keys = {ignorecase_key(k) for k in _unit_surfaces()}
    symbol_keys = {ignorecase_key(k) for k in _prefix_symbols()}
    pattern = _units_pattern(reg, trie_pattern(sorted(unit_keys)), trie_pattern(sorted(symbol_keys)))
    return re.compile(pattern, re.VERBOSE | re.IGNORECASE)


def _unit_surfaces() -> list[str]:
    """quantulum3's unit surfaces and symbols. Its tables are defaultdicts that its lookups grow with
    empty entries for every word they try; those are no units (and were not there when its pattern
    was first built), so only the keys with units count."""
    from quantulum3 import load

    units_ = load.units(LANG)
    return [k for table in (units_.surfaces, units_.symbols) for k, found in table.items() if found]


def _prefix_symbols() -> list[str]:
    from quantulum3 import load

    return [k for k, found in load.units(LANG).prefix_symbols.items() if found]


def _units_pattern(reg, all_units: str, all_symbols: str) -> str:
    """quantulum3's quantity pattern (regex.units_regex, 0.10.0) around the given alternations.

    The operators stay a bare alternation as quantulum3 joins them: its look-ahead for a unit
    binds to the last operator only, and that is part of what it matches."""
    op_keys = sorted(list(reg.operators(LANG)), key=len, reverse=True)
    all_ops = "|".join(re.escape(i) for i in op_keys)
    exponent = reg.exponents_regex(LANG).format(superscripts=reg.unicode_superscript_regex())
    return r"""
        (?<!\w)                                     # "begin" of word
        (?P<prefix>(?:%s)(?![a-zA-Z]))?         # Currencies, mainly
        (?P<value>%s)-?                           # Number
        (?:(?P<operator1>%s(?=(%s)%s))?(?P<unit1>(?:%s)%s)?)    # Operator + Unit (1)
        (?:(?P<operator2>%s(?=(%s)%s))?(?P<unit2>(?:%s)%s)?)    # Operator + Unit (2)
        (?:(?P<operator3>%s(?=(%s)%s))?(?P<unit3>(?:%s)%s)?)    # Operator + Unit (3)
        (?:(?P<operator4>%s(?=(%s)%s))?(?P<unit4>(?:%s)%s)?)    # Operator + Unit (4)
        (?!\w)                                      # "end" of word
    """ % tuple([all_symbols, reg.range_pattern(LANG)] + 4 * [all_ops, all_units, exponent, all_units, exponent])


# -- 3. disambiguation without the classifier --------------------------------------------

class TrainingCounts:
    """quantulum3's training texts as counts: per unit name, total characters and word counts.

    :meth:`best` is ``no_classifier.disambiguate_no_classifier``: for each candidate, the count
    of training words (with repeats) found anywhere in the text over the characters of its
    training texts; the highest ratio wins, ties to the higher count, then to the first.

    The training words found in a text are read once per text (:meth:`words_in`, remembered for the
    last few texts: quantulum3 disambiguates every ambiguous unit of a sentence against the same
    text) by walking a trie of all training words from each character; each unit then sums the
    counts of its own words among them. Building every substring of the text up to
    :data:`LONGEST_SUBSTRING` characters and intersecting that set with each unit's words, as sayso
    did before, cost 0.35 ms of CPU per Reuters story (1,000 substrings for a 41-character sentence);
    the walk stops where no training word continues, after about three characters.
    """

    def __init__(self, totals: dict[str, int], words: dict[str, Counter]) -> None:
        self.totals = totals
        self.short = {unit: {w: c for w, c in counts.items() if len(w) <= LONGEST_SUBSTRING}
                      for unit, counts in words.items()}
        self.long = {unit: [(w, c) for w, c in counts.items() if len(w) > LONGEST_SUBSTRING]
                     for unit, counts in words.items()}
        self.trie = _word_trie(w for counts in self.short.values() for w in counts if w)
        self.words_in = lru_cache(maxsize=WORDS_IN_CACHE)(self._words_in)

    @classmethod
    def build(cls) -> "TrainingCounts":
        from quantulum3 import load

        totals: dict[str, int] = defaultdict(int)
        words: dict[str, Counter] = defaultdict(Counter)
        for word_set in load.training_set(LANG):
            totals[word_set["unit"]] += len(word_set["text"])
            words[word_set["unit"]].update(word_set["text"].split(" "))
        return cls(dict(totals), dict(words))

    def _words_in(self, text: str) -> frozenset[str]:
        """The short training words that occur in ``text`` (the empty one always does)."""
        found, trie, n = {""}, self.trie, len(text)
        for i in range(n):
            node, j = trie, i
            while j < n and (node := node.get(text[j])) is not None:
                j += 1
                if _END in node:
                    found.add(text[i:j])
        return frozenset(found)

    def count(self, unit: str, found: frozenset[str], text: str) -> int:
        short = self.short.get(unit, {})
        total = sum(short[w] for w in found if w in short)
        return total + sum(c for w, c in self.long.get(unit, ()) if w in text)

    def best(self, entities, text: str):
        """The entity quantulum3 would choose for ``text`` (None when there is none)."""
        found = self.words_in(text)
        best, best_count, best_relative = None, 0, 0
        for entity in entities:
            total = self.totals.get(entity.name, 0)
            count = self.count(entity.name, found, text)
            relative = count / total if total else 0
            if relative > best_relative or (relative == best_relative and count > best_count):
                best, best_count, best_relative = entity, count, relative
        return best


_END = ""  # the key that marks a whole word in a trie node (no word character is empty)
WORDS_IN_CACHE = 64


def _word_trie(words) -> dict:
    """Nested dicts, one level per character; a node holding :data:`_END` ends a word."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return trie
