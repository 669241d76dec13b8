"""Programmes and speaker lists: people in table rows, labelled lines ("Chair: Ana Lima", "Key note by Ana Lima
(X Institute, Examplia): talk title"), list items, programme lines ending in a name ("Welcome address Mr. Ana
Lima") or opening with names before a quoted title ("Ana Lima and Rui Sousa, “Talk title”"), and signature
blocks (a name line over its title line and organisation line).

A slot's label says what the names after it are: a person's role ("Chair:", "MC:") makes any name-shaped
words a person; an activity ("Presentation:") or a heading ("Venue:") does not; a contact ("Media enquiries:")
is no one taking part. A row's role comes from its other cells or its column's header ("Moderator"). Lines
of running text are the prose reader's, except for the names in them with their affiliation in brackets that
open the line or come before a talk's title or the next entry: a PDF runs a programme's rows together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ..spans import doc_entities, positions_within, span_text
from .fields import Field, FieldReader
from .layout import Line, contact_line, document_lines, heading_role, table_header
from .match import SpeakerMatch
from .records import record_description
from .slots import DASHES, FINITE, LIST_JOINERS, NOISE, Person, SlotParser, affiliation_shaped, after_lead, parts, timed


@dataclass(frozen=True, slots=True)
class _Label:
    """What a slot's label ("Chair:", "Key note by", "Presentation:", "Media enquiries:") says of the names after it."""

    role: str | None = None
    names_a_person: bool = False
    """The label is a person's role ("Chair", "MC"), not an activity ("Presentation") or a heading ("Venue")."""
    present: bool = False


