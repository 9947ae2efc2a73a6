"""The model's attribute ruler and lemmatizer, memoised: the same POS, morphology and lemmas, cheaper.

In ``en_core_web_sm`` the attribute ruler (a Matcher of 179 patterns that maps tags to POS and
morphology, with exceptions by word and dependency) and the rule lemmatizer cost about a fifth of
the whole parse (measured: 1.96 s of 10.0 s of CPU on 300 Reuters stories), more than the
dependency parser. Both decide one token from a few of its own attributes, so their answers are
remembered:

- the attribute ruler's single-token patterns read a token's lower-cased form, tag, dependency
  label and whether it is a space, nothing else. The form matters only when some pattern names
  it (about 100 words); every other word is read as "no listed word". Its answer for such a key
  (POS, morphology, lemma, and tag and dependency for spaces) is taken from a doc the real ruler
  processed; a doc with a key not seen yet, or one where one of its few multi-token patterns
  matches ("there is", "gonna"), is handed to the real ruler whole;
- the lemmatizer decides from the form, POS and morphology; its answer is remembered per such
  triple (spaCy's own cache skips proper nouns, numbers and base forms: most of news).

``tests/test_nlp_memo.py`` checks token by token that a pipeline with this component gives the
same tags, POS, morphology, lemmas, dependencies and entities as the model's own.
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

NAME = "sayso_memo_attributes"
MAX_REMEMBERED = 1_000_000
"""Entries kept per table before it is emptied (memory stays bounded on any corpus)."""
_READ = [LOWER, TAG, DEP, IS_SPACE, POS, MORPH, LEMMA, ORTH]
_WRITTEN = [POS, MORPH, LEMMA, TAG, DEP]


class MemoAttributes:
    """Runs ``ruler`` and then ``lemmatizer`` as the pipeline did, from remembered answers."""

    def __init__(self, ruler, lemmatizer) -> None:
        self.ruler, self.lemmatizer, self.vocab = ruler, lemmatizer, ruler.vocab
        _index_as_sets(lemmatizer)
        self._word_tests = _lower_tests(ruler.patterns)
        self._multi = Matcher(self.vocab)
        self._needs: list[list[tuple[int, frozenset[int]]]] = []
        for number, rule in enumerate(ruler.patterns):
            longer = [p for p in rule["patterns"] if len(p) > 1]
            if longer:
                self._multi.add(f"multi{number}", longer)
                self._needs += [_needs(self.vocab, p) for p in longer]
        self._reduced: dict[int, int] = {}
        self._outcomes: dict[tuple, tuple] = {}
        self._lemmas: dict[tuple, int] = {}

    def __call__(self, doc):
        if len(doc) == 0:
            return doc
        rows = doc.to_array(_READ)
        if rows[:, 4:7].any():  # already annotated: the real components decide (not in sayso's pipeline)
            return self._real(doc, None)
        reduced, reduce = self._reduced, self._reduce
        keys = [(reduced[low] if low in reduced else reduce(low), tag, dep, space)
                for low, tag, dep, space in rows[:, :4].tolist()]
        outcomes = self._outcomes
        unseen = {k: i for i, k in reversed(list(enumerate(keys))) if k not in outcomes}
        if unseen:
            self._learn(doc, rows, unseen)
        if any(k not in outcomes for k in unseen):
            return self._real(doc, keys)
        # five uint64 columns, one array made at once (a row assigned per token cost 0.3 ms a story)
        values = numpy.array([outcomes[key] for key in keys], dtype=rows.dtype)
        for start, end in self._multi_windows(doc, rows):
            window = self._probe(doc, rows, range(start, end), [bool(t.whitespace_) for t in doc[start:end]])
            values[start:end] = self.ruler(window).to_array(_WRITTEN)
        doc.from_array(_WRITTEN, values)
        self._fill_lemmas(doc, values[:, 2], rows[:, 7].tolist())
        return doc

    def _probe(self, doc, rows, indices, spaces: list[bool]) -> Doc:
        """A small doc of the tokens at ``indices``: their words, spaces, tags and labels only
        (``Span.as_doc`` would relabel a token whose head lies outside), for the real ruler."""
        indices = list(indices)
        probe = Doc(self.vocab, words=[doc[i].text for i in indices], spaces=spaces)
        probe.from_array([TAG, DEP], rows[indices, 1:3])
        return probe

    def _multi_windows(self, doc, rows) -> list[list[int]]:
        """The token ranges where multi-token patterns match ("there is", "gonna"), overlapping
        ones joined. The real ruler decides those tokens, run on a doc of just that range: every
        pattern that touches them lies inside it, and a single-token pattern reads only its own
        token, so the answer is the whole doc's (3.8 ms a doc for the real ruler on the 12% of
        Reuters stories with such a match). The Matcher runs only when the doc holds, for some
        pattern, a word (and a label) every one of its tokens that names them needs."""
        present = {LOWER: set(rows[:, 0].tolist()), DEP: set(rows[:, 2].tolist())}
        if not any(all(present[attr] & allowed for attr, allowed in needs) for needs in self._needs):
            return []
        windows: list[list[int]] = []
        for start, end in sorted((start, end) for _, start, end in self._multi(doc, allow_missing=True)):
            if windows and start < windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], end)
            else:
                windows.append([start, end])
        return windows

    def _learn(self, doc, rows, unseen: dict[tuple, int]) -> None:
        """Ask the real ruler about unseen keys: one small doc of the tokens that carry them
        (their own words, tags and labels), each token read alone unless a multi-token pattern
        joins it to its neighbour (then the key stays unseen and the whole doc goes to the ruler)."""
        order = list(unseen.items())
        probe = self._probe(doc, rows, [i for _, i in order], [False] * len(order))
        touched = {t for _, start, end in self._multi(probe, allow_missing=True) for t in range(start, end)}
        after = self.ruler(probe).to_array(_WRITTEN)
        if len(self._outcomes) >= MAX_REMEMBERED:
            self._outcomes.clear()
        for j, (key, _) in enumerate(order):
            if j not in touched:
                self._outcomes[key] = tuple(after[j].tolist())

    def _reduce(self, lower: int) -> int:
        """``lower`` when some single-token pattern names that word, else 0."""
        reduced = self._reduced.get(lower)
        if reduced is None:
            text = self.vocab.strings[lower]
            words, patterns = self._word_tests
            reduced = lower if text in words or any(p.search(text) for p in patterns) else 0
            if len(self._reduced) >= MAX_REMEMBERED:
                self._reduced.clear()
            self._reduced[lower] = reduced
        return reduced

    def _fill_lemmas(self, doc, lemmas, orths: list[int]) -> None:
        """The lemmatizer's answer for every token the ruler left without a lemma."""
        known, pos, morph = self._lemmas, doc.to_array([POS]).tolist(), doc.to_array([MORPH]).tolist()
        missing = False
        for i, lemma in enumerate(lemmas.tolist()):
            if lemma:
                continue
            key = (orths[i], pos[i], morph[i])
            found = known.get(key)
            if found is None:
                found = self.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                if len(known) >= MAX_REMEMBERED:
                    known.clear()
                known[key] = found
            lemmas[i] = found
            missing = True
        if missing:
            doc.from_array([LEMMA], lemmas)

    def _real(self, doc, keys):
        """The real ruler and lemmatizer on ``doc``; remember the ruler's answers it can vouch for."""
        touched = set()
        if keys is not None:
            for _, start, end in self._multi(doc, allow_missing=True):
                touched.update(range(start, end))
        doc = self.ruler(doc)
        if keys is not None:
            after = doc.to_array(_WRITTEN)
            if len(self._outcomes) >= MAX_REMEMBERED:
                self._outcomes.clear()
            for i, key in enumerate(keys):
                if i not in touched:
                    self._outcomes.setdefault(key, tuple(after[i].tolist()))
            # the lemmas from the remembered answers too (the real lemmatizer cost 3.0 ms a doc)
            self._fill_lemmas(doc, after[:, 2].copy(), doc.to_array([ORTH]).tolist())
            return doc
        return self.lemmatizer(doc)


