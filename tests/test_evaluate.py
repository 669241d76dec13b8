"""Tests of the scorer: README matching rules, hand-counted metrics, and gold scored against itself."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from pipeline.evaluate import (
    METRICS,
    CorpusReport,
    Counts,
    DocumentScore,
    evaluate,
    field_outcome,
    format_table,
    micro_average,
    names_match,
    normalise,
    publisher,
    role_class,
    score_document,
    texts_match,
    title_match,
)

GOLD_DIR = Path("/work/shared/corpus/gold")
SSTC_GOLD = GOLD_DIR / "side-event-sstc.json"


# ------------------------------------------------------------------------------------------- matching rules
@pytest.mark.parametrize(("raw", "expected"), [
    ("The International Labour Organisation's", "international labor organization"),
    ("Valérie Schmitt", "valerie schmitt"),
    ("Ministry of Health, Labour and Welfare", "ministry of health labor and welfare"),
    ("China’s Ministry of Commerce", "china ministry of commerce"),
    ("  THE   World  Health Organization ", "world health organization"),
    ("Chargé d’affaires", "charge daffaires"),
    ("Other", "other"),  # only a leading *word* "the" goes
    (None, ""),
])
def test_normalise(raw: str | None, expected: str) -> None:
    assert normalise(raw) == expected


def test_spelling_variants_normalise_alike() -> None:
    assert normalise("International Labour Organisation") == normalise("International Labor Organization")


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("ILO", "I.L.O.", True),
    ("ITC-ILO", "ITCILO", True),
    ("Global Business Network for Social Protection Floor", "Global Business Network for Social Protection Floors",
     True),
    ("Ministry of Health", "Ministry of Labour", False),
    ("WHO", "ILO", False),
    ("", "", False),
])
def test_texts_match(a: str, b: str, expected: bool) -> None:
    assert texts_match(a, b) is expected


@pytest.mark.parametrize(("pred", "gold", "expected"), [
    ("Ms Adaeze Okafor", "Adaeze Okafor", True),
    ("Okafor", "Adaeze Okafor", True),  # subset sharing the last token
    ("Adaeze", "Adaeze Okafor", True),  # subset sharing the first token
    ("Adaeze Obi", "Adaeze Okafor", False),
    ("H.E. Mr Kenji Sato", "Kenji Sato", True),
    ("H.E Kenji Sato", "Kenji Sato", True),
    ("He Yafei", "Yafei He", False),  # "He" is a surname, not "H.E."; order matters for first/last token
    ("K. Y. Asante-Mensah", "K.Y. Asante-Mensah", True),
    ("Associate Professor Lee Min", "Lee Min", True),
    ("Mr", "Adaeze Okafor", False),
    ("Yafei", "Chen Yafei Ming", False),  # subset, but neither first nor last token shared
])
def test_names_match(pred: str, gold: str, expected: bool) -> None:
    assert names_match(pred, gold) is expected


def test_title_and_role_rules() -> None:
    assert title_match("Social Protection Specialist", "Senior Social Protection Specialist")
    assert title_match("Deputy Director for International Cooperation",
                       "Deputy Director for international co-operation")
    assert not title_match("Director", "Minister")
    assert not title_match(None, "Minister")
    assert [role_class(r) for r in ("Co-Chair", "moderator", "Facilitator", "panellist", "speaker", None)] == [
        "chair", "chair", "chair", "other", "other", None]


@pytest.mark.parametrize(("field", "right", "pred", "gold", "expected"), [
    ("country", True, None, None, Counts(tp=1)),  # null = null is an answer
    ("country", False, "FRA", None, Counts(fp=1)),
    ("country", False, None, "FRA", Counts(fn=1)),
    ("country", False, "DEU", "FRA", Counts(fp=1, fn=1)),
    ("organisation", True, "Acme", None, Counts()),  # gold names none: anything accepted, not judged
    ("title", False, None, None, Counts()),
    ("title", False, "Professor", None, Counts(fp=1)),
    ("role", False, None, "speaker", Counts(fn=1)),
])
def test_field_outcome(field: str, right: bool, pred: str | None, gold: str | None, expected: Counts) -> None:
    assert field_outcome(field, right, pred, gold) == expected


def test_counts_edge_cases() -> None:
    assert (Counts().precision, Counts().recall, Counts().f1) == (1.0, 1.0, 1.0)
    assert (Counts(fn=3).precision, Counts(fn=3).recall, Counts(fn=3).f1) == (0.0, 0.0, 0.0)
    assert (Counts(fp=2).precision, Counts(fp=2).recall) == (0.0, 0.0)
    only_optional = Counts(tp=2, tp_gold=0)  # every prediction matched an optional gold item; none required
    assert (only_optional.precision, only_optional.recall, only_optional.f1) == (1.0, 1.0, 1.0)
    total = Counts(3, 1, 1, tp_gold=2) + Counts(1, 0, 1)
    assert (total.tp, total.fp, total.fn, total.found) == (4, 1, 2, 3)
    assert total.recall == pytest.approx(0.6)


# ------------------------------------------------------------------------------------------- hand-counted toy
def _entity(eid: str, kind: str, name: str, aliases: Sequence[str] = (), iso3: str | None = None) -> dict[str, Any]:
    return {"id": eid, "type": kind, "name": name, "aliases": list(aliases), "iso3": iso3, "country": None,
            "mentions": []}


def _speaker(name: str, role: str | None, title: str | None, org: str | None, org_id: str | None,
             country: str | None) -> dict[str, Any]:
    return {"name": name, "honorific": None, "role": role, "title": title, "organisation": org,
            "organisation_id": org_id, "unit": None, "country": country, "quotes": [], "start": 0, "end": 0,
            "page": 1}


def _relation(source: str, target: str, kind: str) -> dict[str, Any]:
    return {"source": source, "target": target, "type": kind, "evidence": "", "start": 0, "end": 0, "page": 1,
            "confidence": 1.0}


TOY_GOLD: dict[str, Any] = {
    "document": "toy",
    "speakers": [
        {"name": "Adaeze Okafor", "honorific": "Ms", "role": "moderator", "title": "Director of Programmes",
         "organisation": ["United Nations Development Programme", "UNDP"], "country": None},
        {"name": "Kenji Sato", "honorific": "Mr", "role": "speaker", "title": "Deputy Minister",
         "organisation": ["Ministry of Foreign Affairs"], "country": "JPN"},
        {"name": "Maria Silva", "honorific": "Dr", "role": "panellist", "title": None, "organisation": [],
         "country": "BRA"},
        {"name": "John Doe", "honorific": None, "role": "speaker", "title": "Researcher", "organisation": ["Oxfam"],
         "country": None},
    ],
    "countries": ["JPN", "BRA", "KEN"],
    "optional_countries": ["FRA"],
    "organisations": [["United Nations Development Programme", "UNDP"], ["Ministry of Foreign Affairs"],
                      ["Oxfam", "Oxfam International"], ["International Labour Organization", "ILO"]],
    "optional_organisations": [["Bureau for Policy Support"]],
    "relations": [
        {"a": "JPN", "b": ["UNDP"], "type": "support", "evidence": ""},
        {"a": ["UNDP"], "b": "JPN", "type": "cooperation", "evidence": ""},  # same pair again, other type
        {"a": "BRA", "b": "JPN", "type": "exchange", "evidence": ""},
        {"a": ["ILO"], "b": ["Oxfam"], "type": "cooperation", "evidence": ""},
    ],
    "optional_relations": [{"a": "BRA", "b": ["UNDP"], "type": "cooperation"}],
}

TOY_PREDICTION: dict[str, Any] = {
    "document": {"id": "toy", "source": "toy.txt", "title": None, "pages": 1},
    "speakers": [
        _speaker("Ms Adaeze Okafor", "Moderator", "Director of Programmes, UNDP", None, "o1", None),
        _speaker("Sato", "panellist", "Ambassador", "Ministry of Foreign Affairs", None, "JPN"),
        _speaker("Maria Silva", "chair", "Professor", "Acme Corp", None, None),
        _speaker("Peter Pan", "speaker", None, None, None, None),
    ],
    "entities": [
        _entity("c1", "country", "Japan", iso3="JPN"),
        _entity("c2", "country", "Brazil", iso3="BRA"),
        _entity("c3", "country", "France", iso3="FRA"),  # optional: neutral
        _entity("c4", "country", "Germany", iso3="DEU"),  # spurious
        _entity("o1", "organisation", "UNDP", ["United Nations Development Programme"]),
        _entity("o2", "organisation", "United Nations Development Programme"),  # splits UNDP
        _entity("o3", "organisation", "Ministry of Foreign Affairs"),
        _entity("o4", "organisation", "Bureau for Policy Support"),  # optional: neutral
        _entity("o5", "organisation", "Acme Corp"),  # spurious
        _entity("o6", "organisation", "Oxfam International"),
        _entity("p1", "person", "Adaeze Okafor"),
    ],
    "relations": [
        _relation("c1", "o1", "support"),
        _relation("o1", "c1", "cooperation"),  # same unordered pair: one predicted pair
        _relation("c2", "o1", "cooperation"),  # optional gold pair: right, finds nothing
        _relation("c4", "c2", "cooperation"),  # wrong
        _relation("c1", "c2", "cooperation"),  # right pair, wrong type (gold: exchange)
        _relation("p1", "o1", "membership"),  # person end: ignored
        _relation("c1", "nowhere", "support"),  # unknown id: ignored
    ],
}


def test_toy_document_hand_counts() -> None:
    score = score_document(TOY_GOLD, TOY_PREDICTION)
    got = {name: (c.tp, c.fp, c.fn, c.found) for name, c in score.metrics.items()}
    assert got == {
        "speakers": (3, 1, 1, 3),  # Okafor, Sato, Silva matched; Peter Pan spurious; John Doe missed
        "attribution": (2, 2, 2, 2),  # Silva has the wrong (null) country
        "countries": (2, 1, 1, 2),  # JPN, BRA | DEU | KEN; FRA optional
        "organisations": (3, 1, 1, 3),  # UNDP (twice: one split), MoFA, Oxfam | Acme | ILO; Bureau optional
        "relations": (3, 1, 1, 2),  # JPN-UNDP, BRA-UNDP(opt), JPN-BRA | DEU-BRA || found JPN-UNDP, BRA-JPN
        "relations_typed": (3, 2, 2, 2),  # typed hits: JPN-UNDP x2, BRA-UNDP; misses: BRA-JPN exchange, ILO-Oxfam
        "speaker_organisation": (2, 0, 0, 2),  # Silva's gold has none: neutral
        "speaker_country": (2, 0, 1, 2),  # null = null counts for Okafor
        "speaker_title": (1, 2, 1, 1),  # Sato wrong (fp+fn), Silva's title where gold has none (fp)
        "speaker_role": (2, 1, 1, 2),  # panellist~speaker are both "other"; chair vs panellist wrong
    }
    assert score.split_organisations == 1
    assert score.split_names == ("United Nations Development Programme",)
    assert score.metrics["relations"].precision == pytest.approx(0.75)
    assert score.metrics["relations"].recall == pytest.approx(2 / 3)
    assert score.metrics["relations_typed"].recall == pytest.approx(0.5)
    assert score.errors["speakers"].missed == ("John Doe",)
    assert score.errors["speakers"].spurious == ("Peter Pan",)
    assert (score.errors["countries"].missed, score.errors["countries"].spurious) == (("KEN",), ("DEU",))
    assert score.errors["organisations"].missed == ("International Labour Organization",)
    assert score.errors["organisations"].spurious == ("Acme Corp",)
    assert score.errors["relations"].missed == ("ILO -- Oxfam",)
    assert score.errors["relations"].spurious == ("DEU -- BRA",)
    assert {(e.speaker, e.field) for e in score.field_errors} == {
        ("Kenji Sato", "title"), ("Maria Silva", "title"), ("Maria Silva", "role"), ("Maria Silva", "country")}
    json.dumps(score.to_dict())


def test_one_to_one_prefers_exact_names() -> None:
    gold = {"speakers": [{"name": "Adaeze Okafor", "organisation": [], "country": None}]}
    pred = {"speakers": [{"name": "Okafor"}, {"name": "Dr Adaeze Okafor"}], "entities": []}
    score = score_document(gold, pred)
    assert (score.metrics["speakers"].tp, score.metrics["speakers"].fp) == (1, 1)
    assert score.errors["speakers"].spurious == ("Okafor",)


def test_empty_document_scores_one() -> None:
    score = score_document({"document": "empty"}, {})
    assert all(c.f1 == 1.0 for c in score.metrics.values())


def test_micro_average_adds_counts() -> None:
    toy = score_document(TOY_GOLD, TOY_PREDICTION)
    total = micro_average([toy, toy])
    assert set(total) == set(METRICS)
    assert (total["relations"].tp, total["relations"].found, total["relations"].fn) == (6, 4, 2)
    assert total["speakers"].f1 == pytest.approx(toy.metrics["speakers"].f1)


# ------------------------------------------------------------------------------------------- real gold vs itself
def gold_to_prediction(gold: dict[str, Any]) -> dict[str, Any]:
    """Write the gold annotation in the Extractor output format, as a perfect extractor would."""
    entities: list[dict[str, Any]] = []
    countries: dict[str, str] = {}
    orgs: list[tuple[set[str], str]] = []

    def country_id(iso3: str) -> str:
        if iso3 not in countries:
            countries[iso3] = f"c{len(entities)}"
            entities.append(_entity(countries[iso3], "country", iso3, iso3=iso3))
        return countries[iso3]

    def org_id(aliases: Sequence[str]) -> str | None:
        keys = {normalise(a) for a in aliases}
        return next((eid for names, eid in orgs if keys & names), None)

    for iso3 in [*gold["countries"], *gold.get("optional_countries", [])]:
        country_id(iso3)
    for aliases in [*gold["organisations"], *gold.get("optional_organisations", [])]:
        orgs.append(({normalise(a) for a in aliases}, f"o{len(entities)}"))
        entities.append(_entity(orgs[-1][1], "organisation", aliases[0], aliases[1:]))

    def actor_id(actor: str | list[str]) -> str:
        found = country_id(actor) if isinstance(actor, str) else org_id(actor)
        assert found, f"gold relation actor {actor} is not a gold organisation"
        return found

    speakers = [_speaker(" ".join(filter(None, [s["honorific"], s["name"]])), s["role"], s["title"],
                         (s["organisation"] or [None])[0], org_id(s["organisation"]), s["country"])
                for s in gold["speakers"]]
    relations = [_relation(actor_id(r["a"]), actor_id(r["b"]), r["type"])
                 for r in [*gold["relations"], *gold.get("optional_relations", [])]]
    return {"document": {"id": gold["document"], "source": "", "title": None, "pages": 1},
            "speakers": speakers, "entities": entities, "relations": relations}


def test_look_alike_names_are_two_organisations_not_a_split() -> None:
    gold = {**TOY_GOLD, "organisations": [["Pacific Islands International Mediation Centre"],
                                          ["Pacific Islands International Arbitration Centre"]]}
    predicted = {**TOY_PREDICTION, "entities": [_entity("o1", "organisation", "Pacific Islands International Mediation Centre"),
                                                _entity("o2", "organisation", "Pacific Islands International Arbitration Centre")]}
    score = score_document(gold, predicted)
    assert (score.metrics["organisations"].tp, score.split_organisations) == (2, 0)


def test_a_sub_unit_of_a_found_organisation_is_not_a_split() -> None:
    gold = {**TOY_GOLD, "organisations": [["Lake Convention", "LC", "Science Panel of the Lake Convention", "LCSP"]]}
    parent = _entity("o1", "organisation", "Lake Convention", ["LC"])
    panel = {**_entity("o2", "organisation", "Science Panel of the Lake Convention", ["LCSP"]), "parent": "o1"}
    copy = _entity("o3", "organisation", "LC")
    assert score_document(gold, {**TOY_PREDICTION, "entities": [parent, panel]}).split_organisations == 0
    assert score_document(gold, {**TOY_PREDICTION, "entities": [parent, panel, copy]}).split_organisations == 1
    assert score_document(gold, {**TOY_PREDICTION, "entities": [panel]}).metrics["organisations"].tp == 1


@pytest.mark.skipif(not SSTC_GOLD.is_file(), reason="shared corpus not available")
def test_seed_gold_scored_against_itself_is_perfect() -> None:
    gold = json.loads(SSTC_GOLD.read_text(encoding="utf-8"))
    score = score_document(gold, gold_to_prediction(gold))
    assert {name: c.f1 for name, c in score.metrics.items()} == {name: 1.0 for name in METRICS}
    assert score.metrics["relations"].found == 13  # 14 relations, LUX-ILO stated twice
    assert score.metrics["relations_typed"].found == 14
    assert score.metrics["speakers"].tp == 7
    assert score.split_organisations == 0
    assert all(not e.missed and not e.spurious for e in score.errors.values())


@pytest.mark.skipif(not GOLD_DIR.is_dir(), reason="shared corpus not available")
@pytest.mark.parametrize("path", sorted(GOLD_DIR.glob("*.json")), ids=lambda p: p.stem)
def test_every_gold_scored_against_itself_is_perfect(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    score = score_document(gold, gold_to_prediction(gold))
    assert {name: c.f1 for name, c in score.metrics.items()} == {name: 1.0 for name in METRICS}


# ------------------------------------------------------------------------------------------- evaluate()
def test_evaluate_skips_missing_documents(tmp_path: Path) -> None:
    gold_dir, docs_dir = tmp_path / "gold", tmp_path / "docs"
    gold_dir.mkdir()
    docs_dir.mkdir()
    (gold_dir / "toy.json").write_text(json.dumps(TOY_GOLD), encoding="utf-8")
    (gold_dir / "absent.json").write_text(json.dumps({"document": "absent"}), encoding="utf-8")
    (docs_dir / "toy.md").write_text("text", encoding="utf-8")
    calls: list[list[Path]] = []

    def extract_all(paths: Sequence[Path]) -> list[dict[str, Any]]:
        calls.append(list(paths))
        return [TOY_PREDICTION for _ in paths]

    report = evaluate(gold_dir, docs_dir, extract_all)
    assert calls == [[docs_dir / "toy.md"]]
    assert [d.document for d in report.documents] == ["toy"]
    assert len(report.notes) == 1 and report.notes[0].startswith("absent:")
    assert report.micro["organisations"] == Counts(3, 1, 1)

    table = format_table(report)
    assert "MICRO" in table and "toy" in table and "note: absent:" in table
    assert "0.75 0.75 0.75" in table  # organisations P/R/F1 of the toy row
    data = json.loads(json.dumps(report.to_dict()))
    assert data["micro"]["relations"]["precision"] == 0.75
    assert data["publishers"]["toy"]["organisations"] == data["micro"]["organisations"]
    assert data["split_organisations"] == 1
    assert data["documents"][0]["errors"]["countries"] == {"missed": ["KEN"], "spurious": ["DEU"]}

    with pytest.raises(ValueError):
        evaluate(gold_dir, docs_dir, lambda paths: [])


def test_publisher_groups_add_their_documents_only() -> None:
    def scored(name: str, speakers: Counts) -> DocumentScore:
        return DocumentScore(name, {**{metric: Counts() for metric in METRICS}, "speakers": speakers}, 0, {})

    one, two, other = scored("enb_a", Counts(1, 0, 1)), scored("enb_b", Counts(2, 1, 0)), scored("seed", Counts(0, 3, 3))
    report = CorpusReport((one, two, other))
    assert publisher("enb_a") == "enb" and publisher("seed") == "seed"
    assert report.publishers["enb"]["speakers"] == Counts(3, 1, 1)
    assert report.publishers["seed"]["speakers"] == Counts(0, 3, 3)
    assert "enb (2)" in format_table(report)


def test_format_table_of_empty_report() -> None:
    assert "MICRO" in format_table(CorpusReport(()))