class ProgrammeReader:
    """Speakers in table rows, programme lines, list items and signature blocks."""

    def __init__(self, slots: SlotParser) -> None:
        self.slots = slots
        self.cues = slots.cues
        self.fields: FieldReader = slots.fields

    def read(self, doc: Doc, done: set[int]) -> list[SpeakerMatch]:
        """The speakers of the lines not `done` by another reader; a row's names first (they are written in full)."""
        titled = self.slots.titled(doc)
        found: list[SpeakerMatch] = []
        done = set(done)
        talks = self._names_before_talks(doc)
        presented = self._names_under_talks(doc) | self._column_of_names(doc) | {p.start for ps in talks.values() for p in ps}
        for line in sorted(document_lines(doc), key=lambda line: not line.is_row):
            if line.index not in done:
                named = sorted([*titled.get(line.index, []), *talks.get(line.index, [])], key=lambda person: person.start)
                found.extend(self._line(line, named, done, presented=presented))
        return found

    def _names_under_talks(self, doc: Doc) -> set[int]:
        """The lines (by first token) that are names alone under a talk's title ("Spatial inequality in Brazil
        (2000/2010)" over "Ana Lima", or "Ana Lima and Rui Sousa"), and each name they list: a programme's list of
        talks, each over its speakers. At least two in the document, as a post's byline under its headline is one."""
        lines = document_lines(doc)
        named = {
            line.span.start: people for line in lines[1:]
            if not line.is_row and (people := self._names_alone(line.span)) and not lines[line.index - 1].is_row
            and self._talk_title(lines[line.index - 1].span)
        }
        tagged = any(person.ner for people in named.values() for person in people)
        if len(named) < _TALKS_IN_A_PROGRAMME or not tagged:
            return set()
        return set(named) | {person.start for people in named.values() for person in people}

    def _names_before_talks(self, doc: Doc) -> dict[int, list[Person]]:
        """The names (by line) that open a line or a cell before a colon and a talk's title ("Ana Lima: Coastal towns
        and the rise of spatial inequality", "09:00 | Rui Sousa: Welcome and introduction"): a programme's talks,
        each after its speaker, where a label would stand in "Chair: Ana Lima". At least two in the document, one of
        them a name the NER tagged PERSON, as in `_names_under_talks`."""
        named: dict[int, list[Person]] = {}
        for line in document_lines(doc):
            for cell in line.cells:
                person = self._opening(cell, closed_by=":")
                if person is not None and self._talk_title(doc[person.name.end + 1 : cell.end]):
                    named.setdefault(line.index, []).append(replace(person, tagged=True))
        people = [person for line in named.values() for person in line]
        return named if len(people) >= _TALKS_IN_A_PROGRAMME and any(person.ner for person in people) else {}

    def _column_of_names(self, doc: Doc) -> set[int]:
        """The cells (by first token) of a programme's column of names ("09:10 | Talk title | Ana Lima | 20 mins"):
        of the rows' cells at one place, counted from the row's start or its end (a row may leave out its time),
        those opening with a name, alone or before its description ("Ana Lima, X Institute"), beside another cell
        in words (a talk's title, not only a time or a date), when the NER tagged at least `_TAGGED_IN_A_COLUMN`
        of these names PERSON. The others are names it did not know."""
        columns: dict[int, list[tuple[int, Person]]] = {}
        for line in document_lines(doc):
            worded = [cell for cell in line.cells if any(token.is_alpha for token in cell)] if line.is_row else []
            for number, cell in enumerate(line.cells if len(worded) > 1 else ()):
                if (person := self._opening(cell)) is not None:
                    for place in (number, number - len(line.cells)):
                        columns.setdefault(place, []).append((cell.start, person))
        return {
            start for filled in columns.values() if sum(person.ner for _, person in filled) >= _TAGGED_IN_A_COLUMN
            for start, _ in filled
        }

    def _opening(self, cell: Span, *, closed_by: str = ",") -> Person | None:
        """A name of two words or more opening a cell, alone or before a comma and its description (or the mark
        `closed_by`)."""
        person = self.slots.name_at(cell, after_lead(cell))
        if person is None or len(person.name) < 2:
            return None
        return person if person.name.end == cell.end or cell.doc[person.name.end].text == closed_by else None

    def _names_alone(self, span: Span) -> list[Person]:
        """A line or cell that is one name, of two words or more, or a list of such names ("Ana Lima / Rui Sousa",
        "Ana Lima and Rui Sousa"), and nothing else. The NER need not tag each one PERSON (it tags many an
        unfamiliar name ORG) once it tags others of the list's."""
        doc, people, position = span.doc, [], after_lead(span)
        while position < span.end and (person := self.slots.name_at(span, position)) is not None and len(person.name) >= 2:
            people.append(person)
            position = person.name.end
            while position < span.end and doc[position].lower_ in LIST_JOINERS:
                position += 1
        return people if people and position == span.end else []  # not "Lightning Talks"

    def _talk_title(self, span: Span) -> bool:
        """Three words or more, no full stop or colon at the end (a sentence, a heading), no name, and no description:
        a description is written in capitalised words ("Professor Emeritus, X State University"), so three words
        in lower case ("Coastal towns and the rise of spatial inequality") make a title whatever else the line holds."""
        words = [t for t in span if t.is_alpha]
        if len(words) < 3 or span[-1].text in (".", "!", "?", ":"):
            return False
        if any(ent.label_ == "PERSON" for ent in doc_entities(span.doc).within(span)):
            return False
        return sum(t.is_lower and not t.is_stop for t in words) >= _TITLE_WORDS or not self.slots.describes(span)

    def _running_text(self, line: Line, titled: list[Person]) -> bool:
        """A line of sentences rather than slots: a finite verb outside the names in it, or a long line ending
        in a full stop; not a line that ends in an honorific-led name, with no full stop after it."""
        if line.is_row or titled and _ends(titled[-1], line.span):
            return False  # "Youth Are Leaders. Mrs. Ana Lima (15 mins)": a talk's title, whatever its verbs, then who gives it
        inside = {i for person in titled for i in range(person.start, person.name.end)}
        depth = words = 0
        for token in line.span:  # an aside in brackets ("[invited]") is no sentence
            depth += _BRACKET_DEPTH.get(token.text, 0)
            if depth <= 0 and token.is_alpha and token.i not in inside:
                if token.tag_ in FINITE:
                    return True  # most lines of prose have their verb early: the rest need not be read
                words += 1
        return words > 12 and line.span[-1].text in (".", "!", "?")

    def _line(self, line: Line, titled: list[Person], done: set[int], *, presented: set[int]) -> list[SpeakerMatch]:
        """The people in a line's cells, each with the description after it; a bare name in a row takes the row's
        other cells, and one ending a line takes the lines under it (which are then done).

        In a line of running text only the `_entries` are slots ("Ana Lima (X Institute) – talk title"); the rest
        is the prose reader's."""
        entries = [entry for entry in self._entries(line) if all(entry.start != person.start for person in titled)]
        if self._running_text(line, titled):
            if not entries:
                return []
            titled = entries
        else:
            titled = sorted([*titled, *entries], key=lambda person: person.start)
        people_by_cell = [(cell, self.slots.people(cell, titled)) for cell in line.cells]
        alone = sum(len(people) for _, people in people_by_cell) == 1
        found = []
        for index, (cell, people) in enumerate(people_by_cell):
            if not people:
                continue
            label = self._label(cell, people[0].start)
            cell_role = label.role or self._row_role(line, index) or heading_role(self.cues, cell)
            descriptions = self.slots.descriptions(cell, people)
            for person, fields in zip(people, descriptions):
                closing = self.slots.closing_role(cell, self.slots.described(cell.doc, person.name.end, cell.end)[1])
                role = closing or cell_role
                if not fields and alone and line.is_row and (person.ner or person.tagged or role):
                    fields = [
                        Field(part) for number, other in enumerate(line.cells)
                        if other is not cell and self.slots.describes(other) and other.text.lower().strip(" :") not in self.cues.role_by_noun
                        and _column(line, number) not in self.cues.agenda_columns for part in parts(other)
                    ]  # not "MC", nor the talk under "Session"
                if not fields and not line.is_row and _ends(person, cell):
                    fields = self._block_description(line, person, done)
                fills = (person.start == after_lead(cell) or person.start in presented) and (
                    person.name.end == cell.end or cell.start in presented)
                fills_cell = fills and line.is_row
                presenting = cell.start in presented and not _in_brackets(line, person.start)
                presents = fills and (person.ner or person.tagged or presenting) and (
                    fills_cell and self._talk_beside(line, cell) or timed(line) and not _in_brackets(line, person.start) or presenting
                )
                if contact_line(self.cues, person.name) or len(person.name) == 1 and not (fields or presents):
                    continue  # "Mr. Co chair, good afternoon": a single word needs a description to be a name
                if presents:
                    role = role or "presenter"
                if (person.tagged or presents or fills_cell and role is not None or label.names_a_person or closing is not None
                        or not label.present and _affiliated(self.fields, fields)):
                    found.append(self.slots.speaker(person, fields, role or "speaker"))
        return found

    def _entries(self, line: Line) -> list[Person]:
        """The names in a line of running text with their affiliation in brackets: one opening the line, or one
        before a talk's title or the next entry wherever it stands ("9:30 Ana Lima (X Institute): talk title
        9:50 Rui Sousa (Y Agency) – talk title"), since a PDF runs a programme's rows together. A body before its
        acronym ("Examplia Water Agency (EWA):") is no one."""
        doc = line.span.doc
        opening = after_lead(line.span)
        entries = []
        for bracket_at in (i for i in positions_within(line.span, _OPENING_BRACKET, attr="ORTH") if i > opening):
            person = next(
                (
                    p for start in range(max(opening, bracket_at - 6), bracket_at)
                    if (start == opening or _may_open_name(doc[start - 1], doc[start]))
                    and (p := self.slots.name_at(line.span, start)) is not None and p.name.end == bracket_at
                ),
                None,
            )
            close = next((t.i for t in doc[bracket_at + 1 : line.span.end] if t.text.startswith(")")), None)
            if person is None or close is None:
                continue
            bracket = doc[bracket_at + 1 : close]
            if not bracket or not affiliation_shaped(bracket) or _acronym_of(bracket.text, person.name):
                continue
            if any(map(self.cues.is_honorific, bracket)):
                continue  # "Art Gallery (Mrs. Ana Lima)": the person is in the brackets
            after = doc[close].text[1:] or (doc[close + 1].text if close + 1 < line.span.end else "")
            if person.start == opening or not after or after in (":", ",", ";", "and") or after in DASHES:
                entries.append(replace(person, tagged=True))
        credited = [person for cell in line.cells for person in self._credited(cell)]
        return entries + credited + self._before_quoted(line)

    def _before_quoted(self, line: Line) -> list[Person]:
        """The names that open a line and run up to a comma and an opening quote mark: the authors of the talk
        whose title is quoted ("Ana Lima and Rui Sousa, “Talk title”"), or a speaker and their words in a panel's
        notes ("Ana Lima, "We are safer ..."). The quote makes the words before it names, tagged or not."""
        if not _QUOTE_AFTER_COMMA.search(span_text(line.span)):
            return []
        doc, end = line.span.doc, line.span.end
        position, people = after_lead(line.span), []
        while position < end and (person := self.slots.name_at(line.span, position)) is not None:
            people.append(replace(person, tagged=True))
            position = person.name.end
            if position + 1 < end and doc[position].text == "," and doc[position + 1].text in _OPENING_QUOTES:
                return people
            while position < end and doc[position].lower_ in LIST_JOINERS:
                position += 1
        return []

    def _credited(self, cell: Span) -> list[Person]:
        """The speakers a talk's title credits at the end of its cell ("Imagine a river without fish – Ana Lima, X
        Institute"; "Talk title, Ana Lima, Rui Sousa"), or a session's lead, named after a comma with their role
        closing the cell ("Session 2 – Introduction, Ana Lima, X Institute, moderator"). The dash or the role, and an
        affiliation running to the cell's end, make the words a name, tagged or not."""
        doc = cell.doc
        dashes = positions_within(cell, DASHES, attr="ORTH")
        dash = next((i for i in reversed(dashes) if i > cell.start and doc[i - 1].whitespace_), None)
        if dash is not None and (person := self._credited_after(cell, dash, role_needed=False)) is not None:
            return [person]
        commas = [i for i in positions_within(cell, _COMMA, attr="ORTH") if i > cell.start]
        credited = next((person for comma in commas if (person := self._credited_after(cell, comma, role_needed=True))), None)
        return [credited] if credited is not None else self._closing_names(cell, commas)

    def _closing_names(self, cell: Span, commas: list[int]) -> list[Person]:
        """The speakers closing a talk's cell after commas, alone ("Governing Digital Rights in X: Strengthening
        Accountability, Ana Lima, Rui Sousa"): names the NER tagged, each filling its part, after three words or more
        of a title whose last part is no short description, with no one's name and no bracket left open."""
        doc, names, end = cell.doc, [], cell.end
        for comma in reversed(commas):
            person = self.slots.name_at(doc[comma + 1 : end], comma + 1) if comma + 1 < end else None
            if person is None or not person.ner or person.name.end != end:
                break
            names.insert(0, replace(person, tagged=True))
            end = comma
        if not names:
            return []  # nothing closes the cell: the title before it need not be read (on every line of running text)
        title = doc[after_lead(cell) : end]
        words = [t for t in title if t.is_alpha]
        last = doc[max([title.start, *(t.i + 1 for t in title if t.text == ",")]) : end]
        described = len(last) <= _DESCRIPTION_WORDS and self.slots.describes(last)  # "Director, X Institute, NAME"
        open_bracket = title.text.count("(") > title.text.count(")")  # "A and B (X Faculty, Y University": an affiliation
        people = any(ent.label_ == "PERSON" for ent in doc_entities(doc).within(title))
        talk = len(words) >= _TALK_WORDS and any(t.is_lower for t in words) and not (described or open_bracket or people)
        return names if talk else []

    def _credited_after(self, cell: Span, mark: int, *, role_needed: bool) -> Person | None:
        doc = cell.doc
        person = self.slots.name_at(cell, mark + 1) if mark + 1 < cell.end else None
        if person is None or person.name.end >= cell.end or doc[person.name.end].text != ",":
            return None
        fields, end = self.slots.described(doc, person.name.end, cell.end)
        closed = end >= cell.end and not role_needed or self.slots.closing_role(cell, end) is not None
        return replace(person, tagged=True) if closed and _affiliated(self.fields, fields) else None

    def _label(self, cell: Span, person_start: int) -> _Label:
        """What the words before the first name say: "Chair:", "Moderator 2:", "Key note by", "Opening Ceremony: MC:"."""
        text = cell.doc[after_lead(cell) : person_start].text.lower().strip(" :–-(")
        if not text:
            return _Label()
        words = re.findall(r"[a-z][a-z-]*", re.split(r":", text)[-1]) or re.findall(r"[a-z][a-z-]*", text)
        if not words or len(words) > 8:
            return _Label(present=True)
        phrase = " ".join(words)
        role = next(
            (role for cue, role in self.cues.role_by_phrase.items() for candidate in (phrase, phrase + " by") if candidate.endswith(cue)),
            None,
        )
        noun = next((" ".join(words[-size:]) for size in (3, 2, 1) if " ".join(words[-size:]) in self.cues.role_by_noun), None)
        role = role or (self.cues.role_by_noun[noun] if noun else None)
        by_person = phrase.endswith(" by") and role is not None
        return _Label(role, by_person or noun is not None and noun not in self.cues.activity_nouns, present=True)

    def _row_role(self, line: Line, index: int) -> str | None:
        """The role its column's header ("Moderator") or the row's other cells ("Oral presentation | Ana Lima") give;
        the header first, as it names the role of this cell alone ("09:00 | Opening remarks | NAME | NAME")."""
        if not line.is_row:
            return None
        return self.cues.role_by_noun.get(_column(line, index)) or self.slots.cell_role(line)

    def _talk_beside(self, line: Line, cell: Span) -> bool:
        """"09:20 | Regional Overview of X | Dr Ana Lima", "Ana Lima | Background to the workshop": a name alone in
        its cell next to an agenda item's title presents that item, whatever the columns are called."""
        return any(other is not cell and self.cues.is_talk(other.text) for other in line.cells)

    def _block_description(self, line: Line, person: Person, done: set[int]) -> list[Field]:
        """A signature block or photo grid: the name's line is followed by its title line and organisation line."""
        fields, described = record_description(self.slots, line, honorific=person.tagged)
        done.update(other.index for other in described)
        return fields


