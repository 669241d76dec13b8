"""Organisations: a gazetteer of well-known institutions, and the words that mark an institution.

The gazetteer (`models/organisations.jsonl`) is general knowledge — the UN system, IFIs,
regional bodies, convention secretariats, development agencies — with canonical names and
acronyms, so "ILO", "the ILO’s" and "International Labour Office" are one organisation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .countries import fold
from .resources import load_json, load_jsonl

_SPELLING_VARIANTS = (
    (re.compile(r"\borganization\b"), "organisation"),
    (re.compile(r"\blabor\b"), "labour"),
    (re.compile(r"\bcenter\b"), "centre"),
    (re.compile(r"\bprogram\b"), "programme"),
)


def org_key(text: str) -> str:
    """A matching key for organisation names: `fold` plus British/American spelling merged."""
    key = fold(text)
    for pattern, replacement in _SPELLING_VARIANTS:
        key = pattern.sub(replacement, key)
    return key


def looks_like_acronym(text: str) -> bool:
    """Mostly capitals, 2-10 letters ("MOHRSS", "ITfC", "CTI-PFAN"): how institutions shorten their names."""
    letters = re.sub(r"[^A-Za-z]", "", text)
    return 2 <= len(letters) <= 10 and sum(c.isupper() for c in letters) >= max(2, len(letters) - 2)


@dataclass(frozen=True, slots=True)
class KnownOrganisation:
    id: str
    name: str
    aliases: tuple[str, ...]
    exact_aliases: tuple[str, ...]
    kind: str
    parent: str | None
    country: str | None

    @property
    def international(self) -> bool:
        return self.country is None


class OrganisationGazetteer:
    def __init__(self, records: tuple[dict, ...]) -> None:
        self.records = tuple(
            KnownOrganisation(
                id=r["id"],
                name=r["name"],
                aliases=tuple(r.get("aliases", ())),
                exact_aliases=tuple(r.get("case_sensitive_aliases", ())),
                kind=r.get("kind", "intergovernmental"),
                parent=r.get("parent"),
                country=r.get("country"),
            )
            for r in records
        )
        self._by_key: dict[str, KnownOrganisation] = {}
        self._by_exact: dict[str, KnownOrganisation] = {}
        for record in self.records:
            for alias in (record.name, *record.aliases):
                self._by_key.setdefault(org_key(alias), record)
            for alias in record.exact_aliases:
                self._by_exact.setdefault(alias, record)
        self._by_id = {record.id: record for record in self.records}

    @classmethod
    @cache
    def default(cls) -> OrganisationGazetteer:
        return cls(load_jsonl("organisations.jsonl"))

    def lookup(self, text: str) -> KnownOrganisation | None:
        text = re.sub(r"(?:'s|’s|’|')$", "", text.strip())
        return self._by_exact.get(text) or self._by_key.get(org_key(text))

    def get(self, org_id: str) -> KnownOrganisation | None:
        return self._by_id.get(org_id)


@dataclass(frozen=True, slots=True)
class OrganisationWords:
    """Head words that make a phrase an institution, or a sub-unit of one (`models/organisation_words.json`)."""

    institution: frozenset[str]
    unit: frozenset[str]
    state: frozenset[str]

    @classmethod
    @cache
    def default(cls) -> OrganisationWords:
        data = load_json("organisation_words.json")
        return cls(*(frozenset(w.lower() for w in data[key]) for key in ("institution", "unit", "state")))

    def is_unit(self, text: str) -> bool:
        return any(word.lower() in self.unit for word in re.findall(r"[A-Za-z]+", text))

    def is_institution(self, text: str) -> bool:
        return any(word.lower() in self.institution for word in re.findall(r"[A-Za-z]+", text))
