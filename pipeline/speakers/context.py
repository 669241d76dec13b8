"""What a document says once for many speakers: the country of a delegation its members belong to.

"A U.S. delegation travelled to ... The delegation included NAME, TITLE; NAME, TITLE; ..." names the
country once for everyone listed; "the Examplian delegation led by NAME" once for its leader. A
member whose introduction names no country of their own (and who does not work for an international
body) represents the delegation's. "A, Director; B, Adviser (both of X)" names a body once for the
people before it. A paragraph names a body once for the speakers after it: "At the X Company, the
delegation learned ... Chairman NAME presented".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..countries import CountryIndex
from ..organisations import org_key
from ..spans import doc_entities, document_text, token_positions
from .cues import SpeakerCues
from .fields import Field, FieldReader, without_article
from .match import SpeakerMatch
from .slots import affiliation_shaped, parts

_GROUP_WINDOW = 4
"""Words before a group noun that may name its country ("the U.S. interagency delegation")."""


@dataclass(frozen=True, slots=True)
class _Group:
    at: int
    """The group noun's token."""
    country: str | None


class DocumentContext:
    """Fills in, after all readers, what the document states once for a group of speakers."""

    def __init__(self, cues: SpeakerCues, fields: FieldReader) -> None:
        self.cues = cues
        self.fields = fields
        self.countries: CountryIndex = fields.countries

    def complete(self, doc: Doc, speakers: list[SpeakerMatch]) -> None:
        for at in token_positions(doc, ("respectively",)):
            self._respectively(doc, at, speakers)
        for shared in _SHARED.finditer(document_text(doc)):
            self._shared_affiliation(doc, shared, speakers)
        for speaker in speakers:
            if speaker.organisation is None and self._academic(speaker.title):
                self._university(doc, speaker)
            if speaker.organisation is None and speaker.country is None:  # "NAME, UK, described": the UK's
                speaker.organisation = self._paragraph_body(doc, speaker.name)
        self._shared_body_country(speakers)
        self._named_country_body(doc, speakers)
        groups = [self._group(doc, i) for i in token_positions(doc, self.cues.group_nouns)]
        if not groups:
            return
        for speaker in speakers:
            if speaker.country is None and not self._international(speaker):
                speaker.country = self._group_country(speaker.name, groups)

    def _international(self, speaker: SpeakerMatch) -> bool:
        """Whether the speaker works for an international body, whose people come from many countries."""
        known = self.fields.known(speaker.organisation)
        return known is not None and known.international

    def _respectively(self, doc: Doc, at: int, speakers: list[SpeakerMatch]) -> None:
        """"signed by A and B on behalf of X and Y respectively", "ministers A and B of X and Y respectively": the
        names' descriptions, one for each in the same order, written after the last name."""
        sentence = doc[at].sent
        named = [s for s in speakers if sentence.start <= s.name.start and s.name.end <= at]
        if len(named) < 2:
            return
        start = named[-1].name.end
        while start < at and doc[start].lower_ in _RESPECTIVE_LEADS:
            start += 1
        end = at - 1 if doc[at - 1].text == "," else at
        parts = _split_list(doc[start:end], len(named))
        for speaker, part in zip(named, parts):
            described = SpeakerMatch(name=speaker.name)
            self.fields.apply_fields(described, [Field(part)])
            if speaker is named[-1]:  # the list was read as the last name's own description
                speaker.title, speaker.organisation, speaker.unit, speaker.country = None, None, None, None
            speaker.title = described.title or speaker.title
            speaker.organisation = described.organisation or speaker.organisation
            speaker.unit = described.unit or speaker.unit
            speaker.country = described.country or speaker.country

    def _shared_affiliation(self, doc: Doc, shared: re.Match[str], speakers: list[SpeakerMatch]) -> None:
        """"A and B (both of X Institute)", "A, Director; B, Adviser; and C, Officer (all at X)", "A and B, both from
        X": the body after "both" or "all", written once after the last name, is each listed person's. "Both" is
        the two names before it; "all", every name of the sentence before it."""
        body = doc.char_span(*shared.span("body"), alignment_mode="contract")
        if body is None:
            return
        named = [s for s in speakers if s.name.sent == body.sent and s.name.end_char <= shared.start()]
        named = named[-2:] if shared["count"].lower() == "both" else named
        first, *rest = parts(body) or [body]
        organisation = without_article(first)
        if not named or not affiliation_shaped(organisation):
            return  # "both of which", "all of them"
        country = next((code for part in rest if (code := self.countries.lookup(part.text))), None)
        country = country or self.fields.national_body(organisation.text)
        for speaker in named:
            speaker.organisation, speaker.unit = organisation, None
            speaker.country = country or speaker.country
            read_on = re.search(rf"(?:^|\()\s*{shared['count']}\b", speaker.title or "", re.IGNORECASE)
            if speaker.title and read_on:
                speaker.title = speaker.title[: read_on.start()].strip() or None  # "Senior IT Officer (all": read on

    def _shared_body_country(self, speakers: list[SpeakerMatch]) -> None:
        """"Ana Lima, GSI, Japan" and, further on, "hosted by Rui Sousa, Director-General of GSI": a national body's
        country, given once for one of its people, is the country of the others; not where its people give
        different countries, nor for an international body, whose people come from many."""
        countries: dict[str, set[str]] = {}
        for speaker in speakers:
            if speaker.organisation_text and speaker.country:
                countries.setdefault(org_key(speaker.organisation_text), set()).add(speaker.country)
        for speaker in speakers:
            given = countries.get(org_key(speaker.organisation_text or ""), set())
            if speaker.country is None and len(given) == 1 and not self._international(speaker):
                speaker.country = next(iter(given))

    def _named_country_body(self, doc: Doc, speakers: list[SpeakerMatch]) -> None:
        """"NAME, Director, National Science Foundation" in a text that names the US: a body's generic name ("National
        Science Foundation", "Ministry of Health") is the one of the countries the text names that has a body so
        called, when exactly one has; its country is the speaker's. A state's body no registry knows ("National
        Statistical Committee") is of the country the text is about: the one it names most, three times or more and
        in at least 60% of its countries' mentions (reports name their neighbours and partners too)."""
        named = Counter(ent.ent_id_ for ent in doc_entities(doc).spans if ent.label_ == "GPE" and ent.ent_id_)
        ranked = named.most_common(1)
        dominant = ranked[0][0] if ranked and ranked[0][1] >= 3 and ranked[0][1] >= 0.6 * named.total() else None
        for speaker in speakers:
            if speaker.country is None and speaker.organisation is not None and named:
                organisation = speaker.organisation_text or ""
                known = self.fields.organisations.lookup(organisation, countries=named.keys())
                country = known.country if known is not None else self.fields.organisations.generic_country(organisation, named.keys())
                if country in named:
                    speaker.country = country
                elif known is None and dominant is not None and self.fields.words.names_a_state_body(organisation):
                    speaker.country = dominant

    def _academic(self, title: str | None) -> bool:
        return bool(title) and any(word in self.cues.academic_titles for word in re.findall(r"[a-z-]+", title.lower()))

    def _university(self, doc: Doc, speaker: SpeakerMatch) -> None:
        """"Professor NAME, the Pro-Vice Chancellor", "the University’s Dean NAME": the university named last before
        them, and the country the text places it in ("the University of X in Examplia")."""
        named = [
            ent for ent in doc_entities(doc).spans
            if ent.label_ == "ORG" and ent.end <= speaker.name.start and self.fields.words.head(ent.text) == "university"
            and len(without_article(ent)) > 1  # "the University" stands for a name
        ]
        if not named:
            return
        university = named[-1]
        speaker.organisation = university
        known = self.fields.known(university)
        placed = re.search(rf"{re.escape(university.text)}\s+in\s+(?:the\s+)?([A-Z][\w ]*[\w])", document_text(doc))
        words = placed.group(1).split() if placed else []
        speaker.country = speaker.country or (known.country if known else None) or next(
            (code for size in range(len(words), 0, -1) if (code := self.countries.lookup(" ".join(words[:size])))), None
        )

    def _paragraph_body(self, doc: Doc, name: Span) -> Span | None:
        """"At the X Company, the delegation ... Chairman NAME presented": the one body a paragraph names before a
        speaker who gives no affiliation of their own, and is their sentence's subject, is the one they speak for."""
        if name.sent.start == 0 or doc[name.sent.start - 1].text not in (".", "!", "?"):
            return None  # a programme's cell ("11:30 | X Update | NAME"), not prose
        if not name.root.dep_.startswith("nsubj"):
            return None  # "the chair invited NAME to the panel": a guest, not one of the body's people
        opened = document_text(doc).rfind("\n", 0, name.start_char)
        bodies = {
            body.text: body for ent in doc_entities(doc).spans
            if ent.label_ == "ORG" and opened < ent.start_char and ent.end <= name.sent.start
            and self.fields.is_body(ent) and (body := without_article(ent))
        }
        return next(iter(bodies.values())) if len(bodies) == 1 else None

    def _group(self, doc: Doc, at: int) -> _Group:
        """A group noun and the country written with it: "Chinese delegation", "delegation of Japan"."""
        for start in range(max(at - _GROUP_WINDOW, doc[at].sent.start), at):
            for end in range(at, start, -1):
                words = doc[start:end]
                if code := self.countries.lookup(words.text) or self.countries.demonym(words.text):
                    return _Group(at, code)
        if at + 2 < len(doc) and doc[at + 1].lower_ in ("of", "from"):
            entity = doc_entities(doc).starting_at(at + 2) or doc_entities(doc).starting_at(at + 3)
            if entity is not None and entity.label_ == "GPE" and entity.ent_id_:
                return _Group(at, entity.ent_id_)
        return _Group(at, None)

    def _group_country(self, name: Span, groups: list[_Group]) -> str | None:
        """The country of the group the name is listed as a member of, in its sentence: "the delegation included
        NAME"; a group written without one ("The delegation") is the last one named with a country before it."""
        doc = name.doc
        sentence = name.sent
        member_of = [
            group for group in groups
            if sentence.start <= group.at < name.start
            and any(t.lower_ in self.cues.membership_cues for t in doc[group.at + 1 : name.start])
        ]
        if not member_of:
            return None
        group = member_of[-1]
        if group.country is not None:
            return group.country
        earlier = [other.country for other in groups if other.at < group.at and other.country is not None]
        return earlier[-1] if earlier else None