_TALKS_IN_A_PROGRAMME = 2
"""Names alone under talk titles that make a document a programme's list of talks (a byline under a headline is one)."""
_TAGGED_IN_A_COLUMN = 2
"""Names the NER tagged PERSON in one column of a programme's timed rows that make the column a list of names."""
_TITLE_WORDS = 3
"""Lower-case content words that make a line a talk's title, not a description in capitalised words."""
_TALK_WORDS = 3
"""Words a talk's title has at least before the names closing its cell ("Role of Platforms, NAME")."""
_DESCRIPTION_WORDS = 6
"""A comma part up to this long that describes (a title, a body) makes the names after it no talk's speakers."""
_OPENING_QUOTES = frozenset({"“", '"', "«", "‘"})
_OPENING_BRACKET = frozenset({"("})
_BRACKET_DEPTH = {"(": 1, "[": 1, ")": -1, "]": -1}
_COMMA = frozenset({","})
_QUOTE_AFTER_COMMA = re.compile(r",\s*[" + "".join(sorted(_OPENING_QUOTES)) + "]")


def _column(line: Line, index: int) -> str:
    """What the header of a row's table calls the row's `index`-th cell ("moderator", "session"), or ""."""
    header = table_header(line)
    return header.cells[index].text.lower().strip(" :*") if header is not None and index < len(header.cells) else ""


