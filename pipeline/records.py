"""The typed records that flow out of the extractor.

Every stage after tagging produces these small frozen dataclasses; `Extraction.to_dict()`
is the JSON contract of `sidegraph extract` (documented in `schema/extraction.schema.json`),
so field names here are public and stable.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Literal

EntityType = Literal["person", "organisation", "country"]


@dataclass(frozen=True, slots=True)
class Mention:
    """Where an entity is named: offsets are in the source text, so evidence can be found again."""

    text: str
    start: int
    end: int
    page: int


@dataclass(frozen=True, slots=True)
class Place:
    """Where the event was held, as far as the text says: either part may be unknown."""

    city: str | None
    country: str | None


@dataclass(frozen=True, slots=True)
class Organiser:
    """An organisation (or country) the text says organised or hosted the event: the graph's `organised_by` edge."""

    id: str
    evidence: str
    start: int
    end: int
    page: int


DateSource = Literal["text", "front_matter", "pdf_metadata"]


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    id: str
    source: str
    title: str
    pages: int
    date: str | None = None
    """When the event took place, ISO 8601: a day ("2008-06-25") or an interval of days ("2008-06-25/2008-06-27")."""
    date_source: DateSource | None = None
    """"text" when the text states it; else the file's own publication date, flagged as such."""
    place: Place | None = None
    series: str | None = None
    """The conference or process the event belongs to ("COP 23", "HLPF 2022")."""
    organisers: tuple[Organiser, ...] = ()

    @property
    def days(self) -> tuple[str, str] | None:
        """First and last day of the event (the same day twice for a one-day event)."""
        if self.date is None:
            return None
        start, _, end = self.date.partition("/")
        return start, end or start


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    honorific: str | None
    role: str
    title: str | None
    organisation: str | None
    organisation_id: str | None
    unit: str | None
    country: str | None
    quotes: tuple[str, ...]
    start: int
    end: int
    page: int


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    type: EntityType
    name: str
    aliases: tuple[str, ...] = ()
    iso3: str | None = None
    country: str | None = None
    mentions: tuple[Mention, ...] = ()
    parent: str | None = None
    """Id of the organisation a sub-unit is part of (written only when there is one)."""


@dataclass(frozen=True, slots=True)
class Relation:
    source: str
    target: str
    type: str
    evidence: str
    start: int
    end: int
    page: int
    confidence: float


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the extractor found in one document."""

    document: DocumentInfo
    speakers: tuple[Speaker, ...] = ()
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = _as_json(self)
        for entity in data["entities"]:
            if entity["type"] != "country":
                del entity["iso3"]
            if entity["parent"] is None:
                del entity["parent"]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        """Rebuild an extraction from saved JSON, so graphs can be re-exported without NLP."""
        document = data["document"]
        return cls(
            document=DocumentInfo(  # written before event metadata existed, a document has only the first four fields
                **{
                    **document,
                    "place": Place(**document["place"]) if document.get("place") else None,
                    "organisers": tuple(Organiser(**o) for o in document.get("organisers", ())),
                }
            ),
            speakers=tuple(
                Speaker(**{**s, "quotes": tuple(s["quotes"])}) for s in data["speakers"]
            ),
            entities=tuple(
                Entity(
                    **{
                        **e,
                        "aliases": tuple(e["aliases"]),
                        "mentions": tuple(Mention(**m) for m in e["mentions"]),
                    }
                )
                for e in data["entities"]
            ),
            relations=tuple(Relation(**r) for r in data["relations"]),
        )

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)


def _as_json(value: Any) -> Any:
    """Records as dicts, tuples as lists (JSON has no tuples, and lists survive a `json` round-trip
    unchanged). Not `dataclasses.asdict`: its deep copies cost more than the rest of writing a file."""
    if isinstance(value, tuple):
        return [_as_json(item) for item in value]
    names = _FIELD_NAMES.get(type(value))
    return value if names is None else {name: _as_json(getattr(value, name)) for name in names}


_FIELD_NAMES = {record: tuple(f.name for f in fields(record)) for record in (Mention, Place, Organiser, DocumentInfo, Speaker, Entity, Relation, Extraction)}
