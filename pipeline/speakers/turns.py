"""Transcript turns: "ANA LIMA: ...", "Dr Ana Lima (X Institute):" or a row "X Institute | Ana Lima | Director"
opening what the person says (on the same line or the next).

A header in capitals or without a PERSON tag counts when the document is a transcript: more than two
speakers' headers, or one speaker's header twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .fields import Field
from .layout import Line, document_lines
from .match import SpeakerMatch
from .slots import Person, SlotParser, after_lead, parts, speech


@dataclass(frozen=True, slots=True)
class _Turn:
    """A transcript's turn header: who speaks next, and what the header says of them."""

    line: Line
    person: Person
    fields: list[Field]
    role: str | None


class TurnReader:
    """Speakers named by transcript turn headers; the lines they take are left out of the other layout readers."""

    def __init__(self, slots: SlotParser) -> None:
        self.slots = slots

    def read(self, doc: Doc) -> tuple[list[SpeakerMatch], set[int]]:
        """The speakers, and the indices of the header lines read."""
        titled = self.slots.titled(doc)
        turns = [turn for line in document_lines(doc) if (turn := self._turn_header(line, titled.get(line.index, [])))]
        names = [_name_key(turn.person.name) for turn in turns]
        transcript = len(set(names)) > 2 or len(names) > len(set(names))
        found, done = [], set()
        for turn in turns:
            if turn.person.tagged or turn.person.ner or transcript or turn.line.is_row and turn.fields:
                found.append(self.slots.speaker(turn.person, turn.fields, turn.role or "speaker"))
                done.add(turn.line.index)
        return found, done

    def _turn_header(self, line: Line, titled: list[Person]) -> _Turn | None:
        """"ANA LIMA:", "Dr Ana Lima (X Institute):" or a row "X Institute | Ana Lima | Director" opening what she
        says: her words follow on the same line or the next."""
        span = line.span
        doc = span.doc
        lines = document_lines(doc)
        following = lines[line.index + 1].span if line.index + 1 < len(lines) else None
        if line.is_row:
            people = [p for cell in line.cells if (p := self.slots.name_at(cell, after_lead(cell))) and p.name.end == cell.end]
            if len(people) != 1 or following is None or not speech(following):
                return None
            (person,) = people
            cells = [cell for cell in line.cells if not cell.start <= person.start < cell.end and self.slots.describes(cell)]
            role = self.slots.cell_role(line)
            return _Turn(line, person, [Field(part) for cell in cells for part in parts(cell)], role)
        start = after_lead(span)
        person = next((p for p in titled if p.start == start), None) or self.slots.name_at(span, start)
        if person is None:
            return None
        end = person.name.end
        if end < span.end and doc[end].text == "(":
            end = next((t.i for t in doc[end : span.end] if t.text.startswith(")")), span.end)
            if end < span.end and doc[end].text != "):":
                end += 1
        if end >= span.end or doc[end].text not in (":", "):"):
            return None
        rest = doc[end + 1 : span.end]
        words = rest if len(rest) else following
        if words is None or not speech(words):
            return None
        return _Turn(line, person, self.slots.description(doc, person.name.end, end + 1), None)


def _name_key(name: Span) -> str:
    return " ".join(t.lower_ for t in name if t.is_alpha)
