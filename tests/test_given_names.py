"""Persons recognised by their given name, and name fields no person has."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from pipeline import Extractor, document_from_text
from pipeline.given_names import GivenNamePersons

GIVEN = ["Ingrid", "Kwame", "Grace", "Julian"]
NOUNS = ["foundation", "university", "reference", "frame", "personality", "method"]


@pytest.fixture(scope="module")
def persons() -> GivenNamePersons:
    return GivenNamePersons(GIVEN, NOUNS, ["geodetic"])


def tagged(words: list[str], label: str) -> Doc:
    doc = Doc(spacy.blank("en").vocab, words=words)
    doc.ents = [Span(doc, 0, len(words), label=label)]
    return doc


@pytest.mark.parametrize(("words", "label"), [(["Ingrid", "Solvang"], "ORG"), (["Kwame", "Osei", "Mensah"], "GPE")])
def test_a_name_opening_with_a_given_name_is_a_person(persons: GivenNamePersons, words: list[str], label: str) -> None:
    assert [e.label_ for e in persons(tagged(words, label)).ents] == ["PERSON"]


@pytest.mark.parametrize(
    "words",
    [
        ["Grace", "Foundation"],  # an English noun after the given name
        ["Julian", "Fay", "Osei", "Mensah"],  # too long for a name the NER mistook
        ["Ingrid", "solvang"],  # not capitalised
        ["Solvang", "Ingrid"],  # the given name must open it
    ],
)
def test_other_names_keep_their_label(persons: GivenNamePersons, words: list[str]) -> None:
    assert [e.label_ for e in persons(tagged(words, "ORG")).ents] == ["ORG"]


def test_a_plural_noun_is_a_noun(persons: GivenNamePersons) -> None:
    assert [e.label_ for e in persons(tagged(["Grace", "Personalities"], "ORG")).ents] == ["ORG"]


def test_a_name_no_entity_covers_ends_a_run_of_capitalised_words(persons: GivenNamePersons) -> None:
    doc = Doc(spacy.blank("en").vocab, words=["Bayesian", "Methods", "Ingrid", "Solvang", "from", "Examplia", "presented"])
    assert [(e.text, e.label_) for e in persons(doc).ents] == [("Ingrid Solvang", "PERSON")]


def test_an_untagged_run_of_english_words_is_no_name(persons: GivenNamePersons) -> None:
    doc = Doc(spacy.blank("en").vocab, words=["Grace", "Methods", "were", "shown"])
    assert list(persons(doc).ents) == []


def test_a_name_the_gazetteers_know_keeps_its_label(persons: GivenNamePersons) -> None:
    doc = tagged(["Kwame", "Solvang"], "ORG")
    for token in doc:
        token.ent_id_ = "kwame-solvang-trust"
    assert [e.label_ for e in persons(doc).ents] == ["ORG"]


def test_names_of_english_words_only_are_no_ones(persons: GivenNamePersons) -> None:
    def words(*written: str) -> Span:
        return Doc(spacy.blank("en").vocab, words=list(written))[:]

    assert persons.names_no_one(words("Geodetic", "Reference", "Frame"))
    assert not persons.names_no_one(words("JULIAN", "Frame"))  # a given name, in capitals too
    assert not persons.names_no_one(words("Reference", "Solvang"))  # a word no dictionary has


def names(extractor: Extractor, text: str) -> list[str]:
    return [speaker.name for speaker in extractor.extract(document_from_text(text)).speakers]


def test_a_name_field_of_english_words_is_no_person(extractor: Extractor) -> None:
    programme = "Programme\n\nChair: Geodetic Reference Frame, Examplia Institute of Geodesy\n\nSpeaker: Ana Lima, Examplia Institute of Geodesy\n"
    assert names(extractor, programme) == ["Ana Lima"]
