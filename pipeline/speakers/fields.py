"""The one classifier of description fields every reader shares: is "Senior Adviser", "Ministry of Water,
Chile", "IFREMER (France)" or "Government of Peru" a title, a unit, an organisation or a country?

A reader cuts a description into fields (commas in prose, cells in a table row, lines in a signature
block); `FieldReader.apply_fields` sorts them onto a `SpeakerMatch`. Descriptions go from small to
large ("TITLE, UNIT, ORG, COUNTRY"), so the last institution named is the one the person speaks for.
Knowledge comes from the country index and the organisation gazetteer: a national body gives its
country, an international one none.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from ..countries import APOSTROPHE, POSSESSIVE_ENDINGS, CountryIndex
from ..given_names import GivenNamePersons
from ..org_contexts import SUBORDINATE, description_length
from ..organisations import (
    CONJUNCTIONS,
    KnownOrganisation,
    OrganisationGazetteer,
    OrganisationWords,
    looks_like_acronym,
    named_here,
)
from ..spans import doc_entities, span_text
from .cues import SpeakerCues
from .match import SpeakerMatch
from .names import HYPHENS

FIELD_PUNCT = " ,;|–—-"
_BRAND = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+")
_NAME_LINKS = frozenset({
    "of", "in", "for", "and", "&", "the", "on", "’s", "'s",
    "de", "du", "des", "la", "del", "di", "degli", "della", "delle", "dei", "da", "do", "dos", "das",  # "Università degli Studi di X"
})
_OF_STATE = re.compile(r"^of\s+(?:the\s+)?(?P<state>[A-Z][\w ’'-]*?)(?:\s*\([A-Z][\w&.-]*\))?$")
_ENDS_OF_STATE = re.compile(r"\bof (?:the )?([A-Z][\w ’'-]+)$")
"""A name or title ending in "of" and a capitalised name, maybe a state's: "Minister of Environment of Egypt"."""
_LOCATED = re.compile(r"^(?P<body>[A-Z].*?)\s+in\s+(?:the\s+)?(?P<place>[A-Z].*)$")
_TITLE_LINK = re.compile(
    rf"(?<!\s)\s+(?:(?:of|at|for|with)\s+(?:the\s+)?|de\s+l{APOSTROPHE}|(?:de|del|do|da|du|des)\s+(?:(?:la|los|las)\s+)?|d{APOSTROPHE})"
)
"""Between a title and the body it is held at: "of the", and in French, Spanish and Portuguese "de la", "del", "d’"."""
_ACRONYM_AFTER = re.compile(r"(?<!\s)\s*(?:\([A-Z][\w&.-]*\)|\[[A-Z][\w&.-]*\])$")
"""An acronym in brackets after a name: "Geospatial Information Agency of Indonesia (BIG)", "Met Office [UKMO]"."""
_GLUED_TITLE = re.compile(r"(?<=[A-Za-z])-(?=[A-Z]{2,}\b)")
"""A hyphen joining a title to an acronym, as a dash: "CEO-CCBRT"."""
_JOINED_AFFILIATIONS = re.compile(r"^(?P<first>[^/+–—]*?\S)\s*(?:/|\+|\s[–—]\s)\s*(?P<second>\S[^/+–—]*)$")
"""Two affiliations in one field, joined by a slash, a plus or a spaced dash."""
_SIDES = (("first", "second"), ("second", "first"))
_NOT_NAME_TYPES = frozenset({"GPE", "LOC", "DATE", "CARDINAL", "EVENT", "LAW"})
"""Entity types a name's words never have; NORP only when the word is a state's adjective ("Cristian" is a name)."""


