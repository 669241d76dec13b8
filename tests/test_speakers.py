"""Speaker attribution on the seed report and the sample PDF, and as a plain spaCy component."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

import pipeline  # noqa: F401  (registers the "speaker_attribution" factory)
from pipeline import DEFAULT_MODEL, Extraction, Extractor, Speaker, document_from_text
from pipeline.resources import load_json

# name -> (honorific, role, organisation, country); how national bodies are given ids is the entity resolver's concern
SEED_SPEAKERS = {
    "Valérie Schmitt": ("Ms", "chair", "ILO", None),
    "Nuno Cunha Meira Simo": ("Mr", "speaker", "ILO", None),
    "Liu Yuton": ("Mr", "speaker", "MOHRSS", "CHN"),
    "Sho Sudo": ("Mr", "presenter", "Ministry of Health, Labour and Welfare", "JPN"),
    "Claude Jentgen": ("Mr", "speaker", "Embassy of the Grand Duchy of Luxembourg in Vientiane", "LUX"),
    "Anita Amorim": ("Ms", "speaker", "ILO", None),
    "Mei Wei": ("Ms", "presenter", "Geely Holding Group", None),
}


def by_name(extraction: Extraction) -> dict[str, Speaker]:
    return {speaker.name: speaker for speaker in extraction.speakers}


def fields_by_name(extractor: Extractor, text: str, *fields: str) -> dict[str, tuple[object, ...]]:
    """Each speaker of `text` by name, with the `fields` asked for."""
    speakers = by_name(extractor.extract(document_from_text(text)))
    return {name: tuple(getattr(speaker, field) for field in fields) for name, speaker in speakers.items()}


def test_seed_speakers_in_order(seed_extraction: Extraction) -> None:
    assert [s.name for s in seed_extraction.speakers] == list(SEED_SPEAKERS)


@pytest.mark.parametrize("name", SEED_SPEAKERS)
def test_seed_speaker_fields(seed_extraction: Extraction, name: str) -> None:
    speaker = by_name(seed_extraction)[name]
    found = (speaker.honorific, speaker.role, speaker.organisation, speaker.country)
    assert found == SEED_SPEAKERS[name]
    assert speaker.organisation_id is not None


def test_seed_speakers_of_a_known_organisation_share_its_id(seed_extraction: Extraction) -> None:
    ids = {s.organisation_id for s in seed_extraction.speakers if s.organisation == "ILO"}
    assert ids == {"org:ilo"}


def test_seed_speaker_titles_and_units(seed_extraction: Extraction) -> None:
    speakers = by_name(seed_extraction)
    assert speakers["Liu Yuton"].title == "Director for Technical Cooperation"
    assert speakers["Liu Yuton"].unit == "International Cooperation Department"
    assert speakers["Sho Sudo"].unit == "International Affairs Division"
    assert speakers["Claude Jentgen"].title == "Chargé d’affaires"
    assert speakers["Mei Wei"].title == "First Vice-President"


def test_seed_speaker_offsets_point_at_the_name(seed_extraction: Extraction) -> None:
    raw = Path(seed_extraction.document.source).read_text(encoding="utf-8")
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


# ------------------------------------------------------------------------ report shapes (synthetic text)
def speakers_in(extractor, text: str) -> dict[str, Speaker]:
    return by_name(extractor.extract_text(text))


def test_quote_attribution_line_names_the_speaker(extractor) -> None:
    text = (
        "“Trade rules must serve people first.” Ilse Marrow | Policy Director, Fair Harbour Alliance, Norway.\n\n"
        "“We will keep pressing for a waiver.” Tomas Quill, Research and Outreach Lead, Open Seeds Network."
    )
    speakers = speakers_in(extractor, text)
    assert set(speakers) == {"Ilse Marrow", "Tomas Quill"}
    assert speakers["Ilse Marrow"].title == "Policy Director"
    assert speakers["Ilse Marrow"].organisation == "Fair Harbour Alliance"
    assert speakers["Ilse Marrow"].country == "NOR"
    assert speakers["Tomas Quill"].organisation == "Open Seeds Network"
    assert speakers["Tomas Quill"].role == "quoted"


def test_a_quote_attributed_to_a_title_before_the_name(extractor) -> None:
    """",” added TITLE NAME.": the whole title between the verb and the name, commas and all, describes the speaker;
    its body comes first ("Harbour Power Chairman, President, and CEO"). A name an honorific leads needs no PERSON
    tag from the NER."""
    text = (
        "“This agreement sets out a shared ambition,” added Lakeside University Vice-President for Research, "
        "Innovation and Impact Professor Dolores O’Riordan.\n\n"
        "“Working together, we will help drive growth,” said Harbour Power Chairman, President, and CEO Joao Silva."
    )
    speakers = speakers_in(extractor, text)
    assert {name: (s.organisation, s.role) for name, s in speakers.items()} == {
        "Dolores O’Riordan": ("Lakeside University", "quoted"), "Joao Silva": ("Harbour Power", "quoted")}


def test_names_the_ner_misses_in_workshop_summaries(extractor) -> None:
    text = (
        "Orla Venn, Ministry of Water, Chile, presented the national plan. Kai Brandt, Harbour University, noted "
        "that data were scarce. In discussions, Venn highlighted the role of local governments."
    )
    speakers = speakers_in(extractor, text)
    assert set(speakers) == {"Orla Venn", "Kai Brandt"}
    assert (speakers["Orla Venn"].organisation, speakers["Orla Venn"].country) == ("Ministry of Water", "CHL")
    assert speakers["Kai Brandt"].organisation == "Harbour University"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # reports say what speakers talked about, put forward or analysed as often as what they said
        ("Dr. Orla Venn, from Harbour University, talked about open data. Dr. Kai Brandt, from the Examplia Institute "
         "of Rivers, put forward a model of teachers' skills. Dr Rosa Quill analysed the impact of the course.",
         {"Orla Venn", "Kai Brandt", "Rosa Quill"}),
        # an address or a presentation "of" or "from" a person, as "by"
        ("The dialogue opened with keynote addresses from Orla Venn and Kai Brandt. The session included presentations "
         "from Rosa Quill on data. The presentation of Ms. Marta Quintela, Senior Officer at the Harbour Institute, "
         "covered inclusion.", {"Orla Venn", "Kai Brandt", "Rosa Quill", "Marta Quintela"}),
        # whoever leads a delegation named before them; a programme "led by" someone names no participant
        ("On Wednesday the rector received a delegation of Sakura Harbour Academy led by President Marco Vanner. A "
         "delegation of Examplia University led by Prof. Tessa Kolbe, Vice President of Examplia University, visited "
         "the campus. The flagship programme, led by Prof. Rosa Quill, trains practitioners.", {"Marco Vanner", "Tessa Kolbe"}),
    ],
)
def test_verbs_and_phrases_that_introduce_a_speaker(extractor, text: str, names: set[str]) -> None:
    assert set(speakers_in(extractor, text)) == names


def test_list_under_a_heading_without_colon(extractor) -> None:
    text = (
        "Moderator\nPia Lund, Senior Advisor, Civic Lens Institute\n\n"
        "🎤 Panellists\n\n- Rafael Osei, Executive Director, Clear Water Trust\n- Mina Park, Bright Path Foundation\n"
    )
    speakers = speakers_in(extractor, text)
    assert set(speakers) == {"Pia Lund", "Rafael Osei", "Mina Park"}
    assert speakers["Pia Lund"].role == "moderator"
    assert speakers["Rafael Osei"].role == "panellist"
    assert speakers["Rafael Osei"].title == "Executive Director"
    assert speakers["Rafael Osei"].organisation == "Clear Water Trust"


def test_spelling_variants_and_surnames_attach_to_the_person_introduced(extractor) -> None:
    text = (
        "Speakers:\n- Jürgen Albermann, Pacific Trade Council\n\n"
        "Our president Jurgen Albamann opened the session. Mr. Albermann said the council would grow."
    )
    assert list(speakers_in(extractor, text)) == ["Jürgen Albermann"]


def test_namesakes_introduced_apart_are_two_people(extractor) -> None:
    """Fully introduced people who share a surname are not spelling variants of one another: other given names
    ("Jonas Lima" / "José Lima"), or the same given name from another organisation ("Ana Tavita" / "Ana Tanaka")."""
    text = (
        "Session 1: Water security\nDr José Lima, Director, Examplia Water Agency, chaired the session.\n"
        "Ms Ana Tanaka, Senior Adviser, Ruritania Health Council, said that access had improved.\n\n"
        "Session 2: Fisheries\nDr Jonas Lima, Senior Adviser, Freedonia Fisheries Board, chaired the session.\n"
        "Ms Ana Tavita, Senior Adviser, Borduria Energy Office, said that catches had fallen.\n\n"
        "| Speaker | Organisation |\n|---|---|\n| Mr Oskar Mensah, Director | Examplia Water Agency |\n"
        "| Ms Rosa Mensah, Director | Examplia Water Agency |"
    )
    speakers = speakers_in(extractor, text)
    assert {"José Lima", "Jonas Lima", "Ana Tanaka", "Ana Tavita", "Oskar Mensah", "Rosa Mensah"} <= set(speakers)
    assert speakers["Jonas Lima"].organisation == "Freedonia Fisheries Board"
    people = {entity.name for entity in extractor.extract_text(text).entities if entity.type == "person"}
    assert {"José Lima", "Jonas Lima", "Ana Tanaka", "Ana Tavita"} <= people


@pytest.mark.parametrize("name", ["Ana O’Brien", "Ana O'Brien", "Katrina Ma’u Fatiaki", "Sione Liavaʼa Tupou"])
def test_a_name_with_an_apostrophe_of_any_form_is_read_whole(extractor, name: str) -> None:
    """The NER stops at "O’Brien" (typographic) where it takes "O'Brien": a name word is letters joined by any apostrophe."""
    text = f"Ms. {name}, Director, Examplia Youth Council, said that young people lead."
    speakers = speakers_in(extractor, text)
    assert list(speakers) == [name]
    assert speakers[name].organisation == "Examplia Youth Council"


def test_counterpart_met_with_a_possessive_title(extractor) -> None:
    text = "At the forum, Minister Ada Lim met with Canada’s Minister of Fisheries Paul Renaud and discussed trade."
    speakers = speakers_in(extractor, text)
    assert speakers["Paul Renaud"].country == "CAN"
    assert speakers["Paul Renaud"].title == "Minister of Fisheries"


def test_attendance_list_with_titles_before_names(extractor) -> None:
    text = (
        "In attendance were Kenya Ambassador H.E. Mr. Otieno Wambua, First Secretary at the Delta Institute "
        "Dr Lena Hart and ADB Regional Director Sam Kerr."
    )
    speakers = speakers_in(extractor, text)
    assert set(speakers) == {"Otieno Wambua", "Lena Hart", "Sam Kerr"}
    assert speakers["Otieno Wambua"].country == "KEN"
    assert speakers["Lena Hart"].organisation == "Delta Institute"


def test_people_merely_mentioned_or_spoken_for_are_not_speakers(extractor) -> None:
    text = (
        "Dr Noor Vale, Dean of Science, welcomed participants on behalf of Professor Eli Stone, Vice-Chancellor, "
        "and recalled the work of the late Sir Tom Reed."
    )
    assert list(speakers_in(extractor, text)) == ["Noor Vale"]


def test_title_at_organisation_is_split(extractor) -> None:
    text = "“Mediation works,” Ms Ana Ruiz, Senior Partner at Ruiz Legal Group said."
    speaker = speakers_in(extractor, text)["Ana Ruiz"]
    assert (speaker.title, speaker.organisation) == ("Senior Partner", "Ruiz Legal Group")


def test_of_the_organisation_after_a_name_gives_the_organisation_without_its_article(extractor) -> None:
    speaker = speakers_in(extractor, "Rui Sousa of the Otherland Agency spoke about water.")["Rui Sousa"]
    assert (speaker.organisation, speaker.organisation_id) == ("Otherland Agency", "org:otherland-agency")


def test_the_full_stop_after_a_units_organisation_is_no_unit(extractor) -> None:
    speaker = speakers_in(extractor, "He met Prof. Ana Lima from the School of Economics at the University of Otherland.")["Ana Lima"]
    assert speaker.organisation == "University of Otherland"
    assert speaker.unit in (None, "School of Economics")


def test_a_body_of_a_state_the_ner_ends_on_of_keeps_its_state(extractor) -> None:
    """The NER tags "the Parliament of" and then "Ghana" apart."""
    speaker = speakers_in(extractor, "Ms Ana Lima, Speaker of the Parliament of Ghana, said the law matters.")["Ana Lima"]
    assert (speaker.title, speaker.organisation, speaker.country) == ("Speaker", "Parliament of Ghana", "GHA")


def test_description_before_the_name_and_the_ministry_a_minister_speaks_for(extractor) -> None:
    text = (
        "In her opening address, Portugal’s Minister for Water and Sanitation, Ms Lea Varga, said that access "
        "had doubled. On 2 May, Senior Minister of State, Portugal’s Ministry of Health, Dr Ivo Marek, met with donors."
    )
    speakers = speakers_in(extractor, text)
    assert speakers["Lea Varga"].title == "Minister for Water and Sanitation"
    assert (speakers["Lea Varga"].organisation, speakers["Lea Varga"].country) == ("Ministry of Water and Sanitation", "PRT")
    assert (speakers["Ivo Marek"].organisation, speakers["Ivo Marek"].country) == ("Ministry of Health", "PRT")


def test_on_behalf_of_a_government_gives_the_country(extractor) -> None:
    text = "Dr. Ana Silva, Secretary, Ministry of Finance on behalf of the Government of Peru and Mr. Lars Holm signed the loan."
    speaker = speakers_in(extractor, text)["Ana Silva"]
    assert (speaker.organisation, speaker.country) == ("Ministry of Finance", "PER")


def test_staff_of_a_national_body_represent_its_country(extractor) -> None:
    """The body names the country ("of Denmark", a national development agency); an international one does not give one."""
    text = (
        "Panellists:\n- Ms. Anne Holm — Head of Climate Finance, Ministry of Foreign Affairs of Denmark\n"
        "- Mr. Kofi Mensah, Senior Adviser, Danish International Development Agency\n"
        "- Ms. Rita Das, Programme Officer, World Food Programme\n"
    )
    speakers = speakers_in(extractor, text)
    assert [speakers[name].country for name in ("Anne Holm", "Kofi Mensah", "Rita Das")] == ["DNK", "DNK", None]


def test_a_body_named_with_its_state_after_it_gives_the_country_but_a_branch_by_acronym_does_not(extractor) -> None:
    """"Financial Services Agency Japan", "N&MC of Examplia"'s state are the country its staff speak for; "GS1 US" and
    "UNDP Ghana" are a network's and an international body's offices, whatever their acronyms' registries say."""
    text = (
        "Panellists:\n- Mr. Kenji Sato, Deputy Director, Financial Services Agency Japan\n"
        "- Ms. Ama Owusu, Registrar, N&MC of Ghana\n"
        "- Mr. Tom Baker, Senior Director, GS1 US\n"
        "- Ms. Rita Das, Resident Representative, UNDP Ghana\n"
    )
    speakers = speakers_in(extractor, text)
    assert [speakers[name].country for name in ("Kenji Sato", "Ama Owusu", "Tom Baker", "Rita Das")] == ["JPN", "GHA", None, None]


