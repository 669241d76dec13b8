"""People named in layout slots: table rows, programme lines, labelled slots, signature blocks, turn headers.

Invented programmes and transcripts; each test states one shape a report's layout uses to say "this is a person".
The text goes to the pipeline as ingest hands it over (a row on one line, cells split by " | "), so these
tests run the spaCy pipeline on it directly.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from spacy.tokens import Span

from pipeline import SpeakerMatch


@dataclass(frozen=True)
class Found:
    title: str | None
    organisation: str | None
    country: str | None
    role: str


def speakers_in(extractor, text: str) -> dict[str, Found]:
    matches: list[SpeakerMatch] = extractor.nlp(text)._.speakers
    return {m.name.text: Found(m.title, m.organisation_text, m.country, m.role) for m in matches}


def test_table_rows_name_people_in_cells_and_the_header_gives_the_column_role(extractor) -> None:
    text = (
        "Programme\n\n"
        "Time | Session | Speaker | Moderator\n"
        "09:00 | Opening | Dr. Ana Lima, Director, Harbour Research Institute | Ms. Rosa Quill\n"
        "09:30 | Coastal data | Kai Brandt | Ms. Rosa Quill\n"
    )
    speakers = speakers_in(extractor, text)
    assert set(speakers) == {"Ana Lima", "Kai Brandt", "Rosa Quill"}
    assert (speakers["Ana Lima"].title, speakers["Ana Lima"].organisation) == ("Director", "Harbour Research Institute")
    assert speakers["Rosa Quill"].role == "moderator"


def test_a_row_with_an_empty_cell_stays_under_its_header_and_an_agenda_cell_describes_no_one(extractor) -> None:
    text = (
        "Time | Session | Who | Moderator\n"
        "08:30 | Arrival and registration | All\n"
        "09:00 | Opening remarks | Dr. Ana Lima | Ms. Rosa Quill\n"
        "11:00 | Visit at the Harbour Research Institute | Kai Brandt\n"
    )
    speakers = speakers_in(extractor, text)
    assert speakers["Rosa Quill"].role == "moderator"
    assert speakers["Kai Brandt"].organisation is None


def test_names_alone_under_talk_titles_present_them_but_a_byline_under_a_headline_does_not(extractor) -> None:
    programme = (
        "Plenary: regional trends\n\n"
        "Coastal towns and the rise of spatial inequality (2000/2010)\nMarta Quintela\n\n"
        "Fostering inclusive rural transformation in mountain valleys\nJonas Feldkamp\n"
    )
    speakers = speakers_in(extractor, programme)
    assert {name for name, found in speakers.items() if found.role == "presenter"} == {"Marta Quintela", "Jonas Feldkamp"}
    post = "A week of river science in the valley\nMarta Quintela\n\nThe workshop opened on Monday.\n"
    assert "Marta Quintela" not in speakers_in(extractor, post)


def test_names_listed_alone_under_a_talk_title_each_present_it(extractor) -> None:
    """A talk given by two people writes both names on the line under its title, joined as a list ("and", "/"):
    each of them presents it, and neither is the other's description."""
    programme = (
        "Coastal towns and the rise of spatial inequality\nMarta Quintela and Kai Brandt\n\n"
        "Fostering inclusive rural transformation in mountain valleys\nInes Varga / Tomas Brandt\n\n"
        "New strategies of territorial approach in the highlands\nCorwin Ashby\n"
    )
    speakers = speakers_in(extractor, programme)
    assert {name for name, found in speakers.items() if found.role == "presenter"} == {
        "Marta Quintela", "Kai Brandt", "Ines Varga", "Tomas Brandt", "Corwin Ashby"
    }
    assert speakers["Ines Varga"].organisation is None


def test_names_before_a_colon_and_a_talk_title_present_it_and_a_label_before_a_name_does_not(extractor) -> None:
    """"NAME: talk title", alone on its line or in a timed row's cell, is a programme's talk after its speaker, where
    "Chair: NAME" has a label before the colon. Two or more in the document."""
    programme = (
        "Programme\n\n"
        "09:00 | Kai Brandt: Coastal towns and the rise of spatial inequality\n"
        "10:00 | Coffee break and posters\n"
        "Jonas Feldkamp: Fostering inclusive rural transformation in mountain valleys\n\n"
        "Chair: Rosa Quill\n"
    )
    speakers = speakers_in(extractor, programme)
    assert {name for name, found in speakers.items() if found.role == "presenter"} == {"Kai Brandt", "Jonas Feldkamp"}
    assert speakers["Rosa Quill"].role == "chair"


def test_a_column_of_names_presents_its_talks_whether_or_not_a_description_follows_the_name(extractor) -> None:
    """In a programme's column of names, a name before its description (a title alone, or a body) fills its slot as
    much as a name alone: each presents the talk beside it."""
    programme = (
        "Programme\n\n"
        "09:10 | Opening the data commons | Ana Lima, Senior Lecturer | 20 mins\n"
        "09:30 | Open ledgers in practice | Kai Brandt, Head of Engineering | 20 mins\n"
        "09:50 | Lessons from the field | Jonas Feldkamp | 20 mins\n"
    )
    speakers = speakers_in(extractor, programme)
    assert {name: found.role for name, found in speakers.items()} == dict.fromkeys(
        ["Ana Lima", "Kai Brandt", "Jonas Feldkamp"], "presenter")
    assert speakers["Kai Brandt"].title == "Head of Engineering"