@cache
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of `words` (lower-cased) as a whole word: one pattern, compiled once, rather than a search per word."""
    return re.compile(rf"\b(?:{'|'.join(re.escape(word.lower()) for word in words)})\b")


@dataclass(frozen=True, slots=True)
class Field:
    """One comma-separated part of a description: 'Senior Specialist', 'MOHRSS', 'China'."""

    span: Span

    @property
    def text(self) -> str:
        return clean_field(span_text(self.span))


class FieldReader:
    """Sorts description fields into title, unit, organisation and country."""

    def __init__(
        self, cues: SpeakerCues, countries: CountryIndex, organisations: OrganisationGazetteer, words: OrganisationWords,
        given_names: GivenNamePersons | None = None,
    ) -> None:
        self.cues = cues
        self.countries = countries
        self.organisations = organisations
        self.words = words
        self.given_names = given_names

    def apply_fields(self, match: SpeakerMatch, fields: list[Field], *, leading: bool = False) -> None:
        """Sort description fields into title, unit, organisation and country.

        Descriptions go from small to large ("TITLE, UNIT, ORG, COUNTRY"), so the last
        institution named is the one the person speaks for and earlier ones are its sub-units.
        """
        affiliation = None
        first_role_country = None  # the country of a first role, where a second one joined by "and" follows
        fields = [piece for part in fields for piece in behalf_split(part)]
        roles = [(part, False) for part in fields] if leading else [role for part in fields for role in self._roles(part)]
        for index, (part, second) in enumerate(roles):
            if (placed := self._placed_in_brackets(part.span)) is not None:  # "Consultant in development (Bosnia and Herzegovina)"
                match.country = match.country or placed[0]
                part = Field(placed[1])
            listed = part.text.removeprefix("and ")  # the list's last item after a serial comma: ", and Transport"
            if self._continues_name(match.organisation_text, listed):
                match.organisation = f"{match.organisation_text}, {part.text}"  # "Ministry of Land", "Infrastructure", ...
                continue
            if match.organisation is None and " and " in f" {part.text}" and self._continues_name(match.title, listed):
                at = next((t.i for t in part.span if t.lower_ == "at" and t.i > part.span.start), None)
                listed_part = part if at is None else Field(part.span.doc[part.span.start : at])
                match.title = f"{match.title}, {listed_part.text}"  # "Minister of Energy", "Utilities and Climate": one portfolio list
                match.country = match.country or self._ending_state(listed_part.text)  # "..., Energy and Utilities of Denmark"
                if at is not None:  # "Head of the Line on X, Y and Z at INVEMAR in Colombia": where, as for one title
                    self._locate(match, clean_field(part.span.doc[at + 1 : part.span.end].text))
                continue
            kind, value, extra = self.classify(part.span, first=index == 0 and match.title is None)
            if second and first_role_country is None:
                first_role_country = match.country or ""
            if second and match.organisation is not None and (kind in ("organisation", "unit") or kind == "title" and extra):
                continue  # "researcher at X in Y and the Z Network Manager": X, where the first role is held
            if kind == "country":
                if match.country is None:
                    match.country = value
            elif kind == "state":
                match.country = value
            elif kind == "organisation":
                held = self.known(match.organisation)
                if held is not None and not self._parent_of(value, held):
                    if held.country is None and match.country is None:  # "X University; Vice-President, Belgian Centre of Y"
                        match.country = self.national_body(value.text if isinstance(value, Span) else value)
                    continue  # a known body, then another: the first is whom they speak for, unless the second is its parent
                if match.organisation is not None:
                    match.unit = match.unit or match.organisation_text
                match.organisation = value
                owned = self._state_owner(part.text)  # "Ghana’s Environmental Protection Agency"
                state = self.countries.represented(part.text) or (owned[0] if owned else None)
                if extra and match.country is None and state == extra:
                    match.country = extra
                elif extra:
                    match.unit = match.unit or extra
            elif kind == "unit":
                match.unit = match.unit or value
            elif kind == "other" and capitalised(str(value)) and index > 0 and match.title:
                if index == len(roles) - 1 and self._outranks(part.span, match):
                    match.unit, match.organisation = match.unit or match.organisation_text, str(value)
                else:
                    affiliation = str(value)  # "NAME, Senior Advisor, Free Press Unlimited": what follows a title is whom they work for
            elif kind == "title":
                if value == part.text and (led := self._country_led(part.span)) is not None:
                    match.country, value = match.country or led[0], clean_field(led[1].text)
                owner = _POSSESSIVE_OWNER.match(str(value))
                if owner and (code := self.countries.lookup(owner["owner"])):
                    value, match.country = owner["rest"], match.country or code  # "Egypt’s Minister of Water"
                title = _LEADING_ARTICLE.sub("", str(value))  # "NAME, the Deputy Director General"
                match.title = title if match.title is None else f"{match.title}, {title}"
                match.country = (  # "Minister of Environment of Egypt"
                    match.country or self.countries.represented(str(value)) or self._ending_state(str(value))
                )
                if extra and match.organisation is None:
                    self._locate(match, extra)
        if match.organisation is None and affiliation:
            match.organisation = re.sub(r"(?:’s|'s)\s.*$", "", affiliation)  # "Public Citizen’s Global Trade Watch"
        if match.organisation is None and match.title and not self.cues.looks_like_title(match.title) and not leading:
            match.organisation, match.title = match.title, None  # "NAME, War on Want, said": an affiliation, not a title
        if match.organisation is None and match.unit and re.match(r"^[A-Z]\w+ (?:of|for) ", match.unit) and (
            self.words.is_institution(match.unit.split()[0])
        ):
            match.organisation, match.unit = match.unit, None  # "Department of Energy" with nothing larger named
        organisation = match.organisation_text or ""
        if (colon := organisation.find(": ")) > 0:  # "X Institute: What We Learned", "X Ltd: CEO"
            match.organisation = _without_tail(match.organisation, colon)
            if match.title is None and self.titled(after := organisation[colon + 2 :].strip()):
                match.title = after
        if (joined := self._second_body(match.organisation_text or "")) is not None:
            match.organisation = _without_tail(match.organisation, joined)  # "X Institute & Y Foundation": the first
        bracketed = re.search(r"\s*\(([^()]+)\)$", match.organisation_text or "")
        if bracketed and (code := self.countries.lookup(bracketed.group(1))):  # "IFREMER (France)": the body, and where
            match.country = match.country or code
            match.organisation = _without_tail(match.organisation, bracketed.start())
        known = self.known(match.organisation)
        if known is not None and known.international and not self._represents_state(match.title):
            match.country = first_role_country or None  # a country next to an IGO is where the person works, not whom they
            # represent, unless a first role gave it: "Mayor, Bonn, Germany, and First Vice President of an IGO"
        elif known is not None and known.country and match.country is None and self._stands_for(match, known):
            match.country = known.country
        elif known is None and match.country is None and match.organisation is not None:
            match.country = self.national_body(match.organisation_text or "")

    def _placed_in_brackets(self, span: Span) -> tuple[str, Span] | None:
        """A field closing with a country in brackets, and the field before it: where the person is from, as a
        programme gives it after any description ("youth advocate (Canada)", "Chair, X Council (Iceland)")."""
        if len(span) < 4 or span[-1].text != ")":
            return None
        opening = next((t.i for t in reversed(span[:-1]) if t.text == "("), None)
        if opening is None or opening == span.start:
            return None
        code = self.countries.lookup(span.doc[opening + 1 : span.end - 1].text)
        return (code, span.doc[span.start : opening]) if code else None

    def _outranks(self, last: Span, match: SpeakerMatch) -> bool:
        """"NAME, Director, Global Coffee Sustainability, Starbucks": a proper name closing the description, after an
        organisation that names no institution, is the larger body (descriptions run from small to large), the earlier
        one its unit. After an institution ("X College, Deoghar") or a body the gazetteers know, or as a place the NER
        tags, it is where the body is."""
        organisation = match.organisation_text
        labels = {ent.label_ for ent in doc_entities(last.doc).within(last)}
        named = _proper_phrase(last) or len(last) == 1 and "ORG" in labels  # a lone word, "Starbucks", only as the NER tags it
        return named and organisation is not None and not labels & {"GPE", "LOC", "FAC", "NORP"} and (
            self.known(match.organisation) is None and self.words.kind(organisation) not in ("institution", "company")
        ) and not self.cues.looks_like_title(last.text) and last.text.lower() not in self.cues.role_by_noun

    def first_affiliation(self, organisation: Span | str | None) -> Span | str | None:
        """"UBA/UNRAF", "Airbus/ENAC", "EHESS – IMAF", "X University + Y Institute": two affiliations written as one
        field, joined by a slash, a plus or a spaced dash; the person speaks for the first. Only where each side names
        a body on its own (an acronym, a one-word brand, an institution's name), not a unit's ("Climate and
        Nature/Energy Division" stays whole)."""
        joined = _JOINED_AFFILIATIONS.match(str(organisation)) if organisation is not None else None
        if joined is None or not all(self._names_a_body(joined[side], joined[other]) for side, other in _SIDES):
            return organisation
        if isinstance(organisation, Span):
            cut = next(t.i for t in organisation if t.idx - organisation.start_char >= joined.end("first"))
            return organisation.doc[organisation.start : cut]
        return joined["first"]

    def _names_a_body(self, text: str, beside: str) -> bool:
        """An acronym, an institution's name, or one capitalised word beside an acronym ("Airbus/ENAC"; in "Ministry of
        Health/Nutrition" the word is a portfolio)."""
        if acronym(text):
            return True
        if " " not in text:
            return text[:1].isupper() and acronym(beside) and not self.countries.lookup(text)
        return self.words.kind(text) in ("institution", "company") and not self.words.is_unit(text)

    @staticmethod
    def _stands_for(match: SpeakerMatch, known: KnownOrganisation) -> bool:
        """"ABC" is Brazil's cooperation agency in a text that names Brazil (`named_here`)."""
        countries = {ent.ent_id_ for ent in doc_entities(match.name.doc).spans if ent.label_ == "GPE"}
        return named_here(known, match.organisation_text or "", countries)

    def _roles(self, part: Field) -> list[tuple[Field, bool]]:
        """A field cut before a second role joined by "and" ("researcher at X in Y and the Z Node Manager", "and First
        Vice President of Z"): the field, or its two parts, each with whether it is the second role. A title of two
        words ("President and CEO", "Vice-Chancellor and President") is one role: the part before "and" must name more
        than a title. A title written before a name ("X and Y Body (XYB) Chair NAME") is not cut: `apply_fields` is
        `leading` for it."""
        span = part.span
        joins = [t.i for t in span if t.lower_ == "and" and not inside_entity(t)]
        if not joins:
            return [(part, False)]
        at = joins[-1]
        start = at + 1 + (at + 1 < span.end and span.doc[at + 1].lower_ == "the")
        left, right = span.doc[span.start : at], span.doc[start : span.end]
        if not right or not self.titled(clean_field(right.text)) or self.institution_named(right.text):
            return [(part, False)]
        if not left.text.strip(FIELD_PUNCT):
            return [(Field(right), True)]
        if not any(word[:1].isupper() for word in left.text.split()[1:]):
            return [(part, False)]
        return [(Field(left), False), (Field(right), True)]

    def _parent_of(self, organisation: Span | str, held: KnownOrganisation) -> bool:
        """"Directorate-General for X, European Commission": the registry knows the second as the first's parent."""
        parent = self.known(organisation)
        return parent is not None and held.parent == parent.id

    def _locate(self, match: SpeakerMatch, organisation: Span | str) -> None:
        """"X University in the US", "X University in the Department of Y": the body, and where or in what part of it."""
        text = organisation.text if isinstance(organisation, Span) else organisation
        if (owned := self._owner(text)) is not None:
            match.organisation, match.unit = owned[0], match.unit or owned[1]  # "UC Davis’ Institute of X"
            return
        located = _LOCATED.match(text)
        if located is None:
            match.organisation = organisation
            return
        match.organisation = located["body"]
        if code := self.countries.lookup(located["place"]):
            match.country = match.country or code
        elif self.words.is_unit(located["place"]):
            match.unit = match.unit or located["place"]

    def _second_body(self, organisation: str) -> int | None:
        """Where a second body or role joined by "&" or "+" begins ("Talarify & Talarify Foundation", "Sciences Po &
        UC Berkeley", "CETUD & Président de AAUMA"): the person's first affiliation is the one they speak for. Not a name
        with "&" inside ("Ministry of Trade & Industry", "Bill & Melinda Gates Foundation"): the part after it must
        name a body or a title on its own, and the whole must be no name the gazetteers know."""
        if self.known(organisation) is not None:
            return None
        for joint in _JOINT.finditer(organisation):
            rest = organisation[joint.end() :].strip(FIELD_PUNCT)
            if rest[:1].isupper() and (self._names_body(rest) or self.institution_named(rest) or self.titled(rest)):
                return joint.start()
        return None

    def _country_led(self, span: Span) -> tuple[str, Span] | None:
        """"Mongolia Vice Minister of Justice", "French Ambassador", "Australia High Commissioner to Tonga": a title
        after the country its holder represents."""
        for size in (3, 2, 1):
            head, rest = span[:size], span[size:]
            if len(span) > size and self.cues.looks_like_title(rest.text) and (
                code := self.countries.lookup(head.text) or self.countries.demonym(head.text)
            ):
                return code, rest
        return None

    def _continues_name(self, organisation: str | None, text: str) -> bool:
        """Whether a field goes on with a body's (or a title's) list of portfolios cut at a comma: "Ministry of Land",
        "Infrastructure", "Transport and Tourism (MLIT)"."""
        core = _ACRONYM_AFTER.sub("", text)
        return bool(organisation) and bool(re.search(r"\b(?:of|for)\s+(?:the\s+)?[A-Z][\w ,]*$", organisation or "")) and (
            self.words.kind(core) not in ("institution", "company", "unit") and not acronym(core) and not self.countries.represented(core)
            and core[:1].isupper() and not self.cues.looks_like_title(core)
        )

    def _ending_state(self, text: str) -> str | None:
        """The state a name or title ends "of": "Minister of Environment of Egypt"."""
        of_state = _ENDS_OF_STATE.search(text)
        return self.countries.lookup(of_state.group(1)) if of_state else None

    def _represents_state(self, title: str | None) -> bool:
        """A title that speaks for a state wherever its holder sits: "PR; ECOSOC President", "Ambassador"."""
        return bool(_words_pattern(self.cues.state_titles).search((title or "").lower()))

    def national_body(self, organisation: str) -> str | None:
        """The country a body's name opens or closes with: "Canadian Centre for ...", "Fiji National Commission", "British
        High Commission", "Supreme Court of Samoa", "Environment Canada"."""
        of_country = _ENDS_OF_STATE.search(organisation)
        before = organisation[: of_country.start()].strip() if of_country else ""
        if of_country and (self.words.is_institution(before) or acronym(before)) and self._national_part(before) and (
            code := self.countries.lookup(of_country.group(1))
        ):
            return code  # "Supreme Court of Samoa", "N&MC of Ghana"
        words = organisation.split()
        for size in (3, 2, 1):
            body = " ".join(words[:-size])
            named = self.words.is_institution(body) and not acronym(body) and self._national_part(body)
            if len(words) > size and (self.words.is_portfolio(body) or named) and (
                code := self.countries.lookup(" ".join(words[-size:]))
            ):
                return code  # "Environment Canada", "Financial Services Agency Japan": a body and its state; not a
                # company's or network's branch written by acronym ("GS1 US", "ALSTOM Maroc")
        for size in (3, 2, 1):
            if len(words) > size and self.words.is_institution(" ".join(words[size:])):
                head = " ".join(words[:size]).removeprefix("Royal ").removesuffix("’s").removesuffix("'s")
                if code := self.countries.lookup(head) or self.countries.demonym(head):
                    return code
        return None

    def _national_part(self, body: str) -> bool:
        """Whether the part of a body's name before its state's may be a national body's: not an international body
        ("UNDP Ghana" is UNDP's office in Ghana, its staff no one's delegates), nor words that run into the state's
        name ("Instituto Tecnológico Autónomo de México", "Zambian Embassy to the US")."""
        if not body[-1:].isalnum() or body.split()[-1][:1].islower():
            return False
        known = self.known(body)
        return known is None or not known.international

    def is_name(self, span: Span) -> bool:
        """A name field: two to six name tokens with no title, institution, unit, topic or place word among them."""
        if not 2 <= len(span) <= 6 or span[-1].tag_ == "NNS":
            return False
        if any(self._not_a_name_word(t, first=t.i == span.start) for t in span):
            return False
        if span[0].is_stop and span[0].pos_ in ("DET", "ADP", "PRON", "CCONJ", "SCONJ", "ADV"):
            return False
        if self.given_names is not None and self.given_names.names_no_one(span):
            return False  # "Geodetic Reference Frame", "Common Sensing": English words, no one’s given name
        lowered = {t.lower_ for t in span}
        activity = {form for word in lowered for form in (word, word.removesuffix("s"))} & self.cues.activity_nouns  # "Lightning Talks"
        return not (
            activity or lowered & self.cues.not_name_words or self.cues.has_cue_word(span) or self.words.is_institution(span.text)
            or self.words.kind(span.text) == "institution"  # "Università di Bologna": the institution word leads
            or self.words.is_unit(span.text) or self.countries.lookup(span.text)
        )

    def opens_with_given_name(self, span: Span) -> bool:
        """Whether a name opens with a given name of `models/given_names.txt` (none known without the lists)."""
        return self.given_names is not None and self.given_names.is_given_name(span[0])

    def names_a_topic(self, span: Span) -> bool:
        """"Club Administration", "Rethinking Participation", "Achievement Medal": a word long enough for its abstract
        noun's ending to say what it is, which no one's name has."""
        return any(
            len(token) >= letters and token.lower_.endswith(ending)
            for token in span for ending, letters in self.cues.topic_word_endings.items()
        )

    def _not_a_name_word(self, token: Token, *, first: bool) -> bool:
        """A place, date or known body; a state's adjective. A surname the NER took for an unknown place ("Ana
        Lima", "Ines Quaresma") is still a name word."""
        if token.ent_id_ or token.ent_type_ == "NORP" and self.countries.demonym(token.text):
            return True
        return token.ent_type_ in _NOT_NAME_TYPES and (first or token.ent_type_ != "GPE")

    def classify(self, span: Span, *, first: bool) -> tuple[str, object, object]:
        text = clean_field(span.text)
        if not text:
            return "other", None, None
        if self.cues.is_talk(text):
            return "talk", text, None  # "NAME | Regional Overview of X": what they speak on, not whom they work for
        whence = _after_from(span)
        if whence is not None and not self._tagged_whole(whence):
            kind, value, extra = self.classify(whence, first=False)  # "NAME, from the Oxford X Initiative, said"
            if kind in ("organisation", "unit", "country", "state"):
                return kind, value, extra
        if code := self.countries.lookup(text) or self.countries.lookup(_ACRONYM_AFTER.sub("", text)):
            return "country", code, None  # "Uzbekistan (NCSCGC)": the body's acronym after its country
        if text.split()[0] in self.cues.title_abbreviations and len(text.split()) <= 2:
            return "title", text, None  # "PR" (Permanent Representative), "USG Policy"
        state = self.countries.represented(text)
        lowered = text.lower()
        if state and any(lowered.removeprefix("the ").startswith(w) for w in ("government", "delegation", "republic", "state of", "kingdom")):
            return "state", state, None
        at = re.match(r"^(?P<title>.+?)\s+(?:at|with)\s+(?:the\s+)?(?:[\w-]+-based\s+)?(?P<org>[A-Z].+)$", text)
        if first and at and self.cues.looks_like_title(at["title"]) and not self.words.is_unit(re.split(r"\s+in\s+", at["org"])[0]):
            return "title", at["title"], at["org"]  # "Joint Managing Partner at X Law Corporation"
        described = re.match(r"^(?:a|an|the) (?P<place>[A-Z]\w+) (?P<rest>[a-z].*)$", text)
        if described and (code := self.countries.lookup(described["place"]) or self.countries.demonym(described["place"])):
            return "state", code, None  # "a Singapore youth leader", "a Kenyan farmer"
        orgs = [ent for ent in doc_entities(span.doc).within(span) if ent.label_ == "ORG" and not _glued(ent)]
        if not capitalised(text) and not orgs and not self.titled(text):
            return "other", text, None  # "the oldest permanent institution dedicated to ...": a comment, not a name
        if (owned := self._state_owner(text)) is not None:
            return "organisation", owned[1], owned[0]  # "Kenya’s Ministry of Energy": the ministry, and its state
        if (owned := self._owner(text)) is not None:
            return "organisation", owned[0], owned[1]  # "UC Davis’ Institute of X": the university, and its part
        if (owned := self._titled_owner(text)) is not None:
            return "title", owned[1], owned[0]  # "NAME, DFID’s West Asia Director": the body's title
        if orgs and orgs[0].start == span.start and orgs[0].end < span.end and not self.cues.looks_like_title(orgs[0].text):
            body = orgs[0]
            while len(body) > 1 and body[-1].lower_ in self.cues.title_words:
                body = body[:-1]  # the NER ran into the title: "Department of State Assistant" + "Secretary"
            rest = clean_field(span.doc[body.end : span.end].text)
            opening = rest.split()[0] if rest else ""
            if opening.lower() in self.cues.title_words or opening in self.cues.title_abbreviations:
                return "title", rest, body  # "Renault VP of Strategy", "Department of State Assistant Secretary for X"
        of_org = self._of_organisation(span, orgs)
        if of_org is not None:
            left, org, rest = of_org
            if self.institution_named(left):
                return "organisation", text, None  # "Fiji National Commission for UNESCO" is one body
            if first and not self.words.is_unit(left):
                return "title", left, org
            return "organisation", org, rest or (left if self.words.is_unit(left) else None)
        if state and any(w in lowered for w in ("embassy", "mission", "high commission", "consulate")):
            return "organisation", text, state
        if orgs and orgs[0].start == span.start and self.is_body(orgs[0]) and orgs[0].end < span.end:
            rest = clean_field(span.doc[orgs[0].end : span.end].text)
            if rest and self.titled(rest):
                return "title", rest, orgs[0]  # "UNCITRAL Secretary", "ADB Regional Director"
        if (led := self._body_led_title(span)) is not None:
            return "title", led[1], led[0]  # "X Network Steering Group Co-Chair", tagged ORG whole
        if (of_body := self._title_of_body(text)) is not None and (first or self.cues.looks_like_title(of_body[0])):
            return "title", of_body[0], of_body[1]  # "Director-General of GSI", "head of the Moroccan Agency for ..."
        core = _ACRONYM_AFTER.sub("", text)
        inner = [org for before, org in itertools.pairwise(orgs) if self.is_body(org) and org.text not in text[len(core) :]
                 and org.start != before.end]  # "ECOWAS" + "Centre for X" written together is one name
        lone = not inner and (not orgs or orgs[0].start == span.start or not self.is_body(orgs[0]))
        if core != text and lone and self.words.kind(core) in ("institution", "company") and not self.cues.looks_like_title(core):
            return "organisation", text, None  # "ECOWAS Centre for Renewable Energy (ECREEE)": a body of its own
        if (joined := self._title_then_body(text)) is not None:
            return "title", joined[0], joined[1]  # "Country Director CARE International", "Managing Director X Group"
        if self.institution_named(text):
            return "organisation", (orgs[-1] if orgs and orgs[-1].text == text else text), None
        if self.cues.looks_like_title(text) and not (orgs and orgs[0].start == span.start and orgs[0].ent_id_):
            return "title", text, None
        if orgs:
            head = orgs[0]
            if head.ent_id_ and head.start == span.start and len(head) < len(span) and self.words.is_unit(text):
                return "organisation", head, text
            if self.words.is_unit(text) and not head.ent_id_ and not self.words.is_institution(text.replace("Department", "")):
                return "unit", text, None
            known_orgs = [org for org in orgs if org.ent_id_]
            if not known_orgs and _proper_phrase(span) and not self.cues.looks_like_title(text) and not self.words.is_unit(text):
                return "organisation", text, None  # "Tonga Women in ICT": the NER tagged only a part of the name
            named = known_orgs or [org for org in map(without_article, orgs) if len(org) == 1 or _proper_phrase(org)]
            if named:  # not "Background to the workshop": the NER also tags a talk's title ORG
                return "organisation", named[-1], None
        if self.words.is_unit(text) and not acronym(text):
            return "unit", text, None
        if self.words.is_institution(text) or acronym(text) or _brand(text) or state:
            return "organisation", text, state
        if first or self.cues.looks_like_title(text):
            return "title", text, None
        return "other", text, None

    def _of_organisation(self, span: Span, orgs: list[Span]) -> tuple[str, Span, str | None] | None:
        """Split "Chief of the X Branch of the ILO’s Y Department" at the organisation."""
        for org in orgs:
            i = org.start
            while i > span.start and span.doc[i - 1].lower_ in ("the",):
                i -= 1
            left = span.doc[span.start : i - 1].text.strip(" ,") if i > span.start else ""
            link = span.doc[i - 1].lower_ if i > span.start else ""
            # an entity the NER calls ORG may be a portfolio or a topic after "of" or "for" ("Minister of Planning")
            leads = link == "of" and self._leads(left)
            if link in ("of", "at", "for", "in", "with", "from") and self.is_body(org) or (link in ("at", "with", "from") or leads) and self.titled(left):
                rest = span.doc[org.end : span.end].text.strip(" ,.;")  # not the sentence's full stop
                rest = re.sub(r"^(?:’s|'s)\s*", "", rest) or None
                org = without_article(org)
                of_state = _OF_STATE.match(rest or "")
                if of_state and self.countries.lookup(of_state["state"]):
                    return left, f"{org.text} {of_state.group().strip()}", None  # "X Agency" + "of Indonesia (BIG)"
                if (larger := self._larger_body(span, org, orgs)) is not None:
                    return left, larger, org.text  # "the X Analysis Center at the Y Laboratory": the laboratory, and its centre
                if left:
                    return left, org, rest
        return None

    def _larger_body(self, span: Span, org: Span, orgs: list[Span]) -> Span | None:
        """The body a unit is "at", named right after it: "X Center at the Y Laboratory (YL)"."""
        at = org.end
        if at >= span.end or span.doc[at].lower_ != "at":
            return None
        for other in orgs:
            start = other.start + 1 if other[0].lower_ == "the" and len(other) > 1 else other.start
            if at < other.start <= at + 2 and start == at + 1 + (span.doc[at + 1].lower_ == "the") and self.is_body(other[start - other.start :]):
                return other[start - other.start :]
        return None

    def is_body(self, org: Span) -> bool:
        """An ORG entity that names a body: a known one, an acronym, or a name headed by an institution word (the NER
        also tags programmes, events and job titles ORG)."""
        return bool(org.ent_id_) or acronym(org.text) or self.words.kind(org.text) in ("institution", "company")

    def titled(self, text: str) -> bool:
        """A title, written in capitals or not, with its qualifiers: "Co-Chair", "head", "Steering Group Co-Chair"."""
        words = re.findall(r"[\w’'-]+", text.lower())
        return bool(words) and (
            self.cues.looks_like_title(text) or words[-1] in self.cues.title_words or words[0] in self.cues.role_by_noun
            or text.split()[-1] in self.cues.title_abbreviations
        )

    def _body_led_title(self, span: Span) -> tuple[Span, str] | None:
        """"OBIS Steering Group Co-Chair", "EXU-AP Regional Director", "EXU Principal": a body's name, then a title,
        in one field (the NER tags it ORG whole, or parts of it). The name ends between words, never inside a
        hyphenated acronym."""
        while len(span) > 1 and span[-1].is_punct:
            span = span[:-1]
        words = list(span)
        if len(words) < 2 or not self.titled(words[-1].text) or words[0].lower_ in self.cues.title_words:
            return None
        # A one-word title after a body's name leads it ("EXU Principal"); "GIS Specialist" names a field of work.
        last_end = span.end if self._leads(words[-1].text) else span.end - 1
        for end in range(span.start + 1, last_end):
            head = span.doc[span.start : end]
            if not head[-1].whitespace_ and {head[-1].text, span.doc[end].text} & HYPHENS:
                continue  # not "UN" of "UN-GGIM Co-chair": the body's name runs on to the title
            if acronym(head.text) or self.words.kind(head.text) in ("institution", "company") and head[-1].lower_ in self.words.institution:
                return head, span.doc[end : span.end].text
        return None

    def _owner(self, text: str) -> tuple[str, str] | None:
        """"UC Davis’ Institute of Transportation Studies": the body before the possessive, and its part after it."""
        owned = _POSSESSIVE_OWNER.match(text)
        if owned and _simple_name(owned["owner"]) and self._names_body(owned["owner"]) and self.words.kind(owned["rest"]) in ("institution", "unit"):
            return owned["owner"], owned["rest"]
        return None

    def _state_owner(self, text: str) -> tuple[str, str] | None:
        """"Kenya’s Ministry of Energy": the state before the possessive, and its body after it."""
        owned = _POSSESSIVE_OWNER.match(text)
        if owned and (code := self.countries.lookup(owned["owner"])) and self.words.kind(owned["rest"]) == "institution":
            return code, owned["rest"]
        return None

    @staticmethod
    def _tagged_whole(span: Span) -> bool:
        """Whether one ORG entity covers a name up to its acronym in brackets ("the X Alliance" of "X Alliance (XA)")."""
        end = next((t.i for t in span if t.text == "("), span.end)
        around = span.doc[max(span.start - 1, 0) : span.end]  # the NER takes in the article: "the X Alliance"
        return any(ent.label_ == "ORG" and ent.start <= span.start and ent.end >= end for ent in doc_entities(span.doc).within(around))

    def _titled_owner(self, text: str) -> tuple[str, str] | None:
        """"DFID’s West Asia Director", "the X Agency’s Director": a body before the possessive, a title after it."""
        owned = _POSSESSIVE_OWNER.match(re.sub(r"^the\s+", "", text))
        if owned and _simple_name(owned["owner"]) and self._names_body(owned["owner"]) and self.titled(owned["rest"]):
            return owned["owner"], owned["rest"]
        return None

    def _names_body(self, text: str) -> bool:
        """Whether a name is a body's: an acronym leads it, the gazetteer knows it, an institution word heads it, or it
        is a brand ("SouthSouthNorth")."""
        words = text.split()
        return bool(words) and (
            acronym(words[0]) or bool(self.organisations.lookup(text)) or _brand(text)
            or self.words.kind(text) in ("institution", "company")
        )

    def _title_of_body(self, text: str) -> tuple[str, str] | None:
        """"Director-General of GSI", "Speaker of the Legislative Assembly", "CEO at Blue Kayak Tours": a title, and
        the body it belongs to. Not a minister's portfolio ("Minister of Health"): the part after "of" must name a
        body (an institution word heads it, an acronym, a body the gazetteer knows)."""
        for link in _TITLE_LINK.finditer(text):
            title, body = text[: link.start()], text[link.end() :]
            described = description_length(body)  # "CEO of transit technology company Transloc": what kind of body
            body = body[described:]
            if not (self.titled(title) and body[:1].isupper()):
                continue
            if described or self._names_body(_ACRONYM_AFTER.sub("", body)) or self._leads_a_company(title, body):
                return title, body
        return None

    def _title_then_body(self, text: str) -> tuple[str, str] | None:
        """A title, then the body it is held at, with no comma between them: "Country Director CARE International",
        "CEO - FSDT", "Executive Director (EUBG)". The longest title that ends in a title word and leaves a body."""
        bracketed = _ACRONYM_AFTER.search(text)
        title = text[: bracketed.start()] if bracketed else ""
        if bracketed and acronym(inner := bracketed.group().strip(" ()[]")) and self.cues.looks_like_title(title) and not self._names_body(title):
            return title, inner  # not "Deputy Vice-Chancellor (Research)", nor "UN Development Programme (UNDP)"
        words = _GLUED_TITLE.sub(" ", text).split()
        for size in range(len(words) - 1, 0, -1):
            title, body = " ".join(words[:size]).rstrip(FIELD_PUNCT), " ".join(words[size:]).lstrip(FIELD_PUNCT)
            last, first = title.split()[-1].lower() if title else "", body.split()[0].lower() if body else ""
            if (
                last in self.cues.title_words and first not in self.cues.title_words | self.words.role_modifiers
                and body[:1].isupper() and self.cues.looks_like_title(title) and self._names_body(body)
            ):
                return title, body
        return None

    def _leads(self, title: str) -> bool:
        """A leader's title ("Founder and CEO", `leader_titles`), not a subordinate's: "of" after "Vice President"
        names a portfolio ("Vice President of Corporate Sustainability")."""
        words = title.lower().split()
        return any(title.lower().endswith(leader) for leader in self.cues.leader_titles) and not (
            len(words) > 1 and words[-2] in SUBORDINATE)

    def _leads_a_company(self, title: str, body: str) -> bool:
        """"founder and president of Fusion Advocates", "CEO of Harbour Kayak": whatever proper name a company's head
        leads is a body, not a portfolio, unless it is a state ("President of Examplia")."""
        words = body.split()
        return (
            self._leads(title)
            and all(word[:1].isupper() or word in _NAME_LINKS for word in words)
            and not self.countries.lookup(body) and not self.countries.represented(body) and not self.words.is_unit(body)
        )

    def institution_named(self, text: str) -> bool:
        """A phrase ending in an institution word and not opening with a title ("Health Justice Initiative"), or
        opening with a word that heads names from the front ("Universidad Mayor de San Simon")."""
        words = re.findall(r"[\w’'-]+", text)
        return len(words) > 1 and words[0][:1].isupper() and (self.words.head(text) in self.words.head_first or (
            words[0].lower() not in self.cues.title_words
            and words[-1].lower() in self.words.institution and words[-1].lower() not in self.words.unit
        ))

    def known(self, organisation: Span | str | None) -> KnownOrganisation | None:
        if isinstance(organisation, Span) and organisation.ent_id_:
            return self.organisations.get(organisation.ent_id_)
        return self.organisations.lookup(organisation) if isinstance(organisation, str) else None

    def ministry_from_title(self, match: SpeakerMatch) -> None:
        """A national minister speaks for the ministry the title names: "Minister for Law" of Singapore → "Ministry of Law"."""
        if match.organisation is not None or match.title is None or match.country is None:
            return
        portfolios = [p for p in _PORTFOLIO.findall(match.title) if not self.countries.lookup(p.strip())]  # "Minister of the X Republic"
        if portfolios and portfolios[-1].strip().lower() != "state":
            match.organisation = f"Ministry of {portfolios[-1].strip()}"
        elif (led := _PORTFOLIO_LED.match(match.title)) and self.words.is_portfolio(led["portfolio"]):
            # "Canada’s Environment and Climate Change Minister": the department the registry knows by portfolio and state
            known = self.organisations.lookup(f"{led['portfolio']} {self.countries[match.country].name}")
            if known is not None and known.country == match.country:
                match.organisation = known.name

    def apply_prefix(self, match: SpeakerMatch, prefix: Span) -> None:
        """"Canada’s Minister X": the owner before a possessive is the country or institution, the rest the title."""
        owner_end = next((t.i for t in prefix if t.text in ("’s", "'s")), None)
        if owner_end is None or owner_end == prefix.start:
            if (led := self._country_led(prefix)) is not None:
                match.country = match.country or led[0]
                prefix = led[1]
            self.apply_fields(match, [Field(prefix)], leading=True)
            return
        owner, rest = prefix.doc[prefix.start : owner_end], prefix.doc[owner_end + 1 : prefix.end]
        if code := self.countries.lookup(owner.text):
            match.country = code
        elif code := self.countries.represented(owner.text):
            match.country, match.organisation = code, match.organisation or owner  # "Australian Government’s Dr X"
        else:
            self.apply_fields(match, [Field(owner)])
            if match.organisation is None and match.title:
                match.organisation, match.title = match.title, None
        if rest:
            self.apply_fields(match, [Field(rest)], leading=True)


_JOINT = re.compile(r"(?<!\s)\s+[&+]\s+")
"""Between two affiliations written together: " & ", " + " (a slash already parts a description's fields)."""
_PORTFOLIO_WORDS = r"[A-Z][\w’' -]*?"
_PORTFOLIO = re.compile(
    rf"\bMinister (?:for|of) ((?:the )?{_PORTFOLIO_WORDS}(?:(?:, {_PORTFOLIO_WORDS})+,? and {_PORTFOLIO_WORDS})?)"
    r"(?=,|;|$| of (?:the )?[A-Z]| in )"
)
"""The portfolio in a minister's title, a list too: "Minister of Finance, Planning and Economic Development"."""
_PORTFOLIO_LED = re.compile(r"^(?P<portfolio>[A-Z][\w&, -]*?) Minister$")
"""A portfolio before "Minister": "Environment and Climate Change Minister"."""


def _without_tail(organisation: Span | str | None, end: int) -> Span | str | None:
    """The organisation up to character `end` of its text, still a span if it was one."""
    if isinstance(organisation, Span):
        span = organisation.doc.char_span(organisation.start_char, organisation.start_char + end, alignment_mode="contract")
        return span or organisation.text[:end]
    return organisation[:end] if organisation else organisation


def comma_parts(span: Span) -> list[Span]:
    """"Senior Secretary, Ministry of Health" -> "Senior Secretary", "Ministry of Health"."""
    parts, start = [], span.start
    for token in span:
        if token.text == ",":
            parts.append(span.doc[start : token.i])
            start = token.i + 1
    parts.append(span.doc[start : span.end])
    return [part for part in parts if len(part)]


def behalf_split(part: Field) -> list[Field]:
    """"Ministry of Finance on behalf of the Government of X": the body, and whom it acts for, as two fields."""
    span = part.span
    at = next((t.i for t in span if t.lower_ == "behalf"), None)
    if at is None or at + 1 >= span.end or span.doc[at + 1].lower_ != "of":
        return [part]
    left_end = at - 1 if at > span.start and span.doc[at - 1].lower_ == "on" else at
    pieces = [span.doc[span.start : left_end], span.doc[at + 2 : span.end]]
    return [Field(piece) for piece in pieces if piece.text.strip(FIELD_PUNCT)]


_POSSESSIVE_OWNER = re.compile(r"^(?P<owner>[A-Z][\w .]*?)(?:[’']s|(?<=[.s])[’'])\s+(?P<rest>[A-Z].*)$")
_CAPTION_PLACE = re.compile(
    r"(?<!\s)\s*\((?:(?:far|second from|third from|fourth from) )?(?:left|right|centre|center|middle)(?: row)?\)|(?<!\s)\s*\(online\)"
)


_LEADING_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)


def clean_field(text: str) -> str:
    """A field without separators around it, line breaks, a caption's "(second from left)", nor the full stop
    of its sentence ("S.A." keeps its dots)."""
    text = _CAPTION_PLACE.sub("", " ".join(text.split())).strip(FIELD_PUNCT).strip()
    return text[:-1] if text.endswith(".") and not re.search(r"\b[A-Z]\.$", text) else text


def substantive(match: SpeakerMatch, words: OrganisationWords | None = None) -> bool:
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
            acronym(str(organisation)) or len(str(organisation).split()) > 1
        )
    else:
        text = match.organisation_text or ""
        tagged = isinstance(organisation, Span) and organisation.label_ == "ORG"
        named = tagged and (bool(organisation.ent_id_) or len(organisation) > 1) or acronym(text) or words.is_institution(text)
    return bool(match.country or match.title or match.unit or named)


