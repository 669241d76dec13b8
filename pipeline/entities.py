"""Entity resolution: one record per real-world actor in a document.

Mentions arrive as spaCy entities and speaker descriptions; here "ILO", "the ILO’s" and
"International Labour Office" become one organisation, "Lao PDR" and "Laos" one country, and
acronyms defined in the text ("Global Business Network (GBN)") link to their long form. Ids
are derived from canonical names (`country:LAO`, `org:ilo`) so separate runs merge.

The NER also tags programmes, events, job titles and stray phrases as organisations; a name is
kept only when it looks like an institution (its head noun, the gazetteer, an acronym the text
defines or uses as an actor) or when a speaker is introduced as working for it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from spacy.tokens import Doc, Span, Token

from .countries import APOSTROPHE, APOSTROPHES, CountryIndex, fold, plain_quotes
from .org_contexts import names_in_context
from .organisations import (
    OrganisationGazetteer,
    OrganisationWords,
    looks_like_acronym,
    named_here,
    org_key,
    slug,
    spelt_out_as,
)
from .resources import load_json
from .spans import doc_entities, document_text
from .speakers import SpeakerMatch
from .speakers.match import told_apart

_MAX_WRAPPED_WORDS = 6
"""How far past a line break a gazetteer name the NER cut there may run."""
_NAME_LINKS = frozenset({"of", "for", "and", "the", "on", "in", "des", "de", "du", "pour"})

_SHARED_HEAD = re.compile(r"(?:[Tt]he\s+)?(?P<heads>[A-Z][a-z]+s)\s+of\s+(?:the\s+)?(?P<a>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)\s+and\s+(?P<b>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)")
_MIN_TAIL_WORDS = 4
"""A name this long that ends another one names the same body without its first words; shorter ones need not
("Research Institute")."""
_MAX_ACRONYM_PART = 6
"""The longest unknown part of an acronym joined to a known one ("GGIM" in "UN-GGIM"); longer is a word."""
_PERSON_VARIANT_RATIO = 0.8
"""Two names of one person in a document: "Okafor" and a misspelt "Okafur" (difflib ratio 0.83)."""


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
    parent: str | None = None
    known: bool = False
    """True for gazetteer organisations: their id and name win when mentions merge."""


@dataclass(slots=True)
class Resolution:
    entities: dict[str, ResolvedEntity]
    by_span: dict[tuple[int, int], str]
    """Entity id of each resolved mention, keyed by its (start, end) char offsets."""
    speaker_ids: list[tuple[str, str | None]]
    """(person id, organisation id) per speaker, in the order given."""
    speaker_countries: list[str | None]
    """The country each speaker represents: the one their introduction names, else that of the national body
    they work for."""


@dataclass(frozen=True, slots=True)
class NameEvidence:
    """What the document itself says about names: definitions, and which short names act as institutions."""

    acronyms: dict[str, str]
    """ACR -> its first long form."""
    synonyms: tuple[tuple[str, str], ...]
    """Pairs of names the text equates: each acronym with every long form, a name with its translation."""
    people: frozenset[str]
    """Folded names of people (PERSON entities and speakers)."""
    actor_acronyms: frozenset[str]
    """Acronyms used as actors: possessive ("NXP's") or opening a longer organisation name."""
    in_context: tuple[Span, ...] = ()
    """Names the words around present as institutions ("a partnership with X and Y"): kept like affiliations."""
    context_names: frozenset[str] = frozenset()
    """The names of `in_context`, cleaned, for look-ups."""
    countries: frozenset[str] = frozenset()
    """ISO3 codes of the countries the document names: the registry trusts an acronym of a body from one of them
    ("MLIT" in a text about Japan)."""
    text: str = ""
    """The document's text with plain quotes (`plain_quotes`), to find where a speaker's organisation is named."""
    organisation_names: frozenset[str] = frozenset()
    """The NER's organisation names, cleaned."""
    speaker_names: frozenset[str] = frozenset()
    """Folded names of the speakers: a speaker's stated organisation is a person's name only when it is one of these."""


@cache
def _not_organisations() -> frozenset[str]:
    return frozenset(org_key(w) for w in load_json("not_organisations.json"))


@cache
def _honorifics() -> frozenset[str]:
    return frozenset(h.lower().rstrip(".") for h in load_json("speaker_cues.json")["honorifics"])


@lru_cache(maxsize=1 << 16)
def clean_name(text: str) -> str:
    """One line, no leading article, no possessive, no unclosed parenthesis ("Association(IDA") and no trailing
    place ("Network (Washington, D.C.)") or acronym ("Fund (GEEREF)") in parentheses.

    Cached: a name is cleaned again at every step of its resolution."""
    text = " ".join(text.split())
    text = re.sub(r"\s*\([^)]*$", "", text)
    text = re.sub(r"\s+\([^)]*[\s,][^)]*\)$", "", text)
    if (acronym := re.search(r"\s*\(([^()\s]{2,12})\)$", text)) and looks_like_acronym(acronym.group(1)):
        text = text[: acronym.start()]  # "Global Energy Efficiency Fund (GEEREF)": the acronym is an alias
    text = re.sub(rf"\s*{APOSTROPHE}s?$", "", text)
    return re.sub(r"^(?:the|The|THE)\s+", "", text).strip(" ,;:")


