"""Speaker attribution: who chaired, moderated and spoke, for whom, and what they said.

Reports introduce people in a handful of shapes — "Ms NAME, TITLE, UNIT, ORG, COUNTRY, chaired",
"NAME (ORG) said", "Chair NAME", lists under "Panellists:" — then refer back to them by surname.
The matching functions below read those shapes off a tagged `Doc` and return `SpeakerMatch`
records; the `speaker_attribution` component only stores them on `doc._.speakers`, so spaCy
users can add it to their own pipelines (after an NER that tags PERSON/ORG/GPE).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from .countries import CountryIndex
from .organisations import KnownOrganisation, OrganisationGazetteer, OrganisationWords, looks_like_acronym
from .resources import load_json

if not Doc.has_extension("speakers"):
    Doc.set_extension("speakers", default=[])


@dataclass(slots=True)
class SpeakerMatch:
    """One person taking part in the event, as found in a `Doc`."""

    name: Span
    honorific: str | None = None
    role: str = "speaker"
    title: str | None = None
    organisation: Span | str | None = None
    unit: str | None = None
    country: str | None = None
    quotes: list[Span] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)

    @property
    def organisation_text(self) -> str | None:
        return self.organisation.text if isinstance(self.organisation, Span) else self.organisation


@dataclass(frozen=True, slots=True)
class SpeakerCues:
    """Words that signal roles and titles (`models/speaker_cues.json`)."""

    honorifics: frozenset[str]
    role_by_verb: dict[str, str]
    role_by_noun: dict[str, str]
    role_by_phrase: dict[str, str]
    title_words: frozenset[str]

    @classmethod
    @cache
    def default(cls) -> SpeakerCues:
        data = load_json("speaker_cues.json")
        return cls(
            honorifics=frozenset(h.lower() for h in data["honorifics"] + data["honorific_lead_words"]),
            role_by_verb={verb: role for role, verbs in data["role_verbs"].items() for verb in verbs},
            role_by_noun={noun: role for role, nouns in data["role_nouns"].items() for noun in nouns},
            role_by_phrase={phrase: role for role, phrases in data["role_by"].items() for phrase in phrases},
            title_words=frozenset(w.lower() for w in data["title_words"]),
        )


class SpeakerAttribution:
    """Pipeline component: `doc._.speakers` is the list of `SpeakerMatch` in text order."""

    def __init__(self) -> None:
        self.reader = IntroductionReader(
            SpeakerCues.default(), CountryIndex.default(), OrganisationGazetteer.default(), OrganisationWords.default()
        )

    def __call__(self, doc: Doc) -> Doc:
        doc._.speakers = self.reader.speakers(doc)
        return doc


_DESCRIPTION_OPENERS = (",", "(", "from", "of", "–", "—", "-", ":", "|")


@dataclass(frozen=True, slots=True)
class _Field:
    """One comma-separated part of a description: 'Senior Specialist', 'MOHRSS', 'China'."""

    span: Span

    @property
    def text(self) -> str:
        return self.span.text.strip(" ,;–—-")


@dataclass(frozen=True, slots=True)
class _Description:
    fields: list[_Field]
    predicate: Token | None
    continues_list: bool = False


class IntroductionReader:
    """The matching logic, free of pipeline state so it can be tested on hand-made docs."""

    def __init__(
        self,
        cues: SpeakerCues,
        countries: CountryIndex,
        organisations: OrganisationGazetteer,
        words: OrganisationWords,
    ) -> None:
        self.cues = cues
        self.countries = countries
        self.organisations = organisations
        self.words = words

    # -- finding people ---------------------------------------------------------------------

    def speakers(self, doc: Doc) -> list[SpeakerMatch]:
        people = _joined_people(doc) + _unlabelled_names(doc)
        people.sort(key=lambda span: span.start)
        introduced: list[SpeakerMatch] = []
        references: list[Span] = []
        for person in people:
            match = self.introduction(person)
            if match is None:
                references.append(person)
            elif (earlier := _same_person(introduced, match.name)) is not None:
                _merge(earlier, match)
            else:
                introduced.append(match)
        for person in references:
            name, honorific = self.strip_honorific(person)
            if not _plausible_name(name) or self._looks_like_title(name.text):
                continue
            earlier = _same_person(introduced, name)
            if earlier is not None:
                earlier.mentions.append(name)
            elif self.attributed_words(person):
                introduced.append(SpeakerMatch(name=name, honorific=honorific, role="quoted", mentions=[name]))
        self.attach_quotes(doc, introduced)
        return sorted(introduced, key=lambda s: s.name.start)

    def strip_honorific(self, person: Span) -> tuple[Span, str | None]:
        doc = person.doc
        start = person.start
        while start > 0 and doc[start - 1].lower_ in self.cues.honorifics and doc[start - 1].sent == person.sent:
            start -= 1
        end = start
        while end < person.end - 1 and doc[end].lower_ in self.cues.honorifics:
            end += 1
        honorific = " ".join(t.text for t in doc[start:end]) or None
        name = doc[max(end, person.start) : person.end]
        while name and not name[0].text[:1].isupper():
            name = name[1:]  # list markers the NER took in: "b. Mr Lionel Yee"
        while len(name) > 1 and (name[-1].text in ("’s", "'s", "’") or _post_nominal(name[-1])):
            name = name[:-1]
        return name, honorific

    def introduction(self, person: Span) -> SpeakerMatch | None:
        """The person's introduction, if the text introduces them as taking part."""
        name, honorific = self.strip_honorific(person)
        if not _plausible_name(name) or self._looks_like_title(name.text) or (len(name) < 2 and not self.role_before(person)):
            return None
        match = SpeakerMatch(name=name, honorific=honorific, mentions=[name])
        described = self.description(person)
        fields, predicate = described.fields, described.predicate
        prefix_role, prefix = self.role_before(person), self.title_before(person)
        header_role = self.header_role(person)
        if prefix:
            self.apply_fields(match, [_Field(prefix)], leading=True)
        if fields:
            self.apply_fields(match, fields)
        role = prefix_role or header_role
        if predicate is not None:
            role = role or self.role_of_verb(predicate)
        speaks = predicate is not None and self.role_of_verb(predicate) is not None
        ends_line = predicate is None and fields and _ends_line(fields[-1].span)
        listed = described.continues_list and (fields or prefix) and not self._on_behalf_of(person)
        if not (speaks or ends_line or listed or prefix_role or header_role or self.attributed_words(person)):
            return None
        if not (fields or prefix or prefix_role or header_role or speaks):
            return None
        match.role = role or "speaker"
        return match

    def description(self, person: Span) -> _Description:
        """The fields after a name ("NAME, TITLE, ORG," or "NAME (ORG)") and the verb that ends them."""
        doc = person.doc
        i = person.end
        if i < len(doc) and doc[i].text in ("’s", "'s"):
            return _Description([], None)
        if i >= len(doc) or doc[i].text not in _DESCRIPTION_OPENERS:
            return _Description([], self.predicate_at(doc, i))
        closing = ")" if doc[i].text == "(" else None
        fields: list[_Field] = []
        field_start = i + 1 if doc[i].text in _DESCRIPTION_OPENERS and doc[i].is_punct else i
        j = field_start
        while j < len(doc):
            token = doc[j]
            if "\n" in token.text or (token.is_sent_start and j > field_start) or token.text == ";":
                break
            if closing and token.text == closing:
                fields.append(_Field(doc[field_start:j]))
                return _Description([f for f in fields if f.text], self.predicate_at(doc, j + 1))
            if self._next_person_starts(doc, j):
                # a list of introductions: what follows the last comma describes the next person
                return _Description([f for f in fields if f.text], None, continues_list=True)
            if token.text == "," and not _inside_entity(token):
                fields.append(_Field(doc[field_start:j]))
                field_start = j + 1
                if (predicate := self.predicate_at(doc, j + 1)) is not None:
                    return _Description([f for f in fields if f.text], predicate)
            elif j > field_start and token.is_lower and token.pos_ == "VERB" and not token.ent_type_:
                fields.append(_Field(doc[field_start:j]))
                return _Description([f for f in fields if f.text], token)
            j += 1
        if closing:
            return _Description([], None)
        fields.append(_Field(doc[field_start:j]))
        return _Description([f for f in fields if f.text], None)

    def _next_person_starts(self, doc: Doc, j: int) -> bool:
        token = doc[j]
        if token.lower_ == "and" and j + 1 < len(doc):
            token = doc[j + 1]
        return (
            token.ent_type_ == "PERSON" and token.ent_iob_ == "B" and not token.is_upper
            and not self._looks_like_title(token.text)
        )

    def _on_behalf_of(self, person: Span) -> bool:
        """Someone spoken for ("on behalf of NAME") is not the one speaking."""
        before = person.doc[max(0, person.start - 4) : person.start].text.lower()
        return "behalf of" in before

    def predicate_at(self, doc: Doc, i: int) -> Token | None:
        """A verb starting at token i (skipping adverbs: "then", "also") that reports what the person did."""
        while i < len(doc) and doc[i].pos_ in ("ADV", "PART") and doc[i].is_lower:
            i += 1
        if i < len(doc) and doc[i].is_lower and doc[i].pos_ in ("VERB", "AUX") and not doc[i].ent_type_:
            return doc[i]
        return None

    def role_of_verb(self, verb: Token) -> str | None:
        lemma = verb.lemma_.lower()
        if lemma == "be" and verb.i + 1 < len(verb.doc):
            lemma = verb.doc[verb.i + 1].lemma_.lower()
        return self.cues.role_by_verb.get(lemma) or self.cues.role_by_verb.get(verb.lower_)

    def role_before(self, person: Span) -> str | None:
        """A role named just before the name: "Chair NAME", "Moderator: NAME", "moderated by NAME"."""
        doc = person.doc
        line_start = doc.text.rfind("\n", 0, person.start_char) + 1
        before = doc.text[line_start : person.start_char].lower()
        before = re.sub(r"\b(?:mr|ms|mrs|dr|prof|h\.e|hon)\.?\s*$", "", before.strip()).strip(" :–—-,")
        for phrase, role in self.cues.role_by_phrase.items():
            if before.endswith(phrase):
                return role
        words = before.split()
        for size in (3, 2, 1):
            if len(words) >= size and (role := self.cues.role_by_noun.get(" ".join(words[-size:]))):
                return role
        return None

    def title_before(self, person: Span) -> Span | None:
        """Capitalised words ending in a title right before the name: "UNFPA’s Director", "Japan Ambassador"."""
        doc = person.doc
        end = person.start
        while end > 0 and doc[end - 1].lower_ in self.cues.honorifics:
            end -= 1
        start = end
        while start > 0 and (doc[start - 1].is_title or doc[start - 1].is_upper or doc[start - 1].text in ("’s", "'s", "-")):
            if "\n" in doc[start - 1].whitespace_ or doc[start - 1].is_sent_end:
                break
            start -= 1
        last = doc[end - 1] if end > start else None
        if last is None or not (
            last.lower_ in self.cues.title_words or last.lower_ in self.cues.role_by_noun or last.ent_type_ == "ORG"
            or self.words.is_institution(last.text)
        ):
            return None
        return doc[start:end]

    def header_role(self, person: Span) -> str | None:
        """The role of a list the name is in: lines under "Panellists:" until a blank line."""
        text = person.doc.text
        line_start = text.rfind("\n", 0, person.start_char) + 1
        if text[line_start : person.start_char].strip(" -*•\t"):
            return None
        block_start = text.rfind("\n\n", 0, line_start)
        for line in reversed(text[block_start + 1 : line_start].splitlines()):
            header = line.strip().rstrip(":").lower()
            if line.strip().endswith(":") and (role := self.cues.role_by_noun.get(header.split()[-1] if header else "")):
                return role
        return None

    def attributed_words(self, person: Span) -> bool:
        """Whether the text reports the person's words: subject of a speech verb, or "according to"."""
        root = person.root
        if root.dep_ in ("nsubj", "nsubjpass") and self.cues.role_by_verb.get(root.head.lemma_.lower()):
            return True
        doc = person.doc
        return person.start >= 2 and doc[person.start - 2].lower_ == "according" and doc[person.start - 1].lower_ == "to"

    # -- reading descriptions -----------------------------------------------------------------

    def apply_fields(self, match: SpeakerMatch, fields: list[_Field], *, leading: bool = False) -> None:
        """Sort description fields into title, unit, organisation and country.

        Descriptions go from small to large ("TITLE, UNIT, ORG, COUNTRY"), so the last
        institution named is the one the person speaks for and earlier ones are its sub-units.
        """
        for index, part in enumerate(fields):
            kind, value, extra = self.classify(part.span, first=index == 0 and match.title is None)
            if kind == "country":
                if match.country is None:
                    match.country = value
            elif kind == "state":
                match.country = value
            elif kind == "organisation":
                if match.organisation is not None and not isinstance(value, str) and self._known(match.organisation):
                    continue
                if match.organisation is not None:
                    match.unit = match.unit or match.organisation_text
                match.organisation = value
                if extra and match.country is None and self.countries.represented(part.text) == extra:
                    match.country = extra
                elif extra:
                    match.unit = match.unit or extra
            elif kind == "unit":
                match.unit = match.unit or value
            elif kind == "title":
                match.title = value if match.title is None else f"{match.title}, {value}"
                match.country = match.country or self.countries.represented(str(value))
                if extra:
                    match.organisation = match.organisation or extra
        if match.organisation is None and match.title and not self._looks_like_title(match.title) and not leading:
            match.organisation, match.title = match.title, None  # "NAME, War on Want, said": an affiliation, not a title
        known = self._known(match.organisation)
        if known is not None and known.international:
            match.country = None  # a country next to an IGO is where the person works, not whom they represent
        elif known is not None and known.country and match.country is None:
            match.country = known.country

    def classify(self, span: Span, *, first: bool) -> tuple[str, object, object]:
        text = span.text.strip(" ,;–—-").strip()
        if not text:
            return "other", None, None
        if code := self.countries.lookup(text):
            return "country", code, None
        state = self.countries.represented(text)
        lowered = text.lower()
        if state and any(lowered.startswith(w) for w in ("government", "delegation", "republic", "state of", "kingdom")):
            return "state", state, None
        orgs = [ent for ent in span.ents if ent.label_ == "ORG"]
        of_org = self._of_organisation(span, orgs)
        if of_org is not None:
            left, org, rest = of_org
            if first and not self.words.is_unit(left):
                return "title", left, org
            return "organisation", org, rest or (left if self.words.is_unit(left) else None)
        if state and any(w in lowered for w in ("embassy", "mission", "high commission", "consulate")):
            return "organisation", text, state
        if self._looks_like_title(text) and not (orgs and orgs[0].start == span.start and orgs[0].ent_id_):
            return "title", text, None
        if orgs:
            head = orgs[0]
            if head.ent_id_ and head.start == span.start and len(head) < len(span) and self.words.is_unit(text):
                return "organisation", head, text
            if self.words.is_unit(text) and not head.ent_id_ and not self.words.is_institution(text.replace("Department", "")):
                return "unit", text, None
            known_orgs = [org for org in orgs if org.ent_id_]
            return "organisation", (known_orgs or orgs)[-1], None
        if self.words.is_unit(text) and not _acronym(text):
            return "unit", text, None
        if self.words.is_institution(text) or _acronym(text) or state:
            return "organisation", text, state
        if first or self._looks_like_title(text):
            return "title", text, None
        return "other", text, None

    def _of_organisation(self, span: Span, orgs: list[Span]) -> tuple[str, Span, str | None] | None:
        """Split "Chief of the X Branch of the ILO’s Y Department" at the organisation."""
        for org in orgs:
            i = org.start
            while i > span.start and span.doc[i - 1].lower_ in ("the",):
                i -= 1
            if i > span.start and span.doc[i - 1].lower_ in ("of", "at", "for", "in") and org.ent_id_:
                left = span.doc[span.start : i - 1].text.strip(" ,")
                rest = span.doc[org.end : span.end].text.strip(" ,")
                rest = re.sub(r"^(?:’s|'s)\s*", "", rest) or None
                if left:
                    return left, org, rest
        return None

    def _looks_like_title(self, text: str) -> bool:
        words = re.findall(r"[\w’'-]+", text.lower())
        return bool(words) and (words[0] in self.cues.title_words or any(w in self.cues.title_words for w in words[:3]))

    def _known(self, organisation: Span | str | None) -> KnownOrganisation | None:
        if isinstance(organisation, Span) and organisation.ent_id_:
            return self.organisations.get(organisation.ent_id_)
        return self.organisations.lookup(organisation) if isinstance(organisation, str) else None

    # -- quotes ------------------------------------------------------------------------------

    def attach_quotes(self, doc: Doc, speakers: list[SpeakerMatch]) -> None:
        """"Quote:" paragraphs and quoted words go to the speaker whose section they are in."""
        if not speakers:
            return
        starts = sorted((s.name.start_char, s) for s in speakers)
        for quote in _quotes(doc):
            owner = _section_owner(starts, quote.start_char)
            if owner is not None:
                owner.quotes.append(quote)


