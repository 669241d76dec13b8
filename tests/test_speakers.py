"""Speaker attribution on the seed report and the sample PDF, and as a plain spaCy component."""

from __future__ import annotations

import pytest
import spacy

import pipeline  # noqa: F401  (registers the "speaker_attribution" factory)
from pipeline import DEFAULT_MODEL, Extraction, Speaker

# name -> (honorific, role, organisation, organisation_id, country)
SEED_SPEAKERS = {
    "Valérie Schmitt": ("Ms", "chair", "ILO", "org:ilo", None),
    "Nuno Cunha Meira Simo": ("Mr", "speaker", "ILO", "org:ilo", None),
    "Liu Yuton": ("Mr", "speaker", "MOHRSS", "org:mohrss", "CHN"),
    "Sho Sudo": ("Mr", "presenter", "Ministry of Health, Labour and Welfare",
                 "org:ministry-of-health-labour-and-welfare", "JPN"),
    "Claude Jentgen": ("Mr", "speaker", "Embassy of the Grand Duchy of Luxembourg in Vientiane",
                       "org:embassy-of-the-grand-duchy-of-luxembourg-in-vientiane", "LUX"),
    "Anita Amorim": ("Ms", "speaker", "ILO", "org:ilo", None),
    "Mei Wei": ("Ms", "presenter", "Geely Holding Group", "org:geely-holding-group", None),
}


def by_name(extraction: Extraction) -> dict[str, Speaker]:
    return {speaker.name: speaker for speaker in extraction.speakers}


def test_seed_speakers_in_order(seed_extraction: Extraction) -> None:
    assert [s.name for s in seed_extraction.speakers] == list(SEED_SPEAKERS)


@pytest.mark.parametrize("name", SEED_SPEAKERS)
def test_seed_speaker_fields(seed_extraction: Extraction, name: str) -> None:
    speaker = by_name(seed_extraction)[name]
    found = (speaker.honorific, speaker.role, speaker.organisation, speaker.organisation_id, speaker.country)
    assert found == SEED_SPEAKERS[name]


def test_seed_speaker_titles_and_units(seed_extraction: Extraction) -> None:
    speakers = by_name(seed_extraction)
    assert speakers["Liu Yuton"].title == "Director for Technical Cooperation, International Cooperation Department"
    assert speakers["Sho Sudo"].unit == "International Affairs Division"
    assert speakers["Claude Jentgen"].title == "Chargé d’affaires"
    assert speakers["Mei Wei"].title == "First Vice-President"


def test_seed_speaker_offsets_point_at_the_name(seed_extraction: Extraction) -> None:
    raw = open(seed_extraction.document.source, encoding="utf-8").read()
    for speaker in seed_extraction.speakers:
        assert raw[speaker.start : speaker.end] == speaker.name
        assert speaker.page == 1


def test_quotes_attached_to_their_speaker(seed_extraction: Extraction) -> None:
    speakers = by_name(seed_extraction)
    assert any("We want to be involved with the ILO" in q for q in speakers["Liu Yuton"].quotes)
    assert len(speakers["Sho Sudo"].quotes) == 2  # "Quote 1:" and "Quote 2:"
    assert speakers["Mei Wei"].quotes[0].startswith("The absence of social protection")
    assert not any("We want to be involved" in q for q in speakers["Nuno Cunha Meira Simo"].quotes)


def test_quote_prefix_not_in_quote(seed_extraction: Extraction) -> None:
    assert not any(q.startswith("Quote") for s in seed_extraction.speakers for q in s.quotes)


# ------------------------------------------------------------------------------------------ sample PDF
SAMPLE_SPEAKERS = {
    "Adaeze Okafor": ("Ms", "chair", "Ministry of Labour and Employment", "NGA", 1),
    "Tomás Herrera": ("Mr", "presenter", "Inter-American Development Bank", None, 1),
    "Mei-Ling Tan": ("Dr", "speaker", "World Health Organization", None, 1),
    "Kwame Mensah": ("Mr", "presenter", "Ministry of Finance", "GHA", 1),
    "Ingrid Solberg": ("Ms", "speaker", "Permanent Mission of Norway to the United Nations Office at Geneva", "NOR", 2),
}


def test_sample_pdf_speakers_in_order(sample_extraction: Extraction) -> None:
    assert [s.name for s in sample_extraction.speakers] == list(SAMPLE_SPEAKERS)


@pytest.mark.parametrize("name", SAMPLE_SPEAKERS)
def test_sample_pdf_speaker_fields(sample_extraction: Extraction, name: str) -> None:
    speaker = by_name(sample_extraction)[name]
    found = (speaker.honorific, speaker.role, speaker.organisation, speaker.country, speaker.page)
    assert found == SAMPLE_SPEAKERS[name]


def test_sample_pdf_parenthesised_organisation_resolved(sample_extraction: Extraction) -> None:
    """"Dr Mei-Ling Tan (World Health Organization) said": the organisation in brackets is hers."""
    assert by_name(sample_extraction)["Mei-Ling Tan"].organisation_id == "org:who"


def test_sample_pdf_quotes(sample_extraction: Extraction) -> None:
    quotes = {s.name: s.quotes for s in sample_extraction.speakers}
    assert quotes["Mei-Ling Tan"] == ("Nobody should have to choose between medicine and food for their children.",)
    assert quotes["Ingrid Solberg"] == (
        "Social protection is not a cost to be cut in hard times; it is what keeps hard times from becoming crises.",
    )
    assert quotes["Tomás Herrera"] == quotes["Kwame Mensah"] == ()


# ------------------------------------------------------------------------------------- spaCy component
def test_component_in_a_plain_spacy_pipeline() -> None:
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("speaker_attribution")
    doc = nlp("Ms Adaeze Okafor, Director of the Social Security Division, Ministry of Labour and Employment, "
              "Nigeria, chaired the session. She thanked the participants.")
    assert [match.name.text for match in doc._.speakers] == ["Adaeze Okafor"]
    assert doc._.speakers[0].role == "chair"