class EntityResolver:
    def __init__(self, countries: CountryIndex, organisations: OrganisationGazetteer, words: OrganisationWords) -> None:
        self.countries = countries
        self.organisations = organisations
        self.words = words
        self._codes = frozenset(countries.written_names.values())

    def resolve(self, doc: Doc, speakers: list[SpeakerMatch]) -> Resolution:
        entities: dict[str, ResolvedEntity] = {}
        by_span: dict[tuple[int, int], str] = {}
        evidence = self.evidence(doc, speakers)
        reach = 0
        for ent in doc_entities(doc).spans:
            entity = self.country_of(ent) if ent.label_ in ("GPE", "NORP", "ORG", "LOC") else None
            if entity is not None:
                by_span[(ent.start_char, ent.end_char)] = _add(entities, entity, ent.text, ent.start_char, ent.end_char)
            elif ent.label_ == "ORG" and ent.end_char > reach:  # not inside a name made whole ("UNITAR-UNOSAT")
                country = self._country_around(ent)
                for text, start, end in self._names_in(ent, evidence):
                    reach = max(reach, end)
                    same = (start, end) == (ent.start_char, ent.end_char)
                    known_id = ent.ent_id_ if same else ""  # a name made whole or cut is looked up afresh
                    if entity := self.organisation_of(text, known_id, evidence, country=country):
                        by_span[(start, end)] = _add(entities, entity, text, start, end)
        defined = self._defined_names(doc, evidence)
        for span in (*self.names_missed_by_ner(doc), *defined):
            if (span.start_char, span.end_char) not in by_span and (entity := self.organisation_of(span.text, "", evidence)):
                by_span[(span.start_char, span.end_char)] = _add(entities, entity, span.text, span.start_char, span.end_char)
        for text, start, end in (name for span in evidence.in_context for name in self._names_in(span, evidence)):
            if (start, end) not in by_span and (entity := self.organisation_of(text, "", evidence, affiliated=True)):
                by_span[(start, end)] = _add(entities, entity, text, start, end)
        speaker_ids = [self._add_speaker(entities, by_span, speaker, evidence) for speaker in speakers]
        qualified = self._qualify_national_bodies(entities)
        current = {span: qualified.get(entity_id, entity_id) for span, entity_id in by_span.items()}
        tails = _cut_tails(entities, current, [(span.start_char, span.end_char) for span in defined])
        introduced = {person_id: speaker for speaker, (person_id, _) in zip(speakers, speaker_ids)}
        merged = _merge(entities, [*self._same_actor_pairs(entities, evidence, introduced), *tails])

        def final(entity_id: str) -> str:
            entity_id = qualified.get(entity_id, entity_id)
            return merged.get(entity_id, entity_id)

        by_span = {span: final(entity_id) for span, entity_id in by_span.items()}
        speaker_ids = [(final(p), final(o) if o else None) for p, o in speaker_ids]
        countries = [speaker.country or self._national_country(entities, org_id) for speaker, (_, org_id) in zip(speakers, speaker_ids)]
        unnamed = {e.id for e in entities.values() if e.type == "organisation" and not e.mentions}
        for entity_id in unnamed:  # "Minister of Power" made "Ministry of Power": the text never names it
            del entities[entity_id]
        speaker_ids = [(p, None if o in unnamed else o) for p, o in speaker_ids]
        self._link_parents(entities, speakers, speaker_ids)
        _link_units_beside_their_bodies(entities, by_span, document_text(doc))
        self._drop_ambiguous_aliases(entities)
        for (person_id, _), country in zip(speaker_ids, countries):
            entities[person_id].country = entities[person_id].country or country
        return Resolution(entities, by_span, speaker_ids, countries)

    def _national_country(self, entities: dict[str, ResolvedEntity], org_id: str | None) -> str | None:
        """The country of a national body ("Ministry of Foreign Affairs of Denmark", a national development
        agency): its staff represent that country, though their introduction does not say so."""
        organisation = entities.get(org_id) if org_id else None
        if organisation is None or organisation.country is None:
            return None
        return organisation.country if organisation.known or self._is_national_body(organisation.name) else None

    @staticmethod
    def _drop_ambiguous_aliases(entities: dict[str, ResolvedEntity]) -> None:
        """Two countries' "Ministry of Environment" in one text: the bare name is neither's alias."""
        bases = [org_key(_unqualified(e.name)) for e in entities.values() if _unqualified(e.name) != e.name]
        for entity in entities.values():
            base = org_key(_unqualified(entity.name))
            if _unqualified(entity.name) != entity.name and bases.count(base) > 1:
                entity.aliases = {a for a in entity.aliases if org_key(a) != base}

    def evidence(self, doc: Doc, speakers: Iterable[SpeakerMatch]) -> NameEvidence:
        acronyms, synonyms = defined_names(document_text(doc), self.words)
        ents = doc_entities(doc).spans
        org_names = tuple(clean_name(ent.text) for ent in ents if ent.label_ == "ORG")
        speakers = tuple(speakers)
        people = {fold(ent.text) for ent in ents if ent.label_ == "PERSON"}
        people |= {fold(speaker.name.text) for speaker in speakers}
        possessive = set(re.findall(rf"\b([A-Z][A-Za-z&-]{{1,11}}){APOSTROPHE}s\b", document_text(doc)))
        openers = {name.split()[0] for name in org_names if len(name.split()) > 1}
        actor_acronyms = frozenset(a for a in possessive | openers if looks_like_acronym(a))
        in_context = tuple(span for span in names_in_context(doc) if not _names_a_person(span.text, people))
        countries = {code for ent in ents if (code := self._country_code(ent))}
        return NameEvidence(
            acronyms, tuple(synonyms), frozenset(people), actor_acronyms,
            in_context, frozenset(clean_name(span.text) for span in in_context), frozenset(countries),
            plain_quotes(document_text(doc)), frozenset(org_names), frozenset(fold(speaker.name.text) for speaker in speakers),
        )

    def _country_code(self, ent: Span) -> str | None:
        if ent.ent_id_ in self._codes:
            return ent.ent_id_
        return self.countries.lookup(ent.text) if ent.label_ in ("GPE", "NORP") else None

    def country_of(self, ent: Span) -> ResolvedEntity | None:
        if _ends_a_persons_name(ent):
            return None
        code = ent.ent_id_ if ent.ent_id_ in self._codes else None
        code = code or self.countries.lookup(ent.text) or (self.countries.represented(ent.text) if ent.label_ != "ORG" else None)
        if ent.label_ == "ORG" and code is None and self._is_government(ent.text):
            code = self.countries.represented(ent.text)
        if ent.label_ == "NORP" and code is None and not _a_language(ent):
            code = self.countries.demonym(ent.text)  # "Israeli partners", "the German team"
        if code is None:
            return None
        return ResolvedEntity(id=f"country:{code}", type="country", name=self.countries[code].name, iso3=code)

    def organisation_of(
        self, text: str, known_id: str, evidence: NameEvidence, *, affiliated: bool = False, country: str | None = None,
        stated: bool = False,
    ) -> ResolvedEntity | None:
        """The organisation a name stands for, or None for things NER mistakes for one.

        `affiliated` names are what a speaker is introduced as working for: kept unless plainly not an institution.
        `country` is the state the text places a national body in ("Japan's Ministry of X", "Ministry of X, Ghana").
        `stated` names are the organisation a speaker's description gives ("Ana Lima, Examplia Electric"): the slot
        says institution, whatever the NER tagged the words (it takes many a company's name for a person's).
        """
        text = clean_name(text)
        if not text:
            return None
        defined = evidence.acronyms.get(text)
        known = self.organisations.lookup(defined, countries=evidence.countries) if defined else None
        countries = evidence.countries if not defined else ()  # "EIT": an economy in transition here, no institute
        known = known or (self.organisations.get(known_id) if known_id else self.organisations.lookup(text, countries=countries))
        if known is not None and not named_here(known, text, evidence.countries):
            known = None  # "ABC Pacific Coordinator" in a text about Tonga: no Brazilian agency
        if known is not None and defined and _trim_to_initials(defined, text) and not spelt_out_as(known, defined):
            known = None  # "Otherland Maths Initiative (OMI)": not the IMO, whatever its acronym in French
        if known is None and defined and not self.is_organisation_name(defined, evidence, affiliated=True):
            return None  # "Multi-Criteria Decision Analysis (MCDA)": the text defines a method, not an institution
        if known is not None:
            aliases = {known.name, *known.aliases, *known.exact_aliases}
            return ResolvedEntity(
                id=f"org:{known.id}", type="organisation", name=known.name, aliases=aliases, country=known.country, known=True
            )
        if not self.is_organisation_name(text, evidence, affiliated=affiliated, stated=stated):
            return None
        name = defined or text
        short = {a for a, long in evidence.acronyms.items() if org_key(long) == org_key(name)}
        entity = ResolvedEntity(id=f"org:{slug(org_key(name))}", type="organisation", name=name, aliases={name, text, *short})
        if self._is_national_body(name):
            entity.country = self.countries.represented(name) or country or _only(evidence.countries)
            self._qualify(entity)
        return entity

    def is_organisation_name(self, text: str, evidence: NameEvidence, *, affiliated: bool = False, stated: bool = False) -> bool:
        words = text.split()
        affiliated = affiliated or text in evidence.context_names
        if not _plausible_name(text) or org_key(text) in _not_organisations() or self.countries.is_region(text):
            return False
        if self.countries.lookup(text) or self._person_like(text):
            return False
        named_by_slot = stated and fold(text) not in evidence.speaker_names
        if fold(text) in evidence.people and self.words.kind(text) != "company" and text not in evidence.context_names and not named_by_slot:
            return False  # the NER's PERSON, unless a legal form ("Harry Elias Partnership LLP"), the context or a slot says firm
        if self._is_government(text) and self.countries.represented(text):
            return False
        if self.words.is_role(text):
            return False  # "Co-Chair", "Director-General", "Principal Investigator": a post
        if len(words) == 1:
            if self.countries.demonym(text) or self.words.kind(text) != "unknown" or text.lower() in self.words.generic_modifiers:
                return False  # "Indian", "University", "Workshop", "National": an adjective, a bare head noun
            if looks_like_acronym(text) or self._of_a_family(text):
                return affiliated or text in evidence.acronyms or text in evidence.actor_acronyms or self._of_a_family(text)
            return affiliated and text[0].isupper()
        kind = self.words.kind(text)
        slot_body = named_by_slot and not any(w.lower() in self.words.roles for w in words)  # "Small Arms Survey", no post
        if kind == "not_institution" and not slot_body or len(words) > 14 or self._plural_category(text):
            return False
        if kind in ("institution", "unit") and self.words.is_generic(text) and not affiliated:
            return False  # "the Regional Bureau", "Executive Office": a description, not a name
        if kind == "unknown":  # a defined name, unless its acronym is plural: "Nationally Determined Contributions (NDCs)"
            defined = {org_key(long) for acronym, long in evidence.acronyms.items() if not re.fullmatch(r"[A-Z]+s", acronym)}
            return affiliated or org_key(text) in defined
        return True

    def _of_a_family(self, acronym: str) -> bool:
        """An acronym joined to a known body's ("UN-GGIM", "UNITAR-UNOSAT"): a body of that family. Not two
        unrelated bodies ("WHO-UNICEF estimates"), nor a word in capitals ("GAVI-ELIGIBLE")."""
        parts = re.split(r"[-‐/]", acronym)
        known = [self.organisations.lookup(part) for part in parts]
        if len(parts) < 2 or not any(known) or any(k is None and len(p) > _MAX_ACRONYM_PART for k, p in zip(known, parts)):
            return False
        ids = {k.id for k in known if k is not None}
        return not all(known) or any(k.parent in ids for k in known if k is not None)

    def _without_country(self, name: str) -> str:
        """`org_key` of a name without its leading country: "Singapore Attorney-General's Chambers"."""
        code, rest = _leading_country(self.countries, name)
        return org_key(" ".join(rest)) if code and len(rest) > 1 else org_key(name)

    def _country_key(self, name: str) -> str:
        """`org_key` with a leading country written as its code: "NZ High Commission" = "New Zealand High
        Commission", "Australian High Commission" = "Australia High Commission"."""
        code, rest = _leading_country(self.countries, name)
        return org_key(" ".join([code, *rest])) if code else org_key(name)

    def _plural_category(self, text: str) -> bool:
        """ "Research Institutions", "Civil Society Organizations": a kind of institution, not one."""
        head = self.words.head(text)
        singular = re.sub(r"ies$", "y", head) if head.endswith("ies") else head.removesuffix("s")
        return head not in self.words.institution and singular != head and singular in self.words.institution

    def names_missed_by_ner(self, doc: Doc) -> list[Span]:
        """Institution names the NER cut at a country: "Singapore International Mediation Centre" (country, then
        capitalised words up to a head noun), "Supreme Court of" + "Samoa"; and firms it took for people
        ("Harry Elias Partnership LLP")."""
        found = []
        ents = doc_entities(doc)
        for ent in ents.spans:
            if ent.label_ == "GPE":
                end = ent.end
                while end < len(doc) and _continues_name(doc[end]):
                    end += 1
                while end > ent.end and not doc[end - 1].is_alpha:
                    end -= 1
                if end == ent.end or doc[end - 1].lower_ not in self.words.institution or (end < len(doc) and doc[end].ent_iob_ == "I"):
                    continue  # no head noun, or a head cut out of a longer name ("Ghana" + "Ministry of Health")
                if doc[ent.end].text in ("-", "‐") and doc[end - 1].lower_ in self.words.pair_arrangements:
                    continue  # "New Zealand-USP Partnership": two parties' arrangement, not an institution
                tail = ents.starting_at(end + 1) if end < len(doc) else None
                if tail is not None and doc[end].lower_ in ("of", "for"):
                    end = tail.end  # "Fiji National Commission for UNESCO"
                found.append(doc[ent.start : end])
            elif ent.label_ == "ORG" and ent[-1].lower_ in ("of", "for") and (country := ents.starting_at(ent.end)) is not None:
                if country.label_ == "GPE":
                    found.append(doc[ent.start : country.end])
            elif ent.label_ == "PERSON" and self.words.kind(ent.text) == "company":
                found.append(ent)
        return found

    def _defined_names(self, doc: Doc, evidence: NameEvidence) -> list[Span]:
        """Institution names the text defines an acronym for, where the NER missed them: "Council on
        Environmental Quality (CEQ)" across a line break."""
        text = document_text(doc)
        institutions = {a: long for a, long in evidence.acronyms.items() if self.words.kind(long) in ("institution", "company")}
        sites = (_definition_site(text, acronym, long_form) for acronym, long_form in institutions.items())
        spans = (doc.char_span(m.start(), m.end(), alignment_mode="expand") for m in sites if m)
        return [span for span in spans if span is not None]

    def _known_across_lines(self, ent: Span) -> Span | None:
        """A gazetteer name a line break cut ("UN Development" / "Programme"): the ruler matches whole phrases
        only, so the NER keeps the first line. The longest known name across the break wins."""
        doc, end, crossed = ent.doc, ent.end, False
        while end < len(doc) and end - ent.end < _MAX_WRAPPED_WORDS:
            token = doc[end]
            if token.is_space and token.text.count("\n") == 1:
                crossed = True
            elif not (token.is_alpha and (token.text[0].isupper() or token.lower_ in _NAME_LINKS)):
                break
            end += 1
        if not crossed:
            return None
        candidates = (doc[ent.start : stop] for stop in range(end, ent.end, -1) if not doc[stop - 1].is_space)
        return next((c for c in candidates if "\n" in c.text and self.organisations.lookup(" ".join(c.text.split()))), None)

    def _names_in(self, ent: Span, evidence: NameEvidence) -> list[tuple[str, int, int]]:
        """The names an ORG span holds, as (text, start, end): a span the NER began inside a hyphenated word
        ("General’s Chambers" of "Attorney-General’s Chambers") is widened to the word; a job title run into
        a name ("Technical Cooperation, International Cooperation Department") is dropped; two institutions
        joined by "and" ("Expert Group on X and Climate Technology Institute") are split, and a last word the
        NER left out after "and" is taken back ("Centre of Arbitration and Mediation"); an acronym joined to
        others ("CTI-PFAN", "UN-GGIM-AP") is one name, and so is a word the NER cut at its hyphen
        ("Department of Survey, Mapping and Geo" + "-Information"). The rest is `_parts`."""
        text, start, end = ent.text, ent.start_char, ent.end_char
        doc, after = ent.doc, ent.doc[ent.end : ent.end + 3]
        full = document_text(doc)
        if whole := self._known_across_lines(ent):
            return [(whole.text, whole.start_char, whole.end_char)]
        if (
            not ent.ent_id_ and re.search(r"\s(?:of|for)\s", text) and len(after) == 3 and after[0].lower_ == "and"
            and after[1].is_title and not after[1].ent_type_ and not after[2].is_title
        ):
            end = after[1].idx + len(after[1])  # "Belgian Centre of Arbitration" + "and Mediation"
            text = full[start:end]
        elif not ent.ent_id_ and ent[-1].lower_ in ("and", "&") and len(after) and after[0].is_title:
            end = after[0].idx + len(after[0])  # "the Departments of State and" + "Defense"
            text = full[start:end]
        elif branch := self._national_branch(ent):
            end = branch.end_char  # "CSR" + "Asia", "Microsoft" + "Kenya": an organisation's branch
            text = full[start:end]
        if not ent.ent_id_ and start > 1 and full[start - 1] == "-" and full[start - 2].isalpha():
            start = full.rfind(" ", 0, start) + 1
            text = full[start:end]
        if looks_like_acronym(text) and (joined := re.match(r"(?:[-‐/][A-Z][A-Za-z]*[A-Z]\b)+", full[end:])):
            end += joined.end()  # "CTI" + "-PFAN": an acronym of acronyms
            text = full[start:end]
        elif not ent.ent_id_ and (word := re.match(r"[-‐][A-Z]\w*", full[end:])) and full[end - 1].isalpha():
            end += word.end()  # "Geo" + "-Information"
            text = full[start:end]
        return [(text, start, end)] if ent.ent_id_ and text == ent.text else self._parts(text, start, evidence)

    def _national_branch(self, ent: Span) -> Span | None:
        """The country or region that, written right after a company's or an NGO's name, names its branch there
        ("CSR Asia", "Microsoft Kenya", "CELEC Ecuador"); not after an institution's ("Ministry of Health Kenya")
        nor when the place opens a name of its own."""
        doc, place = ent.doc, doc_entities(ent.doc).starting_at(ent.end)
        if ent.ent_id_ or place is None or place.label_ not in ("GPE", "LOC") or ent[-1].whitespace_ != " ":
            return None
        if self.words.kind(clean_name(ent.text)) in ("institution", "unit") or len(ent) > 3:
            return None
        if not (self.countries.lookup(place.text) or self.countries.is_region(place.text)):
            return None
        following = doc[place.end] if place.end < len(doc) else None
        return place if following is None or not (following.is_title and following.is_alpha) else None

    def _parts(self, text: str, start: int, evidence: NameEvidence) -> list[tuple[str, int, int]]:
        """The names in an organisation's text as the NER or a speaker's introduction gives it, as (text, start,
        end) (`start` -1: the text is not in the document). A job title run into a name is dropped, before it
        ("Technical Cooperation, International Cooperation Department") or after it ("Renault VP of Strategy",
        "Department of State Assistant"); a name placed "in" a country ends there ("INVEMAR in Colombia and the
        OBIS Node Manager"); an owner the document names as an organisation keeps its possessive's unit out ("UC
        Davis’ Institute of Transportation Studies" is UC Davis); two institutions joined by "and" are split
        ("Expert Group on X and Climate Technology Institute", "the Sierra Club and Renewable Cities")."""
        offset = 0
        lead, comma, last = text.rpartition(", ")
        if comma and len(last.split()) > 1 and self.words.kind(last) in ("institution", "unit") and self.words.kind(lead) == "not_institution":
            offset, text = len(lead) + len(comma), last
        if (role := self.words.role_start(text)) is not None:
            text = " ".join(text.split()[:role]).rstrip(" ,;&-")
        if person := self._person_after_and(text):
            text = text[: person.start()]  # "Examplia University and Dean Ana Lima"
        placed = re.match(r"(.+?)\s+in\s+(?=[A-Z])", text)
        if placed and _leading_country(self.countries, text[placed.end() :] + " .")[0]:
            text = placed.group(1)
        body = re.match(r"(?:[Tt]he\s+)?([A-Z][A-Za-z&-]{1,11})\s+(.+)$", text)
        if body and looks_like_acronym(body.group(1)) and self._governs(body.group(2)) and self._names_an_organisation(body.group(1), evidence, strict=True):
            offset, text = offset + body.start(1), body.group(1)  # "the OBIS Steering Group": a body of OBIS
        owner = re.match(rf"(.+?){APOSTROPHE}s?\s+(?=[A-Z])", text)
        if owner and self.words.kind(text[owner.end() :]) in ("institution", "unit") and self._names_an_organisation(owner.group(1), evidence):
            text = owner.group(1)
        if shared := self._shared_head(text):
            return [(name, *((start + offset + a, start + offset + b) if start >= 0 else (-1, -1))) for name, a, b in shared]
        pieces = [(0, text)]
        for match in re.finditer(r"\s+(and|at)\s+(?=(?:the\s+)?[A-Z])", text):
            first, second = clean_name(text[: match.start()]), clean_name(text[match.end() :])
            if self._two_names(first, second) if match.group(1) == "and" else self._unit_at(first, second):
                first, second = text[: match.start()], text[match.end() :]
                pieces = [(0, first), (match.end(), second)]
                break
        return [(piece, *((start + offset + at, start + offset + at + len(piece)) if start >= 0 else (-1, -1))) for at, piece in pieces]

    def _shared_head(self, text: str) -> list[tuple[str, int, int]]:
        """ "Departments of State and Defense", "Ministries of Health and Education": one head for two bodies, each
        named with the words that tell it apart (its offsets in `text`)."""
        match = _SHARED_HEAD.fullmatch(text)
        if match is None:
            return []
        head = re.sub(r"ies$", "y", match["heads"]) if match["heads"].endswith("ies") else match["heads"][:-1]
        if self.words.kind(head) not in ("institution", "unit"):
            return []
        return [(f"{head} of {match[part]}", match.start(part) if part == "b" else 0, match.end(part)) for part in ("a", "b")]

    def _names_an_organisation(self, text: str, evidence: NameEvidence, *, strict: bool = False) -> bool:
        """A known body, a name the text defines or the NER tags as an organisation on its own ("UC Davis’"), or
        (unless `strict`) any acronym."""
        return (not strict and looks_like_acronym(text)) or text in evidence.organisation_names or text in evidence.acronyms or (
            self.organisations.lookup(text, countries=evidence.countries) is not None
        )

    def _governs(self, text: str) -> bool:
        """A governing or working body's name, named after its organisation: "Steering Group", "Board", a unit."""
        return self.words.head(text) in self.words.bodies or self.words.kind(text) == "unit"

    def _two_names(self, first: str, second: str) -> bool:
        """Two institutions, not one whose portfolio has an "and" ("Ministry of Water and Rural Development"): both
        institutions; or two names of two words or more, the first without a linking word and the second without
        an institution's head at its end ("Sierra Club" and "Renewable Cities", not "Natural Resources and
        Environment Ministry")."""
        kinds = {self.words.kind(_unqualified(part)) for part in (first, second)}
        if len(first.split()) > 1 and kinds <= {"institution", "company"}:
            return True
        words = first.split()
        return (
            kinds == {"unknown"} and len(words) > 1 and len(second.split()) > 1 and not any(w in _NAME_LINKS for w in words)
            and second.split()[-1].lower() not in self.words.institution | self.words.unit
        )

    def _unit_at(self, unit: str, institution: str) -> bool:
        """A unit "at" its institution, run together by the NER: "College of Economics and Management at
        Examplia Agricultural University" names two bodies (the first a sub-unit of the second)."""
        return self.words.kind(unit) in ("institution", "unit") and self.words.kind(_unqualified(institution)) == "institution"

    def _person_after_and(self, text: str) -> re.Match[str] | None:
        """ "and" + a title or honorific + a name the NER ran an organisation into ("Examplia University of Life
        Sciences and Dean Ana Lima"): where the organisation ends."""
        for match in re.finditer(r"\s+and\s+([A-Z][\w.-]*)((?:\s+[A-Z][\w’'.-]*){1,3})$", text):
            title, name = match.group(1).lower().rstrip("."), match.group(2)
            if (title in _honorifics() or title in self.words.roles) and self.words.kind(name) == "unknown":
                return match
        return None

    def _person_like(self, text: str) -> bool:
        """ "Dr Ada Obi", "Ms Okafor": an honorific opens a person's name, never an institution's."""
        first = text.split()[0].lower().rstrip(".")
        return first in _honorifics()

    @staticmethod
    def _is_government(name: str) -> bool:
        """ "Government of Japan", "the Australian Government": the state itself, a country and no organisation."""
        return re.search(r"(?i)^(?:the\s+)?government\b|\bgovernment$", name.strip()) is not None

    def _is_mission(self, name: str) -> bool:
        """Embassies, high commissions, consulates, delegations: bodies named with where they sit."""
        return any(word in name.lower() for word in self.words.state if word != "government")

    def _is_national_body(self, name: str) -> bool:
        head = self.words.head(name)
        national = head in self.words.state or head in ("ministry", "ministries", "ministère", "ministerio", "department")
        return national or self._is_mission(name)

    def _qualify_national_bodies(self, entities: dict[str, ResolvedEntity]) -> dict[str, str]:
        """Qualify the national bodies that learnt their country from a speaker. Returns old -> new ids."""
        renames: dict[str, str] = {}
        for entity in list(entities.values()):
            old_id = entity.id
            if entity.type == "organisation":
                self._qualify(entity)
            if entity.id != old_id:
                renames[old_id] = entity.id
                del entities[old_id]
                if entity.id in entities:
                    _absorb(entities[entity.id], entity)
                else:
                    entities[entity.id] = entity
        return renames

    def _qualify(self, entity: ResolvedEntity) -> None:
        """A national body is named with its country ("Ministry of Environment (Cambodia)") so that two countries'
        ministries stay two nodes in a corpus graph; "New Zealand" + "Ministry of Foreign Affairs and Trade" may
        be a gazetteer entry."""
        if entity.known or entity.country is None or entity.name != _unqualified(entity.name):
            return
        if not self._is_national_body(entity.name) or self.countries.represented(entity.name) == entity.country:
            return
        country = self.countries[entity.country]
        base = entity.name
        known = self.organisations.lookup(f"{country.name} {base}")
        if known is not None:
            entity.name, entity.known = known.name, True
            entity.aliases |= {known.name, *known.aliases, *known.exact_aliases}
            entity.id = f"org:{known.id}"
        else:
            entity.name = f"{base} ({country.name})"
            entity.aliases |= {entity.name, f"{base} of {country.name}", f"{country.name} {base}"}
            entity.id = f"org:{entity.country.lower()}-{slug(org_key(base))}"

    def _country_around(self, ent: Span) -> str | None:
        """A country written just before ("Japan's", "Japanese") or after (", Japan") a name."""
        doc = ent.doc
        before = doc[max(ent.start - 2, 0) : ent.start]
        if len(before) == 2 and plain_quotes(before[1].text) == "'s":
            return self.countries.lookup(before[0].text)
        if len(before) and before[-1].is_title:
            code = self.countries.demonym(before[-1].text) or self.countries.lookup(before[-1].text)
            if code:
                return code
        after = doc[ent.end : ent.end + 2]
        if len(after) == 2 and after[0].text in (",", "(") and after[1].ent_type_ == "GPE" and after[1].ent_iob_ == "B":
            end = after[1].i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":  # the whole name: "Guinea-Bissau", not "Guinea"
                end += 1
            place = doc[after[1].i : end]
            return self.countries.lookup(place.text) or (place[0].ent_id_ if place[0].ent_id_ in self._codes else None)
        return None

    def _add_speaker(
        self,
        entities: dict[str, ResolvedEntity],
        by_span: dict[tuple[int, int], str],
        speaker: SpeakerMatch,
        evidence: NameEvidence,
    ) -> tuple[str, str | None]:
        org_id = None
        organisation = speaker.organisation
        if isinstance(organisation, Span):
            org_id = _resolved_around(by_span, organisation.start_char, organisation.end_char)
            if org_id is None:
                text, start, end = self._names_in(organisation, evidence)[0]
                known_id = organisation.ent_id_ if (start, end) == (organisation.start_char, organisation.end_char) else ""
                stated = self._stated(text, organisation.text, end, evidence)
                entity = self.organisation_of(text, known_id, evidence, affiliated=True, country=speaker.country, stated=stated)
                if entity is not None:
                    org_id = _add(entities, entity, text, start, end)
        elif organisation:
            start, end = _named_at(evidence.text, organisation)
            named = document_text(speaker.name.doc)[start:end] if start >= 0 else organisation
            text, start, end = self._parts(named, start, evidence)[0]
            stated = self._stated(text, named, end, evidence)
            entity = self.organisation_of(text, "", evidence, affiliated=True, country=speaker.country, stated=stated)
            if entity is not None:
                org_id = _add(entities, entity, text, start, end)
        if org_id is not None and speaker.country and entities[org_id].country is None and not entities[org_id].known:
            entities[org_id].country = speaker.country
        name = _without_honorific(speaker.name.text)
        person = ResolvedEntity(id=f"person:{slug(name)}", type="person", name=name, country=speaker.country)
        person_id = _add(entities, person, speaker.name.text, speaker.name.start_char, speaker.name.end_char)
        for mention in speaker.mentions:
            entities[person_id].aliases.add(mention.text)
            entities[person_id].mentions.append((mention.text, mention.start_char, mention.end_char))
        return person_id, org_id

    def _stated(self, text: str, named: str, end: int, evidence: NameEvidence) -> bool:
        """Whether a speaker's description states `text` as their organisation: the whole field, not a piece cut from
        it at "and" (a talk's title run into the slot), and not a lone word before ", COUNTRY" (the city of an
        address: "Mayor, Examplia City, Examplia")."""
        if clean_name(text) != clean_name(named):
            return False
        place = re.match(r",\s*([A-Z][\w’' -]*?)\s*(?:[,.;)]|$)", evidence.text[end:end + 60]) if end >= 0 else None
        return not (len(text.split()) == 1 and place is not None and self.countries.lookup(place.group(1)))

    def _same_actor_pairs(
        self, entities: dict[str, ResolvedEntity], evidence: NameEvidence, introduced: dict[str, SpeakerMatch]
    ) -> list[tuple[str, str]]:
        """Pairs of entity ids naming one actor: acronym and long form, translations, a name cut short, a
        location suffix ("Embassy of X in Y"), an unqualified ministry, a misspelt person, unless both were
        `introduced` as different people ("Jonas Lima, Director, X" and "José Lima, Adviser, Y")."""
        orgs = [e for e in entities.values() if e.type == "organisation"]
        owner: dict[str, str] = {}
        pairs: list[tuple[str, str]] = []
        for entity in sorted(orgs, key=lambda e: not e.known):
            for key in sorted({self._country_key(alias) for alias in (entity.name, *entity.aliases)}):  # run to run alike
                other = entities[owner[key]] if key in owner else None
                if other is not None and not entity.known and _may_be_one(entity, other):
                    pairs.append((entity.id, other.id))  # one alias, one actor ("MFAT" defined and in the gazetteer)
                owner.setdefault(key, entity.id)
        pairs += [
            (owner[org_key(a)], owner[org_key(b)]) for a, b in evidence.synonyms if org_key(a) in owner and org_key(b) in owner
        ]
        spaceless = {key.replace(" ", ""): entity_id for key, entity_id in owner.items() if " " in key}
        for entity in orgs:
            key = org_key(entity.name)
            stripped = org_key(_without_location(entity.name))
            if stripped != key and stripped in owner and self._is_mission(entity.name):
                pairs.append((entity.id, owner[stripped]))
            local = self._without_country(entity.name)
            if local != key and local in owner and _may_be_one(entity, entities[owner[local]]):
                pairs.append((owner[local], entity.id))  # "Attorney-General's Chambers" of "Singapore Attorney-..."
            if (initials := _initials(entity.name)) and initials in owner and initials != key:
                pairs.append((entity.id, owner[initials]))
            if " " not in key and (joined := spaceless.get(key)) and joined != entity.id:
                pairs.append((entity.id, joined))  # "WorldBank": words run together in a PDF text layer
            longer = [o for o in orgs if o is not entity and _is_word_prefix(entity.name, o.name) and _may_be_one(entity, o)]
            longer = sorted((o for o in longer if _without_location(o.name) != entity.name or not self._is_mission(o.name)), key=lambda o: len(o.name))
            if not entity.known and longer and all(o.name.lower().startswith(longer[0].name.lower()) for o in longer):
                pairs.append((longer[0].id, entity.id) if looks_like_acronym(entity.name) else (entity.id, longer[0].id))
            fuller = [o for o in orgs if o is not entity and not o.known and o.name.endswith(f" {entity.name}")]
            if not entity.known and len(entity.name.split()) >= _MIN_TAIL_WORDS and len(fuller) == 1:
                pairs.append((entity.id, fuller[0].id))  # "Science Policy Panel on X, Y and Z" of "Intergovernmental ..."
            qualified = [o for o in orgs if o is not entity and o.country and org_key(_unqualified(o.name)) == key]
            if entity.country is None and self._is_national_body(entity.name) and len(qualified) == 1:
                pairs.append((entity.id, qualified[0].id))
        people = [e for e in entities.values() if e.type == "person"]
        pairs += [
            (b.id, a.id) for i, a in enumerate(people) for b in people[i + 1 :]
            if _same_person(a.name, b.name)
            and not (a.id in introduced and b.id in introduced and told_apart(introduced[a.id], introduced[b.id]))
        ]
        return pairs

    def _link_parents(
        self, entities: dict[str, ResolvedEntity], speakers: list[SpeakerMatch], speaker_ids: list[tuple[str, str | None]]
    ) -> None:
        """`parent` (part_of): a speaker's unit belongs to their organisation; gazetteer bodies to their parent body."""
        by_key = {org_key(alias): e for e in entities.values() if e.type == "organisation" for alias in (e.name, *e.aliases)}
        for speaker, (_, org_id) in zip(speakers, speaker_ids):
            unit = by_key.get(org_key(clean_name(speaker.unit))) if speaker.unit else None
            if unit is not None and org_id and unit.id != org_id and not unit.known:
                unit.parent = org_id
        for entity in entities.values():
            known = self.organisations.get(entity.id.removeprefix("org:")) if entity.known else None
            if known is not None and known.parent and f"org:{known.parent}" in entities:
                entity.parent = f"org:{known.parent}"


