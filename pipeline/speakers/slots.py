"""Reading a slot: the names a table cell, programme line or turn header holds, and the description after each.

A name in a slot needs no PERSON tag from the NER: an honorific before it (`models/speaker_patterns.json`),
or the slot it fills, says what it is. The description after a name is cut into fields for the shared
`FieldReader` — bracketed ("Ana Lima (X Institute, Examplia)") or after commas and dashes ("Ana Lima,
Director, X Institute"); a talk's title after a colon or after a dash that follows brackets is not part
of it. The readers of programmes and of transcripts (`programme.py`, `turns.py`) decide which slots are
people's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..resources import load_json
from ..spans import doc_entities, token_positions
from .cues import SpeakerCues
from .fields import Field, FieldReader, capitalised, inside_entity
from .layout import Line, document_lines, line_of
from .match import SpeakerMatch, abbreviated
from .names import HYPHENS, name_end, post_nominal

_PEOPLE_KEY = "sidegraph.slot_people"
_LEAD = re.compile(
    r"^(?:\d{1,2}(?:[:.h]\d{2})?|\d{1,2}[-–]\d{1,2}|am|pm|a\.m\.|p\.m\.|hrs?|to|[-–—~/()•*·+.:,]|\d{1,2}(?:am|pm))$", re.IGNORECASE
)
"""What opens a programme line before its slots: times, session numbers ("2-1"), bullets."""
_CLOCK = re.compile(r"^\d{1,2}[:.h]\d{2}(?:[-–]\d{1,2}[:.h]\d{2})?(?:am|pm)?$|^\d{1,2}(?:am|pm)$", re.IGNORECASE)
"""A time of day as a programme writes it: "09:30", "9.15", "14h00", "10:30-11:00", "9am"."""
NOISE = re.compile(
    r"^(?:[\d\s.,:–-]+\s*(?:min|mins|minutes|’|')?|invited|tbc|tbd|online|virtual|remote|by video|left|right|cent(?:re|er)|"
    r"(?:far |second from |third from )?(?:left|right)|chair|moderator)$",
    re.IGNORECASE,
)
"""Bracketed asides after a name that say nothing about whom they represent: "(15 mins)", "[invited]", "(left)"."""
_LONGEST_MATCH = 16
"""Tokens an honorific's name may reach (`models/speaker_patterns.json`: two honorifics, their stops, a quote and
seven name words): the patterns are matched in a window after each honorific, not over the whole text."""
_LABEL_REACH = 6
"""Tokens from an item's start its label's colon may stand at ("• Keynote Speaker:")."""
_SESSION_NUMBER = re.compile(r"^(?:\d{1,2}(?:[-–.]\d{1,2})?|[-–.:,])$")
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
DASHES = HYPHENS | {"–", "—"}
LIST_JOINERS = frozenset({",", "/", "&", "and", ";"})
BULLET = "•"
"""Every list bullet, as ingest writes it: "NAME (ORG); • NAME (ORG)" when a cell's list items were joined."""
_JOINERS = HYPHENS | {"‘", "’", "ʻ", "ʼ", "'"}
_NAME_ENDS = frozenset({"(", ")", "[", ",", ";", ":", "|", "&"})
"""Punctuation the NER sometimes takes into a PERSON ("Ana Lima (X Institute", "Ana Lima & Rui Sousa"), which no name holds."""


@dataclass(frozen=True, slots=True)
class Person:
    """A name found in a slot: `start` is where its honorific starts (or the name, when it has none)."""

    start: int
    name: Span
    honorific: str | None
    tagged: bool
    """Led by an honorific, or a programme entry with its affiliation in brackets: a person whatever the slot. Other
    names need the slot to say so."""
    ner: bool = False
    """Tagged PERSON by the NER."""


