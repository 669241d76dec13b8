"""Self-introductions: in a transcript, people who speak name themselves ("Hi. I'm Ana Lima, I work at X
Institute", "My name is Ana Lima"), often by given name only and often with no label before their turn.

The words "I'm" or "my name is" say the name is a person's, so neither the NER's PERSON tag nor a second word is
needed (`models/speaker_patterns.json` `self_introduction`). What they say of themselves right after ("from X",
"I work at X", "I'm the technologist at X") gives their institution; where they come from ("I'm from Examplia")
is their background, not a country they speak for.
"""

from __future__ import annotations

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from ..resources import load_json
from ..spans import doc_entities, token_positions
from .fields import Field
from .layout import document_lines, line_of
from .match import SpeakerMatch
from .names import name_end
from .slots import SlotParser

SELF_DESCRIBED_SENTENCES = 3
"""The introduction's sentence and the two after it: "I'm Ana Lima. I work at X. I'm interested in Y"."""
_NOT_NAMES = frozenset({"NORP", "LOC", "ORG", "DATE", "TIME", "CARDINAL", "FAC", "EVENT", "LANGUAGE"})
"""A single word the NER tags so is no given name ("I'm Vox"); one it took for a place is ("I'm Kabya")."""
_AFFILIATION_WORDS = frozenset({"at", "with", "for", "from", "in", "of"})
"""The words before an institution in "from X", "I work at X", "a fellow with X"."""


class SelfIntroductionReader:
    """Speakers who introduce themselves in the first person."""

    def __init__(self, slots: SlotParser) -> None:
        self.cues = slots.cues
        self.fields = slots.fields
        self._patterns = load_json("speaker_patterns.json")["self_introduction"]
        self._first_words = frozenset(pattern[0]["LOWER"] for pattern in self._patterns)  # "i", "my"
        self._longest = max(map(len, self._patterns))
        self._matchers: dict[int, Matcher] = {}

    def read(self, doc: Doc) -> list[SpeakerMatch]:
        names = {start: name for start, end in self._leads(doc).items() if (name := self._name(doc, end)) is not None}
        found = []
        for name in names.values():
            match = SpeakerMatch(name=name, mentions=[name])
            organisation = self._affiliation(doc, name, set(names))
            if organisation is not None:
                self.fields.apply_fields(match, [Field(organisation)])
            found.append(match)
        return found

    def _leads(self, doc: Doc) -> dict[int, int]:
        """Where each "I'm"/"my name is" starts, and where the name after it starts.

        Matched in a window at each of the patterns' first words only (the patterns are words in a row, each
        opening on a word of its own): a `Matcher` makes a `Token` of every word it is given, and most reports
        say "I" or "my" seldom or never."""
        matcher = self._matchers.get(id(doc.vocab))
        if matcher is None:
            matcher = self._matchers[id(doc.vocab)] = Matcher(doc.vocab)
            matcher.add("self_introduction", self._patterns)
        windows = ((i, doc[i : i + self._longest]) for i in token_positions(doc, self._first_words))
        return {i: i + end for i, window in windows for _, start, end in matcher(window) if start == 0}

    def _name(self, doc: Doc, start: int) -> Span | None:
        """One to three name words, ended by punctuation or "and"/"from": not a title, a place or a body."""
        end = name_end(doc, start, self.cues.name_particles, longest=3)
        if end == start or end < len(doc) and (doc[end].text in ("’s", "'s") or doc[end].is_alpha and doc[end].lower_ not in ("and", "from")):
            return None
        name = doc[start:end]
        if any(self.cues.is_honorific(t) for t in name) or self.cues.looks_like_title(name.text):
            return None  # "I am Minister of X"
        if self.fields.countries.lookup(name.text) or self.fields.countries.demonym(name.text):
            return None  # "I'm Kenyan"
        if len(name) > 1:
            return name if self.fields.is_name(name) else None  # the words say it is a person, whatever the NER's tag
        word = name[0]
        return name if (word.pos_ == "PROPN" or word.ent_type_ == "PERSON") and word.ent_type_ not in _NOT_NAMES else None

    def _affiliation(self, doc: Doc, name: Span, introductions: set[int]) -> Span | None:
        """The first institution after an affiliation word in the sentences that follow the name, within its line."""
        lines = document_lines(doc)
        line = line_of(lines, name.start)
        end = line.span.end if line is not None else len(doc)
        sentences = 0
        for token in doc[name.end : end]:
            if token.is_sent_start:
                sentences += 1
                if sentences >= SELF_DESCRIBED_SENTENCES or token.i in introductions:
                    return None  # another person's introduction
            if token.lower_ in _AFFILIATION_WORDS and (body := self._body_at(doc, token.i + 1)) is not None:
                return body
        return None

    def _body_at(self, doc: Doc, i: int) -> Span | None:
        """An organisation tagged at token i (after "the"), or any entity there named as an institution is."""
        if i < len(doc) and doc[i].lower_ == "the":
            i += 1
        entity = doc_entities(doc).starting_at(i) or (doc_entities(doc).starting_at(i - 1) if i > 0 else None)
        if entity is None:
            return None
        body = entity[1:] if entity[0].lower_ == "the" else entity
        if not body or not (entity.label_ == "ORG" or self.fields.institution_named(body.text)):
            return None  # an institution the NER took for a place ("the Harbour Programme") still is one
        return body