_UNIT_NAME = re.compile(r"(?:Faculty|School|College|Department|Division|Institute|Centre|Center) (?:of|for) [A-Z]")
"""A unit's name, opening with its head noun: "Faculty of Information Technology", "Department of English"."""
_LIST_LINKS = (", ", " and ", ", and ")
"""What joins the items of a list of names."""


def _link_units_beside_their_bodies(entities: dict[str, ResolvedEntity], by_span: dict[tuple[int, int], str],
                                    text: str) -> None:
    """`parent` (part_of) of a unit named right after or before a body, a comma between them: "Monash University,
    Faculty of Information Technology", "Department of English, Deoghar College". Written so, the two are one
    address, never two parties of a relation; but not inside a longer list of names ("the College of X, the
    University of Y and the Z Institute"), whose items are parties each."""
    start_of = {end: start for start, end in by_span}
    end_of = {start: end for start, end in by_span}

    def listed_before(start: int) -> bool:
        return any(text[start - len(link) : start] == link and start - len(link) in start_of for link in _LIST_LINKS)

    def listed_after(end: int) -> bool:
        return any(text[end : end + len(link)] == link and end + len(link) in end_of for link in _LIST_LINKS)

    for (start, end), entity_id in sorted(by_span.items()):
        unit = entities.get(entity_id)
        if unit is None or unit.type != "organisation" or unit.parent or not _UNIT_NAME.match(text, start):
            continue
        pairs = []  # (the body's span, the span of the body and the unit together)
        if text[start - 2 : start] == ", " and (body_start := start_of.get(start - 2)) is not None:
            pairs.append(((body_start, start - 2), (body_start, end)))
        if text[end : end + 2] == ", " and (body_end := end_of.get(end + 2)) is not None:
            pairs.append(((end + 2, body_end), (start, body_end)))
        for body_span, (first, last) in pairs:
            body = entities.get(by_span[body_span])
            if (body is not None and body.id != entity_id and body.type == "organisation" and body.parent != entity_id
                    and not _UNIT_NAME.match(body.name) and not listed_before(first) and not listed_after(last)):
                unit.parent = body.id
                break