class SlotParser:
    """Names and descriptions in slots, shared by the programme and transcript readers."""

    def __init__(self, cues: SpeakerCues, fields: FieldReader) -> None:
        self.cues = cues
        self.fields = fields
        self._patterns = _expanded(load_json("speaker_patterns.json"), cues)
        self._honorific_words = frozenset(_honorific_words(cues))
        self._title_cues = cues.cue_words - cues.honorifics
        """Title and role words, which end a name; an honorific that is also a stop word ("he") may be a name."""
        self._matchers: dict[int, Matcher] = {}

    def titled(self, doc: Doc) -> dict[int, list[Person]]:
        """The honorific-led names of each line (by line index), found once per `Doc`."""
        if _PEOPLE_KEY not in doc.user_data:
            lines = document_lines(doc)
            by_line: dict[int, list[Person]] = {}
            for person in self._honorific_names(doc):
                line = line_of(lines, person.start)
                if line is not None and person.name.end <= line.span.end:
                    by_line.setdefault(line.index, []).append(person)
            doc.user_data[_PEOPLE_KEY] = by_line
        return doc.user_data[_PEOPLE_KEY]

    def _honorific_names(self, doc: Doc) -> list[Person]:
        """"Dr. WANG Jun", "Mrs. ‘Etiola Mafi", "HE. Brek Batley": an honorific before capitalised words
        (`models/speaker_patterns.json`)."""
        matcher = self._matchers.get(id(doc.vocab))
        if matcher is None:
            matcher = self._matchers[id(doc.vocab)] = Matcher(doc.vocab)
            matcher.add("HONORIFIC_NAME", self._patterns)
        windows = (doc[i : i + _LONGEST_MATCH] for i in token_positions(doc, self._honorific_words))
        found = [window[:end] for window in windows for _, start, end in matcher(window) if start == 0]
        people = []
        for span in filter_spans(found):
            first = span.start
            while first < span.end and (self.cues.is_honorific(doc[first]) or doc[first].text == ".") and not (
                self._short_name_word(doc, first, first)
            ):
                first += 1
            end = first
            while end < span.end and (self._name_token(doc[end]) or self._short_name_word(doc, end, first)):
                end += 1
            while end > first and doc[end - 1].text in _JOINERS | self.cues.name_particles:
                end -= 1
            if end > first and any(t.is_alpha for t in doc[first:end]):
                honorific = " ".join(t.text for t in doc[span.start : first] if t.text != ".") or None
                people.append(Person(span.start, doc[first:end], honorific, tagged=True))
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

    def _short_name_word(self, doc: Doc, i: int, first: int) -> bool:
        """A capitalised stop word at a name's edge is a name of its own ("Dr. He Cui", "Dr. In Chol Shin",
        "Prof. Manchao He (X University)", "Dr. Fengchen An, X University"): first, with a name word after it; or
        last, where the slot's punctuation or the line ends the name."""
        token = doc[i]
        if not (token.is_stop and token.is_title) or token.lower_ in self._title_cues:
            return False  # "He" is a name, "HE" His Excellency
        following = doc[i + 1] if i + 1 < len(doc) else None
        if i == first:
            return following is not None and following.is_title and not following.is_stop and token.whitespace_ == " "
        return following is None or following.text in _NAME_ENDS or following.is_space or "\n" in token.whitespace_

    def name_at(self, span: Span, start: int) -> Person | None:
        """A name opening a slot without an honorific: a PERSON the NER tagged, or two to five name words
        ("JANE DOE" in capitals too)."""
        doc = span.doc
        run = name_end(doc, start, self.cues.name_particles, longest=6)
        entity = doc_entities(doc).starting_at(start)
        entity_end = entity.end if entity is not None and entity.label_ == "PERSON" else start
        while entity_end > start and doc[entity_end - 1].is_space:
            entity_end -= 1  # the NER takes a line break into a name
        entity_end = next((t.i for t in doc[start:entity_end] if t.text in _NAME_ENDS), entity_end)  # "NAME (ORG"
        if start < entity_end <= span.end:
            name = doc[start : max(entity_end, min(run, span.end))]
            while len(name) > 2 and post_nominal(name[-1]):
                name = name[:-1]  # "Jillian Broadbent AO"
            if len(name) > 1 and self.fields.is_name(name):
                return Person(start, name, None, tagged=False, ner=True)
        if start < run <= span.end and " " in doc[start:run].text and self.fields.is_name(doc[start:run]):  # not "Re-Cap"
            return Person(start, doc[start:run], None, tagged=False)
        end = start
        while end < span.end and end - start < 4 and doc[end].is_upper and doc[end].is_alpha:
            end += 1
        if end - start >= 2 and self.fields.is_name(doc[start:end]) and not any(len(t) == 1 for t in doc[start:end]):
            return Person(start, doc[start:end], None, tagged=False)
        return None

    def people(self, cell: Span, titled: list[Person]) -> list[Person]:
        """The people named in a cell, in order: honorific-led names anywhere, and the names the slot lists from its
        start, each after the last one's description ("Speakers: Ana Lima (X Institute), Rui Sousa (Y) and ...")."""
        doc = cell.doc
        people = [person for person in titled if cell.start <= person.start and person.name.end <= cell.end]
        listed: list[Person] = []
        position = self.slot_start(cell)
        while position < cell.end:
            person = next((p for p in people if p.start == position), None) or self.name_at(cell, position)
            if person is None or any(p.start < person.name.end and person.start < p.name.end and p is not person for p in people):
                break
            if person not in people:
                listed.append(person)
            position = self.described(doc, person.name.end, cell.end)[1]
            while position < cell.end and (doc[position].lower_ in LIST_JOINERS or doc[position].text == BULLET):
                position += 1
        if position < cell.end and doc[position].is_lower and doc[position].is_alpha and self.closing_role(cell, position) is None:
            listed = []  # "Vaccine Supply Chain and Logistics Update for X": the words run on, a title's, no one's name
        return sorted([*people, *listed], key=lambda person: person.start)

    def slot_start(self, cell: Span) -> int:
        """Where the slot's content starts: after times and bullets, and after a label ("Chair:", "Keynote by")."""
        start = after_lead(cell)
        doc = cell.doc
        for token in doc[start : min(cell.end, start + 8)]:
            if token.text == ":" or token.lower_ == "by":
                start = token.i + 1
        return after_lead(doc[start : cell.end]) if start < cell.end else cell.end

    def closing_role(self, cell: Span, position: int) -> str | None:
        """A person's role closing the slot after their description: "Ana Lima, X Institute, moderator"."""
        text = cell.doc[position : cell.end].text.lower().strip(" ,;()[]")
        return None if text in self.cues.activity_nouns else self.cues.role_by_noun.get(text)

    def cell_role(self, line: Line) -> str | None:
        """The role a row's cells name ("Oral presentation | Ana Lima", "X Institute | Ana Lima | Co-Chair")."""
        for other in line.cells:
            words = re.findall(r"[a-z][a-z-]*", other.text.lower())
            if 0 < len(words) <= 3:
                for size in (2, 1):
                    if len(words) >= size and (role := self.cues.role_by_noun.get(" ".join(words[-size:]))):
                        return role
        return None

    # -- descriptions ----------------------------------------------------------------------------

    def descriptions(self, cell: Span, people: list[Person]) -> list[list[Field]]:
        """Each person's description; names joined by "and", "/" or a comma share the one after the last
        ("Ana Lima and Rui Sousa, X Institute"), and a name alone in brackets takes the phrase before them
        ("X Foundation (Mr. Rui Sousa)")."""
        doc = cell.doc
        ends = [person.start for person in people[1:]] + [cell.end]
        descriptions = [self.description(doc, person.name.end, end) for person, end in zip(people, ends)]
        for position in range(len(people) - 2, -1, -1):
            between = doc[people[position].name.end : people[position + 1].start]
            if not descriptions[position] and all(t.lower_ in LIST_JOINERS for t in between):
                descriptions[position] = descriptions[position + 1]
        for position, person in enumerate(people):
            if descriptions[position] or person.start - 1 <= cell.start or doc[person.start - 1].text != "(":
                continue
            closing = person.name.end < len(doc) and doc[person.name.end].text.startswith(")")
            before = doc[self.slot_start(cell) : person.start - 1]
            if closing and len(before) <= 8 and before.text[:1].isupper() and (self.describes(before) or affiliation_shaped(before)):
                descriptions[position] = [Field(before)]
        return descriptions

    def description(self, doc: Doc, start: int, end: int) -> list[Field]:
        """The fields after a name, up to the next name, a talk's title (after a colon, or a dash after
        brackets) or the end of the slot: "(X Institute, Examplia)", ", Director, X Institute"."""
        return self.described(doc, start, end)[0]

    def described(self, doc: Doc, start: int, end: int) -> tuple[list[Field], int]:
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
                if not NOISE.match(doc[i + 1 : close].text.strip()):
                    fields.extend(Field(part) for part in parts(doc[i + 1 : close]))
                    bracketed = True
                if doc[close].text == "):":
                    break
                i = close + 1
            elif text in (":", "):") or text in DASHES and bracketed or text == "." and i + 1 < end:
                break  # a talk's title, or the next sentence, follows
            elif text in (",", ";", "/") or text in DASHES:
                strict = text in DASHES
                i += 1
                part_end = _part_end(doc, i, end)
                part = trimmed(doc[i:part_end])
                if part is None or self._names_someone(part) or text == ";" and self._opens_item(doc, i, end) or (
                        text == "/" and self._whole_name(part) or text == "," and self._whole_name(part, after_comma=True)) or not (
                        self.describes(part) or not strict and affiliation_shaped(part)):
                    i -= 1
                    break
                fields.append(Field(part))
                i = part_end
            else:
                break
        return fields, i

    def _opens_item(self, doc: Doc, start: int, end: int) -> bool:
        """Whether the words after a semicolon open the next item of a list rather than a field of the description
        before it: a role's label ("...; Moderator: NAME"), or a name the NER tags before its own description
        ("Ana Lima, X Institute; Rui Sousa, Y Agency"). Ingest joins a cell's lines with "; " too."""
        item = doc[start:end]
        if (colon := _label_colon(item)) is not None:
            words = [t.lower_ for t in doc[start:colon] if t.is_alpha]
            return bool(words) and self.cues.role_by_noun.get(" ".join(words[-2:]), self.cues.role_by_noun.get(words[-1])) is not None
        person = self.name_at(item, after_lead(item))
        return person is not None and person.ner and person.name.end < end and doc[person.name.end].text in (",", "(")

    def _names_someone(self, part: Span) -> bool:
        """A part that is another person's name: the next item of a list ("Ana Lima (X), Rui Sousa (Y)")."""
        person = self.name_at(part, part.start)
        return person is not None and person.name.end < len(part.doc) and part.doc[person.name.end].text == "("

    def _whole_name(self, part: Span, *, after_comma: bool = False) -> bool:
        """A part that is a name and nothing more: after a slash, the next of a list ("Ana Lima / Rui Sousa"); after
        a comma, only a person the NER tagged that opens with a given name or an initial: "Chairs: Ana Lima, R.
        Sousa". Other name-shaped parts after a comma are more often places or companies ("Chapel Hill", "Schneider
        Electric")."""
        person = self.name_at(part, part.start)
        if person is None or person.name.end != part.end or len(person.name) < 2:
            return False
        return not after_comma or person.ner and (abbreviated(person.name[:1]) or self.fields.opens_with_given_name(person.name))

    def describes(self, span: Span) -> bool:
        """Whether a cell or line describes a person: a title, an institution or a country, not a talk or a time."""
        if not capitalised(span.text) or len(span) > 16 or any(t.like_num for t in span[:1]) or self.cues.is_talk(span.text):
            return False  # "Visit at X Institute": the agenda item, not who leads it
        kind, _, _ = self.fields.classify(span, first=False)
        return kind in ("country", "state", "organisation", "unit") or kind == "title" and self.cues.looks_like_title(span.text)

    def speaker(self, person: Person, fields: list[Field], role: str) -> SpeakerMatch:
        match = SpeakerMatch(name=person.name, honorific=person.honorific, role=role, mentions=[person.name], slot=True)
        if fields:
            self.fields.apply_fields(match, fields)
        self.fields.ministry_from_title(match)
        return match


