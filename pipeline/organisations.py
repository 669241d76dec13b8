"""Organisations: a gazetteer of well-known institutions, and the words that mark an institution.

The gazetteer (`models/organisations.jsonl`) is general knowledge — the UN system, IFIs,
regional bodies, convention secretariats, development agencies — with canonical names and
acronyms, so "ILO", "the ILO’s" and "International Labour Office" are one organisation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from .countries import APOSTROPHES, QUOTES, fold, plain_quotes
from .resources import load_json, load_jsonl

if TYPE_CHECKING:
    from .registry import Registry

_SPELLING_VARIANTS = {"organization": "organisation", "labor": "labour", "center": "centre", "program": "programme"}
_VARIANT = re.compile(rf"\b(?:{'|'.join(_SPELLING_VARIANTS)})\b")


@lru_cache(maxsize=1 << 16)
def org_key(text: str) -> str:
    """A matching key for organisation names: `fold` plus British/American spelling merged.

    Cached like `fold`: entity resolution compares every pair of a document's names by their keys."""
    return _VARIANT.sub(lambda m: _SPELLING_VARIANTS[m.group()], fold(text))


def slug(text: str) -> str:
    """The readable part of an entity id: "org:kenyatta-university", "person:ana-lima"."""
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "unnamed"


def looks_like_acronym(text: str) -> bool:
    """Mostly capitals, 2-10 letters ("MOHRSS", "ITfC", "CTI-PFAN"): how institutions shorten their names."""
    letters = re.sub(r"[^A-Za-z]", "", text)
    return 2 <= len(letters) <= 10 and sum(c.isupper() for c in letters) >= max(2, len(letters) - 2)


_SHORT_ACRONYM = 3
"""Acronyms this short name many things: "ABC" is Brazil's cooperation agency, and broadcasters on three continents."""


def named_here(known: KnownOrganisation, written: str, countries: Collection[str]) -> bool:
    """Whether a national body named by a short acronym is that body in a text naming `countries` (ISO3): only
    where its own country is named."""
    short = " " not in written.strip() and looks_like_acronym(written) and len(written.strip()) <= _SHORT_ACRONYM
    return not (short and known.country) or known.country in countries


_STEM = 5
"""Letters of a word that stand for it when two names are compared across languages ("organisation", "organización")."""


def spelt_out_as(known: KnownOrganisation, long_form: str) -> bool:
    """Whether the long form a text defines an acronym by can name this body: a word in common with one of its
    names, in any of its languages ("Organización Mundial de la Salud (OMS)" is the WHO, which shares "organ").
    "Otherland Maths Initiative (OMI)" shares none with the International Maritime Organization, whose French
    acronym it is: the text's own definition wins."""
    written = _stems(long_form)
    return any(written & _stems(name) for name in (known.name, *known.aliases))


def _stems(name: str) -> set[str]:
    return {word[:_STEM] for word in re.findall(r"\w{4,}", org_key(name))}


@dataclass(frozen=True, slots=True)
class KnownOrganisation:
    id: str
    name: str
    aliases: tuple[str, ...]
    exact_aliases: tuple[str, ...]
    kind: str
    parent: str | None
    country: str | None
    """The state whose staff the body's people represent (a national agency), None for the rest."""
    international: bool
    """An intergovernmental or international body: a country named beside it is where its people work."""
    located: str | None = None
    """Where the body is (a university's country, which its people need not represent); the registry's."""