def test_a_body_written_once_after_both_or_all_is_each_listed_persons(extractor) -> None:
    """"(all at X)" after a list of people, "(both representing X, UK)", ", both from X": the body is every listed
    person's, "both" the last two's; "both of which" names no body."""
    text = (
        "The delegation included Mrs. Ana Lima, Acting Registrar; Mr. Rui Sousa, Deputy Director; and Mr. Kofi Mensah, "
        "Senior IT Officer (all at the Examplia Nursing Council). Accompanying them were Ms. Mei Chen, Director, Examplia "
        "Institute; Mr. Tom Baker, IT Consultant; and Mr. Jan Novak, Project Manager (both representing Delta Systems "
        "Limited, UK). The session was run by Ines Duarte and Lars Holm, both from Otherland Data Lab, reporting on tools."
    )
    speakers = speakers_in(extractor, text)
    assert {name: (s.organisation, s.country) for name, s in speakers.items() if name != "Mei Chen"} == {
        "Ana Lima": ("Examplia Nursing Council", None), "Rui Sousa": ("Examplia Nursing Council", None),
        "Kofi Mensah": ("Examplia Nursing Council", None), "Tom Baker": ("Delta Systems Limited", "GBR"),
        "Jan Novak": ("Delta Systems Limited", "GBR"), "Ines Duarte": ("Otherland Data Lab", None),
        "Lars Holm": ("Otherland Data Lab", None),
    }
    assert (speakers["Mei Chen"].organisation, speakers["Kofi Mensah"].title) == ("Examplia Institute", "Senior IT Officer")


def test_an_event_line_shaped_like_an_introduction_is_not_a_speaker(extractor) -> None:
    text = "Digital Public Infrastructure\nHLPF 2025 Side Event, United Nations Headquarters, New York, 15 July 2025\n\nThe event was chaired by Ms. Lina Berg, Director, UNICEF."
    assert list(speakers_in(extractor, text)) == ["Lina Berg"]


