"""The shared field classifier: what a description's parts are (title, organisation, unit, country).

Invented descriptions, read through the pipeline so the NER's entities are there as in a real document.
"""

from __future__ import annotations

import pytest

from pipeline import SpeakerMatch
from pipeline.speakers.fields import bare_organisation


def described(extractor, description: str) -> SpeakerMatch:
    (match,) = extractor.nlp(f"Panellists:\n- Ms. Ana Lima, {description}\n")._.speakers
    return match


@pytest.mark.parametrize(
    ("description", "title", "organisation"),
    [
        ("Director-General of the Harbour Survey Authority", "Director-General", "Harbour Survey Authority"),
        ("Speaker of the Legislative Assembly", "Speaker", "Legislative Assembly"),
        ("head of the Examplian Agency for Renewable Energy and Energy Efficiency", "head", "Examplian Agency for Renewable Energy and Energy Efficiency"),
        ("Co-Chair of UN-GGIM", "Co-Chair", "UN-GGIM"),
        ("Harbour Data Network Steering Group Co-Chair", "Steering Group Co-Chair", "Harbour Data Network"),
        ("director of BlueHarbour", "director", "BlueHarbour"),
        ("Department of Fisheries Assistant Secretary for the Bureau of Coastal Affairs", "Assistant Secretary for the Bureau of Coastal Affairs", "Department of Fisheries"),
        ("EWA’s West Coast Director", "West Coast Director", "EWA"),
        ("the Harbour Survey Authority’s Chief Hydrographer", "Chief Hydrographer", "Harbour Survey Authority"),
        ("EXU-AP Regional Director", "Regional Director", "EXU-AP"),
        ("HDN-AP Co-chair", "Co-chair", "HDN-AP"),
        ("EXU Principal", "Principal", "EXU"),
        # no comma between the title and the body
        ("Country Director Harbour Aid International", "Country Director", "Harbour Aid International"),
        ("Chief Executive Officer Harbour Bank", "Chief Executive Officer", "Harbour Bank"),
        ("CEO - HDFT", "CEO", "HDFT"),
        ("CEO-HDFT", "CEO", "HDFT"),  # a hyphen for the dash
        ("Managing Director Harbour Shipping Group", "Managing Director", "Harbour Shipping Group"),  # the body's own word last
        ("Executive Director (EUBG)", "Executive Director", "EUBG"),
        ("UN Development Programme (UNDP)", None, "UNDP"),
        ("Deputy Vice-Chancellor (Research)", "Deputy Vice-Chancellor (Research)", None),
        # French, Spanish and Portuguese titles, linked to their body by "de", "del", "d’", "de l’"
        ("Directeur Général de l’Institut Examplien des Transports", "Directeur Général", "Institut Examplien des Transports"),
        ("Directrice Générale d’EXAFER Maroc", "Directrice Générale", "EXAFER Maroc"),
        ("Directora del Instituto Examplio de Biodiversidad", "Directora", "Instituto Examplio de Biodiversidad"),
        ("Coordenadora da Universidade de Examplia", "Coordenadora", "Universidade de Examplia"),
    ],
)
def test_a_title_and_the_body_it_belongs_to(extractor, description: str, title: str, organisation: str) -> None:
    match = described(extractor, description)
    assert (match.title, match.organisation_text) == (title, organisation)


@pytest.mark.parametrize(
    "description",
    ["Under-Secretary-General and Emergency Relief Coordinator", "Harbour’s Pro Vice-Chancellor for Research", "Vice-Minister of Energy"],
)
def test_a_title_of_hyphenated_words_is_no_body(extractor, description: str) -> None:
    """A title word inside a compound ("Under-Secretary-General", "Vice-Chancellor") makes the field a title."""
    assert described(extractor, description).organisation_text is None


def test_an_editor_in_chief_leads_the_publication_named_after_of(extractor) -> None:
    match = described(extractor, "editor-in-chief of the Harbour Times")
    assert (match.title, match.organisation_text) == ("editor-in-chief", "Harbour Times")


def test_a_field_of_work_before_a_title_is_no_body(extractor) -> None:
    """"ML Engineer" names what they work on; only a title that leads ("EXU Principal") makes the acronym a body."""
    match = described(extractor, "ML Engineer")
    assert (match.title, match.organisation_text) == ("ML Engineer", None)