def _brand(text: str) -> bool:
    """One word with capitals inside: how companies and networks write their names ("SouthSouthNorth", "GeoThings")."""
    return bool(_BRAND.fullmatch(text))


def _after_from(span: Span) -> Span | None:
    """The capitalised words after an opening "from (the)" or "of (the)" ("from the Examplia Water Agency", "NAME of
    NVIDIA gave"), read as a field of their own when the NER did not tag them from their start (it tags "Institute
    for Public Policy" of "the Cambridge Bennett Institute for Public Policy", or nothing)."""
    start = span.start + 1 if span[0].lower_ in ("from", "of") else span.start
    if start < span.end and span.doc[start].lower_ == "the" and start > span.start:
        start += 1
    end = span.end
    if span.doc[end - 1].text == ")" and not any(t.text == "(" for t in span):
        end -= 1  # "(moderated by NAME from the X Institute)": the aside's bracket closes after it
    return span.doc[start:end] if span.start < start < end and span.doc[start].text[:1].isupper() else None


def _simple_name(text: str) -> bool:
    """A name of a few words with no "of", "for" or "and" in it: "UC Davis", not "Policy Branch of the X"."""
    words = text.split()
    return 0 < len(words) <= 4 and not any(word.lower() in _NAME_LINKS for word in words)