def test_a_name_the_ner_cut_a_word_short_takes_it_back(extractor) -> None:
    text = "Speakers included Ms. Ana Ortiz, Director, UNEP; Mr. Marcelo Abi-Ramia Caetano, Secretary General of the Federation; and Dr. Emma Nakamura, Lead Economist at the World Bank."
    assert "Marcelo Abi-Ramia Caetano" in speakers_in(extractor, text)


def test_a_role_phrase_in_the_passive_introduces_the_speaker(extractor) -> None:
    """Only the introduction says Barange takes part: the sentence after it must not hide that."""
    text = "Welcome remarks were delivered by Mr. Manuel Barange, Assistant Director-General, FAO. He said so."
    assert speakers_in(extractor, text)["Manuel Barange"].role == "host"


def test_an_affiliation_in_brackets_before_a_colon(extractor) -> None:
    """spaCy keeps "):" as one token."""
    text = "Panel discussion, moderated by Ms. Julia Kroeger (WWF International):\n• Dr. Ana Ruiz, Senior Scientist, UNEP"
    assert speakers_in(extractor, text)["Julia Kroeger"].organisation == "WWF International"


def test_a_ministers_portfolio_may_be_a_list(extractor) -> None:
    text = "Chair: Ms. Rania Adel (Minister of Planning, Economic Development and International Cooperation, Egypt)\n"
    speaker = speakers_in(extractor, text)["Rania Adel"]
    assert (speaker.organisation, speaker.country) == ("Ministry of Planning, Economic Development and International Cooperation", "EGY")


def test_a_ministers_portfolio_ends_before_the_state_it_is_of(extractor) -> None:
    text = "Chair: Ms. Rania Adel (Minister of Health of the Republic of Kenya)\n"
    speaker = speakers_in(extractor, text)["Rania Adel"]
    assert (speaker.organisation, speaker.country) == ("Ministry of Health", "KEN")


def test_a_country_in_brackets_after_the_organisation(extractor) -> None:
    text = "Panellists:\n• Dr. Mariana Toussaint, Senior Scientist, IFREMER (France)\n• Ms. Ana Ruiz, Economist, UNDP (Ghana)\n"
    speakers = speakers_in(extractor, text)
    assert (speakers["Mariana Toussaint"].country, speakers["Ana Ruiz"].country) == ("FRA", None)
    assert (speakers["Mariana Toussaint"].organisation, speakers["Ana Ruiz"].organisation) == ("IFREMER", "UNDP")


def test_a_national_bodys_country_given_for_one_of_its_people_holds_for_the_others(extractor) -> None:
    """A programme writes the country once: "NAME, GSI, Japan" here, "Director-General of GSI" there. An
    international body's people keep their own."""
    text = (
        "Programme\n\n10:00 | Mr. Ken Mori, EGA, Japan\n\n10:30 | Ms. Lea Roth, UNDP, Peru\n\n"
        "18:10 | Welcome Reception; hosted by Mr. Jun Ota, Director-General of EGA\n\n"
        "19:00 | Closing by Ms. Ada Ruiz, UNDP\n"
    )
    found = speakers_in(extractor, text)
    assert [(found[name].organisation, found[name].country) for name in ("Jun Ota", "Ada Ruiz")] == [
        ("EGA", "JPN"), ("UNDP", None)]


def test_a_speaker_who_gives_a_country_speaks_for_it_not_for_the_body_named_before(extractor) -> None:
    """Meeting reports write "NAME, Examplia, described": the country is the affiliation, the institute the
    paragraph named for the speaker before is not."""
    text = (
        "Ana Lima, Instituto de Hidraulica Ambiental, described a methodology for coastal zones. "
        "Rui Sousa, UK, described the United Kingdom’s experience of screening programmes."
    )
    speaker = speakers_in(extractor, text)["Rui Sousa"]
    assert (speaker.organisation, speaker.country) == (None, "GBR")


def test_a_company_named_for_its_trade_is_no_person(extractor) -> None:
    """The NER takes "Kavo Pharma" and "Rilla Seafoods" for people; the last word says company."""
    text = (
        "The Examplia Institute partnered with Kavo Pharma to spread awareness through a live webinar. Dr. Ana Lima, "
        "Head of Public Health and Research at Kavo Pharma, concluded that primary care matters.\n\n"
        "Tom Reed, Rilla Seafoods, said the catch was good.\n"
    )
    extraction = extractor.extract(document_from_text(text))
    speakers = {s.name: s for s in extraction.speakers}
    assert set(speakers) == {"Ana Lima", "Tom Reed"}
    assert (speakers["Ana Lima"].organisation, speakers["Tom Reed"].organisation) == ("Kavo Pharma", "Rilla Seafoods")
    assert any({r.source, r.target} == {"org:examplia-institute", "org:kavo-pharma"} for r in extraction.relations)


def test_hard_wrapped_description_and_caption_position(extractor) -> None:
    text = "Ms Rosa Lind (left), a Chilean\nyouth delegate, and the Minister at the forum.\n\nMs Rosa Lind, a Chilean youth\ndelegate, presented the youth statement."
    speaker = speakers_in(extractor, text)["Rosa Lind"]
    assert speaker.country == "CHL"
    assert speaker.role == "presenter"


def test_list_of_titled_names_keeps_each_title_with_its_name(extractor) -> None:
    text = (
        "Meetings were held with Kenya Minister of Justice Otieno Wafula, Peru Minister for Legal Affairs "
        "Ms Rosa Quispe and Norway Minister of Trade Mrs Ingrid Dahl, where cooperation was reaffirmed."
    )
    speakers = speakers_in(extractor, text)
    assert (speakers["Otieno Wafula"].title, speakers["Otieno Wafula"].country) == ("Minister of Justice", "KEN")
    assert speakers["Rosa Quispe"].organisation == "Ministry of Legal Affairs"
    assert speakers["Ingrid Dahl"].country == "NOR"


def test_role_taken_as_a_noun_and_a_second_person_after_while(extractor) -> None:
    text = "The group was facilitated by Tomas Berg, Fjord Institute, while Ama Owusu, Ghana, served as rapporteur."
    speakers = speakers_in(extractor, text)
    assert (speakers["Tomas Berg"].role, speakers["Tomas Berg"].organisation) == ("moderator", "Fjord Institute")
    assert (speakers["Ama Owusu"].role, speakers["Ama Owusu"].country) == ("rapporteur", "GHA")


def test_caption_positions_and_title_abbreviations(extractor) -> None:
    text = (
        "Minister Lee (right) with Dr Omar Said, Egypt’s Minister of Water Resources (second from left), at the forum.\n\n"
        "Senior Parliamentary Secretary Mr Tan Wei Ming spoke at the launch. SPS Tan said the plan was ready."
    )
    speakers = speakers_in(extractor, text)
    assert (speakers["Omar Said"].title, speakers["Omar Said"].country) == ("Minister of Water Resources", "EGY")
    assert "SPS Tan" not in speakers


def test_programme_lines_with_role_phrases_before_the_description(extractor) -> None:
    text = (
        "9.30am Opening Remarks by UNDP Administrator, Ms Eva Lind-Holm\n"
        "10.00am Officiated by Senior Secretary, Ministry of Health, Mdm Siti Rahman\n"
        "The panel, chaired by Ms Ana Lopes, heard Mr Tom Field on finance."
    )
    speakers = speakers_in(extractor, text)
    assert set(speakers) == {"Eva Lind-Holm", "Siti Rahman", "Ana Lopes"}
    assert (speakers["Eva Lind-Holm"].title, speakers["Eva Lind-Holm"].organisation) == ("Administrator", "UNDP")
    assert (speakers["Siti Rahman"].role, speakers["Siti Rahman"].organisation) == ("host", "Ministry of Health")


def test_list_items_led_by_an_honorific_take_the_heading_role(extractor) -> None:
    text = (
        "Panellists:\n- Hon. Rosa Quill, Minister of Health, Fiji\n- H.E. Tomas Vey, Ambassador of Chile to Kenya\n"
        "- Dr Ama Boateng, Director, Savanna Research Institute\n"
    )
    speakers = speakers_in(extractor, text)
    assert {name: s.role for name, s in speakers.items()} == {
        "Rosa Quill": "panellist", "Tomas Vey": "panellist", "Ama Boateng": "panellist"
    }


def test_a_title_of_a_named_body_or_state_leads_a_name_the_ner_misses(extractor) -> None:
    """"Chairman of the X Committee of the Y Republic NAME emphasized", "headed by the Minister of Foreign Affairs of
    the Republic of X NAME": the title says a person follows, after the body or state it is of."""
    text = (
        "In his speech, Chairman of the National Statistical Committee of the Kyrgyz Republic Temir Osmonov emphasized "
        "that data matter. On 4 May, the Minister of Foreign Affairs of the Republic of Uzbekistan Bakhtiyor Nurmatov, "
        "who is on a visit to Rome, met the press."
    )
    assert fields_by_name(extractor, text, "organisation", "country") == {
        "Temir Osmonov": ("National Statistical Committee of the Kyrgyz Republic", "KGZ"),
        "Bakhtiyor Nurmatov": ("Ministry of Foreign Affairs", "UZB"),
    }