def unit_and_its_body(entities: dict[str, ResolvedEntity], a: str, b: str) -> bool:
    """Whether one of two entities is a unit, named as one ("Faculty of X", "Department of Y"), of the other: one
    actor's two names, never two parties of a relation. A body the gazetteer places under another (the Committee
    on World Food Security under the FAO) is a party of its own."""
    return any(
        part in entities and entities[part].parent == whole and _UNIT_NAME.match(entities[part].name) is not None
        for part, whole in ((a, b), (b, a))
    )


def _only(countries: frozenset[str]) -> str | None:
    """The one country a document names: a ministry or department it names without a state is that state's (a
    ministry's own release, a national workshop's programme)."""
    return next(iter(countries)) if len(countries) == 1 else None


@lru_cache(maxsize=1 << 16)
def _leading_country(countries: CountryIndex, name: str) -> tuple[str | None, tuple[str, ...]]:
    """The country a name opens with, by name or adjective ("NZ", "Australian"), and the words after it.

    Cached: entity resolution asks it of every alias of every organisation, document after document."""
    words = tuple(name.split())
    for size in (3, 2, 1):
        lead = " ".join(words[:size])
        if len(words) > size and (code := countries.lookup(lead) or countries.demonym(lead)):
            return code, words[size:]
    return None, words