def test_names_under_talk_titles_need_no_person_tag_each_once_the_list_has_one(extractor) -> None:
    """The NER tags many an unfamiliar name ORG or nothing ("Delfina Marquette", "Corwin Ashby"); under a talk's title, in
    a list of talks where it tags one of the names PERSON, each is its presenter. A session's heading is no one."""
    programme = (
        "Rural economic development in the valley with an emphasis on the western landscape\nDelfina Marquette\n\n"
        "New strategies of territorial approach in the highlands\nCorwin Ashby\n\n"
        "Coastal towns and the rise of spatial inequality (2000/2010)\nMarta Quintela\n\n"
        "Short talks on the valleys and their rivers\nLightning Talks\n"
    )
    speakers = speakers_in(extractor, programme)
    assert {name for name, found in speakers.items() if found.role == "presenter"} == {
        "Delfina Marquette", "Corwin Ashby", "Marta Quintela"
    }


def test_a_programme_column_of_names_needs_no_person_tag_each_but_a_column_of_dates_and_names_is_no_programme(extractor) -> None:
    """Where the NER tags two names opening the cells of one column of timed rows PERSON (alone or before their
    description), the other names filling that column are presenters too ("Delfina Marquette", untagged); a group
    ("Invited Guests") is no one's name. Rows of a date and a name only (a newsletter's birthdays) hold no talk."""
    rows = [
        ("08h00 - 08h10", "Welcoming", "Marta Quintela"),
        ("09h10 - 10h00", "Artificial Intelligence in Mining", "Delfina Marquette"),
        ("10h00 - 10h30", "Coffee", "All"),
        ("10h30 - 11h20", "Optimising Your Radio Investment", "John Carter, Harbour Institute"),
        ("11h30 - 12h20", "Water Data in the Valley", "Sarah Miller, Examplia Water Agency"),
        ("12h30 - 13h30", "Lunch & Expo", "Invited Guests"),
    ]
    speakers = speakers_in(extractor, "AGENDA\n\n" + "\n\n".join(" | ".join(row) for row in rows) + "\n")
    assert set(speakers) == {"Marta Quintela", "Delfina Marquette", "John Carter", "Sarah Miller"}
    assert speakers["Delfina Marquette"].role == "presenter"
    birthdays = "Birthdays\n\n6/24 | Marta Quintela\n\n6/26 | John Carter\n\n6/28 | Sarah Miller\n"
    assert speakers_in(extractor, birthdays) == {}


def test_a_long_list_of_participants_keeps_its_heading_to_the_last_item(extractor) -> None:
    """An annex of participants is attendees all the way down, however many items come between a name and the heading."""
    first_names = ["Ana", "Rui", "Kai", "Rosa", "Marta", "Jonas", "Delfina", "Corwin", "Ines"]
    surnames = ["Quintela", "Feldkamp", "Marquette", "Ashby", "Brandt", "Quill"]
    items = [f"- Dr {first} {last}, Harbour Research Institute, Examplia" for last in surnames for first in first_names]
    text = "The workshop closed on Friday.\n\n## Annex 2: Participants\n\n" + "\n".join(items) + "\n"
    assert len(items) > 50
    assert speakers_in(extractor, text) == {}


def test_names_closing_a_talks_cell_after_commas_present_it_but_a_description_before_a_name_is_no_talk(extractor) -> None:
    text = (
        "10:30–10:55 | Governing River Data in Examplia: Strengthening Accountability, Maria Lopez | "
        "Role of Platforms, John Carter, Sarah Miller\n"
        "11:00–11:30 | Director of Research, Harbour Institute, Peter Brown | Coffee\n"
    )
    speakers = speakers_in(extractor, text)
    assert {"Maria Lopez", "John Carter", "Sarah Miller"} <= set(speakers)
    assert speakers["Maria Lopez"].organisation is None
    assert "Peter Brown" not in speakers or speakers["Peter Brown"].organisation == "Harbour Institute"


def test_a_session_column_describes_no_one_and_an_ampersand_ends_a_name(extractor) -> None:
    text = (
        "| Time | Session | Speaker |\n"
        "| 14:00 | Environmental Research Practices of the Harbour Institute | Dr. Ana Lima |\n"
        "| 14:30 | Coffee break | |\n"
        "| 15:00 | Field methods (practical) | Dr. Kai Brandt & Dr. Rosa Quill |\n"
    )
    speakers = speakers_in(extractor, text)
    assert {"Ana Lima", "Kai Brandt", "Rosa Quill"} <= set(speakers)
    assert speakers["Ana Lima"].organisation is None