def _index_as_sets(lemmatizer) -> None:
    """The lemmatizer's word index per POS as frozensets, not lists: its rules ask ``form in index``
    of every candidate form, a scan of up to 57,528 nouns in the model's lists (90 us a call; 10,221
    calls on 400 Reuters stories, 2.3 ms a story). Only membership is asked, so lemmas are the same."""
    table = getattr(lemmatizer, "lookups", None)
    if table is None or not table.has_table("lemma_index"):
        return
    index = table.get_table("lemma_index")
    for key in list(index.keys()):
        if isinstance(index[key], list):
            index[key] = frozenset(index[key])


def _needs(vocab, pattern) -> list[tuple[int, frozenset[int]]]:
    """(attribute, allowed values) for each token of ``pattern`` that names its word or label
    outright (a string or an IN list): without such a value in the doc, the pattern cannot match."""
    needs = []
    for token in pattern:
        for name, attr in (("LOWER", LOWER), ("DEP", DEP)):
            condition = token.get(name)
            values = [condition] if isinstance(condition, str) else (
                condition.get("IN") if isinstance(condition, dict) and set(condition) == {"IN"} else None)
            if values is not None:
                needs.append((attr, frozenset(vocab.strings.add(v) for v in values)))
    return needs


def _lower_tests(patterns) -> tuple[frozenset[str], list[re.Pattern]]:
    """The words the single-token patterns name (LOWER as a string or an IN list) and their LOWER
    regexes; a condition of another kind makes every word count as named (a regex matching all)."""
    words: set[str] = set()
    regexes: list[re.Pattern] = []
    for rule in patterns:
        for pattern in rule["patterns"]:
            if len(pattern) != 1 or "LOWER" not in pattern[0]:
                continue
            condition = pattern[0]["LOWER"]
            if isinstance(condition, str):
                words.add(condition)
            elif set(condition) == {"IN"}:
                words.update(condition["IN"])
            elif set(condition) == {"REGEX"}:
                regexes.append(re.compile(condition["REGEX"]))
            else:
                return frozenset(), [re.compile("")]
    return frozenset(words), regexes


def memoise(nlp: Language) -> Language:
    """Replace ``attribute_ruler`` and ``lemmatizer`` of ``nlp`` by one memoised component.

    Nothing changes when they are absent or not next to each other (a component between them
    might read the ruler's output before the lemmatizer's)."""
    names = nlp.pipe_names
    if "attribute_ruler" not in names or "lemmatizer" not in names:
        return nlp
    at = names.index("attribute_ruler")
    if names.index("lemmatizer") != at + 1:
        return nlp
    nlp.add_pipe(NAME, after="lemmatizer")
    nlp.remove_pipe("attribute_ruler")
    nlp.remove_pipe("lemmatizer")
    return nlp


@Language.factory(NAME)
def _make(nlp: Language, name: str) -> MemoAttributes:
    """Built from the pipeline's own attribute ruler and lemmatizer (see :func:`memoise`)."""
    return MemoAttributes(nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer"))
