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
class DocumentInfo:
    id: str
    source: str
    title: str
    pages: int


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
        return cls(
            document=DocumentInfo(**data["document"]),
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


_FIELD_NAMES = {record: tuple(f.name for f in fields(record)) for record in (Mention, DocumentInfo, Speaker, Entity, Relation, Extraction)}