def test_a_title_the_ner_takes_for_a_person_describes_the_name_beside_it(extractor) -> None:
    """The NER tags "Principal", "Chair" or "Founder" PERSON now and then; a title alone is no one."""
    text = "The session was chaired by the Principal Secretary, Mr. Tomas Vey."
    assert fields_by_name(extractor, text, "title", "role") == {"Tomas Vey": ("Principal Secretary", "chair")}


def test_a_sentence_opening_on_behalf_of_someone_has_its_subject_speak(extractor) -> None:
    text = "On behalf of the Dean, Harbour School of Law, Dr. Rosa Quill welcomed participants to the workshop."
    assert list(speakers_in(extractor, text)) == ["Rosa Quill"]


def test_a_titled_second_counterpart_takes_part_as_the_first(extractor) -> None:
    text = "The minister met Chile's Foreign Minister Rosa Quill and Deputy Minister for Culture Tomas Vey."
    assert {name: s.title for name, s in speakers_in(extractor, text).items()} == {
        "Rosa Quill": "Foreign Minister", "Tomas Vey": "Deputy Minister for Culture"
    }


def test_those_accompanying_a_delegations_head_take_part(extractor) -> None:
    text = (
        "The delegation was led by the Minister of Defence, Hon. Rosa Quill, accompanied by the Principal Secretary to "
        "the Ministry of Defence, Mr. Tomas Vey. Legal Counsel Brig. Ines Varga, among others, accompanied the Commander."
    )
    assert set(speakers_in(extractor, text)) == {"Rosa Quill", "Tomas Vey", "Ines Varga"}


def test_military_ranks_lead_names_and_general_only_after_a_rank(extractor) -> None:
    """A rank is an honorific ("Adm. NAME", "Lieutenant General NAME"), never the name's first word; "General"
    alone leads no one ("the General Services Administration's NAME")."""
    text = (
        "Lieutenant General Tomas Vey, Chief of Staff, said the visit strengthened ties. "
        "Adm. Rosa Quill, Defence Attaché, said the talks went well. "
        "Gen Vey thanked the hosts. "
        "The General Services Administration's Ines Varga said the summit was a success."
    )
    assert fields_by_name(extractor, text, "honorific", "organisation") == {
        "Tomas Vey": ("Lieutenant General", None),
        "Rosa Quill": ("Adm.", None),
        "Ines Varga": (None, "General Services Administration"),
    }


def test_initials_are_part_of_a_name_and_title_abbreviations_are_not(extractor) -> None:
    text = "Dr JK Rowan, Director, Lakeside Institute, opened the session. DPM Ana Wei, Ministry of Trade, Chile, spoke."
    assert set(speakers_in(extractor, text)) == {"JK Rowan", "Ana Wei"}


def test_prose_introductions_with_any_reporting_shape(extractor) -> None:
    """"As NAME, TITLE of ORG put it", "NAME, ... did not hesitate to challenge", "as explained by NAME from ORG",
    "according to its TITLE NAME", "NAME, who runs X at ORG, ..."."""
    text = (
        "As Ines Varga, Executive Director of the Harbour Data Network, put it: “Data are a public good.” "
        "Tomas Berg, CEO of Fjordline, also did not hesitate to challenge the audience. "
        "The limits of batteries, as explained by Dr. Ama Owusu from Lakeside University, are many. "
        "Ferries are going electric, according to its Transport Policy Manager Mr. Rui Sousa. "
        "Dr. Kai Brandt, who runs the Centre for Coastal Studies at Lakeside University, argued for more data."
    )
    speakers = speakers_in(extractor, text)
    assert set(speakers) == {"Ines Varga", "Tomas Berg", "Ama Owusu", "Rui Sousa", "Kai Brandt"}
    assert speakers["Ama Owusu"].organisation == speakers["Kai Brandt"].organisation == "Lakeside University"
    assert speakers["Tomas Berg"].organisation == "Fjordline"


def test_a_modal_verb_does_not_make_a_speaker(extractor) -> None:
    text = "The proposal Under Work Stream Three would provide more options. Ms. Ana Lima said so."
    assert list(speakers_in(extractor, text)) == ["Ana Lima"]


def test_a_list_of_bare_names_shares_its_verb_and_the_group_before_it(extractor) -> None:
    text = (
        "Three HRI representatives, Dr LIN Qiao, Dr SOTO Marisa and Ms. Ada Obi, arrived on Monday and organised the event. "
        "The chair also invited Profs WEI Lan, HANS Berg and Tomas Quill to join the panel discussion."
    )
    speakers = speakers_in(extractor, text)
    assert {"LIN Qiao", "SOTO Marisa", "Ada Obi", "WEI Lan", "HANS Berg", "Tomas Quill"} <= set(speakers)
    assert {speakers[name].organisation for name in ("LIN Qiao", "SOTO Marisa", "Ada Obi")} == {"HRI"}
    assert speakers["LIN Qiao"].role == "host"


def test_the_one_body_a_paragraph_names_before_a_speaker_is_theirs(extractor) -> None:
    text = (
        "At the Examplia Harbour Authority, the delegation learned about the port’s logistics. "
        "Director Ana Lima presented the authority’s plans. The chair then invited Professor Mei Chen to join the panel.\n\n"
        "The visit was hosted by the Examplia Harbour Authority and the Lakeside Fisheries Institute. "
        "Professor Rui Sousa described the fleet.\n\n"
        "11:30 – 11:45 | Examplia Harbour Authority Update | Kai Brandt\n"
    )
    speakers = speakers_in(extractor, text)
    assert speakers["Ana Lima"].organisation == "Examplia Harbour Authority"
    assert speakers["Mei Chen"].organisation is None  # a guest the chair invited
    assert speakers["Rui Sousa"].organisation is None  # two bodies: neither is sure
    assert speakers["Kai Brandt"].organisation is None  # a programme's cell, not a paragraph


def test_names_mentioned_in_a_list_without_a_verb_of_taking_part_are_not_speakers(extractor) -> None:
    text = "The report cites the work of Dr Ana Lima, Dr Rui Sousa and Dr Kai Brandt on coastal erosion."
    assert speakers_in(extractor, text) == {}


def test_a_delegations_country_is_given_once_for_its_members(extractor) -> None:
    text = (
        "A Chilean interagency delegation travelled to Lima for talks on fisheries.\n\n"
        "The delegation of interagency partners included Admiral Rosa Quill, Commander, Southern Naval Command; "
        "Dr. Ines Varga, Senior Director for Oceans; and Tomas Berg, Deputy Administrator of the Bureau for Fisheries. "
        "The Peruvian delegation led by the Deputy Director General of the Sea Authority, Kai Brandt, made presentations."
    )
    speakers = speakers_in(extractor, text)
    assert {speakers[name].country for name in ("Rosa Quill", "Ines Varga", "Tomas Berg")} == {"CHL"}
    assert speakers["Kai Brandt"].country == "PER"


def test_every_member_a_list_of_members_names_is_a_speaker_whatever_the_ner_says(extractor) -> None:
    """"Lima" alone is a city to the NER; as an item of the members' list, "Ana Lima" is a person."""
    text = (
        "The delegation included Ana Lima, Deputy Director of Fisheries; Paulo Porto, Director of Trade; "
        "and Rui Sousa, Senior Director for Oceania."
    )
    assert {"Ana Lima", "Paulo Porto", "Rui Sousa"} <= set(speakers_in(extractor, text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Minister for Trade Ana Lima said the deal would open markets.", "Ana Lima"),
        ("The talks went well. Deputy Minister of Finance and Economy Grace Fu welcomed the delegates.", "Grace Fu"),
    ],
)
def test_a_name_after_a_ministers_portfolio_whatever_the_ner_says(extractor, text: str, name: str) -> None:
    """The NER tags no one in the first, and "Economy Grace Fu" in the second."""
    assert name in speakers_in(extractor, text)


def test_who_leads_a_session_takes_part_and_who_leads_a_programme_need_not(extractor) -> None:
    text = (
        "A high-level panel discussion led by Dr. Ana Ferreira explored how the system could align with national goals. "
        "The flagship programme, led by Prof. Rui Sousa, builds core competencies for practitioners."
    )
    assert set(speakers_in(extractor, text)) == {"Ana Ferreira"}


def test_a_title_with_its_article_before_the_name(extractor) -> None:
    text = "Delivering the welcome address, the Resident Representative of UNDP for Chile, Ana Rocha stated that the project was funded."
    speaker = speakers_in(extractor, text)["Ana Rocha"]
    assert (speaker.title, speaker.organisation) == ("Resident Representative", "UNDP")


