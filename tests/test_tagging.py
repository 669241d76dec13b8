"""The indexed attribute ruler sets what the model's `AttributeRuler` sets, in the same order."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
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
    # Patterns with NOT_IN: "was" (auxpass) is an AUX but "to" (aux, TO) is not; "that" and "those" (DT, not det)
    # are pronouns but "the" (det) is not; the space above is a "dep".
    "All of that was said in Quorvania, and those who came wanted to stay.",
]

EXCLUDING = [
    {"patterns": [[{"TAG": "NNP", "LOWER": {"NOT_IN": ["quorvania", "ms"]}}]], "attrs": {"LEMMA": "person"}},
    {"patterns": [[{"DEP": {"IN": ["aux", "auxpass"]}, "TAG": {"NOT_IN": ["TO", ""]}}]], "attrs": {"POS": "AUX"}},
    {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"LEMMA": "space"}},
]
"""Invented one-token patterns with NOT_IN, one excluding the empty value a token has before parsing."""


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


def test_a_pattern_added_after_use_applies_to_rows_already_met(model: Language) -> None:
    """The rows a ruler has met keep their patterns for the next documents, until a pattern is added."""
    indexed = IndexedAttributeRuler(model.vocab)
    indexed.add_patterns([{"patterns": [[{"LOWER": "brandvik"}]], "attrs": {"LEMMA": "first"}}])
    assert indexed(model("Ms Oluwaseun Brandvik visited Quorvania."))[2].lemma_ == "first"
    indexed.add_patterns([{"patterns": [[{"LOWER": "brandvik"}]], "attrs": {"LEMMA": "second"}}])
    assert indexed(model("Ms Oluwaseun Brandvik visited Quorvania."))[2].lemma_ == "second"


def test_exclusions_are_looked_up_with_the_rulers_effects(model: Language) -> None:
    ruler = AttributeRuler(model.vocab)
    ruler.add_patterns(EXCLUDING)
    indexed = IndexedAttributeRuler(model.vocab)
    indexed.add_patterns(EXCLUDING)
    assert not len(indexed.matcher)  # all three looked up
    with model.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        parsed = model("Ms Oluwaseun Brandvik was sent to Quorvania.\n\n  She wanted to stay.")
    unparsed = Doc(model.vocab, words=["Brandvik", "\n\n", "was", "sent"], tags=["NNP", "_SP", "VBD", "VBN"])
    for doc in (parsed, unparsed):
        assert attributes(indexed(doc.copy())) == attributes(ruler(doc.copy()))
    parsed, unparsed = indexed(parsed), indexed(unparsed)
    assert [token.lemma_ for token in parsed[:3]] + [parsed[6].lemma_, parsed[8].lemma_] == [
        "", "person", "person", "", "space"]
    assert [(token.text, token.pos_) for token in parsed if token.dep_ in ("aux", "auxpass")] == [
        ("was", "AUX"), ("to", "")]
    assert [token.lemma_ for token in unparsed] == ["person", "", "", ""]


def test_the_pipeline_uses_the_indexed_ruler(extractor: Extractor) -> None:
    assert isinstance(extractor.nlp.get_pipe("attribute_ruler"), IndexedAttributeRuler)
