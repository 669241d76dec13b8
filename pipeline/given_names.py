"""Persons the NER took for places or institutions, recognised by their given name.

The small English model tags many two-word names as a place or an organisation ("Ingrid Solberg" as ORG,
"Kwame Asante" as GPE), most often in lists and captions with no sentence around them to say "person". A name
that opens with a given name (`models/given_names.txt`, see `scripts/build_given_names.py`) and whose other
words are no English nouns is a person's: "Grace Foundation" and "Victoria University" keep their labels, and
so does every name a gazetteer knows. The same holds for a name no entity covers at the end of a run of
capitalised words, as programmes write a talk's title and its speaker ("Bayesian Methods Christopher Bonnett").

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
_NAMEABLE = TAKEN_FOR_PERSONS | {""}
"""Those labels, or none: words no entity covers."""


def _forms(token: Token) -> tuple[str, ...]:
    """The word in lower case, its lemma, and its singular: the lemmatizer leaves a capitalised plural as it is
    ("Personalities")."""
    lower = token.lower_
    singular = lower[:-3] + "y" if lower.endswith("ies") else lower[:-1] if lower.endswith("s") else lower
    return lower, token.lemma_.lower(), singular


def _untagged_runs(doc: Doc) -> list[Span]:
    """Runs of capitalised words no entity covers, each on one line."""
    runs, start = [], None
    for token in doc:
        inside = token.is_alpha and token.is_title and not token.ent_type_
        if inside and start is None:
            start = token.i
        if start is not None and (not inside or "\n" in token.whitespace_):
            end = token.i + 1 if inside else token.i
            runs.append(doc[start:end])
            start = None
    if start is not None:
        runs.append(doc[start:])
    return runs


class GivenNamePersons:
    """Retags, as PERSON, an entity of two or three capitalised words that opens with a given name, and tags
    such a name where no entity covers it."""

    def __init__(self, given_names: Iterable[str], nouns: Iterable[str], adjectives: Iterable[str] = ()) -> None:
        self.given_names = frozenset(given_names)
        self.nouns = frozenset(nouns)
        self.words = self.nouns | frozenset(adjectives)

    def is_given_name(self, token: Token) -> bool:
        """As written or, in a name set in capitals ("JULIAN FAY"), capitalised."""
        return token.text in self.given_names or token.is_upper and token.text.capitalize() in self.given_names

    def is_english_word(self, token: Token) -> bool:
        return any(form in self.words for form in _forms(token))

    def is_english_noun(self, token: Token) -> bool:
        return any(form in self.nouns for form in _forms(token))

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
        untagged = self.untagged_names(doc)
        if untagged:
            doc.ents = sorted([*doc.ents, *untagged], key=lambda e: e.start)
        return doc

    def untagged_names(self, doc: Doc) -> list[Span]:
        """Names the NER left untagged at the end of a run of capitalised words ("Bayesian Methods Christopher
        Bonnett from X presented"): a given name and one or two more words, no English noun among them."""
        names = []
        for run in _untagged_runs(doc):
            tails = (run[first:] for first in (len(run) - 3, len(run) - 2) if first >= 0)
            if (tail := next((tail for tail in tails if self.names_a_person(tail)), None)) is not None:
                names.append(Span(doc, tail.start, tail.end, label="PERSON"))
        return names

    def find(self, doc: Doc) -> list[Span]:
        return [entity for entity in doc.ents if self.names_a_person(entity)]

    def names_a_person(self, name: Span) -> bool:
        """`name`: an entity, or words no entity covers (no label)."""
        if name.label_ not in _NAMEABLE or name.ent_id_ or not 2 <= len(name) <= 3:
            return False
        if name[0].text not in self.given_names or not all(t.is_alpha and t.is_title for t in name):
            return False
        return not any(self.is_english_noun(t) for t in name[1:])