def without_article(span: Span) -> Span:
    """The NER takes in the article: "the X Agency"."""
    return span[1:] if len(span) > 1 and span[0].lower_ == "the" else span


_EDGE_LINKS = (_NAME_LINKS - POSSESSIVE_ENDINGS) | {"at"}
"""Words that join the words of a name and never end one ("X at Y" joins a unit to its body)."""


def bare_organisation(organisation: Span | str | None) -> Span | str | None:
    """An organisation without the link words a reading left at its edges: the "of the" that led to it ("NAME of
    the X Trust"), the "and" that led to the next name in a list ("CEO, X and Dr NAME"), the "of the" before a
    state written apart ("Chairman of the National Assembly of the Republic of X"); nor a bracket opened before
    the person's name ("Talk title (NAME, X Institute)"). None for words with no capital letter or digit ("2i2c"
    has one): the Spanish "un" the NER took for the UN names no body."""
    if organisation is None or not any(c.isupper() or c.isdigit() for c in str(organisation)):
        return None
    if isinstance(organisation, Span):
        start, end = _bare_bounds([token.text for token in organisation])
        return organisation[start:end]
    opened = organisation.count("(") - organisation.count(")")
    if opened < 0 and organisation.endswith(")") or opened > 0 and organisation.startswith("("):
        organisation = organisation[:-1] if opened < 0 else organisation[1:]
    words = organisation.split()
    start, end = _bare_bounds(words)
    return " ".join(words[start:end])


