"""Layout slots: people named where the layout, not a sentence, says "this is a person".

Programmes, agendas, speaker lists and transcripts name people in slots: a table cell ("09:00 |
Opening | Dr Ana Lima, Director, X Institute"), a labelled line ("Chair: Ana Lima", "Key note by
Ana Lima (X Institute, Examplia): talk title"), a programme line ending in a name ("Welcome address
Mr. Ana Lima" over a title line "Vice Minister of X, Examplia"), a turn header ("ANA LIMA:",
"X Institute | Ana Lima | Director"). A name in a slot needs no PERSON tag from the NER: an
honorific before it, or the slot's label, says what it is. Lines of running text are left to the
prose reader, except for a turn header at their start.

The description after a name is cut into fields and sorted by the shared `FieldReader`; a talk's
title after a colon or a dash is not part of it. A row whose only person is a bare name gives the
other cells as the description ("Examplia | Ana Lima | Permanent Representative").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..resources import load_json
from ..spans import doc_entities, line_before
from .cues import SpeakerCues
from .fields import Field, FieldReader, inside_entity
from .layout import Line, document_lines, following_line, heading_role, line_of
from .match import SpeakerMatch
from .names import name_end

_LEAD = re.compile(
    r"^(?:\d{1,2}(?:[:.h]\d{2})?|\d{1,2}[-–]\d{1,2}|am|pm|a\.m\.|p\.m\.|hrs?|to|[-–—~/()•*·+.:,]|\d{1,2}(?:am|pm))$", re.IGNORECASE
)
"""What opens a programme line before its slots: times, session numbers ("2-1"), bullets."""
_NOISE = re.compile(
    r"^(?:[\d\s.,:–-]+\s*(?:min|mins|minutes|’|')?|invited|tbc|tbd|online|virtual|remote|by video|left|right|cent(?:re|er)|"
    r"(?:far |second from |third from )?(?:left|right)|chair|moderator)$",
    re.IGNORECASE,
)
"""Bracketed asides after a name that say nothing about whom they represent: "(15 mins)", "[invited]", "(left)"."""
_SESSION_NUMBER = re.compile(r"^(?:\d{1,2}(?:[-–.]\d{1,2})?|[-–.:,])$")
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_DASHES = frozenset({"-", "–", "—", "‐"})
_LIST_JOINERS = frozenset({",", "/", "&", "and", ";"})
_JOINERS = frozenset({"-", "‐", "‘", "’", "ʻ", "ʼ", "'"})


@dataclass(frozen=True, slots=True)
class _Person:
    """A name found in a slot: `start` is where its honorific starts (or the name, when it has none)."""

    start: int
    name: Span
    honorific: str | None
    tagged: bool
    """Led by an honorific: a person whatever the slot. Other names need the slot to say so."""
    ner: bool = False
    """Tagged PERSON by the NER."""


@dataclass(frozen=True, slots=True)
class _Turn:
    """A transcript's turn header: who speaks next, and what the header says of them."""

    line: Line
    person: _Person
    fields: list[Field]
    role: str | None


@dataclass(frozen=True, slots=True)
class _Label:
    """What a slot's label ("Chair:", "Key note by", "Presentation:", "Media enquiries:") says of the names after it."""

    role: str | None = None
    names_a_person: bool = False
    """The label is a person's role ("Chair", "MC"), not an activity ("Presentation") or a heading ("Venue")."""
    present: bool = False