def _may_open_name(previous: Token, token: Token) -> bool:
    """A capitalised word after a lower-case or non-word token: not inside a longer name, nor after a function
    word that makes the words a phrase ("the University of the South Pacific (USP)")."""
    if not token.is_title or previous.is_title or previous.is_upper and previous.is_alpha:
        return False
    return not previous.is_stop or previous.lower_ in LIST_JOINERS


def _in_brackets(line: Line, i: int) -> bool:
    """Whether token i is inside an aside a "|" of the layout cut ("Ana Lima (Artist | Graphic Designer)")."""
    before = line.span.doc[line.span.start : i]
    return sum(t.text.count("(") - t.text.count(")") for t in before) > 0


def _acronym_of(text: str, name: Span) -> bool:
    """"EWA" after "Examplia Water Agency", "NDCs" after "Nationally Determined Contributions", "USP" after "South
    Pacific": the brackets define the words before them (or a longer name they end)."""
    if " " in text.strip():
        return False
    letters = iter(c for c in text if c.isupper())
    return all(initial in letters for initial in (t.text[0] for t in name if t.is_alpha and t.text[0].isupper()))


def _ends(person: Person, cell: Span) -> bool:
    """Whether nothing but a comma or an aside ("(15 mins)") follows the name in its cell."""
    rest = span_text(cell.doc[person.name.end : cell.end]).strip(" ,;")
    return not rest or bool(re.fullmatch(r"[(\[][^()\[\]]*[)\]]", rest) and NOISE.match(rest[1:-1].strip()))


def _affiliated(fields: FieldReader, described: list[Field]) -> bool:
    """A description naming an institution or a title, not only a place: "(X Institute)", ", Director", "(KU Leuven)"."""
    return any(
        fields.classify(field.span, first=False)[0] in ("organisation", "unit", "title") or affiliation_shaped(field.span)
        for field in described
    )