def test_a_programme_item_gives_the_body_and_its_head_in_brackets(extractor) -> None:
    text = "Opening Ceremony\n• Prayer: Rev. Ana Lima (EXU Principal)\n• Welcome Address: Ms. Rosa Quill, Examplia Women’s League\n"
    (lima,) = [match for match in extractor.nlp(text)._.speakers if match.name.text == "Ana Lima"]
    assert (lima.title, lima.organisation_text) == ("Principal", "EXU")


def test_a_ministers_portfolio_is_not_a_body(extractor) -> None:
    match = described(extractor, "Minister of Health, Chile")
    assert (match.title, match.organisation_text, match.country) == ("Minister of Health", "Ministry of Health", "CHL")


@pytest.mark.parametrize(
    ("sentence", "organisation", "country"),
    [
        ("Ms. Ana Lima, representing Kenya’s Ministry of Energy, said the grid must grow.", "Ministry of Energy", "KEN"),
        ("Dr. Ana Lima, speaking on behalf of the African Union, closed the session.", "African Union", None),
        ("Dr. Ana Lima, Director, Ghana’s Environmental Protection Agency, closed the session.", "Environmental Protection Agency", "GHA"),
        ("Col. Ana Lima, Chief of Staff, Zambia Air Force, said the visit went well.", "Zambia Air Force", "ZMB"),
        ("Ms. Ana Lima, First Secretary, Royal Thai Embassy, said the talks went well.", "Royal Thai Embassy", "THA"),
    ],
)
def test_whom_a_person_represents_and_a_states_body(extractor, sentence: str, organisation: str, country: str | None) -> None:
    (match,) = extractor.nlp(sentence)._.speakers
    assert (match.organisation_text, match.country) == (organisation, country)


@pytest.mark.parametrize(("place", "country"), [("Tonga", None), ("Brazil", "BRA")])
def test_a_national_bodys_short_acronym_stands_for_it_only_where_its_country_is_named(extractor, place, country) -> None:
    """The gazetteer's "ABC" is Brazil's cooperation agency; in a text about Tonga it is someone else."""
    extraction = extractor.extract_text(f"Youth symposium, {place}\n\nSpeakers:\n- Mrs. Ana Lima, ABC Pacific Coordinator\n")
    (speaker,) = extraction.speakers
    assert speaker.country == country


def test_a_body_named_after_its_parent_keeps_its_own_name(extractor) -> None:
    """"ECOWAS Centre for ... (ECREEE)" is the centre, not ECOWAS."""
    match = described(extractor, "Executive Director, ECOWAS Centre for Renewable Energy and Energy Efficiency (ECREEE)")
    assert match.organisation_text == "ECOWAS Centre for Renewable Energy and Energy Efficiency (ECREEE)"


def test_a_title_abbreviation_is_a_title(extractor) -> None:
    match = described(extractor, "PR, Permanent Mission of Chile")
    assert match.title == "PR"


@pytest.mark.parametrize(
    ("sentence", "name", "organisation"),
    [
        ("Mr. Tomas Berg, CEO of Fjordline, Inc., joined the panel.", "Tomas Berg", "Fjordline, Inc."),
        ("Dr. Ama Owusu, an economist from the Harbour Policy Institute (HPI), emphasised the costs.", "Ama Owusu", "Harbour Policy Institute"),
        ("“We are delighted,” said Rui Sousa, HDN Co-Chair. “The data are open.”", "Rui Sousa", "HDN"),
        ("Matthew Agar, from the Cambridge Harbour Institute for Public Policy, told us how it works.", "Matthew Agar", "Cambridge Harbour Institute for Public Policy"),
        ("‘Without data’, explained Nathalie Seddon from the Oxford Nature-Based Solutions Initiative, ‘we guess’.", "Nathalie Seddon", "Oxford Nature-Based Solutions Initiative"),
        ("The panel (moderated by Chiara Petri from Università degli Studi di Examplia La Sapienza) went well.", "Chiara Petri", "Università degli Studi di Examplia La Sapienza"),
        ("The panel (moderated by Chiara Petri from the Instituto de Pesquisas da Amazônia Examplia) went well.", "Chiara Petri", "Instituto de Pesquisas da Amazônia Examplia"),
        # what kind of body it is, between the title and the name
        ("Mr. Tomas Berg, CEO of transit technology company Fjordline, argued for pricing.", "Tomas Berg", "Fjordline"),
        ("Ms. Ana Lima, founder of the fintech start-up Paymo, said banks must change.", "Ana Lima", "Paymo"),
        ("Dr. Rui Sousa, chief economist at the investment bank Harbour Capital, agreed.", "Rui Sousa", "Harbour Capital"),
        ("Insights came from Mr. Ivo Kranjc, CEO of multinational manufacturer and energy distributor Elnor.", "Ivo Kranjc", "Elnor"),
        # an employer after "with" is no second person
        ("The last panellist, Mr. Jean-Pierre Morel, deputy manager with Suez Environnement, discussed waste.", "Jean-Pierre Morel", "Suez Environnement"),
    ],
)
def test_the_organisation_after_a_title_in_prose(extractor, sentence: str, name: str, organisation: str) -> None:
    matches = {m.name.text: m for m in extractor.nlp(sentence)._.speakers}
    assert matches[name].organisation_text == organisation


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        ("Ms. Ana Lima, President of Côte d’Ivoire, opened the talks.", "CIV"),
        ("Ms. Ana Lima, President of Côte d'Ivoire, opened the talks.", "CIV"),
    ],
)
def test_a_state_after_of_is_read_whatever_its_apostrophe(extractor, sentence: str, country: str) -> None:
    (match,) = extractor.nlp(sentence)._.speakers
    assert match.country == country