class OrganisationGazetteer:
    """The gazetteer of international bodies and well-known agencies (`models/organisations.jsonl`), backed by
    the registry of national institutions (`pipeline/registry.py`): the gazetteer's entry wins wherever both know
    a name, so a registry record never makes an international body national."""

    def __init__(self, records: tuple[dict, ...], registry: Registry | None = None) -> None:
        self.registry = registry
        self.records = tuple(
            KnownOrganisation(
                id=r["id"],
                name=r["name"],
                aliases=tuple(r.get("aliases", ())),
                exact_aliases=tuple(r.get("case_sensitive_aliases", ())),
                kind=r.get("kind", "intergovernmental"),
                parent=r.get("parent"),
                country=r.get("country"),
                international=r.get("country") is None,
                located=r.get("country"),
            )
            for r in records
        )
        self._by_key: dict[str, KnownOrganisation] = {}
        self._by_exact: dict[str, KnownOrganisation] = {}
        for record in self.records:
            for alias in (record.name, *record.aliases):
                self._by_key.setdefault(org_key(alias), record)
            for alias in record.exact_aliases:
                self._by_exact.setdefault(plain_quotes(alias), record)
        self._by_id = {record.id: record for record in self.records}

    @classmethod
    @cache
    def default(cls) -> OrganisationGazetteer:
        from .registry import Registry  # noqa: PLC0415 (the registry's records are this module's KnownOrganisation)

        return cls(load_jsonl("organisations.jsonl"), Registry.default())

    def lookup(self, text: str, *, countries: Collection[str] = ()) -> KnownOrganisation | None:
        """The organisation a name stands for: the gazetteer's, else the registry's when it is sure. `countries`
        (ISO3 codes the document names) lets the registry trust a generic name or an acronym of a body from one
        of them ("MLIT" in a text about Japan)."""
        text = re.sub(r"(?:'s|')$", "", plain_quotes(text.strip()))
        known = self._by_exact.get(text) or self._by_key.get(org_key(text)) or self._under_parent(text)
        if known is None and self.registry is not None:
            known = self.registry.lookup(text, countries=countries)
        return known

    def generic_country(self, text: str, countries: Collection[str]) -> str | None:
        """See `Registry.generic_country`."""
        return self.registry.generic_country(text, countries) if self.registry is not None else None

    def _under_parent(self, text: str) -> KnownOrganisation | None:
        """A body named after its parent's acronym: "UNESCO Intergovernmental Oceanographic Commission"."""
        first, _, rest = text.partition(" ")
        parent = self._by_exact.get(first) or self._by_key.get(org_key(first))
        child = (self._by_exact.get(rest) or self._by_key.get(org_key(rest))) if parent and " " in rest else None
        return child if child is not None and child.parent == parent.id else None

    def get(self, org_id: str) -> KnownOrganisation | None:
        known = self._by_id.get(org_id)
        if known is None and self.registry is not None:
            known = self.registry.get(org_id)
        return known


_LINKS = frozenset({"of", "for", "on", "in", "to", "at", "with", "de", "del", "des", "du", "da", "do", "dos", "pour", "para"})
CONJUNCTIONS = frozenset({"and", "&", "or", "y", "e", "et", "und", "o", "ou"})
"""Conjunctions: a list of sectors, not one name, goes on with one ("Health, Labour and Welfare")."""


