"""World knowledge from the Research Organization Registry: ~48,000 national institutions by name.

`models/registry-*.tsv` (built by `scripts/build_registry.py` from ROR, CC0) holds universities, research
councils, government agencies, funders, NGOs and companies with their names, acronyms, country and parent.
Reports name such bodies without saying what they are or where ("Kenyatta University", "TETFund"); the
registry lets sidegraph recognise them, give them one canonical name and id, and know which country a national
body belongs to.

A name is evidence of one organisation only when it is distinctive (a word of it is local to one country, see
the build script) and no other record carries it. Acronyms are wildly ambiguous — thousands of three- and
four-letter acronyms are shared, and many are terms too ("ICT", "CCS") — so one counts only when it has four
letters or more, the document names the record's country and no other bearer is from a country it names (and
`pipeline/entities.py` asks only for acronyms the NER or a speaker's introduction gives as an institution and
the text does not define otherwise). Measured on the gold corpus, that rule resolved 4 acronyms rightly and 1
wrongly where the document's countries alone resolved 6 rightly and 17 wrongly. A generic name ("Cabinet
Office", "Ministry of Environment") is never resolved alone: most countries have one.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from .countries import CountryIndex, plain_quotes
from .organisations import KnownOrganisation, org_key, slug
from .resources import data_root, load_jsonl
from .spans import document_text

_KIND_ORDER = ("government", "education", "healthcare", "company", "nonprofit", "facility", "funder", "archive", "other")
"""ROR lists several types; the first of these names the organisation's kind (a research council is both a
funder and a government body: "government")."""
_WORD = re.compile(r"[\w']+|&")
"""A word of a name, quotes made plain; "&" counts as one."""
_NEXT_WORD = re.compile(r"[^\w'&]*?([\w']+|&)")
_PUNCTUATION = re.compile(r"[,.;:()/]")
_CAPITALISED = re.compile(r"(?<![\w'])[^\W\d_a-z][\w']*")
"""A word whose first letter is no ASCII lower-case one (upper case, or an accented letter to check)."""
_GENERIC_WORDS = 3
"""Words a generic name needs to say a country's body when the text names that country ("Ministry of Health",
"National Science Foundation"); a shorter one ("Focus", "Mineral Resources") is as often a word of something else."""
_MIN_ACRONYM = 4
"""Shorter acronyms name too many things besides institutions ("ICT", "CCS", "EIT" are terms too)."""
_MIN_COUNTRY_LED_ACRONYM = 3
"""A shorter acronym still names a body when its country is written before it ("US EPA", "UK NHS")."""
_MAX_UNIT_WORDS = 5
"""How far after a registry name a unit's head word may come ("X University School of Public Health")."""
DISPLAY_NAME = "="
"""Written in the `distinctive` or `generic` column for the record's display name, which is always one of them."""


@dataclass(frozen=True, slots=True)
class RegistryMatch:
    """A registry name found in a text (character offsets) and the organisation it names."""

    start: int
    end: int
    organisation: KnownOrganisation