class SlotReader:
    """Finds people in table cells, programme lines, signature blocks and transcript turn headers."""

    def __init__(self, cues: SpeakerCues, fields: FieldReader) -> None:
        self.cues = cues
        self.fields = fields
        self._patterns = _expanded(load_json("speaker_patterns.json"), cues)
        self._matchers: dict[int, Matcher] = {}

    def read(self, doc: Doc) -> list[SpeakerMatch]:
        lines = document_lines(doc)
        titled: dict[int, list[_Person]] = {}
        for person in self._honorific_names(doc):
            line = line_of(lines, person.start)
            if line is not None and person.name.end <= line.span.end:
                titled.setdefault(line.index, []).append(person)
        found: list[SpeakerMatch] = []
        turns = [turn for line in lines if (turn := self._turn_header(line, titled.get(line.index, [])))]
        names = [_name_key(turn.person.name) for turn in turns]
        transcript = len(set(names)) > 2 or len(names) > len(set(names))
        done: set[int] = set()
        for turn in turns:
            if turn.person.tagged or turn.person.ner or transcript or turn.line.is_row and turn.fields:
                found.append(self._speaker(turn.person, turn.fields, turn.role or "speaker"))
                done.add(turn.line.index)
        for line in sorted(lines, key=lambda line: not line.is_row):  # a row's names first: they are written in full
            if line.index not in done:
                found.extend(self._line(line, titled.get(line.index, []), done))
        return found

    # -- finding names ------------------------------------------------------------------------

    def _honorific_names(self, doc: Doc) -> list[_Person]:
        """"Dr. WANG Jun", "Mrs. ‘Etiola Mafi", "HE. Brek Batley": an honorific before capitalised words
        (`models/speaker_patterns.json`)."""
        matcher = self._matchers.get(id(doc.vocab))
        if matcher is None:
            matcher = self._matchers[id(doc.vocab)] = Matcher(doc.vocab)
            matcher.add("HONORIFIC_NAME", self._patterns)
        people = []
        for span in filter_spans([doc[start:end] for _, start, end in matcher(doc)]):
            first = span.start
            while first < span.end and (self.cues.is_honorific(doc[first]) or doc[first].text == "."):
                first += 1
            end = first
            while end < span.end and self._name_token(doc[end]):
                end += 1
            while end > first and doc[end - 1].text in _JOINERS | self.cues.name_particles:
                end -= 1
            if end > first and any(t.is_alpha for t in doc[first:end]):
                honorific = " ".join(t.text for t in doc[span.start : first] if t.text != ".") or None
                people.append(_Person(span.start, doc[first:end], honorific, tagged=True))
        return people

    def _name_token(self, token: Token) -> bool:
        """A word of a name after an honorific: not a title ("Dr. Ana Lima Director"), place, date, stop word
        ("MINISTER FOR ...") or another honorific."""
        lowered = token.lower_
        if self.cues.is_honorific(token) or lowered in self.cues.cue_words or lowered in self.cues.not_name_words:
            return False
        if token.is_stop and lowered not in self.cues.name_particles:
            return False
        if token.ent_type_ == "NORP" and self.fields.countries.demonym(token.text):
            return False
        return not (token.ent_type_ in ("GPE", "DATE", "TIME", "CARDINAL") or token.ent_id_)

    def _name_at(self, span: Span, start: int) -> _Person | None:
        """A name opening a slot without an honorific: a PERSON the NER tagged, or two to five name words
        ("JANE DOE" in capitals too)."""
        doc = span.doc
        run = name_end(doc, start, self.cues.name_particles, longest=6)
        entity = doc_entities(doc).starting_at(start)
        entity_end = entity.end if entity is not None and entity.label_ == "PERSON" else start
        while entity_end > start and doc[entity_end - 1].is_space:
            entity_end -= 1  # the NER takes a line break into a name
        if start < entity_end <= span.end:
            name = doc[start : max(entity_end, min(run, span.end))]
            if len(name) > 1 and self.fields.is_name(name):
                return _Person(start, name, None, tagged=False, ner=True)
        if start < run <= span.end and self.fields.is_name(doc[start:run]):
            return _Person(start, doc[start:run], None, tagged=False)
        end = start
        while end < span.end and end - start < 4 and doc[end].is_upper and doc[end].is_alpha:
            end += 1
        if end - start >= 2 and self.fields.is_name(doc[start:end]) and not any(len(t) == 1 for t in doc[start:end]):
            return _Person(start, doc[start:end], None, tagged=False)
        return None

    def _turn_header(self, line: Line, titled: list[_Person]) -> _Turn | None:
        """"ANA LIMA:", "Dr Ana Lima (X Institute):" or a row "X Institute | Ana Lima | Director" opening what she
        says: her words follow on the same line or the next."""
        span = line.span
        doc = span.doc
        lines = document_lines(doc)
        following = lines[line.index + 1].span if line.index + 1 < len(lines) else None
        if line.is_row:
            people = [p for cell in line.cells if (p := self._name_at(cell, _after_lead(cell))) and p.name.end == cell.end]
            if len(people) != 1 or following is None or not _speech(following):
                return None
            (person,) = people
            cells = [cell for cell in line.cells if not cell.start <= person.start < cell.end and self._describes(cell)]
            role = self._row_role(line, None)
            return _Turn(line, person, [Field(part) for cell in cells for part in _parts(cell)], role)
        start = _after_lead(span)
        person = next((p for p in titled if p.start == start), None) or self._name_at(span, start)
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
        speech = rest if len(rest) else following
        if speech is None or not _speech(speech):
            return None
        return _Turn(line, person, self._description(doc, person.name.end, end + 1), None)

    # -- reading a line -------------------------------------------------------------------------

    def _running_text(self, line: Line, titled: list[_Person]) -> bool:
        """A line of sentences rather than slots: a finite verb outside the names in it, or a long line ending
        in a full stop."""
        if line.is_row:
            return False
        inside = {i for person in titled for i in range(person.start, person.name.end)}
        depth = 0
        words = []
        for token in line.span:  # an aside in brackets ("[invited]") is no sentence
            depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(token.text, 0)
            if depth <= 0 and token.is_alpha and token.i not in inside:
                words.append(token)
        return any(t.tag_ in _FINITE for t in words) or len(words) > 12 and line.span[-1].text in (".", "!", "?")

    def _line(self, line: Line, titled: list[_Person], done: set[int]) -> list[SpeakerMatch]:
        """The people in a line's cells, each with the description after it; a bare name in a row takes the row's
        other cells, and one ending a line takes the lines under it (which are then done).

        In a line of running text only a name opening it with an affiliation in brackets is a slot ("Ana Lima
        (X Institute) – talk title"); the rest is the prose reader's."""
        if self._running_text(line, titled):
            opening = self._name_at(line.span, _after_lead(line.span))
            end = opening.name.end if opening is not None else line.span.end
            if opening is None or end >= line.span.end or line.span.doc[end].text != "(":
                return []
            titled = [opening]
        people_by_cell = [(cell, self._people(cell, titled)) for cell in line.cells]
        alone = sum(len(people) for _, people in people_by_cell) == 1
        found = []
        for index, (cell, people) in enumerate(people_by_cell):
            if not people:
                continue
            label = self._label(cell, people[0].start)
            role = label.role or self._row_role(line, index) or heading_role(self.cues, cell)
            descriptions = self._descriptions(cell, people)
            for person, fields in zip(people, descriptions):
                if not fields and alone and line.is_row and (person.ner or person.tagged or role):
                    fields = [Field(part) for other in line.cells if other is not cell and self._describes(other) for part in _parts(other)]
                if not fields and not line.is_row and _ends(person, cell):
                    fields = self._block_description(line, done)
                if self._contact(person) or len(person.name) == 1 and not fields:
                    continue  # "Mr. Co chair, good afternoon": a single word needs a description to be a name
                fills_cell = line.is_row and role is not None and person.start == _after_lead(cell) and person.name.end == cell.end
                if person.tagged or fills_cell or label.names_a_person or not label.present and _affiliated(self.fields, fields):
                    found.append(self._speaker(person, fields, role or "speaker"))
        return found

    def _people(self, cell: Span, titled: list[_Person]) -> list[_Person]:
        """The people named in a cell, in order: honorific-led names anywhere, and the names the slot lists from its
        start, each after the last one's description ("Speakers: Ana Lima (X Institute), Rui Sousa (Y) and ...")."""
        doc = cell.doc
        people = [person for person in titled if cell.start <= person.start and person.name.end <= cell.end]
        position = self._slot_start(cell)
        while position < cell.end:
            person = next((p for p in people if p.start == position), None) or self._name_at(cell, position)
            if person is None or any(p.start < person.name.end and person.start < p.name.end and p is not person for p in people):
                break
            if person not in people:
                people.append(person)
            position = self._described(doc, person.name.end, cell.end)[1]
            while position < cell.end and doc[position].lower_ in _LIST_JOINERS:
                position += 1
        return sorted(people, key=lambda person: person.start)

    def _slot_start(self, cell: Span) -> int:
        """Where the slot's content starts: after times and bullets, and after a label ("Chair:", "Keynote by")."""
        start = _after_lead(cell)
        doc = cell.doc
        for token in doc[start : min(cell.end, start + 8)]:
            if token.text == ":" or token.lower_ == "by":
                start = token.i + 1
        return _after_lead(doc[start : cell.end]) if start < cell.end else cell.end

    def _label(self, cell: Span, person_start: int) -> _Label:
        """What the words before the first name say: "Chair:", "Moderator 2:", "Key note by", "Opening Ceremony: MC:"."""
        text = cell.doc[_after_lead(cell) : person_start].text.lower().strip(" :–-(")
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

    def _row_role(self, line: Line, index: int | None) -> str | None:
        """The role a row's other cells ("Oral presentation | Ana Lima") or its column's header ("Moderator") give."""
        if not line.is_row:
            return None
        for other in line.cells:
            words = re.findall(r"[a-z][a-z-]*", other.text.lower())
            if 0 < len(words) <= 3:
                for size in (2, 1):
                    if len(words) >= size and (role := self.cues.role_by_noun.get(" ".join(words[-size:]))):
                        return role
        header = self._table_header(line)
        if header is not None and index is not None and index < len(header.cells):
            return self.cues.role_by_noun.get(header.cells[index].text.lower().strip(" :*"))
        return None

    def _table_header(self, line: Line) -> Line | None:
        """The first row of the table the row is in (rows of as many cells, no blank line between)."""
        lines = document_lines(line.span.doc)
        index = line.index
        while index > 0 and not lines[index].opens_block and len(lines[index - 1].cells) == len(line.cells):
            index -= 1
        return lines[index] if index != line.index else None

    def _contact(self, person: _Person) -> bool:
        """"Media enquiries: NAME", "please contact Ms NAME": someone to write to, not someone taking part."""
        before = line_before(person.name.doc[person.start : person.name.end]).lower()
        return any(cue in before for cue in self.cues.contact_cues)

    # -- descriptions ----------------------------------------------------------------------------

    def _descriptions(self, cell: Span, people: list[_Person]) -> list[list[Field]]:
        """Each person's description; names joined by "and", "/" or a comma share the one after the last
        ("Ana Lima and Rui Sousa, X Institute"), and a name alone in brackets takes the phrase before them
        ("X Foundation (Mr. Rui Sousa)")."""
        doc = cell.doc
        ends = [person.start for person in people[1:]] + [cell.end]
        descriptions = [self._description(doc, person.name.end, end) for person, end in zip(people, ends)]
        for position in range(len(people) - 2, -1, -1):
            between = doc[people[position].name.end : people[position + 1].start]
            if not descriptions[position] and all(t.lower_ in _LIST_JOINERS for t in between):
                descriptions[position] = descriptions[position + 1]
        for position, person in enumerate(people):
            if descriptions[position] or person.start - 1 <= cell.start or doc[person.start - 1].text != "(":
                continue
            closing = person.name.end < len(doc) and doc[person.name.end].text.startswith(")")
            before = doc[self._slot_start(cell) : person.start - 1]
            if closing and len(before) <= 8 and before.text[:1].isupper() and (self._describes(before) or _affiliation_shaped(before)):
                descriptions[position] = [Field(before)]
        return descriptions

    def _description(self, doc: Doc, start: int, end: int) -> list[Field]:
        """The fields after a name, up to the next name, a talk's title (after a colon, or a dash after
        brackets) or the end of the slot: "(X Institute, Examplia)", ", Director, X Institute"."""
        return self._described(doc, start, end)[0]

    def _described(self, doc: Doc, start: int, end: int) -> tuple[list[Field], int]:
        """`_description`, and where it ends."""
        fields: list[Field] = []
        i = start
        bracketed = False
        while i < end:
            text = doc[i].text
            if text in ("(", "["):
                close = next((t.i for t in doc[i + 1 : end] if t.text.startswith((")", "]"))), None)
                if close is None:
                    break
                if not _NOISE.match(doc[i + 1 : close].text.strip()):
                    fields.extend(Field(part) for part in _parts(doc[i + 1 : close]))
                    bracketed = True
                if doc[close].text == "):":
                    break
                i = close + 1
            elif text in (":", "):") or text in _DASHES and bracketed or text == "." and i + 1 < end:
                break  # a talk's title, or the next sentence, follows
            elif text in (",", ";", "/") or text in _DASHES:
                strict = text in _DASHES
                i += 1
                part_end = _part_end(doc, i, end)
                part = _trimmed(doc[i:part_end])
                if part is None or self._names_someone(part) or not (self._describes(part) or not strict and _affiliation_shaped(part)):
                    i -= 1
                    break
                fields.append(Field(part))
                i = part_end
            else:
                break
        return fields, i

    def _names_someone(self, part: Span) -> bool:
        """A part that is another person's name: the next item of a list ("Ana Lima (X), Rui Sousa (Y)")."""
        person = self._name_at(part, part.start)
        return person is not None and person.name.end < len(part.doc) and part.doc[person.name.end].text == "("

    def _describes(self, span: Span) -> bool:
        """Whether a cell or line describes a person: a title, an institution or a country, not a talk or a time."""
        if not span.text[:1].isupper() or len(span) > 16 or any(t.like_num for t in span[:1]):
            return False
        kind, _, _ = self.fields.classify(span, first=False)
        return kind in ("country", "state", "organisation", "unit") or kind == "title" and self.cues.looks_like_title(span.text)

    def _block_description(self, line: Line, done: set[int]) -> list[Field]:
        """A signature block or photo grid: the name's line is followed by its title line and organisation line."""
        fields: list[Field] = []
        following = following_line(line)
        while following is not None and len(fields) < 4 and not following.is_row:
            parts = [part for part in map(_trimmed, _parts(following.span)) if part is not None]
            if not parts or not self._describes(parts[0]) or any(t.ent_type_ == "PERSON" for t in following.span):
                break
            fields.extend(Field(part) for part in parts)
            done.add(following.index)
            following = following_line(following)
        return fields

    def _speaker(self, person: _Person, fields: list[Field], role: str) -> SpeakerMatch:
        match = SpeakerMatch(name=person.name, honorific=person.honorific, role=role, mentions=[person.name], slot=True)
        if fields:
            self.fields.apply_fields(match, fields)
        self.fields.ministry_from_title(match)
        return match