def _bare_bounds(words: list[str]) -> tuple[int, int]:
    start, end = 0, len(words)
    while end - start > 1 and words[start] in ("of", "the"):
        start += 1
    while end - start > 1 and words[end - 1].lower() in _EDGE_LINKS:
        end -= 1
    opened = words[start:end].count("(") - words[start:end].count(")")
    if opened < 0 and words[end - 1] == ")":
        end -= 1
    elif opened > 0 and words[start] == "(":
        start += 1
    return start, end


def _proper_phrase(span: Span) -> bool:
    """A phrase of capitalised words (linked by "of", "in", "&"...): a name, not a description."""
    words = [t for t in span if not t.is_punct]
    return len(words) > 1 and words[0].text[:1].isupper() and all(
        t.text[:1].isupper() or t.lower_ in _NAME_LINKS for t in words
    )


def _glued(entity: Span) -> bool:
    """An entity that is part of a longer hyphenated word: "UN" in "UN-GGIM", "UNOSAT" in "UNITAR-UNOSAT"."""
    doc = entity.doc
    after = entity.end < len(doc) and doc[entity.end].text in ("-", "‐") and not doc[entity.end - 1].whitespace_
    before = entity.start > 0 and doc[entity.start - 1].text in ("-", "‐") and not doc[entity.start - 1].whitespace_
    return after and entity.end + 1 < len(doc) and doc[entity.end + 1].is_upper or before and entity.start > 1 and doc[entity.start - 2].is_upper