def _ends_a_persons_name(ent: Span) -> bool:
    """ "Professor Elisabeth Holland", "Dr Ana Jordan": a one-word country after an honorific and a given name is a
    surname."""
    doc, start = ent.doc, ent.start
    if len(ent) != 1 or start < 2 or not doc[start - 1].is_title or doc[start - 1].ent_type_ not in ("", "PERSON"):
        return False
    return doc[start - 2].text.lower().rstrip(".") in _honorifics()


def _resolved_around(by_span: dict[tuple[int, int], str], start: int, end: int) -> str | None:
    """The entity resolved at these offsets, or at a name made whole around them ("UNOSAT" in "UNITAR-UNOSAT")."""
    if (start, end) in by_span:
        return by_span[(start, end)]
    return next((entity_id for (s, e), entity_id in by_span.items() if s <= start and end <= e), None)


def _named_at(text: str, name: str) -> tuple[int, int]:
    """Where `text` (quotes made plain) names a speaker's organisation, its words in order whatever the spacing,
    or (-1, -1): "Ministry of Power" made from "Minister of Power" is not named."""
    words = r"\s+".join(map(re.escape, plain_quotes(name).split()))
    found = re.search(rf"(?<!\w){words}(?!\w)", text) if words else None
    return found.span() if found else (-1, -1)


