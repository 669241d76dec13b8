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
from difflib import SequenceMatcher
from functools import cache

from spacy.tokens import Doc, Span, Token

from .countries import CountryIndex, fold
from .organisations import (
    KnownOrganisation,
    OrganisationGazetteer,
    OrganisationWords,
    looks_like_acronym,
)
from .resources import load_json
from .spans import doc_entities, document_text, line_before, token_positions

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
    not_name_words: frozenset[str]
    attendance_phrases: tuple[str, ...]
    portfolio_honorifics: frozenset[str]
    title_abbreviations: frozenset[str]
    """Title abbreviations written before a name ("DPM Lee"), as written."""
    name_particles: frozenset[str]
    cue_words: frozenset[str]
    """Titles, honorifics and role nouns: words that make a span a description, not a name."""

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
            not_name_words=frozenset(w.lower() for w in data["not_name_words"]),
            attendance_phrases=tuple(data["attendance_phrases"]),
            portfolio_honorifics=frozenset(w.lower() for w in data["portfolio_honorifics"]),
            title_abbreviations=frozenset(data["title_abbreviations"]),
            name_particles=frozenset(data["name_particles"]),
            cue_words=frozenset(
                w.lower() for w in data["title_words"] + data["honorifics"] + data["honorific_lead_words"]
            ) | {noun for nouns in data["role_nouns"].values() for noun in nouns},
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


_FIELD_PUNCT = " ,;|–—-"
_TITLE_CONNECTORS = frozenset({"of", "for", "and", "the", "to", "at", "on"})
_DESCRIPTION_OPENERS = (",", "(", "from", "of", "–", "—", "-", ":", "|")