def test_a_title_with_its_article_after_the_name(extractor) -> None:
    text = "The talks were led by Professor Ana Lima, the Deputy Vice-Chancellor (Research) of the University of Otherland."
    assert speakers_in(extractor, text)["Ana Lima"].title == "Deputy Vice-Chancellor (Research)"


def test_a_biography_opening_a_paragraph_introduces_a_speaker(extractor) -> None:
    text = (
        "Biographies of speakers\n\n"
        "Halvard Ostby is an Associate Professor of Hydrology at Lakeside University in the Department of Earth Sciences. "
        "His group studies rivers.\n\n"
        "Ines Quaresma is an Assistant Professor of Data Science at Harbour State University in the US. She works on maps.\n\n"
        "The project began in 2019. Its founder, Dr. Rui Sousa, is the current president of the Fjord Studies Association."
    )
    speakers = speakers_in(extractor, text)
    assert set(speakers) == {"Halvard Ostby", "Ines Quaresma"}
    assert (speakers["Halvard Ostby"].title, speakers["Halvard Ostby"].organisation) == ("Associate Professor of Hydrology", "Lakeside University")
    assert (speakers["Ines Quaresma"].organisation, speakers["Ines Quaresma"].country) == ("Harbour State University", "USA")


def test_a_counterpart_in_a_signing_is_a_speaker(extractor) -> None:
    text = "On 9 December I signed a Memorandum of Understanding with Peru’s President Rui Sousa on cooperation."
    speaker = speakers_in(extractor, text)["Rui Sousa"]
    assert (speaker.title, speaker.country) == ("President", "PER")


def test_a_transcripts_ear_and_a_quoted_title(extractor) -> None:
    """A header's spelling and the chair's ("Inga Andersen" / "Ingrid Anderson") are one person; a name-like title in
    quotation marks is a work, not a person."""
    text = (
        "I now give the floor to Ms. Ingrid Anderson, Executive Director of the Harbour Programme.\n\n"
        "Harbour Programme | Inga Andersen | Executive Director\n\n"
        "Thank you. We have three points to make.\n\n"
        "The workshop, titled ‘Mediation Matters: From Breakdown to Breakthrough’, drew many."
    )
    assert list(speakers_in(extractor, text)) == ["Inga Andersen"]


def test_someone_spoken_for_behind_a_title_and_a_paragraph_per_person(extractor) -> None:
    text = (
        "The Deputy Vice-Chancellor, Professor Ada Obi, on behalf of the Vice Chancellor of Lakeside University, "
        "Prof. Rui Sousa, recently signed the agreement.\n\n"
        "Ines Varga, Content Exec at Blue Kayak Tours, a travel start-up. I recommend them."
    )
    speakers = speakers_in(extractor, text)
    assert "Rui Sousa" not in speakers
    assert speakers["Ines Varga"].organisation == "Blue Kayak Tours"


def test_the_company_a_leader_heads_is_their_organisation_and_a_state_is_not(extractor) -> None:
    text = (
        "As a follow-up, Mr. Joao Silva, founder and president of Harbour Advocates, presented the company’s plans.\n\n"
        "Ms. Ana Lima, President of Côte d’Ivoire, welcomed the participants."
    )
    speakers = speakers_in(extractor, text)
    assert (speakers["Joao Silva"].title, speakers["Joao Silva"].organisation) == ("founder and president", "Harbour Advocates")
    assert (speakers["Ana Lima"].organisation, speakers["Ana Lima"].country) == (None, "CIV")


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("The panel was moderated by Peter Wright, Director of the Examplia Institute.", "moderator"),
        ("Peter Wright, Director of the Examplia Institute, moderated the panel.", "moderator"),
        ("Peter Wright, Director of the Examplia Institute, welcomed the participants.", "host"),
    ],
)
def test_a_role_verb_gives_its_own_role(extractor, text: str, role: str) -> None:
    """A verb listed under two roles took the last one, so "moderated" made a speaker."""
    assert speakers_in(extractor, text)["Peter Wright"].role == role


def test_each_role_verb_and_noun_names_one_role() -> None:
    cues = load_json("speaker_cues.json")
    for table in ("role_verbs", "role_nouns", "role_by"):
        words = [word for listed in cues[table].values() for word in set(listed)]
        assert sorted({w for w in words if words.count(w) > 1}) == [], table


# ------------------------------------------------------------------------------------------- the narrator
NARRATED = (
    "---\ntitle: Back from the Examplia Forum\nauthor: Ana Lima\n---\n"
    "Why was I there? Our team’s prototype needed feedback, and the Examplia Forum was the place to get it.\n\n"
    "My session drew a full room at our event at the University of Examplia. What’s clear to us at Brightwater Data "
    "Lab is that I’m grateful to everyone who came.\n"
)
REPORTED = (
    "---\ntitle: Back from the Examplia Forum\nauthor: Ana Lima\n---\n"
    "The Examplia Forum drew a full room. “I’m grateful to everyone who came,” said one organiser. "
    "“My hope is that they return,” she added.\n"
)


def test_the_writer_of_a_first_person_account_takes_part(extractor: Extractor) -> None:
    """A blog post names its writer only in the front matter's author line; "I was there" makes them a speaker."""
    extraction = extractor.extract(document_from_text(NARRATED))
    (speaker,) = extraction.speakers
    assert speaker.name == "Ana Lima"
    assert NARRATED[speaker.start : speaker.end] == "Ana Lima"
    assert speaker.organisation == "Brightwater Data Lab"  # "us at X" is the writer's body; "our event at X" a venue


def test_a_byline_over_a_third_person_report_is_no_speaker(extractor: Extractor) -> None:
    """A journalist's byline: the only "I" and "my" are in someone else's quoted words."""
    assert "Ana Lima" not in by_name(extractor.extract(document_from_text(REPORTED)))


def test_a_by_line_names_the_narrator(extractor: Extractor) -> None:
    text = (
        "Notes from the Examplia Forum\nBy Pedro Okafor\n\nI represented Brightwater Cooperative at the Examplia Forum. "
        "I chaired the morning panel, and my colleagues presented our survey.\n"
    )
    assert by_name(extractor.extract_text(text))["Pedro Okafor"].organisation == "Brightwater Cooperative"


@pytest.mark.parametrize("apostrophe", ["’", "'"])
def test_a_list_of_people_each_after_their_body_as_a_possessive(extractor, apostrophe: str) -> None:
    """"X’s NAME, Y’s NAME": each body's possessive opens the next item, and the last item ends the sentence."""
    text = (
        f"Panelists, from left, included EXAID{apostrophe}s Josh Carter, Global Campaign for Literacy{apostrophe}s "
        f"Jerry Mindel, Inclusion Ruritania{apostrophe}s Sue Warren, BPF{apostrophe}s Tony Iskandar, and moderator "
        f"Basic Learning Coalition{apostrophe}s Candice Dunham."
    )
    speakers = speakers_in(extractor, text)
    assert {name: speaker.organisation for name, speaker in speakers.items()} == {
        "Josh Carter": "EXAID", "Jerry Mindel": "Global Campaign for Literacy", "Sue Warren": "Inclusion Ruritania",
        "Tony Iskandar": "BPF", "Candice Dunham": "Basic Learning Coalition",
    }


def test_a_body_possessive_before_a_title_and_its_abbreviation(extractor) -> None:
    """"X University’s Associate Professor (A/P) NAME was elected" says nothing of taking part, but completes the
    NAME introduced elsewhere."""
    text = (
        "On 27 July 2023, Examplia Management University’s Associate Professor (A/P) Ana Silva was elected as "
        "Co-Chair of the Bureau. Professor Ana Silva spoke at the opening."
    )
    speaker = speakers_in(extractor, text)["Ana Silva"]
    assert (speaker.title, speaker.organisation) == ("Associate Professor (A/P)", "Examplia Management University")


def test_the_first_of_two_roles_joined_by_and_is_where_the_person_works(extractor) -> None:
    """"researcher at X in Y and the Z Data Manager": X, in Y; a country given with a first role stays beside an
    international body named with the second; "President and CEO" is one role."""
    text = (
        "“Sharing data is crucial,” says Lia Moreno, a scientific researcher at EXMAR in Peru and the OBIS Peru Data "
        "Manager.\n\n"
        "Karl Weber, Mayor, Bonn, Germany, and First Vice President of ICLEI, highlighted the need to build coalitions.\n\n"
        "Ms. Grace Lin, a PhD candidate at Examplia University and researcher at the Ruritania National Lab, said land "
        "use matters.\n\n"
        "Ana Lima, President and CEO, Examplia Water Trust, said that access had improved."
    )
    expected = {
        "Lia Moreno": ("a scientific researcher", "EXMAR", "PER"), "Karl Weber": ("Mayor", "ICLEI", "DEU"),
        "Grace Lin": ("a PhD candidate", "Examplia University", None), "Ana Lima": ("President and CEO", "Examplia Water Trust", None),
    }
    speakers = speakers_in(extractor, text)
    assert {name: (speakers[name].title, speakers[name].organisation, speakers[name].country) for name in expected} == expected