def _cut_tails(
    entities: dict[str, ResolvedEntity], by_span: dict[tuple[int, int], str], wholes: Iterable[tuple[int, int]]
) -> list[tuple[str, str]]:
    """(tail, whole) pairs: the NER's "Institute for Higher Education" inside the defined "UNESCO Institute for
    Higher Education (UNESCO-IHE)" is the same body, cut after its first word."""
    pairs = []
    for start, end in wholes:
        whole = by_span.get((start, end))
        for (inner_start, inner_end), inner in by_span.items():
            tail = entities[inner]
            if whole and inner != whole and start < inner_start and inner_end == end and tail.type == "organisation" and not tail.known:
                pairs.append((inner, whole))
    return pairs


def _may_be_one(a: ResolvedEntity, b: ResolvedEntity) -> bool:
    """Two Ministries of Environment of different countries share a name, not an identity."""
    return a.country is None or b.country is None or a.country == b.country


def _names_a_person(name: str, people: Iterable[str]) -> bool:
    """Every word of `name` is a word of a person's full name: "working with Halvorsen" after "Jens Halvorsen".
    A lone word the NER calls a person ("a partnership with Quorvana") is not evidence enough."""
    words = set(fold(name).split())
    return any(words <= set(person.split()) for person in people if len(person.split()) > 1)