def _speech(span: Span) -> bool:
    """Words someone says: a finite verb."""
    return any(t.tag_ in _FINITE and t.is_alpha for t in span)


def _ends(person: _Person, cell: Span) -> bool:
    """Whether nothing but a comma or an aside ("(15 mins)") follows the name in its cell."""
    rest = cell.doc[person.name.end : cell.end].text.strip(" ,;")
    return not rest or bool(re.fullmatch(r"[(\[][^()\[\]]*[)\]]", rest) and _NOISE.match(rest[1:-1].strip()))


def _affiliated(fields: FieldReader, described: list[Field]) -> bool:
    """A description naming an institution or a title, not only a place: "(X Institute)", ", Director", "(KU Leuven)"."""
    return any(
        fields.classify(field.span, first=False)[0] in ("organisation", "unit", "title") or _affiliation_shaped(field.span)
        for field in described
    )


def _after_lead(span: Span) -> int:
    """The first token after a line's times, numbers and bullets."""
    for token in span:
        if not (_LEAD.match(token.text) or token.is_space):
            return token.i
    return span.end


def _part_end(doc: Doc, start: int, end: int) -> int:
    """Where a description's field ends: at a comma, semicolon, colon or spaced dash; a bracket stays with it."""
    depth = 0
    for token in doc[start:end]:
        depth += {"(": 1, ")": -1}.get(token.text, 0)
        separator = token.text in (",", ";") and not inside_entity(token) or token.text in (":", "/")
        if depth <= 0 and (separator or token.text in _DASHES and token.whitespace_ and token.i > start):
            return token.i
    return end