def test_a_department_named_by_its_portfolio_and_state(extractor) -> None:
    """"Statistics Canada" is Canada's; "Canada’s Fisheries and Oceans Minister" speaks for the department the
    registry knows by that portfolio and state; a company named after a country ("Brightworks Australia") is not a
    state's."""
    text = (
        "At the meeting, Minister Ada Lim met with Canada’s Fisheries and Oceans Minister Paul Renaud and discussed trade.\n\n"
        "Rui Sousa, Statistics Canada, said that data were scarce. Lia Moreno, Brightworks Australia, said that firms "
        "would invest."
    )
    expected = {
        "Paul Renaud": ("Fisheries and Oceans Canada", "CAN"), "Rui Sousa": ("Statistics Canada", "CAN"),
        "Lia Moreno": ("Brightworks Australia", None),
    }
    speakers = speakers_in(extractor, text)
    assert {name: (speakers[name].organisation, speakers[name].country) for name in expected} == expected


def test_places_named_like_people_are_not_speakers(extractor) -> None:
    """"Tamar Shire, Australia: ...", "Venue: Palm Lodge, Harare", "191 Harbour St, London": a word that names a kind of
    place (`not_name_words`) makes no person's name, whatever the list or label around it."""
    text = (
        "Cities with targets:\n\n• Jalan Province, Indonesia: 100% RE by 2030\n• Tamar Shire, Australia: 100% RE by 2025\n"
        "• Capital Territory, Australia: 100% RE electricity by 2020\n\nVenue: Palm Lodge, Harare\n\n"
        "Address: 191 Harbour St, London\n\nSpeakers:\n- Ana Lima, Director, Examplia Water Trust"
    )
    assert list(speakers_in(extractor, text)) == ["Ana Lima"]


def test_a_university_officer_serves_the_university_named_last(extractor) -> None:
    """"Professor NAME, Vice-Chancellor" with no body named serves the university the text named last ("the
    University" stands for it), in the country the text places it in."""
    text = (
        "A consultation between the University of Examplia and partners was held on Tuesday.\n\n"
        "The University hosts the meeting twice a year. Professor Ana Lima, Vice-Chancellor and President Designate, "
        "said that access had improved.\n\n"
        "Professor Rui Sousa used his visit to the University of Borduria in Portugal to explore collaboration. He met "
        "members of the University’s Senior Management led by Professor Maria Costa, the Deputy-Vice Chancellor "
        "(Research), who said the talks went well."
    )
    expected = {"Ana Lima": ("University of Examplia", None), "Maria Costa": ("University of Borduria", "PRT")}
    speakers = speakers_in(extractor, text)
    assert {name: (speakers[name].organisation, speakers[name].country) for name in expected} == expected


def test_a_body_with_a_possessive_in_its_name_ends_the_text(extractor) -> None:
    """The list-item check after a possessive stops at the end of the text: "... Examplia Children’s Fund"."""
    speakers = speakers_in(extractor, "Speakers: Ms Ana Lima, Programme Officer, Examplia Children’s Fund")
    assert speakers["Ana Lima"].organisation == "Examplia Children’s Fund"


def test_the_second_of_two_coordinated_names_takes_the_role_of_the_first(extractor) -> None:
    text = (
        "The agreement was signed by Dr. Nadia Kamau and Mr. Tomas Berg.\n\n"
        "The session was chaired by Maria Gonzalez and Peter Brown.\n\n"
        "The minutes were written by Lena Fox and Omar Haddad."
    )
    speakers = by_name(extractor.extract(document_from_text(text)))
    assert {name: s.role for name, s in speakers.items()} == {
        "Nadia Kamau": "signatory", "Tomas Berg": "signatory", "Maria Gonzalez": "chair", "Peter Brown": "chair",
    }


def test_descriptions_given_respectively_go_to_the_names_in_order(extractor) -> None:
    text = (
        "The MoU was signed by Dr. Jane Wanjiru and Mr. Lars Olsen, the Vice-Chancellor of Kenyatta University and "
        "the Rector of the University of Bergen respectively.\n\n"
        "The session was chaired by Dr. Kofi Mensah and Mr. John Otieno, from the Ministry of Water and Energy of "
        "Ghana and the Ministry of Trade, Industry and Tourism of Kenya, respectively."
    )
    assert fields_by_name(extractor, text, "title", "organisation", "country") == {
        "Jane Wanjiru": ("Vice-Chancellor", "Kenyatta University", None),
        "Lars Olsen": ("Rector", "University of Bergen", None),
        "Kofi Mensah": (None, "Ministry of Water and Energy of Ghana", "GHA"),
        "John Otieno": (None, "Ministry of Trade, Industry and Tourism of Kenya", "KEN"),
    }


def test_a_name_in_apposition_after_an_opening_title_whatever_the_ner_says(extractor) -> None:
    text = "The Governor of the Central Bank of Kenya, Kamau Thugge, spoke about inflation."
    speaker = by_name(extractor.extract(document_from_text(text)))["Kamau Thugge"]
    assert (speaker.title, speaker.organisation, speaker.country) == ("Governor", "Central Bank of Kenya", "KEN")


def test_a_list_of_titles_in_apposition_gives_each_name_its_own(extractor) -> None:
    text = (
        "The Memorandum of Understanding was signed by the Vice-Chancellor of the University of Lagos, Professor "
        "Folasade Ogunsola, and the Vice-Chancellor of Kenyatta University, Professor Paul Wainaina.\n\n"
        "Ms Rose Kamau thanked the Minister of Trade, and the Director of the Port Authority, Mr. Tom Otieno, for "
        "their support."
    )
    assert fields_by_name(extractor, text, "title", "organisation", "role") == {
        "Folasade Ogunsola": ("Vice-Chancellor", "University of Lagos", "signatory"),
        "Paul Wainaina": ("Vice-Chancellor", "Kenyatta University", "signatory"),
        "Rose Kamau": (None, None, "speaker"),
    }


def test_a_participle_clause_of_speech_makes_the_subject_a_speaker(extractor) -> None:
    text = "Director of Examplia Research Council, Inga Berglund, is pleased with this new step, saying: “This is a first.”"
    assert fields_by_name(extractor, text, "title", "organisation") == {
        "Inga Berglund": ("Director", "Examplia Research Council"),
    }


def test_press_contacts_are_not_speakers(extractor) -> None:
    text = (
        "Dr Ann Lee, Director of the Beta Institute, opened the workshop.\n\n"
        "For more information, contact: Leo Brandt, Examplia Institute; tel: +43 2236 807; fax: +43 2236 808.\n\n"
        "Press enquiries: Communications Adviser Sigrid Holm: <sigrid.holm@example.org> +47 97 00 00 00\n\n"
        "Senior Adviser Olaf Strand: <olaf@example.org>"
    )
    assert set(speakers_in(extractor, text)) == {"Ann Lee"}


def test_a_given_name_shared_by_two_people_adds_no_third(extractor) -> None:
    text = (
        "### Jana Dorn:\nWe have four panelists today, starting with Maria Kovalenko, editor-in-chief of Radio Ost "
        "TV in Berlin, the only Ukrainian-language TV channel in Germany. A hand for Maria, please.\n\n"
        "### Maria Kovalenko:\nIt affected people in Ukraine first of all.\n\n"
        "### Maria Kovalenko:\nMaria Santos yesterday told that we do not embrace technology enough.\n\n"
        "### Jana Dorn:\nNow, Pavel, you mentioned the platforms. Maria has just mentioned streaming now.\n\n"
        "### Maria Kovalenko:\nIt does."
    )
    speakers = extractor.extract(document_from_text(text)).speakers
    assert [(s.name, s.organisation) for s in speakers if s.name == "Maria Kovalenko"] == [
        ("Maria Kovalenko", "Radio Ost TV"),
    ]


def test_a_name_headed_from_its_front_is_an_institution_whatever_follows(extractor) -> None:
    text = (
        "Lucía Paredes, Universidad Mayor de Santa Elena, Bolivia, presented.\n\n"
        "Mr Tomás Aguirre, Director, Instituto Nacional de Estadística y Censo, Panama, spoke."
    )
    assert fields_by_name(extractor, text, "title", "organisation") == {
        "Lucía Paredes": (None, "Universidad Mayor de Santa Elena"),
        "Tomás Aguirre": ("Director", "Instituto Nacional de Estadística y Censo"),
    }