def test_a_row_whose_cell_is_a_bare_name_takes_its_role_and_description_from_the_other_cells(extractor) -> None:
    text = (
        "Oral presentation | Tomas Quill\nThu, 05 Jun | Room 4\n\n"
        "Chile | Ines Varga | Permanent Representative\n\nThank you, Chair. We support the proposal.\n"
    )
    speakers = speakers_in(extractor, text)
    assert speakers["Tomas Quill"].role == "presenter"
    assert (speakers["Ines Varga"].title, speakers["Ines Varga"].country) == ("Permanent Representative", "CHL")


def test_labelled_programme_lines_and_a_talk_title_after_the_dash(extractor) -> None:
    text = (
        "Parallel session II\n"
        "Chair: Halvard Ostby\n"
        "Quan Minh Duc (Fjord Polytechnic) – Flexible models for river basins\n"
        "10:15 Key note by Arnaud Pellier (Universidad del Norte, Chile): Rain, rivers and reservoirs\n"
    )
    speakers = speakers_in(extractor, text)
    assert speakers["Halvard Ostby"].role == "chair"
    assert speakers["Quan Minh Duc"].organisation == "Fjord Polytechnic"
    assert (speakers["Arnaud Pellier"].organisation, speakers["Arnaud Pellier"].country) == ("Universidad del Norte", "CHL")


def test_an_honorific_makes_a_person_whatever_the_ner_says(extractor) -> None:
    """Capitals for the surname, apostrophes inside names, "HE." and "Lord" before them; a name may open or end with a
    word that is also a stop word ("He", "An": not "HE", His Excellency)."""
    text = (
        "Opening Ceremony\n"
        "• Welcome Address: Mrs. ‘Olinda Mafu’a, Harbour Women in Tech\n"
        "• Special Remarks: HE. Bram Tolley, Chile Ambassador to Peru\n"
        "• Guest of Honour Remarks: Lord Vakameilalo, Speaker of the Legislative Assembly\n"
        "Mental health and resilience. Dr. HAN Lixue (15 mins)\n\n"
        "9:00 | Prof. Tianyu He (Harbour University of Technology) | Fault friction in deep wells\n\n"
        "9:20 | Dr. Weiran An, (Coastal Institute of Petroleum) | Shale bedding\n\n"
        "9:40 | Dr. He Minglu (Delta Ocean University) | Crab fisheries\n"
    )
    speakers = speakers_in(extractor, text)
    assert set(speakers) == {"‘Olinda Mafu’a", "Bram Tolley", "Vakameilalo", "HAN Lixue", "Tianyu He", "Weiran An",
                             "He Minglu"}
    organisations = [speakers[name].organisation for name in ("‘Olinda Mafu’a", "Tianyu He", "He Minglu")]
    assert organisations == ["Harbour Women in Tech", "Harbour University of Technology", "Delta Ocean University"]


def test_a_role_in_brackets_after_a_name_is_the_persons_whatever_the_heading_says(extractor) -> None:
    """And it is neither their organisation nor their title; post-nominals may come between."""
    text = (
        "Panel discussion\n\nSpeakers:\n- Ana Lima, Director, Harbour Institute\n- Kai Brandt (moderator)\n"
        "- Rosa Quill AO (Rapporteur)\n\nThe session was opened by Tom Reyes (Chair).\n"
    )
    speakers = speakers_in(extractor, text)
    assert {name: found.role for name, found in speakers.items()} == {
        "Ana Lima": "speaker", "Kai Brandt": "moderator", "Rosa Quill": "rapporteur", "Tom Reyes": "chair"}
    assert speakers["Rosa Quill"].organisation is None and speakers["Kai Brandt"].title is None


def test_a_head_word_alone_is_no_ones_organisation(extractor) -> None:
    """"Board Member" says a board, not which one; "Council Member, Harbour Institute" names the institution."""
    text = (
        "The meeting was attended by Karl Olsson, Board Member; and Rosa Quill, Council Member, Harbour Institute.\n"
    )
    speakers = speakers_in(extractor, text)
    assert {name: found.organisation for name, found in speakers.items()} == {
        "Karl Olsson": None, "Rosa Quill": "Harbour Institute"}


def test_a_programme_line_ends_in_its_speaker_whatever_verbs_the_talks_title_has(extractor) -> None:
    """A talk's title may be a sentence ("Youth Are Leaders."); the honorific-led name closing the line, with no full
    stop after it, is who gives the talk. A sentence that ends in a name keeps its full stop and stays prose."""
    text = (
        "Programme\n\n"
        "Speaker 1: Youth Are Leaders. Mrs. Ana Lima (15 mins)\n\n"
        "10:20 – 10:50 Review of the Plan and Progress Made to Date Dr Rui Sousa\n\n"
        "The library of the institute was named after Dr Ines Varga.\n"
    )
    speakers = speakers_in(extractor, text)
    assert set(speakers) == {"Ana Lima", "Rui Sousa"}