def capitalised(text: str) -> bool:
    """Written as a name is: a capital first, or a brand's lower-case prefix before one ("eShipGlobal", "iBio")."""
    return text[:1].isupper() or len(text) > 1 and text[0].islower() and text[1].isupper()


def acronym(text: str) -> bool:
    return " " not in text.strip() and looks_like_acronym(text)


def inside_entity(token: Token) -> bool:
    """A comma within a name ("Ministry of Health, Labour and Welfare"), not one the NER left at its edge, nor one
    the NER ran a unit and its body across ("Compliance and Enforcement, Equal Opportunities Commission")."""
    doc = token.doc
    if not (token.ent_iob_ == "I" and token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I"):
        return False
    entity = doc_entities(doc).covering(token.i)
    return token.text != "," or entity is None or not _name_of_its_own(doc[token.i + 1 : entity.end])


def _name_of_its_own(rest: Span) -> bool:
    """What follows a comma up to the entity's end names a body by itself: two words or more, and no conjunction in
    it or just after it. A portfolio list goes on with one ("..., Labour and Welfare"; "Planning, Economic
    Development, and International Cooperation", of which the NER tags the first two), a campus is one word."""
    after = rest.doc[rest.end : rest.end + 2]
    ahead = [*rest, *(after[1:] if len(after) and after[0].text == "," else after[:1])]
    return len(rest) > 1 and not any(token.pos_ == "CCONJ" or token.lower_ in CONJUNCTIONS for token in ahead)
