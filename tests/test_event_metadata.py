"""Event metadata: the event's date, place, series and organisers, read from the shapes reports share.

The shapes are tested on invented reports; `test_dates_of_the_shared_corpus` holds the dates
read by a person from every document of ../shared/corpus/docs (with or without gold), and
checks that every document whose text states its event's date gets it, and none a wrong one.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLE_PDF

from pipeline import DocumentInfo, Extraction, Extractor, Place, write_extraction
from pipeline.cli import main
from pipeline.event_metadata import EventMetadata, read_event
from pipeline.ingest import document_from_text, load_document


def event(text: str, **options: str) -> EventMetadata:
    return read_event(document_from_text(text, **options))


def date_of(text: str) -> str | None:
    found = event(text)
    return found.date.iso if found.date and found.date_source == "text" else None


# ---------------------------------------------------------------------------------------------- dates
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Examplia Water Dialogue\n\nDate: 4 June 2024\nVenue: Ocean Hall\n\nThe dialogue brought partners together.", "2024-06-04"),
        ("SUMMARY OF THE EXAMPLIA WORKSHOP ON RIVER BASINS: 23-25 APRIL 2002\n\nParticipants met in plenary.", "2002-04-23/2002-04-25"),
        ("Data as a common good\n\nFriday, 1 October 2021, 10:00 – 11:00 CEST\n\nA session at the Examplia Forum.", "2021-10-01"),
        ("Examplia conference\nNew Town | September 20-21, 2017\n\nThe second conference took place at the campus.", "2017-09-20/2017-09-21"),
        ("Seminar on coasts\n16th to 20th November 2020\n\nWorkshop aim", "2020-11-16/2020-11-20"),
        ("Roundtable on soils\n\nExamplia Summit 2026 — Day 3 (2026-02-18)\n\nSpeakers", "2026-02-18"),
        ("Panel briefing (Oct 13, 2025)\n\nGood morning, everybody.", "2025-10-13"),
        ("Notes\n\nThe Examplia Forum on Fisheries was held during 28-29 April, 2015, in Port Ana, Examplia. It met again later.", "2015-04-28/2015-04-29"),
        ("Notes\n\nThe ocean conference was held in Lisbon from 27 June to 1 July 2022, with many partners.", "2022-06-27/2022-07-01"),
        ("Notes\n\nThe delegation traveled to Papua New Guinea, July 14-16, 2024, for meetings with officials.", "2024-07-14/2024-07-16"),
        ("Notes\n\nOn November 11, 2022, the institute organized a side event on climate extremes.", "2022-11-11"),
        ("Notes\n\nThe week came to a conclusion after a successful run from 28 August to 1 September 2023.", "2023-08-28/2023-09-01"),
        ("Notes\n\nThe partners forum, which was convened at its campus on Tuesday, 13 November, 2018, was a success.", "2018-11-13"),
    ],
)
def test_a_stated_date(text: str, expected: str) -> None:
    assert date_of(text) == expected


def test_a_press_release_date_is_not_the_event_s() -> None:
    release = ("MEDIA RELEASE MINISTER FOR FOREIGN AFFAIRS\n\nFA99 10 December 2002\n\nAGREEMENT SIGNED\n\n"
               "On 9 December I signed a Memorandum of Understanding with Examplia’s President Ana Lima.")
    assert date_of(release) == "2002-12-09"  # the year of "9 December" is the release's
    posted = "7 Aug 2019 Posted in Press releases\n\nThe minister met his counterpart on the sidelines of the conference."
    assert date_of(posted) is None  # nothing dates the meeting


def test_today_is_the_day_of_the_page() -> None:
    text = ("Ministry of Finance\n\n12.04.2019\n\nPRESS RELEASE\n\nThe signing of this loan agreement took place today, "
            "during the Spring Meetings, held from April 8 to 14, 2019 in Washington DC.")
    assert date_of(text) == "2019-04-12"  # D.M.Y with dots, as outside the United States
    assert date_of("Notes\n\nToday the partners met in Port Ana to sign the accord.") is None  # "today" of no known day


def test_a_dateline_is_the_page_s_date() -> None:
    text = ("Notes\n\nSingapore, 13 July 2023 – The minister will participate in the Ministerial on Climate Action in "
            "Brussels, Belgium, from 13 to 14 July 2023. She will then travel on.")
    found = event(text)
    assert (found.date.iso, found.place) == ("2023-07-13/2023-07-14", Place("Brussels", "BEL"))


def test_a_draft_date_is_not_the_event_s() -> None:
    text = "Draft – 8 November 2016\n\nDriving the Examplia Initiative\n\n14 November 2016, 18:00 – 19:00\nCOP22 | Blue Zone | Marrakech, Morocco"
    found = event(text)
    assert (found.date.iso, found.place, found.series) == ("2016-11-14", Place("Marrakech", "MAR"), "COP 22")


def test_day_headings_of_a_programme_give_its_span() -> None:
    text = ("Examplia Alumni Event 2018 – Port Ana, Examplia\n\nProgramme\n\nMonday, 26 February\n2:30 pm Walk to the university\n"
            "Tuesday, 27 February (Engineering Faculty)\n9 am Registration\nWednesday, 28 February\n8 am Excursion\n"
            "Thursday, 1 March\n9 am Market visit")
    assert date_of(text) == "2018-02-26/2018-03-01"  # the year from the title, checked against the weekdays


def test_a_weekday_that_does_not_fit_spoils_the_date() -> None:
    assert date_of("Session\n\nThursday, 18 November 2020, 3 pm") is None  # 18 November 2020 was a Wednesday


def test_dates_that_are_not_the_event_s_are_ignored() -> None:
    assert date_of("Notes\n\nThe project will span five years from October 2013 to September 2018.") is None
    assert date_of("Notes\n\nSee /resource-room/2023-12-14-factsheet for the partners who met.") is None
    assert date_of("Notes\n\nThe report may 5 times mention the meeting that was held.") is None
    assert date_of("Notes\n\n“We met on 3 March 2020 and it went well,” she said, looking back.") is None
    assert date_of("Notes\n\nThe work programme was held from 1 January to 31 December 2019.") is None  # a year is no event


def test_a_front_matter_date_stands_in_flagged() -> None:
    text = "---\ntitle: A report\ndate: 2017-11-14\n---\nThe conference took place in Bonn, Germany, on the sidelines of COP 23."
    found = event(text)
    assert (found.date.iso, found.date_source) == ("2017-11-14", "front_matter")
    assert (found.place, found.series) == (Place("Bonn", "DEU"), "COP 23")
    stated = "---\ntitle: A report\ndate: 2022-06-29\n---\nOn July 7, 13:00 EDT, the initiative will hold a virtual side event to the High-Level Political Forum."
    found = event(stated)
    assert (found.date.iso, found.date_source, found.series) == ("2022-07-07", "text", "HLPF 2022")


def test_a_pdf_s_metadata_date_stands_in_flagged() -> None:
    found = read_event(load_document(SAMPLE_PDF))
    assert found.date_source in ("text", "pdf_metadata")
    if found.date_source == "pdf_metadata":
        assert found.date.iso == "2000-01-01"  # scripts/make_sample_pdf.py writes a fixed creation date


def test_no_date_at_all() -> None:
    found = event("Ana Lima spoke about cooperation between Examplia and the ILO.")
    assert (found.date, found.date_source) == (None, None)


# ------------------------------------------------------------------------------------ place and series
@pytest.mark.parametrize(
    ("text", "place", "series"),
    [
        ("Notes\n\nOn 13 November 2017, during COP23, cities and researchers gathered in a forum.", None, "COP 23"),
        ("Notes\n\nThe forum took place at the Grand Theatre in Bonn, Germany, on the sidelines of the 23rd session of the "
         "Conference of the Parties (COP 23).", Place("Bonn", "DEU"), "COP 23"),
        ("Briefing with civil society at WTO’s MC13\n\n27 February 2024\n\nFishers spoke.", None, "MC 13"),
        ("Notes\n\nOn 11 November 2022, the institute organized a side event during the 27th Conference of the Parties in "
         "the pavilion.", None, "COP 27"),
        ("Notes\n\nThe workshop was held in Addis Ababa, Ethiopia under the patronage of the ministry on 31 July 2019.",
         Place("Addis Ababa", "ETH"), None),
        ("Notes\n\nThe findings will be reported to the SBSTA at its sixteenth session, adopted at COP-8 in 2002.", None, None),
        ("Ms Ana Lima, Tonga Women in ICT\n\nDate: 9 August 2024", None, None),
    ],
)
def test_place_and_series(text: str, place: Place | None, series: str | None) -> None:
    found = event(text)
    assert (found.place, found.series) == (place, series)


# ------------------------------------------------------------------------------------------ organisers
def test_organisers(extractor: Extractor) -> None:
    text = ("Examplia Forum on Water\n\nThe forum took place in Port Ana on 3 May 2024. Organized by the World Health "
            "Organization, the United Nations Development Programme and the Government of Ghana, the forum sought new "
            "partners. Ana Lima said the Asian Development Bank would help.")
    organisers = extractor.extract_text(text).document.organisers
    assert [o.id for o in organisers] == ["org:who", "org:undp", "country:GHA"]
    assert organisers[0].evidence.startswith("Organized by the World Health Organization")
    active = extractor.extract_text("Notes\n\nThe International Labour Organization hosted a side event on 4 May 2024.")
    assert [o.id for o in active.document.organisers] == ["org:ilo"]


# ----------------------------------------------------------------------------------- old JSON still loads
def test_an_extraction_written_before_event_metadata_still_loads(seed_extraction: Extraction, tmp_path: Path) -> None:
    data = seed_extraction.to_dict()
    data["document"] = {key: data["document"][key] for key in ("id", "source", "title", "pages")}
    old = Extraction.from_dict(json.loads(json.dumps(data)))
    assert old.document == DocumentInfo(**data["document"])
    assert (old.document.date, old.document.place, old.document.organisers) == (None, None, ())
    (tmp_path / "run").mkdir()
    (tmp_path / "run" / "seed.json").write_text(json.dumps(data), encoding="utf-8")
    result = CliRunner().invoke(main, ["export", str(tmp_path / "run"), "--format", "gexf,csv"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "run" / "graph.gexf").is_file()


def test_event_metadata_round_trips(tmp_path: Path, extractor: Extractor) -> None:
    extraction = extractor.extract_text("Notes\n\nThe meeting was held in Port Ana, Ghana, on 3 May 2024, hosted by the ILO.")
    assert extraction.document.place == Place("Port Ana", "GHA")
    write_extraction(extraction, tmp_path / "x.json")
    assert Extraction.from_dict(json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))) == extraction


# ------------------------------------------------------------------------------- the shared corpus, read
EXPECTED_DATES: dict[str, str | None] = {
    # The event's date as a person reads it in each document (None: the text states none). Ranges are start/end.
    "aisummit2026_eu_india_collaboration_roundtable.txt": "2026-02-18",  # "Day 3 (2026-02-18)", "Date | 2026-02-18"
    "aisummit2026_global_cooperation_ai_healthcare.txt": "2026-02-16",
    "arabspatial_fao_cfs_nena_fsn_workshop_amman_2015.txt": "2015-04-28/2015-04-29",  # "held during 28-29 April, 2015"
    "ausmfa_2002_mou_asylum_seekers_nauru.txt": "2002-12-09",  # released 10 December: "On 9 December I signed"
    "cpr_2021_cop26_side_events_recap_glasgow.md": None,  # a blog after COP26; its date is the post's
    "eera_2024_one_health_living_lab_uganda_workshop.md": "2024-06-04",  # "Date: 4 June 2024"
    "enb_enb12191e_unfccc_undp_tna_expert_meeting_2002.txt": "2002-04-23/2002-04-25",  # the title's dates
    "enb_enb12210e_enabling_environments_tech_transfer_2003.txt": "2003-04-09/2003-04-10",
    "enb_enb12232e_nonannex1_natcom_workshop_2004.txt": "2004-04-26/2004-04-30",
    "enb_enb12271e_tech_transfer_adaptation_seminar_2005.txt": "2005-06-14/2005-06-16",
    "enb_enb12340e_nwp_adaptation_planning_workshop_rome_2007.txt": "2007-09-10/2007-09-12",
    "enb_enb12355e_nwp_expert_meeting_methods_tools_2008.txt": "2008-03-04/2008-03-07",
    "enb_enb12376e_redd_methodology_workshop_tokyo_2008.txt": "2008-06-25/2008-06-27",
    "enb_enb12396e_drr_climate_risk_workshop_havana_2009.txt": "2009-03-10/2009-03-12",
    "enb_enb12409e_economic_diversification_workshop_2009.txt": "2009-04-28/2009-04-30",
    "enb_enb12440e_adaptation_planning_workshop_2009.txt": "2009-10-12/2009-10-14",
    "enb_enb12501e_tna_workshop_2011.txt": "2011-06-01/2011-06-02",
    "goal16_hlpf2022_side_event_sdg16.md": "2022-07-07",  # "On July 7": the year of the page (posted 2022-06-29)
    "iupware_2018_alumni_event_cuenca_programme.pdf": "2018-02-26/2018-03-01",  # day headings, "Event 2018"
    "lesc_2016_cop22_cem_side_event_agenda.pdf": "2016-11-14",  # not "Draft – 8 November 2016"
    "lesc_2017_citytalk_lesc_cop23_cities_business_science.md": "2017-11-13",
    "lesc_2017_iisd_coverage_lesc_cop23.md": None,  # "took place ... on the sidelines of COP 23": no day
    "lesc_2017_nyc_lesc_event_report.pdf": "2017-09-20/2017-09-21",
    "lk_treasury_2019_ida_world_bank_loan_signing_washington.txt": "2019-04-12",  # "took place today", release 12.04.2019
    "mbon_blog_unoc2022_lisbon_side_events.txt": "2022-06-27/2022-07-01",  # the conference; its side events 28, 30 June
    "mlaw-corp__SCWeek_AnnexA_Programme_UNCITRAL_Academy.pdf": "2022-08-30/2022-09-01",  # three day headings
    "mlaw_2019_08_07_bilateral_ties_sidelines.md": "2019-08-07",
    "mlaw_2019_46_states_signed_mediation_treaty.md": "2019-08-07",  # "met in Singapore today", posted 7 Aug 2019
    "mlaw_2023_sc_week_post_event_summary.md": "2023-08-28/2023-09-01",  # posted 19 September
    "mse_2023_factsheet_cop28.md": None,
    "mse_2023_press_release_moca7_hlpf.md": "2023-07-13/2023-07-14",  # the first of the trip's events; dateline 13 July
    "mse__Dec-2022-Climate-Action-in-SG.pdf": "2022-12-13/2022-12-15",  # a newsletter: its lead story's heading
    "mse__July-2023-climate-action.pdf": "2023-07-17/2023-07-19",  # its lead story
    "mse__Nov-2022-Climate-Action-in-SG.pdf": None,  # the lead's dates are in words the PDF runs together (see below)
    "mse__nov-2021-climate-action.pdf": None,  # the lead story (COP-26 negotiations) is undated
    "nigerianseminars_unilag_sussex_kenyatta_dirtpol_consortium_agreement.txt": None,  # "Posted: 3 years ago"
    "obis_2025_obis_gbif_partnership_renewal.md": None,
    "obis_2025_obis_lac_pogo_working_group_grant.md": None,
    "obis_2025_obis_sessions_one_ocean_science_congress.md": "2025-06-03/2025-06-06",  # "in Nice on 3-6 June 2025"
    "owinfs_2021_mc12_cso_quotes.txt": None,  # released 26 November about MC12, which was then postponed
    "owinfs_2021_wto_pf_session80_data_stock_in_trade.txt": "2021-10-01",
    "owinfs_2024_dcj_owinfs_media_briefing.txt": "2024-02-22",  # "online media briefing, 22 February 2024"
    "owinfs_2024_mc13_fisherfolk_press_briefing.txt": "2024-02-27",
    "peer_2020_spatial_genomic_data_r_workshop_programme.pdf": "2020-11-16/2020-11-20",
    "scoop_usp_development_partners_forum_2015.txt": "2015-11-19",  # released 20 November
    "scoop_usp_high_level_consultations_aus_nz_2018.txt": "2018-11-13",  # released 4 December
    "side-event-sstc.txt": None,
    "slembassy_addis_2019_south_south_renewable_energy_workshop.txt": "2019-07-31",  # signed 01 August 2019
    "sparkplug_2015_connected_east_africa_summit_ntf3.md": None,
    "twict_2024_youth_ict_symposium_agenda.pdf": "2024-08-09",
    "un80_2025_iahwg_mandate_creation_briefing_panel.md": "2025-10-13",
    "un80_2025_iahwg_mandate_review_briefing_panel.md": "2025-11-25",
    "unggim_2020_wg_disasters_conference_tokyo_programme.pdf": None,  # "Postponed": no date
    "whitehouse_2024_readout_delegation_papua_new_guinea.md": "2024-07-14/2024-07-16",  # posted 17 July
    "zqtzt_2022_cop27_side_event_climate_extremes.md": "2022-11-11",
}
ALSO_RIGHT: dict[str, set[str]] = {
    # Documents of several events, where another reading is as right as the one above.
    "mbon_blog_unoc2022_lisbon_side_events.txt": {"2022-06-28"},  # its first side event
    "mse__nov-2021-climate-action.pdf": {"2021-11-09"},  # the national statement "to world leaders gathered at COP-26"
    "owinfs_2021_mc12_cso_quotes.txt": {"2021-11-26"},  # the quotes' own day
    "mse__Nov-2022-Climate-Action-in-SG.pdf": {"2022-11-06/2022-11-18"},  # "heldfrom6to18NovemberinSharmEl-Sheikh"
}


def test_dates_of_the_shared_corpus(shared: Path) -> None:
    docs = shared / "corpus" / "docs"
    assert sorted(p.name for p in docs.iterdir()) == sorted(EXPECTED_DATES), "a document was added or removed: read it"
    wrong = []
    for name, expected in EXPECTED_DATES.items():
        found = read_event(load_document(docs / name))
        read = found.date.iso if found.date and found.date_source == "text" else None
        if read != expected and read not in ALSO_RIGHT.get(name, ()):
            wrong.append(f"{name}: read {read}, expected {expected}")
        if found.date and found.date_source != "text":
            assert expected is None or name in ALSO_RIGHT, f"{name}: a stand-in date where the text states one"
    assert not wrong, "\n".join(wrong)


# ------------------------------------------------------------------------------ catastrophic backtracking
def test_the_patterns_scan_in_linear_time() -> None:
    """The reader's patterns that repeat a class or a group (dates, labelled lines, place names, phrase ends) on
    repeated fragments: eight times the text may cost at most 24 times the time (linear is 8x, quadratic 64x; the
    wide margin keeps a busy machine's noise from failing it). The rest are alternations of literal words."""
    import re

    from test_robustness import ADVERSARIAL, _scan_time

    from pipeline import event_metadata

    built = event_metadata._patterns()
    patterns = [*built.dates, built.label, built.place_label, built.organiser_label, built.series_context]
    patterns += [value for value in vars(event_metadata).values() if isinstance(value, re.Pattern)]
    fragments = [f * (10_000 // len(f)) for f in ("1 1 ", "12 June ", "Monday, 3 ", "in Ab Cd, ", "June 1-", "Date: ")]
    for pattern in patterns:
        for text in [*ADVERSARIAL, *fragments]:
            short, long = _scan_time(pattern, text), _scan_time(pattern, text * 8)
            assert long < 24 * short + 0.02, f"{pattern.pattern[:60]}: {short:.3f}s -> {long:.3f}s on 8x {text[:12]!r}"
