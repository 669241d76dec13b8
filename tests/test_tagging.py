"""The indexed attribute ruler sets what the model's `AttributeRuler` sets, in the same order."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline import Extractor
from pipeline.attribute_index import IndexedAttributeRuler
from pipeline.tagging import DEFAULT_MODEL

SENTENCES = [
    # "is" is a VBZ (POS VERB) and then "is" as VBZ (AUX): the later pattern must win; "gon na" and "there are"
    # are multi-token patterns, the second overriding a one-token one on "are".
    "Ms Oluwaseun Brandvik, who is gonna chair it, said there are ties with Quorvania and that I ain't sure.",
    "Dr Tamsin Okonkwo-Lindqvist does not know it; let's ask you whether nothin' has changed since 2019.\n\n  Done.",
    "Y'all got ta see what Vellmark Institute has: the Director-General gave it to them and us.",
]


@pytest.fixture(scope="module")
def model() -> Language:
    return spacy.load(DEFAULT_MODEL)


def attributes(doc: Doc) -> list[tuple[str, str, str, str, str]]:
    return [(token.tag_, token.pos_, str(token.morph), token.lemma_, token.dep_) for token in doc]


def test_same_attributes_as_the_models_ruler(model: Language) -> None:
    ruler = model.get_pipe("attribute_ruler")
    indexed = IndexedAttributeRuler(model.vocab)
    indexed.add_patterns(ruler.patterns)
    assert indexed.lookups and len(indexed.matcher)  # both ways of matching are exercised
    with model.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = list(model.pipe(SENTENCES))
    for doc in docs:
        assert attributes(indexed(doc.copy())) == attributes(ruler(doc.copy()))


def test_later_patterns_win_across_lookup_and_matcher(model: Language) -> None:
    indexed = IndexedAttributeRuler(model.vocab)
    indexed.add_patterns([
        {"patterns": [[{"LOWER": "brandvik"}]], "attrs": {"LEMMA": "first"}},
        {"patterns": [[{"LOWER": "oluwaseun"}, {"LOWER": "brandvik"}]], "attrs": {"LEMMA": "second"}, "index": -1},
        {"patterns": [[{"LOWER": {"IN": ["oluwaseun", "quorvania"]}, "TAG": "NNP"}]], "attrs": {"LEMMA": "third"}},
        {"patterns": [[{"LOWER": "oluwaseun", "OP": "+"}]], "attrs": {"LEMMA": "fourth"}},
    ])
    doc = indexed(model("Ms Oluwaseun Brandvik visited Quorvania."))
    assert [token.lemma_ for token in doc[1:5]] == ["fourth", "second", "visit", "third"]


def test_the_pipeline_uses_the_indexed_ruler(extractor: Extractor) -> None:
    assert isinstance(extractor.nlp.get_pipe("attribute_ruler"), IndexedAttributeRuler)