_QUOTE_LINE = re.compile(r"^Quote(?:\s*\d+)?\s*:\s*(.+)$", re.MULTILINE | re.IGNORECASE)
_QUOTED = re.compile(r"[“\"]([^”\"\n]{20,}?)[”\"]")


def _quotes(doc: Doc) -> Iterator[Span]:
    for pattern in (_QUOTE_LINE, _QUOTED):
        for m in pattern.finditer(doc.text):
            span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            if span is not None:
                yield span


def _section_owner(starts: list[tuple[int, SpeakerMatch]], offset: int) -> SpeakerMatch | None:
    owner = None
    for start, speaker in starts:
        if start > offset:
            break
        owner = speaker
    return owner


def _unlabelled_names(doc: Doc) -> list[Span]:
    """Names the NER missed where a line or sentence opens with one: "Kamal Uy, Ministry of ..., presented".

    Two to four capitalised proper nouns, outside any entity, followed by a description opener.
    """
    found = []
    for sentence in doc.sents:
        start = sentence.start
        while start < sentence.end and doc[start].text in ("-", "*", "•", "–"):
            start += 1
        end = start
        while end < sentence.end and end - start < 4 and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
            end += 1
        if 2 <= end - start and end < len(doc) and doc[end].text in (",", "|", "(") and not any(t.ent_type_ for t in doc[start:end]):
            found.append(doc[start:end])
    return found