def test_a_talks_title_credits_its_speaker_after_a_dash_whatever_the_ner_says(extractor) -> None:
    """"TITLE – NAME, AFFILIATION" to the end of a programme cell: the name needs no PERSON tag. A dash inside the
    title, or one not followed by an affiliation to the cell's end, credits no one."""
    text = (
        "Begin | End | Talk\n\n"
        "9:50 | 10:05 | Imagine a river without fish - Tavaki Whittum, Examplia Water Agency (EWA)\n\n"
        "10:05 | 10:20 | Mapping baseflow by reach – Kiri Lombardo, University of Lakeside\n\n"
        "10:20 | 10:35 | Rivers – Where Next for Small Streams, a panel\n"
    )
    speakers = speakers_in(extractor, text)
    assert {name: s.organisation for name, s in speakers.items()} == {
        "Tavaki Whittum": "Examplia Water Agency (EWA)", "Kiri Lombardo": "University of Lakeside"}


def test_a_name_after_a_spaced_dash_is_read_whatever_entity_the_ner_ran_across_the_dash(extractor) -> None:
    """The NER may take "Coastal Salmon - Tavaki Whittum" for one place: a name never runs across a spaced dash.
    A hyphen typed for the dash and glued to the name ("-Kiri") is the same dash."""
    text = (
        "Begin | End | Talk\n\n"
        "8:40 | 8:55 | Using dispersal data to optimise egg planting for Coastal Salmon - Tavaki Whittum, EWA\n\n"
        "9:40 | 9:55 | Using acoustic tags to follow salmon smolts -Kiri Lombardo, University of Lakeside\n"
    )
    speakers = speakers_in(extractor, text)
    assert {name: s.organisation for name, s in speakers.items()} == {
        "Tavaki Whittum": "EWA", "Kiri Lombardo": "University of Lakeside"}


def test_a_role_closing_a_slot_after_the_description_is_the_persons_role(extractor) -> None:
    """"NAME, AFFILIATION, moderator": the role word ends the slot, the name before it needs no PERSON tag, and
    after a session's title a comma leads to it ("Session 2 – Introduction, NAME, ..., moderator"); the words
    after the comma must still be a name."""
    text = (
        "Begin | End | Session\n\n"
        "9:05 | 9:10 | Tavaki Whittum, Examplia Water Agency, moderator\n\n"
        "1:30 | 1:35 | Session 2 – Introduction, Kiri Lombardo, Lakeside Nation, moderator\n\n"
        "1:35 | 1:40 | Session 3 – Rivers, Lakes and Harbours, Harbour Research Institute, moderator\n\n"
        "Panel 2: Ana Lima, Examplia Water Agency, chair\n"
    )
    speakers = speakers_in(extractor, text)
    assert {name: (s.organisation, s.role) for name, s in speakers.items()} == {
        "Tavaki Whittum": ("Examplia Water Agency", "moderator"),
        "Kiri Lombardo": ("Lakeside Nation", "moderator"),
        "Ana Lima": ("Examplia Water Agency", "chair"),
    }


def test_a_discussants_slot_under_its_other_names(extractor) -> None:
    """"Commentary by NAME (AFFILIATION)" and "Respondent: NAME" name a discussant, as "Discussant:" does."""
    text = (
        "9.30 – 11.00\n"
        "Tavaki Whittum (University of Lakeside)\n"
        "\u201cRivers without fish\u201d\n\n"
        "Commentary by Kiri Lombardo (Examplia Water Agency)\n\n"
        "Respondent: Rosa Quill (University of Otherland)\n"
    )
    speakers = speakers_in(extractor, text)
    assert (speakers["Kiri Lombardo"].organisation, speakers["Kiri Lombardo"].role) == ("Examplia Water Agency", "panellist")
    assert speakers["Rosa Quill"].role == "panellist"


def test_list_items_a_cell_joined_keep_their_bullets_out_of_the_names(extractor) -> None:
    """A PDF cell's bulleted lines come joined ("• NAME (ORG); • NAME, TITLE"): each bullet opens an item."""
    text = (
        "Time | Program | Responsible\n\n"
        "9:00- 9:20 AM | Opening remarks | • Ana Lima (Examplia Water Agency); • Rui Sousa, Executive Director, "
        "Harbour Research Institute\n"
    )
    speakers = speakers_in(extractor, text)
    assert {name: s.organisation for name, s in speakers.items()} == {
        "Ana Lima": "Examplia Water Agency", "Rui Sousa": "Harbour Research Institute"}


def test_a_bracketed_acronym_after_a_speakers_country_is_the_bodys(extractor) -> None:
    text = "Participants\n\n- Ana Lima, Met Office, United Kingdom [UKMO]\n- Rui Sousa, Bureau of Meteorology, Australia (BoM)\n"
    speakers = speakers_in(extractor, text)
    assert [(s.organisation, s.country) for s in speakers.values()] == [("Met Office", "GBR"), ("Bureau of Meteorology", "AUS")]


def test_a_name_line_followed_by_its_title_line_is_a_signature_block(extractor) -> None:
    text = (
        "Opening remarks\n\n"
        "Welcome Address Mr. Haruto Sakai\nVice Minister of Fisheries, Ministry of Fisheries, Japan\n\n"
        "Ms. Ines Varga\nCo-Chair of the Harbour Data Network\n"
    )
    speakers = speakers_in(extractor, text)
    assert (speakers["Haruto Sakai"].organisation, speakers["Haruto Sakai"].country) == ("Ministry of Fisheries", "JPN")
    assert (speakers["Ines Varga"].title, speakers["Ines Varga"].organisation) == ("Co-Chair", "Harbour Data Network")
    assert len(speakers) == 2