def test_people_who_introduce_themselves_in_a_transcript(extractor) -> None:
    """No label opens the turns: "I'm NAME" says who speaks, a given name alone too, and "I work at X" for whom; a
    mood ("I'm Grateful"), a title or a nationality is no name."""
    text = (
        ">> Hi, everyone. I'm Tamsin Okoro. I work at the Lakeside Data Institute in Porto.\n\n"
        ">> Okay. I'm Ravi. I'm a fellow with Blue Kayak Media. I'm from Brazil.\n\n"
        ">> Thanks. My name is Ines Varga from the Harbour Foundation. And I'm interested.\n\n"
        ">> I am Grateful for this. I am Kenyan. I am Minister of Water of Examplia."
    )
    speakers = speakers_in(extractor, text)
    assert {name: speaker.organisation for name, speaker in speakers.items()} == {
        "Tamsin Okoro": "Lakeside Data Institute", "Ravi": "Blue Kayak Media", "Ines Varga": "Harbour Foundation",
    }


def test_a_given_name_heard_by_captions_is_the_listed_speaker(extractor) -> None:
    """Captions write a self-introduced given name as it sounds: "Lavnesh" is the programme's "Lovneesh Tarrant";
    "Tech" does not sound enough like "Tess" to be Tess Brennan."""
    text = (
        "Panellists: Lovneesh Tarrant, Chair, Harbour Programme; Tess Brennan, Director, Lakeside Data Institute.\n\n"
        "Thank you. I'm Lavnesh and I chair the digital committee.\n\n"
        "Tech is what we discuss today."
    )
    assert list(speakers_in(extractor, text)) == ["Lovneesh Tarrant", "Tess Brennan"]


def test_the_speaker_a_copula_names(extractor) -> None:
    """"The first speaker (of the evening) was NAME": the role noun before the copula gives the part; a role that
    is no part in the event ("The winner was") gives none. (A person described by a body, "NAME of the X
    Foundation", is a speaker in any sentence: that is the prose reader's, not the copula's.)"""
    text = (
        "The first speaker of the evening was David Okafor from the Lakeside Data Institute. She spoke on portals.\n\n"
        "The moderator was Ravi Menon.\n\n"
        "The winner was Ines Varga."
    )
    speakers = speakers_in(extractor, text)
    assert {name: speaker.role for name, speaker in speakers.items()} == {"David Okafor": "speaker", "Ravi Menon": "moderator"}
    assert speakers["David Okafor"].organisation == "Lakeside Data Institute"


def test_captions_that_spell_every_word_as_it_sounds_name_the_listed_speaker(extractor) -> None:
    text = (
        "Panellists: Clas Neumeyer, Director, Harbour Foundation.\n\n"
        "And our first speaker is Dr. Claus Nomeyer, director of the Harbour Foundation. Over to you."
    )
    assert list(speakers_in(extractor, text)) == ["Clas Neumeyer"]


def test_a_list_after_a_colon_takes_the_part_its_lead_names(extractor) -> None:
    """"Three speakers gave talks: A on X, B on Y, and C on Z": the role noun before the colon gives each item its
    part; a colon whose lead names none ("three topics:") makes no one a speaker."""
    text = (
        "After the break, three speakers gave short talks: David Okafor on data portals, Maria Gonzalez on "
        "archives, and John Miller on maintenance.\n\n"
        "The closing panel was a moment of high value, bringing together museum directors: Peter Brown and Sarah Jones.\n\n"
        "The report covers three topics: James Wilson wrote it."
    )
    assert {name: s.role for name, s in speakers_in(extractor, text).items()} == {
        "David Okafor": "speaker", "Maria Gonzalez": "speaker", "John Miller": "speaker",
        "Peter Brown": "panellist", "Sarah Jones": "panellist",
    }


def test_a_title_the_ner_tagged_with_the_name_is_the_title(extractor) -> None:
    """"Chair NAME welcomed participants": the NER tags "Chair NAME" as one person; the name is the words after the
    title, and the title is theirs."""
    speakers = speakers_in(extractor, "On Tuesday, Chair Helen Brooke welcomed participants and thanked the hosts.")
    assert list(speakers) == ["Helen Brooke"]
    assert (speakers["Helen Brooke"].title, speakers["Helen Brooke"].role) == ("Chair", "chair")


def test_a_list_after_include_takes_the_part_its_lead_names(extractor) -> None:
    """"Panelists will include A, B and C", "Speakers included A of X and B": "include" leads a list as a colon
    does; names a report includes with no part named ("The report includes figures from A and B") are no one's."""
    text = (
        "Panelists will include Dr. Ines Varga, Kai Brandt and Rosa Quill.\n\n"
        "Speakers included David Okafor of the Harbour Foundation and Maria Gonzalez.\n\n"
        "The report includes figures from James Wilson and Sarah Jones."
    )
    assert {name: s.role for name, s in speakers_in(extractor, text).items()} == {
        "Ines Varga": "panellist", "Kai Brandt": "panellist", "Rosa Quill": "panellist",
        "David Okafor": "speaker", "Maria Gonzalez": "speaker",
    }


def test_an_and_inside_a_title_or_a_name_goes_on_with_it(extractor) -> None:
    """"Professor of Biochemistry and Molecular Biology", "Centre for Free and Fair Elections": the words after "and"
    go on with the phrase its "of"/"for" opened, no new person; a title before "and" is not the next person's
    ("Director of Planning and David Okafor, Secretary")."""
    text = (
        "Prof. Ana Lima, Professor of Medical Biochemistry and Molecular Biology, Cairo University, spoke first.\n\n"
        "Ms Ines Varga, Director of Planning and David Okafor, Secretary, Harbour Foundation, spoke.\n\n"
        "Maria Gonzalez, Department of Agricultural and Resource Economics, Kasetsart University, Thailand, presented "
        "the process."
    )
    speakers = speakers_in(extractor, text)
    assert set(speakers) == {"Ana Lima", "Ines Varga", "David Okafor", "Maria Gonzalez"}
    assert speakers["Ana Lima"].title == "Professor of Medical Biochemistry and Molecular Biology"
    assert (speakers["David Okafor"].title, speakers["Ines Varga"].title) == ("Secretary", "Director of Planning")
    assert (speakers["Maria Gonzalez"].organisation, speakers["Maria Gonzalez"].country) == ("Kasetsart University", "THA")


def test_a_name_without_a_word_neither_is_a_speaker_nor_stops_the_reading(extractor) -> None:
    """A reader may take a legal form ("e.V.") for a name; it has no word to compare other names with, so it is no
    speaker, and looking a later name up among the speakers found must not fail on it."""
    from pipeline.speakers.match import SpeakerMatch, same_person

    doc = extractor.nlp("e.V. and Ana Lima met.")
    legal_form, person = doc[0:1], doc[2:4]
    assert same_person([SpeakerMatch(name=legal_form)], person) is None
    assert "e.V." not in speakers_in(extractor, "Programme\n\nAna Lima, Examplia Institute – EXIS – e.V., Germany\n\ne.V.\n")


def test_a_minister_of_a_state_has_no_ministry_named_after_the_state(extractor) -> None:
    """"Foreign Minister of Hungary" names the state, not a portfolio: there is no "Ministry of Hungary"; "Minister of
    Finance of Ghana" still speaks for the Ministry of Finance."""
    speakers = speakers_in(
        extractor,
        "Ms Ana Lima, current Foreign Minister of Hungary, said the talks went well.\n\n"
        "Mr Rui Sousa, Minister of Finance of Ghana, said the loan was signed.",
    )
    assert (speakers["Ana Lima"].organisation, speakers["Ana Lima"].country) == (None, "HUN")
    assert (speakers["Rui Sousa"].organisation, speakers["Rui Sousa"].country) == ("Ministry of Finance", "GHA")


def test_a_company_the_ner_tagged_before_the_verb_is_the_speakers_not_the_next_person(extractor) -> None:
    """"NAME, Halden Lighting, said": a name-shaped field the NER tagged as an organisation, closing the description
    before its verb, is the speaker's company; in a list ("A, B, C and D said") the items stay people."""
    speakers = speakers_in(extractor, "David Okafor, Halden Lighting, said lighting is changing faster than ever.")
    assert speakers["David Okafor"].organisation == "Halden Lighting"
    listed = speakers_in(extractor, "The session was facilitated by Rui Sousa, ENDA, while Maria Okafor, Egypt, served as rapporteur.")
    assert listed["Maria Okafor"].country == "EGY" and listed["Rui Sousa"].organisation == "ENDA"


def test_a_title_before_a_name_does_not_reach_back_over_a_blank_line(extractor) -> None:
    """A heading's last words are not the start of the title the next paragraph opens with."""
    text = (
        "# SUMMARY OF THE WORKSHOP\n\n"
        "The Examplia Board on Fisheries (EBF) Chair Ana Lima (Mali) opened the workshop by laying out her hopes."
    )
    speaker = speakers_in(extractor, text)["Ana Lima"]
    assert "WORKSHOP" not in (speaker.title or "") + (speaker.organisation or "")
    assert speaker.role == "chair"