class Registry:
    """Look-ups by name and acronym; `find` for the names in a text. Built once per process (`default`). Rows stay
    the lines of the files until a look-up reaches one and makes it a `KnownOrganisation`, and an index holds a
    row number, or a tuple of them for a name several rows share: the registry costs tens of MB, not hundreds."""

    def __init__(self, lines: list[str], columns: list[str], *, taken: Collection[str] = ()) -> None:
        """`lines`: the rows, sorted by ROR id; `taken`: entity ids the registry's must not reuse (the
        gazetteer's)."""
        self._lines = lines
        self._column = {name: i for i, name in enumerate(columns)}
        self._made: dict[int, KnownOrganisation] = {}
        self._names: dict[str, int | tuple[int, ...]] = {}
        """`org_key` of a distinctive name -> its row(s)."""
        self._acronyms: dict[str, int | tuple[int, ...]] = {}
        self._generic: dict[str, int | tuple[int, ...]] = {}
        """`org_key` of a generic name ("Ministry of Health", "National Science Foundation") -> its rows."""
        self._prefixes: set[str] = set()
        """`org_key` of the first words of each distinctive name, all but the last: where `find` may go on."""
        self._punctuated: dict[str, str] = {}
        """`org_key` of a distinctive name written with punctuation -> its marks ("University of California,
        Davis": ","); any other name in a text must not cross one ("Minister of Environment and Climate Change,
        Canada" holds no "Environment and Climate Change Canada")."""
        column = self._column
        slugs: list[str] = []
        generic: list[bool] = []
        for index, line in enumerate(lines):
            row = line.split("\t")
            for name in _names(row[column["distinctive"]], row[column["name"]]):
                key = org_key(_without_article(name))
                _index(self._names, key, index)
                if marks := _PUNCTUATION.findall(name):
                    self._punctuated[key] = self._punctuated.get(key, "") + "".join(marks)
                words = key.split()
                self._prefixes.update(" ".join(words[:size]) for size in range(1, len(words)))
            for name in _names(row[column["generic"]], row[column["name"]]):
                _index(self._generic, org_key(_without_article(name)), index)
            for acronym in _split(row[column["acronyms"]]):
                _index(self._acronyms, plain_quotes(acronym), index)
            slugs.append(slug(org_key(row[column["name"]])))
            generic.append(DISPLAY_NAME in _split(row[column["generic"]]))
        self._ids = self._entity_ids(slugs, generic, taken)
        self._by_id = {entity_id: index for index, entity_id in enumerate(self._ids)}

    def _entity_ids(self, slugs: list[str], generic: list[bool], taken: Collection[str]) -> list[str]:
        """Entity ids from display names, as for any organisation (`org:kenyatta-university`): a generic name,
        or one two records share, gets its country, as sidegraph names a ministry it qualifies by country
        ("jpn-cabinet-office", "ind-ministry-of-power"); the gazetteer's ids are never reused, and a clash left
        gets the ROR id. Derived here, not shipped: they were a fifth of the files."""
        shared = {s for s, count in Counter(slugs).items() if count > 1}
        used = set(taken)
        ids = []
        for index, base in enumerate(slugs):
            entity_id = base
            if generic[index] or base in shared or base in used:
                entity_id = f"{self._cell(index, 'country').lower()}-{base}"
            if entity_id in used:
                entity_id = f"{entity_id}-{self._cell(index, 'ror_id')}"
            used.add(entity_id)
            ids.append(entity_id)
        return ids

    def _cell(self, index: int, column: str) -> str:
        return self._lines[index].split("\t")[self._column[column]]

    @classmethod
    @cache
    def default(cls) -> Registry:
        lines: list[str] = []
        columns: list[str] = []
        paths = (p for p in data_root().iterdir() if re.fullmatch(r"registry-\d+\.tsv", p.name))
        for path in sorted(paths, key=lambda p: int(re.sub(r"\D", "", p.name))):
            header, *rows = path.read_text(encoding="utf-8").splitlines()
            columns = header.split("\t")
            lines += [row for row in rows if row]
        return cls(lines, columns, taken={record["id"] for record in load_jsonl("organisations.jsonl")})

    def __len__(self) -> int:
        return len(self._lines)

    def get(self, org_id: str) -> KnownOrganisation | None:
        index = self._by_id.get(org_id)
        return None if index is None else self._record(index)

    def lookup(self, text: str, *, countries: Collection[str] = ()) -> KnownOrganisation | None:
        """The organisation a name or acronym stands for, when the registry is sure: a distinctive name that one
        record carries; else a distinctive name or an acronym of `_MIN_ACRONYM` letters or more of which exactly
        one bearer is from one of `countries` (those the document names). A generic name alone never is."""
        named = self._names.get(org_key(text))
        if isinstance(named, int):
            return self._record(named)
        acronym = plain_quotes(text.strip())
        candidates = named or (self._acronyms.get(acronym, ()) if len(acronym) >= _MIN_ACRONYM else ())
        local = [i for i in _rows(candidates) if self._cell(i, "country") in countries]
        return self._record(local[0]) if len(local) == 1 else self._country_led(text)

    def _country_led(self, text: str) -> KnownOrganisation | None:
        """"US EPA", "UK Met Office", "Kenya Ministry of Health": a body named after its country. The rest, a name or
        an acronym of three letters or more, is looked up among that country's bodies alone, and names one when
        exactly one of them is so called: the country says whose."""
        words = text.split()
        for size in (3, 2, 1):
            code = CountryIndex.default().lookup(" ".join(words[:size])) if len(words) > size else None
            if code is None:
                continue
            rest = " ".join(words[size:])
            key = org_key(_without_article(rest))
            rows = {*_rows(self._names.get(key)), *_rows(self._generic.get(key))}
            if len(rest) >= _MIN_COUNTRY_LED_ACRONYM:
                rows.update(_rows(self._acronyms.get(plain_quotes(rest))))
            local = [i for i in rows if self._cell(i, "country") == code]
            return self._record(local[0]) if len(local) == 1 else None
        return None

    def generic_country(self, text: str, countries: Collection[str]) -> str | None:
        """The country of a national body named generically ("Ministry of Health", "National Science Foundation") when
        exactly one of `countries` (those the document names) has a body so called. Which body it is stays open (a
        country's or one of its provinces'), so only its country is given; as everywhere, a university gives none."""
        key = org_key(_without_article(text))
        if len(key.split()) < _GENERIC_WORDS:
            return None
        rows = [
            i for i in _rows(self._generic.get(key))
            if self._cell(i, "scope") == "national" and "education" not in self._cell(i, "types").split(",")
        ]
        found = {self._cell(i, "country") for i in rows} & set(countries)
        return found.pop() if len(found) == 1 else None

    def find(self, text: str) -> Iterator[RegistryMatch]:
        """Distinctive names in `text` in capitals or capitalised words, the longest at each place, not
        overlapping. Case, quotes and the punctuation between words do not matter otherwise. Only a capitalised
        word that opens a name is followed, word by word, while the words so far open one."""
        plain = plain_quotes(text)
        reach = 0
        for first in _CAPITALISED.finditer(plain):
            if first.start() < reach or not first.group()[0].isupper():
                continue
            key, end, match = org_key(first.group()), first.end(), None
            while key in self._prefixes and (following := _NEXT_WORD.match(plain, end)):
                key, end = f"{key} {org_key(following.group(1))}".strip(), following.end()
                match = self._match(plain, key, first.start(), end) or match
            if match is not None:
                reach = match.end
                yield match

    def _match(self, text: str, key: str, start: int, end: int) -> RegistryMatch | None:
        index = self._names.get(key)
        span = text[start:end]
        if not isinstance(index, int) or "\n\n" in span or not _written_as_name(span):
            return None
        if any(mark not in self._punctuated.get(key, "") for mark in _PUNCTUATION.findall(span)):
            return None
        return RegistryMatch(start, end, self._record(index))

    def _record(self, index: int) -> KnownOrganisation:
        if index not in self._made:
            row = dict(zip(self._column, self._lines[index].split("\t")))
            generic = _names(row["generic"], row["name"])
            names = [*_names(row["distinctive"], row["name"]), *generic]
            types = row["types"].split(",")
            name = row["name"]
            if name in generic:  # "Ministry of Power (India)": named as sidegraph names national bodies
                country = CountryIndex.default()[row["country"]].name
                name = f"{name} ({country})"
                names += [f"{row['name']} of {country}", f"{country} {row['name']}"]
            self._made[index] = KnownOrganisation(
                id=self._ids[index],
                name=name,
                aliases=tuple(n for n in names if n != name),
                exact_aliases=tuple(_split(row["acronyms"])),
                kind=next((kind for kind in _KIND_ORDER if kind in types), "other"),
                parent=self._parent(row["parent"]),
                country=row["country"] if row["scope"] == "national" else None,
                international=row["scope"] == "international",
                located=row["country"],
            )
        return self._made[index]

    def _parent(self, parent: str) -> str | None:
        """The parent's entity id: the row of its ROR id's, found by bisection (the rows are sorted by it), else
        the gazetteer's id as written."""
        if not parent:
            return None
        index = bisect.bisect_left(self._lines, parent)
        found = index < len(self._lines) and self._lines[index].startswith(parent + "\t")
        return self._ids[index] if found else parent