def _continues_name(token: Token) -> bool:
    """A word that carries a name on after a country: capitalised and untagged or part of an organisation
    ("US-ASEAN Business Council": a joining hyphen, an acronym, an ORG the NER began late), or a line break."""
    if token.is_space:
        return "\n\n" not in token.text
    if token.text in ("-", "‐") and not token.whitespace_ and not token.nbor(-1).whitespace_:
        return True
    return (token.is_title or token.is_upper) and token.is_alpha and token.ent_type_ in ("", "ORG")


def _plausible_name(text: str) -> bool:
    """Shapes no institution name has: lower-case start, a function word at either end, an e-mail, a number word."""
    words = text.split()
    if not words or not text[0].isupper() or re.search(r"[@/]|www\.|\.(?:com|org|net)\b|-$", text):
        return False
    if text.isupper() and (len(words) > 2 or max(len(part) for part in re.split(r"[-‐/]", text)) > 12):
        return False  # a heading in capitals: "MANAGEMENT AND USE OF DATA", "OPPORTUNITIES"; "UNITAR-UNOSAT" is a name
    if text.count("(") != text.count(")"):
        return False  # "AR7) Cycle Bureau": cut out of a parenthesis
    if re.fullmatch(r"[A-Z]{2,6}[\s./-]?\d{1,3}", text):
        return False  # a numbered session: "COP-8", "SB 34", "MC12"
    if words[-1].lower() in ("of", "the", "and", "for", "on", "in", "&") or words[0].lower() in ("a", "an", "from", "met"):
        return False  # a name the NER cut short ("the Government of") or ran into ("from the United Kingdom")
    return not any(re.fullmatch(r"\d[\d.–-]*", word) for word in words)  # "2030 Agenda", "Session 80", "Bangladesh 3-3"


