"""The indexed lemmatizer sets the lemmas the model's rule lemmatizer sets."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline import Extractor
from pipeline.lemma_index import IndexedLemmatizer
from pipeline.tagging import DEFAULT_MODEL

TEXTS = [
    # one word as a noun and a verb ("leaves", "meeting", "met"), a base form and an inflected one of the same text,
    # lemmas the attribute ruler sets before the lemmatizer ("gonna", "ain't", "let's")
    "She leaves the meeting as the leaves fall; we met them, meeting old partners, and I ain't gonna go, let's see.",
    "Delegates meeting in Quorvania said the meetings were useful.\n\n  The leaves fell and she leaves.",
]


@pytest.fixture(scope="module")
def model() -> Language:
    return spacy.load(DEFAULT_MODEL)


def lemmas(doc: Doc) -> list[str]:
    return [token.lemma_ for token in doc]


def test_same_lemmas_as_the_models_lemmatizer_and_again_from_its_memory(model: Language) -> None:
    lemmatizer = model.get_pipe("lemmatizer")
    indexed = IndexedLemmatizer()
    indexed.use(lemmatizer)
    with model.select_pipes(disable=["lemmatizer", "ner"]):
        docs = list(model.pipe(TEXTS * 2))  # the second round is read from what the first one lemmatized
    assert any(token.lemma for doc in docs for token in doc)  # the attribute ruler's lemmas are kept
    for doc in docs:
        assert lemmas(indexed(doc.copy())) == lemmas(lemmatizer(doc.copy()))


def test_the_pipeline_uses_the_indexed_lemmatizer_with_the_models_tables(extractor: Extractor) -> None:
    lemmatizer = extractor.nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, IndexedLemmatizer)
    assert lemmatizer.lookups is not None and lemmatizer.lookups.has_table("lemma_index")  # given_name_persons' nouns