@pytest.mark.parametrize(
    ("description", "organisation", "unit"),
    [
        ("Directorate-General for Migration and Home Affairs, European Commission", "European Commission", "Directorate-General for Migration and Home Affairs"),
        ("Director, Directorate-General for Regional and Urban Policy, EU Commission", "EU Commission", "Directorate-General for Regional and Urban Policy"),
    ],
)
def test_a_known_unit_then_its_parent_gives_the_parent(extractor, description: str, organisation: str, unit: str) -> None:
    """The registry knows the parent: the person speaks for it, not for its directorate."""
    match = described(extractor, description)
    assert (match.organisation_text, match.unit) == (organisation, unit)


def test_units_after_a_known_body_are_its_units(extractor) -> None:
    """"US EPA, ORD/NHEERL": the body the registry knows comes first, the office and laboratory after it are its."""
    match = described(extractor, "US EPA, ORD/NHEERL")
    assert (match.organisation_text, match.country) == ("US EPA", "USA")


@pytest.mark.parametrize(("description", "country"), [
    ("Senior in High School, youth advocate for a socially just society (Canada)", "CAN"),
    ("Consultant and lecturer in sustainable development (Bosnia and Herzegovina)", "BIH"),
    ("Chair, Harbour Climate Council (Iceland)", "ISL"),
])
def test_a_country_in_brackets_closing_a_description_is_the_persons(extractor, description: str, country: str) -> None:
    match = described(extractor, description)
    assert match.country == country
    assert "(" not in f"{match.title} {match.organisation_text}"


def test_a_unit_at_a_larger_body_gives_the_body(extractor) -> None:
    match = described(
        extractor,
        "session speaker and a member of the modelling group in the Coastal Systems Analysis Center at the Examplia "
        "Harbour Research Laboratory (EHRL)",
    )
    assert match.organisation_text == "Examplia Harbour Research Laboratory"


def test_a_portfolio_list_cut_at_commas_stays_one_ministry(extractor) -> None:
    match = described(extractor, "Vice Minister of Ministry of Land, Infrastructure, Transport and Tourism (MLIT), Japan")
    organisation = (match.organisation_text or "").removesuffix(" (MLIT)")  # the acronym is the body's alias either way
    assert (organisation, match.country) == ("Ministry of Land, Infrastructure, Transport and Tourism", "JPN")


@pytest.mark.parametrize(
    ("description", "title", "country"),
    [
        ("Minister of the Environment, Coasts and Marine Affairs, Chile", "Minister of the Environment, Coasts and Marine Affairs", "CHL"),
        ("Minister of Energy, Water and Climate, Ghana", "Minister of Energy, Water and Climate", "GHA"),
        ("Minister for Climate, Energy and Water of Ghana", "Minister for Climate, Energy and Water of Ghana", "GHA"),
    ],
)
def test_a_titles_portfolio_list_cut_at_commas_is_no_body(extractor, description: str, title: str, country: str | None) -> None:
    """"Coasts and Marine Affairs" goes on with the title's list of portfolios: it names no institution."""
    match = described(extractor, description)
    assert match.title == title
    assert match.organisation_text is None or match.organisation_text.startswith("Ministry of")
    assert match.country == country