def test_a_record_read_across_a_blank_line(extractor) -> None:
    """A slide's text layer puts a blank line after every line: a name led by an honorific stands alone, its card in
    the next block; a title left open by a comma runs on past the blank line into its organisation line."""
    text = (
        "DAY LEADS\n\n"
        "Ms. Ana Lima\n\nProgramme Manager, Chile\n\n"
        "Mr. Rui Sousa\nDirector-General / Assistant Minister (Ambassador),\n\nMinistry of Fisheries (MOF), Peru\n\n"
        "MORE INFORMATION\n\nAccess the Examplia Forum Presentations online\n"
    )
    speakers = speakers_in(extractor, text)
    assert speakers["Ana Lima"].country == "CHL"
    assert (speakers["Rui Sousa"].organisation, speakers["Rui Sousa"].country) == ("Ministry of Fisheries (MOF)", "PER")
    assert set(speakers) == {"Ana Lima", "Rui Sousa"}


def test_a_speaker_list_of_records_under_a_heading(extractor) -> None:
    """A block each: a name line (an honorific or not, letters such as "PhD" after it) over a title line and an
    organisation line."""
    text = (
        "Speakers\n\n"
        "Ana Lima\nDirector\nExamplia Institute of Labour\n\n"
        "Mr Kofi Mensah\nMinister of Labour\nMinistry of Labour of Examplia\n\n"
        "Adaeze Okafor\nHead of Research\nExamplia Climate Network\n\n"
        "Rahul Iyer\nChief Economist\nExamplia Development Bank\n\n"
        "Prof. Rui Sousa, PhD\nSenior Adviser\nExamplia Water Agency\n\n"
        "Dr Mei Chen MD\nChief Medical Officer\nExamplia General Hospital\n"
    )
    speakers = speakers_in(extractor, text)
    assert {name: (found.title, found.organisation) for name, found in speakers.items()} == {
        "Rui Sousa": ("Senior Adviser", "Examplia Water Agency"),
        "Mei Chen": ("Chief Medical Officer", "Examplia General Hospital"),
        "Ana Lima": ("Director", "Examplia Institute of Labour"),
        "Kofi Mensah": ("Minister of Labour", "Ministry of Labour of Examplia"),
        "Adaeze Okafor": ("Head of Research", "Examplia Climate Network"),
        "Rahul Iyer": ("Chief Economist", "Examplia Development Bank"),
    }


def test_a_title_headed_by_its_last_word_describes_an_untagged_name_in_a_list(extractor) -> None:
    """English titles end in their title word ("Payment Systems Projects Coordinator"); a body whose name ends in a
    word that only opens titles ("Youth Project") stays an organisation."""
    text = (
        "Panellists\n"
        "* Ana Lima\nChief Strategy Officer, Examplia Space Agency\n"
        "* Tshepi Mokganyetsi\nRegional Payment Systems Projects Coordinator, Examplia Bankers Association\n"
        "* Ms. Rui Sousa, Vice President, One Examplia Youth Project\n"
    )
    speakers = speakers_in(extractor, text)
    assert (speakers["Tshepi Mokganyetsi"].title, speakers["Tshepi Mokganyetsi"].organisation) == (
        "Regional Payment Systems Projects Coordinator", "Examplia Bankers Association")
    assert (speakers["Rui Sousa"].title, speakers["Rui Sousa"].organisation) == ("Vice President", "One Examplia Youth Project")


def test_records_one_after_the_other_share_the_role_of_their_heading(extractor) -> None:
    text = (
        "Moderators\n\n"
        "Ana Lima\nDirector\nExamplia Institute\n\n"
        "Rui Sousa\nSenior Adviser\nExamplia Water Agency\n\n"
        "Panellists\n\n"
        "Mei Chen\nProfessor of Economics\nUniversity of Examplia\n\n"
        "Kofi Mensah\nChief Economist\nExamplia Development Bank\n"
    )
    roles = {name: found.role for name, found in speakers_in(extractor, text).items()}
    assert roles == {"Ana Lima": "moderator", "Rui Sousa": "moderator", "Mei Chen": "panellist", "Kofi Mensah": "panellist"}


def test_blocks_of_a_programme_that_are_not_records_name_nobody(extractor) -> None:
    """A session, a venue or an address over an institution is shaped like a record but its first line is no name."""
    text = (
        "Agenda\n\n"
        "Harbour Hall\nLevel 2\nExamplia Convention Centre\n\n"
        "Climate Finance\nPanel discussion\nExamplia Development Bank\n\n"
        "Rua Augusta\nLisbon\nPortugal\n\n"
        "Opening Session\nWelcome remarks\nExamplia Institute\n\n"
        "Coastal Resilience\nDirector’s report\nExamplia Water Agency\n"
    )
    assert speakers_in(extractor, text) == {}