@dataclass(frozen=True, slots=True)
class _Field:
    """One comma-separated part of a description: 'Senior Specialist', 'MOHRSS', 'China'."""

    span: Span

    @property
    def text(self) -> str:
        return _clean_field(self.span.text)


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
        introduced: list[SpeakerMatch] = []
        described: list[SpeakerMatch] = []
        references: list[Span] = []
        for person in self.candidates(doc):
            match, accepted = self.introduction(person)
            if not accepted:
                references.append(person)
                if match is not None:
                    described.append(match)
            elif (earlier := _same_person(introduced, match.name)) is not None:
                _merge(earlier, match)
            else:
                if (passing := _same_person(described, match.name)) is not None:
                    _merge(match, passing, keep_name=True)  # "a chat with Dr X, Secretary-General, Y" ... "Dr X noted"
                introduced.append(match)
        for person in references:
            name, honorific = self.strip_honorific(person)
            if not _plausible_name(name) or self._looks_like_title(name.text):
                continue
            earlier = _same_person(introduced, name)
            if earlier is not None:
                earlier.mentions.append(name)
            elif self.attributed_words(person) and (len(name) > 1 or _same_person(described, name)):
                # someone described in passing ("a chat with Dr X, Secretary-General, Y") whose words are reported later;
                # a surname alone ("Mr. Bloom said") is not enough to introduce anyone
                match = _same_person(described, name) or SpeakerMatch(name=name, honorific=honorific, mentions=[])
                match.role = self.role_of_verb(person.root.head) if person.root.dep_.startswith("nsubj") else None
                match.role = match.role or "quoted"
                match.mentions.append(name)
                introduced.append(match)
        introduced = _merged_short_names(sorted(introduced, key=lambda s: s.name.start))
        self.attach_quotes(doc, introduced)
        return introduced

    def candidates(self, doc: Doc) -> list[Span]:
        """Every span that may name a person, without overlaps; quote attributions win over the NER.

        The small NER often tags names as ORG or not at all in "NAME, ORG, COUNTRY, said" and
        after a quote, so name-shaped runs in those places are candidates too; `introduction`
        decides from the description whether a candidate takes part.
        """
        ranked = [(0, span) for span in self._attribution_names(doc)]
        ranked += [
            (1, span) for span in map(self._whole_name, map(_before_comma, _joined_people(doc)))
            if not self.words.is_institution(span.text) and not {t.lower_ for t in span} <= self.cues.not_name_words
        ]
        ranked += [(2, span) for span in self._name_shaped(doc)]
        taken: list[Span] = []
        for _, span in sorted(ranked, key=lambda item: (item[0], item[1].start)):
            if not any(span.start < other.end and other.start < span.end for other in taken):
                taken.append(span)
        return sorted(taken, key=lambda span: span.start)

    def _after_quote(self, person: Span) -> bool:
        """Whether the span opens the attribution line of a quote: '” NAME, ORG' or ',” says NAME, ORG'."""
        doc = person.doc
        i = person.start - 1
        while i >= 0 and (doc[i].lower_ in _ATTRIBUTION_LEADS or doc[i].ent_iob_ == "I" or self._honorific(doc[i])):
            i -= 1
        return i >= 0 and doc[i].text in _CLOSING_QUOTES

    def _attribution_names(self, doc: Doc) -> list[Span]:
        """The name right after a closing quote mark: the NER rarely tags names in attribution lines."""
        found = []
        for i in token_positions(doc, _CLOSING_QUOTES, attr="ORTH"):
            if i >= len(doc) - 2:
                break
            start = i + 1
            while start < len(doc) and (doc[start].lower_ in _ATTRIBUTION_LEADS or self._honorific(doc[start])):
                start += 1
            end = _name_end(doc, start, self.cues.name_particles)
            if end - start >= 2 and end < len(doc) and doc[end].text in (",", "|", "(", "-", "–", "—"):
                found.append(doc[start:end])
        return found

    def _whole_name(self, span: Span) -> Span:
        """"Chair Awa Diallo" where the NER took only "Diallo": a lone surname takes the given name before it;
        "Minister for Law Ken Ong" where it took "Law Ken Ong": the portfolio goes back to the title; a name cut
        one word before its comma takes that word."""
        doc = span.doc
        start = span.start
        if len(span) >= 3 and start > 0 and doc[start - 1].lower_ in ("of", "for"):
            return doc[start + 1 : span.end]  # "Minister for Law Ken Ong": "Law" is the portfolio
        if len(span) == 1 and start > 0 and self._name_word(doc[start - 1]) and "\n" not in doc[start - 1].whitespace_:
            start -= 1
        end = span.end
        if end + 1 < len(doc) and doc[end + 1].text == "," and self._name_word(doc[end]) and "\n" not in doc[end - 1].whitespace_:
            end += 1  # "Marcelo Abi-Ramia" + "Caetano, Secretary General": the NER stopped a word short
        return doc[start:end]

    def _name_word(self, token: Token) -> bool:
        return (
            token.is_title and token.is_alpha and not token.ent_type_ and not token.is_stop
            and token.lower_ not in self.cues.not_name_words and not self._has_cue_word(token.doc[token.i : token.i + 1])
        )

    def _name_shaped(self, doc: Doc) -> list[Span]:
        """Names the NER missed or called ORG where an introduction would start.

        Two to five name-like tokens opening a sentence, a list item or a clause after "and",
        followed by a description opener.
        """
        found = []
        for start in _clause_starts(doc):
            while start < len(doc) - 1 and self._honorific(doc[start]):
                start += 1
            end = _name_end(doc, start, self.cues.name_particles)
            if end < len(doc) and doc[end].text in (",", "|", "(") and self._name_like(doc[start:end]):
                found.append(doc[start:end])
        return found

    def _name_like(self, span: Span) -> bool:
        """Two to five name tokens with no title, institution, unit, topic or place word among them."""
        if not 2 <= len(span) <= 5 or span[-1].tag_ in ("NNS", "NNPS"):
            return False
        if any(t.ent_type_ in ("GPE", "LOC", "NORP", "DATE", "CARDINAL", "EVENT", "LAW") or t.ent_id_ for t in span):
            return False
        if span[0].is_stop and span[0].pos_ in ("DET", "ADP", "PRON", "CCONJ", "SCONJ", "ADV"):
            return False
        lowered = {t.lower_ for t in span}
        return not (
            lowered & self.cues.not_name_words or self._has_cue_word(span) or self.words.is_institution(span.text)
            or self.words.is_unit(span.text) or self.countries.lookup(span.text)
        )

    def _honorific(self, token: Token) -> bool:
        """"Justice Ana Ruiz", but not "Minister of Justice Ana Ruiz": after "of" or "for" the word is a portfolio."""
        return token.lower_ in self.cues.honorifics and not (
            token.lower_ in self.cues.portfolio_honorifics and token.i > 0 and token.doc[token.i - 1].lower_ in ("of", "for", "and")
        )

    def _has_cue_word(self, span: Span) -> bool:
        return any(t.lower_ in self.cues.cue_words for t in span)

    def strip_honorific(self, person: Span) -> tuple[Span, str | None]:
        """The bare name and the honorific before it ("H.E. Mr", "Dr"); a title word before it stays a title."""
        doc = person.doc
        first = person.start
        while first < person.end and not doc[first].text[:1].isupper():
            first += 1  # list markers the NER took in: "b. Mr Leon Tay"
        start = first
        while start > 0 and self._honorific(doc[start - 1]) and doc[start - 1].sent == person.sent:
            if doc[start - 1].lower_ in self.cues.title_words and start > 1 and doc[start - 2].is_title:
                break  # "Japan Ambassador Mr X", "Associate Professor X": a title, not an honorific
            start -= 1
        end = first
        while end < person.end - 1 and self._honorific(doc[end]):
            end += 1
        honorific = " ".join(t.text for t in doc[start:end]) or None
        name = doc[max(end, first) : person.end]
        while len(name) > 1 and name[0].text in self.cues.title_abbreviations:
            name = name[1:]  # a title's abbreviation: "SMS Tan", "DPM Lee"
        while len(name) > 1 and (name[-1].text in ("’s", "'s", "’") or _post_nominal(name[-1])):
            name = name[:-1]
        return name, honorific

    def introduction(self, person: Span) -> tuple[SpeakerMatch | None, bool]:
        """The person as described, and whether the text introduces them as taking part.

        A description without a sign of taking part ("a chat with Dr X, Secretary-General, Y") is
        still returned, so that words reported later ("Dr X noted") can promote it.
        """
        name, honorific = self.strip_honorific(person)
        if not _plausible_name(name) or self._looks_like_title(name.text) or len(name) < 2:
            return None, False
        match = SpeakerMatch(name=name, honorific=honorific, mentions=[name])
        described = self.description(person)
        fields, predicate = described.fields, described.predicate
        prefix_role, prefix = self.role_before(person), self.title_before(person)
        by_role, by_description = self.described_by(person)
        prefix_role = prefix_role or by_role
        header_role = self.header_role(person)
        if prefix:
            self.apply_prefix(match, prefix)
        elif by_description is not None:
            for part in _comma_parts(by_description):
                self.apply_prefix(match, part)
        if fields:
            self.apply_fields(match, fields)
        elif by_description is None:
            for part in self.fields_before(person):
                self.apply_prefix(match, part)
        self.ministry_from_title(match)
        quoted = self._after_quote(person)
        role = prefix_role or header_role
        if predicate is not None:
            role = role or self.role_of_verb(predicate)
        speaks = predicate is not None and self.role_of_verb(predicate) is not None
        ends_line = predicate is None and fields and _ends_line(fields[-1].span)
        listed = described.continues_list and (fields or prefix) and _substantive(match, self.words) and (
            match.title is None or match.organisation is not None or match.country or self._looks_like_title(match.title)
        )
        has_description = bool(fields or prefix or prefix_role or header_role)
        if not has_description and not speaks:
            return None, False
        met = prefix is not None and self._met(prefix)
        present = self._in_attendance(person)
        takes_part = (
            speaks or ends_line and _substantive(match) or listed or prefix_role or header_role or quoted or met or present
        )
        if self._on_behalf_of(person) or not (takes_part or self.attributed_words(person)):
            return (match if has_description else None), False
        match.role = role or ("quoted" if quoted else "speaker")
        return match, True

    def description(self, person: Span) -> _Description:
        """The fields after a name ("NAME, TITLE, ORG," or "NAME (ORG)") and the verb that ends them."""
        doc = person.doc
        i = person.end
        if i < len(doc) and doc[i].text in ("’s", "'s"):
            return _Description([], None)
        while i < len(doc) and _post_nominal(doc[i]):
            i += 1  # "Mr K Lim SC, Minister"
        if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 1].is_lower and doc[i + 2].text == ")":
            i += 3  # a photo caption's "(left)" says where, not who
        if i < len(doc) and doc[i].lower_ == "and" and self._list_goes_on(doc, i):
            return _Description([], None, continues_list=True)  # "... Ms NAME and Norway Minister of Trade Mr NAME2"
        if i >= len(doc) or doc[i].text not in _DESCRIPTION_OPENERS:
            return _Description([], self.predicate_at(doc, i))
        closing = ")" if doc[i].text == "(" else None
        fields: list[_Field] = []
        field_start = i + 1 if doc[i].text in _DESCRIPTION_OPENERS and doc[i].is_punct else i
        if doc[i].text == "," and (predicate := self.predicate_at(doc, field_start)) is not None:
            return _Description([], predicate)  # "PREFIX, Professor NAME, welcomed"
        j = field_start
        depth = 0  # commas inside brackets do not part fields: "ORG (Washington, D.C.)"
        while j < len(doc):
            token = doc[j]
            text = token.text
            if not closing:
                depth += {"(": 1, ")": -1}.get(text, 0)
            if "\n" in text and _wrapped(doc, j):
                j += 1
                continue
            if "\n" in text or (
                token.is_sent_start and j > field_start and not self._honorific(doc[j - 1]) and not _wrapped(doc, j - 1)
            ):
                break
            if closing and text.startswith(closing):  # the tokenizer keeps "):" whole
                fields.append(_Field(doc[field_start:j]))
                return _Description(_kept(fields), self.predicate_at(doc, j + 1))
            if j > field_start and self._titled_name_starts(doc, field_start, j):
                # "NAME1, Ghana Minister of Trade NAME2, ...": a title before the next name is the next person's
                return _Description(_kept(fields), None, continues_list=True)
            if self._next_person_starts(doc, j, field_start=j == field_start):
                # a list of introductions: what follows the last comma describes the next person,
                # unless "and" opens the next item ("..., ORG and Mr NAME, ...")
                if token.lower_ in ("and", "with", "while", "whereas") and j > field_start:
                    fields.append(_Field(doc[field_start:j]))
                return _Description(_kept(fields), None, continues_list=True)
            if depth <= 0 and _field_separator(token) and (text in ("-", "–", "—") or not _inside_entity(token)):
                fields.append(_Field(doc[field_start:j]))
                field_start = j + 1
                if (predicate := self.predicate_at(doc, j + 1)) is not None:
                    return _Description(_kept(fields), predicate)
            elif j > field_start and token.is_lower and token.pos_ == "VERB" and not token.ent_type_ and not (
                doc[j - 1].text == "-" and not doc[j - 1].whitespace_  # "Ottawa-based"
            ):
                fields.append(_Field(doc[field_start:j]))
                return _Description(_kept(fields), token)
            j += 1
        if closing:
            return _Description([], None)
        fields.append(_Field(doc[field_start:j]))
        return _Description(_kept(fields), None)

    def _next_person_starts(self, doc: Doc, j: int, *, field_start: bool = False) -> bool:
        """Whether another person's introduction starts at token j ("..., and NAME, ..." or "..., NAME, ...")."""
        token = doc[j]
        if token.lower_ in ("and", "with", "while", "whereas") and j + 1 < len(doc):
            j, field_start = j + 1, True
            token = doc[j]
        while j + 1 < len(doc) and self._honorific(doc[j]):
            j, field_start = j + 1, True
        if not field_start:
            return False  # a name starts a new item, or follows an honorific; "Global Justice Now" mid-field does not
        token = doc[j]
        if token.ent_type_ == "PERSON" and (token.ent_iob_ == "B" or j > 0 and self._honorific(doc[j - 1])) and not token.is_upper:
            end = j + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            person = doc[j:end]
            return (len(person) > 1 or j > 0 and self._honorific(doc[j - 1])) and not (
                self._looks_like_title(person.text) or self.words.is_institution(person.text)
            )
        end = _name_end(doc, j, self.cues.name_particles)
        return end < len(doc) and doc[end].text in (",", "(") and self._name_like(doc[j:end])

    def _list_goes_on(self, doc: Doc, i: int) -> bool:
        """Whether "and" at token i opens another item of a list of people, plain or titled."""
        if self._next_person_starts(doc, i):
            return True
        return any(self._titled_name_starts(doc, i + 1, k) for k in range(i + 2, min(i + 16, len(doc))))

    def _titled_name_starts(self, doc: Doc, field_start: int, j: int) -> bool:
        """A name at token j preceded, within the field, by a title: "Ghana Minister of Trade Kofi Mensah"."""
        if doc[j].ent_iob_ != "B" or doc[j].ent_type_ != "PERSON" or not self._has_cue_word(doc[field_start:j]):
            return False
        end = j + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        while j < end - 1 and self._honorific(doc[j]):
            j += 1
        name = doc[j:end]
        return len(name) > 1 and not (
            self._has_cue_word(name) or self.words.is_institution(name.text) or self._looks_like_title(name.text)
        )

    def _in_attendance(self, person: Span) -> bool:
        """A name in a paragraph that lists who was there: "In attendance were ...", "Participants included ..."."""
        before = line_before(person).lower()
        return any(phrase in before for phrase in self.cues.attendance_phrases)

    def _met(self, prefix: Span) -> bool:
        """A titled person met by someone: "X met (with) Canada’s Minister Y", a caption "X with Minister Y"."""
        doc = prefix.doc
        before = doc[prefix.start - 1] if prefix.start > 0 else None
        if before is None:
            return False
        if before.lemma_ == "meet":
            return True
        return before.lower_ == "with" and (
            any(t.lemma_ == "meet" for t in doc[before.sent.start : before.i])
            or before.i > 0 and doc[before.i - 1].ent_type_ == "PERSON"
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
        """The role a verb gives its subject: "chaired", "presented", and "served as rapporteur"."""
        doc = verb.doc
        if verb.i + 2 < len(doc) and doc[verb.i + 1].lower_ == "as":
            following = doc[verb.i + 2 : verb.i + 4]
            role = self.cues.role_by_noun.get(following[:1].text.lower()) or self.cues.role_by_noun.get(following.text.lower())
            if role:
                return role
        lemma = verb.lemma_.lower()
        if lemma == "be" and verb.i + 1 < len(verb.doc):
            lemma = verb.doc[verb.i + 1].lemma_.lower()
        return self.cues.role_by_verb.get(lemma) or self.cues.role_by_verb.get(verb.lower_)

    def role_before(self, person: Span) -> str | None:
        """A role named just before the name: "Chair NAME", "Moderator: NAME", "moderated by NAME"."""
        before = line_before(person).lower()
        before = re.sub(r"\b(?:mr|ms|mrs|dr|prof|h\.e|hon)\.?\s*$", "", before.strip()).strip(" :–—-,")
        before = _PASSIVE_BY.sub(" by", before)  # "welcome remarks were delivered by" is "welcome remarks by"
        for phrase, role in self.cues.role_by_phrase.items():
            if before.endswith(phrase):
                return role
        words = before.split()
        for size in (3, 2, 1):
            if len(words) >= size and (role := self.cues.role_by_noun.get(" ".join(words[-size:]))):
                return role
        return None

    def described_by(self, person: Span) -> tuple[str | None, Span | None]:
        """A programme line's "Remarks by UNCITRAL Secretary, Ms NAME": the role, and the description between.

        The words between "by" and the name must be a description: short, on the same line, with
        no verb and no other person in them.
        """
        doc = person.doc
        end = person.start
        while end > 0 and self._honorific(doc[end - 1]):
            end -= 1
        by = next((t.i for t in reversed(doc[max(0, end - 16) : end]) if t.lower_ == "by"), None)
        if by is None:
            return None, None
        between = doc[by + 1 : end]
        if any(
            t.ent_type_ == "PERSON" or "\n" in t.text
            or not (t.text[:1].isupper() or t.lower_ in _TITLE_CONNECTORS or t.text in (",", "’s", "'s", "-", "&"))
            for t in between
        ):
            return None, None
        lead = " ".join(t.lower_ for t in doc[max(0, by - 3) : by + 1])
        role = next((role for phrase, role in self.cues.role_by_phrase.items() if lead.endswith(phrase)), None)
        if role is None:
            return None, None
        while between and between[-1].text in (",", ":", "-", "–"):
            between = between[:-1]
        return role, (between if between else None)

    def title_before(self, person: Span) -> Span | None:
        """Words ending in a title right before the name: "UNFPA’s Director", "Canada’s Minister for Trade"."""
        doc = person.doc
        end = person.start
        while end > 0 and self._honorific(doc[end - 1]):
            if doc[end - 1].lower_ in self.cues.title_words and end > 1 and doc[end - 2].is_title:
                break
            end -= 1
        start = end
        while start > 0 and end - start < 16:
            previous = doc[start - 1]
            if previous.is_space:  # a line break of hard-wrapped text
                if "\n" in previous.text and start > 1 and self._title_wraps(doc[start - 2], doc[start]):
                    start -= 1
                    continue
                break
            if previous.ent_type_ == "PERSON" or "\n" in previous.whitespace_ and not self._title_wraps(previous, doc[start]):
                break
            if not (
                previous.is_title or previous.is_upper or previous.text in ("’s", "'s", "-", "&")
                or previous.lower_ in _TITLE_CONNECTORS
            ):
                break
            start -= 1
        while start < end and (doc[start].lower_ in _TITLE_CONNECTORS or doc[start].pos_ == "DET" or doc[start].is_space):
            start += 1
        last = doc[end - 1] if end > start else None
        if last is None or not (
            last.text in ("’s", "'s") or any(t.lower_ in self.cues.title_words for t in doc[start:end])
            or last.lower_ in self.cues.role_by_noun or last.ent_type_ == "ORG"
            or self.words.is_institution(last.text)
        ):
            return None
        return doc[start:end]

    def fields_before(self, person: Span) -> list[Span]:
        """A description set before the name: "Senior Minister of State, Singapore’s Ministry of X, Dr NAME, met".

        Comma-separated capitalised parts back to the start of the sentence or an opening phrase
        ("On 28 July 2023,"); at least one must name a title or an institution. A part naming
        another person means a list, whose parts belong to that person.
        """
        doc = person.doc
        start = person.start
        while start > 0 and self._honorific(doc[start - 1]):
            start -= 1
        if start < 2 or doc[start - 1].text != ",":
            return []
        sentence_start = doc[start - 1].sent.start
        parts: list[Span] = []
        end = start - 1
        while end > sentence_start:
            i = end - 1
            while i >= sentence_start and doc[i].text != "," and "\n" not in doc[i].whitespace_:
                i -= 1
            part = doc[i + 1 : end]
            while part and part[0].lower_ == "and":
                part = part[1:]
            if not part or any(t.ent_type_ == "PERSON" for t in part):
                return []
            if not part[0].text[:1].isupper() or part[0].pos_ in ("ADP", "DET", "PRON", "SCONJ", "ADV") or len(part) > 15:
                break
            parts.insert(0, part)
            if i < sentence_start or doc[i].text != ",":
                break
            end = i
        entities = doc_entities(doc)
        named = [
            self._has_cue_word(part) or self._institution_named(part.text) or any(e.label_ == "ORG" for e in entities.within(part))
            or bool(self.countries.lookup(part.text))
            for part in parts
        ]
        if not any(named):
            return []
        joined: list[Span] = []
        for part, is_named in zip(parts, named):
            if joined and not is_named:  # "Minister for Culture, Community and Youth": one title with commas
                joined[-1] = doc[joined[-1].start : part.end]
            else:
                joined.append(part)
        return joined

    def ministry_from_title(self, match: SpeakerMatch) -> None:
        """A national minister speaks for the ministry the title names: "Minister for Law" of Singapore → "Ministry of Law"."""
        if match.organisation is not None or match.title is None or match.country is None:
            return
        portfolios = _PORTFOLIO.findall(match.title)
        if portfolios and portfolios[-1].strip().lower() != "state":
            match.organisation = f"Ministry of {portfolios[-1].strip()}"

    def _title_wraps(self, before: Token, after: Token) -> bool:
        """A title hard-wrapped over two lines: "Canada’s Environment / and Climate Change Minister"."""
        return (
            after.lower_ in _TITLE_CONNECTORS or before.lower_ in _TITLE_CONNECTORS or before.text in ("’s", "'s")
            or before.lower_ in self.cues.title_words
        )

    def apply_prefix(self, match: SpeakerMatch, prefix: Span) -> None:
        """"Canada’s Minister X": the owner before a possessive is the country or institution, the rest the title."""
        owner_end = next((t.i for t in prefix if t.text in ("’s", "'s")), None)
        if owner_end is None or owner_end == prefix.start:
            for size in (3, 2, 1):  # "Mongolia Vice Minister of Justice", "French Ambassador"
                head, rest = prefix[:size], prefix[size:]
                if len(prefix) > size and self._looks_like_title(rest.text) and (
                    code := self.countries.lookup(head.text) or self.countries.demonym(head.text)
                ):
                    match.country = match.country or code
                    prefix = rest
                    break
            self.apply_fields(match, [_Field(prefix)], leading=True)
            return
        owner, rest = prefix.doc[prefix.start : owner_end], prefix.doc[owner_end + 1 : prefix.end]
        if code := self.countries.lookup(owner.text):
            match.country = code
        elif code := self.countries.represented(owner.text):
            match.country, match.organisation = code, match.organisation or owner  # "Australian Government’s Dr X"
        else:
            self.apply_fields(match, [_Field(owner)])
            if match.organisation is None and match.title:
                match.organisation, match.title = match.title, None
        if rest:
            self.apply_fields(match, [_Field(rest)], leading=True)

    def header_role(self, person: Span) -> str | None:
        """The role of a list the name is an item of: the nearest heading above ("Panellists:", "🎤 Speakers").

        Going up from the item, other items and blank lines are passed over; a heading ends the
        search (with its role, if it names one), and so does a paragraph of running text.
        """
        text = document_text(person.doc)
        line_start = text.rfind("\n", 0, person.start_char) + 1
        if any(word.lower() not in self.cues.honorifics for word in text[line_start : person.start_char].strip(" -*•\t").split()):
            return None  # running text before the name; an honorific ("- Hon. NAME") still starts an item
        for line in reversed(text[max(0, line_start - 8000) : line_start].splitlines()[-40:]):
            stripped = line.strip()
            if not stripped:
                continue
            words = re.findall(r"[a-z][a-z-]*", stripped.lower())
            if stripped[:1] in "-*•" or "," in stripped and not stripped.endswith((".", ":")):
                continue  # another item of the list
            if not words or len(words) > 5 or stripped.endswith("."):
                return None
            for size in (3, 2, 1):
                if len(words) >= size and (role := self.cues.role_by_noun.get(" ".join(words[-size:]))):
                    return role
            return None
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
        affiliation = None
        fields = [piece for part in fields for piece in _behalf_split(part)]
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
            elif kind == "other" and str(value)[:1].isupper() and index > 0 and match.title:
                affiliation = str(value)  # "NAME, Senior Advisor, Free Press Unlimited": what follows a title is whom they work for
            elif kind == "title":
                owner = _POSSESSIVE_OWNER.match(str(value))
                if owner and (code := self.countries.lookup(owner["owner"])):
                    value, match.country = owner["rest"], match.country or code  # "Egypt’s Minister of Water"
                match.title = value if match.title is None else f"{match.title}, {value}"
                of_state = re.search(r"\bof (?:the )?([A-Z][\w ]+)$", str(value))  # "Minister of Environment of Egypt"
                match.country = (
                    match.country or self.countries.represented(str(value))
                    or (self.countries.lookup(of_state.group(1)) if of_state else None)
                )
                if extra:
                    match.organisation = match.organisation or extra
        if match.organisation is None and affiliation:
            match.organisation = re.sub(r"(?:’s|'s)\s.*$", "", affiliation)  # "Public Citizen’s Global Trade Watch"
        if match.organisation is None and match.title and not self._looks_like_title(match.title) and not leading:
            match.organisation, match.title = match.title, None  # "NAME, War on Want, said": an affiliation, not a title
        if match.organisation is None and match.unit and re.match(r"^[A-Z]\w+ (?:of|for) ", match.unit) and (
            self.words.is_institution(match.unit.split()[0])
        ):
            match.organisation, match.unit = match.unit, None  # "Department of Energy" with nothing larger named
        bracketed = re.search(r"\(([^()]+)\)$", match.organisation_text or "")
        if match.country is None and bracketed:
            match.country = self.countries.lookup(bracketed.group(1))  # "IFREMER (France)"
        known = self._known(match.organisation)
        if known is not None and known.international:
            match.country = None  # a country next to an IGO is where the person works, not whom they represent
        elif known is not None and known.country and match.country is None:
            match.country = known.country
        elif known is None and match.country is None and match.organisation is not None:
            match.country = self._national_body(match.organisation_text or "")

    def _national_body(self, organisation: str) -> str | None:
        """The country a body's name opens with: "Canadian Centre for ...", "Fiji National Commission", "British High Commission"."""
        of_country = re.search(r"\bof (?:the )?([A-Z][\w ]+)$", organisation)
        if of_country and self.words.is_institution(organisation[: of_country.start()]) and (
            code := self.countries.lookup(of_country.group(1))
        ):
            return code  # "Supreme Court of Samoa"
        words = organisation.split()
        for size in (3, 2, 1):
            if len(words) > size and self.words.is_institution(" ".join(words[size:])):
                head = " ".join(words[:size]).removesuffix("’s").removesuffix("'s")
                if code := self.countries.lookup(head) or self.countries.demonym(head):
                    return code
        return None

    def classify(self, span: Span, *, first: bool) -> tuple[str, object, object]:
        text = _clean_field(span.text)
        if not text:
            return "other", None, None
        if code := self.countries.lookup(text):
            return "country", code, None
        state = self.countries.represented(text)
        lowered = text.lower()
        if state and any(lowered.removeprefix("the ").startswith(w) for w in ("government", "delegation", "republic", "state of", "kingdom")):
            return "state", state, None
        at = re.match(r"^(?P<title>.+?)\s+(?:at|with)\s+(?:the\s+)?(?:[\w-]+-based\s+)?(?P<org>[A-Z].+)$", text)
        if first and at and self._looks_like_title(at["title"]) and not self.words.is_unit(at["org"]):
            return "title", at["title"], at["org"]  # "Joint Managing Partner at X Law Corporation"
        described = re.match(r"^(?:a|an|the) (?P<place>[A-Z]\w+) (?P<rest>[a-z].*)$", text)
        if described and (code := self.countries.lookup(described["place"]) or self.countries.demonym(described["place"])):
            return "state", code, None  # "a Singapore youth leader", "a Kenyan farmer"
        orgs = [ent for ent in doc_entities(span.doc).within(span) if ent.label_ == "ORG"]
        if not text[:1].isupper() and not orgs:
            return "other", text, None  # "the oldest permanent institution dedicated to ...": a comment, not a name
        of_org = self._of_organisation(span, orgs)
        if of_org is not None:
            left, org, rest = of_org
            if self._institution_named(left):
                return "organisation", text, None  # "Fiji National Commission for UNESCO" is one body
            if first and not self.words.is_unit(left):
                return "title", left, org
            return "organisation", org, rest or (left if self.words.is_unit(left) else None)
        if state and any(w in lowered for w in ("embassy", "mission", "high commission", "consulate")):
            return "organisation", text, state
        if orgs and orgs[0].start == span.start and orgs[0].ent_id_ and orgs[0].end < span.end:
            rest = _clean_field(span.doc[orgs[0].end : span.end].text)
            if rest and rest.split()[0].lower() in self.cues.title_words:
                return "title", rest, orgs[0]  # "UNCITRAL Secretary", "ADB Regional Director"
        if self._institution_named(text):
            return "organisation", (orgs[-1] if orgs and orgs[-1].text == text else text), None
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

    def _institution_named(self, text: str) -> bool:
        """A phrase ending in an institution word and not opening with a title: "Health Justice Initiative"."""
        words = re.findall(r"[\w’'-]+", text)
        return (
            len(words) > 1 and words[0].lower() not in self.cues.title_words and words[0][:1].isupper()
            and words[-1].lower() in self.words.institution and words[-1].lower() not in self.words.unit
        )

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
        for m in pattern.finditer(document_text(doc)):
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


_CLOSING_QUOTES = ("”", '"', "''", "»")
_ATTRIBUTION_LEADS = ("-", "–", "—", "says", "said", "adds", "added")
_INITIAL = re.compile(r"^(?:[A-Z]\.){1,3}$|^[A-Z]\.?$")
_PORTFOLIO_WORDS = r"[A-Z][\w’' -]*?"
_PORTFOLIO = re.compile(
    rf"\bMinister (?:for|of) ((?:the )?{_PORTFOLIO_WORDS}(?:(?:, {_PORTFOLIO_WORDS})+,? and {_PORTFOLIO_WORDS})?)"
    r"(?=,|;|$| of [A-Z]| in )"
)
"""The portfolio in a minister's title, a list too: "Minister of Finance, Planning and Economic Development"."""
_PASSIVE_BY = re.compile(r"(?<!\s)\s+(?:was|were|is|are|been)\s+(?:also\s+)?\w+\s+by$")
_LIST_MARKER = re.compile(r"\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]")


def _name_end(doc: Doc, start: int, particles: frozenset[str], *, longest: int = 5) -> int:
    """The end of a run of name-like tokens from `start`: capitalised words, initials, particles ("van der")."""
    end = start
    while end < len(doc) and end - start < longest:
        token = doc[end]
        text = token.text
        if "\n" in text or (end > start and "\n" in doc[end - 1].whitespace_):
            break
        capitalised = token.is_alpha and text[:1].isupper() and not token.is_upper
        if capitalised or _INITIAL.match(text):
            end += 1
            continue
        following = doc[end + 1] if end + 1 < len(doc) else None
        particle = end > start and token.lower_ in particles and following is not None and following.text[:1].isupper()
        hyphen = (  # "Ould-Salem", "Martin-Roux"
            end > start and text in ("-", "‐") and not token.whitespace_ and following is not None and following.is_title
        )
        if not (particle or hyphen):
            break
        end += 1
    while end > start and (doc[end - 1].lower_ in particles or doc[end - 1].text in ("-", "‐")):
        end -= 1
    return end


def _clause_starts(doc: Doc) -> Iterator[int]:
    """Token positions where an introduction can start: sentences, list items, after "and"/"," ."""
    for sentence in doc.sents:
        start = sentence.start
        while start < sentence.end and (doc[start].text in ("-", "*", "•", "–", "·") or _list_marker(doc[start])):
            start += 1
        yield start
        if start < sentence.end and doc[start].pos_ in ("ADP", "ADV", "SCONJ"):
            # after an opening phrase: "In discussions, NAME, ORG, said"
            comma = next((t.i for t in doc[start : sentence.end] if t.text == ","), None)
            if comma is not None:
                yield comma + 1
    yield from (i + 1 for i in token_positions(doc, ("and", "while", "whereas")) if i < len(doc) - 1)


def _list_marker(token: Token) -> bool:
    """"1.", "b.", "iv." and "(a)" before a list item."""
    return bool(_LIST_MARKER.fullmatch(token.text))


def _joined_people(doc: Doc) -> list[Span]:
    """PERSON entities, with names the NER cut in two ("Kees van der" + "Berg") put back together."""
    people: list[Span] = []
    for ent in doc_entities(doc).spans:
        if ent.label_ != "PERSON":
            continue
        if people and people[-1].end == ent.start:
            people[-1] = doc[people[-1].start : ent.end]
        else:
            people.append(ent)
    return people


def _before_comma(span: Span) -> Span:
    """"Pablo Arce, Environment": the NER ran a name into its description."""
    comma = next((t.i for t in span if t.text == ","), None)
    return span if comma is None or comma == span.start else span.doc[span.start : comma]


def _post_nominal(token: Token) -> bool:
    """Letters after a name ("SC", "QC", "PhD", "OBE") are not part of it."""
    return token.text.rstrip(".") in ("SC", "QC", "KC", "PhD", "OBE", "MBE", "CBE", "Jr", "Sr", "MP", "MD")


def _comma_parts(span: Span) -> list[Span]:
    """"Senior Secretary, Ministry of Health" -> "Senior Secretary", "Ministry of Health"."""
    parts, start = [], span.start
    for token in span:
        if token.text == ",":
            parts.append(span.doc[start : token.i])
            start = token.i + 1
    parts.append(span.doc[start : span.end])
    return [part for part in parts if len(part)]


def _kept(fields: list[_Field]) -> list[_Field]:
    """Fields that say something: not empty, not a post-nominal set off by a comma ("Mr K Lim, SC met")."""
    return [f for f in fields if f.text and not (len(f.span) == 1 and _post_nominal(f.span[0]))]


def _wrapped(doc: Doc, i: int) -> bool:
    """Whether the line break at or after token i only wraps a phrase ("a Singapore youth / leader, delivered")."""
    while i < len(doc) and not doc[i].is_space and "\n" not in doc[i].whitespace_:
        i += 1
    if i + 1 >= len(doc) or i == 0 or doc[i].text.count("\n") > 1:
        return False
    before = doc[i - 1] if doc[i].is_space else doc[i]
    after_index = i + 1
    after = doc[after_index]
    return not before.is_punct and (after.is_lower or before.lower_ in _TITLE_CONNECTORS)


def _behalf_split(part: _Field) -> list[_Field]:
    """"Ministry of Finance on behalf of the Government of X": the body, and whom it acts for, as two fields."""
    span = part.span
    at = next((t.i for t in span if t.lower_ == "behalf"), None)
    if at is None or at + 1 >= span.end or span.doc[at + 1].lower_ != "of":
        return [part]
    left_end = at - 1 if at > span.start and span.doc[at - 1].lower_ == "on" else at
    pieces = [span.doc[span.start : left_end], span.doc[at + 2 : span.end]]
    return [_Field(piece) for piece in pieces if piece.text.strip(_FIELD_PUNCT)]


_POSSESSIVE_OWNER = re.compile(r"^(?P<owner>[A-Z][\w .]*?)(?:[’']s|(?<=[.s])[’'])\s+(?P<rest>[A-Z].*)$")
_CAPTION_PLACE = re.compile(
    r"(?<!\s)\s*\((?:(?:far|second from|third from|fourth from) )?(?:left|right|centre|center|middle)(?: row)?\)|(?<!\s)\s*\(online\)"
)


def _clean_field(text: str) -> str:
    """A field without separators around it, line breaks, a caption's "(second from left)", nor the full stop
    of its sentence ("S.A." keeps its dots)."""
    text = _CAPTION_PLACE.sub("", " ".join(text.split())).strip(_FIELD_PUNCT).strip()
    return text[:-1] if text.endswith(".") and not re.search(r"\b[A-Z]\.$", text) else text


def _substantive(match: SpeakerMatch, words: OrganisationWords | None = None) -> bool:
    """Whether a description says something about a person: a country, an institution or a title.

    With `words`, an affiliation must look like one (a known body, a tagged name of several words, an
    acronym or an institution word): a run of names in running text ("the basins of Yan Oya, Kala
    Oya, ...") is not a list of people.
    """
    organisation = match.organisation
    if organisation is None:
        named = False
    elif words is None:
        named = isinstance(organisation, Span) and organisation.label_ == "ORG" or (
            _acronym(str(organisation)) or len(str(organisation).split()) > 1
        )
    else:
        text = match.organisation_text or ""
        tagged = isinstance(organisation, Span) and organisation.label_ == "ORG"
        named = tagged and (bool(organisation.ent_id_) or len(organisation) > 1) or _acronym(text) or words.is_institution(text)
    return bool(match.country or match.title or match.unit or named)


def _field_separator(token: Token) -> bool:
    """Commas, semicolons and bars part a description; so does a spaced dash before a capital ("Campaigner - Global ...")."""
    if token.text in (",", ";", "|"):
        return True
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return (
        token.text in ("-", "–", "—") and bool(token.whitespace_) and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)
        and following is not None and following.text[:1].isupper()
    )