def _trimmed(part: Span) -> Span | None:
    """A field without the session number, full stop or aside a programme line puts after it ("Tonga 1-3",
    "X Council [invited]")."""
    end = part.end
    doc = part.doc
    while end > part.start:
        if _SESSION_NUMBER.match(doc[end - 1].text) or doc[end - 1].like_num:
            end -= 1
            continue
        opening = next((t.i for t in reversed(doc[part.start : end]) if t.text in ("(", "[")), None)
        if doc[end - 1].text in (")", "]") and opening is not None and _NOISE.match(doc[opening + 1 : end - 1].text.strip()):
            end = opening
            continue
        break
    return part.doc[part.start : end] if end > part.start else None


def _affiliation_shaped(part: Span) -> bool:
    """A capitalised field of a few words with no verb: an affiliation the classifier does not know ("Lantmäteriet")."""
    return part.text[:1].isupper() and len(part) <= 8 and not any(t.pos_ in ("VERB", "AUX") for t in part)


def _parts(span: Span) -> list[Span]:
    """A description cut at commas and semicolons (outside brackets)."""
    parts, start, depth = [], span.start, 0
    for token in span:
        depth += {"(": 1, ")": -1}.get(token.text, 0)
        if depth <= 0 and token.text in (",", ";") and not inside_entity(token):
            if token.i > start:
                parts.append(span.doc[start : token.i])
            start = token.i + 1
    if start < span.end:
        parts.append(span.doc[start : span.end])
    return parts


def _name_key(name: Span) -> str:
    return " ".join(t.lower_ for t in name if t.is_alpha)


def _expanded(data: dict[str, Any], cues: SpeakerCues) -> list[list[dict[str, Any]]]:
    """The Matcher patterns with their placeholders filled from the cue lists."""
    particles = "|".join(re.escape(p) for p in sorted(cues.name_particles))
    joiners = "|".join(re.escape(j) for j in data["joiners"])
    values: dict[str, Any] = {
        "$honorifics": sorted({h.lower().rstrip(".") for h in cues.person_honorifics} | {h.lower() for h in cues.person_honorifics}),
        "$name_word": data["name_word"],
        "$name_part": rf"{data['name_word']}|^(?:{particles}|{joiners})$",
    }

    def fill(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: fill(item) for key, item in value.items()}
        if isinstance(value, list):
            return [fill(item) for item in value]
        return values.get(value, value) if isinstance(value, str) else value

    return fill(data["honorific_name"])