def test_a_portfolio_list_with_a_serial_comma_stays_in_the_title(extractor) -> None:
    text = "Ms Ana Lima, Minister of Planning, Economic Development, and International Cooperation, Ghana, said the plan works."
    (match,) = extractor.nlp(text)._.speakers
    assert match.title == "Minister of Planning, Economic Development, and International Cooperation"
    assert match.country == "GHA"


def test_a_country_before_a_title_and_a_state_title_beside_an_international_body(extractor) -> None:
    assert described(extractor, "Australia High Commissioner to Tonga").country == "AUS"
    match = extractor.nlp("Chile | Ines Varga | PR; ECOSOC President\n\nThank you, Chair. We support it.\n")._.speakers[0]
    assert match.country == "CHL"


def test_a_university_and_its_institute_written_with_a_possessive(extractor) -> None:
    match = described(extractor, "director of Energy Pathways at UC Lakeside’s Institute of Transport Studies")
    assert (match.organisation_text, match.unit) == ("UC Lakeside", "Institute of Transport Studies")


@pytest.mark.parametrize(
    "description",
    [
        "Head of the Line on Inventories, Taxonomy and Species Biology at HARBIO in Colombia and Harbour Node Manager",
        "Researcher at HARBIO in Colombia",
    ],
)
def test_where_a_title_list_is_held_is_read_as_for_one_title(extractor, description: str) -> None:
    match = described(extractor, description)
    assert (str(match.organisation), match.country) == ("HARBIO", "COL")


def test_an_organisation_keeps_no_link_word_at_its_edges(extractor) -> None:
    """"NAME of the X Office" read across a line break left "of the" in front of the body."""
    text = (
        "<p>\n  A panel chaired by Jim Baker of the Examplia Growers Association will look at\n"
        "  issues surrounding land use. Panelists will include Bill Lane of the Big River\n"
        "  Land Trust, Bob Reyes of the Lakeside County Agricultural Commissioner's\n"
        "  Office, Amy Wong of Landwatch Lakeside County, and Ben Lind, local grower."
    )
    reyes = next(s for s in extractor.extract_text(text).speakers if s.name == "Bob Reyes")
    assert reyes.organisation == "Lakeside County Agricultural Commissioner's Office"


@pytest.mark.parametrize(
    ("description", "organisation", "unit"),
    [
        # descriptions run from small to large: a proper name after a unit is the body the unit belongs to
        ("Senior Counsel, Technology Transaction Group, Perrin Marsh", "Perrin Marsh", "Technology Transaction Group"),
        ("Vice President, Coffee & Cocoa Sustainability, Brindle Lamport", "Brindle Lamport", "Coffee & Cocoa Sustainability"),
        # after an institution, or as a role, the last field is no larger body
        ("Principal, Examplia Model College, Harbour Town", "Examplia Model College", None),
        ("Director, Coffee & Cocoa Sustainability, Moderator", "Coffee & Cocoa Sustainability", None),
    ],
)
def test_a_proper_name_closing_a_description_is_the_larger_body(extractor, description: str, organisation: str, unit: str | None) -> None:
    match = described(extractor, description)
    assert (match.organisation_text, match.unit) == (organisation, unit)


@pytest.mark.parametrize(
    ("organisation", "first"),
    [
        ("EXU/HRPA", "EXU"),
        ("Brindlecorp/EXWA", "Brindlecorp"),
        ("EXU – HRPA", "EXU"),
        ("Harbour University / EXWA", "Harbour University"),
        ("Ministry of Health/Nutrition", "Ministry of Health/Nutrition"),  # a portfolio, not a second body
        ("Climate and Nature/Energy Division", "Climate and Nature/Energy Division"),  # units
        ("Examplia/Otherland", "Examplia/Otherland"),
    ],
)
def test_two_affiliations_in_one_field_give_the_first(extractor, organisation: str, first: str) -> None:
    assert extractor.nlp.get_pipe("speaker_attribution").fields.first_affiliation(organisation) == first


@pytest.mark.parametrize("description", ["President, eHarbourGlobal", "Founder, iRiver Labs"])
def test_a_brand_written_with_a_lower_case_prefix_is_a_body(extractor, description: str) -> None:
    assert described(extractor, description).organisation_text == description.split(", ")[1]