@pytest.mark.parametrize("place", ["191 Marlow St, EX1 4AB", "Venue: Baobab Lodge, Harare", "Venue: Harbour Lodge, Harare"])
def test_an_address_or_venue_line_in_a_programme_names_nobody(extractor, place: str) -> None:
    """A word of it says it is a place ("St", "Lodge"), however name-like the words beside it."""
    text = (
        "Programme\n\n16:50 | 17:00 | Wrap-up Day 1\n\n18:00 | Informal gathering at the Market Hall\n\n"
        f"{place}\n\n8:30 | 9:00 | Welcome | Ana Lima (Examplia Institute)\n"
    )
    assert set(speakers_in(extractor, text)) == {"Ana Lima"}


def test_transcript_turn_headers(extractor) -> None:
    text = (
        "ANA LIMA: Good morning. We will hear three views today.\n\n"
        "RUI SOUSA: Thank you. I want to start with the data.\n\n"
        "Kai Brandt (Fjord Institute):\nOur work shows that the rivers are rising.\n\n"
        "ANA LIMA: Thank you, Kai.\n"
    )
    speakers = speakers_in(extractor, text)
    assert {"ANA LIMA", "RUI SOUSA", "Kai Brandt"} <= set(speakers)
    assert speakers["Kai Brandt"].organisation == "Fjord Institute"


def test_names_joined_in_a_slot_share_the_description_after_the_last(extractor) -> None:
    text = "Session 4\nChair: Ms. Ana Lima / Mr. Rui Sousa, Harbour Data Network\n"
    speakers = speakers_in(extractor, text)
    assert speakers["Ana Lima"].organisation == speakers["Rui Sousa"].organisation == "Harbour Data Network"
    assert speakers["Ana Lima"].role == "chair"


def test_a_role_cell_beside_a_bare_name_is_its_role_not_its_organisation(extractor) -> None:
    text = "Programme\n\n10:30–11:00 | MC | Laila Haddad\n"
    assert speakers_in(extractor, text) == {"Laila Haddad": Found(None, None, None, "moderator")}


def test_an_agenda_items_title_beside_a_name_is_what_they_present_not_whom_they_work_for(extractor) -> None:
    rows = [
        "Ana Lima | Background to the workshop and opening remarks",
        "Peter Wright | Session 2: • “Open data” in hydrology",
        "09:20 – 09:35 | Regional Overview of Examplia’s Rivers | Dr Quill",
        "Start End | Co-working session",
    ]
    speakers = speakers_in(extractor, "\n\n".join(["Programme", *rows]) + "\n")
    assert set(speakers) == {"Ana Lima", "Peter Wright", "Quill"}
    assert {found.organisation for found in speakers.values()} == {None}
    assert speakers["Quill"].role == "presenter"


def test_a_name_in_brackets_after_a_company_works_there(extractor) -> None:
    text = "Entrepreneurship panel\n• Blue Kayak Tours (Mr. Sione Vake)\n• Ocean Print House (Mrs. Lupe Tau)\n"
    assert speakers_in(extractor, text)["Sione Vake"].organisation == "Blue Kayak Tours"


def test_contacts_headings_and_talk_titles_are_not_people(extractor) -> None:
    text = (
        "Presentation: Population Cohort Studies\n"
        "Location: Lakeside Hotel, Kampala, Uganda\n"
        "Location: 1st Floor Lobby, East Village\n"
        "Location: Domestic Departures (Terminals A, B, C & E)\n"
        "COP30 | Solutions Conference | Blue Zone | Belém, Brazil\n\n"
        "Media enquiries: Tom Reed (Ministerial) 0400 000 000\n"
    )
    assert speakers_in(extractor, text) == {}


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # "Vaccine Supply Chain and Logistics Update for ..." runs on in lower-case words: a title, not a list of
        # names, so the name in the next cell is the only one in the row
        pytest.param(
            "Programme\n\n12:20 – 12:45 | Vaccine Supply Chain and Logistics Update for Member States | Timothy Ikeh\n\n"
            "12:45 – 13:45 | Lunch Break | All Participants\n",
            {"Timothy Ikeh"}, id="a talk title the NER starts with a name",
        ),
        # the label stands on a line of its own; each contact's own line names no cue, and an e-mail comes late in it
        pytest.param(
            "The event was opened by Ms Ana Ferreira, Director, Harbour Institute.\n\n"
            "For further information, please contact:\nRui Sousa, Summit Secretariat, sousa@example.org, Tel. +1 917 783 9336\n"
            "Paulo Porto, Summit Secretariat, porto@example.org\n\nMore information:\nMaria Costa, Jonas Weber\nInformation department\n",
            {"Ana Ferreira"}, id="the block under a contact label",
        ),
        # a room of a programme's header and an address's floor are tagged PERSON; no one's name has a number
        pytest.param(
            "Time | Muyenga 1 | Muyenga 2\n10:30 | Ana Ferreira, Harbour Institute | Rui Sousa, Examplia Agency\n\n"
            "A reception follows at the Permanent Mission of Examplia, 885 2nd Ave, Floor 19, bet 47th & 48th Sts.\n",
            {"Ana Ferreira", "Rui Sousa"}, id="a name with a number in it",
        ),
    ],
)
def test_only_the_people_a_layout_names_are_speakers(extractor, text: str, people: set[str]) -> None:
    assert set(speakers_in(extractor, text)) == people


