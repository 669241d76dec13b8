"""The narrator: a report its writer tells in the first person ("Why was I there?", "my panel", "I signed"), naming
them only in its byline ("By Ana Lima", a front matter's "author: Ana Lima", which ingest keeps for this) or in a
release's head line ("MEDIA RELEASE MINISTER FOR FOREIGN AFFAIRS ANA LIMA").

A byline alone makes no speaker: a journalist or a rapporteur writes about an event in the third person. The writer
takes part when the body says "I" or "my" in their own words, outside quotation marks, more than once.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from ..spans import doc_entities, document_text
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
_TITLE_LINKS = frozenset({"of", "for", "and", "the", "on", "in", "at", "to"})
"""Words a title written in capitals keeps in lower case: "MINISTER FOR FOREIGN AFFAIRS", "Minister for Foreign Affairs"."""
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
            head = self._titled_head(line.span)
            if head is not None and self._narrates(doc, line.span.end):
                title, name = head
                match = SpeakerMatch(name=name, mentions=[name])
                if title.text.isupper():  # the fields are read from how words are capitalised, which capitals hide
                    words = title.text.split()
                    match.title = " ".join(w.lower() if w.lower() in _TITLE_LINKS else w.capitalize() for w in words)
                else:
                    self.slots.fields.apply_prefix(match, title)
                self.slots.fields.ministry_from_title(match)
                return [match]
        return []

    def place(self, doc: Doc, narrator: SpeakerMatch, speakers: list[SpeakerMatch]) -> None:
        """"I signed the agreement with Examplia's President": a writer whose title speaks for a state and who names
        no country of their own speaks for the country the text names most, apart from the other speakers'."""
        if narrator.country is not None or not self.slots.fields.represents_state(narrator.title):
            return
        theirs = {speaker.country for speaker in speakers if speaker is not narrator}
        named = Counter(ent.ent_id_ for ent in doc_entities(doc).spans if ent.label_ == "GPE" and ent.ent_id_ not in theirs)
        narrator.country = next((code for code, _ in named.most_common(1) if code), None)

    def _titled_head(self, line: Span) -> tuple[Span, Span] | None:
        """"MEDIA RELEASE MINISTER FOR FOREIGN AFFAIRS ALEXANDER DOWNER": a release's head line, after its lead
        (`release_leads`), is its writer's title, then their name."""
        lowered, start = line.text.lower(), line.start
        lead = next((lead for lead in self.cues.release_leads if lowered.startswith(f"{lead} ")), None)
        if lead is not None:
            start = next((t.i for t in line if t.idx >= line.start_char + len(lead) and not t.is_space), line.end)
        for size in (2, 3, 4):
            at = line.end - size
            person = self.slots.name_at(line, at) if at > start else None
            if person is not None and person.name.end == line.end and self.slots.fields.titled(line.doc[start:at].text):
                return line.doc[start:at], person.name
        return None

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
