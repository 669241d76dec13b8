"""Typed relations from cooperation statements, with their evidence, on the seed and the sample PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import Extraction, Extractor
from pipeline.discourse import ActorMention, plain_discourse
from pipeline.relations import BASELINES, DEFAULT_FINDER, FINDERS, relation_finder


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
    raw = Path(seed_extraction.document.source).read_text(encoding="utf-8")
    for relation in seed_extraction.relations:
        assert " ".join(raw[relation.start : relation.end].split()) == " ".join(relation.evidence.split())
        assert 0.0 < relation.confidence <= 1.0


# ------------------------------------------------------------------------------------------- parse rules
@pytest.mark.parametrize(("text", "expected"), [
    ("The project was implemented jointly by the ILO and the WHO.", {("org:ilo", "joint_implementation", "org:who")}),
    ("The project that China supported in Cambodia and Viet Nam was a success.",
     {("country:CHN", "support", "country:KHM"), ("country:CHN", "support", "country:VNM")}),
    ("The meeting encouraged exchanges between Ghana and Kenya.", {("country:GHA", "exchange", "country:KEN")}),
    ("She described the ILO-Luxembourg cooperation in health.", {("country:LUX", "cooperation", "org:ilo")}),
    ("Norway has a long partnership with UNICEF.", {("country:NOR", "cooperation", "org:unicef")}),
    ("Japan provides technical assistance to Nepal.", {("country:JPN", "support", "country:NPL")}),
    ("Brazil joined the International Labour Organization in 1950.", {("country:BRA", "membership", "org:ilo")}),
    ("Kenya is a member of the African Union.", {("country:KEN", "membership", "org:au")}),
    ("Ghana and Togo signed a memorandum of understanding on trade.", {("country:GHA", "agreement", "country:TGO")}),
    ("A memorandum of understanding between Chile and Peru was signed.",
     {("country:CHL", "agreement", "country:PER")}),
    ("The workshop was co-organised by UNDP and UNEP.", {("org:undp", "joint_implementation", "org:unep")}),
    ("The FAO Regional Office and UNICEF organized a seminar on nutrition.",  # an office stands for its institution
     {("org:fao", "joint_implementation", "org:unicef")}),
    (("The Chair expressed gratitude to the Governments of Australia and New Zealand for continuing to be strong "
      "partners of UNESCO."), {("country:AUS", "cooperation", "org:unesco"), ("country:NZL", "cooperation", "org:unesco")}),
    ("UNFPA Director Dr Paul Arden said they were satisfied with their partnership with UNESCO.",
     {("org:unfpa", "cooperation", "org:unesco")}),
    ("A study in Türkiye was completed with the support of the Government of Norway.",
     {("country:NOR", "support", "country:TUR")}),
    ("The University of the South Pacific thanked donors. Japan has been a strong supporter of the University.",
     {("country:JPN", "support", "org:usp")}),
    ("Japan provided a grant of USD 5 million to Nepal for schools.", {("country:JPN", "support", "country:NPL")}),
    ("The delegation underscored Japan’s commitment to Fiji through new initiatives.",  # a donor's commitment
     {("country:JPN", "support", "country:FJI")}),
    ("The two countries, Ghana and Kenya, agreed to strengthen bilateral cooperation in trade.",
     {("country:GHA", "cooperation", "country:KEN")}),
    ("The Minister of Foreign Affairs of Ghana met with the Ambassador of Japan to discuss bilateral cooperation.",
     {("country:GHA", "cooperation", "country:JPN")}),
    ("The conference was hosted by the Government of Indonesia with support from the World Bank.",
     {("org:world-bank", "support", "country:IDN")}),
    ("The workshop, organised by UNEP with the financial support of the European Union, gathered experts.",
     {("org:eu", "support", "org:unep")}),
    ("Ghana thanked Japan for its continued support.", {("country:JPN", "support", "country:GHA")}),
    ("Ghana expressed its gratitude to Japan for its support.", {("country:JPN", "support", "country:GHA")}),
    ("Ghana thanked Japan for supporting the project.", {("country:JPN", "support", "country:GHA")}),
    ("Ghana thanked Japan for supporting Fiji.", {("country:JPN", "support", "country:FJI")}),
    ("Ana Lima, Director of Programmes at FAO, noted that her organisation works closely with UNDP on food security.",
     {("org:fao", "cooperation", "org:undp")}),
    ("Ana Lima, FAO, explained that her agency had signed a memorandum of understanding with IFAD.",
     {("org:fao", "agreement", "org:ifad")}),
    ("Ana Lima, FAO, said that her daughter works with UNDP.", set()),  # a person of hers is no institution
    ("Side event organised by UNDP, co-organised by the Government of Fiji and UNEP.\n\nThe forum opened.",
     {("org:undp", "joint_implementation", "country:FJI"), ("org:undp", "joint_implementation", "org:unep"),
      ("country:FJI", "joint_implementation", "org:unep")}),  # organisers on one line, after the event's name
    ("Workshop hosted by UNICEF\nPartners: FAO, IFAD\n\nThe forum opened.",  # a label's line is no heading
     {("org:unicef", "cooperation", "org:fao"), ("org:unicef", "cooperation", "org:ifad")}),
    (("Ms Ana Lima, Chairperson of the Examplia Council of Provinces, said: “Our country will continue to support "
      "the people of Kenya. Our council supports the Kenya Women Network.”"),  # "our country" is no council
     {("org:examplia-council-of-provinces", "support", "org:kenya-women-network")}),
    ("Ms Ana Lima, Minister of Health of Ghana, said: “Our country will continue to support the people of Kenya.”",
     {("country:GHA", "support", "country:KEN")}),
    (("UNDP and UNEP organised the workshop in Accra.\n\nCOMING MEETINGS\n\nThis conference is organized by "
      "the World Bank and will take place in Lima."), {("org:undp", "joint_implementation", "org:unep")}),
    ("The breakout group was co facilitated by Ireland and Kenya.",  # a hyphen the transcript lost
     {("country:IRL", "joint_implementation", "country:KEN")}),
    ("UNDP, together with UNEP and FAO, launched the initiative.",
     {("org:undp", "cooperation", "org:unep"), ("org:undp", "cooperation", "org:fao")}),
    ("UNEP will continue cooperation with FAO and the Scientific Committee of the WMO.",
     {("org:unep", "cooperation", "org:fao"), ("org:unep", "cooperation", "org:wmo")}),
    ("Ghana received a loan of USD 3 billion from the IMF.", {("org:imf", "support", "country:GHA")}),
    ("The University of Ghana obtained a grant from the Rockefeller Foundation.",
     {("org:rockefeller", "support", "org:university-of-ghana")}),
    # lists the parser gets wrong: a name folded into the next as its modifier, "the" opening an item's name
    ("The Harbour Institute and Fingal County Council signed a memorandum of understanding.",
     {("org:fingal-county-council", "agreement", "org:harbour-institute")}),
    ("The Harbour Institute, the Lakeside Foundation and the Ocean Research Council organised the workshop.",
     {("org:harbour-institute", "joint_implementation", "org:lakeside-foundation"),
      ("org:harbour-institute", "joint_implementation", "org:ocean-research-council"),
      ("org:lakeside-foundation", "joint_implementation", "org:ocean-research-council")}),
])
def test_parse_rules(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert typed(extractor.extract_text(text)) == expected


@pytest.mark.parametrize("text", [
    ("Delegates from France, Germany, Italy, Spain and Portugal attended the opening, which the Chair welcomed "
     "warmly before the discussion on climate finance."),
    "France and Germany attended the session on climate finance held in Brazil.",
    "The Japan International Cooperation Agency presented a report on Kenya.",  # a cue inside a name is no cue
    "The proposal is supported by Brazil, the European Parliament and the African Union.",  # not made jointly
    "PUB hosted members of the African Union.",  # hosting members makes no member
    "Austria, supported by the Netherlands, emphasized the need for sound methodologies.",  # a debating position
    "The meeting will convene from 10 to 12 March in Port of Spain, Trinidad and Tobago.",  # a venue is no support
])
def test_sharing_a_sentence_is_not_a_relation(extractor: Extractor, text: str) -> None:
    assert not extractor.extract_text(text).relations


def test_first_person_is_the_speakers_country(extractor: Extractor) -> None:
    text = ("Mr Liu Yuton, Director, Ministry of Human Resources and Social Security, China, said that the project "
            "was a success.\nHe added: \"We want to collaborate with the ILO on social protection.\"")
    assert ("country:CHN", "cooperation", "org:ilo") in typed(extractor.extract_text(text))


def test_confidence_by_how_the_ends_were_found(extractor: Extractor) -> None:
    direct = extractor.extract_text("The workshop was co-organised by UNDP and UNEP.").relations[0]
    borrowed = extractor.extract_text("Norway has a long partnership with UNICEF.").relations[0]
    assert direct.confidence > borrowed.confidence > 0


def test_cooccurrence_baseline_links_every_pair(extractor: Extractor) -> None:
    text = "France and Germany attended the session on climate finance held in Brazil."
    doc = extractor.nlp(text)
    actors = [ActorMention(f"country:{iso}", t.i, t.i + 1) for iso, t in zip(("FRA", "DEU", "BRA"),
                                                                             (doc[0], doc[2], doc[-2]))]
    discourse = plain_discourse(actors, doc)
    pairs = {(m.source, m.target) for m in relation_finder("cooccurrence")(doc, discourse)}
    assert pairs == {("country:DEU", "country:FRA"), ("country:BRA", "country:FRA"), ("country:BRA", "country:DEU")}
    assert not relation_finder("cues")(doc, discourse)


def test_unknown_relation_finder() -> None:
    with pytest.raises(ValueError, match="cooccurrence"):
        relation_finder("magic")
    assert set(BASELINES) == set(FINDERS) - {DEFAULT_FINDER}


def test_the_event_stands_for_its_organisers(extractor: Extractor) -> None:
    text = ("The FAO and the Committee on World Food Security organized the workshop in Amman.\n"
            "The workshop was held in collaboration with the World Food Programme.")
    relations = {(r.source, r.type, r.target): r.confidence for r in extractor.extract_text(text).relations}
    assert relations.keys() == {("org:fao", "joint_implementation", "org:cfs"), ("org:fao", "cooperation", "org:wfp"),
                                ("org:cfs", "cooperation", "org:wfp")}
    assert relations[("org:fao", "cooperation", "org:wfp")] < relations[("org:fao", "joint_implementation", "org:cfs")]



# ------------------------------------------------------------------------------------------- line breaks
@pytest.mark.parametrize(("text", "sentences"), [
    ("Singapore and Australia enjoy a close and strong\nrelationship.", 1),  # a lower-case continuation
    ("The talks were held between\nGhana and Kenya.", 1),  # a line ending on a preposition
    ("The handbook, titled “Digital Public Goods”\nwith India, is out.", 1),  # a closing quote ends no sentence
    ("Examplia hosted a side event titled\n“Oceans and Us” with Samoa.", 1),  # the name a participle gave goes on
    ("Panel on trade\nThe panel opened.", 2),  # a heading
    ("The panel opened.\nthen it closed.", 2),  # a full stop ends it whatever follows
    ("Speakers:\n- Ana Lima\n- Ben Ode", 3),  # list items
    ("The panel opened\n\nthen it closed.", 2),  # a blank line
])
def test_line_breaks_end_sentences_only_between_clauses(extractor: Extractor, text: str, sentences: int) -> None:
    assert len([s for s in extractor.nlp(text).sents if s.text.strip()]) == sentences


# ------------------------------------------------------------------------------------------- references
def test_both_countries_are_the_two_just_named(extractor: Extractor) -> None:
    text = ("On 28 July, the Minister of Singapore met Malaysia’s Deputy Minister for Agriculture.\n\n"
            "At the meeting, they discussed how both countries can learn from each other.")
    relations = extractor.extract_text(text).relations
    assert {(frozenset((r.source, r.target)), r.type) for r in relations} == {
        (frozenset({"country:SGP", "country:MYS"}), "exchange")}


def test_the_government_is_the_country_in_focus(extractor: Extractor) -> None:
    text = "Fiji hosted the forum in Suva. The Government has since signed an agreement with Samoa."
    assert ("country:FJI", "agreement", "country:WSM") in typed(extractor.extract_text(text))


@pytest.mark.parametrize("text", [
    "The Government has since signed an agreement with Samoa.",  # no country in focus
    "Fiji hosted the forum. Both countries have since signed an agreement with Samoa.",  # one country is not both
])
def test_no_referent_no_relation(extractor: Extractor, text: str) -> None:
    assert not extractor.extract_text(text).relations


@pytest.mark.parametrize("second", [
    "The ILO is acting as a facilitator of these peer-to-peer exchanges with Angola and Mozambique.",
    "These exchanges with Angola and Mozambique are facilitated by the ILO.",
])
def test_these_exchanges_are_the_previous_relations(extractor: Extractor, second: str) -> None:
    text = f"Brazil engaged in cooperation within the African Union on child labour. {second}"
    relations = {(r.source, r.type, r.target): r.confidence for r in extractor.extract_text(text).relations}
    assert {("country:BRA", "exchange", "country:AGO"), ("country:BRA", "exchange", "country:MOZ")} <= relations.keys()
    assert relations[("country:BRA", "exchange", "country:AGO")] < relations[("country:BRA", "cooperation", "org:au")]


def test_bilateral_cooperation_is_the_country_in_focus(extractor: Extractor) -> None:
    text = "The Minister outlined Singapore’s carbon tax.\nHe also welcomed bilateral cooperation with China."
    assert ("country:SGP", "cooperation", "country:CHN") in typed(extractor.extract_text(text))


@pytest.mark.parametrize("examples", ["institutions such as", "institutions like", "partners including"])
def test_the_examples_of_a_partner_noun_are_the_partners(extractor: Extractor, examples: str) -> None:
    text = f"The Lumora Institute works with {examples} the University of Ghana and the African Union."
    assert typed(extractor.extract_text(text)) == {
        ("org:lumora-institute", "cooperation", "org:university-of-ghana"), ("org:lumora-institute", "cooperation", "org:au")}


def test_partner_countries_are_not_partners_of_each_other(extractor: Extractor) -> None:
    text = "partnering countries such as Kenya and Ghana to support training in the region."
    assert not [r for r in extractor.extract_text(text).relations if r.type == "cooperation"]


# ------------------------------------------------------------------------------------------- names and words
def test_a_prefix_the_tokenizer_cut_off_is_part_of_the_cue(extractor: Extractor) -> None:
    text = "She thanked the Governments of Spain and Switzerland for co-sponsoring this event."
    assert typed(extractor.extract_text(text)) == {("country:ESP", "joint_implementation", "country:CHE")}


def test_an_organisation_office_in_a_country_is_the_organisation(extractor: Extractor) -> None:
    text = "She thanked UNDP Philippines and the Government of Japan for co-sponsoring this event."
    assert typed(extractor.extract_text(text)) == {("org:undp", "joint_implementation", "country:JPN")}


def test_a_conjunct_hung_on_the_rest_of_a_name(extractor: Extractor) -> None:
    text = "The workshop was organized by the University of Nairobi for Science and Technology and the ILO."
    assert typed(extractor.extract_text(text)) == {("org:university-of-nairobi", "joint_implementation", "org:ilo")}


def test_a_fronted_participle_made_the_clause_subject(extractor: Extractor) -> None:
    made = "Sponsored by the FAO and the World Bank, this workshop aims to develop a toolkit."
    adopted = "Sponsored by the FAO and the World Bank, the proposal was adopted."  # no joint product
    assert typed(extractor.extract_text(made)) == {("org:fao", "joint_implementation", "org:world-bank")}
    assert not extractor.extract_text(adopted).relations


def test_co_facilitators_implement_jointly(extractor: Extractor) -> None:
    text = "The intergovernmental review, co-facilitated by Ireland and Jamaica, ends in May."
    assert typed(extractor.extract_text(text)) == {("country:IRL", "joint_implementation", "country:JAM")}


def test_a_partnership_of_coordinated_actors_pairs_them(extractor: Extractor) -> None:
    text = "UNDP reported on UN-REDD, a partnership of FAO, UNICEF and UNEP that was launched in 2008."
    pairs = {frozenset((r.source, r.target)) for r in extractor.extract_text(text).relations if r.type == "cooperation"}
    assert pairs == {frozenset(p) for p in (("org:fao", "org:unicef"), ("org:fao", "org:unep"), ("org:unicef", "org:unep"))}


# ------------------------------------------------------------------------------------------- lists of names
def pairs_of(extraction: Extraction, kind: str) -> set[frozenset[str]]:
    return {frozenset((r.source, r.target)) for r in extraction.relations if r.type == kind}


def test_a_long_list_of_partners_pairs_every_two(extractor: Extractor) -> None:
    text = ("This initiative is a collaborative partnership between the Examplia Institute for Health and Population "
            "Research (EIHPR), Otherland Biomedical Research Centre, the College of Veterinary Medicine, Animal "
            "Resources and Biosecurity (COVAB), the University of Edinburgh and the Roslin Institute.")
    extraction = extractor.extract_text(text)
    ids = {e.id for e in extraction.entities if e.type == "organisation"}
    assert len(ids) == 5
    assert pairs_of(extraction, "cooperation") == {frozenset((a, b)) for a in ids for b in ids if a < b}


def test_a_unit_written_beside_its_body_is_part_of_it_and_no_party_to_it(extractor: Extractor) -> None:
    """"Harbour University, Faculty of Marine Science" is one address: the faculty is part of the university, not
    its partner. In a longer list of names ("the Examplia Institute, the College of X, the University of Y and Z")
    every item is a party."""
    hosted = extractor.extract_text(
        "The workshop was hosted by Harbour University, Faculty of Marine Science, together with the Examplia Water Agency.")
    parents = {e.name: e.parent for e in hosted.entities}
    assert parents["Faculty of Marine Science"] == "org:harbour-university"
    assert frozenset(("org:harbour-university", "org:faculty-of-marine-science")) not in pairs_of(hosted, "cooperation")
    assert frozenset(("org:harbour-university", "org:examplia-water-agency")) in pairs_of(hosted, "cooperation")
    listed = extractor.extract_text(
        "This is a partnership between the Examplia Institute, the College of Veterinary Medicine, the University of "
        "Edinburgh and the Roslin Institute.")
    assert all(e.parent is None for e in listed.entities)
    assert len(pairs_of(listed, "cooperation")) == 6


def test_a_participles_aside_on_an_item_is_no_item(extractor: Extractor) -> None:
    text = ("The programme rests on a partnership agreement between the Examplia Centre for Trade (ECT), affiliated "
            "to UNDP, and the International Trade Centre (ITC).")
    assert pairs_of(extractor.extract_text(text), "agreement") == {frozenset(("org:examplia-centre-for-trade", "org:itc"))}


def test_a_fronted_phrase_is_about_the_names_after_its_comma(extractor: Extractor) -> None:
    text = ("Working in a three-way partnership, the International Labour Organization (ILO), the World Health "
            "Organization (WHO) and UNICEF have brought together experts from business and science.")
    assert pairs_of(extractor.extract_text(text), "cooperation") == {
        frozenset(p) for p in (("org:ilo", "org:who"), ("org:ilo", "org:unicef"), ("org:who", "org:unicef"))}


def test_organisers_listed_after_the_agent(extractor: Extractor) -> None:
    text = ("Organized by the United Nations Development Programme (UNDP), the Food and Agriculture Organization "
            "(FAO) and UNICEF, the conference sought to create a space for dialogue.")
    assert pairs_of(extractor.extract_text(text), "joint_implementation") == {
        frozenset(p) for p in (("org:undp", "org:fao"), ("org:undp", "org:unicef"), ("org:fao", "org:unicef"))}


@pytest.mark.parametrize("text", [
    "The event was organized by the New Economics Foundation (NEF), UK; and UNICEF, India.",  # where each one is
    "How can the Environment Assembly, the United Nations Environment Assembly, create synergy with UNEP?",
    "Recalling that REDD is part of the UNFCCC discussions, the Russian Federation said it must be verifiable.",
])
def test_a_country_or_name_beside_a_list_is_no_item(extractor: Extractor, text: str) -> None:
    assert not [r for r in extractor.extract_text(text).relations if r.source.startswith("country:")
                or r.target.startswith("country:") or r.target == "org:un" or r.source == "org:un"]


# ------------------------------------------------------------------------------------------- who speaks
TRANSCRIPT = """Speakers:
- Ms Ana Lima, Director, UNICEF
- Mr Ben Ode, Economist, UNDP