_SHARED = re.compile(
    r"(?:\(|,\s)(?P<count>both|all|all three|all four|all five)\s+(?:of|at|from|with|representing)\s+"
    r"(?P<body>[^()\n;.]+?)(?=\)|[;.](?:\s|$)|\n|$)",
    re.IGNORECASE,
)
"""A body written once for the names before it: "(both of X)", "(all at the X)", ", both from X"."""

_RESPECTIVE_LEADS = frozenset({",", "on", "behalf", "of", "from", "representing", "the", "who", "are", "were", "is"})
"""Words between the last name and its description ("A and B, on behalf of the X and Y respectively")."""


def _split_list(span: Span, size: int) -> list[Span]:
    """`span` cut into `size` items at its commas and "and"s outside entities ("the Ministry of Water and Energy"
    is one), or no items when it does not cut into that many."""
    doc = span.doc
    cuts = [
        t.i for t in span
        if (t.text == "," or t.pos_ == "CCONJ") and t.i > span.start
        and not (t.i + 1 < len(doc) and doc[t.i + 1].ent_iob_ == "I")
        and not (t.text == "," and t.i + 1 < span.end and doc[t.i + 1].pos_ == "CCONJ")  # the serial comma: ", and"
    ]
    if len(cuts) != size - 1:
        return []
    bounds = [span.start - 1, *cuts, span.end]
    items = [doc[a + 1 : b] for a, b in zip(bounds, bounds[1:])]
    return items if all(len(item) for item in items) else []
