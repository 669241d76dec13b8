"""Country names as people write them, normalised to ISO 3166-1 alpha-3; regions and cities are not countries."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from pipeline.countries import CountryIndex, fold
from pipeline.organisations import org_key
from pipeline.resources import load_json, load_jsonl

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


@pytest.fixture(scope="module")
def index() -> CountryIndex:
    return CountryIndex.default()


@pytest.mark.parametrize(("name", "iso3"), [
    ("Lao PDR", "LAO"),
    ("Laos", "LAO"),
    ("Lao People's Democratic Republic", "LAO"),
    ("Lao People’s Democratic Republic", "LAO"),
    ("Viet Nam", "VNM"),
    ("Vietnam", "VNM"),
    ("Türkiye", "TUR"),
    ("Turkey", "TUR"),
    ("Côte d'Ivoire", "CIV"),
    ("Cote d'Ivoire", "CIV"),
    ("Republic of Korea", "KOR"),
    ("Democratic People's Republic of Korea", "PRK"),
    ("the UK", "GBR"),
    ("UK", "GBR"),
    ("United Kingdom", "GBR"),
    ("US", "USA"),
    ("USA", "USA"),
    ("Timor-Leste", "TLS"),
    ("Cabo Verde", "CPV"),
    ("Eswatini", "SWZ"),
    ("Czechia", "CZE"),
    ("Holy See", "VAT"),
    ("State of Palestine", "PSE"),
    ("China.", "CHN"),
    ("NZ", "NZL"),
    ("Aotearoa", "NZL"),
    ("Sao Tome", "STP"),
    ("The Gambia", "GMB"),
    ("DRC", "COD"),
    ("Republic of the Congo", "COG"),
    ("Ivory Coast", "CIV"),
    ("Swaziland", "SWZ"),
    ("Burma", "MMR"),
    ("St. Kitts", "KNA"),  # the short form speakers use, as "St. Lucia"
])
def test_lookup(index: CountryIndex, name: str, iso3: str) -> None:
    assert index.lookup(name) == iso3


@pytest.mark.parametrize(("name", "iso3"), [
    ("Government of Japan", "JPN"),
    ("Embassy of the Grand Duchy of Luxembourg in Vientiane", "LUX"),
    ("the Chinese Government", "CHN"),
    ("Viet Nam", "VNM"),
    ("Japanese ministry", "JPN"),
    ("the Embassy of France in Fiji", "FRA"),
    ("Deputy Minister of Social Development of South Africa", "ZAF"),
    ("Permanent Representative of India to the United Nations", "IND"),
    ("Special Envoy of Norway", "NOR"),
    ("High Commissioner of Rwanda to the UK", "RWA"),
    ("Australia High Commissioner to Tonga", "AUS"),  # the state named first is the one represented
    ("Minister of Justice for Ukraine", "UKR"),
    ("Vice-Minister of Energy of Lithuania", "LTU"),
    ("Former Barbados Prime Minister", "BRB"),
    ("Former Jamaican Prime Minister", "JAM"),
])
def test_represented(index: CountryIndex, name: str, iso3: str) -> None:
    assert index.represented(name) == iso3


@pytest.mark.parametrize("title", [
    "Resident Representative of UNDP in Ghana", "Special Envoy of the Secretary-General", "Head of Climate Finance",
    "Minister for Foreign Affairs", "Deputy Prime Minister",
    "The Examplian Ambassador to Timor-Leste", "Ambassador to Kenya",  # where an envoy is sent is not whom they represent
])
def test_a_title_without_a_state_represents_none(index: CountryIndex, title: str) -> None:
    assert index.represented(title) is None


@pytest.mark.parametrize(("name", "iso3"), [
    ("Ministry of Digital Affairs of the Republic of Poland", "POL"),
    ("Ministry of Water of the Kingdom of Tonga", "TON"),
    ("Ministry of Health of the United Republic of Tanzania", "TZA"),
    ("Federal Democratic Republic of Ethiopia", "ETH"),
    ("the Kingdom of Tonga", "TON"),
    ("Ministry of Foreign Affairs of the Democratic People’s Republic of Korea", "PRK"),  # not the Korea at its end
    ("Ministry of Foreign Affairs of the Republic of Korea", "KOR"),
    ("Government of the People‘s Republic of China", "CHN"),
    ("Ministry of Water, Irrigation and Energy of Ethiopia", "ETH"),
    ("Permanent Mission of the Kingdom of Tonga to the United Nations", "TON"),
    ("Republic of Korea’s Ministry of Environment", "KOR"),
])
def test_official_state_names(index: CountryIndex, name: str, iso3: str) -> None:
    assert index.represented(name) == iso3


@pytest.mark.parametrize("apostrophe", ["’", "‘", "ʼ", "′", "`", "'"])
def test_every_apostrophe_is_one(index: CountryIndex, apostrophe: str) -> None:
    assert index.lookup(f"Côte d{apostrophe}Ivoire") == "CIV"
    assert index.lookup(f"the Democratic People{apostrophe}s Republic of Korea") == "PRK"
    assert index.represented(f"Embassy of the Lao People{apostrophe}s Democratic Republic") == "LAO"


def test_represented_is_not_lookup(index: CountryIndex) -> None:
    """An embassy is not a country by name: only `represented` sees the state behind it."""
    assert index.lookup("Government of Japan") is None


@pytest.mark.parametrize("name", [
    "Africa", "Asia-Pacific", "the Pacific", "G77", "LDCs", "Vientiane", "Geneva", "ASEAN", "us", "",
    "Near East and North Africa", "Middle East", "Sahel", "Global South", "SIDS", "Latin America and the Caribbean",
])
def test_not_countries(index: CountryIndex, name: str) -> None:
    assert index.lookup(name) is None
    assert index.represented(name) is None


def test_code_like_aliases_are_case_sensitive(index: CountryIndex) -> None:
    """"US" is the United States, "us" is a pronoun."""
    assert (index.lookup("US"), index.lookup("us")) == ("USA", None)


def test_country_records(index: CountryIndex) -> None:
    assert index["LAO"].region == "Asia"
    assert index["VNM"].subregion == "South-eastern Asia"
    assert index["TUR"].name == "Türkiye"


def test_data_files_keep_their_rules(index: CountryIndex) -> None:
    """models/README.md: no region or group is a country alias; an organisation alias names one organisation and
    no country; parents exist."""
    table = load_json("countries.json")
    non_countries = {fold(n) for names in load_json("non_countries.json").values() for n in names}
    country_names = {fold(name) for name in index.written_names}
    assert not country_names & non_countries
    records = load_jsonl("organisations.jsonl")
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)) and ids == sorted(ids)
    assert all(r.get("parent") in (None, *ids) for r in records)
    owners: dict[str, str] = {}
    for record in records:
        for alias in {org_key(a) for a in (record["name"], *record.get("aliases", ()))}:
            assert owners.setdefault(alias, record["id"]) == record["id"], alias
            assert alias not in country_names and alias not in non_countries, alias


@pytest.mark.parametrize("apostrophe", ["’", "‘", "ʼ", "′", "`"])
def test_typeset_names_are_tagged(extractor, apostrophe: str) -> None:
    """The entity rulers match names as written, so every typeset form of an apostrophe is a pattern."""
    text = f"Côte d{apostrophe}Ivoire and the Democratic People{apostrophe}s Republic of Korea met in Paris."
    doc = extractor.nlp(text)
    found = {ent.ent_id_ for ent in doc.ents if ent.label_ == "GPE"}
    assert {"CIV", "PRK"} <= found and "KOR" not in found


@pytest.mark.parametrize(("text", "iso3"), [
    ("The Chinese Government funded the study.", "CHN"),
    ("The South African delegation spoke last.", "ZAF"),  # a demonym of two words
    ("A grant from the New Zealand Government helped.", "NZL"),
])
def test_the_state_named_by_its_adjective_is_tagged(extractor, text: str, iso3: str) -> None:
    doc = extractor.nlp(text)
    assert iso3 in {ent.ent_id_ for ent in doc.ents if ent.label_ == "GPE"}


def test_every_official_state_name_is_known(index: CountryIndex) -> None:
    """ISO 3166's official names ("United Republic of Tanzania", "the State of Eritrea") are aliases: a text that
    holds one resolves through `represented` whatever comes before it."""
    import pycountry

    missing = [c.official_name for c in pycountry.countries if hasattr(c, "official_name") and index.lookup(c.official_name) != c.alpha_3]
    assert missing == []


def test_a_surname_is_no_country(extractor) -> None:
    extraction = extractor.extract_text("The students will accompany Professor Elisabeth Holland to the meeting in Jordan.")
    assert {e.iso3 for e in extraction.entities if e.type == "country"} == {"JOR"}


def test_a_country_glued_to_a_bracket_is_found(extractor) -> None:
    """PDF text layers lose the space before a bracket: "Uzbekistan(NCSCGC)"."""
    extraction = extractor.extract_text("Mr. Farhod Omanov, National Cadastre Centre, Uzbekistan(NCC), presented.")
    assert "UZB" in {e.iso3 for e in extraction.entities if e.type == "country"}


def test_a_short_state_name_is_found_in_a_garbled_transcript(extractor) -> None:
    """Speech-to-text garbles the second half of "St. Kitts and Nevis"; the short form still names the state."""
    extraction = extractor.extract_text("The process is co-facilitated by Ireland and St. Kitts and Navies.")
    assert {e.iso3 for e in extraction.entities if e.type == "country"} == {"IRL", "KNA"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Le ministre a rencontré son homologue de l’Azerbaïdjan à Paris ; la France soutient l’Arménie et le Maroc.",
     {"AZE", "FRA", "ARM", "MAR"}),
    ("La coopération entre la Chine, l'Éthiopie et le Japon.", {"CHN", "ETH", "JPN"}),
    ("Participaron delegaciones de Brasil, México, Perú y Japón.", {"BRA", "MEX", "PER", "JPN"}),
    ("O prefeito visitou a França e o Senegal.", {"FRA", "SEN"}),
])
def test_countries_named_in_french_spanish_and_portuguese(extractor, text: str, expected: set[str]) -> None:
    assert {e.id.removeprefix("country:") for e in extractor.extract_text(text).entities if e.type == "country"} >= expected


def test_a_translation_that_is_a_name_or_a_word_is_no_country(extractor) -> None:
    """"Maurice" (Mauritius in French), "Granada" (Grenada in Spanish) and "Chili" (Chile in French) are left out."""
    text = "Maurice Lefort opened the session in Granada. Chili sauce was served."
    assert [e for e in extractor.extract_text(text).entities if e.type == "country"] == []


def test_the_translations_are_those_the_script_derives() -> None:
    """`models/countries.json` holds what `scripts/build_country_translations.py` makes of pycountry's catalogues."""
    spec = importlib.util.spec_from_file_location("build_country_translations", SCRIPTS / "build_country_translations.py")
    script = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(script)  # type: ignore[union-attr]
    table = load_json("countries.json")
    shipped = {iso3: entry.pop("translations") for iso3, entry in table.items() if "translations" in entry}
    assert script.translations(table, load_json("non_countries.json")) == shipped


@pytest.mark.parametrize(("text", "expected"), [
    ("Israeli partners from academia met the German team and Kenyan researchers.", {"ISR", "DEU", "KEN"}),
    ("Indian and Colombian scholars presented their work.", {"IND", "COL"}),
    # a state's adjective used as its language's name names no country
    ("The video has captions in Spanish, Portuguese and English.", set()),
    ("Students will learn Portuguese; a Spanish-speaking tutor helps.", set()),
])
def test_a_states_adjective_names_it_unless_it_names_a_language(extractor, text: str, expected: set[str]) -> None:
    assert {e.id.removeprefix("country:") for e in extractor.extract_text(text).entities if e.type == "country"} == expected