def _inside_entity(token: Token) -> bool:
    """A comma within a name ("Ministry of Health, Labour and Welfare"), not one the NER left at its edge."""
    doc = token.doc
    return token.ent_iob_ == "I" and token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I"


def _plausible_name(name: Span) -> bool:
    if not name or len(name.text) > 60 or (len(name) == 1 and name[0].is_upper):
        return False
    return any(t.is_alpha and t.text[:1].isupper() for t in name)


def _name_tokens(span: Span) -> list[str]:
    return [fold(t.text) for t in span if t.is_alpha]


def _same_person(speakers: list[SpeakerMatch], name: Span) -> SpeakerMatch | None:
    """A later mention ("Okafor", "Ms Okafor", "Adaeze") or a variant spelling of someone already introduced."""
    tokens = _name_tokens(name)
    if not tokens:
        return None
    known = [(speaker, _name_tokens(speaker.name)) for speaker in speakers]
    candidates = [speaker for speaker, words in known if _name_contained(tokens, words)]
    if len(candidates) > 1:
        candidates = _fullest(candidates, name)
    if not candidates:
        candidates = [speaker for speaker, words in known if _variant_spelling(tokens, words)]
    return candidates[0] if len(candidates) == 1 else None


def _name_contained(tokens: list[str], known: list[str]) -> bool:
    shorter, longer = sorted((tokens, known), key=len)
    return set(shorter) <= set(longer) and (shorter[0] == longer[0] or shorter[-1] == longer[-1])


