"""Typed relations from cooperation statements, with their evidence, on the seed and the sample PDF."""

from __future__ import annotations

import pytest

from pipeline import Extraction


def typed(extraction: Extraction) -> set[tuple[str, str, str]]:
    return {(r.source, r.type, r.target) for r in extraction.relations}


@pytest.mark.parametrize("relation", [
    ("country:CHN", "support", "country:LAO"),
    ("country:CHN", "support", "country:KHM"),
    ("country:LAO", "exchange", "country:THA"),
    ("country:BRA", "cooperation", "org:cplp"),
    ("org:geely-holding-group", "membership", "org:global-business-network-for-social-protection-floors"),
    ("org:global-business-network-for-social-protection-floors", "support", "org:ilo"),
])
def test_seed_relations(seed_extraction: Extraction, relation: tuple[str, str, str]) -> None:
    assert relation in typed(seed_extraction)


def test_seed_joint_implementation(seed_extraction: Extraction) -> None:
    assert {r.type for r in seed_extraction.relations if {r.source, r.target} == {"org:ilo", "org:who"}} \
        == {"joint_implementation"}


def test_sample_exchange_between_countries(sample_extraction: Extraction) -> None:
    (relation,) = [r for r in sample_extraction.relations if r.type == "exchange"]
    assert (relation.source, relation.target, relation.page) == ("country:GHA", "country:KEN", 1)
    assert "the exchanges between Ghana and Kenya" in relation.evidence


def test_sample_support_of_a_government(sample_extraction: Extraction) -> None:
    assert ("country:NOR", "support", "country:TUR") in typed(sample_extraction)


def test_sample_joint_implementation(sample_extraction: Extraction) -> None:
    pairs = {(r.type, frozenset((r.source, r.target))) for r in sample_extraction.relations}
    assert ("joint_implementation", frozenset({"org:ilo", "org:unicef"})) in pairs


def test_sample_no_truncated_organisation(sample_extraction: Extraction) -> None:
    assert not [e.id for e in sample_extraction.entities if e.name.endswith(" of")]


def test_evidence_located_in_the_source(seed_extraction: Extraction) -> None:
    raw = open(seed_extraction.document.source, encoding="utf-8").read()
    for relation in seed_extraction.relations:
        assert " ".join(raw[relation.start : relation.end].split()) == " ".join(relation.evidence.split())
        assert 0.0 < relation.confidence <= 1.0