def test_a_topic_before_its_lecturer_in_brackets_is_no_person(extractor) -> None:
    """A course's timetable and a list of definitions: capitalised topic words ("Data", "Networks", "Act") are no
    one's name."""
    text = (
        "Monday\n09:30 - 11:00 Data Visualisation (Ana Lima) Lab\n11:00 - 11:30 Coffee break\n"
        "13:30 - 15:00 Artificial Neural Networks (Rui Sousa) Lab\n\n"
        "* 5 - Managed Data Assets: Enterprise Level.\n* 1 - Identifiable Data: Object level.\n\n"
        "- Data Protection Act (Examplia), 2019\n\n**Option A:**\nKeep the registry as it is.\n"
    )
    assert speakers_in(extractor, text).keys() <= {"Ana Lima", "Rui Sousa"}


def test_list_items_with_particles_plural_looking_surnames_and_asides(extractor) -> None:
    text = (
        "Panel\n"
        "• Omar al-Rashid, Minister of Water, Jordan\n"
        "• Paul Simons, Deputy Executive Director, Harbour Energy Agency (HEA)\n"
        "• Rita Owens, Executive Director, Blue Current Foundation [invited]\n"
    )
    speakers = speakers_in(extractor, text)
    assert set(speakers) == {"Omar al-Rashid", "Paul Simons", "Rita Owens"}
    assert speakers["Rita Owens"].organisation == "Blue Current Foundation"


def test_a_labelled_slot_lists_several_people_each_with_an_affiliation(extractor) -> None:
    text = "Side event\n\nSpeakers: Ana Lima (Harbour Institute), Rui Sousa (Fjord University) and Kai Brandt, Director, Blue Current Foundation\n"
    speakers = speakers_in(extractor, text)
    assert {name: s.organisation for name, s in speakers.items()} == {
        "Ana Lima": "Harbour Institute", "Rui Sousa": "Fjord University", "Kai Brandt": "Blue Current Foundation"
    }


def test_programme_rows_a_pdf_ran_together_each_name_a_person_with_the_affiliation_in_brackets(extractor) -> None:
    """A PDF runs a programme's rows into one line: every name with its affiliation in brackets before a talk's title
    or the next entry is a speaker, after an activity label too; a body before its acronym is no one."""
    text = (
        "9:10 9:30 Introduction: Ana Lima (Harbour Institute), Kai Brandt (Delta Agency)\n"
        "9:30 9:50 Rosa Quill (Examplia Ports): Tracking ships by satellite 9:50 10:10 Tomás Varga (Ruritania "
        "Water Board) – Forecasting floods in the delta basin Mina Park (KU Examplia) – Soil moisture from space\n"
        "The University of the South Examplia (USE) – Development Partners Forum met on Monday.\n"
    )
    speakers = speakers_in(extractor, text)
    assert set(speakers) == {"Ana Lima", "Kai Brandt", "Rosa Quill", "Tomás Varga", "Mina Park"}
    assert speakers["Tomás Varga"].organisation == "Ruritania Water Board"
    assert speakers["Mina Park"].organisation == "KU Examplia"


def test_a_person_entity_run_into_the_brackets_ends_at_the_bracket(extractor) -> None:
    """The NER can run "Marta Costa-Reis (Skyroute" together: the bracket ends the name, the hyphen does not."""
    doc = extractor.nlp("Programme\n\n10:00 | 10:20 | Marta Costa-Reis (Skyroute): Flight planning in practice\n")
    start = next(t.i for t in doc if t.text == "Marta")
    doc.ents = [Span(doc, start, start + 6, label="PERSON")]
    doc.user_data.clear()  # what the readers found on the first pass, the entities among it
    speakers = {m.name.text: m for m in extractor.nlp.get_pipe("speaker_attribution")(doc)._.speakers}
    assert list(speakers) == ["Marta Costa-Reis"]
    assert speakers["Marta Costa-Reis"].organisation_text == "Skyroute"


def test_a_list_of_participants_is_no_list_of_speakers_but_completes_them(extractor) -> None:
    text = (
        "Dr Rui Sousa presented the new question banks.\n\n"
        "List of participants\n\n"
        "- Dr Ana Lima, Harbour University, Kenya\n"
        "- Dr Rui Sousa, Examplia Institute of Technology, Kenya\n"
    )
    speakers = speakers_in(extractor, text)
    assert {name: (s.organisation, s.role) for name, s in speakers.items()} == {
        "Rui Sousa": ("Examplia Institute of Technology", "presenter"),
    }


