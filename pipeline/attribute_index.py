"""The model's attribute ruler, with its one-token patterns looked up rather than matched.

spaCy's `AttributeRuler` runs a `Matcher` over every token for every pattern. In the English models nearly all of
them are one token long and ask plain equality of a few attributes (`{"TAG": "NNP"}`, `{"LOWER": "is", "TAG":
"VBZ"}`): those are found with one dict look-up per token and per set of attributes asked; a few also exclude
values (`{"DEP": {"IN": ["aux", "auxpass"]}, "TAG": {"NOT_IN": ["TO", ""]}}`), checked after the look-up. The rest
(several tokens, operators, REGEX ...) stay in a `Matcher`. Matches are then applied as the `AttributeRuler`
applies them (sorted by pattern number, so later patterns win), with the same function, so the tokens end up with
the same tags, POS, morphology and lemmas.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import product
from operator import itemgetter
from typing import Any

from spacy.attrs import ENT_IOB, IDS, MORPH, SENT_START
from spacy.errors import Errors
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import normalize_token_attrs, set_token_attrs
from spacy.vocab import Vocab

_MATCHED_OWN_WAY = frozenset({SENT_START, ENT_IOB, MORPH})
"""Attributes the `Matcher` does not compare as the stored value: a boolean sentence start, IOB names, MORPH
normalised for IN. Patterns on them stay in the `Matcher`."""

Exclusions = tuple[tuple[int, frozenset[int]], ...]
"""A one-token pattern's NOT_IN constraints: (attribute id, the values the token must not have)."""

Match = tuple[int, int, int]
"""(pattern number, start, end): `AttributeRuler.match`'s sort key, without the match id that repeats the number."""


class IndexedAttributeRuler:
    """A spaCy component with `AttributeRuler`'s `add` and `add_patterns`, and its effects.

    `lookups`: for each set of attribute ids a one-token pattern constrains by equality or IN, the patterns (their
    numbers, with their exclusions) under each tuple of values; an `IN` is one entry per value. `excluded`: the
    attribute ids any of those exclusions reads."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.matcher = Matcher(vocab)
        self.attrs: list[dict[Any, Any]] = []
        self.indices: list[int] = []
        self.lookups: dict[tuple[int, ...], defaultdict[Any, list[tuple[int, Exclusions]]]] = {}
        self.excluded: set[int] = set()
        self.found: dict[tuple[int, ...], list[int]] = {}
        """The one-token patterns (numbers) each row of values met so far matches, until a pattern is added."""

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        """Patterns as `AttributeRuler.patterns` gives them: dicts of `patterns`, `attrs` and `index`."""
        for pattern in patterns:
            self.add(**pattern)

    def add(self, patterns: list[list[dict[Any, Any]]], attrs: dict[Any, Any], index: int = 0) -> None:
        """As `AttributeRuler.add`: the token at `index` of a match of any of `patterns` takes `attrs`."""
        number = len(self.attrs)
        self.found.clear()
        self.attrs.append(normalize_token_attrs(self.vocab, attrs))
        self.indices.append(index)
        matched = []
        for pattern in patterns:
            constraints = self._constraints(pattern) if index in (0, -1) else None
            if constraints is None:
                matched.append(pattern)
                continue
            accepted, exclusions = constraints
            self.excluded.update(attribute for attribute, _ in exclusions)
            attributes = tuple(sorted(accepted))
            lookup = self.lookups.setdefault(attributes, defaultdict(list))
            for values in product(*(accepted[attribute] for attribute in attributes)):
                key = values if len(values) > 1 else values[0]  # as itemgetter gives them
                lookup[key].append((number, exclusions))
        if matched:
            self.matcher.add(str(number), matched)

    def __call__(self, doc: Doc) -> Doc:
        matches = self._looked_up(doc) + [
            (int(self.vocab.strings[match_id]), start, end)
            for match_id, start, end in self.matcher(doc, allow_missing=True, as_spans=False)
        ]
        for number, start, end in sorted(matches):
            set_token_attrs(doc[self._target(number, start, end, doc)], self.attrs[number])
        return doc

    def _looked_up(self, doc: Doc) -> list[Match]:
        """The one-token patterns' matches. Documents repeat their rows of values ("the", ",", "NNP" ...): each
        distinct row is looked up, and its exclusions checked, once in a run (100 summaries: 916 rows for 43,545
        tokens, where a look-up per document's distinct rows made 15,375)."""
        columns = sorted({attribute for attributes in self.lookups for attribute in attributes} | self.excluded)
        if not columns:
            return []
        groups = [(itemgetter(*map(columns.index, attributes)), lookup) for attributes, lookup in self.lookups.items()]
        position = {attribute: i for i, attribute in enumerate(columns)}
        found = self.found
        matches = []
        for i, row in enumerate(map(tuple, doc.to_array(columns).reshape(len(doc), len(columns)).tolist())):
            numbers = found.get(row)
            if numbers is None:
                numbers = found[row] = [
                    number for values, lookup in groups for number, exclusions in lookup.get(values(row), ())
                    if not any(row[position[attribute]] in excluded for attribute, excluded in exclusions)]
            matches.extend((number, i, i + 1) for number in numbers)
        return matches

    def _target(self, number: int, start: int, end: int, doc: Doc) -> int:
        """The token of the match that pattern `number` sets, by its `index` (negative from the end)."""
        index = self.indices[number]
        target = (start if index >= 0 else end) + index
        if not start <= target < end:
            raise ValueError(Errors.E1001.format(patterns=self.matcher.get(str(number)),
                                                 span=[t.text for t in doc[start:end]], index=index))
        return target

    def _constraints(self, pattern: list[dict[Any, Any]]) -> tuple[dict[int, list[int]], Exclusions] | None:
        """A one-token pattern's accepted values per attribute id and its exclusions, as the `Matcher` compares
        them (a string as its hash, a boolean as 0 or 1); None for any other pattern: several tokens, an operator,
        an extension, a predicate other than IN or NOT_IN of strings, or no accepted value to look up."""
        if len(pattern) != 1 or not pattern[0]:
            return None
        accepted = {}
        exclusions = []
        for name, value in pattern[0].items():
            upper = name.upper() if isinstance(name, str) else None
            attribute = IDS.get("ORTH" if upper == "TEXT" else upper)
            if attribute is None or attribute in _MATCHED_OWN_WAY:
                return None
            if isinstance(value, (str, bool, int)):
                accepted[attribute] = [self.vocab.strings.add(value) if isinstance(value, str) else int(value)]
                continue
            predicate, values = next(iter(value.items())) if isinstance(value, dict) and len(value) == 1 else (None, ())
            if predicate not in ("IN", "NOT_IN") or not all(isinstance(v, str) for v in values):
                return None
            hashes = list(dict.fromkeys(self.vocab.strings.add(v) for v in values))
            if predicate == "IN":
                accepted[attribute] = hashes
            else:
                exclusions.append((attribute, frozenset(hashes)))
        return (accepted, tuple(exclusions)) if accepted else None
