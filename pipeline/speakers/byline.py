"""The narrator: a report its writer tells in the first person ("Why was I there?", "my panel"), naming them only in
its byline ("By Ana Lima", a front matter's "author: Ana Lima", which ingest keeps for this).

A byline alone makes no speaker: a journalist or a rapporteur writes about an event in the third person. The writer
takes part when the body says "I" or "my" in their own words, outside quotation marks, more than once.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span, Token

from ..spans import document_text
from .cues import SpeakerCues
from .layout import document_lines
from .match import SpeakerMatch
from .names import name_end
from .slots import SlotParser

HEAD_LINES = 5
"""A byline sits among the first lines, with the title and the date."""
MIN_FIRST_PERSON = 2
"""How often the writer says "I" or "my" to count as narrating: once may be a figure of speech."""
_NOT_BODIES = frozenset({"PERSON", "GPE", "LOC", "FAC", "DATE", "EVENT"})
_QUOTED = re.compile(r"[“„″\"][^”″\"\n]*[”″\"]")


class BylineReader:
    """The writer named in a byline, when the body is their first-person account."""

    def __init__(self, cues: SpeakerCues, slots: SlotParser) -> None:
        self.cues = cues
        self.slots = slots

    def read(self, doc: Doc) -> list[SpeakerMatch]:
        for line in document_lines(doc)[:HEAD_LINES]:
            start = self._after_lead(line.span)
            name = self._name(line.span, start) if start is not None else None
            if name is not None and self._narrates(doc, name.end):
                return [SpeakerMatch(name=name, organisation=self._side(doc, name.end), mentions=[name])]
        return []

    def _name(self, line: Span, start: int) -> Span | None:
        """The rest of the byline, when it is two to four name words and no institution's or country's name. The
        byline says it is a person, so the NER's tag is not asked ("Marcus Davies" is tagged ORG)."""
        end = name_end(line.doc, start, self.cues.name_particles, longest=4)
        name = line.doc[start:end]
        fields = self.slots.fields
        if end != line.end or len(name) < 2:
            return None
        return None if fields.words.is_institution(name.text) or fields.countries.lookup(name.text) else name

    def _after_lead(self, line: Span) -> int | None:
        """Where the name starts after a byline's lead ("By", "Written by", "author:"), or None without one."""
        words = line.text.lower()
        for lead in self.cues.byline_leads:
            if words.startswith(lead) and words[len(lead) : len(lead) + 1] in (" ", ":"):
                end = line.start_char + len(lead)
                return next((t.i for t in line if t.idx >= end and t.text != ":" and not t.is_space), None)
        return None

    def _narrates(self, doc: Doc, start: int) -> bool:
        """The first person singular after the byline, in the writer's own words (not inside a quotation)."""
        quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(document_text(doc))]
        starts = [a for a, _ in quoted]

        def outside_quotes(token: Token) -> bool:
            before = bisect.bisect_right(starts, token.idx) - 1
            return before < 0 or token.idx >= quoted[before][1]

        said = (t for t in doc[start:] if t.lower_ in self.cues.narrator_pronouns and t.pos_ == "PRON")
        return sum(1 for t in said if outside_quotes(t)) >= MIN_FIRST_PERSON

    def _side(self, doc: Doc, start: int) -> Span | None:
        """The body the writer speaks for, the first their own words name: "I represented X", "what is clear to us
        at X"."""
        found = (self._group_at(token) or self._represented(token) for token in doc[start:])
        return next((body for body in found if body is not None), None)

    def _group_at(self, token: Token) -> Span | None:
        """ "we at X", "us at the X" ("our event at X" is a venue, so only the pronouns)."""
        doc = token.doc
        if token.lower_ not in self.cues.narrator_group_pronouns or token.pos_ != "PRON" or token.i + 2 >= len(doc):
            return None
        if doc[token.i + 1].lower_ != "at":
            return None
        at = token.i + 3 if doc[token.i + 2].lower_ == "the" else token.i + 2
        return _proper_name(doc, at) if at < len(doc) else None

    def _represented(self, verb: Token) -> Span | None:
        """The object of "I represented X"."""
        if verb.lemma_ not in self.cues.narrator_side_verbs:
            return None
        if not any(c.dep_ == "nsubj" and c.lower_ in self.cues.narrator_pronouns for c in verb.children):
            return None
        return next((_proper_name(verb.doc, c.i) for c in verb.children if c.dep_ == "dobj"), None)


def _proper_name(doc: Doc, i: int) -> Span | None:
    """The run of proper nouns around token `i` ("Examplia Data Institute"), when it names no person or place."""
    if doc[i].pos_ != "PROPN":
        return None
    start, end = i, i + 1
    while start > 0 and doc[start - 1].pos_ == "PROPN":
        start -= 1
    while end < len(doc) and doc[end].pos_ == "PROPN":
        end += 1
    name = doc[start:end]
    return None if any(t.ent_type_ in _NOT_BODIES for t in name) else name
