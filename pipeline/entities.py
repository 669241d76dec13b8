"""Entity resolution: one record per real-world actor in a document.

Mentions arrive as spaCy entities and speaker descriptions; here "ILO", "the ILO’s" and
"International Labour Office" become one organisation, "Lao PDR" and "Laos" one country, and
acronyms defined in the text ("Global Business Network (GBN)") link to their long form. Ids
are derived from canonical names (`country:LAO`, `org:ilo`) so separate runs merge.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span

from .countries import CountryIndex
from .organisations import OrganisationGazetteer, OrganisationWords, looks_like_acronym, org_key
from .resources import load_json
from .speakers import SpeakerMatch


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "unnamed"


@dataclass(slots=True)
class ResolvedEntity:
    """An entity being assembled from its mentions (char spans in the reflowed text)."""

    id: str
    type: str
    name: str
    aliases: set[str] = field(default_factory=set)
    iso3: str | None = None
    country: str | None = None
    mentions: list[tuple[str, int, int]] = field(default_factory=list)


@dataclass(slots=True)
class Resolution:
    entities: dict[str, ResolvedEntity]
    by_span: dict[tuple[int, int], str]
    """Entity id of each resolved mention, keyed by its (start, end) char offsets."""
    speaker_ids: list[tuple[str, str | None]]
    """(person id, organisation id) per speaker, in the order given."""


@cache
def _not_organisations() -> frozenset[str]:
    return frozenset(org_key(w) for w in load_json("not_organisations.json"))


class EntityResolver:
    def __init__(self, countries: CountryIndex, organisations: OrganisationGazetteer, words: OrganisationWords) -> None:
        self.countries = countries
        self.organisations = organisations
        self.words = words
        self._codes = frozenset(countries.written_names.values())

    def resolve(self, doc: Doc, speakers: list[SpeakerMatch]) -> Resolution:
        entities: dict[str, ResolvedEntity] = {}
        by_span: dict[tuple[int, int], str] = {}
        acronyms = defined_acronyms(doc)
        org_spans = [ent for ent in doc.ents if ent.label_ == "ORG"]
        for ent in doc.ents:
            entity = self.country_of(ent) if ent.label_ in ("GPE", "NORP", "ORG", "LOC") else None
            if entity is None and ent.label_ == "ORG":
                entity = self.organisation_of(ent.text, ent.ent_id_, acronyms, org_spans)
            if entity is not None:
                by_span[(ent.start_char, ent.end_char)] = _add(entities, entity, ent.text, ent.start_char, ent.end_char)
        speaker_ids = [self._add_speaker(entities, by_span, speaker, acronyms, org_spans) for speaker in speakers]
        return Resolution(entities, by_span, speaker_ids)

    def country_of(self, ent: Span) -> ResolvedEntity | None:
        code = ent.ent_id_ if ent.ent_id_ in self._codes else None
        code = code or self.countries.lookup(ent.text) or (self.countries.represented(ent.text) if ent.label_ != "ORG" else None)
        if ent.label_ == "ORG" and code is None and re.match(r"(?i)^(?:the\s+)?government\b", ent.text):
            code = self.countries.represented(ent.text)
        if code is None:
            return None
        return ResolvedEntity(id=f"country:{code}", type="country", name=self.countries[code].name, iso3=code)

    def organisation_of(
        self, text: str, known_id: str, acronyms: dict[str, str], org_spans: list[Span]
    ) -> ResolvedEntity | None:
        """The organisation a name stands for, or None for things NER mistakes for one."""
        text = re.sub(r"^(?:the|The)\s+", "", re.sub(r"\s*(?:’s|'s|’)$", "", " ".join(text.split())))
        known = self.organisations.get(known_id) if known_id else self.organisations.lookup(text)
        if known is None and text in acronyms:
            known = self.organisations.lookup(acronyms[text])
        if known is not None:
            aliases = {known.name, *known.aliases, *known.exact_aliases}
            return ResolvedEntity(id=f"org:{known.id}", type="organisation", name=known.name, aliases=aliases, country=known.country)
        if not self.is_organisation_name(text, acronyms, org_spans):
            return None
        long_form = acronyms.get(text) or _longer_org(text, org_spans)
        name = long_form or text
        short = {a for a, long in acronyms.items() if org_key(long) == org_key(name)}
        entity = ResolvedEntity(id=f"org:{slug(org_key(name))}", type="organisation", name=name, aliases={name, text, *short})
        entity.country = self.countries.represented(name) if self.words.is_institution(name) else None
        return entity

    def is_organisation_name(self, text: str, acronyms: dict[str, str], org_spans: list[Span]) -> bool:
        if not text or org_key(text) in _not_organisations() or self.countries.is_region(text):
            return False
        if self.countries.lookup(text) or not any(c.isupper() for c in text[:1]):
            return False
        if re.search(r"\d", text) and not looks_like_acronym(text):
            return False
        if text.split()[-1].lower() in ("of", "the", "and", "for", "on", "in"):
            return False  # a name the NER cut short: "the Government of"
        words = text.split()
        if len(words) == 1:
            return text in acronyms or looks_like_acronym(text) or _longer_org(text, org_spans) is not None
        return len(words) <= 14

    def _add_speaker(
        self,
        entities: dict[str, ResolvedEntity],
        by_span: dict[tuple[int, int], str],
        speaker: SpeakerMatch,
        acronyms: dict[str, str],
        org_spans: list[Span],
    ) -> tuple[str, str | None]:
        org_id = None
        organisation = speaker.organisation
        if isinstance(organisation, Span):
            org_id = by_span.get((organisation.start_char, organisation.end_char))
            if org_id is None:
                entity = self.organisation_of(organisation.text, organisation.ent_id_, acronyms, org_spans)
                if entity is not None:
                    org_id = _add(entities, entity, organisation.text, organisation.start_char, organisation.end_char)
        elif organisation:
            entity = self.organisation_of(organisation, "", acronyms, org_spans) or ResolvedEntity(
                id=f"org:{slug(org_key(organisation))}", type="organisation", name=organisation, aliases={organisation}
            )
            org_id = _add(entities, entity, organisation, -1, -1)
        if org_id is not None and speaker.country and entities[org_id].country is None and not self._international(org_id):
            entities[org_id].country = speaker.country
        person = ResolvedEntity(
            id=f"person:{slug(speaker.name.text)}", type="person", name=speaker.name.text, country=speaker.country
        )
        person_id = _add(entities, person, speaker.name.text, speaker.name.start_char, speaker.name.end_char)
        for mention in speaker.mentions:
            entities[person_id].aliases.add(mention.text)
            entities[person_id].mentions.append((mention.text, mention.start_char, mention.end_char))
        return person_id, org_id

    def _international(self, org_id: str) -> bool:
        known = self.organisations.get(org_id.removeprefix("org:"))
        return known is not None and known.international


def _add(entities: dict[str, ResolvedEntity], entity: ResolvedEntity, text: str, start: int, end: int) -> str:
    existing = entities.setdefault(entity.id, entity)
    if existing is not entity:
        existing.aliases |= entity.aliases
        existing.country = existing.country or entity.country
    existing.aliases.add(text)
    if start >= 0 and (text, start, end) not in existing.mentions:
        existing.mentions.append((text, start, end))
    return existing.id


_DEFINITION = re.compile(r"([A-Z][\w’'&.-]*(?:\s+(?:[A-Z][\w’'&.-]*|of|for|and|the|on|in|de|del|des|la|le|du|&))*)\s*\(([A-Z][A-Za-z&-]{1,11})\)")
_REVERSE_DEFINITION = re.compile(r"\b([A-Z][A-Za-z&-]{1,11})\s*\(([A-Z][\w’'&.-]*(?:\s+(?:[A-Z][\w’'&.-]*|of|for|and|the|on|in|&))+)\)")


def defined_acronyms(doc: Doc) -> dict[str, str]:
    """Acronyms the text defines: "Long Name (ACR)" and "ACR (Long Name)" -> {ACR: Long Name}."""
    found: dict[str, str] = {}
    for long_form, acronym in _DEFINITION.findall(doc.text):
        long_form = _trim_to_initials(long_form, acronym)
        if long_form:
            found.setdefault(acronym, long_form)
    for acronym, long_form in _REVERSE_DEFINITION.findall(doc.text):
        if _trim_to_initials(long_form, acronym) == long_form:
            found.setdefault(acronym, long_form)
    return found


def _trim_to_initials(long_form: str, acronym: str) -> str | None:
    """Keep the shortest tail of `long_form` whose initials can spell the acronym's first letter onwards."""
    words = long_form.split()
    for start in range(len(words)):
        tail = words[start:]
        if tail[0][0].upper() != acronym[0].upper() or tail[0].lower() in ("the", "of", "and"):
            continue
        initials = "".join(w[0] for w in tail if w[0].isupper())
        if _subsequence(acronym.upper().replace("-", ""), initials.upper()) or _subsequence(initials.upper(), acronym.upper()):
            return " ".join(tail)
    return None


def _subsequence(short: str, long: str) -> bool:
    iterator = iter(long)
    return bool(short) and all(c in iterator for c in short)


def _longer_org(text: str, org_spans: Iterable[Span]) -> str | None:
    """A one-word name that starts a longer organisation name in the same text ("Geely")."""
    for span in org_spans:
        words = span.text.split()
        if len(words) > 1 and words[0] == text:
            return re.sub(r"^(?:the|The)\s+", "", " ".join(words))
    return None