def test_a_bracket_opened_before_the_name_is_not_the_organisations(extractor) -> None:
    text = "Talk: Rivers and reservoirs (Ana Pereira, Delta Water Institute)\n"
    assert [m.organisation_text for m in extractor.nlp(text)._.speakers] == ["Delta Water Institute"]


def test_a_speaker_with_two_affiliations_in_brackets_speaks_for_the_first(extractor) -> None:
    (match,) = extractor.nlp("Speakers:\n- Ana Lima (EXU/HRPA)\n")._.speakers
    assert match.organisation_text == "EXU"


@pytest.mark.parametrize(("organisation", "bare"), [
    ("Jocata and", "Jocata"),
    ("National Assembly of the", "National Assembly"),
    ("of the Big River Land Trust", "Big River Land Trust"),
    ("The Bar Association of Examplia", "The Bar Association of Examplia"),  # a name may open with "The"
    ("And", "And"),  # never emptied
    ("un", None),  # Spanish "un" the NER took for the UN: a body's name has a capital letter
    ("2i2c", "2i2c"),  # or a digit
    ("Delta Institute)", "Delta Institute"),  # "Talk title (NAME, Delta Institute)": the bracket opened before the name
    ("(Delta Institute", "Delta Institute"),
    ("Delta Institute (DI)", "Delta Institute (DI)"),  # its own brackets stay
])
def test_bare_organisation(organisation: str, bare: str | None) -> None:
    assert bare_organisation(organisation) == bare


@pytest.mark.parametrize("text", ["Lightning Talks", "Welcome Address", "TECH TALK", "Lecture 2", "Breakout Sessions"])
def test_an_activity_is_no_ones_name(extractor, text: str) -> None:
    """A programme's activities are written like names ("Lightning Talks" under a time, as "Ana Lima" is); a word of
    `activity_nouns`, singular or plural, makes the words no person's."""
    fields = extractor.nlp.get_pipe("speaker_attribution").fields
    doc = extractor.nlp(f"10:30 {text}")
    assert not fields.is_name(doc[1:])
    assert fields.is_name(extractor.nlp("10:30 Rui Sousa")[1:])


@pytest.mark.parametrize(("line", "organisation"), [
    ("Rui Sousa, Director, Compliance and Enforcement, Equal Chances Commission", "Equal Chances Commission"),
    ("Rui Sousa, Head of Climate and Nature, Examplia Seeds Group", "Examplia Seeds Group"),
    ("Ana Lima, Minister, Ministry of Health, Labour and Welfare, Japan", "Ministry of Health, Labour and Welfare"),
])
def test_a_comma_the_ner_ran_a_unit_across_still_parts_it_from_the_body(extractor, line, organisation) -> None:
    """The NER tags "Compliance and Enforcement, Equal Chances Commission" ORG whole. What follows the comma names a
    body by itself, so the comma parts two fields; a portfolio list after one ("..., Labour and Welfare") does not."""
    (match,) = extractor.nlp(f"The speakers were:\n{line}\n")._.speakers
    assert match.organisation_text == organisation


@pytest.mark.parametrize(
    ("description", "organisation"),
    [
        ("Director, Zorblat & Zorblat Foundation", "Zorblat"),  # two affiliations: the first is whom they speak for
        ("Director, Examplia Institute + Otherland Research Foundation", "Examplia Institute"),
        ("Director, Ministry of Trade & Industry", "Ministry of Trade & Industry"),  # one name with "&" inside
        ("Director, Bill & Melinda Gates Foundation", "Bill & Melinda Gates Foundation"),  # a name the gazetteer knows
    ],
)
def test_the_first_of_two_affiliations_joined_by_a_sign(extractor, description: str, organisation: str) -> None:
    assert described(extractor, description).organisation_text == organisation


@pytest.mark.parametrize(
    ("description", "title", "organisation"),
    [
        ("Director, Harbour Robotics: What We Learned from Ten Mines", "Director", "Harbour Robotics"),  # a talk after it
        ("Harbour Robotics: Product Manager", "Product Manager", "Harbour Robotics"),  # the title after it
    ],
)
def test_a_colon_ends_the_organisation(extractor, description: str, title: str, organisation: str) -> None:
    match = described(extractor, description)
    assert (match.title, match.organisation_text) == (title, organisation)
