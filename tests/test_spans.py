"""The per-document look-ups in `spans.py` answer as spaCy's own attributes and scans do."""

from __future__ import annotations

from conftest import SEED

from pipeline import Extractor
from pipeline.spans import doc_entities, document_text, token_positions


def test_entity_lookups_match_spacy(extractor: Extractor) -> None:
    doc = extractor.nlp(SEED.read_text(encoding="utf-8"))
    entities = doc_entities(doc)
    assert entities.spans == doc.ents and len(entities.spans) > 10
    for start in range(0, len(doc), 7):
        span = doc[start : start + 12]
        assert entities.within(span) == span.ents
        assert entities.starting_at(start) == next((e for e in doc.ents if e.start == start), None)
    assert doc_entities(doc) is entities  # built once per Doc


def test_token_positions_match_a_scan(extractor: Extractor) -> None:
    doc = extractor.nlp("Ms Ana Ruiz said “we agree” and AND While the “NGO” and, whereas…")
    assert token_positions(doc, ("and", "while")) == [t.i for t in doc if t.lower_ in ("and", "while")]
    assert token_positions(doc, ("”", '"'), attr="ORTH") == [t.i for t in doc if t.text in ("”", '"')]
    assert token_positions(doc, ("absent",)) == []
    assert document_text(doc) == doc.text