def test_a_name_filling_a_timed_programme_line_has_that_slot(extractor) -> None:
    """"09.30 10.00 NAME" and "11:15 | NAME | talk": the time says the line is the programme's, so the name beside it
    presents, with no column header or talk noun; a name-like title cut out of an aside by a "|" does not."""
    text = (
        "Friday, November 18\n\n"
        "09.30 10.00 Teresa Halloran\n\n"
        "10.00 10.30 David Okafor\n\n"
        "11:15 | Roisin Achterberg | Coastal pottery kilns of the Iron Age\n\n"
        "11:45 | Clay sources | Bruno Castellanos (Ceramist | Graphic Designer | Potter)\n\n"
        "12.15 13.00 Lunch break"
    )
    speakers = speakers_in(extractor, text)
    assert set(speakers) == {"Teresa Halloran", "David Okafor", "Roisin Achterberg", "Bruno Castellanos"}
    assert {speakers[name].role for name in ("Teresa Halloran", "David Okafor", "Roisin Achterberg")} == {"presenter"}


def test_names_opening_a_line_up_to_a_quoted_title_or_quoted_words_are_people(extractor) -> None:
    """"NAME and NAME, “Talk title”" (a paper's authors in a programme) and "NAME, "words"" (a panel's notes): the
    quote after the comma makes the words before it names, whatever the NER tags them; a name alone on a line,
    or a quoted title after something else, does not."""
    text = (
        "Workshop 3: Privacy Tools\n\n"
        "Teodora Vlasceanu and Ruairi Okonkwo, “Access control in shared workspaces”\n\n"
        "Ingrid Halvorsen, “Context and privacy in mobile services”\n\n"
        'Bartholomew Achterberg, "We are less safe now than before, and the question is what now."\n\n'
        "Coffee break, “Meet the sponsors”\n\n"
        "Lunch"
    )
    speakers = speakers_in(extractor, text)
    assert set(speakers) == {"Teodora Vlasceanu", "Ruairi Okonkwo", "Ingrid Halvorsen", "Bartholomew Achterberg"}
    assert all(found.organisation is None for found in speakers.values())


def test_letters_after_a_name_are_not_part_of_it(extractor) -> None:
    """Post-nominals (`speaker_cues.json` `post_nominals`), with or without dots: "AO", "M.P.", "KCMG"."""
    text = (
        "Chair: Jillian Broadbent AO, Chair of the Clean Energy Finance Corporation\n\n"
        "Mr. David Okafor M.P., Chairman, Parliamentary Standing Committee on Environment, spoke at the event.\n\n"
        "The session was chaired by Sir John Smith KCMG, former Ambassador."
    )
    assert set(speakers_in(extractor, text)) == {"Jillian Broadbent", "David Okafor", "John Smith"}


def test_an_institution_whose_name_opens_with_its_kind_is_no_person(extractor) -> None:
    """"Politecnico di X", "Università di X": the institution word leads in Italian, French, Indonesian... names."""
    text = (
        "Programme\n\n14:00 – | Dr Paolo Sorrento | Session #4: AI for BCI with | TR14\n\n"
        "15:30 | Politecnico di Examplia, Italy | applications\n\n"
        "16:10 | Alma Mater Studiorum\n\nUniversità di Examplia, Italy\nwith\nDr Giuseppe Spina\n"
    )
    names = set(speakers_in(extractor, text))
    assert {"Paolo Sorrento", "Giuseppe Spina"} <= names
    assert not names & {"Politecnico di Examplia", "Università di Examplia"}


@pytest.mark.parametrize(
    ("row", "organisations"),
    [
        # a description stops where the next item opens: a name with its own description, or a role's label
        ("11:00 | Rivers | Rivers and health co-benefits | Delfina Marquette, EXWA; Tobiah Wexford, HRPA",
         {"Delfina Marquette": "EXWA", "Tobiah Wexford": "HRPA"}),
        ("11:30 | Closing | Ms. Rosa Quill, Director, Examplia Coastal Trust; Keynote Panel: Dr. Ana Lima, Lecturer, "
         "Examplia University", {"Rosa Quill": "Examplia Coastal Trust"}),
    ],
)
def test_a_description_stops_where_the_next_item_of_a_cell_opens(extractor, row: str, organisations: dict[str, str]) -> None:
    """Ingest joins the lines of a table cell with "; "; a description does not run into the next item."""
    speakers = speakers_in(extractor, row + "\n")
    assert {name: speakers[name].organisation for name in organisations} == organisations


def test_names_a_label_lists_after_commas_are_each_a_person(extractor) -> None:
    """ "Chairmen: A. Okafor, T. Berg": a part after a comma that the NER tags as a person and that opens with a
    given name or an initial is the next item, not the first person's institution; "NAME, Schneider Electric"
    keeps its company."""
    text = (
        "Session 4: Theory of plasma transport\nChairmen: A. Okafor, T. Berg\n\n"
        "Session 5: Practice\nChairs: Lena Ortiz, Tomas Berg\n\nSpeakers\n- Olivier Blum, Schneider Electric\n"
    )
    found = speakers_in(extractor, text)
    assert {name: (f.organisation, f.role) for name, f in found.items()} == {
        "A. Okafor": (None, "chair"), "T. Berg": (None, "chair"), "Lena Ortiz": (None, "chair"),
        "Olivier Blum": ("Schneider Electric", "speaker"),
    }
