"""Records: a block that is one person's card — a name line over a title line, an organisation line, a country line.

The PDF reader hands over a photo grid's portraits, a signature block or a speaker card side by side with others
as a block of its own with a line each for name, title and organisation, and a text or Markdown speaker list
under a heading is written the same way ("Ana Lima\\nDirector\\nExamplia Institute"). The block's shape says
who the name is, so the name line needs no honorific and no PERSON tag: the NER often takes a name standing
alone on its line for a place. What the lines under it are comes from the shared `FieldReader`; a block whose
lines do not all describe the name is not a record and is left to the other readers.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from .fields import Field
from .layout import Line, document_lines, following_line, heading_role
from .match import SpeakerMatch
from .names import name_end, post_nominal
from .slots import Person, SlotParser, after_lead, parts, trimmed

_MOST_FIELDS = 4
"""A record's description fields at the most: title, unit, organisation, country."""


class RecordReader:
    """Speakers in record blocks: the name on the block's first line, the lines under it its description."""

    def __init__(self, slots: SlotParser) -> None:
        self.slots = slots
        self.cues = slots.cues
        self.fields = slots.fields

    def read(self, doc: Doc, done: set[int]) -> list[SpeakerMatch]:
        """The records among the blocks not `done` by another reader; their lines are added to `done`. Records
        one after the other share the role of the heading over the first ("Moderators", "Panellists")."""
        titled = self.slots.titled(doc)
        found = []
        role, last = "speaker", -2
        for line in document_lines(doc):
            if line.index in done or not line.opens_block or line.is_row:
                continue
            person = self._name_line(line, titled.get(line.index, []))
            if person is None:
                continue
            fields, described = record_description(self.slots, line, honorific=person.tagged)
            if not described or not self._record(person, fields, described[-1]):
                continue
            if line.index != last + 1:
                role = heading_role(self.cues, person.name) or "speaker"
            last = described[-1].index
            done.update([line.index, *(other.index for other in described)])
            found.append(self.slots.speaker(person, fields, role))
        return found

    def _name_line(self, line: Line, titled: list[Person]) -> Person | None:
        """The name that fills the line (after a bullet, with its honorific if any, before a comma or letters such
        as "PhD"), or None."""
        doc = line.span.doc
        start = after_lead(line.span)
        end = line.span.end
        while end > start + 1 and (doc[end - 1].text in (",", ".") or post_nominal(doc[end - 1])):
            end -= 1
        person = next((p for p in titled if p.start == start), None) or self.slots.name_at(doc[start:end], start)
        if person is not None and person.name.end > end > person.name.start:
            person = replace(person, name=doc[person.name.start : end])  # "Dr Mei Chen MD"
        if person is None:
            person = self._name_shaped(doc, start, end)
        return person if person is not None and person.name.end == end else None

    def _name_shaped(self, doc: Doc, start: int, end: int) -> Person | None:
        """Two to four capitalised words that are no place, body or title word, whatever the NER tagged them
        ("Adaeze Okafor" taken for a place); `_record` then wants a title among the lines under it."""
        span = doc[start:end]
        if not 2 <= len(span) <= 4 or name_end(doc, start, self.cues.name_particles) != end:
            return None
        if any(t.ent_id_ or t.lower_ in self.cues.not_name_words for t in span) or self.cues.has_cue_word(span):
            return None
        words = self.fields.words
        if words.is_institution(span.text) or words.is_unit(span.text) or self.fields.countries.lookup(span.text):
            return None
        return Person(start, span, None, tagged=False)

    def _record(self, person: Person, fields: list[Field], last: Line) -> bool:
        """The description lines end the block, and say what the person does: a title, or (for a name the NER or
        an honorific vouches for) an institution."""
        if following_line(last) is not None:
            return False
        kinds = {self.fields.classify(field.span, first=False)[0] for field in fields}
        titled = "title" in kinds and any(self.cues.looks_like_title(field.text) for field in fields)
        vouched = person.tagged or person.ner or self.fields.is_name(person.name)
        return titled or vouched and bool(kinds & {"organisation", "unit"})


def record_description(slots: SlotParser, line: Line, *, honorific: bool) -> tuple[list[Field], list[Line]]:
    """The fields of the lines under a name line that describe it (a title, an institution, a country), up to the
    first that does not, and those lines. A name led by an honorific may stand alone, its card in the next block."""
    fields: list[Field] = []
    described: list[Line] = []
    following = _describing_line(line, named=honorific)
    while following is not None and len(fields) < _MOST_FIELDS and not following.is_row:
        pieces = [piece for piece in map(trimmed, parts(following.span)) if piece is not None]
        if not pieces or not slots.describes(pieces[0]) or any(t.ent_type_ == "PERSON" for t in following.span):
            break
        fields.extend(Field(piece) for piece in pieces)
        described.append(following)
        following = _describing_line(following, named=False)
    return fields, described


def _describing_line(line: Line, *, named: bool) -> Line | None:
    """The line that may go on describing a record: the next of its block, or past a blank line the one a field
    left open by a comma runs into ("Director-General,\n\nMinistry of X, Examplia"), or the one-line block
    under a `named` person standing alone (a slide's "Ms. Ana Lima\n\nProgramme Manager, Examplia")."""
    if (following := following_line(line)) is not None:
        return following
    lines = document_lines(line.span.doc)
    after = lines[line.index + 1] if line.index + 1 < len(lines) else None
    if after is None:
        return None
    alone = named and line.opens_block and following_line(after) is None
    return after if alone or line.span.text.rstrip().endswith(",") else None