@dataclass(frozen=True, slots=True)
class OrganisationWords:
    """Head words that make a phrase an institution, or a sub-unit of one (`models/organisation_words.json`).

    Names are classified by their head noun ("Ministry of Health" -> ministry, "Climate Smart Agriculture
    Project" -> project) because the NER tags programmes, events and job titles as organisations too.
    """

    institution: frozenset[str]
    unit: frozenset[str]
    state: frozenset[str]
    not_institution: frozenset[str] = frozenset()
    generic_modifiers: frozenset[str] = frozenset()
    legal_forms: frozenset[str] = frozenset()
    name_endings: frozenset[str] = frozenset()
    """Last words that make a name an organisation whatever its head ("Oxfam International")."""
    head_first: frozenset[str] = frozenset()
    """Words that head a name from its front, as Romance and German names are built ("Universidad Mayor de San
    Simon", "Instituto Nacional de Estadística"), whatever stands before its first "de"."""
    head_first_links: frozenset[str] = frozenset()
    """The small words joining the parts of a head-first name ("de", "di", "für"): "Universidad de Las Américas"."""
    pair_arrangements: frozenset[str] = frozenset()
    """Heads that, after two parties joined by a hyphen, name their arrangement ("New Zealand-USP Partnership")."""
    roles: frozenset[str] = frozenset()
    """Posts people hold ("Director", "VP", "SG"): a name that runs on into one ran into a job title."""
    role_modifiers: frozenset[str] = frozenset()
    """Words before a post ("Deputy", "Executive"): part of the job title when a post follows them."""
    bodies: frozenset[str] = frozenset()
    """Governing and working bodies named after their organisation ("OBIS Steering Group", "X Board")."""
    portfolios: frozenset[str] = frozenset()
    """Words of a government's portfolios ("Environment", "Fisheries", "Statistics"): "Environment Canada"."""
    state_body_words: frozenset[str] = frozenset()
    """Words that make a name a state's body ("National", "Ministry", "Parliament"): "National Statistical Committee"."""

    @classmethod
    @cache
    def default(cls) -> OrganisationWords:
        data = load_json("organisation_words.json")
        keys = ("institution", "unit", "state", "not_institution", "generic_modifiers")
        lowered = (frozenset(w.lower() for w in data.get(key, ())) for key in keys)
        return cls(
            *lowered,
            legal_forms=frozenset(data.get("legal_forms", ())),
            name_endings=frozenset(data.get("name_endings", ())),
            head_first=frozenset(w.lower() for w in data.get("head_first", ())),
            head_first_links=frozenset(w.lower() for w in data.get("head_first_links", ())),
            pair_arrangements=frozenset(w.lower() for w in data.get("pair_arrangements", ())),
            roles=frozenset(w.lower() for w in data.get("roles", ())),
            role_modifiers=frozenset(w.lower() for w in data.get("role_modifiers", ())),
            bodies=frozenset(w.lower() for w in data.get("bodies", ())),
            portfolios=frozenset(w.lower() for w in data.get("portfolios", ())),
            state_body_words=frozenset(w.lower() for w in data.get("state_body_words", ())),
        )

    def is_portfolio(self, text: str) -> bool:
        """A government portfolio's words only, joined by "and": "Environment and Climate Change"."""
        words = [w for w in re.findall(r"[\w-]+|&", text.lower()) if w not in ("and", "&")]
        return bool(words) and all(w in self.portfolios for w in words)

    def names_a_state_body(self, text: str) -> bool:
        return any(word.lower() in self.state_body_words for word in re.findall(r"\w+", text))

    def is_unit(self, text: str) -> bool:
        return any(word.lower() in self.unit for word in re.findall(r"[A-Za-z]+", text))

    def is_institution(self, text: str) -> bool:
        return any(word.lower() in self.institution for word in re.findall(r"[A-Za-z]+", text))

    def head(self, text: str) -> str:
        """The head noun: a `head_first` word opening the name ("Universidad" of "Universidad Mayor de X"), else the
        word before the first linking preposition ("Ministry" of "Ministry of X"), else the last word; a legal form
        ("Ltd", "S.A.") is skipped, and a "X, Y Department" list keeps its last head."""
        words = [w.strip(f",;:()\"'{APOSTROPHES}{QUOTES}") for w in text.split()]
        words = [w for w in words if w]
        while len(words) > 1 and words[-1] in self.legal_forms:
            words.pop()
        if len(words) > 1 and words[0].lower() in self.head_first and words[1].lower() not in CONJUNCTIONS:
            return words[0].lower()  # not "Academia and Research Institutions", a list of sectors
        for index, word in enumerate(words[1:], start=1):
            if word.lower() in _LINKS:
                return words[index - 1].lower()
        return words[-1].lower() if words else ""

    def kind(self, text: str) -> str:
        """"company" (ends in a legal form), "unit", "institution", "not_institution" or "unknown", by head noun
        (or by a telling last word)."""
        words = text.split()
        if len(words) > 1 and words[-1] in self.legal_forms:
            return "company"
        if len(words) > 1 and words[-1] in self.name_endings and words[-2].lower() not in _LINKS | {"and", "&"}:
            return "institution"  # "Oxfam International", not the "Research and International" of a job title
        head = self.head(text)
        if head in self.head_first:
            return "institution"
        if head in self.unit and re.search(rf"(?i)\b{re.escape(head)}\s+(?:of|for)\s", text):
            return "institution"  # "Department of Energy": a government body, not a sub-unit
        for kind, heads in (("unit", self.unit), ("institution", self.institution), ("not_institution", self.not_institution)):
            if head in heads or head.rstrip("s") in heads:
                return kind
        return "unknown"

    def role_start(self, text: str) -> int | None:
        """Where a job title begins in a name that ran on into one, as a word index: "Renault VP of Strategy" (1),
        "Department of State Assistant" (3); None when no post follows the first word, or the post belongs to
        the name ("Office of the Chief Economist")."""
        words = text.split()
        for index, word in enumerate(words[1:], start=1):
            following = words[index + 1].lower() if index + 1 < len(words) else None
            if word.lower() in self.roles and following in (None, "of", "for", "at"):
                while index > 1 and words[index - 1].lower() in self.role_modifiers | self.roles:
                    index -= 1
                return None if words[index - 1].lower() in _LINKS | {"the", "and"} else index
        if len(words) > 2 and words[-1].lower() in self.role_modifiers and self.kind(" ".join(words[:-1])) == "institution":
            return len(words) - 1  # the NER cut "Assistant Secretary" in two
        return None

    def is_role(self, text: str) -> bool:
        """ "Co-Chair", "Director-General", "Principal Investigator": a post, named without an institution."""
        words = text.split()
        return bool(words) and words[-1].lower() in self.roles and not self.is_institution(text)

    def is_generic(self, text: str) -> bool:
        """Only generic modifiers before the head ("Regional Bureau", "Executive Office"): a description, not a name."""
        words = re.findall(r"[\w-]+", text)
        return len(words) > 1 and all(w.lower() in self.generic_modifiers for w in words[:-1]) and self.head(text) == words[-1].lower()