class RegistryRuler:
    """A spaCy component, before the NER: the registry's distinctive names become ORG entities with the record's
    id (`ent_id_`), so the NER neither misses nor mis-cuts them ("University of South Florida Tampa Bay Water"
    is two bodies). A name replaces the shorter entities inside it (a country in "Kenya Medical Research
    Institute") and gives way to any entity it only overlaps. A name that opens a longer one ending in an
    institution's head word ("Makerere University Biomedical Research Centre") is left to the NER: that is a
    unit of it, with a name of its own. `heads`: the words that make a name an institution's."""

    def __init__(self, registry: Registry, heads: frozenset[str]) -> None:
        self.registry = registry
        self.heads = heads

    def __call__(self, doc: Doc) -> Doc:
        matches = self.registry.find(document_text(doc))
        spans = (
            (doc.char_span(m.start, m.end, label="ORG", span_id=m.organisation.id), m.organisation) for m in matches
        )
        found = [span for span, known in spans if span is not None and self._names(span, known)]
        self.set_annotations(doc, [span for span in found if not self._opens_longer_name(span)])
        return doc

    def _names(self, span: Span, known: KnownOrganisation) -> bool:
        """The display name, or an alias with an institution's word in it: an alias such as "Australian Capital
        Territory" (of its government) names a place too."""
        return org_key(span.text) == org_key(known.name) or any(token.lower_ in self.heads for token in span)

    def _opens_longer_name(self, span: Span) -> bool:
        following = span.doc[span.end : span.end + _MAX_UNIT_WORDS]
        words = itertools.takewhile(lambda t: t.is_alpha and (t.is_title or t.is_upper), following)
        return any(word.lower_ in self.heads for word in words)

    @staticmethod
    def set_annotations(doc: Doc, spans: list[Span]) -> None:
        if not spans:
            return
        entities = list(doc.ents)
        for span in spans:
            overlapping = [e for e in entities if e.start < span.end and e.end > span.start]
            if all(_may_replace(span, e) for e in overlapping):
                entities = [e for e in entities if e not in overlapping] + [span]
        doc.ents = sorted(entities, key=lambda e: e.start)


