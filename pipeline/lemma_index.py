"""The model's rule lemmatizer, asked once per distinct word rather than once per token.

spaCy's `Lemmatizer` makes a `Token` for every word of a document, reads its morphology, asks the rules and sets the
lemma by name, one token at a time. In rule mode a lemma depends only on the word's text, part of speech and
morphology: spaCy caches it under (ORTH, POS, MORPH), and the words it does not cache (base forms, lower-cased) depend
on nothing else. So each distinct (ORTH, POS, MORPH) row is lemmatized once, by the same lemmatizer, its lemma kept
for the rest of the run (a corpus repeats its words), and a document's lemmas are written in one `Doc.from_array`.
"""

from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lookups import Lookups
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc


class IndexedLemmatizer:
    """A spaCy component that sets the lemmas the rule-mode `lemmatizer` it is given would set."""

    def __init__(self) -> None:
        self.lemmatizer: Lemmatizer | None = None
        self.lemmas: dict[tuple[int, int, int], int] = {}
        """The lemma (its hash) of each (ORTH, POS, MORPH) row met so far."""

    def use(self, lemmatizer: Lemmatizer) -> None:
        """Lemmatize with `lemmatizer` (the model's, with its tables), which must be in rule mode."""
        if lemmatizer.mode != "rule":
            raise ValueError(f"only a rule-mode lemmatizer has lemmas that depend on the word alone, not {lemmatizer.mode!r}")
        self.lemmatizer = lemmatizer
        self.lemmas.clear()

    @property
    def lookups(self) -> Lookups | None:
        """The tables of the lemmatizer it asks, where a `Lemmatizer` has them: `given_name_persons` reads its English
        nouns off the component named "lemmatizer"."""
        return self.lemmatizer.lookups if self.lemmatizer is not None else None

    def __call__(self, doc: Doc) -> Doc:
        """As `Lemmatizer.__call__`: tokens that have a lemma (from the attribute ruler) keep it unless it overwrites."""
        if self.lemmatizer is None:
            raise ValueError("no lemmatizer to ask: call `use` first")
        overwrite, strings = self.lemmatizer.overwrite, doc.vocab.strings
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
            if lemma and not overwrite:
                lemmas.append(lemma)
                continue
            known = self.lemmas.get((orth, pos, morph))
            if known is None:
                known = self.lemmas[orth, pos, morph] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas.append(known)
        if lemmas:
            doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64))
        return doc