def _without_honorific(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in _honorifics():
        words.pop(0)
    return " ".join(words)


def _initials(name: str) -> str | None:
    """The acronym a long name would have ("Ministry of Foreign Affairs and Trade" -> "mfat"), folded like keys."""
    words = [w for w in re.findall(r"[A-Za-z][\w-]*", name) if w[0].isupper()]
    return "".join(w[0] for w in words).lower() if len(words) >= 3 else None


def _without_location(name: str) -> str:
    """ "Embassy of X in Vientiane" -> "Embassy of X"."""
    return re.sub(rf"\s+in\s+[A-Z][\w{APOSTROPHES}'-]*(?:\s+[A-Z][\w{APOSTROPHES}'-]*)*$", "", name)


@lru_cache(maxsize=1 << 16)
def _unqualified(name: str) -> str:
    """Cached: `_same_actor_pairs` asks it of every pair of organisations."""
    return re.sub(r"\s*\([^)]*\)$", "", name)


def _is_word_prefix(short: str, long: str) -> bool:
    """ "University of the South" opens "University of the South Pacific"; "Ministry of Health" does not open
    "Ministry of Health, Labour and Welfare" (a comma ends a name); one word opens a name only as an acronym."""
    short, long = _unqualified(short), _unqualified(long)  # "(Singapore)" qualifiers
    words = short.split()
    if len(words) < 2 and not looks_like_acronym(short):
        return False
    return " ".join(long.lower().split()).startswith(" ".join(words).lower() + " ")


def _same_person(a: str, b: str) -> bool:
    """Small spelling variants of one name: the same number of words, the first or last equal, close overall."""
    wa, wb = fold(a).split(), fold(b).split()
    if len(wa) != len(wb) or len(wa) < 2 or (wa[0] != wb[0] and wa[-1] != wb[-1]):
        return False
    matcher = difflib.SequenceMatcher(None, " ".join(wa), " ".join(wb))
    return matcher.quick_ratio() >= _PERSON_VARIANT_RATIO and matcher.ratio() >= _PERSON_VARIANT_RATIO  # a bound first


def _add(entities: dict[str, ResolvedEntity], entity: ResolvedEntity, text: str, start: int, end: int) -> str:
    existing = entities.setdefault(entity.id, entity)
    if existing is not entity:
        existing.aliases |= entity.aliases
        existing.country = existing.country or entity.country
    existing.aliases.add(text)
    if start >= 0 and (text, start, end) not in existing.mentions:
        existing.mentions.append((text, start, end))
    return existing.id


_LANGUAGE_VERBS = frozenset({"speak", "learn", "teach", "study", "translate"})
"""Verbs whose object, a state's adjective, is its language: "to learn Portuguese"."""


def _a_language(ent: Span) -> bool:
    """A state's adjective used as its language's name: "captions in Spanish, Portuguese and English", "Spanish
    speaking Latin America", "Portuguese language classes", "to learn Portuguese"."""
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if following is not None and following.lower_.lstrip("-") in ("speaking", "language", "languages"):
        return True
    token = ent.root
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return (token.dep_ == "pobj" and token.head.lower_ in ("in", "into")
            or token.dep_ == "dobj" and token.head.lemma_ in _LANGUAGE_VERBS)


def _merge(entities: dict[str, ResolvedEntity], pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Union each (from, into) pair; a gazetteer entry, else a spelt-out name, else `into` keeps its id.
    Returns old -> new ids."""
    root: dict[str, str] = {}

    def find(entity_id: str) -> str:
        while root.get(entity_id, entity_id) != entity_id:
            entity_id = root[entity_id]
        return entity_id

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            drop, keep = sorted((ra, rb), key=lambda i: (entities[i].known, not looks_like_acronym(entities[i].name), i == rb))
            root[drop] = keep
    renames = {entity_id: find(entity_id) for entity_id in root}
    for old, new in renames.items():
        _absorb(entities[new], entities.pop(old))
    return renames


def _absorb(keep: ResolvedEntity, drop: ResolvedEntity) -> None:
    keep.aliases |= drop.aliases | {drop.name}
    keep.mentions.extend(m for m in drop.mentions if m not in keep.mentions)
    keep.country = keep.country or drop.country
    keep.parent = keep.parent or drop.parent


_WORD = rf"[A-Z][\w{APOSTROPHES}'&.-]*+"
"""A capitalised word, taken whole (`*+`): what follows a word in a name is a space or a bracket, which none of
its shorter heads is followed by, so the regex engine need not try them letter by letter."""
_NAME = rf"{_WORD}(?:\s+(?:{_WORD}|of|for|and|the|on|in|de|del|des|la|le|du|da|do|with|a|&)){{0,12}}"
_DEFINITION = re.compile(rf"(?<![\w{APOSTROPHES}'&.-])({_NAME})\s*\(([A-Z][A-Za-z&-]{{1,11}})\)")
_REVERSE_DEFINITION = re.compile(rf"\b([A-Z][A-Za-z&-]{{1,11}})\s*\(({_WORD}(?:\s+(?:{_WORD}|of|for|and|the|on|in|&))+)\)")
_TRANSLATION = re.compile(rf"(?<![\w{APOSTROPHES}'&.-])({_NAME})\s*\(({_NAME})\)")
_APPOSITION = re.compile(rf"\b([A-Z][A-Za-z&-]{{1,11}}),\s+(?:the\s+|[A-Z][\w-]*{APOSTROPHE}s\s+)({_NAME})")


def defined_names(text: str, words: OrganisationWords) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Acronyms the text defines ({ACR: first long form}) and every pair of names it equates.

    Initials must spell the acronym, except after an institution's name, where the acronym may come from
    another language ("People's Coalition for Fisheries Justice (KIARA)"); "Name (Other Name)" pairs two
    institution names (a translation).
    """
    found: dict[str, str] = {}
    pairs: list[tuple[str, str]] = []

    def define(acronym: str, long_form: str | None) -> None:
        if long_form and not looks_like_acronym(acronym):
            long_form = _clipped_source(acronym, long_form)
        if long_form:
            found.setdefault(acronym, long_form)
            pairs.append((acronym, long_form))

    for long_form, acronym in _DEFINITION.findall(text):
        trimmed = _trim_to_initials(long_form, acronym)
        last_sentence = clean_name(re.split(r"(?<=[a-z])\.\s+|\s+and\s+the\s+", long_form)[-1])  # the last party named
        if trimmed is None and words.kind(last_sentence) in ("institution", "company"):
            trimmed = last_sentence
        define(acronym, trimmed)
    for acronym, long_form in _REVERSE_DEFINITION.findall(text):
        if _trim_to_initials(long_form, acronym) == long_form:
            define(acronym, long_form)
    for acronym, long_form in _APPOSITION.findall(text):
        if words.kind(clean_name(long_form)) == "institution" and acronym not in found:
            define(acronym, clean_name(long_form))  # "PUB, Singapore's National Water Agency"
    for first, second in _TRANSLATION.findall(text):
        first, second = clean_name(first), clean_name(second)
        if len(second.split()) > 1 and all(words.kind(n) == "institution" for n in (first, second)):
            pairs.append((first, second))
    return found, pairs


def _definition_site(text: str, acronym: str, long_form: str) -> re.Match[str] | None:
    """Where `long_form` stands before "(ACR)", whatever the line breaks or a lost apostrophe ("Programme s")."""
    words = r"\s+".join(map(re.escape, long_form.split()))
    return re.search(rf"(?<![\w-]){words}(?=(?:{APOSTROPHE}s|\s+s)?\s*\({re.escape(acronym)}\))", text)


def _clipped_source(short: str, long_form: str) -> str | None:
    """The shortest tail of `long_form` whose words, clipped, make the short name: "MinLaw" from "Singapore
    Ministry of Law" is "Ministry of Law"; "AmCham" is "American Chamber of Commerce"."""
    parts = [p.lower() for p in re.findall(r"[A-Z][a-z]*", short)]
    if len(parts) < 2 or "".join(re.findall(r"[A-Z][a-z]*", short)) != short:
        return None
    words = long_form.split()
    for start in range(len(words) - 1, -1, -1):
        if not words[start].lower().startswith(parts[0]):
            continue
        remaining = iter(w.lower() for w in words[start:] if w[:1].isupper())
        if all(any(w.startswith(p) for w in remaining) for p in parts):
            return " ".join(words[start:])
    return None


def _trim_to_initials(long_form: str, acronym: str) -> str | None:
    """Keep the longest tail of `long_form` whose initials can spell the acronym's first letter onwards, unless a
    shorter one spells it exactly ("Chair of the Council on Environmental Quality (CEQ)" is the Council)."""
    words = long_form.split()
    tails = []
    for start in range(len(words)):
        tail = words[start:]
        if tail[0][0].upper() != acronym[0].upper() or tail[0].lower() in ("the", "of", "and"):
            continue
        initials = "".join(w[0] for w in tail if w[0].isupper()).upper()
        if _subsequence(acronym.upper().replace("-", ""), initials) or _subsequence(initials, acronym.upper()):
            tails.append((initials, " ".join(tail)))
    exact = [tail for initials, tail in tails if initials == acronym.upper().replace("-", "")]
    return exact[0] if exact else tails[0][1] if tails else None


def _subsequence(short: str, long: str) -> bool:
    iterator = iter(long)
    return bool(short) and all(c in iterator for c in short)
