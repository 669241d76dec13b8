"""Countries: every name people write for a state, normalised to ISO 3166-1 alpha-3.

The alias table (`models/countries.json`) starts from ISO 3166 (pycountry) and adds UN short
names, common variants, demonyms and the names in French, Spanish and Portuguese. Regions and
groups (`models/non_countries.json`) are kept apart so "Asia-Pacific" or "the G77" never become
countries.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from .resources import load_json

_STATE_WORDS = (
    "government|embassy|embassies|ministry|ministries|delegation|delegations|authorities|"
    "mission|permanent mission|high commission|high commissioner|presidency|state|republic|kingdom|"
    "ambassador|minister|parliament|consulate|representative|envoy"
)
_QUALIFIERS = r"(?:[\w-]+\s+){0,2}?"
"""Up to two words before a state word: "Deputy Minister of X", "Permanent Representative of X"."""
_STATE_LEAD = re.compile(rf"^(?:the\s+)?{_QUALIFIERS}(?:[a-z]+-)?(?:{_STATE_WORDS})(?:\s+general)?\s", re.IGNORECASE)
"""A state's word led by up to two others: "Deputy Minister of X", "Vice-Minister of Energy of X"."""
_OF = re.compile(r"\b(?:of|for)\s+(?:the\s+)?", re.IGNORECASE)
"""What opens the state a state's word is of: "Minister of X", "Envoy for X"; never "to", which names where an envoy is
sent: "Ambassador to X"."""
_PLACE = re.compile(r"\s+(?:in|to|at)\s+.*$", re.IGNORECASE)
"""Where a mission sits, after the state it is of: "Embassy of X in Y", "Permanent Representative of X to Y"."""
_COUNTRY_STATE = re.compile(
    rf"^(?:the\s+)?(?:former\s+)?(?P<country>.+?)(?:'s)?\s+(?:prime\s+|foreign\s+)?(?:{_STATE_WORDS})\b.*$", re.IGNORECASE
)
"""A state named before its word: "the Chinese Government", "Former Barbados Prime Minister"."""
_LEADING_THE = re.compile(r"^(?:the|The)\s+")


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    region: str
    subregion: str


APOSTROPHES = "’‘ʼ′`"
"""Written for an apostrophe (U+0027) in published text: typographic, modifier letter, prime, backtick."""
QUOTES = "“”″"
"""Written for a double quote."""
APOSTROPHE = f"['{APOSTROPHES}]"
"""A regular expression for any apostrophe."""
POSSESSIVE_ENDINGS = frozenset(f"{apostrophe}s" for apostrophe in "'" + APOSTROPHES)
"""The token spaCy splits a possessive's ending into, with any apostrophe: "’s", "'s"."""
_PLAIN = str.maketrans({**dict.fromkeys(APOSTROPHES, "'"), **dict.fromkeys(QUOTES, '"')})
_FANCY = re.compile(f"[{APOSTROPHES}{QUOTES}]")


def plain_quotes(text: str) -> str:
    """ "Côte d’Ivoire" -> "Côte d'Ivoire": every apostrophe and double quote in one form, character for
    character (offsets stay valid), so names match however they were typeset."""
    return text.translate(_PLAIN) if _FANCY.search(text) else text


def typeset_forms(name: str) -> list[str]:
    """Every way a name may be typeset ("Côte d'Ivoire", "Côte d’Ivoire", ...), for matchers that compare text as
    written (the entity rulers): each apostrophe form for its apostrophes, each double-quote form for its quotes."""
    plain = plain_quotes(name)
    if "'" not in plain and '"' not in plain:
        return [name]
    return sorted({plain.replace("'", a).replace('"', q) for a in "'" + APOSTROPHES for q in '"' + QUOTES})


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """A matching key: case, accents, apostrophes, punctuation and a leading 'the' do not matter.

    Cached: every stage folds the same few names over and over."""
    text = plain_quotes(text)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = _NOT_WORD.sub(" ", _POSSESSIVE.sub("", text.lower()))
    return _LEADING_THE.sub("", " ".join(text.split()))


_POSSESSIVE = re.compile(r"'s\b")
_NOT_WORD = re.compile(r"[^\w\s]")
_LEADING_THE = re.compile(r"^the\s+")


class CountryIndex:
    """Look up countries by any of their names; short all-caps codes ("US", "UK") only as written."""

    def __init__(self, table: dict[str, dict], non_countries: dict[str, list[str]]) -> None:
        self._countries = {
            iso3: Country(iso3, entry["name"], entry.get("region", ""), entry.get("subregion", ""))
            for iso3, entry in table.items()
        }
        self._by_key: dict[str, str] = {}
        self._by_exact: dict[str, str] = {}
        self._by_demonym: dict[str, str] = {}
        self.written_names: dict[str, str] = {}
        """Every alias as written, with its code, for building matchers."""
        self.written_demonyms: dict[str, str] = {}
        for iso3, entry in table.items():
            translations = (name for names in entry.get("translations", {}).values() for name in names)
            for alias in (entry["name"], *entry.get("aliases", ()), *translations):
                self.written_names.setdefault(alias, iso3)
                if _is_code_like(alias):
                    self._by_exact[alias] = iso3
                else:
                    self._by_key.setdefault(fold(alias), iso3)
            for demonym in entry.get("demonyms", ()):
                self._by_demonym.setdefault(fold(demonym), iso3)
                self.written_demonyms.setdefault(demonym, iso3)
        self._not_countries = {fold(name) for names in non_countries.values() for name in names}

    @classmethod
    @cache
    def default(cls) -> CountryIndex:
        return cls(load_json("countries.json"), load_json("non_countries.json"))

    def __getitem__(self, iso3: str) -> Country:
        return self._countries[iso3]

    def demonym(self, text: str) -> str | None:
        return self._by_demonym.get(fold(text))

    def lookup(self, text: str) -> str | None:
        """The code of a country name as written, or None for anything else."""
        text = _LEADING_THE.sub("", text.strip().strip(",;:()"))
        if text in self._by_exact or text.rstrip(".") in self._by_exact:
            return self._by_exact.get(text) or self._by_exact[text.rstrip(".")]
        text = text.rstrip(".")
        key = fold(text)
        if key in self._not_countries:
            return None
        return self._by_key.get(key)

    def represented(self, text: str) -> str | None:
        """The state behind a name: "Government of Japan", "Embassy of X in Y" (X), "the Chinese Government",
        "Ministry of Water, Irrigation and Energy of Ethiopia", "Ministry of Foreign Affairs of the Democratic
        People’s Republic of Korea" (the longest state name after an "of", not the "Korea" at its end). A state
        named before its word is the one represented, not the one after "to": "Australia High Commissioner to Tonga"."""
        text = plain_quotes(text.strip())
        direct = self.lookup(text)
        if direct:
            return direct
        match = _COUNTRY_STATE.match(text)
        if match and (code := self.lookup(match["country"]) or self.demonym(match["country"])):
            return code
        if _STATE_LEAD.match(text):
            for of in _OF.finditer(text):
                rest = text[of.end() :]
                if code := self.lookup(rest) or self.lookup(_PLACE.sub("", rest)):
                    return code
        return None

    def is_region(self, text: str) -> bool:
        return fold(text) in self._not_countries


def _is_code_like(alias: str) -> bool:
    """Short upper-case aliases ("US", "UK", "DRC") collide with words when case is ignored."""
    letters = alias.replace(".", "")
    return len(letters) <= 4 and letters.isupper()