def _may_replace(name: Span, entity: Span) -> bool:
    """A registry name replaces an entity inside it, and a name shape of the rulers it opens (the pattern
    "University of" + capitalised words ran on into the next name); other entities stand."""
    inside = name.start <= entity.start and entity.end <= name.end and len(entity) < len(name)
    return inside or (entity.start == name.start and not entity.ent_id_)


def _index(index: dict[str, int | tuple[int, ...]], key: str, row: int) -> None:
    """One row number, or a tuple of them once a second row has the key."""
    found = index.get(key)
    if found is None:
        index[key] = row
    elif found != row and row not in _rows(found):
        index[key] = (*_rows(found), row)


def _rows(found: int | tuple[int, ...] | None) -> tuple[int, ...]:
    return () if found is None else (found,) if isinstance(found, int) else found


def _written_as_name(span: str) -> bool:
    """In capitals, or its long words capitalised ("University of California, Davis", not "the university of
    california")."""
    return span.isupper() or all(word[0].isupper() for word in _WORD.findall(span) if len(word) > 3)


def _names(cell: str, display: str) -> list[str]:
    return [display if name == DISPLAY_NAME else name for name in _split(cell)]


def _split(cell: str) -> list[str]:
    return [part for part in cell.split("|") if part]


def _without_article(name: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", name)