def _joined_people(doc: Doc) -> list[Span]:
    """PERSON entities, with names the NER cut in two ("Bert van der" + "Plas") put back together."""
    people: list[Span] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        if people and people[-1].end == ent.start:
            people[-1] = doc[people[-1].start : ent.end]
        else:
            people.append(ent)
    return people


def _post_nominal(token: Token) -> bool:
    """Letters after a name ("SC", "QC", "PhD", "OBE") are not part of it."""
    return token.text.rstrip(".") in ("SC", "QC", "KC", "PhD", "OBE", "MBE", "CBE", "Jr", "Sr", "MP", "MD")


def _inside_entity(token: Token) -> bool:
    """A comma within a name ("Ministry of Health, Labour and Welfare"), not one the NER left at its edge."""
    doc = token.doc
    return token.ent_iob_ == "I" and token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I"


def _plausible_name(name: Span) -> bool:
    if not name or len(name.text) > 60 or (len(name) == 1 and name[0].is_upper):
        return False
    return any(t.is_alpha and t.text[:1].isupper() for t in name)


def _name_tokens(span: Span) -> list[str]:
    return [t.lower_ for t in span if t.is_alpha]


def _same_person(speakers: list[SpeakerMatch], name: Span) -> SpeakerMatch | None:
    """A later mention ("Okafor", "Ms Okafor", "Sofia") of someone already introduced."""
    tokens = _name_tokens(name)
    if not tokens:
        return None
    candidates = []
    for speaker in speakers:
        known = _name_tokens(speaker.name)
        if tokens == known or (set(tokens) <= set(known) and (tokens[0] == known[0] or tokens[-1] == known[-1])):
            candidates.append(speaker)
        elif set(known) <= set(tokens) and (tokens[0] == known[0] or tokens[-1] == known[-1]):
            candidates.append(speaker)
    return candidates[0] if len(candidates) == 1 else None


def _merge(earlier: SpeakerMatch, later: SpeakerMatch) -> None:
    for attribute in ("honorific", "title", "organisation", "unit", "country"):
        if getattr(earlier, attribute) is None:
            setattr(earlier, attribute, getattr(later, attribute))
    if earlier.role in ("speaker", "quoted") and later.role not in ("speaker", "quoted"):
        earlier.role = later.role
    if len(later.name) > len(earlier.name):
        earlier.name = later.name
    earlier.mentions.extend(later.mentions)


def _ends_line(span: Span) -> bool:
    doc = span.doc
    return span.end >= len(doc) or "\n" in doc[span.end - 1].whitespace_ or "\n" in doc[span.end].text or (
        doc[span.end].is_punct and (span.end + 1 >= len(doc) or "\n" in doc[span.end].whitespace_)
    )


def _acronym(text: str) -> bool:
    return " " not in text.strip() and looks_like_acronym(text)

