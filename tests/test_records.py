"""The JSON contract of an extraction: exact keys, lossless round trip, and the published schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import REPO

from pipeline import Extraction, read_extraction, write_extraction

SCHEMA = REPO / "schema" / "extraction.schema.json"

DOCUMENT_KEYS = {"id", "source", "title", "pages", "date", "date_source", "place", "series", "organisers"}
SPEAKER_KEYS = {"name", "honorific", "role", "title", "organisation", "organisation_id", "unit", "country", "quotes",
                "start", "end", "page"}
ENTITY_KEYS = {"id", "type", "name", "aliases", "country", "mentions"}
MENTION_KEYS = {"text", "start", "end", "page"}
RELATION_KEYS = {"source", "target", "type", "evidence", "start", "end", "page", "confidence"}


@pytest.fixture(scope="module", params=["seed", "sample"])
def extraction(request: pytest.FixtureRequest) -> Extraction:
    return request.getfixturevalue(f"{request.param}_extraction")


def test_round_trip(extraction: Extraction) -> None:
    data = extraction.to_dict()
    assert Extraction.from_dict(data) == extraction
    assert Extraction.from_dict(json.loads(json.dumps(data))) == extraction


def test_round_trip_through_a_file(extraction: Extraction, tmp_path: Path) -> None:
    path = tmp_path / "extraction.json"
    write_extraction(extraction, path)
    assert read_extraction(path) == extraction
    assert path.read_text(encoding="utf-8").endswith("}\n")


def test_keys_match_the_contract(extraction: Extraction) -> None:
    data = extraction.to_dict()
    assert set(data) == {"document", "speakers", "entities", "relations"}
    assert set(data["document"]) == DOCUMENT_KEYS
    assert data["speakers"] and all(set(s) == SPEAKER_KEYS for s in data["speakers"])
    assert data["relations"] and all(set(r) == RELATION_KEYS for r in data["relations"])
    for entity in data["entities"]:
        expected = ENTITY_KEYS | {"iso3"} if entity["type"] == "country" else ENTITY_KEYS
        optional = {"parent"} if entity["type"] == "organisation" else set()
        assert expected <= set(entity) <= expected | optional, entity["id"]
        assert all(set(m) == MENTION_KEYS for m in entity["mentions"])
    assert {e["type"] for e in data["entities"]} == {"person", "organisation", "country"}


def test_json_has_lists_not_tuples(seed_extraction: Extraction) -> None:
    data = seed_extraction.to_dict()
    liu = next(s for s in data["speakers"] if s["name"] == "Liu Yuton")
    assert isinstance(liu["quotes"], list)
    ilo = next(e for e in data["entities"] if e["id"] == "org:ilo")
    assert isinstance(ilo["aliases"], list) and isinstance(ilo["mentions"], list)
    china = next(e for e in data["entities"] if e["id"] == "country:CHN")
    assert china["iso3"] == "CHN"


def test_mentions_point_at_their_text(seed_extraction: Extraction) -> None:
    raw = Path(seed_extraction.document.source).read_text(encoding="utf-8")
    mentions = [m for e in seed_extraction.entities for m in e.mentions]
    assert len(mentions) > 30
    for mention in mentions:
        assert " ".join(raw[mention.start : mention.end].split()) == " ".join(mention.text.split())


def test_validates_against_the_schema(extraction: Extraction) -> None:
    if not SCHEMA.is_file():
        pytest.skip(f"{SCHEMA.relative_to(REPO)} not written yet")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema).check_schema(schema)
    jsonschema.validate(extraction.to_dict(), schema)