Welcome everyone. I now invite Ana Lima to speak. >> Thank you very much. We are partnering with the World Bank \
on data. >> Thank you. Ben Ode, over to you please. >> Good morning. We work closely with the ILO on jobs. >> Thank \
you all. >> We also work with the WHO."""


def test_a_transcript_turn_is_the_speaker_handed_the_floor(extractor: Extractor) -> None:
    assert typed(extractor.extract_text(TRANSCRIPT)) == {
        ("org:unicef", "cooperation", "org:world-bank"), ("org:undp", "cooperation", "org:ilo")}


# ------------------------------------------------------------------------------------------- people as parties
def test_signatories_act_on_behalf_of_whom_they_name(extractor: Extractor) -> None:
    text = ("Ms Ana Lima, Secretary, Ministry of Finance, on behalf of the Government of Ghana, and Mr Ben Ode, "
            "Vice President, on behalf of the World Bank, signed the agreement.")
    assert typed(extractor.extract_text(text)) == {("country:GHA", "agreement", "org:world-bank")}


def test_an_office_holder_stands_for_the_body_they_head(extractor: Extractor) -> None:
    text = "Fiji’s Minister of Trade Ana Lima signed a memorandum of understanding with Samoa’s President Ben Ode."
    assert typed(extractor.extract_text(text)) == {("country:FJI", "agreement", "country:WSM")}


def test_two_ministers_sign_for_their_ministries_and_their_countries(extractor: Extractor) -> None:
    text = ("Ms Ana Lima, Minister of Health, Ministry of Health, Ghana, signed a cooperation agreement with Mr Ben "
            "Ode, Minister of Health, Ministry of Health, Kenya.")
    assert pairs_of(extractor.extract_text(text), "agreement") == {
        frozenset(("country:GHA", "country:KEN")),
        frozenset(("org:gha-ministry-of-health", "org:ken-ministry-of-health"))}


@pytest.mark.parametrize("text", [
    "This breakout group was facilitated by Ana Lima, Belize, who was assisted by rapporteur Ben Ode, Trinidad and Tobago.",
    "The delegation of Samoa, joined by the Ambassador of Fiji, met officials.",  # company, not membership
    "Answering a question, Ana Lima of the University of Ghana said that there is no cooperation with UNICEF.",
])
def test_people_helping_people_accompanying_or_denying(extractor: Extractor, text: str) -> None:
    assert not extractor.extract_text(text).relations


def test_we_is_whoever_last_took_the_floor(extractor: Extractor) -> None:
    text = ("Ms Ana Lima, Counsellor, Australian High Commission, and Mr Ben Ode, Director, UNDP, attended.\n\n"
            "Mr Ode opened the session.\n\nAt the close, Ms Lima said the talks went well. “We have been a strong "
            "supporter of UNICEF since its establishment,” she said.")
    assert typed(extractor.extract_text(text)) == {("country:AUS", "support", "org:unicef")}


@pytest.mark.parametrize(("text", "expected"), [
    (("Professor Ana Lima reiterated the appreciation of the University of the South Pacific to the Governments of "
      "Australia and New Zealand for their continued support to the University."),
     {("country:AUS", "support", "org:usp"), ("country:NZL", "support", "org:usp")}),
    ("UNDP and UNEP renewed their partnership with the World Bank.",
     {("org:undp", "cooperation", "org:world-bank"), ("org:unep", "cooperation", "org:world-bank")}),
])
def test_their_is_the_group_named_before(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert typed(extractor.extract_text(text)) == expected


# ------------------------------------------------------------------------------------------- groups, grants, hosts
@pytest.mark.parametrize(("text", "expected"), [
    ("The Global Ocean Alliance (GOA) is a partnership of 24 countries and the European Commission working together.",
     {("org:european-commission", "membership", "org:global-ocean-alliance")}),
    ("Created by UNDP, UNEP and UNICEF, this was the third Examplia Forum.",
     {("org:undp", "joint_implementation", "org:unep"), ("org:undp", "joint_implementation", "org:unicef"),
      ("org:unep", "joint_implementation", "org:unicef")}),
    ("Fiji hosted a side event titled “Oceans and Us” with Samoa and UNDP.",
     {("country:FJI", "joint_implementation", "country:WSM"), ("country:FJI", "joint_implementation", "org:undp"),
      ("country:WSM", "joint_implementation", "org:undp")}),
])
def test_groups_makers_and_hosts(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert typed(extractor.extract_text(text)) == expected


def test_a_grant_for_a_project_supports_its_parties(extractor: Extractor) -> None:
    text = ("An international research grant for a joint research project between the University of Lagos, the "
            "University of Sussex and Kenyatta University has been awarded by the World Bank.")
    assert {(r.source, r.target) for r in extractor.extract_text(text).relations if r.type == "support"} == {
        ("org:world-bank", "org:university-of-lagos"), ("org:world-bank", "org:university-of-sussex"),
        ("org:world-bank", "org:kenyatta-university")}


@pytest.mark.parametrize("text", [
    "India and South Africa submitted a waiver, and their proposal is supported by the European Parliament.",
    "The University hosts consultations with Australia and New Zealand respectively.",
])
def test_backing_a_proposal_or_meeting_each_in_turn(extractor: Extractor, text: str) -> None:
    assert not [r for r in extractor.extract_text(text).relations
                if r.source.startswith("country:") and r.target.startswith("country:") or r.type == "support"]


def test_a_name_written_again_where_the_tagger_missed_it(extractor: Extractor) -> None:
    text = ("The Ocean Data Network (ODN) and the Global Biodiversity Information Facility (GBIF) met in Bogota. "
            "ODN has been an associate member of GBIF since 2001.")  # the tagger sees no second "GBIF"
    assert typed(extractor.extract_text(text)) == {
        ("org:ocean-data-network", "membership", "org:global-biodiversity-information-facility")}


# ------------------------------------------------------------------------------------------- layout
@pytest.mark.parametrize(("text", "expected"), [
    ("Organised by UNDP in partnership with UNICEF and the World Bank",
     {("org:undp", "cooperation", "org:unicef"), ("org:undp", "cooperation", "org:world-bank")}),
    ("Supported by: the European Union, Japan and UNESCO\n\nOrganised by UNEP",
     {("org:eu", "support", "org:unep"), ("country:JPN", "support", "org:unep"), ("org:unesco", "support", "org:unep")}),
    ("Our partners:\n- UNICEF\n- World Bank\n\nThe forum was organised by UNDP.",
     {("org:undp", "cooperation", "org:unicef"), ("org:undp", "cooperation", "org:world-bank")}),
    ("Hosted by the Government of Fiji, co-hosted with UNDP", {("country:FJI", "joint_implementation", "org:undp")}),
    ("Chile and Peru: Thirty Years of Partnership\n\nThe ministers met in Lima.", {("country:CHL", "cooperation", "country:PER")}),
    ("Japan / Kenya Joint Statement\n\nThe ministers met in Lima.", {("country:JPN", "joint_implementation", "country:KEN")}),
    ("Alliance Partners: UNDP / UNICEF / Examplia Institute for Oceans",  # a title-case plural cue
     {("org:undp", "cooperation", "org:unicef"), ("org:undp", "cooperation", "org:examplia-institute-for-oceans"),
      ("org:unicef", "cooperation", "org:examplia-institute-for-oceans")}),
    ("Examplia Institute for Oceans and the World Bank: A Partnership for Oceans\n\nThe ministers met.",
     {("org:examplia-institute-for-oceans", "cooperation", "org:world-bank")}),
])
def test_labels_and_headings(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    relations = extractor.extract_text(text).relations
    assert typed(extractor.extract_text(text)) == expected
    assert all(r.confidence <= 0.75 for r in relations)  # read from the layout or a borrowed subject


@pytest.mark.parametrize("text", [
    "Partners from UNICEF, the World Bank and UNEP were among the participants of the UNDP workshop.",
    "Supported by: the European Union and Japan",  # nobody named as organiser
    "Chile and Peru: Thirty Years of Elections",  # no cue
])
def test_a_label_needs_its_colon_and_an_organiser(extractor: Extractor, text: str) -> None:
    assert not extractor.extract_text(text).relations


def test_a_slash_separates_the_items_of_a_list(extractor: Extractor) -> None:
    text = "Supported by: the European Union / Japan / UNESCO\n\nOrganised by the Examplia Institute for Oceans"
    assert typed(extractor.extract_text(text)) == {
        (s, "support", "org:examplia-institute-for-oceans") for s in ("org:eu", "country:JPN", "org:unesco")}


def test_coordinated_cues_share_the_hyphen_joined_modifiers(extractor: Extractor) -> None:
    text = "Ms Ana Lima welcomed the Japan–Kenya friendship and partnership."
    assert pairs_of(extractor.extract_text(text), "cooperation") == {frozenset(("country:JPN", "country:KEN"))}


def test_co_sponsors_of_the_event_join_its_organisers(extractor: Extractor) -> None:
    text = "The workshop was organised by the Examplia Institute for Oceans. The event was co-sponsored by Japan and Kenya."
    assert pairs_of(extractor.extract_text(text), "joint_implementation") == {
        frozenset(p) for p in (("country:JPN", "country:KEN"), ("country:JPN", "org:examplia-institute-for-oceans"),
                               ("country:KEN", "org:examplia-institute-for-oceans"))}


def test_a_programme_row_is_no_heading(extractor: Extractor) -> None:
    text = "11:30 – 12:00 Partner Update and Priorities UNICEF 12:00 – 12:15 Partner Update and Priorities UNDP"
    assert not extractor.extract_text(text).relations


@pytest.mark.parametrize(("text", "expected"), [
    ("UNDP and the World Bank met in Bogota.\n\nTogether, the two organisations will continue their collaboration.",
     {frozenset(("org:undp", "org:world-bank"))}),
    ("Fiji and Samoa met in Apia. The two sides signed an agreement on fisheries.", {frozenset(("country:FJI", "country:WSM"))}),
    ("Japan and Kenya met. An Exchange of Notes between the two Governments was signed.",
     {frozenset(("country:JPN", "country:KEN"))}),
])
def test_the_two_sides_are_the_pair_just_named(extractor: Extractor, text: str, expected: set[frozenset[str]]) -> None:
    relations = extractor.extract_text(text).relations
    assert {frozenset((r.source, r.target)) for r in relations} == expected
    assert {r.type for r in relations} <= {"cooperation", "agreement"}


# ------------------------------------------------------------------------------------------- meetings and requests
@pytest.mark.parametrize(("text", "expected"), [
    ("Japan discussed cooperation on fisheries with Fiji.", {("country:JPN", "cooperation", "country:FJI")}),
    ("The delegation of the United States met Prime Minister Ana Lima of Papua New Guinea to discuss the defence "
     "cooperation agreement.", {("country:USA", "cooperation", "country:PNG"), ("country:USA", "agreement", "country:PNG")}),
    ("The Government of Nepal has requested the World Bank to provide financial assistance for the project.",
     {("org:world-bank", "support", "country:NPL")}),
    ("Nepal received funding from Japan for the school.", {("country:JPN", "support", "country:NPL")}),
    ("The University of Examplia delegation travelled to Lakeside to sign a memorandum of understanding with the "
     "Otherland Water Agency.", {("org:university-of-examplia", "agreement", "org:otherland-water-agency")}),
])
def test_whom_one_meets_or_asks(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert typed(extractor.extract_text(text)) == expected


@pytest.mark.parametrize("text", [
    "In the discussion, the UK asked Ana Lima about the funding of UNICEF.",  # a question, not a request for funds
    "Ms Lima participated in a side event hosted by UN-Water in a panel discussion with Brunei’s Minister.",
])
def test_a_question_or_a_panel_is_no_counterpart(extractor: Extractor, text: str) -> None:
    assert not [r for r in extractor.extract_text(text).relations if r.target.startswith("country:")
                or r.source.startswith("country:")]


def test_a_grant_nobody_gives_is_the_paragraph_subjects(extractor: Extractor) -> None:
    text = "Japan announced new aid for the Pacific on Monday. A grant of EUR 2 million was extended to Fiji for schools."
    relation, = extractor.extract_text(text).relations
    assert (relation.source, relation.type, relation.target) == ("country:JPN", "support", "country:FJI")
    assert relation.confidence < extractor.extract_text("Japan extended a loan to Fiji.").relations[0].confidence


@pytest.mark.parametrize("text", [
    "Ms Ana Lima, Speaker, Parliament of Kenya, opened the sitting. So I greet all of you, dear members of the African Union.",
    "The Secretariat of UNEP briefed members. In the discussion, the UK asked about CARICOM’s funding of projects.",
])
def test_greeting_members_or_asking_about_funding(extractor: Extractor, text: str) -> None:
    assert not [r for r in extractor.extract_text(text).relations if r.type in ("membership", "support")]


def test_a_list_item_owned_by_a_name(extractor: Extractor) -> None:
    text = "The Examplia Working Group (EWG) is part of the African Union (AU) and the UN’s Economic Commission for Africa (ECA)."
    assert typed(extractor.extract_text(text)) == {("org:examplia-working-group", "membership", "org:au"),
                                                   ("org:examplia-working-group", "membership", "org:uneca")}


def test_a_turn_handed_to_someone_named_with_their_institution(extractor: Extractor) -> None:
    text = ("Welcome. Very quickly, Maria Gonzalez from UNICEF, how do you see this? >> Yes. We are partnering with "
            "the World Bank on data.")
    assert typed(extractor.extract_text(text)) == {("org:unicef", "cooperation", "org:world-bank")}


def test_signing_on_behalf_of_a_body_with_partners_placed_in_countries(extractor: Extractor) -> None:
    text = ("The Deputy Vice-Chancellor, Professor Ana Lima, on behalf of the Vice Chancellor of the University of "
            "Lagos, recently signed the consortium agreement with the University of Sussex in the United Kingdom and "
            "Kenyatta University in Kenya.")
    assert {(r.source, r.target) for r in extractor.extract_text(text).relations if r.type == "agreement"} == {
        ("org:university-of-lagos", "org:university-of-sussex"), ("org:university-of-lagos", "org:kenyatta-university")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Grant Agreements between the Government of Nepal and the Japan International Cooperation Agency were signed.",
     {("country:NPL", "agreement", "org:jica")}),
    ("10:30 – 11:00 MoU signing between UNDP and the Government of Fiji\n11:00 – 11:30 Coffee break",
     {("org:undp", "agreement", "country:FJI")}),
])
def test_signings_in_title_case_and_agenda_lines(extractor: Extractor, text: str,
                                                  expected: set[tuple[str, str, str]]) -> None:
    assert typed(extractor.extract_text(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Chile / Peru Joint Statement\n\nThe ministers met in Lima.", {("country:CHL", "joint_implementation", "country:PER")}),
    ("UNDP / UNICEF / UNEP Joint Programme\n\nThe forum opened.",  # '/' separates the items of a list
     {("org:undp", "joint_implementation", "org:unicef"), ("org:undp", "joint_implementation", "org:unep"),
      ("org:unicef", "joint_implementation", "org:unep")}),
    ("Chile and the World Bank: Partnership for Development\n\nThe ministers met in Lima.",
     {("country:CHL", "cooperation", "org:world-bank")}),
])
def test_a_heading_of_one_list_with_a_symmetric_cue(extractor: Extractor, text: str,
                                                    expected: set[tuple[str, str, str]]) -> None:
    assert typed(extractor.extract_text(text)) == expected


def test_a_heading_with_names_and_no_cue_is_no_relation(extractor: Extractor) -> None:
    assert not extractor.extract_text("Chile, Peru and UNDP: Report of the Meeting").relations


def test_an_acronym_that_signs_is_a_party_and_a_country_after_its_partner_is_where_it_is(extractor: Extractor) -> None:
    text = "EXRA has signed a Memorandum of Understanding with the University of Edinburgh, UK, for academic exchange."
    assert pairs_of(extractor.extract_text(text), "agreement") == {frozenset(("org:exra", "org:university-of-edinburgh"))}


@pytest.mark.parametrize(("text", "pair"), [
    ("STACK integration started through a partnership between EXDEMS and Harbour University in 2019.",
     ("org:exdems", "org:harbour-university")),
    ("EXDEMS sponsored a one-day Research Data Management workshop at Harbour University.", None),
])
def test_a_one_word_body_the_ner_tags_is_a_party_where_a_relation_names_it(extractor: Extractor, text: str, pair) -> None:
    extraction = extractor.extract_text(text)
    assert "org:exdems" in {e.id for e in extraction.entities}
    if pair is not None:
        assert frozenset(pair) in pairs_of(extraction, "cooperation")
