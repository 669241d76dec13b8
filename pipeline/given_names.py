"""Persons the NER took for places or institutions, recognised by their given name.

The small English model tags many two-word names as a place or an organisation ("Ingrid Solberg" as ORG,
"Kwame Asante" as GPE), most often in lists and captions with no sentence around them to say "person". A name
that opens with a given name (`models/given_names.txt`, see `scripts/build_given_names.py`) and whose other
words are no English nouns is a person's: "Grace Foundation" and "Victoria University" keep their labels, and
so does every name a gazetteer knows.

The speaker readers ask the same lists about a name field the NER did not tag: if none of its words is a given
name and all are English nouns or adjectives of the lemmatizer's WordNet index ("Geodetic Reference Frame",
"Common Sensing"), it is no person's (`names_no_one`).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

TAKEN_FOR_PERSONS = frozenset({"ORG", "GPE", "FAC", "LOC", "NORP"})
"""The labels the NER gives a person's name it does not know."""


class GivenNamePersons:
    """Retags, as PERSON, an entity of two or three capitalised words that opens with a given name."""

    def __init__(self, given_names: Iterable[str], nouns: Iterable[str], adjectives: Iterable[str] = ()) -> None:
        self.given_names = frozenset(given_names)
        self.nouns = frozenset(nouns)
        self.words = self.nouns | frozenset(adjectives)

    def is_given_name(self, token: Token) -> bool:
        """As written or, in a name set in capitals ("JULIAN FAY"), capitalised."""
        return token.text in self.given_names or token.is_upper and token.text.capitalize() in self.given_names

    def is_english_word(self, token: Token) -> bool:
        return token.lower_ in self.words or token.lemma_.lower() in self.words

    def names_no_one(self, span: Span) -> bool:
        return all(self.is_english_word(t) and not self.is_given_name(t) for t in span)

    @classmethod
    def for_pipeline(cls, nlp: Language, given_names: Iterable[str]) -> GivenNamePersons:
        """English nouns come from the pipeline's lemmatizer tables (WordNet's noun index), when it has them."""
        index: dict[str, list[str]] = {}
        if "lemmatizer" in nlp.pipe_names:
            lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
            if lookups is not None and lookups.has_table("lemma_index"):
                index = lookups.get_table("lemma_index")
        return cls(given_names, index.get("noun", ()), index.get("adj", ()))

    def __call__(self, doc: Doc) -> Doc:
        persons = self.find(doc)
        if persons:
            doc.ents = [Span(doc, e.start, e.end, label="PERSON") if e in persons else e for e in doc.ents]
        return doc

    def find(self, doc: Doc) -> list[Span]:
        return [entity for entity in doc.ents if self.names_a_person(entity)]

    def names_a_person(self, entity: Span) -> bool:
        if entity.label_ not in TAKEN_FOR_PERSONS or entity.ent_id_ or not 2 <= len(entity) <= 3:
            return False
        if entity[0].text not in self.given_names or not all(t.is_alpha and t.is_title for t in entity):
            return False
        return not any(t.lower_ in self.nouns or t.lemma_.lower() in self.nouns for t in entity[1:])