def _variant_spelling(tokens: list[str], known: list[str]) -> bool:
    """"Rafiq Hassan Ullah" / "Rafiq Hasan Ullah", "Jurgen Albamann" / "Jürgen Albermann" (a transcript's ear).

    Full names only: nearly the same letters, or the same first name and a surname with the same start.
    """
    if len(tokens) < 2 or len(known) < 2:
        return False
    matcher = SequenceMatcher(None, " ".join(tokens), " ".join(known))
    if matcher.quick_ratio() >= 0.85 and matcher.ratio() >= 0.85:  # the quick upper bound spares most pairs the full count
        return True
    return tokens[0] == known[0] and len(tokens[-1]) >= 4 and tokens[-1][:4] == known[-1][:4]


def _fullest(candidates: list[SpeakerMatch], name: Span) -> list[SpeakerMatch]:
    """Of several people a short mention could be, those named in full, and if still several, those introduced with an honorific."""
    full = [speaker for speaker in candidates if len(speaker.name) > 1 and speaker.name.text != name.text]
    honoured = [speaker for speaker in full if speaker.honorific]
    return honoured if len(full) > 1 and len(honoured) == 1 else full


def _merged_short_names(speakers: list[SpeakerMatch]) -> list[SpeakerMatch]:
    """"Minister Ong" introduced before "Ms Mei Ong": one person, under the full name."""
    kept: list[SpeakerMatch] = []
    for speaker in speakers:
        if len(speaker.name) == 1:
            tokens = _name_tokens(speaker.name)
            fuller = _fullest([other for other in speakers if _name_contained(tokens, _name_tokens(other.name))], speaker.name)
            if len(fuller) == 1:
                _merge(fuller[0], speaker, keep_name=True)
                continue
        kept.append(speaker)
    return kept


def _merge(earlier: SpeakerMatch, later: SpeakerMatch, *, keep_name: bool = False) -> None:
    for attribute in ("honorific", "title", "organisation", "unit", "country"):
        if getattr(earlier, attribute) is None:
            setattr(earlier, attribute, getattr(later, attribute))
    if earlier.role in ("speaker", "quoted") and later.role not in ("speaker", "quoted"):
        earlier.role = later.role
    if len(later.name) > len(earlier.name) and not keep_name:
        earlier.name = later.name
    earlier.mentions.extend(later.mentions)


def _ends_line(span: Span) -> bool:
    doc = span.doc
    return span.end >= len(doc) or "\n" in doc[span.end - 1].whitespace_ or "\n" in doc[span.end].text or (
        doc[span.end].is_punct and (span.end + 1 >= len(doc) or "\n" in doc[span.end].whitespace_)
    )


def _acronym(text: str) -> bool:
    return " " not in text.strip() and looks_like_acronym(text)