def test_a_surname_with_other_initials_is_another_person(extractor) -> None:
    """People of a list who share a surname are not one person where one gives initials another's given names do not
    start with ("S.N. Okoro", "Mahesh Kumar Okoro"); initials that agree ("S. Okoro" for "Sanjay Okoro") still do."""
    from pipeline.speakers.match import SpeakerMatch, same_person

    doc = extractor.nlp("S.N. Okoro met Mahesh Kumar Okoro and Sanjay Okoro; S. Okoro spoke.")
    initials, other, full, short = doc[0:2], doc[3:6], doc[7:9], doc[10:12]
    assert [t.text for t in initials] == ["S.N.", "Okoro"] and short.text == "S. Okoro"
    assert same_person([SpeakerMatch(name=initials)], other) is None
    assert same_person([SpeakerMatch(name=full)], short).name == full
    text = (
        "Patron\n\n• Prof. S.N. Okoro, Principal, Lakeside College\n"
        "• Dr. Mahesh Kumar Okoro, Department of History, Lakeside College\n"
    )
    assert {"S.N. Okoro", "Mahesh Kumar Okoro"} <= set(speakers_in(extractor, text))


def test_a_name_opening_a_sentence_with_the_body_it_comes_from_is_a_speaker(extractor) -> None:
    """"NAME from X Labs gave a talk": a name the NER leaves untagged, opening a sentence, with "from" and a body
    before a verb, or closing a photo's caption. Not a talk's title ("Spouted Vessels from Upper Thrace in ...") nor
    a heading about a place ("Country Experiences from Uganda")."""
    text = (
        "## Talks\n\nTjalling Brouwkamp from Examplia Research gave a talk about search result pages.\n\n"
        "Panos Kourtesis from Otherland Labs discussed federated learning in hospitals.\n\n"
        "![Ijsbrand Wolters from Examplia University | © Photographer](./images/wolters.jpg)\n\n"
        "## Sessions\n\nCountry Experiences from Uganda\n\nSpouted Vessels from Upper Thrace in the Bronze Age\n"
    )
    found = {s.name: s.organisation for s in extractor.extract_text(text).speakers}
    assert found == {
        "Tjalling Brouwkamp": "Examplia Research", "Panos Kourtesis": "Otherland Labs", "Ijsbrand Wolters": "Examplia University"
    }


def test_the_body_or_state_after_of_is_the_speakers(extractor) -> None:
    """"NAME of QORVEX gave an overview", "President NAME of Ghana opened": what follows "of" is whom the person is
    with, read like "from X" even where the NER tags none of it."""
    text = (
        "Tjalling Brouwkamp of QORVEX gave an overview of the infrastructure challenges.\n\n"
        "President Kwabena Asamoah of Ghana opened the forum.\n"
    )
    found = {s.name: (s.organisation, s.country) for s in extractor.extract_text(text).speakers}
    assert found == {"Tjalling Brouwkamp": ("QORVEX", None), "Kwabena Asamoah": (None, "GHA")}


def test_a_generic_body_of_the_one_country_named_gives_its_country(extractor) -> None:
    """A body named as every country may name one ("General Services Administration", "Ministry of Health") is the
    body of the country the text names, when only that one has a body so called: the speaker is that country's.
    Where two named countries have one, neither is given."""
    one = (
        "The United States hosted the forum on public engagement.\n\nSpeakers\n\n"
        "- Dana Okonkwo-Reyes, Director, General Services Administration\n"
        "- Milo Brandvold, Associate Director, Environmental Protection Agency\n"
    )
    found = {s.name: s.country for s in extractor.extract_text(one).speakers}
    assert found == {"Dana Okonkwo-Reyes": "USA", "Milo Brandvold": "USA"}
    two = "Kenya and Uganda met in Kampala.\n\nSpeakers\n\n- Dana Okonkwo-Reyes, Permanent Secretary, Ministry of Health\n"
    assert [s.country for s in extractor.extract_text(two).speakers] == [None]


def test_a_unit_named_after_a_quote_is_no_one(extractor) -> None:
    """The words after a closing quote are read as a name even untagged ("”, Ana Lima, Director, said"), but not
    when their last word is one no name ends with ("Data Management, Modelling Unit")."""
    from pipeline.speakers.cues import SpeakerCues
    from pipeline.speakers.quotes import attribution_names

    doc = extractor.nlp(
        "“We will share the data,” Lindiwe Moyo, Director, Examplia Data Agency, said.\n\n"
        "* Lightning talk - Scientific data: the case of Examplia\" Data Management, Modelling and Geo-Information Unit,\n"
        "Examplia Centre of Insect Science (ECIS)\n"
    )
    assert [span.text for span in attribution_names(SpeakerCues.default(), doc)] == ["Lindiwe Moyo"]


def test_a_name_with_an_abstract_nouns_word_is_no_ones(extractor) -> None:
    """A talk's title before its speaker reads like "NAME, ORG"; a word with an abstract noun's ending ("Permissions",
    "Bundling" is not one) says it is no one's name. Names such words resemble keep theirs ("Felicity", "Sion",
    "Clement", too short for "-ment" to say anything)."""
    text = (
        "Schedule\n\nChair: Felicity Okafor, Director, Examplia Institute\n\n10:00 Opening\n"
        "Scary Permissions, Tomas Lindqvist\n\n11:00 Panel\nPermission Bundling, Harald Osterberg\n"
    )
    assert [s.name for s in extractor.extract_text(text).speakers] == ["Felicity Okafor"]
    fields = extractor.nlp.get_pipe("speaker_attribution").fields
    doc = extractor.nlp("Sion Dlamini met Felicity Okafor and Clement Osei about Club Administration and an Achievement Medal.")
    assert [fields.names_a_topic(doc[i : i + 2]) for i in (0, 3, 6, 9, 13)] == [False, False, False, True, True]


@pytest.mark.parametrize(
    ("closing", "country"),
    [
        ("how Kyrgyzstan can go further", "KGZ"),  # the country the text is about
        ("how Kazakhstan, Uzbekistan and Tajikistan can go further", None),  # no country dominates
    ],
)
def test_a_state_body_no_one_knows_is_of_the_country_the_text_is_about(extractor, closing: str, country: str | None) -> None:
    text = (
        "Lake Harbour Data Forum\n\nThe forum in Bishkek brought together data producers from across Kyrgyzstan. "
        f"Kyrgyzstan has published gender statistics since 2010, and the forum discussed {closing}.\n\n"
        "Speakers:\n- Ms. Ana Lima, Chairperson, National Statistical Committee\n- Mr. Rui Sousa, Director, Harbour Data Lab\n"
    )
    speakers = speakers_in(extractor, text)
    assert speakers["Ana Lima"].country == country
    assert speakers["Rui Sousa"].country is None  # no state's body


def test_a_copula_naming_a_role_introduces_its_subject_and_ends_the_title(extractor) -> None:
    """"NAME, TITLE is the chief guest", "NAME of X is among the panellists", "NAME was the chair": the role noun after
    "be" says the person takes part, and the title stops before the verb."""
    text = (
        "Hon. Dr. Kamala Rai, former Minister of Education of Nepal is the chief guest of the symposium. "
        "Lena Ortiz of the World Bank is among the panellists. Before the break, Tomas Berg of Examplia University was the chair."
    )
    assert fields_by_name(extractor, text, "title", "country", "organisation", "role") == {
        "Kamala Rai": ("former Minister of Education of Nepal", "NPL", "Ministry of Education", "speaker"),
        "Lena Ortiz": (None, None, "World Bank", "panellist"),
        "Tomas Berg": (None, None, "Examplia University", "chair"),
    }



@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(  # "heard from", "featured": phrases of the cue file
        "At this year's forum we heard from Lena Ortiz, Founder of Examplia Media, on local news. "
        "The second session featured Tomas Berg of Examplia University and Ana Lima of the World Bank.",
        {"Lena Ortiz": ("Examplia Media", "speaker"), "Tomas Berg": ("Examplia University", "speaker"),
         "Ana Lima": ("World Bank", "speaker")},
        id="heard-from-and-featured",
    ),
    pytest.param(  # the nouns between the phrase and the name describe the person; the phrase still gives the role
        "Moderated by team member Ana Lima of the Examplia Design Centre, the panel discussed open textbooks. "
        "The day began with the keynote address of Vice Admiral Tomas Berg, Commander of the Examplia Navy.",
        {"Ana Lima": ("Examplia Design Centre", "moderator"), "Tomas Berg": ("Examplia Navy", "speaker")},
        id="over-describing-nouns",
    ),
])
def test_a_role_phrase_before_a_name_gives_the_role(extractor, text: str, expected: dict[str, tuple[str, str]]) -> None:
    assert fields_by_name(extractor, text, "organisation", "role") == expected