def speech(span: Span) -> bool:
    """Words someone says: a finite verb."""
    return any(t.tag_ in FINITE and t.is_alpha for t in span)


def timed(line: Line) -> bool:
    """A programme line opening with its time ("09.30 10.00 Ana Lima", "14:00 | Ana Lima | talk title"): a name
    filling a cell of it has that slot of the programme."""
    first = next((token for token in line.span if not token.is_space), None)
    return first is not None and _CLOCK.match(first.text) is not None


def _label_colon(item: Span) -> int | None:
    """The colon that closes a label opening an item ("Speaker:", "• Keynote Panel:"), if any."""
    return next((t.i for t in item[:_LABEL_REACH] if t.text == ":"), None)


def after_lead(span: Span) -> int:
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
        if depth <= 0 and (separator or token.text in DASHES and token.whitespace_ and token.i > start):
            return token.i
    return end


def trimmed(part: Span) -> Span | None:
    """A field without the session number, full stop or aside a programme line puts after it ("Tonga 1-3",
    "X Council [invited]")."""
    end = part.end
    doc = part.doc
    while end > part.start:
        if _SESSION_NUMBER.match(doc[end - 1].text) or doc[end - 1].like_num:
            end -= 1
            continue
        opening = next((t.i for t in reversed(doc[part.start : end]) if t.text in ("(", "[")), None)
        if doc[end - 1].text in (")", "]") and opening is not None and NOISE.match(doc[opening + 1 : end - 1].text.strip()):
            end = opening
            continue
        break
    return part.doc[part.start : end] if end > part.start else None


def affiliation_shaped(part: Span) -> bool:
    """A capitalised field of a few words with no verb: an affiliation the classifier does not know ("Lantmäteriet")."""
    return capitalised(part.text) and len(part) <= 8 and not any(t.pos_ in ("VERB", "AUX") for t in part)


def parts(span: Span) -> list[Span]:
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


def _honorific_words(cues: SpeakerCues) -> set[str]:
    """The lower-case words a pattern's honorific is, with and without its full stop."""
    return {h.lower().rstrip(".") for h in cues.person_honorifics} | {h.lower() for h in cues.person_honorifics}


def _expanded(data: dict[str, Any], cues: SpeakerCues) -> list[list[dict[str, Any]]]:
    """The Matcher patterns with their placeholders filled from the cue lists."""
    particles = "|".join(re.escape(p) for p in sorted(cues.name_particles))
    joiners = "|".join(re.escape(j) for j in data["joiners"])
    values: dict[str, Any] = {
        "$honorifics": sorted(_honorific_words(cues)),
        "$second_honorifics": sorted(_honorific_words(cues) | cues.honorific_second_words),
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

