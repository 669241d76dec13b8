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

import itertools
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from .countries import CountryIndex, plain_quotes
from .organisations import KnownOrganisation, org_key
from .resources import data_root
from .spans import document_text

_KIND_ORDER = ("government", "education", "healthcare", "company", "nonprofit", "facility", "funder", "archive", "other")
"""ROR lists several types; the first of these names the organisation's kind (a research council is both a
funder and a government body: "government")."""
_WORD = re.compile(r"[\w'’‘ʼ′`]+|&")
_MAX_NAME_WORDS = 16
_MIN_ACRONYM = 4
"""Shorter acronyms name too many things besides institutions ("ICT", "CCS", "EIT" are terms too)."""
_MAX_UNIT_WORDS = 5
"""How far after a registry name a unit's head word may come ("X University School of Public Health")."""


@dataclass(frozen=True, slots=True)
class RegistryMatch:
    """A registry name found in a text (character offsets) and the organisation it names."""

    start: int
    end: int
    organisation: KnownOrganisation


class Registry:
    """Look-ups by name and acronym; `find` for the names in a text. Built once per process (`default`); a
    record becomes a `KnownOrganisation` only when a look-up reaches it."""

    def __init__(self, rows: list[list[str]], columns: list[str]) -> None:
        self._rows = rows
        self._column = {name: i for i, name in enumerate(columns)}
        self._made: dict[int, KnownOrganisation] = {}
        self._by_id: dict[str, int] = {}
        self._by_ror: dict[str, int] = {}
        self._distinctive: dict[str, list[int]] = {}
        self._generic: dict[str, list[int]] = {}
        self._acronyms: dict[str, list[int]] = {}
        self._written: dict[str, set[str]] = {}
        """Key -> the distinctive names as written (quotes made plain, no leading "The"), to match in a text."""
        self._lengths: dict[str, int] = {}
        """First word of a distinctive name (lower case) -> the most words (`_WORD`) a name starting with it has."""
        column = self._column
        for index, row in enumerate(rows):
            self._by_id[row[column["id"]]] = index
            self._by_ror[row[column["ror_id"]]] = index
            for name in _split(row[column["distinctive"]]):
                key = org_key(name)
                self._distinctive.setdefault(key, []).append(index)
                written = plain_quotes(_without_article(name))
                self._written.setdefault(key, set()).add(written)
                words = _WORD.findall(written)
                if len(words) <= _MAX_NAME_WORDS:
                    first = words[0].lower()
                    self._lengths[first] = max(self._lengths.get(first, 0), len(words))
            for name in _split(row[column["generic"]]):
                self._generic.setdefault(org_key(name), []).append(index)
            for acronym in _split(row[column["acronyms"]]):
                self._acronyms.setdefault(acronym, []).append(index)

    @classmethod
    @cache
    def default(cls) -> Registry:
        rows: list[list[str]] = []
        columns: list[str] = []
        for path in sorted(p for p in data_root().iterdir() if re.fullmatch(r"registry-\d+\.tsv", p.name)):
            header, *lines = path.read_text(encoding="utf-8").splitlines()
            columns = header.split("\t")
            rows += [line.split("\t") for line in lines if line]
        return cls(rows, columns)

    def __len__(self) -> int:
        return len(self._rows)

    def get(self, org_id: str) -> KnownOrganisation | None:
        index = self._by_id.get(org_id)
        return None if index is None else self._record(index)

    def lookup(self, text: str, *, countries: Collection[str] = ()) -> KnownOrganisation | None:
        """The organisation a name or acronym stands for, when the registry is sure: a distinctive name that one
        record carries; else a distinctive name or an acronym of `_MIN_ACRONYM` letters or more of which exactly
        one bearer is from one of `countries` (those the document names). A generic name alone never is."""
        key = org_key(text)
        distinctive = self._distinctive.get(key, [])
        if len(distinctive) == 1:
            return self._record(distinctive[0])
        acronym = plain_quotes(text.strip())
        candidates = distinctive or (self._acronyms.get(acronym, []) if len(acronym) >= _MIN_ACRONYM else [])
        country = self._column["country"]
        local = [index for index in candidates if self._rows[index][country] in countries]
        return self._record(local[0]) if len(local) == 1 else None

    def find(self, text: str) -> Iterator[RegistryMatch]:
        """Distinctive names in `text` as written (or in capitals), longest first at each place, not overlapping.
        Quotes, accents and the punctuation between words do not matter."""
        words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        i = 0
        while i < len(words):
            start = words[i][0]
            longest = self._lengths.get(text[start : words[i][1]].lower(), 0) if text[start].isupper() else 0
            sizes = range(min(longest, len(words) - i), 1, -1)
            match = next((m for size in sizes if (m := self._match(text, start, words[i + size - 1][1]))), None)
            if match is None:
                i += 1
                continue
            yield match
            while i < len(words) and words[i][0] < match.end:
                i += 1

    def _match(self, text: str, start: int, end: int) -> RegistryMatch | None:
        span = text[start:end]
        if "\n\n" in span:
            return None
        written = plain_quotes(" ".join(span.split()))
        key = org_key(written)
        names = self._written.get(key)
        if names is None or not (written in names or written.isupper() and written in {n.upper() for n in names}):
            return None
        indexes = self._distinctive[key]
        return RegistryMatch(start, end, self._record(indexes[0])) if len(indexes) == 1 else None

    def _record(self, index: int) -> KnownOrganisation:
        if index not in self._made:
            row = dict(zip(self._column, self._rows[index]))
            names = [*_split(row["distinctive"]), *_split(row["generic"])]
            types = row["types"].split(",")
            parent = self._by_ror.get(row["parent"])
            name = row["name"]
            if name in _split(row["generic"]):  # "Ministry of Power (India)": named as sidegraph names national bodies
                country = CountryIndex.default()[row["country"]].name
                name = f"{name} ({country})"
                names += [f"{row['name']} of {country}", f"{country} {row['name']}"]
            self._made[index] = KnownOrganisation(
                id=row["id"],
                name=name,
                aliases=tuple(n for n in names if n != name),
                exact_aliases=tuple(_split(row["acronyms"])),
                kind=next((kind for kind in _KIND_ORDER if kind in types), "other"),
                parent=None if parent is None else self._rows[parent][self._column["id"]],
                country=row["country"] if row["scope"] == "national" else None,
                international=row["scope"] == "international",
                located=row["country"],
            )
        return self._made[index]


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


def _split(cell: str) -> list[str]:
    return [part for part in cell.split("|") if part]


def _without_article(name: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", name)
